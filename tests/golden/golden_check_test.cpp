// Golden diagnostics: every `.flow` under tests/golden/check is loaded and
// checked on its own; the rendered diagnostics must equal `<name>.expected`.
//
//   syntax/      invalid syntax: at least one E00xx error, the file name's code among them
//   syntax_ok/   valid syntax: no E00xx error (names may still be unresolved)
//   errors/      invalid programs: at least one error (a warning for `W…` files),
//                the file name's code among them; `imported/` holds files they import
//   ok/          valid programs: no errors
//
// A file name starting with a code (`E0202_unknown_property.flow`) states the
// code the file is about.
#include <algorithm>
#include <filesystem>
#include <regex>

#include <gtest/gtest.h>

#include "grammar/diagnostic_render.hpp"
#include "interpreter/check/checker.hpp"
#include "tests/golden/golden_support.hpp"

namespace afterflow::golden {

using grammar::diagnostic;
using grammar::diagnostic_list;
using grammar::render_text;
using grammar::severity;

namespace {

namespace fs = std::filesystem;

struct check_result {
  std::string text;
  diagnostic_list diagnostics;
};

// Loads `relative` (relative to tests/golden/check) with display names
// relative to that directory, so expected files do not depend on where the
// checkout lives.
check_result check_file(const std::string& relative) {
  const auto base = golden::root() + "/check/";
  auto disk = check::disk_file_reader();
  check::file_reader reader;
  reader.identity = [disk, base](const std::string& path) {
    return fs::path(path).is_absolute() ? disk.identity(path) : disk.identity(base + path);
  };
  reader.read = [disk, base](const std::string& path, std::uint64_t max_bytes) {
    return fs::path(path).is_absolute() ? disk.read(path, max_bytes) : disk.read(base + path, max_bytes);
  };
  check_result r;
  const std::vector<std::string> roots{relative};
  const auto program = check::load_and_check(roots, reader, r.diagnostics);
  r.diagnostics.sort();
  r.text = render_text(r.diagnostics, program.sources);
  return r;
}

std::vector<std::string> inputs() {
  auto files = golden::files_under("check", ".flow");
  if (files.empty()) files.push_back("<none>");
  return files;
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  auto name = std::regex_replace(info.param, std::regex("[^A-Za-z0-9]"), "_");
  return name;
}

class golden_check : public ::testing::TestWithParam<std::string> {};

TEST_P(golden_check, diagnostics_match_expected_file) {
  const auto& relative = GetParam();
  ASSERT_NE(relative, "<none>") << "no golden inputs found under " << golden::root() << "/check";
  const auto result = check_file(relative);
  const auto expected = golden::root() + "/check/" + fs::path(relative).replace_extension(".expected").string();
  const auto difference = golden::compare_with_file(expected, result.text);
  EXPECT_TRUE(difference.empty()) << difference;

  const auto folder = relative.substr(0, relative.find('/'));
  const auto& items = result.diagnostics.items();
  const auto has_code = [&](std::string_view code) {
    return std::any_of(items.begin(), items.end(), [&](const diagnostic& d) { return d.code == code; });
  };
  const auto has_syntax_error = std::any_of(items.begin(), items.end(), [](const diagnostic& d) {
    return d.level == severity::error && d.code.starts_with("E00");
  });
  const auto stem = fs::path(relative).filename().string();
  std::smatch code;
  const bool names_code = std::regex_search(stem, code, std::regex("^([EW][0-9]{4})_"));
  // Files under an `imported/` folder only exist to be imported by others.
  if (relative.find("/imported/") != std::string::npos) return;
  const bool about_warning = names_code && code[1].str().starts_with("W");
  if (folder == "syntax" || folder == "errors") {
    if (!about_warning) {
      EXPECT_TRUE(result.diagnostics.has_errors()) << relative << " should not check clean";
    }
    if (names_code) {
      EXPECT_TRUE(has_code(code[1].str())) << relative << " should report " << code[1];
    }
  } else if (folder == "syntax_ok") {
    EXPECT_FALSE(has_syntax_error) << result.text;
  } else if (folder == "ok") {
    EXPECT_FALSE(result.diagnostics.has_errors()) << result.text;
  }
}

INSTANTIATE_TEST_SUITE_P(files, golden_check, ::testing::ValuesIn(inputs()), test_name);

// An expected file whose input is gone would silently stop being checked.
TEST(golden_check_files, every_expected_file_has_an_input) {
  for (const auto& expected : golden::files_under("check", ".expected")) {
    const auto input = golden::root() + "/check/" + fs::path(expected).replace_extension(".flow").string();
    EXPECT_TRUE(fs::exists(input)) << "stale expected file: " << expected;
  }
}

}  // namespace
}  // namespace afterflow::golden
