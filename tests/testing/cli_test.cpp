// `afterflow test` as a user runs it: output, exit status, options.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/testing/test_runner_support.hpp"

namespace afterflow::testing {
namespace {

using ::testing::EndsWith;
using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// Runs `afterflow <args>` in tests/testing/fixtures (stdout only).
command_result afterflow(const std::string& args) {
  return run_command("cd '" + source_dir() + "/fixtures' && '" AFTERFLOW_BINARY "' " + args + " 2>/dev/null");
}
command_result afterflow_stderr(const std::string& args) {
  return run_command("cd '" + source_dir() + "/fixtures' && '" AFTERFLOW_BINARY "' " + args + " 2>&1 >/dev/null");
}

// A path under the temporary directory that no concurrent run shares.
std::filesystem::path temp_path(const std::string& name) {
  return std::filesystem::path(::testing::TempDir()) / (name + "_" + std::to_string(getpid()));
}

std::string last_line(const std::string& out) {
  auto text = out;
  if (text.ends_with('\n')) text.pop_back();
  const auto at = text.rfind('\n');
  return at == std::string::npos ? text : text.substr(at + 1);
}

TEST(afterflow_test, all_passing_exits_0_with_the_summary_last) {
  const auto r = afterflow("test scope");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out,
            "PASS  scope/main.flow:12   ok: only the visible flows run, under the imported policy  (simulated 0s)\n"
            "PASS  scope/other.flow:16  ok: this file's own flow, under its own quiet hours  (simulated 11h59m)\n"
            "\n"
            "2 passed, 0 failed\n");
}

TEST(afterflow_test, a_failing_test_exits_1) {
  const auto r = afterflow("test send.flow");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(last_line(r.out), "4 passed, 6 failed");
  EXPECT_THAT(r.out, HasSubstr("FAIL  send.flow:54  wrong: a wrong time  (simulated 2d)\n"
                               "    send.flow:57: expected send email \"tip\" to c1 at 2026-03-04T10:00:00Z, found no "
                               "such send\n"));
  // Not a terminal: no colour.
  EXPECT_EQ(r.out.find('\x1b'), std::string::npos);
}

TEST(afterflow_test, directories_are_searched_recursively_in_path_order) {
  const auto dir = temp_path("afterflow_test_tree");
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir / "b" / "c");
  const auto write = [&](const std::filesystem::path& path, const std::string& event) {
    std::ofstream(dir / path) << "event " << event << " { n: number }\n"
                              << "test \"in " << path.generic_string() << "\" {\n"
                              << "  at 2026-03-02T09:00:00Z " << event << " c1 { n: 1 }\n"
                              << "  expect count send email == 0\n}\n";
  };
  write("z.flow", "z_event");
  write("b/c/deep.flow", "deep_event");
  write("b/a.flow", "a_event");
  const auto r = run_command("cd '" + dir.string() + "' && '" AFTERFLOW_BINARY "' test 2>&1");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out,
            "PASS  ./b/a.flow:2       in b/a.flow  (simulated 0s)\n"
            "PASS  ./b/c/deep.flow:2  in b/c/deep.flow  (simulated 0s)\n"
            "PASS  ./z.flow:2         in z.flow  (simulated 0s)\n"
            "\n"
            "3 passed, 0 failed\n");
  std::filesystem::remove_all(dir);
}

TEST(afterflow_test, filter_by_substring_or_glob) {
  auto r = afterflow("test send.flow --filter 'ok:*'");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(last_line(r.out), "4 passed, 0 failed");
  r = afterflow("test send.flow -k 'wrong time' -k '*the window'");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(last_line(r.out), "0 passed, 2 failed");
  r = afterflow("test send.flow --filter 'no such test'");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, "0 passed, 0 failed\n");
  EXPECT_EQ(afterflow_stderr("test send.flow --filter 'no such test'").out,
            "note: no test name matches no such test\n");
}

TEST(afterflow_test, json_output) {
  const auto r = afterflow("test scope --format json --filter visible");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out, R"({"tests":[{"name":"ok: only the visible flows run, under the imported policy",)"
                   R"("file":"scope/main.flow","line":12,"status":"passed","simulated":"0s","failures":[]}],)"
                   R"("totals":{"passed":1,"failed":0,"skipped":0}})"
                   "\n");
  const auto failed = afterflow("test segment.flow --format json -k 'one order'");
  EXPECT_EQ(failed.status, 1);
  EXPECT_EQ(failed.out,
            R"({"tests":[{"name":"wrong: one order is not a repeat buyer","file":"segment.flow","line":24,)"
            R"("status":"failed","simulated":"0s","failures":[{"line":26,"message":"expected c1 in repeat_buyer )"
            R"(when the run ends (2026-03-02T09:00:00Z), but c1 is not in it","notes":[]}]}],)"
            R"("totals":{"passed":0,"failed":1,"skipped":0}})"
            "\n");
}

TEST(afterflow_test, junit_file) {
  const auto path = temp_path("afterflow_test_junit.xml").string();
  std::filesystem::remove(path);
  const auto r = afterflow("test segment.flow -k 'one order' -k 'make a repeat' --junit '" + path + "'");
  EXPECT_EQ(r.status, 1);
  EXPECT_EQ(last_line(r.out), "1 passed, 1 failed");
  std::ifstream in(path);
  std::stringstream xml;
  xml << in.rdbuf();
  EXPECT_EQ(xml.str(),
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            "<testsuites name=\"afterflow\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\">\n"
            "  <testsuite name=\"segment.flow\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\">\n"
            "    <testcase name=\"ok: two orders make a repeat buyer\" classname=\"segment\" file=\"segment.flow\" "
            "line=\"11\"/>\n"
            "    <testcase name=\"wrong: one order is not a repeat buyer\" classname=\"segment\" file=\"segment.flow\" "
            "line=\"24\">\n"
            "      <failure message=\"expected c1 in repeat_buyer when the run ends (2026-03-02T09:00:00Z), but c1 is "
            "not in it\" type=\"expectation\">"
            "    segment.flow:26: expected c1 in repeat_buyer when the run ends (2026-03-02T09:00:00Z), but c1 is not "
            "in it\n"
            "\n"
            "    timeline of c1:\n"
            "      2026-03-02T09:00:00Z  event ordered (id &quot;o1&quot;, total 50)\n"
            "\n"
            "</failure>\n"
            "    </testcase>\n"
            "  </testsuite>\n"
            "</testsuites>\n");
  std::filesystem::remove(path);
}

TEST(afterflow_test, flows_with_errors_exit_1_with_diagnostics) {
  const auto dir = temp_path("afterflow_test_broken");
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "broken.flow") << "test \"t\" {\n  expect exit nowhere for c1 reason finished\n}\n";
  const auto r = run_command("'" AFTERFLOW_BINARY "' test --color never '" + (dir / "broken.flow").string() + "' 2>&1");
  EXPECT_EQ(r.status, 1);
  EXPECT_THAT(r.out, HasSubstr("error[E0203]: unknown flow `nowhere`"));
  EXPECT_THAT(r.out, Not(HasSubstr("passed")));
  std::filesystem::remove_all(dir);
}

TEST(afterflow_test, a_missing_file_is_an_error_like_in_check) {
  const auto r = afterflow_stderr("test no_such_file.flow");
  EXPECT_EQ(r.status, 1);
  EXPECT_THAT(r.out, HasSubstr("error[E0100]: cannot read `no_such_file.flow`: no such file"));
}

TEST(afterflow_test, usage_errors_exit_2) {
  EXPECT_EQ(afterflow("test --format yaml").status, 2);
  EXPECT_EQ(afterflow("test --no-such-option").status, 2);
}

TEST(afterflow_test, help_lists_the_options) {
  const auto r = afterflow("test --help");
  EXPECT_EQ(r.status, 0);
  EXPECT_THAT(r.out, HasSubstr("--filter"));
  EXPECT_THAT(r.out, HasSubstr("--junit"));
  EXPECT_THAT(r.out, HasSubstr("--format"));
  EXPECT_THAT(afterflow("help").out, HasSubstr("test       run the `test` blocks of flow files"));
}

}  // namespace
}  // namespace afterflow::testing
