// docs/semantics.md §10: aggregates over a customer's history, evaluated at
// the moment of use, with the current event already included; segments.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/runtime/sim_support.hpp"

namespace afterflow::testing {
namespace {

using ::testing::ElementsAre;

TEST(history, the_current_event_is_counted_by_its_own_trigger_and_filters) {
  auto sim = simulation::from_source(R"(
flow second_order {
  trigger o where count(o) == 2
  send email "second"
}
flow second_order_when {
  trigger o
  when count(o) == 2
  send email "second_when"
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "o")
      .event("2026-03-03T09:00:00Z", "c1", "o")
      .event("2026-03-04T09:00:00Z", "c1", "o")
      .run();
  EXPECT_THAT(sends(sim),
              ElementsAre("2026-03-03T09:00:00Z c1 email second", "2026-03-03T09:00:00Z c1 email second_when"));
}

constexpr std::string_view probe = R"(
flow probe {
  trigger p
  reentry always
  send email "probe" { n: count(o, within: 1d), any: exists(o, within: 1d) }
}
)";

TEST(history, within_is_the_interval_now_minus_d_exclusive_to_now_inclusive) {
  auto sim = simulation::from_source(probe);
  sim.event("2026-03-02T09:00:00Z", "c1", "o")
      .event("2026-03-02T09:00:00Z", "c1", "p")
      .event("2026-03-03T08:59:59.999999Z", "c1", "p")
      .event("2026-03-03T09:00:00Z", "c1", "p")
      .run();
  ASSERT_EQ(sim.actions().size(), 3U);
  EXPECT_EQ(params(sim.actions()[0]), "n=1 any=true");
  EXPECT_EQ(params(sim.actions()[1]), "n=1 any=true");
  EXPECT_EQ(params(sim.actions()[2]), "n=0 any=false");
}

constexpr std::string_view all_aggregates = R"(
flow probe {
  trigger p
  reentry always
  send email "probe" {
    n: count(o), big: count(o where event.total > 15), some: exists(o), huge: exists(o where event.total > 100),
    sum: sum(o.total), avg: avg(o.total), min: min(o.total), max: max(o.total),
    first: first(o).total, last: last(o).total, last_big: last(o where event.total < 20).total,
    sum7: sum(o.total, within: 7d), avg7: avg(o.total, within: 7d), min7: min(o.total, within: 7d),
    max7: max(o.total, within: 7d)
  }
}
)";

TEST(history, every_aggregate_with_filters_windows_and_skipped_nulls) {
  auto sim = simulation::from_source(all_aggregates);
  sim.event("2026-03-01T09:00:00Z", "c1", "o", {{"total", 10}})
      .event("2026-03-02T09:00:00Z", "c1", "o")                     // no total: counted, not summed
      .event("2026-03-03T09:00:00Z", "c1", "o", {{"total", "12"}})  // not a number: counted, not summed
      .event("2026-03-08T09:00:00Z", "c1", "o", {{"total", 30}})
      .event("2026-03-10T09:00:00Z", "c1", "o", {{"total", 20}})
      .event("2026-03-10T10:00:00Z", "c1", "p")
      .event("2026-03-10T10:00:00Z", "c2", "p")
      .run();
  ASSERT_EQ(sim.actions().size(), 2U);
  EXPECT_EQ(params(sim.actions()[0]),
            "n=5 big=2 some=true huge=false sum=60 avg=20 min=10 max=30 first=10 last=20 last_big=10 "
            "sum7=50 avg7=25 min7=20 max7=30");
  EXPECT_EQ(params(sim.actions()[1]),
            "n=0 big=0 some=false huge=false sum=null avg=null min=null max=null first=null last=null "
            "last_big=null sum7=null avg7=null min7=null max7=null");
}

TEST(history, first_and_last_with_a_window) {
  auto sim = simulation::from_source(R"(
flow probe {
  trigger p
  send email "probe" { first: first(o, within: 2d).n, last: last(o, within: 1h).n, last_day: last(o, within: 1d).n }
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "o", {{"n", 1}})
      .event("2026-03-03T09:00:00Z", "c1", "o", {{"n", 2}})
      .event("2026-03-04T09:00:00Z", "c1", "o", {{"n", 3}})
      .event("2026-03-04T10:00:00Z", "c1", "p")
      .run();
  ASSERT_EQ(sim.actions().size(), 1U);
  EXPECT_EQ(params(sim.actions()[0]), "first=2 last=null last_day=3");
}

TEST(history, aggregates_are_evaluated_at_the_moment_of_use) {
  auto sim = simulation::from_source(R"(
flow probe {
  trigger p
  send email "at_start" { n: count(o, within: 1d) }
  wait 2d
  send email "later" { n: count(o, within: 1d), all: count(o) }
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "o")
      .event("2026-03-02T09:00:00Z", "c1", "p")
      .event("2026-03-03T21:00:00Z", "c1", "o")
      .run();
  ASSERT_EQ(sim.actions().size(), 2U);
  EXPECT_EQ(params(sim.actions()[0]), "n=1");
  EXPECT_EQ(params(sim.actions()[1]), "n=1 all=2");
}

TEST(history, a_filter_may_read_the_trigger_the_customer_and_now) {
  auto sim = simulation::from_source(R"(
flow delivered {
  trigger d
  reentry always
  send email "probe" {
    returned: exists(ret where event.order == trigger.order),
    last_total: last(o where event.order == trigger.order).total,
    above: count(o where event.total > customer.threshold),
    recent: count(o where event.time > now - 1d)
  }
}
)");
  sim.customer("c1", {{"threshold", 15}})
      .event("2026-03-01T09:00:00Z", "c1", "o", {{"order", "o1"}, {"total", 10}})
      .event("2026-03-02T09:00:00Z", "c1", "o", {{"order", "o2"}, {"total", 20}})
      .event("2026-03-02T10:00:00Z", "c1", "ret", {{"order", "o1"}})
      .event("2026-03-02T11:00:00Z", "c1", "d", {{"order", "o1"}})
      .event("2026-03-02T11:00:00Z", "c1", "d", {{"order", "o2"}})
      .run();
  ASSERT_EQ(sim.actions().size(), 2U);
  EXPECT_EQ(params(sim.actions()[0]), "returned=true last_total=10 above=1 recent=1");
  EXPECT_EQ(params(sim.actions()[1]), "returned=false last_total=20 above=1 recent=1");
}

TEST(history, a_filter_reading_a_binding_sees_the_received_event) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  wait for r as review within 7d
  send email "probe" { orders: count(o where event.sku == review.sku) }
}
)");
  sim.event("2026-03-01T09:00:00Z", "c1", "o", {{"sku", "s1"}})
      .event("2026-03-01T09:00:00Z", "c1", "o", {{"sku", "s2"}})
      .event("2026-03-01T09:00:00Z", "c1", "o", {{"sku", "s1"}})
      .event("2026-03-02T09:00:00Z", "c1", "a")
      .event("2026-03-03T09:00:00Z", "c1", "r", {{"sku", "s1"}})
      .run();
  ASSERT_EQ(sim.actions().size(), 1U);
  EXPECT_EQ(params(sim.actions()[0]), "orders=2");
}

TEST(segments, hold_over_history_up_to_now) {
  auto sim = simulation::from_source(R"(
segment repeat_buyer = count(o) >= 2
segment big_spender = sum(o.total, within: 365d) >= 100
segment loyal = repeat_buyer and big_spender
flow thanks {
  trigger o where repeat_buyer
  send email "thanks_again" { loyal: loyal }
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "o", {{"total", 60}});
  EXPECT_FALSE(sim.in_segment("c1", "repeat_buyer"));
  EXPECT_FALSE(sim.in_segment("c1", "big_spender"));
  sim.event("2026-06-02T09:00:00Z", "c1", "o", {{"total", 60}});
  EXPECT_TRUE(sim.in_segment("c1", "loyal"));
  sim.advance_to("2027-03-02T09:00:00Z");  // the first order left the 365-day window
  EXPECT_TRUE(sim.in_segment("c1", "repeat_buyer"));
  EXPECT_FALSE(sim.in_segment("c1", "big_spender"));
  EXPECT_FALSE(sim.in_segment("nobody", "repeat_buyer"));
  EXPECT_THROW((void)sim.in_segment("c1", "no_such_segment"), std::invalid_argument);
  sim.run();
  EXPECT_THAT(sends(sim), ElementsAre("2026-06-02T09:00:00Z c1 email thanks_again"));
  EXPECT_EQ(params(sim.actions()[0]), "loyal=true");
}

}  // namespace
}  // namespace afterflow::testing
