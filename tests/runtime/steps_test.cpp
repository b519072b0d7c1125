// docs/semantics.md §5.5 and §11: the steps that change the customer (`set`,
// `tag`), `emit`, `repeat`, and the step limit.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/runtime/sim_support.hpp"

namespace afterflow::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

TEST(set, changes_the_attribute_for_everyone_and_null_removes_it) {
  auto sim = simulation::from_source(R"(
segment gold = customer.plan == "gold"
flow setter {
  trigger s
  reentry always
  set customer.plan = trigger.plan
}
flow reader {
  trigger r
  reentry always
  send email "probe" { plan: customer.plan, gold: gold }
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "s", {{"plan", "gold"}});
  EXPECT_TRUE(sim.in_segment("c1", "gold"));
  sim.event("2026-03-02T09:01:00Z", "c1", "r").event("2026-03-02T09:02:00Z", "c1", "s");
  EXPECT_FALSE(sim.in_segment("c1", "gold"));
  sim.event("2026-03-02T09:03:00Z", "c1", "r").run();
  ASSERT_EQ(sim.actions().size(), 2U);
  EXPECT_EQ(params(sim.actions()[0]), "plan=\"gold\" gold=true");
  EXPECT_EQ(params(sim.actions()[1]), "plan=null gold=false");
}

constexpr std::string_view set_zone = R"(
flow move {
  trigger z
  set customer.timezone = trigger.zone
  wait until 10:00
  send email "ten"
}
flow reader {
  trigger r
  send email "probe" { tz: customer.timezone }
}
)";

TEST(set, a_new_timezone_is_used_by_later_local_times) {
  auto sim = simulation::from_source(set_zone);
  sim.event("2026-03-02T00:00:00Z", "c1", "z", {{"zone", "America/New_York"}}).run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T15:00:00Z c1 email ten"));
}

TEST(set, an_unknown_timezone_is_a_runtime_error_and_keeps_the_old_zone) {
  auto sim = simulation::from_source(set_zone);
  sim.customer("c1", {{"timezone", "Europe/Prague"}})
      .event("2026-03-02T00:00:00Z", "c1", "z", {{"zone", "Bad/Zone"}})
      .event("2026-03-02T00:00:00Z", "c1", "r")
      .run();
  EXPECT_THAT(errors(sim), ElementsAre("E2005 move c1 inline.flow:4: cannot set `customer.timezone`: unknown time "
                                       "zone `Bad/Zone`"));
  EXPECT_THAT(ends(sim),
              ElementsAre("move:c1:1 error at 2026-03-02T00:00:00Z", "reader:c1:1 finished at 2026-03-02T00:00:00Z"));
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T00:00:00Z c1 email probe"));
  EXPECT_EQ(params(sim.actions()[0]), "tz=\"Europe/Prague\"");
}

TEST(tags, tag_untag_has_tag_and_customer_tags_in_the_order_added) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  tag "b"
  tag "a"
  tag "b"
  send email "one" { tags: customer.tags, has_a: has_tag("a"), has_c: has_tag("c"), has_x: has_tag(trigger.t) }
  untag "b"
  untag "zzz"
  send email "two" { tags: customer.tags }
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a", {{"t", "never-a-tag"}}).run();
  ASSERT_EQ(sim.actions().size(), 2U);
  EXPECT_EQ(params(sim.actions()[0]), "tags=[\"b\", \"a\"] has_a=true has_c=false has_x=false");
  EXPECT_EQ(params(sim.actions()[1]), "tags=[\"a\"]");
}

TEST(emit, events_are_handled_after_the_input_in_emission_order) {
  auto sim = simulation::from_source(R"(
flow emitter {
  trigger a
  emit x { n: 1 }
  send email "after_emit"
  emit x { n: 2 }
}
flow other_on_a {
  trigger a
  send email "other_on_a"
}
flow on_x {
  trigger x
  reentry always
  send email "on_x" { n: trigger.n, seen: count(x), at: trigger.time }
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a").run();
  EXPECT_THAT(sends(sim),
              ElementsAre("2026-03-02T09:00:00Z c1 email after_emit", "2026-03-02T09:00:00Z c1 email other_on_a",
                          "2026-03-02T09:00:00Z c1 email on_x", "2026-03-02T09:00:00Z c1 email on_x"));
  EXPECT_EQ(params(sim.actions()[2]), "n=1 seen=1 at=2026-03-02T09:00:00Z");
  EXPECT_EQ(params(sim.actions()[3]), "n=2 seen=2 at=2026-03-02T09:00:00Z");
}

TEST(emit, events_emitted_by_a_timer_are_handled_before_the_next_event) {
  auto sim = simulation::from_source(R"(
flow sleeper {
  trigger a
  wait 1h
  emit x
  send email "woke"
}
flow on_x {
  trigger x
  send email "x_handled"
}
flow on_b {
  trigger b
  send email "b_handled"
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a").event("2026-03-02T10:00:00Z", "c1", "b").run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T10:00:00Z c1 email woke", "2026-03-02T10:00:00Z c1 email x_handled",
                                      "2026-03-02T10:00:00Z c1 email b_handled"));
}

TEST(emit, the_emitting_run_never_sees_its_own_event) {
  auto sim = simulation::from_source(R"(
flow listener {
  trigger b
  exit on x where event.from == "nobody"
  wait for x within 1h { send email "listener_saw_x" }
}
flow emitter {
  trigger a
  exit on x
  emit x { from: "emitter" }
  wait for x within 1h { send email "saw_own" } timeout { send email "no_own" }
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "b").event("2026-03-02T09:00:00Z", "c1", "a").run();
  EXPECT_THAT(sends(sim),
              ElementsAre("2026-03-02T09:00:00Z c1 email listener_saw_x", "2026-03-02T10:00:00Z c1 email no_own"));
  EXPECT_THAT(ends(sim), ElementsAre("listener:c1:1 finished at 2026-03-02T09:00:00Z",
                                     "emitter:c1:1 finished at 2026-03-02T10:00:00Z"));
}

TEST(emit, a_chain_deeper_than_16_is_a_runtime_error) {
  auto sim = simulation::from_source(R"(
flow echo {
  trigger x
  emit x
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "x").run();
  // The log event has depth 0; runs at depths 0..15 emit, the run at depth 16 may not.
  EXPECT_EQ(sim.stats("echo").started, 17U);
  EXPECT_THAT(sim.stats("echo").ended, ElementsAre(Pair("error", 1U), Pair("finished", 16U)));
  EXPECT_THAT(errors(sim),
              ElementsAre("E2002 echo c1 inline.flow:4: `emit x` would nest emitted events deeper than 16"));
}

TEST(emit, a_fan_out_reaching_the_depth_limit_is_one_error_per_input) {
  // Two emits a level: 2^16 emits would fail the depth limit, and the
  // per-input budget stops the tree first. Either way one input, one error.
  auto sim = simulation::from_source(R"(
flow echo {
  trigger x
  emit x
  emit x
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "x").event("2026-03-02T10:00:00Z", "c2", "x").run();
  const auto messages = errors(sim);
  ASSERT_EQ(messages.size(), 2U);
  EXPECT_THAT(messages[0], ::testing::StartsWith("E2007 echo c1 inline.flow:"));
  EXPECT_THAT(messages[0], ::testing::HasSubstr("more than 10000 emitted events"));
  EXPECT_THAT(messages[1], ::testing::StartsWith("E2007 echo c2 "));
}

TEST(emit, a_three_way_fan_out_stops_at_the_budget_and_the_replay_goes_on) {
  // 3^16 events from one line without the budget.
  auto sim = simulation::from_source(R"(
flow storm {
  trigger x
  emit x
  emit x
  emit x
}
flow after {
  trigger y
  send email "still_here"
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "x").event("2026-03-02T09:01:00Z", "c1", "y").run();
  const auto messages = errors(sim);
  ASSERT_EQ(messages.size(), 1U);
  EXPECT_THAT(messages[0], ::testing::MatchesRegex(
                               "E2007 storm c1 inline.flow:[0-9]+: one input set off more than 10000 emitted events; "
                               "the rest of its work is not done \\([0-9]+ emitted events dropped, [0-9]+ more runs "
                               "ended\\)"));
  EXPECT_LE(sim.stats("storm").started, 10'001U);
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T09:01:00Z c1 email still_here"));
}

TEST(emit, the_budget_is_per_input_and_configurable) {
  runtime::simulator_options options;
  options.max_emits_per_input = 3;
  auto sim = simulation::from_source(R"(
flow fan {
  trigger a
  reentry always
  emit b
  emit b
  emit b
  emit b
}
flow count {
  trigger b
  reentry always
  send email "b"
}
)",
                                     "inline.flow", options);
  sim.event("2026-03-02T09:00:00Z", "c1", "a").event("2026-03-02T09:01:00Z", "c1", "a").run();
  // Each input's fourth emit is refused, and the three queued before it are
  // dropped with it: nothing of a stopped input's emits is handled.
  EXPECT_TRUE(sends(sim).empty());
  EXPECT_THAT(errors(sim), ElementsAre("E2007 fan c1 inline.flow:8: one input set off more than 3 emitted events; the "
                                       "rest of its work is not done (3 emitted events dropped, 0 more runs ended)",
                                       "E2007 fan c1 inline.flow:8: one input set off more than 3 emitted events; the "
                                       "rest of its work is not done (3 emitted events dropped, 0 more runs ended)"));
}

TEST(step_budget, counts_steps_over_every_run_of_one_input) {
  runtime::simulator_options options;
  options.max_steps_per_input = 6;
  auto sim = simulation::from_source(R"(
flow one {
  trigger a
  send email "one_1"
  send email "one_2"
  send email "one_3"
}
flow two {
  trigger a
  send email "two_1"
  send email "two_2"
  send email "two_3"
  send email "two_4"
}
flow three {
  trigger a
  send email "three_1"
}
)",
                                     "inline.flow", options);
  sim.event("2026-03-02T09:00:00Z", "c1", "a").run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T09:00:00Z c1 email one_1", "2026-03-02T09:00:00Z c1 email one_2",
                                      "2026-03-02T09:00:00Z c1 email one_3", "2026-03-02T09:00:00Z c1 email two_1",
                                      "2026-03-02T09:00:00Z c1 email two_2", "2026-03-02T09:00:00Z c1 email two_3"));
  EXPECT_THAT(errors(sim), ElementsAre("E2007 two c1 inline.flow:13: one input set off more than 6 steps; the rest of "
                                       "its work is not done (0 emitted events dropped, 1 more runs ended)"));
  EXPECT_THAT(sim.stats("three").ended, ElementsAre(Pair("error", 1U)));
}

TEST(repeat, runs_the_body_floor_n_times) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  reentry always
  repeat trigger.n times {
    wait 1d
    send email "round" { n: trigger.n }
  }
  send email "done" { n: trigger.n }
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a", {{"n", 2.7}})
      .event("2026-03-02T09:00:00Z", "c1", "a", {{"n", 0}})
      .event("2026-03-02T09:00:00Z", "c1", "a")
      .run();
  std::vector<std::string> lines;
  for (const auto& a : sim.actions()) lines.push_back(describe(a) + " " + params(a));
  EXPECT_THAT(lines,
              ElementsAre("2026-03-02T09:00:00Z c1 email done n=0", "2026-03-02T09:00:00Z c1 email done n=null",
                          "2026-03-03T09:00:00Z c1 email round n=2.7", "2026-03-04T09:00:00Z c1 email round n=2.7",
                          "2026-03-04T09:00:00Z c1 email done n=2.7"));
}

TEST(repeat, nested_loops_keep_their_own_counts) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  repeat 2 times {
    repeat 3 times {
      wait 1h
      send email "inner"
    }
    wait 1d
    send email "outer"
  }
}
)");
  sim.event("2026-03-02T00:00:00Z", "c1", "a").run();
  std::vector<std::string> templates;
  for (const auto& a : sim.actions()) templates.push_back(a.template_name);
  EXPECT_THAT(templates, ElementsAre("inner", "inner", "inner", "outer", "inner", "inner", "inner", "outer"));
  EXPECT_EQ(sim.actions().back().time, instant("2026-03-04T06:00:00Z"));
}

constexpr std::string_view many_steps = R"(
flow f {
  trigger a
  reentry always
  if trigger.x == 1 { log "one" } else if trigger.x == 2 { log "two" } else { log "other" }
  send email "s1"
  send email "s2"
  send email "s3"
  send email "s4"
  wait 1h
  send email "s5"
}
)";

TEST(step_limit, counts_steps_not_branches_and_names_the_step_that_would_exceed) {
  runtime::simulator_options options;
  options.max_steps = 5;
  auto sim = simulation::from_source(many_steps, "inline.flow", options);
  sim.event("2026-03-02T09:00:00Z", "c1", "a", {{"x", 1}}).event("2026-03-02T09:00:00Z", "c2", "a", {{"x", 3}}).run();
  // if, log, s1, s2, s3: five steps; s4 would be the sixth.
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T09:00:00Z c1 email s1", "2026-03-02T09:00:00Z c1 email s2",
                                      "2026-03-02T09:00:00Z c1 email s3", "2026-03-02T09:00:00Z c2 email s1",
                                      "2026-03-02T09:00:00Z c2 email s2", "2026-03-02T09:00:00Z c2 email s3"));
  EXPECT_THAT(errors(sim), ElementsAre("E2001 f c1 inline.flow:9: flow `f` ran 5 steps without waiting",
                                       "E2001 f c2 inline.flow:9: flow `f` ran 5 steps without waiting"));
  EXPECT_THAT(ends(sim), ElementsAre("f:c1:1 error at 2026-03-02T09:00:00Z", "f:c2:1 error at 2026-03-02T09:00:00Z"));
}

TEST(step_limit, applies_per_activation) {
  runtime::simulator_options options;
  options.max_steps = 7;  // if, log, s1..s4, wait: 7; then s5 in a new activation
  auto sim = simulation::from_source(many_steps, "inline.flow", options);
  sim.event("2026-03-02T09:00:00Z", "c1", "a", {{"x", 2}}).run();
  EXPECT_EQ(sim.actions().size(), 5U);
  EXPECT_TRUE(sim.errors().empty());
  EXPECT_THAT(ends(sim), ElementsAre("f:c1:1 finished at 2026-03-02T10:00:00Z"));
}

TEST(step_limit, the_default_is_10000) {
  EXPECT_EQ(runtime::simulator_options{}.max_steps, 10'000U);
  EXPECT_EQ(runtime::simulator_options{}.max_emit_depth, 16U);
}

}  // namespace
}  // namespace afterflow::testing
