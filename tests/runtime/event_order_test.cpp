// docs/semantics.md §2 and §4: the order in which events, timers, flows and
// runs are handled, and what happens after the log ends.
#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/runtime/sim_support.hpp"

namespace afterflow::testing {
namespace {

using ::testing::ElementsAre;

TEST(event_order, equal_timestamps_are_handled_in_input_order) {
  auto sim = simulation::from_source(R"(
flow echo {
  trigger a
  reentry always
  send email "echo" { n: trigger.n }
}
)");
  sim.event("2026-03-02T09:00:00Z", "c2", "a", {{"n", 1}})
      .event("2026-03-02T09:00:00Z", "c1", "a", {{"n", 2}})
      .event("2026-03-02T09:00:00Z", "c2", "a", {{"n", 3}})
      .run();
  ASSERT_EQ(sim.actions().size(), 3U);
  EXPECT_EQ(sim.actions()[0].customer + " " + params(sim.actions()[0]), "c2 n=1");
  EXPECT_EQ(sim.actions()[1].customer + " " + params(sim.actions()[1]), "c1 n=2");
  EXPECT_EQ(sim.actions()[2].customer + " " + params(sim.actions()[2]), "c2 n=3");
}

constexpr std::string_view timer_then_event = R"(
flow waiter {
  trigger a
  wait 1h
  send email "woke"
}
flow watcher {
  trigger b
  send email "saw_b"
}
)";

TEST(event_order, a_timer_due_at_the_event_time_fires_first) {
  auto sim = simulation::from_source(timer_then_event);
  sim.event("2026-03-02T09:00:00Z", "c1", "a").event("2026-03-02T10:00:00Z", "c2", "b").run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T10:00:00Z c1 email woke", "2026-03-02T10:00:00Z c2 email saw_b"));
}

TEST(event_order, a_timer_due_after_the_event_fires_after_it) {
  auto sim = simulation::from_source(timer_then_event);
  sim.event("2026-03-02T09:00:00Z", "c1", "a").event("2026-03-02T09:59:59.999999Z", "c2", "b").run();
  EXPECT_THAT(sends(sim),
              ElementsAre("2026-03-02T09:59:59.999999Z c2 email saw_b", "2026-03-02T10:00:00Z c1 email woke"));
}

TEST(event_order, a_run_woken_at_the_event_time_can_receive_that_event) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  wait 1h
  wait for b within 1h { send email "got_b" } timeout { send email "no_b" }
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a").event("2026-03-02T10:00:00Z", "c1", "b").run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T10:00:00Z c1 email got_b"));
}

TEST(event_order, timers_due_at_the_same_instant_fire_in_creation_order) {
  // `older` starts first but sets its second timer last: creation order of
  // the timers, not of the runs, decides.
  auto sim = simulation::from_source(R"(
flow older {
  trigger a
  wait 1h
  wait 23h
  send email "older"
}
flow younger {
  trigger b
  wait 23h30m
  send email "younger"
}
flow first_timer {
  trigger a
  wait 1d
  send email "first_timer"
}
)");
  sim.event("2026-03-02T00:00:00Z", "c1", "a").event("2026-03-02T00:30:00Z", "c2", "b").run();
  // first_timer's timer is created at 00:00 (seq 1, after older's 1h wait),
  // younger's at 00:30, older's second at 01:00: all due 2026-03-03T00:00.
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-03T00:00:00Z c1 email first_timer",
                                      "2026-03-03T00:00:00Z c2 email younger", "2026-03-03T00:00:00Z c1 email older"));
}

TEST(event_order, a_timer_due_now_fires_after_the_input_and_its_emits_before_the_next_event) {
  auto sim = simulation::from_source(R"(
flow zero {
  trigger a
  wait trigger.zero
  send email "after_zero_wait"
}
flow negative {
  trigger a
  wait -trigger.d
  send email "after_negative_wait"
}
flow emitter {
  trigger a
  emit x
}
flow on_x {
  trigger x
  send email "x"
}
flow on_b {
  trigger b
  send email "b"
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a",
            {{"zero", property_value::seconds(0)}, {"d", property_value::seconds(3600)}})
      .event("2026-03-02T09:00:00Z", "c1", "b")
      .run();
  EXPECT_THAT(sends(sim),
              ElementsAre("2026-03-02T09:00:00Z c1 email x", "2026-03-02T09:00:00Z c1 email after_zero_wait",
                          "2026-03-02T09:00:00Z c1 email after_negative_wait", "2026-03-02T09:00:00Z c1 email b"));
}

TEST(event_order, flows_are_considered_in_file_order) {
  auto sim = simulation::from_source(R"(
flow zeta {
  trigger a
  send email "zeta"
}
flow alpha {
  trigger a
  send email "alpha"
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a").run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T09:00:00Z c1 email zeta", "2026-03-02T09:00:00Z c1 email alpha"));
}

class program_order : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("afterflow_sim_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ / "sub");
    write("b.flow", "import \"sub/shared.flow\"\nflow from_b {\n  trigger a\n  send email \"b\"\n}\n");
    write("a.flow", "flow from_a {\n  trigger a\n  send email \"a\"\n}\n");
    write("sub/shared.flow", "flow from_shared {\n  trigger a\n  send email \"shared\"\n}\n");
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  void write(const std::string& name, std::string_view text) { std::ofstream(dir_ / name) << text; }
  [[nodiscard]] std::string path(const std::string& name) const { return (dir_ / name).string(); }

  static std::vector<std::string> templates(const simulation& sim) {
    std::vector<std::string> out;
    for (const auto& a : sim.actions()) out.push_back(a.template_name);
    return out;
  }

  std::filesystem::path dir_;
};

TEST_F(program_order, files_as_given_then_imports_in_the_order_reached) {
  auto sim = simulation::from_files({path("b.flow"), path("a.flow")});
  sim.event("2026-03-02T09:00:00Z", "c1", "a").run();
  EXPECT_THAT(templates(sim), ElementsAre("b", "a", "shared"));
}

TEST_F(program_order, a_directory_stands_for_its_files_sorted_by_path) {
  auto sim = simulation::from_files({dir_.string()});
  sim.event("2026-03-02T09:00:00Z", "c1", "a").run();
  EXPECT_THAT(templates(sim), ElementsAre("a", "b", "shared"));
}

constexpr std::string_view two_waits = R"(
flow f {
  trigger a
  wait 1d
  send email "one"
  wait 30d
  send email "two"
}
)";

TEST(event_order, timers_keep_firing_after_the_log_ends) {
  auto sim = simulation::from_source(two_waits);
  sim.event("2026-03-02T09:00:00Z", "c1", "a").run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-03T09:00:00Z c1 email one", "2026-04-02T09:00:00Z c1 email two"));
  EXPECT_THAT(ends(sim), ElementsAre("f:c1:1 finished at 2026-04-02T09:00:00Z"));
  EXPECT_TRUE(sim.waiting().empty());
}

TEST(event_order, until_stops_the_clock_and_reports_waiting_runs) {
  runtime::simulator_options options;
  options.until = instant("2026-03-03T09:00:00Z");  // exactly when the first timer is due
  auto sim = simulation::from_source(std::string(two_waits) + "flow g {\n  trigger w\n  wait for review within 7d\n}\n",
                                     "inline.flow", options);
  sim.event("2026-03-02T09:00:00Z", "c1", "a").event("2026-03-02T10:00:00Z", "c1", "w").run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-03T09:00:00Z c1 email one"));
  EXPECT_TRUE(sim.run_ends().empty());
  EXPECT_THAT(waiting(sim), ElementsAre("f:c1:1 timer until 2026-04-02T09:00:00Z",
                                        "g:c1:1 review or timeout at 2026-03-09T10:00:00Z"));
  ASSERT_EQ(sim.waiting().size(), 2U);
  EXPECT_EQ(sim.waiting()[0].since, instant("2026-03-03T09:00:00Z"));
  EXPECT_EQ(sim.stats("f").waiting, 1U);
  EXPECT_EQ(sim.now(), instant("2026-03-03T09:00:00Z"));
}

TEST(event_order, events_after_until_are_not_handled) {
  runtime::simulator_options options;
  options.until = instant("2026-03-02T12:00:00Z");
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  send email "a"
}
)",
                                     "inline.flow", options);
  sim.event("2026-03-02T12:00:00Z", "c1", "a").event("2026-03-02T12:00:00.000001Z", "c2", "a").run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T12:00:00Z c1 email a"));
  EXPECT_EQ(sim.stats("f").started, 1U);
}

TEST(event_order, advance_to_moves_the_clock) {
  auto sim = simulation::from_source(two_waits);
  sim.event("2026-03-02T09:00:00Z", "c1", "a").advance_to("2026-03-10T00:00:00Z");
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-03T09:00:00Z c1 email one"));
  EXPECT_EQ(sim.now(), instant("2026-03-10T00:00:00Z"));
  EXPECT_THROW(sim.event("2026-03-09T00:00:00Z", "c1", "a"), std::invalid_argument);
}

TEST(event_order, an_event_is_offered_to_runs_before_triggers) {
  // `starter` comes first in flow order, yet the existing run of `listener`
  // receives b before b starts a run of `starter`.
  auto sim = simulation::from_source(R"(
flow starter {
  trigger b
  send email "starter"
}
flow listener {
  trigger a
  wait for b within 1d { send email "listener_got_b" }
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a").event("2026-03-02T10:00:00Z", "c1", "b").run();
  EXPECT_THAT(sends(sim),
              ElementsAre("2026-03-02T10:00:00Z c1 email listener_got_b", "2026-03-02T10:00:00Z c1 email starter"));
}

TEST(event_order, runs_are_offered_an_event_in_creation_order) {
  auto sim = simulation::from_source(R"(
flow second {
  trigger b
  wait for c within 1d { send email "second" }
}
flow first {
  trigger a
  wait for c within 1d { send email "first" }
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a")
      .event("2026-03-02T09:01:00Z", "c1", "b")
      .event("2026-03-02T10:00:00Z", "c1", "c")
      .run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T10:00:00Z c1 email first", "2026-03-02T10:00:00Z c1 email second"));
}

TEST(event_order, an_event_reaches_only_its_own_customers_runs) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  exit on x
  wait 1d
  send email "kept"
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a").event("2026-03-02T10:00:00Z", "c2", "x").run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-03T09:00:00Z c1 email kept"));
}

TEST(event_order, a_run_never_sees_its_own_trigger) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  exit on a
  goal a
  wait for a within 1d { send email "received" } timeout { send email "timed_out" }
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a").run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-03T09:00:00Z c1 email timed_out"));
  EXPECT_THAT(ends(sim), ElementsAre("f:c1:1 finished at 2026-03-03T09:00:00Z"));
}

TEST(event_order, win_back_restarts_on_every_order) {
  auto sim = simulation::from_source(R"(
flow win_back {
  trigger order
  exit on order
  wait 30d
  send email "we_miss_you" { order: trigger.id }
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "order", {{"id", "o1"}})
      .event("2026-03-12T09:00:00Z", "c1", "order", {{"id", "o2"}})
      .run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-04-11T09:00:00Z c1 email we_miss_you"));
  EXPECT_EQ(params(sim.actions()[0]), "order=\"o2\"");
  EXPECT_EQ(sim.actions()[0].run, "win_back:c1:2");
  EXPECT_THAT(ends(sim), ElementsAre("win_back:c1:1 order at 2026-03-12T09:00:00Z",
                                     "win_back:c1:2 finished at 2026-04-11T09:00:00Z"));
  EXPECT_EQ(sim.stats("win_back").started, 2U);
  EXPECT_TRUE(sim.stats("win_back").refused.empty());
}

}  // namespace
}  // namespace afterflow::testing
