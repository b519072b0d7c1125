#include "stdlib/time_zone_names.hpp"

#include <array>

namespace afterflow::stdlib {

bool is_portable_zone_name(std::string_view name) {
  constexpr std::array machine_names{std::string_view("localtime"), std::string_view("posixrules"),
                                     std::string_view("Factory")};
  if (name.empty() || name.front() == '/' || name.back() == '/') return false;
  for (const auto m : machine_names) {
    if (name == m) return false;
  }
  if (name.starts_with("posix/") || name.starts_with("right/")) return false;
  // Each part of the name is a plain file or directory name: no `.`, `..`
  // or empty part, nothing but the characters IANA names use.
  std::size_t part = 0;
  for (std::size_t i = 0; i <= name.size(); ++i) {
    if (i == name.size() || name[i] == '/') {
      const auto p = name.substr(part, i - part);
      if (p.empty() || p.front() == '.') return false;
      part = i + 1;
      continue;
    }
    const char c = name[i];
    const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
                         c == '-' || c == '+' || c == '.';
    if (!allowed) return false;
  }
  return true;
}

}  // namespace afterflow::stdlib
