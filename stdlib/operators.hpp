// The one meaning of every operator.
//
// The checker folds constant expressions with these functions and the
// evaluator computes run-time ones with them, so `1d / 7` or `"a" in "abc"`
// means the same in a `const` as in a `where` (cel-cpp folds the same way,
// by running its evaluator). The rules of docs/language.md ("null") live
// here and nowhere else:
//
//   - arithmetic with null is null; comparisons and `in` with null are false
//     (the `x == null` presence test is syntax: the compiler and the checker
//     turn it into an is-null test before an operator is applied);
//   - `not`, `and`, `or` read null, and anything but `true`, as false;
//   - an operation with no value — division by zero, a result out of range
//     (a non-finite number, a duration or instant beyond ±292,000 years) —
//     is null, and says why, so the checker can report it for constants.
//
// Durations and instants are microseconds (grammar/time.hpp); scaling a
// duration by a number rounds to the nearest microsecond.
#pragma once

#include <deque>
#include <optional>
#include <string>
#include <string_view>

#include "grammar/operators.hpp"
#include "stdlib/value.hpp"

namespace afterflow::stdlib {

/// Why an operation's result is null.
enum class op_problem : unsigned char {
  none,
  undefined,          ///< the operator does not apply to these kinds (the checker reports types)
  division_by_zero,   ///< x / 0
  zero_duration,      ///< d / 0s
  remainder_by_zero,  ///< x % 0, d % 0s
  out_of_range,       ///< not a finite number, or a duration or time that does not fit
};

/// The message the checker reports for a problem of a constant operation.
[[nodiscard]] std::string_view message_of(op_problem p);

struct op_result {
  value result;
  op_problem problem = op_problem::none;
};

/// Where operators keep the strings they make (`"a" + "b"`); the caller
/// owns it and decides when those values may go.
using string_arena = std::deque<std::string>;

[[nodiscard]] op_result apply(grammar::unary_op op, const value& operand);
[[nodiscard]] op_result apply(grammar::binary_op op, const value& lhs, const value& rhs, string_arena& strings);

/// The order of two values of one orderable kind (number, string, duration,
/// time, time of day): <0, 0, >0; nullopt when they cannot be ordered (null,
/// different kinds, NaN).
[[nodiscard]] std::optional<int> compare(const value& a, const value& b);

}  // namespace afterflow::stdlib
