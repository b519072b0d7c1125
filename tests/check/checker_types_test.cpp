// Types: durations, times of day, comparisons, arithmetic, conditions,
// built-in calls.
#include <gtest/gtest.h>

#include "tests/check/check_helpers.hpp"

namespace afterflow::check::test_support {
namespace {

using strings = std::vector<std::string>;

TEST(types, wait_needs_a_duration) {
  const auto run = check_with_ecommerce(R"(
flow f {
  trigger order_placed
  wait 3
  send email "x"
}
)");
  EXPECT_EQ(run.rendered(),
            "error[E0401]: expected a duration, found `number`\n"
            " --> main.flow:5:8\n"
            "  |\n"
            "5 |   wait 3\n"
            "  |        ^\n"
            "  = help: write a duration such as `3d`\n"
            "\n"
            "error: 1 error emitted\n");
}

TEST(types, durations_elsewhere) {
  const auto run = check_with_ecommerce(R"(
segment recent = exists(order_placed, within: 5)
flow f {
  trigger order_placed where recent
  reentry after 30
  wait trigger.total
  wait for order_paid within 0s
  send email "x"
}
)");
  EXPECT_EQ(run.summary(),
            (strings{"E0401 expected a duration, found `number`", "E0401 expected a duration, found `number`",
                     "E0401 expected a duration, found `number`",
                     "E0503 `wait for ... within` needs a positive duration, found `0s`"}));
  EXPECT_EQ(run.diagnostics.items()[2].help, "multiply the number by a unit to get a duration, such as `n * 1d`");
}

TEST(types, wait_until_needs_a_time_of_day) {
  const auto run = check_with_ecommerce(R"(
flow f {
  trigger order_placed
  wait until 3d
  wait until 10:00 on fri..mon in 42
  send email "x"
}
)");
  EXPECT_EQ(run.summary(),
            (strings{"E0402 expected a time of day, found `duration`", "E0507 the day range `fri..mon` runs backwards",
                     "E0400 expected `string`, found `number`"}));
  EXPECT_EQ(run.diagnostics.items()[0].help, "write a time of day such as `10:00`");
}

TEST(types, comparisons_and_arithmetic) {
  const auto run = check_with_ecommerce(R"(
flow f {
  trigger order_placed
  when trigger.currency == 3
  when trigger.total + "1" > 2
  when true + false
  when trigger.total in "abc"
  when trigger.time > 3d
  send email "x" { when: trigger.time + 1d, gap: now - trigger.time, half: 1d / 2, ratio: 1d / 1h }
}
)");
  EXPECT_EQ(
      run.summary(),
      (strings{"E0403 cannot compare `string` with `number`", "E0404 cannot apply `+` to `number` and `string`",
               "E0404 cannot apply `+` to `bool` and `bool`", "E0405 `in` needs a list on its right, found `string`",
               "E0403 cannot compare `time` with `duration`"}));
}

TEST(types, conditions_must_be_bool) {
  const auto run = check_with_ecommerce(R"(
segment s = count(order_placed)
flow f {
  trigger order_placed where event.total
  when s
  when last(order_paid)
  if trigger.category { send email "x" }
  if not trigger.total { send email "y" }
}
)");
  EXPECT_EQ(
      run.summary(),
      (strings{"E0408 expected a `bool` condition, found `number`", "E0408 expected a `bool` condition, found `number`",
               "E0408 expected a `bool` condition, found `event order_paid`",
               "E0408 expected a `bool` condition, found `string`", "E0400 `not` expects a `bool`, found `number`"}));
  EXPECT_EQ(run.diagnostics.items()[2].help, "to test whether there is one, use `exists(order_paid)`");
}

TEST(types, null_and_any_are_accepted) {
  const auto run = check_with_ecommerce(R"(
flow f {
  trigger order_placed
  when customer.vip == true and customer.tier != null and not customer.wholesale
  when last(order_returned) == null and trigger.coupon != null
  if customer.score > 3 and customer.name + "x" == "ax" { send email "x" }
}
)");
  EXPECT_TRUE(run.diagnostics.empty()) << run.rendered();
}

TEST(types, builtin_argument_counts_and_types) {
  const auto run = check_with_ecommerce(R"(
flow f {
  trigger order_placed
  when lower(trigger.total) == "x"
  when starts_with(trigger.order_id) and round(1, 2, 3) > 0
  when coalesce(trigger.coupon, 3) == "x"
  when days_since(trigger.total) > 3
  when has(trigger) and has_tag("vip" where true)
  send email "x"
}
)");
  EXPECT_EQ(run.summary(), (strings{"E0407 `lower` expects `string` for `s`, found `number`",
                                    "E0406 `starts_with` takes 2 arguments, but 1 was given",
                                    "E0406 `round` takes 1 to 2 arguments, but 3 were given",
                                    "E0407 the arguments of `coalesce` must have one type, found `string` and "
                                    "`number`",
                                    "E0407 `days_since` expects `time` for `t`, found `number`",
                                    "E0412 `has` needs a property or an attribute, such as `has(customer.email)`",
                                    "E0409 `has_tag` does not take a `where` filter"}));
  EXPECT_EQ(run.diagnostics.items()[0].help, "the signature is `lower(s: string) -> string`");
}

TEST(types, aggregate_subjects) {
  const auto run = check_with_ecommerce(R"(
flow f {
  trigger order_placed
  when count(order_placed.total) > 1
  when sum(order_placed) > 1
  when sum(order_placed.currency) > 1
  when avg(order_placed.totl) > 1
  when count() > 1
  when count(order_placed, 3d) > 1
  when count(order_placed, within: 3d, within: 4d) > 1
  when exists(order_placed, inside: 3d)
  when exists(order_placed, within: customer.window)
  send email "x"
}
)");
  EXPECT_EQ(run.summary(), (strings{"E0410 `count` expects an event name, such as `count(order_placed)`",
                                    "E0410 `sum` expects an event property, such as `sum(order_placed.total)`",
                                    "E0411 `sum` needs a number property, but `order_placed.currency` is `string`",
                                    "E0202 unknown property `totl` on event `order_placed`",
                                    "E0406 `count` needs an event name as its first argument",
                                    "E0406 `count` takes one event name and named arguments, but 2 positional "
                                    "arguments were given",
                                    "E0310 `within` is given twice", "E0215 `exists` has no argument named `inside`",
                                    "E0505 `within:` must be a constant"}));
  EXPECT_EQ(run.diagnostics.items()[0].help, "`count` works on whole events: write `count(order_placed)`");
  EXPECT_EQ(run.diagnostics.items()[1].help, "name the property to add up: `sum(order_placed.<property>)`");
}

TEST(types, send_parameters_are_plain_values) {
  const auto run = check_with_ecommerce(R"(
flow f {
  trigger order_placed
  send email "x" { order: trigger, who: customer, id: trigger.order_id, twice: 1, twice: 2 }
  set customer.last_order = trigger
}
)");
  EXPECT_EQ(run.summary(), (strings{"E0400 a send parameter must be a plain value, found `event order_placed`",
                                    "E0400 a send parameter must be a plain value, found `customer`",
                                    "E0305 the parameter `twice` is given twice",
                                    "E0400 a customer attribute must be a plain value, found `event order_placed`"}));
}

TEST(types, constant_folding_errors) {
  const auto run = check_source(
      "const a = 1 / 0\nconst b = 3d * 1000000000000000000\nconst c = [a, b]\n"
      "flow f { trigger x send email \"x\" { c: c } }\n");
  EXPECT_EQ(run.summary(),
            (strings{"E0506 division by zero", "E0506 the result is out of range", "W0100 event `x` is not declared"}));
}

}  // namespace
}  // namespace afterflow::check::test_support
