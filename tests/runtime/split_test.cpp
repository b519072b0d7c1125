// docs/semantics.md §9: splits are a pure function of flow, split name and
// customer id. The hash is computed here independently of the simulator.
#include <cstdint>
#include <string_view>

#include <fmt/format.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "tests/runtime/sim_support.hpp"

namespace afterflow::testing {
namespace {

using ::testing::ElementsAre;

std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const unsigned char b : bytes) {
    h ^= b;
    h *= 0x100000001b3ULL;
  }
  return h;
}

std::uint64_t split_hash(std::string_view flow, std::string_view split, std::string_view customer) {
  return fnv1a(fmt::format("{}\x1f{}\x1f{}", flow, split, customer));
}

// The vectors documented in docs/semantics.md §9 and docs/language.md.
TEST(split_hash, documented_test_vectors) {
  EXPECT_EQ(fnv1a("a"), 0xaf63dc4c8601ec8cULL);
  EXPECT_EQ(split_hash("review_request", "reminder_incentive", "c1"), 0x88ae2111b1aee9d5ULL);
  EXPECT_EQ(split_hash("review_request", "reminder_incentive", "c1") % 10000, 4437U);
  EXPECT_EQ(split_hash("review_request", "incentive", "c1"), 0xc29f58d99427284aULL);
  EXPECT_EQ(split_hash("review_request", "incentive", "c1") % 10000, 5594U);
  EXPECT_EQ(split_hash("review_request", "#1", "c1"), 0x04670115c90ef851ULL);
  EXPECT_EQ(split_hash("review_request", "#1", "c1") % 10000, 1793U);
}

TEST(split, the_simulator_takes_the_documented_arms) {
  auto sim = simulation::from_source(R"(
flow review_request {
  trigger a
  split "reminder_incentive" {
    50% plain { }
    50% points { }
  }
  split "incentive" {
    50% a { }
    50% b { }
  }
  split {
    17.93% low { }
    82.07% high { }
  }
  send email "x"
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a").run();
  ASSERT_EQ(sim.actions().size(), 1U);
  // 4437 < 5000: plain; 5594 >= 5000: b; 1793 is not below 1793: high.
  EXPECT_EQ(splits(sim.actions()[0]), "reminder_incentive=plain incentive=b #1=high");
}

TEST(split, arms_follow_the_cumulative_buckets_for_every_customer) {
  auto sim = simulation::from_source(R"(
flow promo {
  trigger a
  split "offer" {
    10% none { send email "none" }
    25.5% small { send email "small" }
    64.5% big { send email "big" }
  }
}
)");
  for (int i = 0; i < 200; ++i) sim.event("2026-03-02T09:00:00Z", fmt::format("customer-{}", i), "a");
  sim.run();
  ASSERT_EQ(sim.actions().size(), 200U);
  int seen[3] = {0, 0, 0};
  for (int i = 0; i < 200; ++i) {
    const auto bucket = split_hash("promo", "offer", fmt::format("customer-{}", i)) % 10000;
    const int arm = bucket < 1000 ? 0 : (bucket < 3550 ? 1 : 2);
    ++seen[arm];
    const std::string_view names[] = {"none", "small", "big"};
    EXPECT_EQ(sim.actions()[static_cast<std::size_t>(i)].template_name, names[arm]) << "customer-" << i;
    EXPECT_EQ(splits(sim.actions()[static_cast<std::size_t>(i)]), fmt::format("offer={}", names[arm]));
  }
  // Every arm is exercised, so the comparison above means something.
  EXPECT_GT(seen[0], 0);
  EXPECT_GT(seen[1], 0);
  EXPECT_GT(seen[2], 0);
}

TEST(split, unnamed_splits_are_numbered_per_flow_in_source_order) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  split {
    50% x { }
    50% y { }
  }
  split {
    50% x { }
    50% y { }
  }
  send email "f"
}
flow g {
  trigger a
  split {
    100% only { }
  }
  send email "g"
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a").run();
  ASSERT_EQ(sim.actions().size(), 2U);
  const auto arm = [](std::string_view flow, std::string_view split) {
    return split_hash(flow, split, "c1") % 10000 < 5000 ? "x" : "y";
  };
  EXPECT_EQ(splits(sim.actions()[0]), fmt::format("#1={} #2={}", arm("f", "#1"), arm("f", "#2")));
  EXPECT_EQ(splits(sim.actions()[1]), "#1=only");
}

TEST(split, choices_are_recorded_on_every_later_action_of_the_run) {
  auto sim = simulation::from_source(R"(
flow f {
  trigger a
  send email "before"
  split "s" {
    100% all { send email "inside" }
  }
  wait 1d
  send email "after"
}
)");
  sim.event("2026-03-02T09:00:00Z", "c1", "a").run();
  ASSERT_EQ(sim.actions().size(), 3U);
  EXPECT_EQ(splits(sim.actions()[0]), "");
  EXPECT_EQ(splits(sim.actions()[1]), "s=all");
  EXPECT_EQ(splits(sim.actions()[2]), "s=all");
}

}  // namespace
}  // namespace afterflow::testing
