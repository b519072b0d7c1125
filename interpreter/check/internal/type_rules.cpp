#include "interpreter/check/internal/type_rules.hpp"

#include <array>
#include <optional>

#include <fmt/format.h>

#include "interpreter/check/check_codes.hpp"

namespace afterflow::check {

using stdlib::type;
using stdlib::type_kind;

namespace {

using stdlib::type;
using stdlib::type_kind;
using k = type_kind;

// The kinds an `any` operand may turn out to be.
constexpr std::array<type_kind, 7> value_kinds{k::number,      k::string,  k::duration, k::time,
                                               k::time_of_day, k::boolean, k::list};

bool is_wildcard(const type& t) { return t.is(k::any) || t.is(k::null); }

std::optional<type_kind> arithmetic_result(ast::binary_op op, type_kind a, type_kind b) {
  using ast::binary_op;
  switch (op) {
    case binary_op::add:
      if (a == k::number && b == k::number) return k::number;
      if (a == k::duration && b == k::duration) return k::duration;
      if ((a == k::time && b == k::duration) || (a == k::duration && b == k::time)) return k::time;
      if (a == k::string && b == k::string) return k::string;
      return std::nullopt;
    case binary_op::subtract:
      if (a == k::number && b == k::number) return k::number;
      if (a == k::duration && b == k::duration) return k::duration;
      if (a == k::time && b == k::duration) return k::time;
      if (a == k::time && b == k::time) return k::duration;
      return std::nullopt;
    case binary_op::multiply:
      if (a == k::number && b == k::number) return k::number;
      if ((a == k::number && b == k::duration) || (a == k::duration && b == k::number)) {
        return k::duration;
      }
      return std::nullopt;
    case binary_op::divide:
      if (a == k::number && b == k::number) return k::number;
      if (a == k::duration && b == k::number) return k::duration;
      if (a == k::duration && b == k::duration) return k::number;
      return std::nullopt;
    case binary_op::remainder:
      if (a == k::number && b == k::number) return k::number;
      return std::nullopt;
    default: return std::nullopt;
  }
}

std::string arithmetic_help(ast::binary_op op, type_kind a, type_kind b) {
  using ast::binary_op;
  const auto pair = [&](type_kind x, type_kind y) { return (a == x && b == y) || (a == y && b == x); };
  if (op == binary_op::add && pair(k::string, k::number)) {
    return "convert the number to text first: `to_string(...)`";
  }
  if ((op == binary_op::add || op == binary_op::subtract) && pair(k::number, k::duration)) {
    return "a number has no unit: write a duration such as `3d`, or multiply by one: `n * 1d`";
  }
  if ((op == binary_op::add || op == binary_op::subtract) && pair(k::number, k::time)) {
    return "add a duration to a time, such as `trigger.time + 3d`";
  }
  if (op == binary_op::add && a == k::time && b == k::time) {
    return "add a duration to a time, or subtract two times to get a duration";
  }
  if (op == binary_op::subtract && a == k::duration && b == k::time) {
    return "write the time first: `time - duration`";
  }
  if (op == binary_op::multiply && a == k::duration && b == k::duration) {
    return "multiply a duration by a number, such as `2 * 3d`";
  }
  if (op == binary_op::divide && a == k::number && b == k::duration) {
    return "divide a duration by a number, or two durations to get a number";
  }
  return {};
}

typing error_result(std::string_view code, std::string message, std::string help = {}, blame where = blame::whole) {
  return {type::of(k::error), code, std::move(message), std::move(help), where};
}

typing ok(type t) { return {std::move(t), {}, {}, {}, blame::whole}; }

typing type_arithmetic(ast::binary_op op, const type& lhs, const type& rhs) {
  const auto spelled = ast::spelling(op);
  if (is_wildcard(lhs) && is_wildcard(rhs)) return ok(type::of(k::any));
  std::optional<type_kind> agreed;
  bool disagree = false;
  bool any_valid = false;
  for (const auto a : value_kinds) {
    if (!is_wildcard(lhs) && a != lhs.kind) continue;
    for (const auto b : value_kinds) {
      if (!is_wildcard(rhs) && b != rhs.kind) continue;
      const auto r = arithmetic_result(op, a, b);
      if (!r) continue;
      any_valid = true;
      if (agreed && *agreed != *r) disagree = true;
      agreed = r;
    }
  }
  if (any_valid) return ok(disagree ? type::of(k::any) : type::of(*agreed));
  if (is_wildcard(lhs) || is_wildcard(rhs)) {
    const auto& known = is_wildcard(lhs) ? rhs : lhs;
    return error_result(codes::invalid_operands, fmt::format("cannot apply `{}` to {}", spelled, quoted(known)), {},
                        is_wildcard(lhs) ? blame::rhs : blame::lhs);
  }
  return error_result(codes::invalid_operands,
                      fmt::format("cannot apply `{}` to {} and {}", spelled, quoted(lhs), quoted(rhs)),
                      arithmetic_help(op, lhs.kind, rhs.kind));
}

std::string comparison_help(type_kind a, type_kind b) {
  const auto pair = [&](type_kind x, type_kind y) { return (a == x && b == y) || (a == y && b == x); };
  if (pair(k::number, k::duration)) return "write the number as a duration, such as `3d`";
  if (pair(k::string, k::number)) {
    return "a quoted value is a string: write numbers without quotes, or convert with "
           "`to_number(...)`";
  }
  if (pair(k::time, k::duration)) {
    return "to compare how long ago a time was, use `now - t` or `days_since(t)`";
  }
  if (pair(k::string, k::time_of_day)) return "write the time of day without quotes, such as `10:00`";
  return {};
}

typing type_comparison(ast::binary_op op, const type& lhs, const type& rhs) {
  const bool ordering = op != ast::binary_op::equal && op != ast::binary_op::not_equal;
  const auto boolean = type::of(k::boolean);
  if (ordering) {
    for (const auto* side : {&lhs, &rhs}) {
      if (!is_wildcard(*side) && !is_orderable(side->kind)) {
        return error_result(codes::incomparable_types,
                            fmt::format("`{}` cannot order values of type {}", ast::spelling(op), quoted(*side)), {},
                            side == &lhs ? blame::lhs : blame::rhs);
      }
    }
  }
  if (is_wildcard(lhs) || is_wildcard(rhs)) return ok(boolean);
  if (lhs.kind != rhs.kind) {
    return error_result(codes::incomparable_types, fmt::format("cannot compare {} with {}", quoted(lhs), quoted(rhs)),
                        comparison_help(lhs.kind, rhs.kind));
  }
  return ok(boolean);
}

}  // namespace

std::string quoted(const type& t) { return fmt::format("`{}`", stdlib::display_name(t)); }

bool is_orderable(type_kind kind) {
  return kind == k::number || kind == k::string || kind == k::duration || kind == k::time || kind == k::time_of_day;
}

typing type_binary(ast::binary_op op, const type& lhs, const type& rhs) {
  using ast::binary_op;
  if (op == binary_op::logical_and || op == binary_op::logical_or) {
    for (const auto* side : {&lhs, &rhs}) {
      if (side->is_error() || is_wildcard(*side) || side->is(k::boolean)) continue;
      return error_result(codes::type_mismatch,
                          fmt::format("`{}` expects `bool` operands, found {}", ast::spelling(op), quoted(*side)), {},
                          side == &lhs ? blame::lhs : blame::rhs);
    }
    return ok(type::of(k::boolean));
  }
  if (lhs.is_error() || rhs.is_error()) {
    const bool predicate = op == binary_op::equal || op == binary_op::not_equal || op == binary_op::less ||
                           op == binary_op::less_equal || op == binary_op::greater || op == binary_op::greater_equal ||
                           op == binary_op::in || op == binary_op::not_in;
    return ok(type::of(predicate ? k::boolean : k::error));
  }
  switch (op) {
    case binary_op::equal:
    case binary_op::not_equal:
    case binary_op::less:
    case binary_op::less_equal:
    case binary_op::greater:
    case binary_op::greater_equal: return type_comparison(op, lhs, rhs);
    case binary_op::in:
    case binary_op::not_in:
      if (is_wildcard(rhs) || rhs.is(k::list)) return ok(type::of(k::boolean));
      return error_result(codes::in_needs_list,
                          fmt::format("`{}` needs a list on its right, found {}", ast::spelling(op), quoted(rhs)),
                          rhs.is(k::string) ? "to look for a substring, use `contains(text, part)`"
                                            : "write a list such as `[\"a\", \"b\"]`",
                          blame::rhs);
    default: return type_arithmetic(op, lhs, rhs);
  }
}

typing type_unary(ast::unary_op op, const type& operand) {
  if (op == ast::unary_op::logical_not) {
    if (operand.is_error() || is_wildcard(operand) || operand.is(k::boolean)) {
      return ok(type::of(k::boolean));
    }
    return error_result(codes::type_mismatch, fmt::format("`not` expects a `bool`, found {}", quoted(operand)), {},
                        blame::operand);
  }
  if (operand.is_error()) return ok(operand);
  if (operand.is(k::null)) return ok(type::of(k::any));
  if (operand.is(k::any) || operand.is(k::number) || operand.is(k::duration)) return ok(operand);
  return error_result(codes::invalid_operands, fmt::format("cannot negate {}", quoted(operand)), {}, blame::operand);
}

}  // namespace afterflow::check
