// Every fixture file: its `ok:` tests pass, its `wrong:` tests fail, and the
// whole text report equals the reviewed `<name>.expected` file.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "grammar/diagnostic_render.hpp"
#include "interpreter/testing/test_report.hpp"
#include "tests/testing/test_runner_support.hpp"

namespace afterflow::testing {
namespace {

using testing::test_status;

struct fixture {
  std::string name;                ///< the golden file is fixtures/<name>.expected
  std::vector<std::string> roots;  ///< relative to tests/testing
};

class fixture_test : public ::testing::TestWithParam<fixture> {};

TEST_P(fixture_test, ok_tests_pass_wrong_tests_fail_and_the_report_matches) {
  const auto& f = GetParam();
  const auto loaded = load_fixtures(f.roots);
  ASSERT_FALSE(loaded.diagnostics.has_errors()) << render_text(loaded.diagnostics, loaded.program->sources);
  EXPECT_TRUE(loaded.diagnostics.empty()) << render_text(loaded.diagnostics, loaded.program->sources);
  const auto results = run_all(*loaded.program);
  ASSERT_FALSE(results.empty());
  for (const auto& r : results) {
    if (r.name.starts_with("ok: ")) {
      EXPECT_EQ(r.status, test_status::passed) << r.name << "\n" << failure_text(r);
    } else {
      ASSERT_TRUE(r.name.starts_with("wrong: ")) << "fixture tests are named `ok: …` or `wrong: …`: " << r.name;
      EXPECT_EQ(r.status, test_status::failed) << r.name << " passed, but it is deliberately wrong";
      EXPECT_FALSE(r.failures.empty()) << r.name;
    }
  }
  const auto diff = compare_golden("fixtures/" + f.name + ".expected", testing::render_text(results, false));
  EXPECT_TRUE(diff.empty()) << diff;
}

INSTANTIATE_TEST_SUITE_P(
    fixtures, fixture_test,
    ::testing::Values(fixture{"send", {"fixtures/send.flow"}}, fixture{"no_send", {"fixtures/no_send.flow"}},
                      fixture{"exit_goal", {"fixtures/exit_goal.flow"}}, fixture{"segment", {"fixtures/segment.flow"}},
                      fixture{"policy", {"fixtures/policy.flow"}}, fixture{"time", {"fixtures/time.flow"}},
                      fixture{"errors", {"fixtures/errors.flow"}},
                      fixture{"scope", {"fixtures/scope/main.flow", "fixtures/scope/other.flow"}}),
    [](const ::testing::TestParamInfo<fixture>& info) { return info.param.name; });

}  // namespace
}  // namespace afterflow::testing
