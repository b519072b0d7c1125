#include "interpreter/eventlog/skipped_lines.hpp"

#include <algorithm>

namespace afterflow::eventlog {

void skipped_lines::add(grammar::diagnostic e) {
  auto it = std::lower_bound(by_code.begin(), by_code.end(), e.code,
                             [](const auto& entry, const std::string& code) { return entry.first < code; });
  if (it == by_code.end() || it->first != e.code) it = by_code.insert(it, {e.code, 0});
  ++it->second;
  if (examples.size() < max_examples) examples.push_back(std::move(e));
}

std::uint64_t skipped_lines::total() const {
  std::uint64_t n = 0;
  for (const auto& entry : by_code) n += entry.second;
  return n;
}

std::uint64_t skipped_lines::count(std::string_view code) const {
  for (const auto& [c, n] : by_code) {
    if (c == code) return n;
  }
  return 0;
}

}  // namespace afterflow::eventlog
