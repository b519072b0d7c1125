#include "interpreter/check/constants.hpp"

#include <cmath>
#include <limits>

#include "grammar/format/format_text.hpp"
#include "grammar/text/json_writer.hpp"
#include "grammar/text/time_text.hpp"
#include "grammar/text/timestamp.hpp"

namespace afterflow::check {

using grammar::duration_seconds_text;
using grammar::format_number;
using grammar::format_timestamp;
using grammar::micros_per_second;
using grammar::time_of_day_text;
using stdlib::type_kind;

namespace {

using stdlib::type_kind;

constant_value make(auto v) { return constant_value{std::move(v)}; }

fold_failure overflow() { return {"the result is out of range"}; }

std::optional<std::int64_t> checked_add(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  if (__builtin_add_overflow(a, b, &r)) return std::nullopt;
  return r;
}

std::optional<std::int64_t> checked_sub(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  if (__builtin_sub_overflow(a, b, &r)) return std::nullopt;
  return r;
}

std::optional<std::int64_t> checked_mul(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  if (__builtin_mul_overflow(a, b, &r)) return std::nullopt;
  return r;
}

// A double number of seconds as a duration, rounded to the nearest second.
fold_result to_duration(double seconds) {
  if (!std::isfinite(seconds) || std::fabs(seconds) >= 9.0e18) return overflow();
  return make(duration_value{std::llround(seconds)});
}

fold_result number_result(double v) {
  if (!std::isfinite(v)) return overflow();
  return make(v);
}

// Three-way order of two values of the same orderable kind; nothing when
// they cannot be ordered.
std::optional<int> order(const constant_value& a, const constant_value& b) {
  const auto cmp = [](auto x, auto y) { return x < y ? -1 : (y < x ? 1 : 0); };
  if (const auto* x = a.get<double>()) {
    if (const auto* y = b.get<double>()) return cmp(*x, *y);
  }
  if (const auto* x = a.get<std::string>()) {
    if (const auto* y = b.get<std::string>()) return x->compare(*y) < 0 ? -1 : (*x == *y ? 0 : 1);
  }
  if (const auto* x = a.get<duration_value>()) {
    if (const auto* y = b.get<duration_value>()) return cmp(x->seconds, y->seconds);
  }
  if (const auto* x = a.get<time_value>()) {
    if (const auto* y = b.get<time_value>()) return cmp(x->micros, y->micros);
  }
  if (const auto* x = a.get<time_of_day_value>()) {
    if (const auto* y = b.get<time_of_day_value>()) return cmp(x->seconds, y->seconds);
  }
  return std::nullopt;
}

fold_result fold_arithmetic(ast::binary_op op, const constant_value& lhs, const constant_value& rhs) {
  using ast::binary_op;
  if (lhs.kind() == type_kind::null || rhs.kind() == type_kind::null) return make(null_value{});
  const auto* ln = lhs.get<double>();
  const auto* rn = rhs.get<double>();
  const auto* ld = lhs.get<duration_value>();
  const auto* rd = rhs.get<duration_value>();
  const auto* lt = lhs.get<time_value>();
  const auto* rt = rhs.get<time_value>();
  switch (op) {
    case binary_op::add:
      if (ln && rn) return number_result(*ln + *rn);
      if (ld && rd) {
        if (auto r = checked_add(ld->seconds, rd->seconds)) return make(duration_value{*r});
        return overflow();
      }
      if ((lt && rd) || (ld && rt)) {
        const auto t = lt ? lt->micros : rt->micros;
        const auto d = ld ? ld->seconds : rd->seconds;
        const auto shift = checked_mul(d, micros_per_second);
        if (!shift) return overflow();
        if (auto r = checked_add(t, *shift)) return make(time_value{*r});
        return overflow();
      }
      if (const auto* ls = lhs.get<std::string>()) {
        if (const auto* rs = rhs.get<std::string>()) return make(*ls + *rs);
      }
      return {};
    case binary_op::subtract:
      if (ln && rn) return number_result(*ln - *rn);
      if (ld && rd) {
        if (auto r = checked_sub(ld->seconds, rd->seconds)) return make(duration_value{*r});
        return overflow();
      }
      if (lt && rd) {
        const auto shift = checked_mul(rd->seconds, micros_per_second);
        if (!shift) return overflow();
        if (auto r = checked_sub(lt->micros, *shift)) return make(time_value{*r});
        return overflow();
      }
      if (lt && rt) {
        if (auto r = checked_sub(lt->micros, rt->micros)) {
          return make(duration_value{*r / micros_per_second});
        }
        return overflow();
      }
      return {};
    case binary_op::multiply:
      if (ln && rn) return number_result(*ln * *rn);
      if (ln && rd) return to_duration(*ln * static_cast<double>(rd->seconds));
      if (ld && rn) return to_duration(static_cast<double>(ld->seconds) * *rn);
      return {};
    case binary_op::divide:
      if (ln && rn) {
        if (*rn == 0) return fold_failure{"division by zero"};
        return number_result(*ln / *rn);
      }
      if (ld && rn) {
        if (*rn == 0) return fold_failure{"division by zero"};
        return to_duration(static_cast<double>(ld->seconds) / *rn);
      }
      if (ld && rd) {
        if (rd->seconds == 0) return fold_failure{"division by a zero duration"};
        return number_result(static_cast<double>(ld->seconds) / static_cast<double>(rd->seconds));
      }
      return {};
    case binary_op::remainder:
      if (ln && rn) {
        if (*rn == 0) return fold_failure{"remainder of a division by zero"};
        return number_result(std::fmod(*ln, *rn));
      }
      return {};
    default:
      return {};
  }
}

}  // namespace

type_kind constant_value::kind() const {
  switch (value.index()) {
    case 0: return type_kind::null;
    case 1: return type_kind::boolean;
    case 2: return type_kind::number;
    case 3: return type_kind::string;
    case 4: return type_kind::duration;
    case 5: return type_kind::time;
    case 6: return type_kind::time_of_day;
    default: return type_kind::list;
  }
}

std::string to_source_text(const constant_value& v) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, null_value>) {
          return "null";
        } else if constexpr (std::is_same_v<T, bool>) {
          return x ? "true" : "false";
        } else if constexpr (std::is_same_v<T, double>) {
          return format_number(x);
        } else if constexpr (std::is_same_v<T, std::string>) {
          return format::quote(x);
        } else if constexpr (std::is_same_v<T, duration_value>) {
          return duration_seconds_text(x.seconds);
        } else if constexpr (std::is_same_v<T, time_value>) {
          return format_timestamp(x.micros);
        } else if constexpr (std::is_same_v<T, time_of_day_value>) {
          return time_of_day_text(x.seconds);
        } else {
          std::string out = "[";
          for (std::size_t i = 0; i < x.size(); ++i) {
            if (i > 0) out += ", ";
            out += to_source_text(x[i]);
          }
          return out + "]";
        }
      },
      v.value);
}

bool is_truthy(const constant_value& v) {
  const auto* b = v.get<bool>();
  return b != nullptr && *b;
}

fold_result fold_unary(ast::unary_op op, const constant_value& operand) {
  if (op == ast::unary_op::logical_not) {
    if (operand.kind() == type_kind::null || operand.kind() == type_kind::boolean) {
      return make(!is_truthy(operand));
    }
    return {};
  }
  if (operand.kind() == type_kind::null) return make(null_value{});
  if (const auto* n = operand.get<double>()) return make(-*n);
  if (const auto* d = operand.get<duration_value>()) {
    if (d->seconds == std::numeric_limits<std::int64_t>::min()) return overflow();
    return make(duration_value{-d->seconds});
  }
  return {};
}

fold_result fold_binary(ast::binary_op op, const constant_value& lhs, const constant_value& rhs) {
  using ast::binary_op;
  switch (op) {
    case binary_op::logical_and: return make(is_truthy(lhs) && is_truthy(rhs));
    case binary_op::logical_or: return make(is_truthy(lhs) || is_truthy(rhs));
    case binary_op::equal: return make(lhs == rhs);
    case binary_op::not_equal: return make(!(lhs == rhs));
    case binary_op::less:
    case binary_op::less_equal:
    case binary_op::greater:
    case binary_op::greater_equal: {
      if (lhs.kind() == type_kind::null || rhs.kind() == type_kind::null) return make(false);
      const auto o = order(lhs, rhs);
      if (!o) return {};
      if (op == binary_op::less) return make(*o < 0);
      if (op == binary_op::less_equal) return make(*o <= 0);
      if (op == binary_op::greater) return make(*o > 0);
      return make(*o >= 0);
    }
    case binary_op::in:
    case binary_op::not_in: {
      // Like every comparison with null, `in` and `not in` are false.
      if (lhs.kind() == type_kind::null || rhs.kind() == type_kind::null) return make(false);
      const auto* items = rhs.get<constant_value::list>();
      if (items == nullptr) return {};
      bool found = false;
      for (const auto& item : *items) found = found || item == lhs;
      return make(op == binary_op::in ? found : !found);
    }
    default:
      return fold_arithmetic(op, lhs, rhs);
  }
}

}  // namespace afterflow::check
