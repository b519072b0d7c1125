// Shared plumbing of the test runner's tests: loading the fixture files
// (from memory, under the display names `fixtures/...`, so messages and
// golden files do not depend on where the checkout lives), running their
// tests, and comparing text with golden files.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "grammar/diagnostic.hpp"
#include "interpreter/check/checked_program.hpp"
#include "interpreter/testing/test_runner.hpp"

namespace afterflow::testing {

/// The directory of these tests in the source tree (tests/testing).
[[nodiscard]] std::string source_dir();

struct loaded {
  std::unique_ptr<check::checked_program> program;
  grammar::diagnostic_list diagnostics;
};

/// Loads and checks fixture files, e.g. {"fixtures/send.flow"}; every file
/// under fixtures/ can be imported.
[[nodiscard]] loaded load_fixtures(const std::vector<std::string>& roots);
/// Loads and checks one in-memory file called `name`.
[[nodiscard]] loaded load_source(const std::string& text, const std::string& name = "inline.flow");

/// Runs every test of the program's root files, in order.
[[nodiscard]] std::vector<testing::test_result> run_all(const check::checked_program& program);

/// The result of the test called `name`; fails the current test when absent.
[[nodiscard]] const testing::test_result& find(const std::vector<testing::test_result>& results,
                                               const std::string& name);

/// Every failure of a result as `line: message` plus indented notes.
[[nodiscard]] std::string failure_text(const testing::test_result& r);

/// Compares `actual` with the golden file at `path` (relative to
/// source_dir()); under AFTERFLOW_UPDATE_GOLDEN=1 rewrites it instead.
/// Returns an empty string when equal, else a description.
[[nodiscard]] std::string compare_golden(const std::string& path, const std::string& actual);

/// Runs a shell command and returns its standard output and exit status.
struct command_result {
  std::string out;
  int status = -1;
};
[[nodiscard]] command_result run_command(const std::string& command);

}  // namespace afterflow::testing
