// Flows: clauses, splits, repeat, stop, emit, set.
#include <gtest/gtest.h>

#include "tests/check/check_helpers.hpp"

namespace afterflow::check::test_support {
namespace {

using strings = std::vector<std::string>;

TEST(flows, a_flow_needs_a_trigger) {
  const auto run = check_source("flow lonely {\n  send email \"x\"\n}\n");
  EXPECT_EQ(run.rendered(),
            "error[E0600]: flow `lonely` has no trigger\n"
            " --> main.flow:1:6\n"
            "  |\n"
            "1 | flow lonely {\n"
            "  |      ^^^^^^\n"
            "  = help: add a line such as `trigger order_placed` to say which event starts a run\n"
            "\n"
            "error: 1 error emitted\n");
}

TEST(flows, exit_on_the_trigger_event_is_allowed) {
  // A win-back flow restarts on every new order: the exit ends the old run,
  // the trigger starts a fresh one (docs/semantics.md).
  const auto run = check_with_ecommerce(R"(
flow winback {
  trigger order_placed
  exit on order_placed
  wait 90d
  send email "winback"
}
)");
  EXPECT_EQ(run.summary(), strings{});
}

TEST(flows, reentry_after_needs_a_positive_constant) {
  const auto run = check_with_ecommerce(R"(
flow a {
  trigger order_placed
  reentry after 0s
  send email "x"
}
flow b {
  trigger order_placed
  reentry after customer.cooldown * 1d
  send email "x"
}
)");
  EXPECT_EQ(run.summary(), (strings{"E0503 `reentry after` needs a positive duration, found `0s`",
                                    "E0500 `reentry after` must be a constant"}));
}

TEST(flows, constant_when_conditions_warn) {
  const auto run = check_with_ecommerce(R"(
const enabled = false
flow f {
  trigger order_placed
  when enabled
  when 1 < 2
  send email "x"
}
)");
  EXPECT_EQ(run.summary(),
            (strings{"W0104 this `when` condition is always false", "W0104 this `when` condition is always true"}));
}

TEST(flows, split_rules) {
  const auto run = check_with_ecommerce(R"(
flow f {
  trigger order_placed
  split "offer" {
    40% a { }
    50% b { }
  }
  split "offer" {
    0% a { }
    100% b { }
  }
  split {
    33.3% a { }
    33.3% b { }
    33.4% a { }
  }
}
)");
  EXPECT_EQ(run.summary(), (strings{"E0602 the arms of this split add up to 90%, not 100%",
                                    "E0308 split \"offer\" is defined twice in flow `f`",
                                    "E0603 a split arm needs a positive percentage, found `0%`",
                                    "E0306 the split arm `a` is defined twice"}));
  EXPECT_EQ(run.diagnostics.items()[0].source_span()->length(), 5U);
}

TEST(flows, split_tolerates_floating_error) {
  const auto run = check_with_ecommerce(R"(
flow f {
  trigger order_placed
  split { 33.33% a { } 33.33% b { } 33.34% c { } }
  split { 10.1% a { } 20.2% b { } 69.7% c { } }
}
)");
  EXPECT_TRUE(run.diagnostics.empty()) << run.rendered();
}

TEST(flows, repeat_must_wait_on_every_path) {
  const auto run = check_with_ecommerce(R"(
flow f {
  trigger order_placed
  repeat 3 times {
    if customer.vip { wait 1d } else { send email "x" }
  }
  repeat 3 times {
    if customer.vip { wait 1d } else { stop }
    send email "y"
  }
  repeat 2 times {
    split { 50% a { wait 1d } 50% b { wait for order_paid within 2d } }
  }
  repeat 0 times { wait 1d }
  repeat 2.5 times { wait 1d }
  repeat "x" times { wait 1d }
}
)");
  EXPECT_EQ(run.summary(), (strings{"E0604 the body of `repeat` does not wait on every path",
                                    "E0504 `repeat` needs a positive whole number of times, found `0`",
                                    "E0504 `repeat` needs a positive whole number of times, found `2.5`",
                                    "E0400 expected `number`, found `string`"}));
  EXPECT_TRUE(
      run.rendered().starts_with("error[E0604]: the body of `repeat` does not wait on every path\n"
                                 " --> main.flow:5:3\n"
                                 "  |\n"
                                 "5 |   repeat 3 times {\n"
                                 "  |   ^^^^^^ every round would run at the same instant\n"
                                 "  = help: add a `wait`, `wait until` or `wait for` that every path through the body "
                                 "passes\n\nerror[E0504]"))
      << run.rendered();
}

TEST(flows, steps_after_stop_are_unreachable) {
  const auto run = check_with_ecommerce(R"(
flow f {
  trigger order_placed
  if customer.vip {
    stop "vip"
    send email "never"
    send email "never either"
  }
  if customer.a { stop } else { stop }
  log "unreachable"
}
)");
  EXPECT_EQ(run.summary(), (strings{"E0605 unreachable step", "E0605 unreachable step"}));
  EXPECT_TRUE(
      run.rendered().starts_with("error[E0605]: unreachable step\n"
                                 " --> main.flow:7:5\n"
                                 "  |\n"
                                 "7 |     send email \"never\"\n"
                                 "  |     ^^^^^^^^^^^^^^^^^^\n"
                                 "note: the run stops here\n"
                                 " --> main.flow:6:5\n"
                                 "  |\n"
                                 "6 |     stop \"vip\"\n"
                                 "  |     ----------\n"
                                 "  = help: remove it, or move it before the `stop`\n\n"))
      << run.rendered();
}

TEST(flows, emit_follows_the_schema) {
  const auto run = check_with_ecommerce(R"(
event loyalty_joined {
  member_id: string
  tier?: string
  points: number
}
flow f {
  trigger order_placed
  emit loyalty_joined { member_id: trigger.order_id, tier: 3, bonus: 1 }
  emit loyalty_joined { member_id: "m", points: "100" }
  emit custom_event { anything: 1, anything: 2 }
}
)");
  EXPECT_EQ(run.summary(),
            (strings{"E0414 `emit loyalty_joined` is missing the field `points`",
                     "E0413 property `tier` of `loyalty_joined` is `string`, found `number`",
                     "E0202 unknown property `bonus` on event `loyalty_joined`",
                     "E0413 property `points` of `loyalty_joined` is `number`, found `string`",
                     "W0100 event `custom_event` is not declared", "E0305 the property `anything` is given twice"}));
}

TEST(flows, set_changes_customer_attributes_only) {
  const auto run = check_with_ecommerce(R"(
flow f {
  trigger order_placed
  set trigger.total = 3
  set customer.last_total = trigger.total
}
)");
  EXPECT_EQ(run.summary(), (strings{"E0415 cannot set `trigger.total`: only customer attributes can be set"}));
}

TEST(flows, keys_are_strings_or_numbers) {
  const auto run = check_with_ecommerce(R"(
flow f {
  trigger order_placed
  key trigger.total > 3
  send email "x"
}
)");
  EXPECT_EQ(run.summary(), (strings{"E0417 a flow key must be a `string` or a `number`, found `bool`"}));
}

TEST(flows, multiple_trigger_events) {
  const auto run = check_with_ecommerce(R"(
flow f {
  trigger order_placed
  trigger order_paid
  when trigger.total > 3 and trigger.coupon != null and trigger.payment_method != null
  when trigger.nothing == 1
  send email "x"
}
)");
  EXPECT_EQ(run.summary(), (strings{"E0202 unknown property `nothing` on the trigger events `order_placed` and "
                                    "`order_paid`"}));
}

}  // namespace
}  // namespace afterflow::check::test_support
