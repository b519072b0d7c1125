#include "tests/testing/test_runner_support.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include "interpreter/check/checker.hpp"
#include "interpreter/testing/test_selection.hpp"

namespace afterflow::testing {

using ir::program;

namespace fs = std::filesystem;

namespace {

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::map<std::string, std::string> fixture_files() {
  std::map<std::string, std::string> files;
  const fs::path root = fs::path(source_dir()) / "fixtures";
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".flow") continue;
    const auto name = "fixtures/" + entry.path().lexically_relative(root).generic_string();
    files.emplace(name, read_text(entry.path()));
  }
  return files;
}

loaded check(const std::vector<std::string>& roots, std::map<std::string, std::string> files) {
  loaded out;
  out.program = std::make_unique<check::checked_program>(
      check::load_and_check(roots, check::memory_file_reader(std::move(files)), out.diagnostics));
  return out;
}

}  // namespace

std::string source_dir() { return AFTERFLOW_TEST_RUNNER_DIR; }

loaded load_fixtures(const std::vector<std::string>& roots) { return check(roots, fixture_files()); }

loaded load_source(const std::string& text, const std::string& name) { return check({name}, {{name, text}}); }

std::vector<testing::test_result> run_all(const check::checked_program& program) {
  std::vector<testing::test_result> out;
  for (const auto t : testing::select_tests(program, {})) out.push_back(testing::run_test(program, t));
  return out;
}

const testing::test_result& find(const std::vector<testing::test_result>& results, const std::string& name) {
  for (const auto& r : results) {
    if (r.name == name) return r;
  }
  ADD_FAILURE() << "no test called `" << name << "`";
  static const testing::test_result none;
  return none;
}

std::string failure_text(const testing::test_result& r) {
  std::string out;
  for (const auto& f : r.failures) {
    out += fmt::format("{}: {}\n", f.line, f.message);
    for (const auto& note : f.notes) out += fmt::format("  {}\n", note);
  }
  return out;
}

std::string compare_golden(const std::string& path, const std::string& actual) {
  const auto full = fs::path(source_dir()) / path;
  if (const char* update = std::getenv("AFTERFLOW_UPDATE_GOLDEN"); update != nullptr && *update == '1') {
    std::ofstream(full, std::ios::binary | std::ios::trunc) << actual;
    return {};
  }
  if (!fs::exists(full)) return fmt::format("{} does not exist (AFTERFLOW_UPDATE_GOLDEN=1 writes it)", path);
  const auto expected = read_text(full);
  if (expected == actual) return {};
  std::size_t line = 1;
  std::size_t i = 0;
  while (i < expected.size() && i < actual.size() && expected[i] == actual[i]) {
    if (expected[i] == '\n') ++line;
    ++i;
  }
  return fmt::format(
      "{} differs from the output from line {} on (AFTERFLOW_UPDATE_GOLDEN=1 rewrites it)\n"
      "--- actual output ---\n{}",
      path, line, actual);
}

command_result run_command(const std::string& command) {
  command_result result;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.out.append(buffer.data(), n);
  const int status = pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

}  // namespace afterflow::testing
