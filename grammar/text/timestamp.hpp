// Instants and RFC 3339 text.
//
// afterflow keeps every instant as an `instant` (grammar/time.hpp):
// microseconds since the Unix epoch, UTC. This header is the one place where
// an instant is read from or written as text, so the parser's timestamp
// literals, the event log reader and every output agree.
//
// Output form: `YYYY-MM-DDTHH:MM:SSZ`, with `.mmm` added when the instant has
// milliseconds and `.uuuuuu` when it has microseconds: always UTC, always
// the same text for the same instant.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "grammar/time.hpp"

namespace afterflow::grammar {

/// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's
/// days_from_civil); month 1-12, day 1-31.
[[nodiscard]] constexpr std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

struct civil_date {
  std::int64_t year = 1970;
  unsigned month = 1;
  unsigned day = 1;
};

/// The inverse of days_from_civil.
[[nodiscard]] civil_date civil_from_days(std::int64_t days);

/// Number of days in a month of a year (leap years included).
[[nodiscard]] unsigned days_in_month(std::int64_t year, unsigned month);

/// Parses RFC 3339: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)`.
/// Also accepted, because real exports use them: a lowercase `t`/`z`, a
/// space instead of `T`, and omitted seconds (`HH:MM`). Fractions beyond
/// microseconds are truncated. Every field is range-checked (no 25:00,
/// no February 30); returns nullopt for anything else.
[[nodiscard]] std::optional<instant> parse_timestamp(std::string_view text);

/// The one output form, see the header comment.
[[nodiscard]] std::string format_timestamp(instant t);
/// Appends the same text to `out` (no allocation beyond `out`'s growth).
void append_timestamp(std::string& out, instant t);

}  // namespace afterflow::grammar
