// Compile-time values: what a constant holds, and how it is computed.
//
// The checker folds every expression whose operands are all known at check
// time (literals, lists, constants, operators on them) into a
// `constant_value`. The folded values serve `const` declarations, test
// lines (timestamps, property values), policy settings, `within:` windows,
// `repeat` counts, split checks and the "constant `when`" warning, and the
// compiler emits them as constants. Folding runs the run-time operators
// themselves (stdlib/operators.hpp) on views of the constants, so a constant
// expression means exactly what it would mean at run time; only the
// problems the run time turns into null (division by zero, a result out of
// range) are reported here, as errors.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/time.hpp"
#include "stdlib/types.hpp"
#include "stdlib/value.hpp"

namespace afterflow::check {

struct null_value {
  friend bool operator==(const null_value&, const null_value&) = default;
};
/// Seconds since local midnight.
struct time_of_day_value {
  std::int32_t seconds = 0;
  friend bool operator==(const time_of_day_value&, const time_of_day_value&) = default;
};

/// A value known at check time; it owns its strings and lists (a
/// `stdlib::value` only views them).
struct constant_value {
  using list = std::vector<constant_value>;
  std::variant<null_value, bool, double, std::string, grammar::duration, grammar::instant, time_of_day_value, list>
      value;

  [[nodiscard]] stdlib::type_kind kind() const;
  template <typename T>
  [[nodiscard]] const T* get() const {
    return std::get_if<T>(&value);
  }
  friend bool operator==(const constant_value&, const constant_value&) = default;
};

/// The constant as a value; its strings and lists are viewed where they are
/// or, for lists, kept in `storage`.
[[nodiscard]] stdlib::value to_value(const constant_value& c, stdlib::value_storage& storage);
/// A value as a constant (copies what it views; an event becomes null).
[[nodiscard]] constant_value to_constant(const stdlib::value& v);

/// The value written in source form, for messages: `3d`, `"a"`, `10:00`,
/// `[1, 2]`, `2026-03-01T09:00:00Z`.
[[nodiscard]] std::string to_source_text(const constant_value& v);

/// Why folding an operation failed (division by zero, overflow); empty
/// when the operation is simply not foldable.
struct fold_failure {
  std::string message;
};

/// The result of folding one operation: a value, nothing (not foldable:
/// the operation is checked at run time), or a failure to report.
using fold_result = std::variant<std::monostate, constant_value, fold_failure>;

[[nodiscard]] fold_result fold_unary(ast::unary_op op, const constant_value& operand);
[[nodiscard]] fold_result fold_binary(ast::binary_op op, const constant_value& lhs, const constant_value& rhs);
/// `x == null` / `x != null` with the null literal on one side: a presence
/// test of `tested`, as the compiler lowers it (not a comparison).
[[nodiscard]] constant_value fold_presence(ast::binary_op op, const constant_value& tested);

/// How a condition reads a value: true only for `true` (null is false).
[[nodiscard]] bool is_truthy(const constant_value& v);

}  // namespace afterflow::check
