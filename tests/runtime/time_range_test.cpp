// docs/semantics.md §15: times run from 0001-01-01 to 9999-12-31. A wait
// that would end later is a run-time error (E2008), a computed time beyond
// the range is null, and a duration that overflows says so (E2003): nothing
// wraps and nothing writes a 5-digit year.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/runtime/sim_support.hpp"

namespace afterflow::testing {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;
using ::testing::Pair;

constexpr std::string_view wait_n_days = R"(
flow f {
  trigger a
  reentry always
  wait trigger.n * 1d
  send email "after"
}
)";

TEST(time_range, a_wait_ending_on_the_last_day_is_kept) {
  auto sim = simulation::from_source(wait_n_days);
  sim.event("9999-12-30T00:00:00Z", "c1", "a", {{"n", 1}}).run();
  EXPECT_THAT(sends(sim), ElementsAre("9999-12-31T00:00:00Z c1 email after"));
  EXPECT_THAT(errors(sim), IsEmpty());
}

TEST(time_range, a_wait_ending_after_9999_is_a_runtime_error) {
  auto sim = simulation::from_source(wait_n_days);
  sim.event("9999-12-30T00:00:00Z", "c1", "a", {{"n", 2}}).run();
  EXPECT_THAT(sends(sim), IsEmpty());
  EXPECT_THAT(errors(sim), ElementsAre("E2008 f c1 inline.flow:5: `wait` of `trigger.n * 1d` (2d) would end after "
                                       "9999-12-31T23:59:59.999999Z, the last time afterflow represents"));
  EXPECT_THAT(sim.stats("f").ended, ElementsAre(Pair("error", 1U)));
}

TEST(time_range, a_computed_duration_longer_than_time_is_a_runtime_error_not_a_wrap) {
  // 9e12 days is 7.8e23 microseconds: out of range; 1e8 days fits in the
  // 64-bit count but is longer than the span of representable times.
  auto sim = simulation::from_source(wait_n_days);
  sim.event("2026-03-02T00:00:00Z", "c1", "a", {{"n", 9e12}})
      .event("2026-03-02T00:00:00Z", "c2", "a", {{"n", 1e8}})
      .event("2026-03-02T00:00:00Z", "c3", "a", {{"n", 1e300}})
      .run();
  EXPECT_THAT(sends(sim), IsEmpty());
  EXPECT_THAT(errors(sim),
              ElementsAre("E2003 f c1 inline.flow:5: `wait` needs a duration, but computing `trigger.n * 1d` failed: "
                          "the result is out of range",
                          "E2008 f c2 inline.flow:5: `wait` of `trigger.n * 1d` (100000000d) would end after "
                          "9999-12-31T23:59:59.999999Z, the last time afterflow represents",
                          "E2003 f c3 inline.flow:5: `wait` needs a duration, but computing `trigger.n * 1d` failed: "
                          "the result is out of range"));
}

TEST(time_range, a_null_duration_without_a_computation_problem_still_says_null) {
  auto sim = simulation::from_source(wait_n_days);
  sim.event("2026-03-02T00:00:00Z", "c1", "a").run();
  EXPECT_THAT(errors(sim),
              ElementsAre("E2003 f c1 inline.flow:5: `wait` needs a duration, but `trigger.n * 1d` is null"));
}

TEST(time_range, wait_for_within_is_bounded_the_same_way) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  wait for b within trigger.n * 1h
  send email "after"
}
)");
  sim.event("9999-12-31T22:00:00Z", "c1", "a", {{"n", 3}}).run();
  EXPECT_THAT(errors(sim),
              ElementsAre("E2008 f c1 inline.flow:4: `wait for … within` of `trigger.n * 1h` (3h) would end after "
                          "9999-12-31T23:59:59.999999Z, the last time afterflow represents"));
}

TEST(time_range, wait_until_past_the_last_day_is_a_runtime_error) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  wait until 10:00
  send email "ten"
}
)");
  sim.event("9999-12-31T09:00:00Z", "c1", "a").event("9999-12-31T12:00:00Z", "c2", "a").run();
  EXPECT_THAT(sends(sim), ElementsAre("9999-12-31T10:00:00Z c1 email ten"));
  EXPECT_THAT(errors(sim), ElementsAre("E2008 f c2 inline.flow:4: `wait until 10:00` would end after "
                                       "9999-12-31T23:59:59.999999Z, the last time afterflow represents"));
}

TEST(time_range, a_quiet_hours_deferral_past_the_last_day_is_a_runtime_error) {
  auto sim = simulation::from_source(R"(
policy { quiet_hours 21:00 to 08:00 }
flow f {
  trigger a
  send email "x"
  send email "never"
}
)");
  sim.event("9999-12-31T22:00:00Z", "c1", "a").run();
  EXPECT_THAT(sends(sim), IsEmpty());
  EXPECT_THAT(errors(sim), ElementsAre("E2008 f c1 inline.flow:5: a send deferred by quiet hours would end after "
                                       "9999-12-31T23:59:59.999999Z, the last time afterflow represents"));
  EXPECT_THAT(sim.stats("f").ended, ElementsAre(Pair("error", 1U)));
}

TEST(time_range, time_arithmetic_beyond_9999_is_null) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  send email "t" { later: now + 400d, fine: now + 1d, earlier: now - 1000000w }
}
)");
  sim.event("9999-06-01T00:00:00Z", "c1", "a").run();
  ASSERT_EQ(sim.actions().size(), 1U);
  EXPECT_EQ(params(sim.actions()[0]), "later=null fine=9999-06-02T00:00:00Z earlier=null");
}

}  // namespace
}  // namespace afterflow::testing
