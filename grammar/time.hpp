// Time as types, in one unit from the AST to the runtime.
//
// A length of time is a `duration` and a point in time an `instant`, both in
// microseconds (an instant counts them from the Unix epoch, UTC), which
// covers ±292,000 years exactly; no stage converts units. They are plain
// std::chrono types — an `instant` is a `sys_time`, what date/tz works
// with — but no clock is ever read: afterflow's clock is simulated. Their
// text forms are in text/timestamp.hpp and text/time_text.hpp. A time of day
// (`wait until 10:00`) stays seconds since local midnight, an `std::int32_t`.
#pragma once

#include <chrono>
#include <cstdint>

namespace afterflow::grammar {

using duration = std::chrono::duration<std::int64_t, std::micro>;
using instant = std::chrono::time_point<std::chrono::system_clock, duration>;

/// The instant `micros` microseconds after the epoch, and back: for storage
/// that holds raw integers (a value's payload, a log line's time).
[[nodiscard]] constexpr instant instant_from_micros(std::int64_t micros) { return instant(duration(micros)); }
[[nodiscard]] constexpr std::int64_t micros_since_epoch(instant t) { return t.time_since_epoch().count(); }

/// The times afterflow reads and writes: years 0001 to 9999, the range of an
/// RFC 3339 timestamp. Computed times outside it are `null` (out of range),
/// and a wait that would end after it is a run-time error: nothing ever
/// writes a 5-digit year the reader would reject (docs/semantics.md §15).
inline constexpr instant first_instant = instant_from_micros(-62'135'596'800LL * 1'000'000);  // 0001-01-01T00:00:00Z
inline constexpr instant last_instant =
    instant_from_micros(253'402'300'799LL * 1'000'000 + 999'999);  // 9999-12-31T23:59:59.999999Z
[[nodiscard]] constexpr bool in_time_range(instant t) { return t >= first_instant && t <= last_instant; }
/// The longest duration a wait, window or re-entry interval may have: from
/// the first time to the last. Adding it to any time in range cannot
/// overflow, so `now ± window` needs no check.
inline constexpr duration longest_duration = last_instant - first_instant;

/// The earliest and latest instants: "before everything", "no end".
inline constexpr instant earliest = instant(duration::min());
inline constexpr instant no_end = instant(duration::max());

}  // namespace afterflow::grammar
