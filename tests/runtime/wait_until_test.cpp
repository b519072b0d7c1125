// docs/semantics.md §8: `wait until`, time zones, DST gaps and repeated hours.
// 2026-03-02 is a Monday. New York springs forward on 2026-03-08 (02:00 EST
// becomes 03:00 EDT) and falls back on 2026-11-01 (02:00 EDT becomes 01:00
// EST).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "grammar/text/timestamp.hpp"
#include "tests/runtime/sim_support.hpp"

namespace afterflow::testing {
namespace {

using ::testing::ElementsAre;

TEST(wait_until, the_next_instant_at_or_after_now) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  reentry always
  wait until 10:00
  send email "x"
}
)");
  sim.event("2026-03-02T09:00:00Z", "early", "a")
      .event("2026-03-02T10:00:00Z", "exact", "a")
      .event("2026-03-02T10:00:00.000001Z", "late", "a")
      .run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T10:00:00Z early email x", "2026-03-02T10:00:00Z exact email x",
                                      "2026-03-03T10:00:00Z late email x"));
}

TEST(wait_until, day_lists_and_ranges) {
  auto sim = simulation::from_source(R"(
flow weekdays {
  trigger wd
  wait until 10:00 on mon..fri
  send email "weekdays"
}
flow weekend {
  trigger we
  wait until 10:00 on sat, sun
  send email "weekend"
}
flow mixed {
  trigger mx
  wait until 10:00 on mon, wed..fri
  send email "mixed"
}
flow mondays {
  trigger mo
  wait until 10:00 on mon
  send email "mondays"
}
)");
  sim.event("2026-03-02T10:30:00Z", "c1", "mo")   // Monday, after 10:00: next Monday
      .event("2026-03-02T11:00:00Z", "c1", "we")  // Monday: Saturday
      .event("2026-03-03T09:00:00Z", "c1", "mx")  // Tuesday: Wednesday
      .event("2026-03-07T09:00:00Z", "c1", "wd")  // Saturday: Monday
      .run();
  EXPECT_THAT(sends(sim),
              ElementsAre("2026-03-04T10:00:00Z c1 email mixed", "2026-03-07T10:00:00Z c1 email weekend",
                          "2026-03-09T10:00:00Z c1 email mondays", "2026-03-09T10:00:00Z c1 email weekdays"));
}

TEST(wait_until, a_time_in_the_spring_forward_gap_moves_forward_by_the_gap) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  wait until 02:30
  send email "x"
}
)");
  sim.customer("c1", {{"timezone", "America/New_York"}})
      .event("2026-03-08T06:00:00Z", "c1", "a")  // 01:00 EST; 02:30 does not exist that night
      .run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-08T07:30:00Z c1 email x"));  // 03:30 EDT
}

TEST(wait_until, a_repeated_time_means_its_first_occurrence) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  reentry always
  wait until 01:30
  send email "x"
}
)");
  sim.customer("before", {{"timezone", "America/New_York"}})
      .customer("between", {{"timezone", "America/New_York"}})
      .event("2026-11-01T04:00:00Z", "before", "a")   // 00:00 EDT
      .event("2026-11-01T05:45:00Z", "between", "a")  // 01:45 EDT: the first 01:30 is past
      .run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-11-01T05:30:00Z before email x",     // 01:30 EDT
                                      "2026-11-02T06:30:00Z between email x"));  // 01:30 EST next day
}

TEST(wait_until, the_zone_is_in_then_customer_then_policy) {
  auto sim = simulation::from_source(R"(
policy { timezone "Europe/Prague" }
flow plain {
  trigger a
  wait until 10:00
  send email "plain"
}
flow tokyo {
  trigger b
  wait until 10:00 in "Asia/Tokyo"
  send email "tokyo"
}
flow from_data {
  trigger c
  wait until 10:00 in customer.preferred_zone
  send email "from_data"
}
)");
  sim.customer("ny", {{"timezone", "America/New_York"}})
      .customer("ny_tokyo", {{"timezone", "America/New_York"}, {"preferred_zone", "Asia/Tokyo"}})
      .event("2026-03-02T00:00:00Z", "ny", "a")        // New York: 10:00 EST
      .event("2026-03-02T00:00:00Z", "nobody", "a")    // the policy's Prague: 10:00 CET
      .event("2026-03-02T00:00:00Z", "ny", "b")        // `in` wins over the customer
      .event("2026-03-02T00:00:00Z", "ny", "c")        // `in` is null: the customer's zone
      .event("2026-03-02T00:00:00Z", "ny_tokyo", "c")  // `in` from data
      .run();
  EXPECT_THAT(sends(sim),
              ElementsAre("2026-03-02T01:00:00Z ny email tokyo", "2026-03-02T01:00:00Z ny_tokyo email from_data",
                          "2026-03-02T09:00:00Z nobody email plain", "2026-03-02T15:00:00Z ny email plain",
                          "2026-03-02T15:00:00Z ny email from_data"));
}

TEST(wait_until, without_any_zone_it_is_utc) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  wait until 10:00 in customer.zone
  send email "x"
}
)");
  sim.event("2026-03-02T00:00:00Z", "c1", "a").run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T10:00:00Z c1 email x"));
}

TEST(wait_until, an_unknown_zone_from_data_is_a_runtime_error) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  wait until 10:00 in trigger.zone
  send email "x"
}
)");
  sim.event("2026-03-02T00:00:00Z", "c1", "a", {{"zone", "Mars/Olympus"}})
      .event("2026-03-02T00:00:00Z", "c2", "a", {{"zone", "Europe/Prague"}})
      .run();
  EXPECT_THAT(errors(sim), ElementsAre("E2004 f c1 inline.flow:4: unknown time zone `Mars/Olympus` in `wait until`"));
  EXPECT_THAT(ends(sim),
              ElementsAre("f:c1:1 error at 2026-03-02T00:00:00Z", "f:c2:1 finished at 2026-03-02T09:00:00Z"));
  EXPECT_THAT(sends(sim), ElementsAre("2026-03-02T09:00:00Z c2 email x"));
}

TEST(customer_timezone, reads_the_attribute_and_is_null_without_it) {
  auto sim = simulation::from_source(R"(
policy { timezone "Europe/Prague" }
flow f {
  trigger a
  send email "x" { tz: customer.timezone, hour: local_hour(now), hour_in: local_hour(now, trigger.zone) }
}
)");
  sim.customer("ny", {{"timezone", "America/New_York"}})
      .event("2026-03-02T12:00:00Z", "ny", "a")
      .event("2026-03-02T12:00:00Z", "nobody", "a", {{"zone", "Asia/Tokyo"}})
      .run();
  ASSERT_EQ(sim.actions().size(), 2U);
  // A null zone argument falls back like `in`: the customer's zone, the policy's, UTC.
  EXPECT_EQ(params(sim.actions()[0]), "tz=\"America/New_York\" hour=7 hour_in=7");
  EXPECT_EQ(params(sim.actions()[1]), "tz=null hour=13 hour_in=21");
}

TEST(customer_timezone, an_unknown_zone_in_a_profile_is_refused) {
  auto sim = simulation::from_source("flow f {\n  trigger a\n}\n");
  EXPECT_THROW(sim.customer("c1", {{"timezone", "Nowhere/Special"}}), std::invalid_argument);
  // Names that depend on the machine are unknown zones too: `localtime` is
  // whatever /etc/localtime points at.
  for (const auto* name : {"localtime", "posixrules", "Factory", "/etc/localtime", "posix/Europe/Prague", "right/UTC",
                           "Europe/../Europe/Prague"}) {
    EXPECT_THROW(sim.customer("c1", {{"timezone", name}}), std::invalid_argument) << name;
  }
}

TEST(customer_timezone, the_empty_string_is_no_zone_everywhere) {
  // As in profiles, traits and tests: "" is like null. Before, a profile's
  // "" was refused silently and took the customer's other attributes with it.
  auto sim = simulation::from_source(R"(
policy { timezone "Europe/Prague" }
flow f {
  trigger a
  send email "x" { tz: customer.timezone, tier: customer.tier, hour: local_hour(now), hour_in: local_hour(now, "") }
  set customer.timezone = trigger.zone
  wait until 10:00 in trigger.zone
  send email "y" { tz: customer.timezone, hour: local_hour(now) }
}
)");
  sim.customer("c1", {{"timezone", "America/New_York"}})
      .customer("c1", {{"timezone", ""}, {"tier", "gold"}})
      .event("2026-03-02T12:00:00Z", "c1", "a", {{"zone", ""}})
      .run();
  ASSERT_EQ(sim.actions().size(), 2U);
  // No zone: the policy's (Prague, UTC+1) applies, and the other attribute is kept.
  EXPECT_EQ(params(sim.actions()[0]), "tz=null tier=\"gold\" hour=13 hour_in=13");
  // `set customer.timezone = ""` clears it; `in ""` falls back like `in null`.
  EXPECT_EQ(grammar::format_timestamp(sim.actions()[1].time), "2026-03-03T09:00:00Z");
  EXPECT_EQ(params(sim.actions()[1]), "tz=null hour=10");
  EXPECT_TRUE(errors(sim).empty());
}

}  // namespace
}  // namespace afterflow::testing
