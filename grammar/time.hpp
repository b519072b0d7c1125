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

/// The earliest and latest instants: "before everything", "no end".
inline constexpr instant earliest = instant(duration::min());
inline constexpr instant no_end = instant(duration::max());

}  // namespace afterflow::grammar
