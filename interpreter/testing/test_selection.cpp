#include "interpreter/testing/test_selection.hpp"

#include <algorithm>

namespace afterflow::testing {

using check::checked_program;
using check::test_index;

namespace {

bool glob_class(std::string_view pattern, std::size_t& p, char c, bool& matched) {
  // `pattern[p]` is '['; on success `p` is just past the closing ']'.
  std::size_t i = p + 1;
  const bool negate = i < pattern.size() && (pattern[i] == '!' || pattern[i] == '^');
  if (negate) ++i;
  bool found = false;
  bool first = true;
  for (; i < pattern.size() && (first || pattern[i] != ']'); ++i, first = false) {
    if (i + 2 < pattern.size() && pattern[i + 1] == '-' && pattern[i + 2] != ']') {
      if (pattern[i] <= c && c <= pattern[i + 2]) found = true;
      i += 2;
    } else if (pattern[i] == c) {
      found = true;
    }
  }
  if (i >= pattern.size()) return false;  // no closing ']': not a class
  p = i + 1;
  matched = found != negate;
  return true;
}

bool glob_matches(std::string_view pattern, std::string_view text) {
  std::size_t p = 0;
  std::size_t t = 0;
  std::size_t star = std::string_view::npos;
  std::size_t resume = 0;
  while (t < text.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      resume = t;
      continue;
    }
    if (p < pattern.size()) {
      std::size_t next = p;
      bool matched = false;
      if (pattern[p] == '[' && glob_class(pattern, next, text[t], matched)) {
        if (matched) {
          p = next;
          ++t;
          continue;
        }
      } else if (pattern[p] == '?' || pattern[p] == text[t]) {
        ++p;
        ++t;
        continue;
      }
    }
    if (star == std::string_view::npos) return false;
    p = star + 1;
    t = ++resume;
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

}  // namespace

bool test_name_matches(std::string_view pattern, std::string_view name) {
  if (pattern.find_first_of("*?[") == std::string_view::npos) return name.find(pattern) != std::string_view::npos;
  return glob_matches(pattern, name);
}

std::vector<test_index> select_tests(const checked_program& program, std::span<const std::string> filters) {
  std::vector<test_index> out;
  for (test_index t = 0; t < program.tests.size(); ++t) {
    const auto& test = program.tests[t];
    if (!program.files[test.file].root) continue;
    const bool selected = filters.empty() || std::any_of(filters.begin(), filters.end(), [&](const std::string& f) {
                            return test_name_matches(f, test.name);
                          });
    if (selected) out.push_back(t);
  }
  return out;
}

}  // namespace afterflow::testing
