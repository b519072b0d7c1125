// The golden check inputs say what they expect in their names: every file in
// tests/golden/check/errors is `<code>_<what>.flow` and must produce
// diagnostics with that code and no other; every file in
// tests/golden/check/ok must check without any diagnostic. (The expected
// output texts are compared by the golden runner; this test keeps the
// inputs honest.) Files in `imported/` subdirectories are helpers.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include "grammar/diagnostic_render.hpp"
#include "interpreter/check/check_codes.hpp"
#include "interpreter/check/checker.hpp"

namespace afterflow::check {

using grammar::diagnostic_list;
using grammar::render_text;

namespace {

namespace fs = std::filesystem;

std::vector<fs::path> flow_files(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".flow") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::pair<checked_program, diagnostic_list> check_file(const fs::path& path) {
  diagnostic_list diagnostics;
  const std::vector<std::string> roots{path.string()};
  auto program = load_and_check(roots, disk_file_reader(), diagnostics);
  diagnostics.sort();
  return {std::move(program), std::move(diagnostics)};
}

TEST(golden_inputs, each_error_file_produces_its_code_only) {
  const auto files = flow_files(fs::path(AFTERFLOW_GOLDEN_CHECK_DIR) / "errors");
  EXPECT_GE(files.size(), 45U);
  for (const auto& path : files) {
    const auto name = path.filename().string();
    const auto code = name.substr(0, name.find('_'));
    const auto [program, diagnostics] = check_file(path);
    EXPECT_FALSE(diagnostics.empty()) << name;
    for (const auto& d : diagnostics.items()) {
      EXPECT_EQ(d.code, code) << name << "\n" << render_text(diagnostics, program.sources);
    }
    std::ifstream in(path);
    std::string first_line;
    std::getline(in, first_line);
    EXPECT_TRUE(first_line.starts_with("# ")) << name << ": begin with a `#` comment";
  }
}

TEST(golden_inputs, every_code_has_a_golden_input) {
  std::set<std::string> covered;
  for (const auto& path : flow_files(fs::path(AFTERFLOW_GOLDEN_CHECK_DIR) / "errors")) {
    const auto name = path.filename().string();
    covered.insert(name.substr(0, name.find('_')));
  }
  for (const auto& code : covered) {
    EXPECT_NE(find_check_code(code), nullptr) << code << " is not in the code table";
  }
  for (const auto& info : check_code_table()) {
    if (info.code == codes::file_too_large) continue;  // a 64 MiB input: unit-tested instead
    EXPECT_TRUE(covered.contains(std::string(info.code))) << info.code << " has no golden input";
  }
}

TEST(golden_inputs, each_ok_file_checks_clean) {
  const auto files = flow_files(fs::path(AFTERFLOW_GOLDEN_CHECK_DIR) / "ok");
  EXPECT_GE(files.size(), 12U);
  for (const auto& path : files) {
    const auto [program, diagnostics] = check_file(path);
    EXPECT_TRUE(diagnostics.empty()) << path.filename().string() << "\n" << render_text(diagnostics, program.sources);
  }
}

TEST(golden_inputs, examples_check_clean) {
  const auto dir = fs::path(AFTERFLOW_GOLDEN_CHECK_DIR) / ".." / ".." / ".." / "examples" / "flows";
  if (!fs::exists(dir)) GTEST_SKIP() << "no examples";
  std::vector<std::string> roots;
  for (const auto& p : flow_files(dir)) roots.push_back(p.string());
  diagnostic_list diagnostics;
  const auto program = load_and_check(roots, disk_file_reader(), diagnostics);
  diagnostics.sort();
  EXPECT_TRUE(diagnostics.empty()) << render_text(diagnostics, program.sources);
}

}  // namespace
}  // namespace afterflow::check
