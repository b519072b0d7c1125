#include "interpreter/check/checked_program.hpp"

#include <stdexcept>

namespace afterflow::check {

const field_schema* event_schema::field(std::string_view name) const {
  const auto i = field_index(name);
  return i == no_index ? nullptr : &fields[i];
}

std::uint32_t event_schema::field_index(std::string_view name) const {
  for (std::uint32_t i = 0; i < fields.size(); ++i) {
    if (fields[i].name == name) return i;
  }
  return no_index;
}

const expr_info& checked_program::info(const ast::expr& e) const {
  if (const auto* found = find_info(e)) return *found;
  throw std::logic_error("checked_program::info: expression not part of the program");
}

const expr_info* checked_program::find_info(const ast::expr& e) const {
  const auto it = expression_index.find(&e);
  if (it == expression_index.end()) return nullptr;
  return &expressions[it->second];
}

binding_index checked_program::binding_of(const ast::wait_for_step& step) const {
  const auto it = binding_index_by_step.find(&step);
  return it == binding_index_by_step.end() ? no_index : it->second;
}

const event_schema* checked_program::find_event(std::string_view name) const {
  const auto it = event_by_name.find(name);
  return it == event_by_name.end() ? nullptr : &events[it->second];
}

flow_index checked_program::find_flow(std::string_view name) const {
  const auto it = flow_by_name.find(name);
  return it == flow_by_name.end() ? no_index : it->second;
}

}  // namespace afterflow::check
