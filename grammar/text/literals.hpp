// Values of literals whose text the grammar has already accepted.
//
// The grammar decides the shape of a literal (`25:00` is shaped like a time
// of day); these functions decide whether it means anything (hours run from 0
// to 23) and compute the value the AST stores. They never see PEGTL, so they
// are tested on their own, and the AST printer uses them to tell whether a
// literal's text and value agree.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>

#include "grammar/time.hpp"

namespace afterflow::grammar::parsing {

/// Why a well-shaped literal has no value. `offset`/`length` locate the
/// culprit inside the literal's text; length 0 means the whole literal.
struct literal_problem {
  std::string label;
  std::uint32_t offset = 0;
  std::uint32_t length = 0;
};

template <typename T>
using literal_result = std::variant<T, literal_problem>;

/// `digits ['.' digits]`.
[[nodiscard]] literal_result<double> number_value(std::string_view text);
/// `(digits unit)+`, units w d h m s from largest to smallest, each once.
[[nodiscard]] literal_result<duration> duration_value(std::string_view text);
/// `H[H]:MM[:SS]`; seconds since midnight.
[[nodiscard]] literal_result<std::int32_t> time_of_day_seconds(std::string_view text);
/// RFC 3339 `YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|±HH:MM)`.
[[nodiscard]] literal_result<instant> timestamp_value(std::string_view text);
/// A quoted string literal (quotes included) with its escapes resolved.
[[nodiscard]] literal_result<std::string> unescape_string(std::string_view quoted);

}  // namespace afterflow::grammar::parsing
