// The rule for the years after a zone's last listed transition: the POSIX
// TZ string at the end of a TZif file (RFC 8536 §3.3), such as
// `EST5EDT,M3.2.0,M11.1.0` or `<-02>2<-01>,M3.5.0/-1,M10.5.0/0`.
//
// Debian's zone files list transitions up to 2037 and leave every later
// year to this footer, which date/tz does not read (its issue #794): without
// it New York would keep EST for ever after 2037. date's own `ptz.h` cannot
// stand in, as it rejects the RFC 8536 extensions that current zones use (a
// transition hour outside 0-24: Jerusalem's `/26`, Greenland's `/-1`). This
// is a small reader and evaluator of the full syntax, and the footer reader
// that finds it.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace afterflow::runtime::posix_tz {

using seconds = std::chrono::seconds;

/// A day rule: `Jn` (1-365, February 29 never counted), `n` (0-365,
/// counting it), or `Mm.w.d` (weekday d of week w, 5 = last, of month m).
struct day_rule {
  enum class kind : unsigned char { julian_no_leap, zero_based, month_week_day } form = kind::month_week_day;
  int day = 0;  ///< n, or the weekday (0 = Sunday) for Mm.w.d
  int week = 1;
  int month = 1;
  seconds time{7200};  ///< local time of day of the change, -167h..167h
};

struct rule {
  seconds std_offset{0};  ///< east of UTC (the string says west: `EST5` is -5h)
  std::optional<seconds> dst_offset;
  day_rule start;  ///< into DST, at a standard-time time of day
  day_rule end;    ///< out of DST, at a DST time of day
};

/// The rule of a TZ string, or nullopt when it is not one.
[[nodiscard]] std::optional<rule> parse(std::string_view text);

/// The offset from UTC at `t` (seconds since the epoch).
[[nodiscard]] seconds offset_at(const rule& r, std::int64_t t);

/// The footer of a TZif file (version 2 or later) and the time of its last
/// listed transition, from which on the footer applies. nullopt when the
/// file has none, or is not TZif.
struct footer {
  rule r;
  std::int64_t from = 0;  ///< the last transition, seconds since the epoch
};
[[nodiscard]] std::optional<footer> read_footer(std::string_view tzif);

}  // namespace afterflow::runtime::posix_tz
