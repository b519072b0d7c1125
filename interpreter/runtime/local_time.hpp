// Local wall-clock arithmetic on the OS time-zone database.
//
// Everything the runtime does with local time goes through here: the next
// `10:00 on mon..fri` in a customer's zone, whether an instant falls inside
// quiet hours, the local hour or weekday of an instant. Howard Hinnant's
// date/tz answers the offset questions up to a zone's last listed
// transition, the zone file's POSIX TZ footer after it (internal/posix_tz);
// this file adds afterflow's rules:
//
// - a local time that does not exist (inside a spring-forward gap) is moved
//   forward by the length of the gap: 02:30 becomes 03:30;
// - a local time that happens twice (in a fall-back overlap) means the first
//   occurrence;
// - "next" means the earliest such instant at or after `now`.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "grammar/time.hpp"

namespace afterflow::runtime {

/// One zone of the OS tz database (defined in local_time.cpp).
class time_zone;

/// Bit d (0 = Monday … 6 = Sunday) set when day d is allowed.
using weekday_mask = std::uint8_t;
inline constexpr weekday_mask every_day = 0x7F;

/// Resolves zone names once and remembers them; a zone lives as long as
/// the cache that found it. Not thread-safe; one per simulator.
class zone_cache {
 public:
  zone_cache();
  ~zone_cache();
  zone_cache(zone_cache&&) noexcept;
  zone_cache& operator=(zone_cache&&) noexcept;

  /// The zone called `name`, or null when the tz database has no such zone
  /// or the name is not portable (stdlib/time_zone_names.hpp).
  [[nodiscard]] const time_zone* find(std::string_view name);

 private:
  std::map<std::string, std::unique_ptr<const time_zone>, std::less<>> zones_;  // null: unknown
};

/// The zone called "UTC" (never null).
[[nodiscard]] const time_zone* utc_zone();

/// Offset from UTC in effect at `t`.
[[nodiscard]] grammar::duration utc_offset(const time_zone* zone, grammar::instant t);

/// The instant of local date `days` (days since 1970-01-01) at
/// `seconds_of_day`, under the gap and overlap rules above.
[[nodiscard]] grammar::instant local_to_instant(const time_zone* zone, std::int64_t days, std::int32_t seconds_of_day);

/// The earliest instant at or after `now` whose local time is
/// `seconds_of_day` on an allowed weekday. `days` must not be 0.
[[nodiscard]] grammar::instant next_local_time(const time_zone* zone, grammar::instant now, std::int32_t seconds_of_day,
                                               weekday_mask days);

/// The end of a quiet-hours window that `now` lies in: the first instant
/// after `now` whose local time is `to`. A `to` inside a DST gap is moved
/// forward by the gap; on a night whose hour repeats, the second occurrence
/// of `to` counts too (a window entered again after the clocks went back
/// ends at the next `to`, not a day later).
[[nodiscard]] grammar::instant quiet_window_end(const time_zone* zone, grammar::instant now, std::int32_t to);

/// Local seconds since midnight and weekday (0 = Monday) of an instant.
struct local_clock {
  std::int64_t days = 0;  ///< local date, days since 1970-01-01
  std::int32_t seconds_of_day = 0;
  int weekday = 0;
};
[[nodiscard]] local_clock to_local(const time_zone* zone, grammar::instant t);

/// Whether a local time of day lies in the window [from, to): a window with
/// from > to crosses midnight; from == to is empty.
[[nodiscard]] bool in_window(std::int32_t seconds_of_day, std::int32_t from, std::int32_t to);

}  // namespace afterflow::runtime
