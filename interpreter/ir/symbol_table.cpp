#include "interpreter/ir/symbol_table.hpp"

namespace afterflow::ir {

symbol symbol_table::intern(std::string_view name) {
  if (const auto it = index_.find(name); it != index_.end()) return it->second;
  const auto id = static_cast<symbol>(names_.size());
  names_.emplace_back(name);
  index_.emplace(names_.back(), id);
  return id;
}

symbol symbol_table::find(std::string_view name) const {
  const auto it = index_.find(name);
  return it == index_.end() ? no_symbol : it->second;
}

}  // namespace afterflow::ir
