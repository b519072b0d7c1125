// Compile-time values: what a constant holds, and the arithmetic that
// computes them.
//
// The checker folds every expression whose operands are all known at check
// time (literals, lists, constants, operators on them) into a
// `constant_value`. The folded values serve `const` declarations, test
// lines (timestamps, property values), policy settings, `within:` windows,
// `repeat` counts, split checks and the "constant `when`" warning; the
// compiler may use them too. Folding follows the run-time rules exactly
// (docs/language.md, "null"): arithmetic with null is null, ordering
// comparisons with null are false, `and`/`or`/`not` read null as false.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "grammar/ast.hpp"
#include "stdlib/types.hpp"

namespace afterflow::check {

struct null_value {
  friend bool operator==(const null_value&, const null_value&) = default;
};
/// Whole seconds.
struct duration_value {
  std::int64_t seconds = 0;
  friend bool operator==(const duration_value&, const duration_value&) = default;
};
/// Microseconds since the Unix epoch, UTC.
struct time_value {
  std::int64_t micros = 0;
  friend bool operator==(const time_value&, const time_value&) = default;
};
/// Seconds since local midnight.
struct time_of_day_value {
  std::int32_t seconds = 0;
  friend bool operator==(const time_of_day_value&, const time_of_day_value&) = default;
};

/// A value known at check time.
struct constant_value {
  using list = std::vector<constant_value>;
  std::variant<null_value, bool, double, std::string, duration_value, time_value,
               time_of_day_value, list>
      value;

  [[nodiscard]] stdlib::type_kind kind() const;
  template <typename T>
  [[nodiscard]] const T* get() const {
    return std::get_if<T>(&value);
  }
  friend bool operator==(const constant_value&, const constant_value&) = default;
};

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
[[nodiscard]] fold_result fold_binary(ast::binary_op op, const constant_value& lhs,
                                      const constant_value& rhs);

/// How a condition reads a value: true only for `true` (null is false).
[[nodiscard]] bool is_truthy(const constant_value& v);

}  // namespace afterflow::check
