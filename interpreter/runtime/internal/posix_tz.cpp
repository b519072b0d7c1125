#include "interpreter/runtime/internal/posix_tz.hpp"

#include <algorithm>
#include <array>

#include <date/date.h>

namespace afterflow::runtime::posix_tz {

namespace {

class parser {
 public:
  explicit parser(std::string_view s) : s_(s) {}

  std::optional<rule> run() {
    rule r;
    if (!name()) return std::nullopt;
    const auto std_west = offset(24 * 3600);
    if (!std_west) return std::nullopt;
    r.std_offset = -*std_west;
    if (done()) return r;
    if (!name()) return std::nullopt;
    r.dst_offset = r.std_offset + std::chrono::hours(1);
    if (!done() && peek() != ',') {
      const auto dst_west = offset(24 * 3600);
      if (!dst_west) return std::nullopt;
      r.dst_offset = -*dst_west;
    }
    // Without rules POSIX leaves the dates to the implementation; TZif
    // footers always give them.
    if (!eat(',') || !day(r.start) || !eat(',') || !day(r.end) || !done()) return std::nullopt;
    return r;
  }

 private:
  bool done() const { return i_ == s_.size(); }
  char peek() const { return done() ? '\0' : s_[i_]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++i_;
    return true;
  }
  static bool is_digit(char c) { return c >= '0' && c <= '9'; }
  static bool is_alpha(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

  // `EST` (3+ letters) or `<-03>` (3+ letters, digits, signs in brackets).
  bool name() {
    const auto start = i_;
    if (eat('<')) {
      while (!done() && (is_alpha(peek()) || is_digit(peek()) || peek() == '+' || peek() == '-')) ++i_;
      return i_ - start >= 4 && eat('>');
    }
    while (!done() && is_alpha(peek())) ++i_;
    return i_ - start >= 3;
  }

  std::optional<int> number(int max) {
    if (!is_digit(peek())) return std::nullopt;
    int n = 0;
    while (is_digit(peek())) {
      n = n * 10 + (s_[i_++] - '0');
      if (n > max) return std::nullopt;
    }
    return n;
  }

  // [+-]hh[:mm[:ss]], hours at most `max_hours`; positive means west.
  std::optional<seconds> offset(int max_seconds) {
    const bool negative = eat('-');
    if (!negative) (void)eat('+');
    const auto h = number(max_seconds / 3600);
    if (!h) return std::nullopt;
    int total = *h * 3600;
    if (eat(':')) {
      const auto m = number(59);
      if (!m) return std::nullopt;
      total += *m * 60;
      if (eat(':')) {
        const auto sec = number(59);
        if (!sec) return std::nullopt;
        total += *sec;
      }
    }
    if (total > max_seconds) return std::nullopt;
    return seconds(negative ? -total : total);
  }

  bool day(day_rule& d) {
    if (eat('M')) {
      d.form = day_rule::kind::month_week_day;
      const auto m = number(12);
      if (!m || *m < 1 || !eat('.')) return false;
      const auto w = number(5);
      if (!w || *w < 1 || !eat('.')) return false;
      const auto wd = number(6);
      if (!wd) return false;
      d.month = *m;
      d.week = *w;
      d.day = *wd;
    } else if (eat('J')) {
      d.form = day_rule::kind::julian_no_leap;
      const auto n = number(365);
      if (!n || *n < 1) return false;
      d.day = *n;
    } else {
      d.form = day_rule::kind::zero_based;
      const auto n = number(365);
      if (!n) return false;
      d.day = *n;
    }
    d.time = seconds(7200);
    if (eat('/')) {
      // RFC 8536 §3.3.1: hours -167 to 167 (POSIX: 0 to 24).
      const auto t = offset(167 * 3600);
      if (!t) return false;
      d.time = *t;
    }
    return true;
  }

  std::string_view s_;
  std::size_t i_ = 0;
};

// Days since the epoch of the rule's day in `year`.
std::int64_t day_of(const day_rule& d, int year) {
  using namespace date;
  const auto y = date::year{year};
  switch (d.form) {
    case day_rule::kind::julian_no_leap: {
      auto n = d.day - 1;
      if (y.is_leap() && d.day >= 60) ++n;  // Jn never counts February 29
      return (sys_days{y / January / 1} + days{n}).time_since_epoch().count();
    }
    case day_rule::kind::zero_based: return (sys_days{y / January / 1} + days{d.day}).time_since_epoch().count();
    case day_rule::kind::month_week_day: {
      const auto month = date::month{static_cast<unsigned>(d.month)};
      const auto wd = date::weekday{static_cast<unsigned>(d.day)};
      const auto day = d.week == 5
                           ? sys_days{year_month_weekday_last{y, month, weekday_last{wd}}}
                           : sys_days{year_month_weekday{y, month, weekday_indexed{wd, static_cast<unsigned>(d.week)}}};
      return day.time_since_epoch().count();
    }
  }
  return 0;
}

struct change {
  std::int64_t at;  ///< UTC seconds
  bool into_dst;
};

std::uint32_t be32(std::string_view s, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
  return v;
}

std::int64_t be64(std::string_view s, std::size_t at) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
  return static_cast<std::int64_t>(v);
}

}  // namespace

std::optional<rule> parse(std::string_view text) { return parser(text).run(); }

seconds offset_at(const rule& r, std::int64_t t) {
  if (!r.dst_offset) return r.std_offset;
  const auto std_s = r.std_offset.count();
  const auto dst_s = r.dst_offset->count();
  const auto year =
      static_cast<int>(date::year_month_day{date::floor<date::days>(date::sys_seconds{seconds{t}})}.year());
  // The changes of the year before, this one and the next, in time order:
  // the last at or before `t` says which offset holds.
  std::array<change, 6> changes{};
  std::size_t n = 0;
  for (int y = year - 1; y <= year + 1; ++y) {
    changes[n++] = {day_of(r.start, y) * 86400 + r.start.time.count() - std_s, true};
    changes[n++] = {day_of(r.end, y) * 86400 + r.end.time.count() - dst_s, false};
  }
  std::sort(changes.begin(), changes.end(), [](const change& a, const change& b) { return a.at < b.at; });
  bool dst = !changes.front().into_dst;  // before the first change: the other state
  for (const auto& c : changes) {
    if (c.at > t) break;
    dst = c.into_dst;
  }
  return seconds(dst ? dst_s : std_s);
}

std::optional<footer> read_footer(std::string_view f) {
  constexpr std::size_t header = 44;
  if (f.size() < header || f.substr(0, 4) != "TZif" || f[4] < '2') return std::nullopt;
  const auto block = [&](std::size_t at, std::size_t time_size) -> std::optional<std::size_t> {
    if (f.size() < at + header || f.substr(at, 4) != "TZif") return std::nullopt;
    const std::uint64_t isut = be32(f, at + 20), isstd = be32(f, at + 24), leap = be32(f, at + 28),
                        times = be32(f, at + 32), types = be32(f, at + 36), chars = be32(f, at + 40);
    const auto size = header + times * (time_size + 1) + types * 6 + chars + leap * (time_size + 4) + isstd + isut;
    if (size > f.size() - at) return std::nullopt;
    return static_cast<std::size_t>(size);
  };
  const auto v1 = block(0, 4);
  if (!v1) return std::nullopt;
  const auto v2 = block(*v1, 8);
  if (!v2) return std::nullopt;
  const auto times = be32(f, *v1 + 32);
  std::int64_t last = std::numeric_limits<std::int64_t>::min();
  if (times > 0) last = be64(f, *v1 + header + (times - 1) * 8);
  const auto at = *v1 + *v2;
  if (at >= f.size() || f[at] != '\n') return std::nullopt;
  const auto end = f.find('\n', at + 1);
  if (end == std::string_view::npos) return std::nullopt;
  const auto r = parse(f.substr(at + 1, end - at - 1));
  if (!r) return std::nullopt;
  return footer{*r, last};
}

}  // namespace afterflow::runtime::posix_tz
