#include "interpreter/runtime/internal/evaluator.hpp"

#include <algorithm>
#include <cmath>

namespace afterflow::runtime {

using ir::binary_op;
using ir::equal;
using ir::event_view;
using ir::no_symbol;
using ir::node;
using ir::node_index;
using ir::op;
using ir::program;
using ir::symbol_table;
using ir::value;
using ir::value_kind;
using stdlib::builtin_id;

namespace {

bool orderable(value_kind k) {
  return k == value_kind::number || k == value_kind::string || k == value_kind::duration ||
         k == value_kind::time || k == value_kind::time_of_day;
}

template <typename T>
int three_way(T a, T b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

bool contains_item(std::span<const value> items, const value& x) {
  for (const auto& item : items) {
    if (equal(item, x)) return true;
  }
  return false;
}

// `x in y`: membership in a list, or a substring of a string.
std::optional<bool> membership(const value& x, const value& y) {
  if (x.is_null() || y.is_null()) return std::nullopt;
  if (y.is(value_kind::list)) return contains_item(y.as_list(), x);
  if (y.is(value_kind::string) && x.is(value_kind::string)) {
    return y.as_string().find(x.as_string()) != std::string_view::npos;
  }
  return std::nullopt;
}

// A duration times a factor, or null when the result does not fit.
value scale_duration(std::int64_t micros, double factor, bool divide) {
  const double x = divide ? static_cast<double>(micros) / factor : static_cast<double>(micros) * factor;
  if (!std::isfinite(x) || std::fabs(x) > 4.0e18) return value::null();
  return value::duration(static_cast<std::int64_t>(std::llround(x)));
}

}  // namespace

std::optional<int> compare_values(const value& a, const value& b) {
  if (a.kind() != b.kind() || !orderable(a.kind())) return std::nullopt;
  switch (a.kind()) {
    case value_kind::number: {
      const double x = a.as_number(), y = b.as_number();
      if (std::isnan(x) || std::isnan(y)) return std::nullopt;
      return three_way(x, y);
    }
    case value_kind::string: {
      const int c = a.as_string().compare(b.as_string());
      return c < 0 ? -1 : (c > 0 ? 1 : 0);
    }
    default: return three_way(a.as_integer(), b.as_integer());
  }
}

evaluator::evaluator(const program& p, const symbol_table& symbols, const history_store& history, zone_cache& zones)
    : program_(p), symbols_(symbols), history_(history), zones_(zones) {}

void evaluator::clear_scratch() {
  if (!scratch_strings_.empty()) scratch_strings_.clear();
  if (!scratch_lists_.empty()) scratch_lists_.clear();
}

value evaluator::make_string(std::string s) {
  scratch_strings_.push_back(std::move(s));
  return value::string(scratch_strings_.back());
}

value evaluator::eval(node_index index, const eval_frame& frame) {
  const node& n = program_.nodes[index];
  switch (n.code) {
    case op::constant: return program_.constants[n.a];
    case op::now: return value::time(frame.now);
    case op::event: return value::event(frame.event);
    case op::trigger: return value::event(frame.trigger);
    case op::binding:
      return n.a < frame.bindings.size() ? value::event(frame.bindings[n.a]) : value::null();
    case op::event_property: {
      const auto e = eval(n.a, frame);
      return e.is(value_kind::event) ? e.as_event().get(n.b) : value::null();
    }
    case op::event_time: {
      const auto e = eval(n.a, frame);
      return e.is(value_kind::event) ? value::time(e.as_event().time) : value::null();
    }
    case op::event_customer: {
      const auto e = eval(n.a, frame);
      return e.is(value_kind::event) ? value::string(e.as_event().customer) : value::null();
    }
    case op::customer_attribute:
      return frame.customer->attributes != nullptr ? frame.customer->attributes->get(n.a) : value::null();
    case op::customer_id: return value::string(frame.customer->id);
    case op::customer_timezone:
      return frame.customer->attributes != nullptr ? frame.customer->attributes->get(program_.timezone_symbol)
                                                   : value::null();
    case op::customer_tags: {
      auto& items = scratch_lists_.emplace_back();
      if (frame.customer->tags != nullptr) {
        for (const auto tag : *frame.customer->tags) items.push_back(value::string(symbols_.name(tag)));
      }
      return value::list(items);
    }
    case op::segment: {
      // Segments see the customer and the clock only.
      const eval_frame segment_frame{frame.now, frame.customer, nullptr, nullptr, {}};
      return value::boolean(holds(program_.segments[n.a].condition, segment_frame));
    }
    case op::aggregate:
      if (program_.history[n.a].filter_at_read) return filtered_aggregate(n.a, frame);
      return history_.read(frame.customer->history, n.a, frame.now);
    case op::call: return eval_call(n, frame);
    case op::list: {
      std::vector<value> items;
      items.reserve(n.c);
      for (std::uint32_t i = 0; i < n.c; ++i) items.push_back(eval(program_.arguments[n.a + i], frame));
      auto& stored = scratch_lists_.emplace_back(std::move(items));
      return value::list(stored);
    }
    case op::logical_not: return value::boolean(!eval(n.a, frame).truthy());
    case op::is_null: return value::boolean(eval(n.a, frame).is_null());
    case op::is_not_null: return value::boolean(!eval(n.a, frame).is_null());
    case op::negate: {
      const auto v = eval(n.a, frame);
      if (v.is(value_kind::number)) return value::number(-v.as_number());
      if (v.is(value_kind::duration)) return value::duration(-v.as_integer());
      return value::null();
    }
    case op::logical_and: return value::boolean(holds(n.a, frame) && holds(n.b, frame));
    case op::logical_or: return value::boolean(holds(n.a, frame) || holds(n.b, frame));
    case op::binary: return eval_binary(n, frame);
  }
  return value::null();
}

// An aggregate whose filter reads the trigger, the customer, `now`... (see
// history_slot::filter_at_read): filter the stored events now, with `event`
// bound to each in turn and everything else as the reader sees it.
value evaluator::filtered_aggregate(std::uint32_t slot, const eval_frame& frame) {
  using stdlib::builtin_id;
  const auto& s = program_.history[slot];
  const event_view* first = nullptr;
  const event_view* last = nullptr;
  std::uint64_t matched = 0;  // events that passed the filter
  std::uint64_t numbers = 0;  // ... and carry a number in `s.property`
  double sum = 0;
  double least = 0;
  double most = 0;
  if (const auto* events = history_.events(frame.customer->history, slot)) {
    eval_frame inner = frame;
    for (const auto& stored : *events) {
      const auto& e = stored.view();
      if (e.time > frame.now || (s.window && e.time <= frame.now - *s.window)) continue;
      inner.event = &e;
      if (!holds(s.filter, inner)) continue;
      ++matched;
      if (first == nullptr) first = &e;
      last = &e;
      if (s.property == no_symbol) continue;
      const auto v = e.get(s.property);
      if (!v.is(value_kind::number)) continue;
      const double x = v.as_number();
      least = numbers == 0 ? x : std::min(least, x);
      most = numbers == 0 ? x : std::max(most, x);
      sum += x;
      ++numbers;
    }
  }
  switch (s.function) {
    case builtin_id::count: return value::number(static_cast<double>(matched));
    case builtin_id::exists: return value::boolean(matched > 0);
    case builtin_id::first: return value::event(first);
    case builtin_id::last: return value::event(last);
    default: break;
  }
  if (numbers == 0) return value::null();
  switch (s.function) {
    case builtin_id::sum: return value::number(sum);
    case builtin_id::avg: return value::number(sum / static_cast<double>(numbers));
    case builtin_id::min: return value::number(least);
    case builtin_id::max: return value::number(most);
    default: return value::null();
  }
}

value evaluator::eval_binary(const node& n, const eval_frame& frame) {
  const auto bop = static_cast<binary_op>(n.c);
  const auto a = eval(n.a, frame);
  const auto b = eval(n.b, frame);
  switch (bop) {
    case binary_op::equal:
      // Comparisons with null are false; `x == null` compiles to is_null.
      if (a.is_null() || b.is_null()) return value::boolean(false);
      return value::boolean(equal(a, b));
    case binary_op::not_equal:
      if (a.is_null() || b.is_null()) return value::boolean(false);
      return value::boolean(!equal(a, b));
    case binary_op::less:
    case binary_op::less_equal:
    case binary_op::greater:
    case binary_op::greater_equal: {
      const auto c = compare_values(a, b);
      if (!c) return value::boolean(false);
      switch (bop) {
        case binary_op::less: return value::boolean(*c < 0);
        case binary_op::less_equal: return value::boolean(*c <= 0);
        case binary_op::greater: return value::boolean(*c > 0);
        default: return value::boolean(*c >= 0);
      }
    }
    case binary_op::in: return value::boolean(membership(a, b).value_or(false));
    case binary_op::not_in: {
      const auto m = membership(a, b);
      return value::boolean(m.has_value() && !*m);
    }
    default: return arithmetic(bop, a, b);
  }
}

value evaluator::arithmetic(binary_op op, const value& a, const value& b) {
  using k = value_kind;
  if (a.is_null() || b.is_null()) return value::null();
  const auto ka = a.kind(), kb = b.kind();
  if (ka == k::number && kb == k::number) {
    const double x = a.as_number(), y = b.as_number();
    switch (op) {
      case binary_op::add: return value::number(x + y);
      case binary_op::subtract: return value::number(x - y);
      case binary_op::multiply: return value::number(x * y);
      case binary_op::divide: return y == 0 ? value::null() : value::number(x / y);
      case binary_op::remainder: return y == 0 ? value::null() : value::number(std::fmod(x, y));
      default: return value::null();
    }
  }
  if (ka == k::duration && kb == k::duration) {
    const auto x = a.as_integer(), y = b.as_integer();
    switch (op) {
      case binary_op::add: return value::duration(x + y);
      case binary_op::subtract: return value::duration(x - y);
      case binary_op::divide:
        return y == 0 ? value::null() : value::number(static_cast<double>(x) / static_cast<double>(y));
      case binary_op::remainder: return y == 0 ? value::null() : value::duration(x % y);
      default: return value::null();
    }
  }
  if (ka == k::time && kb == k::duration) {
    if (op == binary_op::add) return value::time(a.as_integer() + b.as_integer());
    if (op == binary_op::subtract) return value::time(a.as_integer() - b.as_integer());
    return value::null();
  }
  if (ka == k::duration && kb == k::time && op == binary_op::add) {
    return value::time(a.as_integer() + b.as_integer());
  }
  if (ka == k::time && kb == k::time && op == binary_op::subtract) {
    return value::duration(a.as_integer() - b.as_integer());
  }
  if (ka == k::duration && kb == k::number) {
    const double y = b.as_number();
    if (op == binary_op::multiply) return scale_duration(a.as_integer(), y, false);
    if (op == binary_op::divide) return y == 0 ? value::null() : scale_duration(a.as_integer(), y, true);
    return value::null();
  }
  if (ka == k::number && kb == k::duration && op == binary_op::multiply) {
    return scale_duration(b.as_integer(), a.as_number(), false);
  }
  if (ka == k::string && kb == k::string && op == binary_op::add) {
    std::string joined;
    joined.reserve(a.as_string().size() + b.as_string().size());
    joined.append(a.as_string()).append(b.as_string());
    return make_string(std::move(joined));
  }
  return value::null();
}

}  // namespace afterflow::runtime
