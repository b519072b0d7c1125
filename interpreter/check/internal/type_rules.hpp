// The typing rules of operators, as pure functions of operand types.
//
//   arithmetic   number + - * / % number -> number
//                duration + - duration -> duration
//                time + duration, duration + time, time - duration -> time
//                time - time -> duration
//                number * duration, duration * number -> duration
//                duration / number -> duration, duration / duration -> number
//                string + string -> string (concatenation)
//   comparison   == != on equal types; < <= > >= on equal orderable types
//                (number, string, duration, time, time_of_day); `null` and
//                `any` compare with anything; the result is bool
//   membership   x in list, x not in list -> bool
//   logic        and, or, not take bool (or any/null) -> bool
//   negation     -number -> number, -duration -> duration
//
// An operand of type `any` (or `null`) stands for every type it could be:
// the result is the one type all the valid combinations agree on, `any`
// when they disagree, and an error only when no combination is valid. An
// `error` operand yields `error` without a report.
#pragma once

#include <string>
#include <string_view>

#include "grammar/ast.hpp"
#include "stdlib/types.hpp"

namespace afterflow::check {

/// Which operand an operator error is about.
enum class blame : unsigned char { whole, lhs, rhs, operand };

/// The result type of an operator, or the error to report.
struct typing {
  stdlib::type result;
  std::string_view code;  ///< empty when the operation is well typed
  std::string message;
  std::string help;
  blame where = blame::whole;

  [[nodiscard]] bool ok() const { return code.empty(); }
};

[[nodiscard]] typing type_binary(ast::binary_op op, const stdlib::type& lhs, const stdlib::type& rhs);
[[nodiscard]] typing type_unary(ast::unary_op op, const stdlib::type& operand);

/// Whether values of this kind can be ordered with `<`.
[[nodiscard]] bool is_orderable(stdlib::type_kind k);

/// "`number`", "`event order_placed`": a type name in backticks.
[[nodiscard]] std::string quoted(const stdlib::type& t);

}  // namespace afterflow::check
