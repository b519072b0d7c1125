#include "interpreter/check/internal/scope.hpp"

#include <algorithm>

#include "stdlib/builtins.hpp"

namespace afterflow::check {

value_lookup lookup_value(std::span<const file_scope> scopes, std::span<const checked_file> files, file_index file,
                          std::string_view name) {
  value_lookup out;
  if (const auto it = scopes[file].own.find(name); it != scopes[file].own.end()) {
    out.found.push_back(it->second);
    return out;
  }
  for (const auto imported : files[file].imports) {
    const auto it = scopes[imported].own.find(name);
    if (it == scopes[imported].own.end()) continue;
    if (std::find(out.found.begin(), out.found.end(), it->second) == out.found.end()) {
      out.found.push_back(it->second);
    }
  }
  return out;
}

std::vector<std::string> visible_value_names(std::span<const file_scope> scopes, std::span<const checked_file> files,
                                             file_index file) {
  std::vector<std::string> names;
  for (const auto& [name, symbol] : scopes[file].own) names.push_back(name);
  for (const auto imported : files[file].imports) {
    for (const auto& [name, symbol] : scopes[imported].own) names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

const binding_frame* find_binding(const binding_frame* innermost, std::string_view name) {
  for (const auto* frame = innermost; frame != nullptr; frame = frame->parent) {
    if (frame->name == name) return frame;
  }
  return nullptr;
}

std::string_view reserved_meaning(std::string_view name) {
  if (name == "trigger") return "the event that started the run";
  if (name == "event") return "the event a `where` condition is matching";
  if (name == "customer") return "the current customer";
  if (name == "now") return "the current time";
  if (stdlib::find_builtin(name) != nullptr) return "a built-in function";
  return {};
}

}  // namespace afterflow::check
