// interpreter/testing/matchers.hpp: the matchers match by the runner's rules and
// explain mismatches in its words.
#include "interpreter/testing/matchers.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace {

using afterflow::testing::deferred;
using afterflow::testing::delivered;
using afterflow::testing::exited;
using afterflow::testing::reached_goal;
using afterflow::testing::sent;
using afterflow::testing::simulation;
using afterflow::testing::suppressed;
using ::testing::Contains;
using ::testing::DescribeMatcher;
using ::testing::ElementsAre;
using ::testing::ExplainMatchResult;
using ::testing::Not;
using ::testing::StringMatchResultListener;
using ::testing::UnorderedElementsAre;

constexpr const char* flows = R"(
event signed_up { plan: string }
event upgraded { plan: string }

policy {
  quiet_hours 21:00 to 08:00
  limit email 2 per 1d
}

flow onboarding "Welcome, guide, offer" {
  trigger signed_up
  goal upgraded
  send email "welcome" { plan: trigger.plan }
  send email "guide"
  send email "offer"
  wait 2d
  send email "nudge"
}
)";

simulation night_signup() {
  auto sim = simulation::from_source(flows);
  sim.event("2026-03-02T22:00:00Z", "c1", "signed_up", {{"plan", "pro"}}).run();
  return sim;
}

TEST(testing_helpers, sent_suppressed_and_deferred) {
  const auto sim = night_signup();
  EXPECT_THAT(delivered(sim),
              ElementsAre(deferred("email", "welcome").to("c1").at("2026-03-03T08:00:00Z").with({{"plan", "pro"}}),
                          sent("email", "guide").to("c1").at("2026-03-03T08:00:00Z"),
                          sent("email", "nudge").between("2026-03-05T00:00:00Z", "2026-03-05T23:59:59Z")));
  EXPECT_THAT(delivered(sim), UnorderedElementsAre(sent("email", "nudge"), sent("email", "guide"), deferred("email")));
  EXPECT_THAT(delivered(sim), Contains(sent("email")).Times(3));
  EXPECT_THAT(sim.actions(), Contains(suppressed("email", "offer").to("c1")));
  EXPECT_THAT(sim.actions(), Not(Contains(sent("sms"))));
  EXPECT_THAT(sim.run_ends(), Contains(exited("onboarding", "c1", "finished")));
}

TEST(testing_helpers, goal) {
  auto sim = simulation::from_source(flows);
  sim.event("2026-03-02T10:00:00Z", "c1", "signed_up", {{"plan", "pro"}})
      .event("2026-03-03T10:00:00Z", "c1", "upgraded", {{"plan", "max"}})
      .run();
  EXPECT_THAT(sim.run_ends(), ElementsAre(reached_goal("onboarding", "c1")));
  EXPECT_THAT(sim.run_ends(), Not(Contains(exited("onboarding", "c1", "finished"))));
}

TEST(testing_helpers, mismatches_are_explained_in_the_runners_words) {
  const auto sim = night_signup();
  const auto& welcome = sim.actions().front();
  StringMatchResultListener listener;
  EXPECT_FALSE(ExplainMatchResult(sent("email", "welcome").at("2026-03-03T07:00:00Z").with({{"plan", "basic"}}),
                                  welcome, &listener));
  EXPECT_EQ(listener.str(), "1h later; `plan` is \"pro\", not \"basic\"");
  EXPECT_EQ(DescribeMatcher<const afterflow::runtime::owned_action&>(
                sent("email", "welcome").to("c1").at("2026-03-03T08:00:00Z")),
            "is a delivered send email \"welcome\" to c1 at 2026-03-03T08:00:00Z");
  EXPECT_EQ(DescribeMatcher<const afterflow::runtime::owned_action&>(suppressed("email"), true),
            "is not a suppressed send email");
  EXPECT_EQ(::testing::PrintToString(welcome),
            "email \"welcome\" to c1 at 2026-03-03T08:00:00Z { plan: \"pro\" }, deferred from 2026-03-02T22:00:00Z");
}

TEST(testing_helpers, params_of_every_kind) {
  auto sim = simulation::from_source(R"(
event ordered { id: string }
flow f "Params of every kind" {
  trigger ordered
  send webhook "order" {
    id: trigger.id,
    total: 12.5,
    gift: false,
    note: null,
    at: trigger.time,
    after: 1d12h,
    items: [1, "two"],
  }
}
)");
  sim.event("2026-03-02T10:00:00Z", "c1", "ordered", {{"id", "o1"}}).run();
  using afterflow::testing::property_value;
  EXPECT_THAT(delivered(sim), ElementsAre(sent("webhook", "order")
                                              .with({{"id", "o1"},
                                                     {"total", 12.5},
                                                     {"gift", false},
                                                     {"note", nullptr},
                                                     {"missing", nullptr},
                                                     {"at", property_value::time("2026-03-02T10:00:00Z")},
                                                     {"after", property_value::seconds(129600)},
                                                     {"items", std::vector<property_value>{1, "two"}}})));
  EXPECT_THAT(delivered(sim), Not(Contains(sent("webhook").with({{"total", "12.5"}}))));
}

TEST(testing_helpers, a_malformed_time_is_a_usage_error) {
  EXPECT_THROW((void)sent("email").at("tomorrow"), std::invalid_argument);
}

}  // namespace
