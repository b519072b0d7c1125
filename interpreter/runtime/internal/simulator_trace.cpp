// Trace entries for `explain` and failing tests. Everything here runs only
// when a trace sink is set and the customer is the one being traced.
#include <algorithm>

#include "interpreter/ir/value_format.hpp"
#include "interpreter/runtime/internal/simulator_impl.hpp"

namespace afterflow::runtime {

using ir::node_index;
using ir::op;
using ir::value_text;

bool simulator::impl::tracing(customer_index c) const {
  if (trace_ == nullptr) return false;
  return trace_customer_.empty() || customer_ids_.id(c) == trace_customer_;
}

void simulator::impl::trace(customer_index c, const run_state* run, trace_kind kind, std::string subject,
                            std::string detail, std::vector<std::pair<std::string, std::string>> values,
                            std::uint32_t location, std::uint32_t flow) {
  if (!tracing(c)) return;
  trace_entry t;
  t.kind = kind;
  t.time = now_;
  t.customer = std::string(customer_ids_.id(c));
  if (run != nullptr) {
    const auto& f = program_.flows[run->flow];
    t.flow = f.name;
    t.run = run_id(*run);
    if (location == no_location) location = f.code[std::min<std::size_t>(run->pc, f.code.size() - 1)].location;
  }
  if (run == nullptr && flow != no_flow) t.flow = program_.flows[flow].name;
  if (location != no_location) t.step = program_.locations[location];
  t.subject = std::move(subject);
  t.detail = std::move(detail);
  t.values = std::move(values);
  trace_->on_trace(t);
}

std::vector<std::pair<std::string, std::string>> simulator::impl::operand_values(node_index n,
                                                                                 const eval_frame& frame) {
  std::vector<std::pair<std::string, std::string>> out;
  const auto visit = [&](const auto& self, node_index i) -> void {
    const auto& nd = program_.nodes[i];
    switch (nd.code) {
      case op::constant:
      case op::now: return;
      case op::logical_and:
      case op::logical_or:
      case op::binary:
        self(self, nd.a);
        self(self, nd.b);
        return;
      case op::logical_not:
      case op::negate:
      case op::is_null:
      case op::is_not_null: self(self, nd.a); return;
      default: {
        auto text = program_.node_source[i];
        if (std::any_of(out.begin(), out.end(), [&](const auto& p) { return p.first == text; })) return;
        out.emplace_back(std::move(text), value_text(eval_.eval(i, frame), symbols_));
      }
    }
  };
  visit(visit, n);
  return out;
}

void simulator::impl::trace_condition(customer_index c, const run_state* run, node_index condition,
                                      const eval_frame& frame, bool result, std::uint32_t location,
                                      std::uint32_t flow) {
  if (!tracing(c)) return;
  trace(c, run, trace_kind::condition, program_.node_source[condition], result ? "true" : "false",
        operand_values(condition, frame), location, flow);
}

}  // namespace afterflow::runtime
