// Name resolution: unknown names, "did you mean", scopes of `event`,
// `trigger` and `as` bindings, reserved and ambiguous names.
#include <gtest/gtest.h>

#include "tests/check/check_helpers.hpp"

namespace afterflow::check::test_support {

using grammar::severity;

namespace {

using strings = std::vector<std::string>;

TEST(names, unknown_segment_suggests_a_close_one) {
  const auto run = check_with_ecommerce(R"(
segment big_spender = sum(order_placed.total) > 500
flow f {
  trigger order_placed
  when big_spendr
  when big_spender
  send email "x"
}
)");
  EXPECT_EQ(run.rendered(),
            "error[E0200]: unknown name `big_spendr`\n"
            " --> main.flow:6:8\n"
            "  |\n"
            "6 |   when big_spendr\n"
            "  |        ^^^^^^^^^^\n"
            "  = help: did you mean `big_spender`?\n"
            "\n"
            "error: 1 error emitted\n");
}

TEST(names, unknown_property_of_a_declared_event) {
  const auto run = check_with_ecommerce(R"(
flow f {
  trigger order_placed
  when trigger.totl > 100
  send email "x"
}
)");
  EXPECT_EQ(run.rendered(),
            "error[E0202]: unknown property `totl` on event `order_placed`\n"
            " --> main.flow:5:8\n"
            "  |\n"
            "5 |   when trigger.totl > 100\n"
            "  |        ^^^^^^^^^^^^\n"
            "  = help: did you mean `total`?\n"
            "\n"
            "error: 1 error emitted\n");
}

TEST(names, properties_of_undeclared_events_are_dynamic) {
  const auto run = check_source(R"(
flow f {
  trigger cart_abandoned where event.value > 20
  send email "x" { items: trigger.items }
}
)");
  EXPECT_EQ(run.summary(), strings{"W0100 event `cart_abandoned` is not declared"});
}

TEST(names, undeclared_event_suggests_a_declared_one) {
  const auto run = check_with_ecommerce(R"(
flow f {
  trigger order_plcaed
  exit on order_plcaed where event.x == 1
  send email "x"
}
)");
  ASSERT_EQ(run.summary(), strings{"W0100 event `order_plcaed` is not declared"});
  EXPECT_EQ(run.only().help, "did you mean `order_placed`?");
  EXPECT_EQ(run.only().level, severity::warning);
}

TEST(names, unknown_function_and_segment_called_like_one) {
  const auto run = check_with_ecommerce(R"(
segment vip = cont(order_placed) > 2
flow f {
  trigger order_placed
  when vip() or lowr("A") == "a" or vip
  send email "x"
}
)");
  EXPECT_EQ(run.summary(), (strings{"E0201 unknown function `cont`", "E0212 `vip` is a segment, not a function",
                                    "E0201 unknown function `lowr`"}));
  EXPECT_EQ(run.diagnostics.items()[0].help, "did you mean `count`?");
  EXPECT_EQ(run.diagnostics.items()[2].help, "did you mean `lower`?");
}

TEST(names, unknown_time_zone) {
  const auto run = check_with_ecommerce(R"(
policy { timezone "Europe/Prage" }
flow f {
  trigger order_placed
  wait until 10:00 in "America/New_Yrok"
  send email "x"
}
)");
  EXPECT_EQ(run.summary(),
            (strings{"E0205 unknown time zone `Europe/Prage`", "E0205 unknown time zone `America/New_Yrok`"}));
  EXPECT_EQ(run.diagnostics.items()[0].help, "did you mean `Europe/Prague`?");
  EXPECT_EQ(run.diagnostics.items()[1].help, "did you mean `America/New_York`?");
}

TEST(names, zone_names_that_depend_on_the_machine_are_unknown_and_empty_is_none) {
  // `localtime` resolves through /etc/localtime: the same flow would send at
  // other times on another machine.
  const auto run = check_with_ecommerce(R"(
flow f {
  trigger order_placed
  wait until 10:00 in "localtime"
  wait until 10:00 in "posix/Europe/Prague"
  wait until 10:00 in ""
  set customer.timezone = ""
  send email "x"
}
test "t" {
  customer c1 { timezone: "" }
  at 2026-01-01T00:00:00Z order_placed c1
}
)");
  EXPECT_EQ(run.summary(),
            (strings{"E0205 unknown time zone `localtime`", "E0205 unknown time zone `posix/Europe/Prague`"}));
}

TEST(names, time_zones_in_calls_sets_and_tests) {
  const auto run = check_with_ecommerce(R"(
flow f {
  trigger order_placed
  when local_hour(now, "Europe/Pragu") > 8 and weekday(now, customer.tz) == "mon"
  set customer.timezone = "Asia/Tokio"
  set customer.other = "Asia/Tokio"
}
test "t" {
  customer c1 { timezone: "Mars/Olympus" }
  at 2026-01-01T00:00:00Z order_placed c1
}
)");
  EXPECT_EQ(run.summary(), (strings{"E0205 unknown time zone `Europe/Pragu`", "E0205 unknown time zone `Asia/Tokio`",
                                    "E0205 unknown time zone `Mars/Olympus`"}));
  EXPECT_EQ(run.diagnostics.items()[1].help, "did you mean `Asia/Tokyo`?");
  EXPECT_EQ(run.diagnostics.items()[2].help, "time zones are IANA names such as `Europe/Prague` or `America/New_York`");
}

TEST(names, event_outside_a_where) {
  const auto run = check_with_ecommerce(R"(
segment s = event.total > 3
flow f {
  trigger order_placed where s
  send email "x" { total: event.total }
}
)");
  EXPECT_EQ(run.summary(), (strings{"E0209 `event` is only available inside a `where` condition",
                                    "E0209 `event` is only available inside a `where` condition"}));
  EXPECT_EQ(run.diagnostics.items()[1].help, "use `trigger` for the event that started the run");
}

TEST(names, event_inside_aggregate_filters) {
  const auto run = check_with_ecommerce(R"(
segment coffee_lover = count(order_placed where event.category == "coffee", within: 90d) >= 3
flow f {
  trigger order_delivered where event.total > 10 and coffee_lover
  exit on order_returned where event.order_id == trigger.order_id
  send email "x"
}
)");
  EXPECT_TRUE(run.diagnostics.empty()) << run.rendered();
}

TEST(names, trigger_in_its_own_where_and_in_segments) {
  const auto run = check_with_ecommerce(R"(
segment s = trigger.total > 3
flow f {
  trigger order_placed where trigger.total > 10 and s
  send email "x"
}
)");
  EXPECT_EQ(run.summary(), (strings{"E0210 `trigger` is not available in a segment",
                                    "E0210 `trigger` cannot be used in the trigger's own `where`"}));
  EXPECT_EQ(run.diagnostics.items()[1].help, "use `event` for the event being matched");
}

TEST(names, binding_scopes) {
  const auto run = check_with_ecommerce(R"(
flow f {
  trigger order_delivered
  if trigger.total > 10 {
    wait for review_submitted as review where review.score > 0 within 7d {
      send email "thanks" { score: review.score }
    } timeout {
      send email "late" { score: review.score }
    }
    send email "after" { score: review.score }
  } else {
    send email "sibling" { score: review.score }
  }
  send email "outside" { score: review.score }
}
)");
  EXPECT_EQ(run.summary(),
            (strings{"E0211 binding `review` is not in scope here", "E0211 binding `review` is not in scope here",
                     "E0211 binding `review` is not in scope here"}));
  EXPECT_EQ(run.diagnostics.items()[0].help,
            "no `review_submitted` arrived when the `timeout` block runs, so `review` has no value "
            "there");
  EXPECT_EQ(run.diagnostics.items()[1].help,
            "a binding is visible in its `where`, its block and the rest of the block that holds "
            "the `wait for`");
  const auto text = run.rendered();
  EXPECT_NE(text.find("note: `review` is bound here"), std::string::npos) << text;
}

TEST(names, reserved_names) {
  const auto run = check_with_ecommerce(R"(
segment now = true
const count = 3
flow f {
  trigger order_placed
  wait for order_paid as event within 1d
  send email "x"
}
)");
  EXPECT_EQ(run.summary(),
            (strings{"E0213 a segment cannot be called `now`", "E0213 a constant cannot be called `count`",
                     "E0213 a binding cannot be called `event`"}));
}

TEST(names, imported_names_and_ambiguity) {
  const auto run = check_files(
      {
          {"main.flow", R"(import "a.flow"
import "b.flow"
const local = 1
flow f {
  trigger x
  when shared > 0 and only_a > 0 and only_b > 0 and deep > 0 and local > 0
  send email "x"
}
)"},
          {"a.flow", "import \"c.flow\"\nconst shared = 1\nconst only_a = 2\n"},
          {"b.flow", "const shared = 1\nconst only_b = 2\n"},
          {"c.flow", "const deep = 1\n"},
      },
      {"main.flow"});
  EXPECT_EQ(run.summary(), (strings{"W0100 event `x` is not declared", "E0208 `shared` is ambiguous",
                                    "E0200 unknown name `deep`", "W0102 constant `deep` is never used"}));
}

TEST(names, own_declarations_shadow_imported_ones) {
  const auto run = check_files(
      {
          {"main.flow",
           "import \"a.flow\"\nconst x = \"text\"\nconst y = x + \"!\"\nsegment s = y == \"text!\"\n"
           "test \"t\" { customer c1\n expect c1 in s }\n"},
          {"a.flow", "const x = 1\nsegment unused_here = x > 0\n"},
      },
      {"main.flow"});
  EXPECT_EQ(run.summary(), (strings{"W0101 segment `unused_here` is never used"}));
}

TEST(names, event_names_are_not_values) {
  const auto run = check_with_ecommerce(R"(
flow f {
  trigger order_placed
  when order_paid or order_shipped.total > 3 or count > 1
  send email "x"
}
)");
  EXPECT_EQ(run.summary(), (strings{"E0207 `order_paid` is an event name, not a value",
                                    "E0207 `order_shipped` is an event name, not a value",
                                    "E0212 `count` is a function, not a value"}));
  EXPECT_EQ(run.diagnostics.items()[0].help, "use `exists(order_paid)`, `count(order_paid)` or `last(order_paid)`");
  EXPECT_EQ(run.diagnostics.items()[1].help, "to read the newest `order_shipped`, write `last(order_shipped).total`");
}

TEST(names, unknown_field_type) {
  const auto run = check_source("event e {\n  a: strng\n  b: money\n}\n");
  EXPECT_EQ(run.summary(), (strings{"E0206 unknown field type `strng`", "E0206 unknown field type `money`"}));
  EXPECT_EQ(run.diagnostics.items()[0].help, "did you mean `string`?");
  EXPECT_EQ(run.diagnostics.items()[1].help,
            "the field types are `string`, `number`, `bool`, `duration`, `time`, `time_of_day`, "
            "`list` and `any`");
}

}  // namespace
}  // namespace afterflow::check::test_support
