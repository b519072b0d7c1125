#include "stdlib/modules.hpp"

namespace afterflow::stdlib {

std::optional<embedded_module> find_module(std::string_view name) {
  for (const auto& m : embedded_modules()) {
    if (m.name == name) return m;
  }
  return std::nullopt;
}

}  // namespace afterflow::stdlib
