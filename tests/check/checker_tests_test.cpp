// `test` declarations.
#include <gtest/gtest.h>

#include "tests/check/check_helpers.hpp"

namespace afterflow::check::test_support {
namespace {

using strings = std::vector<std::string>;

constexpr std::string_view review_flow = R"(
segment vip = sum(order_placed.total) > 1000
flow review {
  trigger order_delivered
  exit on order_returned where event.order_id == trigger.order_id
  goal review_submitted
  wait 3d
  if customer.blocked { stop "blocked" }
  send email "review_request"
}
flow no_goal {
  trigger order_paid
  send email "thanks"
}
)";

TEST(tests, references_and_reasons) {
  const auto run = check_with_ecommerce(std::string(review_flow) + R"(
test "t" {
  customer c1 { timezone: "Europe/Prage" }
  at 2026-03-01T09:00:00Z order_delivered c1 { order_id: "o1", total: "150" }
  expect exit review for c1 reason order_returned
  expect exit review for c1 reason goal
  expect exit review for c1 reason finished
  expect exit review for c1 reason "blocked"
  expect exit review for c1 reason order_retrned
  expect exit review for c1 reason order_paid
  expect exit review for c1 reason "blokced"
  expect exit reveiw for c1 reason finished
  expect goal no_goal for c1
  expect c1 in vip
  expect c1 not in vp
  expect c9 in vip
}
)");
  EXPECT_EQ(run.summary(), (strings{"E0205 unknown time zone `Europe/Prage`",
                                    "E0413 property `total` of `order_delivered` is `number`, found `string`",
                                    "E0800 `order_retrned` is not an exit reason of flow `review`",
                                    "E0800 `order_paid` is not an exit reason of flow `review`",
                                    "E0800 flow `review` has no `stop \"blokced\"`", "E0203 unknown flow `reveiw`",
                                    "E0802 flow `no_goal` has no `goal`", "E0204 unknown segment `vp`",
                                    "W0106 customer `c9` does not appear in this test"}));
  EXPECT_EQ(run.diagnostics.items()[2].help, "did you mean `order_returned`?");
  EXPECT_EQ(run.diagnostics.items()[3].help,
            "a reason is an `exit on` event of the flow, `goal`, `finished`, or the quoted text "
            "of a `stop`");
  EXPECT_EQ(run.diagnostics.items()[4].help, "did you mean `blocked`?");
  EXPECT_EQ(run.diagnostics.items()[5].help, "did you mean `review`?");
  EXPECT_EQ(run.diagnostics.items()[1].help, "write the number without quotes");
}

TEST(tests, times_must_be_in_order_and_of_the_right_type) {
  const auto run = check_with_ecommerce(std::string(review_flow) + R"(
const back = -1d
test "t" {
  after 1d order_paid c1
  at 2026-03-02T09:00:00Z order_paid c1
  at 2026-03-01T09:00:00Z order_paid c1
  after 2 order_paid c1
  at 3d order_paid c1
  after back order_paid c1
  run until 2026-02-01T00:00:00Z
  expect send email to c1 between 2026-03-05T00:00:00Z and 2026-03-04T00:00:00Z
  expect count send email == 1.5
  expect send email to c1 with { total: customer.x }
}
)");
  EXPECT_EQ(
      run.summary(),
      (strings{
          "W0101 segment `vip` is never used", "E0801 `after` needs an earlier event to count from",
          "E0801 this event is earlier than the previous one", "E0401 expected a duration, found `number`",
          "E0416 expected a timestamp, found `duration`", "E0503 `after` needs a non-negative duration, found `-1d`",
          "E0801 `run until` is earlier than the previous event", "E0801 this time window ends before it starts",
          "E0504 an expected count must be a whole number, found `1.5`", "E0500 a test value must be a constant"}));
}

TEST(tests, flows_and_segments_must_be_visible) {
  const auto run = check_files(
      {
          {"main.flow", "import \"ecommerce\"\nimport \"flows.flow\"\n"},
          {"flows.flow",
           "import \"ecommerce\"\nsegment vip = true\nsegment uses_vip = vip\n"
           "flow receipt { trigger order_placed send email \"r\" }\n"},
          {"tests.flow",
           "import \"ecommerce\"\ntest \"t\" {\n  at 2026-01-01T00:00:00Z order_placed c1\n"
           "  expect exit receipt for c1 reason finished\n  expect c1 in vip\n}\n"},
      },
      {"main.flow", "tests.flow"});
  EXPECT_EQ(run.summary(),
            (strings{"W0101 segment `uses_vip` is never used", "E0216 flow `receipt` is not visible from this test",
                     "E0216 segment `vip` is not visible from this test"}));
  EXPECT_EQ(run.diagnostics.items()[1].help,
            "a test runs the flows of its file and its imports: add `import \"flows.flow\"`");
}

TEST(tests, resolved_items_are_recorded) {
  const auto run = check_with_ecommerce(std::string(review_flow) + R"(
test "t" {
  at 2026-03-01T09:00:00Z order_delivered c1 { order_id: "o1" }
  after 1d12h order_returned c1 { order_id: "o1" }
  run until 2026-03-10T00:00:00Z
  expect exit review for c1 reason order_returned
  expect c1 not in vip
}
)");
  ASSERT_TRUE(run.diagnostics.empty()) << run.rendered();
  ASSERT_EQ(run.program.tests.size(), 1U);
  const auto& t = run.program.tests[0];
  EXPECT_EQ(t.flows, (std::vector<flow_index>{0, 1}));
  ASSERT_EQ(t.items.size(), 5U);
  const auto base = grammar::instant_from_micros(1772355600LL * 1'000'000);  // 2026-03-01T09:00:00Z
  EXPECT_EQ(t.items[0].time, base);
  EXPECT_EQ(t.items[1].time, base + std::chrono::hours(36));
  EXPECT_EQ(t.items[3].flow, 0U);
  EXPECT_EQ(t.items[4].segment, 0U);
}

}  // namespace
}  // namespace afterflow::check::test_support
