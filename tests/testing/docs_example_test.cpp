// The example of docs/testing.md, "Testing from C++", verbatim.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "interpreter/testing/matchers.hpp"

using afterflow::testing::delivered;
using afterflow::testing::exited;
using afterflow::testing::sent;
using afterflow::testing::simulation;
using ::testing::Contains;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

constexpr const char* review_flow = R"(
import "ecommerce"

flow review_request "Ask for a review three days after delivery" {
  trigger order_delivered
  exit on order_returned where event.order_id == trigger.order_id
  wait 3d
  send email "review_request" { order_id: trigger.order_id }
}
)";

TEST(review_request, asks_three_days_after_delivery) {
  auto sim = simulation::from_source(review_flow);
  sim.event("2026-03-01T09:00:00Z", "c1", "order_delivered", {{"order_id", "o1"}, {"total", 40}}).run();

  // Exactly this message, and nothing else.
  EXPECT_THAT(
      delivered(sim),
      ElementsAre(sent("email", "review_request").to("c1").at("2026-03-04T09:00:00Z").with({{"order_id", "o1"}})));
}

TEST(review_request, a_returned_order_is_not_asked) {
  auto sim = simulation::from_source(review_flow);
  sim.event("2026-03-01T09:00:00Z", "c1", "order_delivered", {{"order_id", "o1"}, {"total", 40}})
      .event("2026-03-02T09:00:00Z", "c1", "order_returned", {{"order_id", "o1"}})
      .run();

  EXPECT_THAT(delivered(sim), IsEmpty());
  EXPECT_THAT(sim.run_ends(), Contains(exited("review_request", "c1", "order_returned")));
}
