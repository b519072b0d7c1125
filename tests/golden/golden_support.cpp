#include "tests/golden/golden_support.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace afterflow::golden {

namespace fs = std::filesystem;

std::string root() { return AFTERFLOW_GOLDEN_DIR; }

std::vector<std::string> files_under(const std::string& dir, const std::string& suffix) {
  std::vector<std::string> out;
  const fs::path base = fs::path(root()) / dir;
  if (!fs::exists(base)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(base)) {
    if (!entry.is_regular_file()) continue;
    const auto name = entry.path().string();
    if (name.size() >= suffix.size() && name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0) {
      out.push_back(fs::relative(entry.path(), base).generic_string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string compare_with_file(const std::string& expected_path, const std::string& actual) {
  const char* update = std::getenv("AFTERFLOW_UPDATE_GOLDEN");
  if (update != nullptr && std::string_view(update) == "1") {
    std::ofstream out(expected_path, std::ios::binary | std::ios::trunc);
    out << actual;
    return {};
  }
  if (!fs::exists(expected_path)) {
    return fmt::format(
        "missing expected file {}\n(run with AFTERFLOW_UPDATE_GOLDEN=1 to create it, then review it)\n"
        "actual output:\n{}",
        expected_path, actual);
  }
  const auto expected = read_text(expected_path);
  if (expected == actual) return {};
  // Point at the first differing line.
  std::istringstream e(expected), a(actual);
  std::string el, al;
  int line = 1;
  while (true) {
    const bool has_e = static_cast<bool>(std::getline(e, el));
    const bool has_a = static_cast<bool>(std::getline(a, al));
    if (!has_e && !has_a) break;
    if (!has_e || !has_a || el != al) {
      return fmt::format("{} differs at line {}\n  expected: {}\n  actual:   {}\n--- full actual output ---\n{}",
                         expected_path, line, has_e ? el : "<end of file>", has_a ? al : "<end of file>", actual);
    }
    ++line;
  }
  return fmt::format("{} differs (line ends or trailing bytes)", expected_path);
}

}  // namespace afterflow::golden
