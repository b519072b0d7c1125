#include "interpreter/runtime/action.hpp"

namespace afterflow::runtime {

using ir::record;
using ir::symbol_table;

owned_action owned_action::copy_of(const action& a, const symbol_table& symbols) {
  owned_action o;
  o.time = a.time;
  o.customer = std::string(a.customer);
  o.flow = std::string(a.flow);
  o.run = std::string(a.run);
  o.step = std::string(a.step);
  o.channel = std::string(a.channel);
  o.template_name = std::string(a.template_name);
  o.params = record::from(a.params);
  o.param_names.reserve(o.params.entries().size());
  for (const auto& p : o.params.entries()) {
    o.param_names.emplace_back(p.name < symbols.size() ? symbols.name(p.name) : std::string_view());
  }
  o.status = a.status;
  o.reason = std::string(a.reason);
  o.deferred_from = a.deferred_from;
  o.splits.reserve(a.splits.size());
  for (const auto& s : a.splits) o.splits.emplace_back(std::string(s.split), std::string(s.arm));
  return o;
}

}  // namespace afterflow::runtime
