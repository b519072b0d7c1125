// docs/semantics.md §7: quiet hours defer, limits suppress, transactional
// flows are exempt. 2026-03-02 is a Monday.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/runtime/sim_support.hpp"

namespace afterflow::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::Pair;

TEST(quiet_hours, a_window_crossing_midnight_covers_from_inclusive_to_exclusive) {
  auto sim = simulation::from_source(R"(
policy { quiet_hours 21:00 to 08:00 }
flow f {
  trigger a
  send email "x"
}
)");
  sim.event("2026-03-02T20:59:59Z", "c1", "a")
      .event("2026-03-02T21:00:00Z", "c2", "a")
      .event("2026-03-03T07:59:59Z", "c3", "a")
      .event("2026-03-03T08:00:00Z", "c4", "a")
      .run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T20:59:59Z c1 email x",
                                      "2026-03-03T08:00:00Z c2 email x deferred from 2026-03-02T21:00:00Z",
                                      "2026-03-03T08:00:00Z c3 email x deferred from 2026-03-03T07:59:59Z",
                                      "2026-03-03T08:00:00Z c4 email x"));
  EXPECT_THAT(sim.stats("f").deferred, ElementsAre(Pair("quiet_hours 21:00 to 08:00", 2U)));
}

TEST(quiet_hours, a_window_within_one_day) {
  auto sim = simulation::from_source(R"(
policy { quiet_hours 12:00 to 14:00 }
flow f {
  trigger a
  send email "x"
}
)");
  sim.event("2026-03-02T11:59:59Z", "c1", "a")
      .event("2026-03-02T12:00:00Z", "c2", "a")
      .event("2026-03-02T14:00:00Z", "c3", "a")
      .run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T11:59:59Z c1 email x",
                                      "2026-03-02T14:00:00Z c2 email x deferred from 2026-03-02T12:00:00Z",
                                      "2026-03-02T14:00:00Z c3 email x"));
}

TEST(quiet_hours, the_run_waits_with_its_message_so_the_spacing_of_steps_is_kept) {
  auto sim = simulation::from_source(R"(
policy { quiet_hours 21:00 to 08:00 }
flow f {
  trigger a
  send email "first"
  wait 1h
  send email "second"
}
)");
  sim.event("2026-03-02T22:00:00Z", "c1", "a").run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-03T08:00:00Z c1 email first deferred from 2026-03-02T22:00:00Z",
                                      "2026-03-03T09:00:00Z c1 email second"));
  EXPECT_THAT(waiting(sim), ElementsAre());
}

TEST(quiet_hours, a_waiting_deferred_send_is_reported) {
  runtime::simulator_options options;
  options.until = instant("2026-03-03T00:00:00Z");
  auto sim = simulation::from_source(R"(
policy { quiet_hours 21:00 to 08:00 }
flow f {
  trigger a
  send email "x"
}
)",
                                     "inline.flow", options);
  sim.event("2026-03-02T22:00:00Z", "c1", "a").run();
  EXPECT_TRUE(sim.actions().empty());
  EXPECT_THAT(waiting(sim), ElementsAre("f:c1:1 quiet hours until 2026-03-03T08:00:00Z"));
}

TEST(quiet_hours, a_channel_window_replaces_the_default_for_that_channel) {
  auto sim = simulation::from_source(R"(
policy {
  quiet_hours 21:00 to 08:00
  quiet_hours 12:00 to 13:00 for sms
}
flow f {
  trigger a
  reentry always
  send email "e"
  send sms "s"
}
)");
  sim.event("2026-03-02T12:30:00Z", "c1", "a").event("2026-03-02T22:00:00Z", "c2", "a").run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T12:30:00Z c1 email e",
                                      "2026-03-02T13:00:00Z c1 sms s deferred from 2026-03-02T12:30:00Z",
                                      "2026-03-03T08:00:00Z c2 email e deferred from 2026-03-02T22:00:00Z",
                                      "2026-03-03T08:00:00Z c2 sms s"));
  EXPECT_THAT(sim.stats("f").deferred,
              ElementsAre(Pair("quiet_hours 12:00 to 13:00", 1U), Pair("quiet_hours 21:00 to 08:00", 1U)));
}

TEST(quiet_hours, use_the_customers_zone) {
  auto sim = simulation::from_source(R"(
policy {
  timezone "Europe/Prague"
  quiet_hours 21:00 to 08:00
}
flow f {
  trigger a
  send email "x"
}
)");
  sim.customer("ny", {{"timezone", "America/New_York"}})
      .event("2026-03-03T02:00:00Z", "ny", "a")       // 21:00 EST: quiet
      .event("2026-03-03T02:00:00Z", "prague", "a")   // 03:00 CET: quiet
      .event("2026-03-03T19:59:59Z", "prague2", "a")  // 20:59:59 CET: not quiet
      .run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-03T07:00:00Z prague email x deferred from 2026-03-03T02:00:00Z",
                                      "2026-03-03T13:00:00Z ny email x deferred from 2026-03-03T02:00:00Z",
                                      "2026-03-03T19:59:59Z prague2 email x"));
}

TEST(quiet_hours, a_window_ending_in_a_repeated_hour_ends_at_the_next_occurrence) {
  auto sim = simulation::from_source(R"(
policy { quiet_hours 22:00 to 01:30 }
flow f {
  trigger a
  send email "x"
}
)");
  sim.customer("first_pass", {{"timezone", "America/New_York"}})
      .customer("second_pass", {{"timezone", "America/New_York"}})
      .event("2026-11-01T05:10:00Z", "first_pass", "a")   // 01:10 EDT
      .event("2026-11-01T06:10:00Z", "second_pass", "a")  // 01:10 EST, after the first 01:30 passed
      .run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-11-01T05:30:00Z first_pass email x deferred from 2026-11-01T05:10:00Z",
                                      "2026-11-01T06:30:00Z second_pass email x deferred from 2026-11-01T06:10:00Z"));
}

TEST(quiet_hours, a_window_ending_in_a_dst_gap_ends_after_the_gap) {
  auto sim = simulation::from_source(R"(
policy { quiet_hours 22:00 to 02:30 }
flow f {
  trigger a
  send email "x"
}
)");
  sim.customer("c1", {{"timezone", "America/New_York"}})
      .event("2026-03-08T06:30:00Z", "c1", "a")  // 01:30 EST; 02:30 does not exist that night
      .run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-08T07:30:00Z c1 email x deferred from 2026-03-08T06:30:00Z"));
}

// ---------------------------------------------------------------------------
// Limits

TEST(limits, the_window_is_now_minus_d_exclusive_to_now_inclusive) {
  auto sim = simulation::from_source(R"(
policy { limit email 2 per 1d }
flow f {
  trigger a
  reentry always
  send email "x"
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a")
      .event("2026-03-02T10:00:00Z", "c1", "a")
      .event("2026-03-02T11:00:00Z", "c1", "a")  // 2 in the last day
      .event("2026-03-03T09:00:00Z", "c1", "a")  // the 09:00 send is exactly 1d old: outside
      .event("2026-03-03T09:30:00Z", "c1", "a")  // 10:00 and 09:00 inside
      .event("2026-03-03T10:00:00Z", "c1", "a")  // 10:00 is outside
      .event("2026-03-03T10:00:00Z", "c2", "a")  // per customer
      .run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T09:00:00Z c1 email x", "2026-03-02T10:00:00Z c1 email x",
                                      "2026-03-02T11:00:00Z c1 email x suppressed: limit email 2 per 1d",
                                      "2026-03-03T09:00:00Z c1 email x",
                                      "2026-03-03T09:30:00Z c1 email x suppressed: limit email 2 per 1d",
                                      "2026-03-03T10:00:00Z c1 email x", "2026-03-03T10:00:00Z c2 email x"));
  EXPECT_THAT(sim.stats("f").suppressed, ElementsAre(Pair("limit email 2 per 1d", 2U)));
  EXPECT_THAT(sim.stats("f").sent, ElementsAre(Pair(Pair("email", "x"), 5U)));
}

TEST(limits, count_sends_from_every_flow_on_that_channel_only) {
  auto sim = simulation::from_source(R"(
policy { limit email 1 per 7d }
flow one {
  trigger a
  send email "one"
  send sms "one_sms"
}
flow two {
  trigger a
  send email "two"
  send sms "two_sms"
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a").run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T09:00:00Z c1 email one", "2026-03-02T09:00:00Z c1 sms one_sms",
                                      "2026-03-02T09:00:00Z c1 email two suppressed: limit email 1 per 7d",
                                      "2026-03-02T09:00:00Z c1 sms two_sms"));
}

TEST(limits, several_limits_all_apply_and_the_first_reached_is_the_reason) {
  auto sim = simulation::from_source(R"(
policy {
  limit email 1 per 1h
  limit email 2 per 2w
}
flow f {
  trigger a
  reentry always
  send email "x"
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a")
      .event("2026-03-02T09:30:00Z", "c1", "a")
      .event("2026-03-02T10:00:00Z", "c1", "a")
      .event("2026-03-02T11:00:00Z", "c1", "a")
      .run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T09:00:00Z c1 email x",
                                      "2026-03-02T09:30:00Z c1 email x suppressed: limit email 1 per 1h",
                                      "2026-03-02T10:00:00Z c1 email x",
                                      "2026-03-02T11:00:00Z c1 email x suppressed: limit email 2 per 14d"));
}

TEST(limits, a_suppressed_send_is_recorded_and_the_run_goes_on) {
  auto sim = simulation::from_source(R"(
policy { limit email 1 per 1d }
flow f {
  trigger a
  send email "a"
  send email "b"
  wait 1h
  send sms "c"
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a").run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T09:00:00Z c1 email a",
                                      "2026-03-02T09:00:00Z c1 email b suppressed: limit email 1 per 1d",
                                      "2026-03-02T10:00:00Z c1 sms c"));
  EXPECT_THAT(ends(sim), ElementsAre("f:c1:1 finished at 2026-03-02T10:00:00Z"));
}

TEST(limits, are_checked_when_a_deferred_send_is_delivered) {
  auto sim = simulation::from_source(R"(
policy {
  quiet_hours 21:00 to 08:00
  limit email 1 per 12h
}
flow f {
  trigger a
  reentry always
  send email "x" { n: trigger.n }
}
)");
  sim.event("2026-03-02T20:00:00Z", "c1", "a", {{"n", 1}})
      .event("2026-03-02T22:00:00Z", "c1", "a", {{"n", 2}})  // would be capped at 22:00, not at 08:00
      .event("2026-03-02T23:00:00Z", "c1", "a", {{"n", 3}})  // delivered at 08:00 too: capped by n=2
      .run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T20:00:00Z c1 email x",
                                      "2026-03-03T08:00:00Z c1 email x deferred from 2026-03-02T22:00:00Z",
                                      "2026-03-03T08:00:00Z c1 email x suppressed: limit email 1 per 12h deferred "
                                      "from 2026-03-02T23:00:00Z"));
  EXPECT_EQ(params(sim.actions()[2]), "n=3");  // parameters are those of the step, not re-evaluated
}

TEST(transactional, sends_ignore_quiet_hours_and_limits_and_do_not_count) {
  auto sim = simulation::from_source(R"(
policy {
  quiet_hours 21:00 to 08:00
  limit email 1 per 1d
}
flow receipt {
  trigger a
  transactional
  reentry always
  send email "receipt"
}
flow promo {
  trigger p
  send email "promo"
}
)");
  sim.event("2026-03-02T22:00:00Z", "c1", "a")
      .event("2026-03-02T22:00:00Z", "c1", "a")
      .event("2026-03-03T09:00:00Z", "c1", "p")
      .run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T22:00:00Z c1 email receipt", "2026-03-02T22:00:00Z c1 email receipt",
                                      "2026-03-03T09:00:00Z c1 email promo"));
}

}  // namespace
}  // namespace afterflow::testing
