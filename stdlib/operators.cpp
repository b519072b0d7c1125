#include "stdlib/operators.hpp"

#include <cmath>
#include <cstdint>
#include <span>

namespace afterflow::stdlib {

namespace {

using grammar::binary_op;
using grammar::unary_op;

op_result ok(value v) { return {v, op_problem::none}; }
op_result fails(op_problem p) { return {value::null(), p}; }

op_result number(double x) { return std::isfinite(x) ? ok(value::number(x)) : fails(op_problem::out_of_range); }

op_result duration_of(std::int64_t micros) { return ok(value::duration(grammar::duration(micros))); }
op_result time_of(std::int64_t micros) {
  const auto t = grammar::instant_from_micros(micros);
  return grammar::in_time_range(t) ? ok(value::time(t)) : fails(op_problem::out_of_range);
}

op_result add(std::int64_t a, std::int64_t b, op_result (*make)(std::int64_t)) {
  std::int64_t r = 0;
  if (__builtin_add_overflow(a, b, &r)) return fails(op_problem::out_of_range);
  return make(r);
}

op_result subtract(std::int64_t a, std::int64_t b, op_result (*make)(std::int64_t)) {
  std::int64_t r = 0;
  if (__builtin_sub_overflow(a, b, &r)) return fails(op_problem::out_of_range);
  return make(r);
}

// A duration times (or divided by) a factor, to the nearest microsecond.
op_result scale(grammar::duration d, double factor, bool divide) {
  if (divide && factor == 0) return fails(op_problem::division_by_zero);
  const double x = divide ? static_cast<double>(d.count()) / factor : static_cast<double>(d.count()) * factor;
  // 2^63 is exactly representable; anything at or beyond it does not fit.
  if (!std::isfinite(x) || std::fabs(x) >= 9223372036854775808.0) return fails(op_problem::out_of_range);
  return duration_of(std::llround(x));
}

bool truthy(const value& v) { return v.truthy(); }

bool contains_item(std::span<const value> items, const value& x) {
  for (const auto& item : items) {
    if (equal(item, x)) return true;
  }
  return false;
}

// `x in y`: membership in a list, or a substring of a string.
std::optional<bool> membership(const value& x, const value& y) {
  if (y.is(type_kind::list)) return contains_item(y.as_list(), x);
  if (y.is(type_kind::string) && x.is(type_kind::string)) {
    return y.as_string().find(x.as_string()) != std::string_view::npos;
  }
  return std::nullopt;
}

template <typename T>
int three_way(T a, T b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

op_result arithmetic(binary_op op, const value& a, const value& b, string_arena& strings) {
  using k = type_kind;
  const auto ka = a.kind(), kb = b.kind();
  if (ka == k::number && kb == k::number) {
    const double x = a.as_number(), y = b.as_number();
    switch (op) {
      case binary_op::add: return number(x + y);
      case binary_op::subtract: return number(x - y);
      case binary_op::multiply: return number(x * y);
      case binary_op::divide: return y == 0 ? fails(op_problem::division_by_zero) : number(x / y);
      case binary_op::remainder: return y == 0 ? fails(op_problem::remainder_by_zero) : number(std::fmod(x, y));
      default: return fails(op_problem::undefined);
    }
  }
  if (ka == k::duration && kb == k::duration) {
    const auto x = a.as_duration().count(), y = b.as_duration().count();
    switch (op) {
      case binary_op::add: return add(x, y, duration_of);
      case binary_op::subtract: return subtract(x, y, duration_of);
      case binary_op::divide:
        return y == 0 ? fails(op_problem::zero_duration) : number(static_cast<double>(x) / static_cast<double>(y));
      case binary_op::remainder: return y == 0 ? fails(op_problem::remainder_by_zero) : duration_of(x % y);
      default: return fails(op_problem::undefined);
    }
  }
  const auto t = [](const value& v) { return grammar::micros_since_epoch(v.as_time()); };
  if (ka == k::time && kb == k::duration) {
    if (op == binary_op::add) return add(t(a), b.as_duration().count(), time_of);
    if (op == binary_op::subtract) return subtract(t(a), b.as_duration().count(), time_of);
    return fails(op_problem::undefined);
  }
  if (ka == k::duration && kb == k::time && op == binary_op::add) return add(a.as_duration().count(), t(b), time_of);
  if (ka == k::time && kb == k::time && op == binary_op::subtract) return subtract(t(a), t(b), duration_of);
  if (ka == k::duration && kb == k::number) {
    if (op == binary_op::multiply) return scale(a.as_duration(), b.as_number(), false);
    if (op == binary_op::divide) return scale(a.as_duration(), b.as_number(), true);
    return fails(op_problem::undefined);
  }
  if (ka == k::number && kb == k::duration && op == binary_op::multiply) {
    return scale(b.as_duration(), a.as_number(), false);
  }
  if (ka == k::string && kb == k::string && op == binary_op::add) {
    auto& joined = strings.emplace_back();
    joined.reserve(a.as_string().size() + b.as_string().size());
    joined.append(a.as_string()).append(b.as_string());
    return ok(value::string(joined));
  }
  return fails(op_problem::undefined);
}

}  // namespace

std::string_view message_of(op_problem p) {
  switch (p) {
    case op_problem::none: return "";
    case op_problem::undefined: return "the operator does not apply to these values";
    case op_problem::division_by_zero: return "division by zero";
    case op_problem::zero_duration: return "division by a zero duration";
    case op_problem::remainder_by_zero: return "remainder of a division by zero";
    case op_problem::out_of_range: return "the result is out of range";
  }
  return "";
}

std::optional<int> compare(const value& a, const value& b) {
  if (a.kind() != b.kind()) return std::nullopt;
  switch (a.kind()) {
    case type_kind::number: {
      const double x = a.as_number(), y = b.as_number();
      if (std::isnan(x) || std::isnan(y)) return std::nullopt;
      return three_way(x, y);
    }
    case type_kind::string: {
      const int c = a.as_string().compare(b.as_string());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    case type_kind::duration:
    case type_kind::time:
    case type_kind::time_of_day: return three_way(a.as_integer(), b.as_integer());
    default: return std::nullopt;
  }
}

op_result apply(unary_op op, const value& operand) {
  if (op == unary_op::logical_not) return ok(value::boolean(!truthy(operand)));
  if (operand.is_null()) return ok(value::null());
  if (operand.is(type_kind::number)) return ok(value::number(-operand.as_number()));
  if (operand.is(type_kind::duration)) return subtract(0, operand.as_duration().count(), duration_of);
  return fails(op_problem::undefined);
}

op_result apply(binary_op op, const value& a, const value& b, string_arena& strings) {
  switch (op) {
    case binary_op::logical_and: return ok(value::boolean(truthy(a) && truthy(b)));
    case binary_op::logical_or: return ok(value::boolean(truthy(a) || truthy(b)));
    case binary_op::equal:
    case binary_op::not_equal: {
      // Comparisons with null are false (`x == null` is a presence test, see above).
      if (a.is_null() || b.is_null()) return ok(value::boolean(false));
      const bool same = equal(a, b);
      return ok(value::boolean(op == binary_op::equal ? same : !same));
    }
    case binary_op::less:
    case binary_op::less_equal:
    case binary_op::greater:
    case binary_op::greater_equal: {
      if (a.is_null() || b.is_null()) return ok(value::boolean(false));
      const auto c = compare(a, b);
      if (!c) return {value::boolean(false), a.kind() == b.kind() ? op_problem::none : op_problem::undefined};
      switch (op) {
        case binary_op::less: return ok(value::boolean(*c < 0));
        case binary_op::less_equal: return ok(value::boolean(*c <= 0));
        case binary_op::greater: return ok(value::boolean(*c > 0));
        default: return ok(value::boolean(*c >= 0));
      }
    }
    case binary_op::in:
    case binary_op::not_in: {
      if (a.is_null() || b.is_null()) return ok(value::boolean(false));
      const auto m = membership(a, b);
      if (!m) return {value::boolean(false), op_problem::undefined};
      return ok(value::boolean(op == binary_op::in ? *m : !*m));
    }
    default:
      if (a.is_null() || b.is_null()) return ok(value::null());
      return arithmetic(op, a, b, strings);
  }
}

}  // namespace afterflow::stdlib
