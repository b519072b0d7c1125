// Running tests: selection, the program each test sees, the clock.
#include "interpreter/testing/test_runner.hpp"
#include "interpreter/testing/test_selection.hpp"

#include <gtest/gtest.h>

#include "grammar/diagnostic_render.hpp"
#include "grammar/text/timestamp.hpp"
#include "tests/testing/test_runner_support.hpp"

namespace afterflow::testing {

using grammar::render_text;
using ir::pattern;
using ir::program;

namespace {

using testing::test_name_matches;
using testing::test_status;

TEST(test_name_matches, substring_without_glob_characters) {
  EXPECT_TRUE(test_name_matches("refund", "a refund ends the flow"));
  EXPECT_TRUE(test_name_matches("", "anything"));
  EXPECT_FALSE(test_name_matches("Refund", "a refund ends the flow"));
}

TEST(test_name_matches, glob_over_the_whole_name) {
  struct row {
    const char* pattern;
    const char* name;
    bool matches;
  };
  const row rows[] = {
      {"ok:*", "ok: a test", true},
      {"ok:*", "not ok: a test", false},
      {"*refund*", "a refund ends", true},
      {"*refund", "a refund ends", false},
      {"a?c", "abc", true},
      {"a?c", "ac", false},
      {"*", "", true},
      {"[ab]x", "bx", true},
      {"[!ab]x", "bx", false},
      {"[a-c]x", "cx", true},
      {"[a-c]x", "dx", false},
      {"**a**", "xax", true},
      {"a*b*c", "a_b_b_c", true},
      {"a*b*c", "a_b_b_", false},
      {"[unclosed", "[unclosed", true},  // no closing `]`: a plain character
  };
  for (const auto& r : rows) EXPECT_EQ(test_name_matches(r.pattern, r.name), r.matches) << r.pattern << " / " << r.name;
}

TEST(select_tests, only_root_files_and_matching_names) {
  // main.flow imports shared.flow; other.flow's tests are not selected when
  // only main.flow is given.
  const auto loaded = load_fixtures({"fixtures/scope/main.flow"});
  ASSERT_FALSE(loaded.diagnostics.has_errors());
  const auto& program = *loaded.program;
  const auto all = testing::select_tests(program, {});
  ASSERT_EQ(all.size(), 1U);
  EXPECT_EQ(program.tests[all[0]].name, "ok: only the visible flows run, under the imported policy");

  const auto both = load_fixtures({"fixtures/scope/main.flow", "fixtures/scope/other.flow"});
  const std::vector<std::string> filters{"*own flow*"};
  const auto filtered = testing::select_tests(*both.program, filters);
  ASSERT_EQ(filtered.size(), 1U);
  EXPECT_EQ(both.program->tests[filtered[0]].name, "ok: this file's own flow, under its own quiet hours");
  const std::vector<std::string> two{"visible", "quiet"};
  EXPECT_EQ(testing::select_tests(*both.program, two).size(), 2U);
  const std::vector<std::string> none{"nothing like it"};
  EXPECT_TRUE(testing::select_tests(*both.program, none).empty());
}

TEST(replay_test, each_test_sees_only_its_files_flows_and_policy) {
  const auto loaded = load_fixtures({"fixtures/scope/main.flow", "fixtures/scope/other.flow"});
  ASSERT_FALSE(loaded.diagnostics.has_errors());
  const auto& program = *loaded.program;
  const auto tests = testing::select_tests(program, {});
  ASSERT_EQ(tests.size(), 2U);
  const auto main = testing::replay_test(program, tests[0]);
  ASSERT_EQ(main.actions.size(), 2U);
  EXPECT_EQ(main.actions[0].template_name, "from_main");
  EXPECT_EQ(main.actions[1].template_name, "from_shared");
  EXPECT_EQ(main.actions[1].reason, "limit email 1 per 1d");
  const auto other = testing::replay_test(program, tests[1]);
  ASSERT_EQ(other.actions.size(), 1U);
  EXPECT_EQ(other.actions[0].template_name, "from_other");
  ASSERT_TRUE(other.actions[0].deferred_from.has_value());
}

TEST(replay_test, each_test_starts_from_a_fresh_simulator) {
  const auto loaded = load_source(R"(
event ordered { id: string }
segment repeat_buyer = count(ordered) >= 2
flow thanks "Thanks once per customer" {
  trigger ordered
  reentry never
  send email "thanks"
}
test "first" {
  at 2026-03-02T09:00:00Z ordered c1 { id: "o1" }
  expect send email "thanks" to c1
  expect c1 not in repeat_buyer
}
test "second, same customer" {
  at 2026-03-02T09:00:00Z ordered c1 { id: "o2" }
  expect send email "thanks" to c1
  expect c1 not in repeat_buyer
}
)");
  ASSERT_FALSE(loaded.diagnostics.has_errors()) << render_text(loaded.diagnostics, loaded.program->sources);
  for (const auto& r : run_all(*loaded.program)) EXPECT_EQ(r.status, test_status::passed) << failure_text(r);
}

TEST(run_test, result_fields) {
  const auto loaded = load_fixtures({"fixtures/time.flow"});
  ASSERT_FALSE(loaded.diagnostics.has_errors());
  const auto results = run_all(*loaded.program);
  const auto& until = find(results, "ok: run until stops the clock");
  EXPECT_EQ(until.file, "fixtures/time.flow");
  EXPECT_EQ(until.line, 28U);
  EXPECT_EQ(until.status, test_status::passed);
  // From the first event (09:00) to `run until` (21:00 the next day).
  EXPECT_EQ(until.simulated, std::chrono::hours(36));
  EXPECT_TRUE(until.rows.empty());
  EXPECT_TRUE(until.timelines.empty());
  // Without `run until`, to the last timer that fired.
  EXPECT_EQ(find(results, "ok: without run until, every timer fires").simulated, std::chrono::days(3));
}

TEST(run_test, a_failing_test_carries_the_timelines_of_the_customers_involved) {
  const auto loaded = load_fixtures({"fixtures/send.flow"});
  const auto results = run_all(*loaded.program);
  const auto& r = find(results, "wrong: a wrong time");
  ASSERT_EQ(r.timelines.size(), 1U);
  EXPECT_EQ(r.timelines[0].first, "c1");
  EXPECT_EQ(r.timelines[0].second,
            "2026-03-02T09:00:00Z  event signed_up (plan \"pro\")\n"
            "2026-03-02T09:00:00Z  welcome: run welcome:c1:1 started by signed_up [fixtures/send.flow:7]\n"
            "2026-03-02T09:00:00Z  welcome: sends email \"welcome\" (plan \"pro\", step 1) [fixtures/send.flow:10]\n"
            "2026-03-02T09:00:00Z  welcome: wait 2d: waits until 2026-03-04T09:00:00Z [fixtures/send.flow:11]\n"
            "2026-03-04T09:00:00Z  welcome: wakes: timer\n"
            "2026-03-04T09:00:00Z  welcome: sends email \"tip\" (plan \"pro\") [fixtures/send.flow:12]\n"
            "2026-03-04T09:00:00Z  welcome: run welcome:c1:1 finished its steps\n");
}

TEST(run_test, customer_lines_apply_before_the_first_event_wherever_they_are_written) {
  const auto loaded = load_source(R"(
event ordered { id: string }
flow thanks "Thanks, unless wholesale" {
  trigger ordered
  when not customer.wholesale
  send email "thanks"
}
test "the profile is set up front" {
  at 2026-03-02T09:00:00Z ordered c1 { id: "o1" }
  customer c1 { wholesale: true }
  expect no send to c1
}
)");
  ASSERT_FALSE(loaded.diagnostics.has_errors()) << render_text(loaded.diagnostics, loaded.program->sources);
  const auto results = run_all(*loaded.program);
  ASSERT_EQ(results.size(), 1U);
  EXPECT_EQ(results[0].status, test_status::passed) << failure_text(results[0]);
}

TEST(run_test, a_test_without_events) {
  const auto loaded = load_source(R"(
event ordered { id: string }
flow thanks "Thanks" {
  trigger ordered
  send email "thanks"
}
test "nothing happens" {
  expect count send email == 0
}
)");
  ASSERT_FALSE(loaded.diagnostics.has_errors()) << render_text(loaded.diagnostics, loaded.program->sources);
  const auto results = run_all(*loaded.program);
  ASSERT_EQ(results.size(), 1U);
  EXPECT_EQ(results[0].status, test_status::passed);
  EXPECT_EQ(results[0].simulated, grammar::duration::zero());
}

}  // namespace
}  // namespace afterflow::testing
