// docs/semantics.md §5: how runs start (trigger, `when`, key, re-entry), how
// they match events (exit, goal, `wait for`) and how they end.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/runtime/sim_support.hpp"

namespace afterflow::testing {

using runtime::run_end;

namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

// ---------------------------------------------------------------------------
// End reasons

constexpr std::string_view ending_flow = R"(
flow f {
  trigger a
  exit on cancel where event.id == trigger.id
  exit on refund
  goal review
  wait 1d
  if trigger.how == "stop_text" { stop "no longer relevant" }
  if trigger.how == "stop" { stop }
  if trigger.how == "error" { wait trigger.missing * 1d }
  send email "done"
}
)";

TEST(run_end, by_the_name_of_the_exit_event) {
  auto sim = simulation::from_source(ending_flow);
  sim.event("2026-03-02T09:00:00Z", "c1", "a", {{"id", "o1"}})
      .event("2026-03-02T10:00:00Z", "c1", "cancel", {{"id", "o2"}})  // another order: no exit
      .event("2026-03-02T11:00:00Z", "c1", "cancel", {{"id", "o1"}})
      .run();
  EXPECT_TRUE(sim.actions().empty());
  EXPECT_THAT(ends(sim), ElementsAre("f:c1:1 cancel at 2026-03-02T11:00:00Z"));
  EXPECT_THAT(sim.stats("f").ended, ElementsAre(Pair("cancel", 1U)));
}

TEST(run_end, goal) {
  auto sim = simulation::from_source(ending_flow);
  sim.event("2026-03-02T09:00:00Z", "c1", "a").event("2026-03-02T10:00:00Z", "c1", "review").run();
  EXPECT_TRUE(sim.actions().empty());
  EXPECT_THAT(ends(sim), ElementsAre("f:c1:1 goal at 2026-03-02T10:00:00Z"));
}

TEST(run_end, stop_with_and_without_text_finished_and_error) {
  auto sim = simulation::from_source(ending_flow);
  sim.event("2026-03-02T09:00:00Z", "c1", "a", {{"how", "stop_text"}})
      .event("2026-03-02T09:00:00Z", "c2", "a", {{"how", "stop"}})
      .event("2026-03-02T09:00:00Z", "c3", "a", {{"how", "error"}})
      .event("2026-03-02T09:00:00Z", "c4", "a")
      .run();
  EXPECT_THAT(ends(sim),
              ElementsAre("f:c1:1 no longer relevant at 2026-03-03T09:00:00Z", "f:c2:1 stop at 2026-03-03T09:00:00Z",
                          "f:c3:1 error at 2026-03-03T09:00:00Z", "f:c4:1 finished at 2026-03-03T09:00:00Z"));
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-03T09:00:00Z c4 email done"));
  EXPECT_THAT(errors(sim), ElementsAre("E2003 f c3 inline.flow:10: `wait` needs a duration, but "
                                       "`trigger.missing * 1d` is null"));
  EXPECT_THAT(sim.stats("f").ended,
              ElementsAre(Pair("error", 1U), Pair("finished", 1U), Pair("no longer relevant", 1U), Pair("stop", 1U)));
}

TEST(run_end, an_exit_while_a_send_is_deferred_writes_it_as_suppressed) {
  auto sim = simulation::from_source(R"(
policy { quiet_hours 21:00 to 08:00 }
flow f {
  trigger a
  exit on x
  send email "held"
}
)");
  sim.event("2026-03-02T22:00:00Z", "c1", "a").event("2026-03-03T07:00:00Z", "c1", "x").run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-03T07:00:00Z c1 email held suppressed: run ended: x deferred from "
                                      "2026-03-02T22:00:00Z"));
  EXPECT_THAT(sim.stats("f").suppressed, ElementsAre(Pair("run ended: x", 1U)));
}

// ---------------------------------------------------------------------------
// Goals and `wait for`

constexpr std::string_view goal_and_wait = R"(
flow f {
  trigger a
  goal review
  exit on cancel
  wait for review as r where r.score >= 4 within 7d {
    send email "thanks" { score: r.score }
  } timeout {
    send email "reminder"
  }
  send email "after"
}
)";

TEST(goal, a_wait_for_that_receives_the_goal_event_runs_its_block_first) {
  auto sim = simulation::from_source(goal_and_wait);
  sim.event("2026-03-02T09:00:00Z", "c1", "a").event("2026-03-03T09:00:00Z", "c1", "review", {{"score", 5}}).run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-03T09:00:00Z c1 email thanks"));
  EXPECT_EQ(params(sim.actions()[0]), "score=5");
  EXPECT_THAT(ends(sim), ElementsAre("f:c1:1 goal at 2026-03-03T09:00:00Z"));
}

TEST(goal, when_the_wait_for_does_not_take_the_event_the_goal_ends_the_run_at_once) {
  auto sim = simulation::from_source(goal_and_wait);
  sim.event("2026-03-02T09:00:00Z", "c1", "a").event("2026-03-03T09:00:00Z", "c1", "review", {{"score", 2}}).run();
  EXPECT_TRUE(sim.actions().empty());
  EXPECT_THAT(ends(sim), ElementsAre("f:c1:1 goal at 2026-03-03T09:00:00Z"));
}

TEST(goal, the_received_block_may_wait_before_the_run_ends_as_goal) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  goal review
  wait for review within 7d {
    wait 1h
    send email "thanks"
  }
  send email "after"
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a").event("2026-03-03T09:00:00Z", "c1", "review").run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-03T10:00:00Z c1 email thanks"));
  EXPECT_THAT(ends(sim), ElementsAre("f:c1:1 goal at 2026-03-03T10:00:00Z"));
}

TEST(goal, a_stop_in_the_received_block_keeps_its_own_reason) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  goal review
  wait for review within 7d { stop "handled" }
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a").event("2026-03-03T09:00:00Z", "c1", "review").run();
  EXPECT_THAT(ends(sim), ElementsAre("f:c1:1 handled at 2026-03-03T09:00:00Z"));
}

TEST(goal, exit_is_checked_before_goal_and_wait_for) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  exit on review where event.score < 2
  goal review
  wait for review within 7d { send email "thanks" }
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a").event("2026-03-03T09:00:00Z", "c1", "review", {{"score", 1}}).run();
  EXPECT_TRUE(sim.actions().empty());
  EXPECT_THAT(ends(sim), ElementsAre("f:c1:1 review at 2026-03-03T09:00:00Z"));
}

TEST(wait_for, receives_binds_and_the_binding_is_null_after_a_timeout) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  reentry always
  wait for review as r where r.order == trigger.order within 2d
  send email "next" { score: r.score, seen: r != null }
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a", {{"order", "o1"}})
      .event("2026-03-02T09:00:00Z", "c2", "a", {{"order", "o2"}})
      .event("2026-03-03T09:00:00Z", "c1", "review", {{"order", "o1"}, {"score", 4}})
      .event("2026-03-03T09:00:00Z", "c2", "review", {{"order", "o9"}, {"score", 4}})
      .run();
  ASSERT_EQ(sim.actions().size(), 2U);
  EXPECT_EQ(describe(sim.actions()[0]), "2026-03-03T09:00:00Z c1 email next");
  EXPECT_EQ(params(sim.actions()[0]), "score=4 seen=true");
  EXPECT_EQ(describe(sim.actions()[1]), "2026-03-04T09:00:00Z c2 email next");
  EXPECT_EQ(params(sim.actions()[1]), "score=null seen=false");
}

TEST(wait_for, a_null_within_is_a_runtime_error) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  wait for b within trigger.hours * 1h
  send email "x"
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a").event("2026-03-02T09:00:00Z", "c2", "a", {{"hours", 2}}).run();
  EXPECT_THAT(errors(sim), ElementsAre("E2003 f c1 inline.flow:4: `wait for … within` needs a duration, but "
                                       "`trigger.hours * 1h` is null"));
  EXPECT_THAT(ends(sim),
              ElementsAre("f:c1:1 error at 2026-03-02T09:00:00Z", "f:c2:1 finished at 2026-03-02T11:00:00Z"));
}

TEST(wait_until, a_null_time_of_day_is_a_runtime_error_of_its_own) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  wait until (trigger.at)
  send email "x"
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a").run();
  EXPECT_THAT(errors(sim), ElementsAre("E2006 f c1 inline.flow:4: `wait until` needs a time of day, but "
                                       "`trigger.at` is null"));
  EXPECT_THAT(ends(sim), ElementsAre("f:c1:1 error at 2026-03-02T09:00:00Z"));
}

TEST(wait_for, the_timeout_is_due_at_now_plus_within_and_fires_before_an_event_at_that_instant) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  wait for b within 1h { send email "received" } timeout { send email "timed_out" }
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a").event("2026-03-02T10:00:00Z", "c1", "b").run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T10:00:00Z c1 email timed_out"));
}

// ---------------------------------------------------------------------------
// Starting runs: trigger, when, key, re-entry

TEST(trigger, several_trigger_lines_start_one_run_per_event) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a where event.n > 1
  trigger a where event.n > 0
  trigger b
  reentry always
  send email "started" { n: trigger.n }
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a", {{"n", 5}})
      .event("2026-03-02T09:00:01Z", "c1", "a", {{"n", 1}})
      .event("2026-03-02T09:00:02Z", "c1", "a", {{"n", 0}})
      .event("2026-03-02T09:00:03Z", "c1", "b")
      .run();
  EXPECT_EQ(sim.actions().size(), 3U);
  EXPECT_EQ(sim.stats("f").started, 3U);
  EXPECT_TRUE(sim.stats("f").refused.empty());  // a trigger that does not match is not a refusal
}

TEST(trigger, when_refuses_as_filtered_and_is_evaluated_once) {
  auto sim = simulation::from_source(R"(
flow welcome {
  trigger a
  when has_tag("vip")
  when trigger.total > 10
  wait 1d
  send email "vip_welcome"
}
flow tagger {
  trigger t
  tag "vip"
}
flow untagger {
  trigger u
  untag "vip"
}
)");
  sim.event("2026-03-02T08:00:00Z", "c1", "a", {{"total", 50}})  // not a vip yet
      .event("2026-03-02T08:30:00Z", "c1", "t")
      .event("2026-03-02T09:00:00Z", "c1", "a", {{"total", 5}})  // too small
      .event("2026-03-02T09:00:00Z", "c1", "a", {{"total", 50}})
      .event("2026-03-02T10:00:00Z", "c1", "u")  // the run has been admitted: it goes on
      .run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-03T09:00:00Z c1 email vip_welcome"));
  EXPECT_THAT(sim.stats("welcome").refused, ElementsAre(Pair("filtered", 2U)));
  EXPECT_EQ(sim.stats("welcome").started, 1U);
}

TEST(reentry, by_default_one_active_run_per_key) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  wait 2d
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a")
      .event("2026-03-03T09:00:00Z", "c1", "a")  // active: refused
      .event("2026-03-03T09:00:00Z", "c2", "a")  // another customer
      .event("2026-03-04T09:00:00Z", "c1", "a")  // the first run's timer fires first: admitted
      .run();
  EXPECT_THAT(ends(sim),
              ElementsAre("f:c1:1 finished at 2026-03-04T09:00:00Z", "f:c2:1 finished at 2026-03-05T09:00:00Z",
                          "f:c1:2 finished at 2026-03-06T09:00:00Z"));
  EXPECT_THAT(sim.stats("f").refused, ElementsAre(Pair("active", 1U)));
}

TEST(reentry, never_allows_one_run_per_key_ever) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  reentry never
  send email "once"
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a").event("2026-06-02T09:00:00Z", "c1", "a").run();
  EXPECT_EQ(sim.actions().size(), 1U);
  EXPECT_THAT(sim.stats("f").refused, ElementsAre(Pair("reentry_never", 1U)));
}

TEST(reentry, always_allows_concurrent_runs) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  reentry always
  wait 1d
  send email "x" { n: trigger.n }
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a", {{"n", 1}}).event("2026-03-02T10:00:00Z", "c1", "a", {{"n", 2}}).run();
  ASSERT_EQ(sim.actions().size(), 2U);
  EXPECT_EQ(sim.actions()[0].run, "f:c1:1");
  EXPECT_EQ(sim.actions()[1].run, "f:c1:2");
  EXPECT_TRUE(sim.stats("f").refused.empty());
}

TEST(reentry, after_refuses_while_active_or_too_soon_after_the_last_start) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  reentry after 10d
  wait trigger.days * 1d
}
)");
  sim.event("2026-03-01T09:00:00Z", "c1", "a", {{"days", 1}})
      .event("2026-03-05T09:00:00Z", "c1", "a", {{"days", 1}})   // reentry_after (4d < 10d)
      .event("2026-03-11T08:59:59Z", "c1", "a", {{"days", 20}})  // reentry_after, a second short
      .event("2026-03-11T09:00:00Z", "c1", "a", {{"days", 20}})  // exactly 10d: admitted
      .event("2026-03-25T09:00:00Z", "c1", "a", {{"days", 1}})   // active
      .run();
  EXPECT_THAT(ends(sim),
              ElementsAre("f:c1:1 finished at 2026-03-02T09:00:00Z", "f:c1:2 finished at 2026-03-31T09:00:00Z"));
  EXPECT_THAT(sim.stats("f").refused, ElementsAre(Pair("active", 1U), Pair("reentry_after", 2U)));
}

TEST(key, groups_runs_per_key_value_and_refuses_a_null_key) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  key trigger.order
  wait 1d
  send email "x" { order: trigger.order }
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a", {{"order", "o1"}})
      .event("2026-03-02T09:00:00Z", "c1", "a", {{"order", "o2"}})
      .event("2026-03-02T10:00:00Z", "c1", "a", {{"order", "o1"}})  // active for o1
      .event("2026-03-02T10:00:00Z", "c2", "a", {{"order", "o1"}})  // keys are per customer
      .event("2026-03-02T11:00:00Z", "c1", "a")                     // null key
      .run();
  EXPECT_THAT(ends(sim),
              ElementsAre("f:c1:1 finished at 2026-03-03T09:00:00Z", "f:c1:2 finished at 2026-03-03T09:00:00Z",
                          "f:c2:1 finished at 2026-03-03T10:00:00Z"));
  EXPECT_THAT(sim.stats("f").refused, ElementsAre(Pair("active", 1U), Pair("null_key", 1U)));
}

TEST(key, a_number_key_is_compared_as_text) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  key trigger.n
  reentry never
  send email "x"
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a", {{"n", 1}})
      .event("2026-03-02T09:00:01Z", "c1", "a", {{"n", 1.0}})
      .event("2026-03-02T09:00:02Z", "c1", "a", {{"n", "1"}})  // the text of 1 is "1": same key
      .event("2026-03-02T09:00:03Z", "c1", "a", {{"n", 2}})
      .run();
  EXPECT_EQ(sim.actions().size(), 2U);
  EXPECT_THAT(sim.stats("f").refused, ElementsAre(Pair("reentry_never", 2U)));
}

TEST(run_id, counts_the_runs_of_a_flow_for_a_customer) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  reentry always
  send email "x"
}
flow g {
  trigger a
  send email "y"
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a")
      .event("2026-03-02T09:00:00Z", "c2", "a")
      .event("2026-03-02T10:00:00Z", "c1", "a")
      .run();
  std::vector<std::string> ids;
  for (const auto& a : sim.actions()) ids.push_back(a.run);
  EXPECT_THAT(ids, ElementsAre("f:c1:1", "g:c1:1", "f:c2:1", "g:c2:1", "f:c1:2", "g:c1:2"));
}

}  // namespace
}  // namespace afterflow::testing
