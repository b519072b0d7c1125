#include "interpreter/tools/log_generator.hpp"

#include <algorithm>
#include <array>
#include <optional>
#include <span>

#include "grammar/text/json_writer.hpp"
#include "grammar/text/timestamp.hpp"

namespace afterflow::tools {

using eventlog::text_sink;
using grammar::append_json_number;
using grammar::append_timestamp;

namespace {

constexpr std::int64_t seconds_per_minute = 60;
constexpr std::int64_t seconds_per_hour = 3600;
constexpr std::int64_t seconds_per_day = 86400;
constexpr std::int64_t never_scheduled = INT64_MAX;
constexpr std::size_t chunk_bytes = 64 * 1024;

// xoshiro256** (Blackman & Vigna), seeded through splitmix64.
class random_stream {
 public:
  explicit random_stream(std::uint64_t seed) {
    for (auto& word : state_) {
      seed += 0x9E3779B97F4A7C15ULL;
      std::uint64_t z = seed;
      z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
      z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
      word = z ^ (z >> 31);
    }
  }

  std::uint64_t next() {
    const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
    const std::uint64_t t = state_[1] << 17;
    state_[2] ^= state_[0];
    state_[3] ^= state_[1];
    state_[1] ^= state_[2];
    state_[0] ^= state_[3];
    state_[2] ^= t;
    state_[3] = rotl(state_[3], 45);
    return result;
  }

  /// Uniform in [0, n) (the modulo bias is below 2^-40 for the n used here).
  std::uint64_t below(std::uint64_t n) { return (next() >> 11) % n; }
  /// Uniform in [lo, hi].
  std::int64_t between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(hi - lo + 1)));
  }
  /// True with probability per_mille / 1000.
  bool chance(std::uint32_t per_mille) { return below(1000) < per_mille; }
  /// An index drawn with the given integer weights.
  std::size_t pick(std::span<const std::uint32_t> weights) {
    std::uint64_t total = 0;
    for (const auto w : weights) total += w;
    auto r = below(total);
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (r < weights[i]) return i;
      r -= weights[i];
    }
    return weights.size() - 1;
  }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
  std::array<std::uint64_t, 4> state_{};
};

// Zones with their standard offset (local times are placed with it; DST is
// ignored, which only shifts a few orders by an hour), currency and the
// carrier that delivers there.
struct zone_info {
  std::string_view name;
  std::int64_t offset_minutes;
  std::string_view currency;
  std::uint32_t per_thousand_eur;  // currency units per 1000 EUR
  bool whole;                      // priced without cents
  std::string_view carrier;
  std::string_view tracking;  // tracking URL prefix
};

constexpr std::array<zone_info, 11> zones{{
    {"Europe/Prague", 60, "CZK", 25'000, true, "PPL", "https://www.ppl.cz/vyhledat-zasilku?shipmentId="},
    {"Europe/London", 0, "GBP", 850, false, "Royal Mail",
     "https://www.royalmail.com/track-your-item#/tracking-results/"},
    {"Europe/Berlin", 60, "EUR", 1000, false, "DHL",
     "https://www.dhl.de/de/privatkunden/dhl-sendungsverfolgung.html?piececode="},
    {"Europe/Paris", 60, "EUR", 1000, false, "Colissimo", "https://www.laposte.fr/outils/suivre-vos-envois?code="},
    {"Europe/Madrid", 60, "EUR", 1000, false, "SEUR", "https://www.seur.com/livetracking/?segOnlineIdentificador="},
    {"America/New_York", -300, "USD", 1080, false, "UPS", "https://www.ups.com/track?tracknum="},
    {"America/Chicago", -360, "USD", 1080, false, "FedEx", "https://www.fedex.com/fedextrack/?trknbr="},
    {"America/Los_Angeles", -480, "USD", 1080, false, "USPS", "https://tools.usps.com/go/TrackConfirmAction?tLabels="},
    {"America/Sao_Paulo", -180, "BRL", 5400, false, "Correios",
     "https://rastreamento.correios.com.br/app/index.php?objeto="},
    {"Asia/Tokyo", 540, "JPY", 160'000, true, "Japan Post",
     "https://trackings.post.japanpost.jp/services/srv/search/?requestNo1="},
    {"Australia/Sydney", 600, "AUD", 1650, false, "Australia Post", "https://auspost.com.au/mypost/track/details/"},
}};
constexpr std::array<std::uint32_t, 11> zone_weights{10, 16, 12, 9, 6, 14, 8, 9, 6, 5, 5};

struct category_info {
  std::string_view name;
  std::string_view code;
  std::int64_t low_cents;  // item price range, EUR
  std::int64_t high_cents;
  bool consumable;  // bought again when it runs out: days_of_supply
};

constexpr std::array<category_info, 10> categories{{
    {"apparel", "APP", 1500, 12000, false},
    {"beauty", "BEA", 800, 6000, true},
    {"electronics", "ELE", 2500, 90000, false},
    {"home", "HOM", 1200, 25000, false},
    {"books", "BOO", 800, 4000, false},
    {"toys", "TOY", 1000, 8000, false},
    {"grocery", "GRO", 500, 4500, true},
    {"sports", "SPO", 1500, 20000, false},
    {"pets", "PET", 800, 7000, true},
    {"jewelry", "JEW", 3000, 40000, false},
}};
constexpr std::array<std::uint32_t, 10> category_weights{22, 12, 10, 14, 8, 7, 9, 8, 6, 4};

constexpr std::array<std::string_view, 16> first_names{"Jana",    "Petr",   "Olivia", "Noah",  "Emma", "Lukas",
                                                       "Chloe",   "Lucas",  "Sofia",  "Mateo", "Ava",  "Liam",
                                                       "Beatriz", "Haruto", "Yui",    "Jack"};
constexpr std::array<std::string_view, 5> payment_methods{"card", "paypal", "apple_pay", "bank_transfer", "klarna"};
constexpr std::array<std::uint32_t, 5> payment_weights{60, 20, 10, 5, 5};
constexpr std::array<std::string_view, 3> cancel_reasons{"customer_request", "payment_failed", "out_of_stock"};
constexpr std::array<std::string_view, 4> return_reasons{"wrong_size", "damaged", "not_as_described", "changed_mind"};
constexpr std::array<std::string_view, 4> coupons{"WELCOME10", "SPRING15", "FREESHIP", "VIP20"};
constexpr std::array<std::string_view, 4> ticket_topics{"where_is_my_order", "return", "damaged_item", "billing"};
constexpr std::array<std::string_view, 3> resolutions{"resolved", "refunded", "replaced"};

// Local hour of an order: quiet at night, peaks at lunch and in the evening.
constexpr std::array<std::uint32_t, 24> order_hours{1, 1, 1, 1, 1, 1, 2, 3,  4,  5,  6, 7,
                                                    9, 9, 7, 6, 6, 7, 8, 10, 11, 10, 7, 3};
constexpr std::array<std::uint32_t, 6> order_counts{45, 22, 13, 9, 6, 5};           // 1..6 orders
constexpr std::array<std::uint32_t, 5> item_counts{50, 25, 13, 8, 4};               // 1..5 items
constexpr std::array<std::uint32_t, 4> ship_day_weights{35, 35, 20, 10};            // 1..4 days
constexpr std::array<std::uint32_t, 6> delivery_day_weights{25, 30, 20, 13, 8, 4};  // 2..7 days
constexpr std::array<std::uint32_t, 4> status_views{40, 35, 17, 8};                 // 0..3 views
constexpr std::int64_t promised_days = 5;
// Review scores 1..5: on time, late, returned.
constexpr std::array<std::uint32_t, 5> scores_on_time{5, 4, 9, 22, 60};
constexpr std::array<std::uint32_t, 5> scores_late{15, 12, 18, 25, 30};
constexpr std::array<std::uint32_t, 5> scores_returned{30, 25, 20, 15, 10};
constexpr std::array<std::uint32_t, 11> nps_scores{2, 1, 1, 2, 2, 4, 6, 10, 17, 25, 30};  // 0..10

enum class kind : unsigned char {
  order_placed,
  order_paid,
  order_shipped,
  order_delivered,
  order_cancelled,
  order_returned,
  refund_issued,
  order_status_viewed,
  review_submitted,
  nps_submitted,
  support_ticket_opened,
  support_ticket_closed,
  csat_submitted,
  count
};

constexpr std::array<std::string_view, static_cast<std::size_t>(kind::count)> kind_names{
    "order_placed",     "order_paid",     "order_shipped",         "order_delivered",
    "order_cancelled",  "order_returned", "refund_issued",         "order_status_viewed",
    "review_submitted", "nps_submitted",  "support_ticket_opened", "support_ticket_closed",
    "csat_submitted"};

// What a customer is, drawn first from its stream (shared with the profiles).
struct profile {
  std::size_t zone = 0;
  std::string_view first_name;
  bool opt_in = true;
  std::uint32_t orders = 1;
  std::int64_t first_order = 0;  // seconds
  std::int64_t signup = 0;
  bool nps = false;
  std::uint32_t ticket_order = 0;  // 1-based; 0: no ticket
};

std::string customer_id(std::uint32_t index) {
  std::string id = "c";
  const auto digits = std::to_string(index + 1);
  if (digits.size() < 6) id.append(6 - digits.size(), '0');
  return id + digits;
}

// "o000123-2": the customer's number with a prefix and a sequence number.
std::string numbered_id(char prefix, std::string_view customer, std::uint32_t n) {
  std::string id(1, prefix);
  id += customer.substr(1);
  id += '-';
  id += std::to_string(n);
  return id;
}

struct period {
  std::int64_t start = 0;  // seconds
  std::int64_t end = 0;
};

// The generator draws and schedules in whole seconds.
grammar::instant at(std::int64_t seconds) { return grammar::instant(std::chrono::seconds(seconds)); }
std::int64_t seconds_of(grammar::instant t) {
  return std::chrono::floor<std::chrono::seconds>(t).time_since_epoch().count();
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

std::int64_t local_day(std::int64_t t, const zone_info& z) {
  return floor_div(t + z.offset_minutes * seconds_per_minute, seconds_per_day);
}
std::int64_t at_local(std::int64_t day, std::int64_t second_of_day, const zone_info& z) {
  return day * seconds_per_day + second_of_day - z.offset_minutes * seconds_per_minute;
}

std::int64_t order_second_of_day(random_stream& r) {
  return static_cast<std::int64_t>(r.pick(order_hours)) * seconds_per_hour + r.between(0, seconds_per_hour - 1);
}

profile draw_profile(random_stream& r, const period& p) {
  profile f;
  f.zone = r.pick(zone_weights);
  f.first_name = first_names[r.below(first_names.size())];
  f.opt_in = r.chance(850);
  f.orders = static_cast<std::uint32_t>(r.pick(order_counts)) + 1;
  const auto& z = zones[f.zone];
  const auto days = (p.end - p.start) / seconds_per_day;
  const auto first_day = floor_div(p.start, seconds_per_day) + r.between(0, std::max<std::int64_t>(days - 1, 0));
  f.first_order = at_local(first_day, order_second_of_day(r), z);
  if (f.first_order < p.start) f.first_order += seconds_per_day;
  if (f.first_order >= p.end) f.first_order -= seconds_per_day;
  f.signup = std::max(p.start, f.first_order - r.between(2 * seconds_per_minute, 40 * seconds_per_minute));
  f.nps = r.chance(150);
  f.ticket_order = r.chance(50) ? static_cast<std::uint32_t>(r.between(1, f.orders)) : 0;
  return f;
}

random_stream stream_of(std::uint64_t seed, std::uint32_t index) {
  return random_stream(seed ^ ((static_cast<std::uint64_t>(index) + 1) * 0xD1B54A32D192ED03ULL));
}

// Builds one JSON line; all generated strings are plain ASCII.
class line_builder {
 public:
  std::string take() {
    text_ += "}}\n";
    return std::move(text_);
  }

  void start(std::int64_t seconds, std::string_view customer, std::string_view head) {
    text_.clear();
    text_ += "{\"time\":\"";
    append_timestamp(text_, at(seconds));
    text_ += "\",\"customer\":\"";
    text_ += customer;
    text_ += head;
    first_ = true;
  }
  void event(std::int64_t seconds, std::string_view customer, kind k) {
    start(seconds, customer, "\",\"event\":\"");
    text_ += kind_names[static_cast<std::size_t>(k)];
    text_ += "\",\"props\":{";
  }
  void traits(std::int64_t seconds, std::string_view customer) { start(seconds, customer, "\",\"traits\":{"); }

  line_builder& text(std::string_view key, std::string_view v) {
    name(key);
    text_.push_back('"');
    text_ += v;
    text_.push_back('"');
    return *this;
  }
  line_builder& number(std::string_view key, double v) {
    name(key);
    append_json_number(text_, v);
    return *this;
  }
  line_builder& boolean(std::string_view key, bool v) {
    name(key);
    text_ += v ? "true" : "false";
    return *this;
  }
  line_builder& time(std::string_view key, std::int64_t seconds) {
    name(key);
    text_.push_back('"');
    append_timestamp(text_, at(seconds));
    text_.push_back('"');
    return *this;
  }
  line_builder& texts(std::string_view key, const std::vector<std::string>& items) {
    name(key);
    text_.push_back('[');
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (i > 0) text_.push_back(',');
      text_.push_back('"');
      text_ += items[i];
      text_.push_back('"');
    }
    text_.push_back(']');
    return *this;
  }

 private:
  void name(std::string_view key) {
    if (!first_) text_.push_back(',');
    first_ = false;
    text_.push_back('"');
    text_ += key;
    text_ += "\":";
  }

  std::string text_;
  bool first_ = true;
};

struct pending {
  std::int64_t time = 0;
  std::uint32_t seq = 0;
  kind event = kind::order_placed;
  std::string line;
};

struct customer_state {
  explicit customer_state(random_stream r) : random(r) {}

  random_stream random;
  profile who;
  std::string id;
  std::uint32_t orders_placed = 0;
  std::int64_t next_order = never_scheduled;
  bool identified = false;
  bool nps_done = false;
  std::uint32_t seq = 0;
  std::vector<pending> queue;  // by (time, seq)

  std::int64_t next_time() const {
    auto t = next_order;
    if (!identified) t = std::min(t, who.signup);
    if (!queue.empty()) t = std::min(t, queue.front().time);
    return t;
  }
};

// An order being expanded into its events.
struct order {
  std::string id;
  const category_info* category = nullptr;
  double total = 0;
  std::vector<std::string> skus;
};

class generator {
 public:
  generator(const log_generator_options& options, const text_sink& write) : options_(options), write_(write) {
    const auto start = seconds_of(options.start);
    period_ = {start, start + static_cast<std::int64_t>(options.days) * seconds_per_day};
  }

  log_generator_stats run() {
    customers_.reserve(options_.customers);
    heap_.reserve(options_.customers);
    for (std::uint32_t i = 0; i < options_.customers; ++i) {
      customer_state c(stream_of(options_.seed, i));
      c.who = draw_profile(c.random, period_);
      c.id = customer_id(i);
      c.next_order = c.who.first_order;
      customers_.push_back(std::move(c));
      heap_.push_back({customers_.back().next_time(), i});
    }
    std::make_heap(heap_.begin(), heap_.end(), later);
    while (!heap_.empty()) {
      std::pop_heap(heap_.begin(), heap_.end(), later);
      const auto [time, index] = heap_.back();
      heap_.pop_back();
      auto& c = customers_[index];
      step(c, time);
      if (const auto t = c.next_time(); t != never_scheduled) {
        heap_.push_back({t, index});
        std::push_heap(heap_.begin(), heap_.end(), later);
      }
    }
    if (!out_.empty()) write_(out_);
    for (const auto k : first_seen_) {
      stats_.events.emplace_back(std::string(kind_names[static_cast<std::size_t>(k)]),
                                 counts_[static_cast<std::size_t>(k)]);
    }
    return stats_;
  }

 private:
  using entry = std::pair<std::int64_t, std::uint32_t>;
  static bool later(const entry& a, const entry& b) { return a > b; }

  // Emits the customer's earliest line.
  void step(customer_state& c, std::int64_t time) {
    if (!c.identified && c.who.signup == time) {
      c.identified = true;
      const auto& z = zones[c.who.zone];
      line_.traits(time, c.id);
      line_.text("timezone", z.name)
          .text("email", c.id + "@example.com")
          .text("first_name", c.who.first_name)
          .boolean("marketing_opt_in", c.who.opt_in);
      emit(line_.take(), std::nullopt);
      return;
    }
    if (!c.queue.empty() && c.queue.front().time == time) {
      auto p = std::move(c.queue.front());
      c.queue.erase(c.queue.begin());
      emit(std::move(p.line), p.event);
      return;
    }
    place_order(c, time);
  }

  void emit(std::string line, std::optional<kind> k) {
    ++stats_.lines;
    stats_.bytes += line.size();
    if (k) {
      const auto i = static_cast<std::size_t>(*k);
      if (counts_[i]++ == 0) first_seen_.push_back(*k);
    } else {
      ++stats_.identifies;
    }
    out_ += line;
    if (out_.size() >= chunk_bytes) {
      write_(out_);
      out_.clear();
    }
  }

  void later_event(customer_state& c, std::int64_t time, kind k) {
    pending p{time, c.seq++, k, line_.take()};
    const auto at = std::upper_bound(c.queue.begin(), c.queue.end(), p, [](const pending& a, const pending& b) {
      return a.time != b.time ? a.time < b.time : a.seq < b.seq;
    });
    c.queue.insert(at, std::move(p));
  }

  void place_order(customer_state& c, std::int64_t placed) {
    auto& r = c.random;
    const auto& z = zones[c.who.zone];
    const auto number = ++c.orders_placed;
    order o;
    o.id = numbered_id('o', c.id, number);
    o.category = &categories[r.pick(category_weights)];
    const auto items = r.pick(item_counts) + 1;
    std::int64_t cents = 0;
    for (std::size_t i = 0; i < items; ++i) {
      // Prices skew low: the square of a uniform draw.
      const auto u = r.between(0, 999);
      cents += o.category->low_cents + (o.category->high_cents - o.category->low_cents) * u * u / 999'000;
      o.skus.push_back("SKU-" + std::string(o.category->code) + "-" + std::to_string(1000 + r.below(9000)));
    }
    if (cents < 5000) cents += 499;  // shipping under 50 EUR
    auto local_cents = cents * z.per_thousand_eur / 1000;
    if (z.whole) local_cents = (local_cents + 50) / 100 * 100;
    o.total = static_cast<double>(local_cents) / 100.0;

    line_.event(placed, c.id, kind::order_placed);
    line_.text("order_id", o.id)
        .number("total", o.total)
        .text("currency", z.currency)
        .text("category", o.category->name);
    line_.number("item_count", static_cast<double>(items)).texts("skus", o.skus);
    if (r.chance(120)) line_.text("coupon", number == 1 && r.chance(600) ? coupons[0] : coupons[r.between(1, 3)]);
    if (o.category->consumable) line_.number("days_of_supply", static_cast<double>(30 * r.between(1, 3)));
    emit(line_.take(), kind::order_placed);

    schedule_next_order(c, placed);
    follow_order(c, o, placed, number);
  }

  void schedule_next_order(customer_state& c, std::int64_t placed) {
    auto& r = c.random;
    c.next_order = never_scheduled;
    if (c.orders_placed >= c.who.orders) return;
    const auto band = r.below(10);
    const auto gap = band < 4 ? r.between(7, 30) : band < 8 ? r.between(31, 90) : r.between(91, 200);
    const auto& z = zones[c.who.zone];
    const auto next = at_local(local_day(placed, z) + gap, order_second_of_day(r), z);
    if (next < period_.end) c.next_order = next;
  }

  // Everything after checkout: payment, cancellation or shipping and
  // delivery, status views, returns, reviews, NPS and support.
  void follow_order(customer_state& c, const order& o, std::int64_t placed, std::uint32_t number) {
    auto& r = c.random;
    const auto& z = zones[c.who.zone];
    const auto base = [&](kind k, std::int64_t t) {
      line_.event(t, c.id, k);
      line_.text("order_id", o.id)
          .number("total", o.total)
          .text("currency", z.currency)
          .text("category", o.category->name);
    };
    const auto refund = [&](std::int64_t t) {
      line_.event(t, c.id, kind::refund_issued);
      line_.text("order_id", o.id).number("amount", o.total).text("currency", z.currency);
      later_event(c, t, kind::refund_issued);
    };

    const auto paid = placed + r.between(seconds_per_minute, 20 * seconds_per_minute);
    const auto method = payment_methods[r.pick(payment_weights)];
    if (r.chance(30)) {  // cancelled before shipping
      const auto cancelled = placed + r.between(2 * seconds_per_hour, 2 * seconds_per_day);
      const auto reason = r.between(0, 2);
      if (reason != 1) {  // a failed payment never arrives
        base(kind::order_paid, paid);
        line_.text("payment_method", method);
        later_event(c, paid, kind::order_paid);
      }
      base(kind::order_cancelled, cancelled);
      line_.text("reason", cancel_reasons[reason]);
      later_event(c, cancelled, kind::order_cancelled);
      if (reason != 1) refund(cancelled + r.between(seconds_per_hour, 3 * seconds_per_hour));
      return;
    }
    base(kind::order_paid, paid);
    line_.text("payment_method", method);
    later_event(c, paid, kind::order_paid);

    const auto ship_day = local_day(placed, z) + static_cast<std::int64_t>(r.pick(ship_day_weights)) + 1;
    const auto shipped = std::max(paid + seconds_per_hour,
                                  at_local(ship_day, r.between(8 * seconds_per_hour, 18 * seconds_per_hour), z));
    const auto promised = at_local(local_day(shipped, z) + promised_days, 20 * seconds_per_hour, z);
    const auto delivery_days = static_cast<std::int64_t>(r.pick(delivery_day_weights)) + 2;
    const auto delivered =
        at_local(local_day(shipped, z) + delivery_days, r.between(9 * seconds_per_hour, 20 * seconds_per_hour), z);
    const bool late = delivered > promised;
    const auto tracking = std::string(z.currency.substr(0, 2)) + std::to_string(100'000'000 + r.below(900'000'000));
    base(kind::order_shipped, shipped);
    line_.text("carrier", z.carrier)
        .text("tracking_number", tracking)
        .text("tracking_url", std::string(z.tracking) + tracking)
        .time("estimated_delivery", promised);
    later_event(c, shipped, kind::order_shipped);

    const auto views = r.pick(status_views);
    for (std::size_t i = 0; i < views; ++i) {
      const auto t = r.between(placed + seconds_per_hour, delivered - seconds_per_hour);
      line_.event(t, c.id, kind::order_status_viewed);
      line_.text("order_id", o.id);
      later_event(c, t, kind::order_status_viewed);
    }

    base(kind::order_delivered, delivered);
    line_.boolean("late", late);
    later_event(c, delivered, kind::order_delivered);

    const bool returned = r.chance(80);
    if (returned) {
      const auto t = delivered + r.between(3 * seconds_per_day, 20 * seconds_per_day);
      base(kind::order_returned, t);
      line_.text("reason", return_reasons[r.below(return_reasons.size())]);
      later_event(c, t, kind::order_returned);
      refund(t + r.between(2 * seconds_per_day, 6 * seconds_per_day));
    }
    if (r.chance(400)) {
      const auto t = delivered + r.between(2 * seconds_per_day, 10 * seconds_per_day);
      const auto& scores = returned ? scores_returned : late ? scores_late : scores_on_time;
      line_.event(t, c.id, kind::review_submitted);
      line_.text("order_id", o.id)
          .number("score", static_cast<double>(r.pick(scores) + 1))
          .text("product_id", o.skus.front());
      later_event(c, t, kind::review_submitted);
    }
    if (c.who.nps && !c.nps_done) {
      c.nps_done = true;
      const auto t = delivered + r.between(7 * seconds_per_day, 30 * seconds_per_day);
      line_.event(t, c.id, kind::nps_submitted);
      line_.number("score", static_cast<double>(r.pick(nps_scores)));
      later_event(c, t, kind::nps_submitted);
    }
    if (c.who.ticket_order == number) {
      const auto ticket = numbered_id('t', c.id, number);
      const auto opened = shipped + r.between(seconds_per_day, 5 * seconds_per_day);
      const auto closed = opened + r.between(2 * seconds_per_hour, 5 * seconds_per_day);
      line_.event(opened, c.id, kind::support_ticket_opened);
      line_.text("ticket_id", ticket)
          .text("order_id", o.id)
          .text("topic", ticket_topics[r.below(ticket_topics.size())]);
      later_event(c, opened, kind::support_ticket_opened);
      line_.event(closed, c.id, kind::support_ticket_closed);
      line_.text("ticket_id", ticket)
          .text("order_id", o.id)
          .text("resolution", resolutions[r.below(resolutions.size())]);
      later_event(c, closed, kind::support_ticket_closed);
      if (r.chance(400)) {
        const auto t = closed + r.between(seconds_per_hour, 2 * seconds_per_day);
        line_.event(t, c.id, kind::csat_submitted);
        line_.number("score", static_cast<double>(r.pick(scores_on_time) + 1)).text("ticket_id", ticket);
        later_event(c, t, kind::csat_submitted);
      }
    }
  }

  const log_generator_options& options_;
  const text_sink& write_;
  period period_;
  std::vector<customer_state> customers_;
  std::vector<entry> heap_;
  line_builder line_;
  std::string out_;
  log_generator_stats stats_;
  std::array<std::uint64_t, static_cast<std::size_t>(kind::count)> counts_{};
  std::vector<kind> first_seen_;
};

}  // namespace

std::uint64_t log_generator_stats::count(std::string_view event) const {
  for (const auto& [name, n] : events) {
    if (name == event) return n;
  }
  return 0;
}

log_generator_stats generate_log(const log_generator_options& options, const text_sink& write) {
  return generator(options, write).run();
}

std::string generate_log_text(const log_generator_options& options) {
  std::string text;
  generate_log(options, [&](std::string_view chunk) { text += chunk; });
  return text;
}

void generate_profiles(const log_generator_options& options, const text_sink& write) {
  const auto start = seconds_of(options.start);
  const period p{start, start + static_cast<std::int64_t>(options.days) * seconds_per_day};
  std::string out;
  for (std::uint32_t i = 0; i < options.customers; ++i) {
    auto r = stream_of(options.seed, i);
    const auto who = draw_profile(r, p);
    const auto id = customer_id(i);
    out += "{\"id\":\"";
    out += id;
    out += "\",\"timezone\":\"";
    out += zones[who.zone].name;
    out += "\",\"attributes\":{\"email\":\"";
    out += id;
    out += "@example.com\",\"first_name\":\"";
    out += who.first_name;
    out += "\",\"marketing_opt_in\":";
    out += who.opt_in ? "true" : "false";
    out += "}}\n";
    if (out.size() >= chunk_bytes) {
      write(out);
      out.clear();
    }
  }
  if (!out.empty()) write(out);
}

}  // namespace afterflow::tools
