#include "interpreter/ir/symbol_table.hpp"

namespace afterflow::ir {

using stdlib::no_symbol;
using stdlib::symbol;

symbol_table symbol_table::over(const symbol_table& base) {
  symbol_table t;
  t.base_ = &base;
  t.base_size_ = static_cast<symbol>(base.size());
  return t;
}

symbol symbol_table::intern(std::string_view name) {
  if (const auto s = find(name); s != no_symbol) return s;
  const auto id = static_cast<symbol>(size());
  names_.emplace_back(name);
  index_.emplace(names_.back(), id);
  return id;
}

symbol symbol_table::find(std::string_view name) const {
  if (base_ != nullptr) {
    if (const auto s = base_->find(name); s != no_symbol) return s;
  }
  const auto it = index_.find(name);
  return it == index_.end() ? no_symbol : it->second;
}

}  // namespace afterflow::ir
