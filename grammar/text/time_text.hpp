// Durations and times of day as text: the one form every output, message
// and explanation uses (semantics §14): durations in the language's units,
// largest first, without weeks (`1d12h`, `1m30s`, `0s`; a fraction of a
// second, which only arithmetic produces, as decimals: `1.5s`); times of day
// as `HH:MM`, or `HH:MM:SS` when the seconds are not zero.
#pragma once

#include <cstdint>
#include <string>

#include "grammar/time.hpp"

namespace afterflow::grammar {

void append_duration(std::string& out, duration d);
[[nodiscard]] std::string duration_text(duration d);

/// A time of day in seconds since midnight.
void append_time_of_day(std::string& out, std::int32_t seconds);
[[nodiscard]] std::string time_of_day_text(std::int32_t seconds);

}  // namespace afterflow::grammar
