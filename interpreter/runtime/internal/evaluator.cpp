#include "interpreter/runtime/internal/evaluator.hpp"

#include <algorithm>

#include "stdlib/operators.hpp"

namespace afterflow::runtime {

using ir::node;
using ir::node_index;
using ir::op;
using ir::program;
using ir::symbol_table;
using stdlib::builtin_id;
using stdlib::equal;
using stdlib::event_view;
using stdlib::no_symbol;
using stdlib::type_kind;
using stdlib::value;

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
    case op::binding: return n.a < frame.bindings.size() ? value::event(frame.bindings[n.a]) : value::null();
    case op::event_property: {
      const auto e = eval(n.a, frame);
      return e.is(type_kind::event) ? e.as_event().get(n.b) : value::null();
    }
    case op::event_time: {
      const auto e = eval(n.a, frame);
      return e.is(type_kind::event) ? value::time(e.as_event().time) : value::null();
    }
    case op::event_customer: {
      const auto e = eval(n.a, frame);
      return e.is(type_kind::event) ? value::string(e.as_event().customer) : value::null();
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
    case op::negate: return noted(stdlib::apply(grammar::unary_op::negate, eval(n.a, frame)));
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
  {
    eval_frame inner = frame;
    for (const auto& stored : history_.events(frame.customer->history, slot)) {
      const auto& e = stored.view();
      if (e.time > frame.now || (s.window && e.time <= frame.now - *s.window)) continue;
      inner.event = &e;
      if (!holds(s.filter, inner)) continue;
      ++matched;
      if (first == nullptr) first = &e;
      last = &e;
      if (s.property == no_symbol) continue;
      const auto v = e.get(s.property);
      if (!v.is(type_kind::number)) continue;
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

// Comparisons, `in` and arithmetic mean what stdlib/operators.hpp says (the
// checker folds constants with the same code); a problem (division by zero,
// out of range) is null here.
value evaluator::eval_binary(const node& n, const eval_frame& frame) {
  const auto a = eval(n.a, frame);
  const auto b = eval(n.b, frame);
  return noted(stdlib::apply(static_cast<grammar::binary_op>(n.c), a, b, scratch_strings_));
}

stdlib::value evaluator::noted(const stdlib::op_result& r) {
  // The first problem is the cause; later ones follow from its null.
  if (r.problem != stdlib::op_problem::none && r.problem != stdlib::op_problem::undefined &&
      problem_ == stdlib::op_problem::none) {
    problem_ = r.problem;
  }
  return r.result;
}

}  // namespace afterflow::runtime
