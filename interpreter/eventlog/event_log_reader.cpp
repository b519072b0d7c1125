#include "interpreter/eventlog/event_log_reader.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>
#include <simdjson.h>

#include "grammar/text/timestamp.hpp"
#include "interpreter/eventlog/internal/json_syntax.hpp"
#include "interpreter/eventlog/internal/json_values.hpp"
#include "interpreter/eventlog/internal/property_plan.hpp"
#include "interpreter/eventlog/internal/zone_check.hpp"
#include "interpreter/eventlog/line_reader.hpp"
#include "interpreter/eventlog/log_codes.hpp"

namespace afterflow::eventlog {

using grammar::format_timestamp;
using grammar::parse_timestamp;
using ir::program;
using ir::record;
using ir::symbol_table;
using stdlib::no_symbol;
using stdlib::symbol;
using stdlib::type;
using stdlib::type_kind;

namespace {

using namespace json_input;

static_assert(line_reader::padding >= simdjson::SIMDJSON_PADDING);

constexpr std::size_t cache_slots = 64;
constexpr std::string_view timestamp_help = "timestamps are RFC 3339, e.g. `2026-03-01T09:00:00Z`";
constexpr std::string_view shape_help =
    "an event line looks like "
    "`{\"time\":\"2026-03-01T09:00:00Z\",\"customer\":\"c1\",\"event\":\"order_placed\",\"props\":{}}`";

// A scalar field of the record: `time`, `customer`, `type`...
struct scalar_field {
  bool present = false;
  place at;
  std::string_view text;  // strings unescaped; numbers as written

  [[nodiscard]] bool is_null() const { return !present || at.type == od::json_type::null; }
};

enum class line_kind : unsigned char { record, blank, ignored, bad };

struct stored_record {
  grammar::instant time{};
  std::uint64_t line = 0;
  log_record_kind kind = log_record_kind::event;
  symbol event = no_symbol;
  std::size_t customer_begin = 0;
  std::size_t customer_size = 0;
  record properties;
};

}  // namespace

std::uint64_t event_log_counts::ignored_total() const {
  std::uint64_t n = 0;
  for (const auto count : ignored) n += count;
  return n;
}

class event_log_reader::impl {
 public:
  impl(std::unique_ptr<byte_source> source, const program& p, symbol_table& symbols, event_log_options options)
      : symbols_(symbols),
        options_(options),
        plans_(p, symbols),
        lines_(std::move(source), options.block_size, options.max_line_bytes) {
    timezone_symbol_ = p.timezone_symbol != no_symbol ? p.timezone_symbol : symbols.intern("timezone");
  }

  impl(grammar::diagnostic open_failure, const program& p, symbol_table& symbols)
      : symbols_(symbols), plans_(p, symbols), lines_(memory_input("", {}), 4096) {
    error_ = std::move(open_failure);
  }

  std::optional<log_record> next() {
    if (error_) return std::nullopt;
    if (options_.sort) return next_sorted();
    return next_streamed();
  }

  const std::optional<grammar::diagnostic>& error() const { return error_; }
  const event_log_counts& counts() const { return counts_; }

  std::size_t buffer_bytes() const {
    // simdjson keeps about 6 bytes per byte of capacity: 4 of structural
    // indexes and the string buffer.
    return lines_.capacity() + parser_.capacity() * 6 + converter_.capacity_bytes() + props_.capacity_bytes() +
           properties_.capacity_bytes() + traits_.capacity_bytes();
  }

 private:
  // ---- the line loop ------------------------------------------------------

  std::optional<log_record> next_streamed() {
    for (;;) {
      const auto line = lines_.next();
      if (!line) {
        counts_.bytes = lines_.bytes_read();
        if (lines_.error()) error_ = lines_.error();
        return std::nullopt;
      }
      ++counts_.lines;
      switch (parse(*line, true)) {
        case line_kind::record:
          if (record_.kind == log_record_kind::event) ++counts_.events;
          else ++counts_.identifies;
          last_time_ = record_.time;
          last_line_ = record_.line;
          counts_.bytes = lines_.bytes_read();
          return record_;
        case line_kind::blank: ++counts_.blank; break;
        case line_kind::ignored: break;
        case line_kind::bad:
          if (!bad_line(*line)) return std::nullopt;
          break;
      }
    }
  }

  // Reports or counts a bad line; false when the read must stop.
  bool bad_line(std::string_view line) {
    auto e = to_diagnostic(line);
    if (options_.on_bad_event == bad_event_policy::fail) {
      error_ = std::move(e);
      counts_.bytes = lines_.bytes_read();
      return false;
    }
    counts_.skipped.add(std::move(e));
    return true;
  }

  std::optional<log_record> next_sorted() {
    if (!sorted_ready_) {
      sorted_ready_ = true;
      for (;;) {
        const auto line = lines_.next();
        if (!line) break;
        ++counts_.lines;
        switch (parse(*line, false)) {
          case line_kind::record: keep(record_); break;
          case line_kind::blank: ++counts_.blank; break;
          case line_kind::ignored: break;
          case line_kind::bad:
            if (!bad_line(*line)) return std::nullopt;
            break;
        }
      }
      counts_.bytes = lines_.bytes_read();
      if (lines_.error()) {
        error_ = lines_.error();
        return std::nullopt;
      }
      std::stable_sort(sorted_.begin(), sorted_.end(),
                       [](const stored_record& a, const stored_record& b) { return a.time < b.time; });
    }
    if (sorted_next_ == sorted_.size()) return std::nullopt;
    const auto& s = sorted_[sorted_next_++];
    log_record r;
    r.kind = s.kind;
    r.time = s.time;
    r.customer = std::string_view(customers_).substr(s.customer_begin, s.customer_size);
    r.event = s.event;
    r.properties = s.properties.entries();
    r.line = s.line;
    return r;
  }

  void keep(const log_record& r) {
    if (r.kind == log_record_kind::event) ++counts_.events;
    else ++counts_.identifies;
    stored_record s;
    s.time = r.time;
    s.line = r.line;
    s.kind = r.kind;
    s.event = r.event;
    s.customer_begin = customers_.size();
    s.customer_size = r.customer.size();
    customers_ += r.customer;
    s.properties = record::from(r.properties);
    sorted_.push_back(std::move(s));
  }

  // ---- one line -------------------------------------------------------------

  line_kind parse(std::string_view line, bool check_order) {
    if (lines_.too_long()) {
      problem_ = line_too_long(lines_.max_line());
      return line_kind::bad;
    }
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) return line_kind::blank;
    line_ = line;
    converter_.reset(line);
    props_.clear();
    properties_.clear();
    traits_.clear();
    // Only the flags: a field's other members are read only when present.
    time_.present = customer_.present = event_.present = type_.present = false;
    user_id_.present = anonymous_id_.present = timestamp_.present = false;

    od::document doc;
    if (auto e = parser_.iterate(line.data(), line.size(), line.size() + simdjson::SIMDJSON_PADDING).get(doc)) {
      return json_failure(e);
    }
    od::object object;
    if (auto e = doc.get_object().get(object)) {
      if (e == simdjson::INCORRECT_TYPE) return not_an_object(doc);
      return json_failure(e);
    }
    for (auto field_result : object) {
      if (field_result.error()) return json_failure(field_result.error());
      auto& field = field_result.value_unsafe();
      const auto key = converter_.key(field);
      if (!converter_.ok()) return json_failure(converter_.last_error());
      if (!read_field(key, field.value())) return line_kind::bad;
    }
    if (!doc.current_location().error()) return json_failure(simdjson::TRAILING_CONTENT);
    return type_.present ? assemble_segment(check_order) : assemble_afterflow(check_order);
  }

  // Dispatches on the key's length first: one comparison per field.
  bool read_field(std::string_view key, od::value& v) {
    switch (key.size()) {
      case 4:
        if (is(key, "time")) return read_scalar(v, time_, key);
        if (is(key, "type")) return read_scalar(v, type_, key);
        break;
      case 5:
        if (is(key, "event")) return read_scalar(v, event_, key);
        if (is(key, "props")) return read_properties(v, props_, key, false);
        break;
      case 6:
        if (is(key, "userId")) return read_scalar(v, user_id_, key);
        if (is(key, "traits")) return read_properties(v, traits_, key, false, false);
        break;
      case 8:
        if (is(key, "customer")) return read_scalar(v, customer_, key);
        break;
      case 9:
        if (is(key, "timestamp")) return read_scalar(v, timestamp_, key);
        break;
      case 10:
        if (is(key, "properties")) return read_properties(v, properties_, key, true);
        break;
      case 11:
        if (is(key, "anonymousId")) return read_scalar(v, anonymous_id_, key);
        break;
      default: break;
    }
    return skip(v);
  }

  template <std::size_t N>
  static bool is(std::string_view key, const char (&name)[N]) {
    return std::memcmp(key.data(), name, N - 1) == 0;
  }

  // Reads through a value nobody needs; false when the line is malformed.
  bool skip(od::value& v) {
    if (converter_.skip(v)) return true;
    json_failure(converter_.last_error());
    return false;
  }

  bool json_error(simdjson::error_code e) {
    json_failure(e);
    return false;
  }

  bool read_scalar(od::value& v, scalar_field& f, std::string_view key) {
    const auto token = v.raw_json_token();
    if (f.present) return duplicate(key, token);
    f.present = true;
    f.at = place_of(token, line_);
    f.text = {};
    if (f.at.type == od::json_type::string) {
      f.text = converter_.string(v, token);
      return converter_.ok() || json_error(converter_.last_error());
    }
    if (f.at.type == od::json_type::number) f.text = token_of(v);
    return converter_.skip(v, token) || json_error(converter_.last_error());
  }

  // A record-level key given twice is ambiguous (which event is it?).
  bool duplicate(std::string_view key, std::string_view token) {
    fail(codes::wrong_field_type, place_of(token, line_), fmt::format("`{}` appears twice", key));
    return false;
  }

  // `props` (afterflow) or `properties` (Segment `track`). When the event
  // name came first, the plan for it applies while reading; otherwise every
  // property is kept and the plan applies once the name is known.
  // `traits` are always read whole (plan == false).
  bool read_properties(od::value& v, property_set& set, std::string_view key, bool segment, bool plan = true) {
    const auto token = v.raw_json_token();
    if (set.present) return duplicate(key, token);
    set.present = true;
    set.at = place_of(token, line_);
    if (set.at.type != od::json_type::object) return converter_.skip(v, token) || json_error(converter_.last_error());
    od::object object;
    if (auto e = v.get_object().get(object)) return json_error(e);
    if (plan && event_.present && event_.at.type == od::json_type::string) {
      set.plan = &plan_for(event_.text, segment);
      set.event_name = event_.text;
    }
    return set.read(object, converter_, plans_, line_) || json_error(converter_.last_error());
  }

  // The plan of an event name; Segment names go through the maps first.
  // A small direct-mapped cache in front saves the symbol table's hashing
  // for the few names a log repeats.
  const event_plan& plan_for(std::string_view name, bool segment) {
    auto& cache = segment ? segment_cache_ : afterflow_cache_;
    auto& slot = cache[cache_slot(name)];
    if (slot.plan != nullptr && slot.name == name) return *slot.plan;
    const auto s = symbols_.intern(name);
    const auto m = segment ? plans_.mapping_of(s) : no_mapping;
    const auto& plan = m != no_mapping ? plans_.for_mapping(m) : plans_.for_event(s);
    slot = {symbols_.name(s), &plan};
    return plan;
  }

  static std::size_t cache_slot(std::string_view name) {
    if (name.empty()) return 0;
    const auto at = [&](std::size_t i) { return static_cast<std::size_t>(static_cast<unsigned char>(name[i])); };
    return (name.size() * 131 + at(0) * 31 + at(name.size() - 1) * 7 + at(name.size() / 2)) % cache_slots;
  }

  // ---- assembling the record --------------------------------------------------

  line_kind assemble_afterflow(bool check_order) {
    if (time_.is_null()) return missing("time");
    if (time_.at.type != od::json_type::string) return wrong_type("time", time_);
    if (customer_.is_null()) return missing("customer");
    if (!customer_ok(customer_, "customer")) return line_kind::bad;
    const bool has_event = !event_.is_null();
    const bool has_traits = traits_.present && traits_.at.type != od::json_type::null;
    if (has_event && has_traits) {
      return fail(codes::wrong_field_type, traits_.at, "a line cannot have both `event` and `traits`",
                  "write the event and the profile update on separate lines");
    }
    if (!has_event && !has_traits) {
      return fail(codes::missing_field, object_start(), "missing `event`",
                  std::string(shape_help) + "; a profile update has `traits` instead of `event`");
    }
    if (!stamp(time_, check_order, has_event)) return line_kind::bad;
    record_.customer = customer_.text;
    if (has_event) return finish_event(props_, false);
    return finish_identify();
  }

  line_kind assemble_segment(bool check_order) {
    if (type_.at.type != od::json_type::string) return wrong_type("type", type_);
    const auto type = type_.text;
    const bool track = type == "track";
    if (!track && type != "identify") {
      for (std::size_t i = 0; i < ignored_segment_types.size(); ++i) {
        if (type == ignored_segment_types[i]) {
          ++counts_.ignored[i];
          return line_kind::ignored;
        }
      }
      return fail(codes::unknown_record_type, type_.at,
                  fmt::format("unknown record type {}", grammar::quote_excerpt(type)),
                  "the Segment types are `track`, `identify`, `page`, `screen`, `group` and `alias`");
    }
    if (timestamp_.is_null()) {
      return fail(codes::missing_field, object_start(), fmt::format("missing `timestamp` in a `{}` record", type),
                  "Segment records need `timestamp`; `sentAt` and `receivedAt` are not used");
    }
    if (timestamp_.at.type != od::json_type::string) return wrong_type("timestamp", timestamp_);
    const scalar_field* customer = &user_id_;
    std::string_view customer_key = "userId";
    if (user_id_.is_null() || (user_id_.at.type == od::json_type::string && user_id_.text.empty())) {
      customer = &anonymous_id_;
      customer_key = "anonymousId";
    }
    if (customer->is_null()) {
      return fail(codes::missing_field, object_start(),
                  fmt::format("missing `userId` or `anonymousId` in a `{}` record", type));
    }
    if (!customer_ok(*customer, customer_key)) return line_kind::bad;
    if (track) {
      if (event_.is_null()) return missing("event", "a `track` record needs the event's name in `event`");
    }
    if (!stamp(timestamp_, check_order, track)) return line_kind::bad;
    record_.customer = customer->text;
    if (track) return finish_event(properties_, true);
    return finish_identify();
  }

  bool customer_ok(const scalar_field& f, std::string_view key) {
    if (f.at.type != od::json_type::string && f.at.type != od::json_type::number) {
      wrong_type(key, f);
      return false;
    }
    if (f.text.empty()) {
      fail(codes::missing_field, f.at, fmt::format("`{}` is empty", key));
      return false;
    }
    return true;
  }

  // Reads the record's time and checks its order.
  bool stamp(const scalar_field& f, bool check_order, bool is_event) {
    const auto t = parse_timestamp(f.text);
    if (!t) {
      fail(codes::bad_timestamp, f.at, fmt::format("bad timestamp {}", grammar::quote_excerpt(f.text)),
           std::string(timestamp_help));
      return false;
    }
    if (check_order && last_line_ != 0 && *t < last_time_) {
      fail(codes::out_of_order, f.at,
           fmt::format("{} out of order: `{}` is earlier than the previous record",
                       is_event ? "event" : "profile update", format_timestamp(*t)),
           "sort the log by time, or pass `--sort` to sort it in memory");
      problem_.note =
          fmt::format("the previous record, on line {}, is at `{}`", last_line_, format_timestamp(last_time_));
      return false;
    }
    record_.time = *t;
    record_.line = lines_.line_number();
    return true;
  }

  line_kind finish_event(property_set& set, bool segment) {
    if (event_.at.type != od::json_type::string) return wrong_type("event", event_);
    if (event_.text.empty()) return fail(codes::missing_field, event_.at, "`event` is empty");
    const auto key = segment ? "properties" : "props";
    if (set.present && set.at.type != od::json_type::object && set.at.type != od::json_type::null) {
      return fail(codes::wrong_field_type, set.at,
                  fmt::format("`{}` must be an object, found {}", key, describe_at(set.at)));
    }
    const auto& plan = set.plan != nullptr ? *set.plan : plan_for(event_.text, segment);
    if (set.plan == nullptr) {
      set.event_name = event_.text;
      set.apply(plan);
    }
    if (set.issue) return report(*set.issue);
    record_.kind = log_record_kind::event;
    record_.event = plan.event;
    record_.properties = set.entries;
    return line_kind::record;
  }

  line_kind finish_identify() {
    if (traits_.present && traits_.at.type != od::json_type::object && traits_.at.type != od::json_type::null) {
      return fail(codes::wrong_field_type, traits_.at,
                  fmt::format("`traits` must be an object, found {}", describe_at(traits_.at)));
    }
    traits_.keep_all();
    if (traits_.issue) return report(*traits_.issue);
    for (std::size_t i = 0; i < traits_.entries.size(); ++i) {
      const auto& e = traits_.entries[i];
      if (e.name != timezone_symbol_ || e.data.is_null()) continue;
      const auto& at = traits_.places[i];
      if (!e.data.is(type_kind::string)) {
        return fail(codes::bad_property, at,
                    fmt::format("trait `timezone` must be a string, found {}", describe_at(at)));
      }
      const auto zone = e.data.as_string();
      if (!zone.empty() && !zones_.known(zone)) {  // "" is no zone, like null
        fail(codes::unknown_time_zone, at, fmt::format("unknown time zone {}", grammar::quote_excerpt(zone)));
        if (const auto s = zones_.suggestion(zone)) problem_.help = fmt::format("did you mean `{}`?", *s);
        else problem_.help = "time zones are IANA names such as `Europe/Prague`";
        return line_kind::bad;
      }
    }
    record_.kind = log_record_kind::identify;
    record_.event = no_symbol;
    record_.properties = traits_.entries;
    return line_kind::record;
  }

  // ---- problems -----------------------------------------------------------------

  std::string describe_at(const place& at) const { return json_input::describe_at(at, line_); }

  place object_start() const {
    const auto first = line_.find_first_not_of(" \t\r");
    return {first == std::string_view::npos ? 0 : first, od::json_type::object};
  }

  line_kind fail(std::string_view code, const place& at, std::string message, std::string help = {}) {
    problem_ = {};
    problem_.code = code;
    problem_.at = at;
    problem_.message = std::move(message);
    problem_.help = std::move(help);
    return line_kind::bad;
  }

  line_kind report(const problem& p) {
    problem_ = p;
    return line_kind::bad;
  }

  line_kind missing(std::string_view key, std::string help = std::string(shape_help)) {
    return fail(codes::missing_field, object_start(), fmt::format("missing `{}`", key), std::move(help));
  }

  line_kind wrong_type(std::string_view key, const scalar_field& f) {
    const bool id = key == "customer" || key == "userId" || key == "anonymousId";
    return fail(codes::wrong_field_type, f.at,
                fmt::format("`{}` must be a string{}, found {}", key, id ? " or a number" : "", describe_at(f.at)));
  }

  line_kind json_failure(simdjson::error_code e) {
    problem_ = json_problem(e, converter_);
    return line_kind::bad;
  }

  line_kind not_an_object(od::document& doc) {
    od::json_type type{};
    if (doc.type().get(type) != simdjson::SUCCESS) return json_failure(simdjson::INCORRECT_TYPE);
    if (find_json_syntax_error(line_)) return json_failure(simdjson::INCORRECT_TYPE);
    auto at = object_start();
    at.type = type;
    return fail(codes::wrong_field_type, at, fmt::format("expected a JSON object, found {}", describe_at(at)),
                std::string(shape_help));
  }

  grammar::diagnostic to_diagnostic(std::string_view line) const {
    return json_input::to_diagnostic(problem_, lines_.name(), lines_.line_number(), line);
  }

  symbol_table& symbols_;
  event_log_options options_;
  property_plans plans_;
  line_reader lines_;
  od::parser parser_;
  converter converter_;
  zone_check zones_;
  symbol timezone_symbol_ = no_symbol;
  struct cached_plan {
    std::string_view name;  // the symbol table's copy
    const event_plan* plan = nullptr;
  };
  std::array<cached_plan, cache_slots> afterflow_cache_{};
  std::array<cached_plan, cache_slots> segment_cache_{};

  // The line being parsed.
  std::string_view line_;
  scalar_field time_, customer_, event_, type_, user_id_, anonymous_id_, timestamp_;
  property_set props_, properties_, traits_;
  problem problem_;
  log_record record_;

  std::optional<grammar::diagnostic> error_;
  event_log_counts counts_;
  grammar::instant last_time_{};
  std::uint64_t last_line_ = 0;

  // --sort
  bool sorted_ready_ = false;
  std::vector<stored_record> sorted_;
  std::size_t sorted_next_ = 0;
  std::string customers_;
};

event_log_reader event_log_reader::open(const std::string& path, const program& p, symbol_table& symbols,
                                        event_log_options options) {
  auto opened = open_input(path);
  if (opened.error) return event_log_reader(std::make_unique<impl>(std::move(*opened.error), p, symbols));
  return event_log_reader(std::move(opened.source), p, symbols, options);
}

event_log_reader event_log_reader::from_text(std::string name, std::string_view text, const program& p,
                                             symbol_table& symbols, event_log_options options) {
  return event_log_reader(memory_input(std::move(name), text), p, symbols, options);
}

event_log_reader::event_log_reader(std::unique_ptr<byte_source> source, const program& p, symbol_table& symbols,
                                   event_log_options options)
    : impl_(std::make_unique<impl>(std::move(source), p, symbols, options)) {}

event_log_reader::event_log_reader(std::unique_ptr<impl> i) : impl_(std::move(i)) {}

event_log_reader::~event_log_reader() = default;
event_log_reader::event_log_reader(event_log_reader&&) noexcept = default;
event_log_reader& event_log_reader::operator=(event_log_reader&&) noexcept = default;

std::optional<log_record> event_log_reader::next() { return impl_->next(); }
const std::optional<grammar::diagnostic>& event_log_reader::error() const { return impl_->error(); }
const event_log_counts& event_log_reader::counts() const { return impl_->counts(); }
std::size_t event_log_reader::buffer_bytes() const { return impl_->buffer_bytes(); }

}  // namespace afterflow::eventlog
