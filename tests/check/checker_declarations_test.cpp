// Declarations: duplicates, constants and segments (values, cycles),
// policy merging and conflicts, maps, unused declarations.
#include <algorithm>

#include <gtest/gtest.h>

#include "tests/check/check_helpers.hpp"

namespace afterflow::check::test_support {
namespace {

using strings = std::vector<std::string>;

TEST(declarations, duplicates) {
  const auto run = check_files(
      {
          {"main.flow", R"(import "other.flow"
event gift { a: string }
segment dup = true
const dup = 1
flow f { trigger gift send email "x" }
test "t" { customer c1 expect c1 in dup }
test "t" { customer c1 }
map "Gift" to gift
map "Gift" to gift
)"},
          {"other.flow",
           "event gift { b: string, b: number, time: time }\n"
           "flow f { trigger gift send email \"y\" }\n"},
      },
      {"main.flow"});
  EXPECT_EQ(
      run.summary(),
      (strings{"E0302 event `gift` is declared twice", "E0300 the name `dup` is defined twice in this file",
               "E0304 test \"t\" is defined twice in this file", "E0307 the external event \"Gift\" is mapped twice",
               "E0303 field `b` is declared twice in event `gift`", "E0309 every event already has a `time` property",
               "E0301 flow `f` is defined twice"}));
  const auto text = run.rendered();
  EXPECT_NE(text.find("error[E0302]: event `gift` is declared twice\n"
                      " --> main.flow:2:7\n"
                      "  |\n"
                      "2 | event gift { a: string }\n"
                      "  |       ^^^^\n"
                      "note: first declared here\n"
                      " --> other.flow:1:7\n"),
            std::string::npos)
      << text;
}

TEST(declarations, constants_must_be_constant) {
  const auto run = check_with_ecommerce(R"(
const a = 3d + 1d
const b = [a, "x", 2 * 3]
const c = now + a
const d = count(order_placed)
const e = customer.tier
segment s = true
const f = s
flow fl { trigger order_placed send email "x" { a: a, b: b, c: c, d: d, e: e, f: f } }
)");
  EXPECT_EQ(run.summary(), (strings{"E0500 the value of constant `c` must be a constant",
                                    "E0500 the value of constant `d` must be a constant",
                                    "E0500 the value of constant `e` must be a constant",
                                    "E0500 the value of constant `f` must be a constant"}));
  EXPECT_EQ(run.diagnostics.items()[0].source_span()->length(), 3U);
  const auto& constants = run.program.constants;
  ASSERT_EQ(constants.size(), 6U);
  EXPECT_EQ(to_source_text(*constants[0].value), "4d");
  EXPECT_EQ(to_source_text(*constants[1].value), "[4d, \"x\", 6]");
  EXPECT_EQ(constants[1].type.kind, stdlib::type_kind::list);
  EXPECT_FALSE(constants[2].value.has_value());
}

TEST(declarations, cycles_between_constants_and_segments) {
  const auto run = check_source(R"(
const a = b + 1
const b = c * 2
const c = a
segment x = y and true
segment y = not x
segment self = self
const user = a
test "t" { customer c1 expect c1 in x }
)");
  EXPECT_EQ(run.summary(), (strings{"E0501 constant `a` depends on itself", "E0502 segment `x` depends on itself",
                                    "E0502 segment `self` depends on itself", "W0102 constant `user` is never used"}));
  const auto text = run.rendered();
  EXPECT_NE(text.find("= note: the cycle is `a` -> `b` -> `c` -> `a`"), std::string::npos) << text;
  EXPECT_NE(text.find("= note: the cycle is `x` -> `y` -> `x`"), std::string::npos) << text;
  EXPECT_NE(text.find("= help: a constant must be computable from literals and earlier constants"), std::string::npos)
      << text;
  EXPECT_NE(text.find("= help: a segment cannot be defined in terms of itself"), std::string::npos) << text;
}

TEST(declarations, long_definition_chains_do_not_recurse) {
  // Declared in reverse order: each constant and segment names the next one.
  std::string text = "const c0 = c1 + 1\nsegment s0 = s1\n";
  constexpr int n = 3000;
  for (int i = 1; i < n; ++i) {
    text += "const c" + std::to_string(i) + " = c" + std::to_string(i + 1) + " + 1\n";
    text += "segment s" + std::to_string(i) + " = s" + std::to_string(i + 1) + "\n";
  }
  text += "const c" + std::to_string(n) + " = 0\nsegment s" + std::to_string(n) + " = true\n";
  text += "test \"t\" { customer x\n expect x in s0 }\nflow f { trigger e send email \"x\" { c: c0 } }\n";
  const auto run = check_source(text);
  EXPECT_EQ(run.summary(), (strings{"W0100 event `e` is not declared"}));
  EXPECT_EQ(to_source_text(*run.program.constants[0].value), "3000");
}

TEST(declarations, long_cycles_are_reported_once) {
  std::string text;
  constexpr int n = 500;
  for (int i = 0; i < n; ++i) {
    text += "const c" + std::to_string(i) + " = c" + std::to_string((i + 1) % n) + "\n";
    text += "segment s" + std::to_string(i) + " = s" + std::to_string((i + 1) % n) + "\n";
  }
  text += "test \"t\" { customer x\n expect x in s0 }\nflow f { trigger e send email \"x\" { c: c0 } }\n";
  const auto run = check_source(text);
  EXPECT_EQ(run.summary(), (strings{"E0501 constant `c64` depends on itself", "E0502 segment `s64` depends on itself",
                                    "W0100 event `e` is not declared"}));
  const auto rendered = run.rendered();
  EXPECT_NE(rendered.find("= note: the cycle runs through more than 64 constants"), std::string::npos) << rendered;
  EXPECT_NE(rendered.find("= note: the cycle runs through more than 64 segments"), std::string::npos) << rendered;
}

TEST(declarations, policy_merges_across_files) {
  const auto run = check_files(
      {
          {"main.flow", R"(import "policy.flow"
const night = 21:00
policy {
  timezone "Europe/Prague"
  quiet_hours night to 08:00
  limit email 2 per 1d
  limit email 5 per 7d
}
)"},
          {"policy.flow", R"(policy {
  timezone "Europe/Prague"
  quiet_hours 20:00 to 09:00 for sms, push
  limit sms 1 per 1d
}
)"},
      },
      {"main.flow"});
  EXPECT_TRUE(run.diagnostics.empty()) << run.rendered();
  const auto& p = run.program.policy;
  EXPECT_EQ(p.time_zone, "Europe/Prague");
  ASSERT_TRUE(p.quiet_hours.has_value());
  EXPECT_EQ(p.quiet_hours->from, 21 * 3600);
  EXPECT_EQ(p.quiet_hours->to, 8 * 3600);
  ASSERT_EQ(p.channel_quiet_hours.size(), 2U);
  EXPECT_EQ(p.channel_quiet_hours[0].channel, "sms");
  EXPECT_EQ(p.channel_quiet_hours[1].channel, "push");
  EXPECT_EQ(p.channel_quiet_hours[1].from, 20 * 3600);
  // Imported files first: policy.flow's limit, then main.flow's.
  ASSERT_EQ(p.limits.size(), 3U);
  EXPECT_EQ(p.limits[0].channel, "sms");
  EXPECT_EQ(p.limits[1].channel, "email");
  EXPECT_EQ(p.limits[1].count, 2);
  EXPECT_EQ(p.limits[1].window, std::chrono::days(1));
  EXPECT_EQ(p.limits[2].window, std::chrono::days(7));
}

TEST(declarations, policy_conflicts) {
  const auto run = check_files(
      {
          {"main.flow", R"(import "policy.flow"
policy {
  timezone "Europe/Berlin"
  quiet_hours 21:00 to 08:00 for email
  quiet_hours 22:00 to 22:00
  limit email 2 per 1d
  limit push 0 per 1d
  limit push 1 per 0s
  limit push 1 per 3
}
)"},
          {"policy.flow", R"(policy {
  timezone "Europe/Prague"
  quiet_hours 20:00 to 09:00 for email
  limit email 3 per 1d
}
)"},
      },
      {"main.flow"});
  EXPECT_EQ(run.summary(),
            (strings{"E0700 the policy time zone is set to both `Europe/Prague` and `Europe/Berlin`",
                     "E0702 quiet hours for `email` are set twice",
                     "E0703 quiet hours from `22:00` to `22:00` are empty", "E0701 `email` has two limits per `1d`",
                     "E0504 a frequency limit must be a positive whole number, found `0`",
                     "E0503 a frequency limit needs a positive duration, found `0s`",
                     "E0401 expected a duration, found `number`"}));
}

TEST(declarations, map_targets_follow_the_schema) {
  const auto run = check_with_ecommerce(R"(
map "Order Made" to order_placed { totl: amount, total: "order total", total: x }
map "Thing Happened" to thing_happened { a: b }
)");
  EXPECT_EQ(run.summary(),
            (strings{"E0202 unknown property `totl` on event `order_placed`",
                     "E0305 the property `total` is given twice", "W0100 event `thing_happened` is not declared"}));
  const auto& mappings = run.program.mappings;
  const auto it = std::find_if(mappings.begin(), mappings.end(),
                               [](const event_mapping& m) { return m.external_name == "Order Made"; });
  ASSERT_NE(it, mappings.end());
  const auto& m = *it;
  EXPECT_EQ(m.external_name, "Order Made");
  EXPECT_EQ(m.renames, (std::vector<std::pair<std::string, std::string>>{{"total", "order total"}}));
}

TEST(declarations, ecommerce_module_checks_clean) {
  const auto run = check_source("import \"ecommerce\"\n");
  EXPECT_TRUE(run.diagnostics.empty()) << run.rendered();
  const char* required[] = {"order_placed",         "order_paid",     "order_shipped",          "order_delivered",
                            "order_cancelled",      "order_returned", "refund_issued",          "review_submitted",
                            "nps_submitted",        "csat_submitted", "support_ticket_opened",  "support_ticket_closed",
                            "subscription_started", "trial_ending",   "subscription_cancelled", "back_in_stock",
                            "order_status_viewed",  "unsubscribed",   "profile_updated"};
  for (const auto* name : required) {
    EXPECT_NE(run.program.find_event(name), nullptr) << name;
  }
  for (const auto* order :
       {"order_placed", "order_paid", "order_shipped", "order_delivered", "order_cancelled", "order_returned"}) {
    const auto* e = run.program.find_event(order);
    for (const auto* field : {"order_id", "total", "currency", "category"}) {
      EXPECT_NE(e->field(field), nullptr) << order << "." << field;
    }
  }
  EXPECT_NE(run.program.find_event("review_submitted")->field("score"), nullptr);
  EXPECT_NE(run.program.find_event("csat_submitted")->field("score"), nullptr);
  EXPECT_FALSE(run.program.mappings.empty());
}

TEST(declarations, unused_declarations_warn_outside_stdlib_only) {
  const auto run = check_with_ecommerce(R"(
const used = 3d
const unused = 1
segment lonely = exists(order_placed)
flow f {
  trigger order_placed
  wait used
  wait for order_paid as paid within 1d
  send email "x"
}
)");
  EXPECT_EQ(run.summary(), (strings{"W0102 constant `unused` is never used", "W0101 segment `lonely` is never used",
                                    "W0103 binding `paid` is never used"}));
  EXPECT_EQ(run.diagnostics.items()[2].help, "remove `as paid`");
}

}  // namespace
}  // namespace afterflow::check::test_support
