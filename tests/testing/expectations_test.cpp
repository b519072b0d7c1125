// The exact words of failures, one expectation kind after another: what a
// user reads when a campaign test is wrong. (The fixtures' golden files hold
// whole reports; these spell out the messages where they are easiest to
// review.)
#include <string>

#include <gtest/gtest.h>

#include "grammar/diagnostic_render.hpp"
#include "interpreter/testing/test_expectations.hpp"
#include "tests/testing/test_runner_support.hpp"

namespace afterflow::testing {

using grammar::render_text;

namespace {

using testing::row_mark;
using testing::test_result;
using testing::test_status;

const std::vector<test_result>& results_of(const std::string& fixture) {
  static std::map<std::string, std::vector<test_result>> cache;
  auto it = cache.find(fixture);
  if (it == cache.end()) {
    const auto loaded = load_fixtures({"fixtures/" + fixture});
    EXPECT_FALSE(loaded.diagnostics.has_errors()) << render_text(loaded.diagnostics, loaded.program->sources);
    it = cache.emplace(fixture, run_all(*loaded.program)).first;
  }
  return it->second;
}

std::string failures(const std::string& fixture, const std::string& test) {
  const auto& r = find(results_of(fixture), test);
  EXPECT_EQ(r.status, test_status::failed) << test;
  return failure_text(r);
}

TEST(expect_send, a_send_that_does_not_happen) {
  EXPECT_EQ(failures("send.flow", "wrong: an expected send that does not happen"),
            "46: expected send sms \"welcome_sms\" to c1, found no such send\n");
}

TEST(expect_send, an_unexpected_extra_send) {
  EXPECT_EQ(failures("send.flow", "wrong: an unexpected extra send"),
            "49: unexpected send email \"tip\" to c1 at 2026-03-04T09:00:00Z { plan: \"pro\" } (flow welcome, "
            "fixtures/send.flow:12)\n"
            "  help: expect it with `expect send email \"tip\" to c1 at 2026-03-04T09:00:00Z`, or write `allow other "
            "sends`\n");
}

TEST(expect_send, a_wrong_time_names_the_closest_send_once) {
  // The closest send is not reported a second time as unexpected.
  EXPECT_EQ(failures("send.flow", "wrong: a wrong time"),
            "57: expected send email \"tip\" to c1 at 2026-03-04T10:00:00Z, found no such send\n"
            "  closest: email \"tip\" to c1 at 2026-03-04T09:00:00Z { plan: \"pro\" }: 1h earlier\n");
}

TEST(expect_send, outside_a_window) {
  EXPECT_EQ(failures("send.flow", "wrong: outside the window"),
            "63: expected send email \"tip\" to c1 between 2026-03-03T00:00:00Z and 2026-03-03T23:59:59Z, found no "
            "such send\n"
            "  closest: email \"tip\" to c1 at 2026-03-04T09:00:00Z { plan: \"pro\" }: 9h1s after the window\n");
}

TEST(expect_send, wrong_params) {
  EXPECT_EQ(failures("send.flow", "wrong: wrong params"),
            "68: expected send email \"welcome\" to c1 with { plan: \"basic\", step: 1 }, found no such send\n"
            "  closest: email \"welcome\" to c1 at 2026-03-02T09:00:00Z { plan: \"pro\", step: 1 }: `plan` is "
            "\"pro\", not \"basic\"\n"
            "69: expected send email \"tip\" to c1 with { coupon: \"TIP10\" }, found no such send\n"
            "  closest: email \"tip\" to c1 at 2026-03-04T09:00:00Z { plan: \"pro\" }: has no `coupon`\n");
}

TEST(expect_send, two_lines_need_two_sends) {
  EXPECT_EQ(failures("send.flow", "wrong: the wrong customer"),
            "76: expected send email \"welcome\" to c1, found no such send\n"
            "  closest: email \"welcome\" to c2 at 2026-03-02T10:00:00Z { plan: \"pro\", step: 1 }: to c2, not c1\n");
}

TEST(expect_send, the_table_pairs_expectations_with_the_sends_they_claimed) {
  const auto& r = find(results_of("send.flow"), "wrong: a wrong time");
  ASSERT_EQ(r.rows.size(), 3U);
  EXPECT_EQ(r.rows[0].mark, row_mark::matched);
  EXPECT_EQ(r.rows[0].line, 56U);
  EXPECT_EQ(r.rows[0].expected, "email \"welcome\" to c1");
  EXPECT_EQ(r.rows[0].actual, "email \"welcome\" to c1 { plan: \"pro\", step: 1 }");
  EXPECT_EQ(r.rows[1].mark, row_mark::unexpected);
  EXPECT_EQ(r.rows[1].actual, "email \"tip\" to c1 { plan: \"pro\" }");
  EXPECT_EQ(r.rows[2].mark, row_mark::missing);
  EXPECT_EQ(r.rows[2].line, 57U);
  EXPECT_EQ(r.rows[2].actual, "");
}

TEST(expect_no_send, lists_what_was_sent) {
  EXPECT_EQ(failures("no_send.flow", "wrong: nothing at all for the customer"),
            "44: expected no send to c1, found 2 sends\n"
            "  email \"thanks\" to c1 at 2026-03-02T09:00:00Z { id: \"o1\" } (flow thanks, fixtures/no_send.flow:12)\n"
            "  sms \"big_thanks\" to c1 at 2026-03-02T09:00:00Z { id: \"o1\" } (flow thanks, "
            "fixtures/no_send.flow:14)\n");
  // The text is reported by `expect no send`, not a second time as unexpected.
  EXPECT_EQ(failures("no_send.flow", "wrong: a text that should not go out"),
            "39: expected no send sms to c1, found 1 send\n"
            "  sms \"big_thanks\" to c1 at 2026-03-02T09:00:00Z { id: \"o1\" } (flow thanks, "
            "fixtures/no_send.flow:14)\n");
}

TEST(expect_count, every_operator_reports_the_actual_count) {
  EXPECT_EQ(failures("no_send.flow", "wrong: counts"),
            "50: expected count send email == 3, found 2\n"
            "  email \"thanks\" to c1 at 2026-03-02T09:00:00Z { id: \"o1\" } (flow thanks, fixtures/no_send.flow:12)\n"
            "  email \"thanks\" to c1 at 2026-03-02T10:00:00Z { id: \"o2\" } (flow thanks, fixtures/no_send.flow:12)\n"
            "51: expected count send email < 2, found 2\n"
            "  email \"thanks\" to c1 at 2026-03-02T09:00:00Z { id: \"o1\" } (flow thanks, fixtures/no_send.flow:12)\n"
            "  email \"thanks\" to c1 at 2026-03-02T10:00:00Z { id: \"o2\" } (flow thanks, fixtures/no_send.flow:12)\n"
            "52: expected count send sms >= 1, found 0\n");
}

TEST(expect_exit, the_wrong_reason) {
  EXPECT_EQ(failures("exit_goal.flow", "wrong: the wrong exit reason"),
            "53: expected exit review_request for c1 reason \"no review\", found returned\n"
            "  run review_request:c1:1 started 2026-03-02T09:00:00Z, ended 2026-03-03T09:00:00Z: returned\n");
}

TEST(expect_goal, not_reached) {
  EXPECT_EQ(failures("exit_goal.flow", "wrong: a goal that is not reached"),
            "59: expected goal review_request for c1, found returned\n"
            "  run review_request:c1:1 started 2026-03-02T09:00:00Z, ended 2026-03-03T09:00:00Z: returned\n");
}

TEST(expect_exit, a_run_that_never_started_says_why) {
  EXPECT_EQ(failures("exit_goal.flow", "wrong: a run that never starts"),
            "65: expected exit review_request for c1 reason returned, but review_request never started for c1\n"
            "  2026-03-02T09:00:00Z  review_request: not started: a `when` condition does not hold "
            "[fixtures/exit_goal.flow:16]\n");
}

TEST(expect_exit, a_run_still_waiting) {
  EXPECT_EQ(failures("exit_goal.flow", "wrong: a run still waiting when the test stops"),
            "71: expected exit review_request for c1 reason returned, but the run has not ended\n"
            "  run review_request:c1:1 is still waiting: timer until 2026-03-05T09:00:00Z\n");
}

TEST(expect_segment, in_and_not_in) {
  EXPECT_EQ(failures("segment.flow", "wrong: one order is not a repeat buyer"),
            "26: expected c1 in repeat_buyer when the run ends (2026-03-02T09:00:00Z), but c1 is not in it\n");
  EXPECT_EQ(failures("segment.flow", "wrong: a big spender"),
            "32: expected c1 not in big_spender when the run ends (2026-03-04T09:00:00Z), but c1 is in it\n");
}

TEST(expect_suppressed, a_send_that_went_out) {
  EXPECT_EQ(failures("policy.flow", "wrong: suppressed, but it was sent"),
            "47: expected suppressed email \"guide\" to c1, found no such suppressed send\n"
            "  closest: email \"guide\" to c1 at 2026-03-02T10:00:00Z: was sent, not suppressed\n");
  EXPECT_EQ(failures("policy.flow", "wrong: suppressed send that was not attempted"),
            "65: expected suppressed email \"survey\" to c1, found no such suppressed send\n"
            "  closest: email \"offer\" to c1 at 2026-03-02T10:00:00Z, suppressed (limit email 2 per 1d): template is "
            "\"offer\", not \"survey\"\n");
}

TEST(expect_deferred, not_deferred_or_at_another_time) {
  EXPECT_EQ(failures("policy.flow", "wrong: deferred, but it was not"),
            "53: expected deferred email \"welcome\" to c1, found no such deferred send\n"
            "  closest: email \"welcome\" to c1 at 2026-03-02T10:00:00Z: was not deferred\n");
  EXPECT_EQ(failures("policy.flow", "wrong: deferred to the local time written as UTC"),
            "59: expected deferred email \"welcome\" to c1 at 2026-03-03T08:00:00Z, found no such deferred send\n"
            "  closest: email \"welcome\" to c1 at 2026-03-03T07:00:00Z, deferred from 2026-03-02T22:00:00Z: 1h "
            "earlier\n");
}

TEST(run_time_errors, fail_the_test) {
  EXPECT_EQ(failures("errors.flow", "wrong: a customer without a pause"),
            "20: run-time error E2003 in flow pause for c2 at 2026-03-02T09:00:00Z (fixtures/errors.flow:10): `wait` "
            "needs a duration, but `customer.pause` is null\n");
}

TEST(test_time, an_event_after_run_until_and_a_campaign_that_never_ends) {
  EXPECT_EQ(failures("time.flow", "wrong: an event after run until"),
            "53: this event is after `run until` (2026-03-03T00:00:00Z), so it is never handled\n"
            "  help: move `run until` after it, or remove the event\n");
  EXPECT_EQ(failures("time.flow", "wrong: a campaign that never ends"),
            "56: the campaign is still running 10 years (3653d) after the last event\n"
            "  run forever:c1:122 is still waiting: timer until 2036-03-09T09:00:00Z\n"
            "  help: a flow keeps setting timers; end the test with `run until <time>`\n");
}

}  // namespace
}  // namespace afterflow::testing
