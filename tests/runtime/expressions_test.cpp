// docs/language.md "Null", "Operators" and "Built-in functions", at run
// time: every operand comes from the trigger's data, so nothing is folded by
// the checker and the evaluator does the work.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "tests/runtime/sim_support.hpp"

namespace afterflow::testing {

using stdlib::builtins;

namespace {

struct expression_case {
  std::string_view expression;
  std::string_view expected;  ///< the value as `explain` writes it
};

// The trigger carries these; `missing` (and anything else) is absent. The
// event happens at 2026-03-02T09:00:00Z, a Monday.
const properties trigger_data = {
    {"s", "Hello Wörld"},
    {"n", 2.5},
    {"pi", 3.14159},
    {"neg", -3.7},
    {"zero", 0},
    {"flag", true},
    {"num_str", "42.5"},
    {"t", property_value::time("2026-03-01T09:30:00Z")},
    {"d", property_value::seconds(90'000)},  // 1d1h
    {"list", std::vector<property_value>{"a", "b"}},
};

std::string evaluate(std::string_view expression) {
  auto sim = simulation::from_source(fmt::format(R"(
flow probe {{
  trigger a
  send email "probe" {{ v: {} }}
}}
)",
                                                 expression));
  sim.event("2026-03-02T09:00:00Z", "c1", "a", trigger_data).run();
  if (sim.actions().size() != 1) return "<no action>";
  return params(sim.actions()[0]).substr(2);
}

// Test names show the expression.
void PrintTo(const expression_case& c, std::ostream* out) { *out << c.expression; }

class expressions : public ::testing::TestWithParam<expression_case> {};

TEST_P(expressions, evaluate_at_run_time) {
  const auto& c = GetParam();
  EXPECT_EQ(evaluate(c.expression), c.expected) << c.expression;
}

INSTANTIATE_TEST_SUITE_P(
    null_rules, expressions,
    ::testing::Values(
        // Comparisons with null are false, except `== null` / `!= null`.
        expression_case{"trigger.missing == \"US\"", "false"}, expression_case{"trigger.missing != \"US\"", "false"},
        expression_case{"trigger.missing == null", "true"}, expression_case{"trigger.missing != null", "false"},
        expression_case{"null == trigger.missing", "true"}, expression_case{"trigger.s != null", "true"},
        expression_case{"(trigger.s) == (null)", "false"}, expression_case{"trigger.missing < 1", "false"},
        expression_case{"trigger.missing >= 1", "false"}, expression_case{"trigger.missing in [\"US\"]", "false"},
        expression_case{"trigger.missing not in [\"US\"]", "false"}, expression_case{"\"a\" in trigger.list", "true"},
        expression_case{"\"c\" not in trigger.list", "true"}, expression_case{"\"a\" not in trigger.list", "false"},
        expression_case{"\"a\" in trigger.missing", "false"},
        // Logic treats null as false; `not null` is true.
        expression_case{"not trigger.missing", "true"}, expression_case{"trigger.missing and trigger.flag", "false"},
        expression_case{"trigger.missing or trigger.flag", "true"},
        expression_case{"trigger.missing or not trigger.flag", "false"},
        expression_case{"not (trigger.missing == 1)", "true"},
        // Arithmetic with null is null.
        expression_case{"trigger.missing + 1", "null"}, expression_case{"-trigger.missing", "null"},
        expression_case{"trigger.missing * 1d", "null"}, expression_case{"trigger.missing.deeper", "null"},
        // `any` values of the wrong kind: unequal, unordered, null arithmetic.
        expression_case{"trigger.s == 1", "false"}, expression_case{"trigger.s != 1", "true"},
        expression_case{"trigger.s < 1", "false"}, expression_case{"trigger.s + 1", "null"},
        expression_case{"trigger.list == [\"a\", \"b\"]", "true"}));

INSTANTIATE_TEST_SUITE_P(
    arithmetic, expressions,
    ::testing::Values(expression_case{"trigger.n + 1", "3.5"}, expression_case{"trigger.n - 1", "1.5"},
                      expression_case{"trigger.n * 2", "5"}, expression_case{"trigger.n / 2", "1.25"},
                      expression_case{"trigger.n / trigger.zero", "null"}, expression_case{"trigger.n % 2", "0.5"},
                      expression_case{"-trigger.n % 2", "-0.5"}, expression_case{"trigger.n % trigger.zero", "null"},
                      expression_case{"trigger.s + \"!\"", "\"Hello Wörld!\""},
                      expression_case{"trigger.d + 1h", "1d2h"}, expression_case{"trigger.d - 2d", "-23h"},
                      expression_case{"-trigger.d", "-1d1h"}, expression_case{"trigger.d * 2", "2d2h"},
                      expression_case{"2 * trigger.d", "2d2h"}, expression_case{"trigger.d * 1.5", "1d13h30m"},
                      expression_case{"trigger.d / 2", "12h30m"}, expression_case{"trigger.d / 7", "3h34m17.142857s"},
                      expression_case{"trigger.d / 1h", "25"}, expression_case{"trigger.d / trigger.zero", "null"},
                      expression_case{"trigger.d > 1d", "true"},
                      expression_case{"trigger.t + 1d", "2026-03-02T09:30:00Z"},
                      expression_case{"1d + trigger.t", "2026-03-02T09:30:00Z"},
                      expression_case{"trigger.t - 30m", "2026-03-01T09:00:00Z"},
                      expression_case{"now - trigger.t", "23h30m"}, expression_case{"trigger.t < now", "true"},
                      expression_case{"trigger.time == now", "true"}, expression_case{"trigger.customer", "\"c1\""}));

INSTANTIATE_TEST_SUITE_P(
    builtins, expressions,
    ::testing::Values(
        expression_case{"days_since(trigger.t)", "0"}, expression_case{"hours_since(trigger.t)", "23"},
        expression_case{"minutes_since(trigger.t)", "1410"}, expression_case{"days_since(trigger.t + 2d)", "-2"},
        expression_case{"days_since(trigger.missing)", "null"}, expression_case{"local_hour(trigger.t)", "9"},
        expression_case{"local_hour(trigger.t, \"Asia/Tokyo\")", "18"},
        expression_case{"local_hour(trigger.t, trigger.missing)", "9"},
        expression_case{"local_hour(trigger.t, trigger.s)", "null"},
        expression_case{"local_hour(trigger.missing)", "null"}, expression_case{"weekday(trigger.t)", "\"sun\""},
        expression_case{"weekday(trigger.t - 10h)", "\"sat\""},
        expression_case{"weekday(trigger.t - 10h, \"Asia/Tokyo\")", "\"sun\""},
        expression_case{"date_of(trigger.t - 10h)", "\"2026-02-28\""},
        expression_case{"date_of(trigger.t - 10h, \"Asia/Tokyo\")", "\"2026-03-01\""},
        expression_case{"lower(trigger.s)", "\"hello wörld\""}, expression_case{"upper(trigger.s)", "\"HELLO WöRLD\""},
        expression_case{"lower(trigger.missing)", "null"}, expression_case{"contains(trigger.s, \"llo\")", "true"},
        expression_case{"contains(trigger.list, \"b\")", "true"},
        expression_case{"contains(trigger.list, \"z\")", "false"},
        expression_case{"contains(trigger.missing, \"a\")", "null"},
        expression_case{"contains(trigger.s, trigger.missing)", "null"},
        expression_case{"starts_with(trigger.s, \"He\")", "true"},
        expression_case{"ends_with(trigger.s, \"x\")", "false"},
        expression_case{"ends_with(trigger.s, \"rld\")", "true"},
        expression_case{"starts_with(trigger.missing, \"a\")", "null"}, expression_case{"len(trigger.s)", "11"},
        expression_case{"len(trigger.list)", "2"}, expression_case{"len(trigger.missing)", "null"},
        expression_case{"to_string(trigger.n)", "\"2.5\""}, expression_case{"to_string(trigger.d)", "\"1d1h\""},
        expression_case{"to_string(trigger.t)", "\"2026-03-01T09:30:00Z\""},
        expression_case{"to_string(trigger.flag)", "\"true\""},
        expression_case{"to_string(trigger.s)", "\"Hello Wörld\""},
        expression_case{"to_string(trigger.missing)", "null"}, expression_case{"round(trigger.n)", "3"},
        expression_case{"round(-trigger.n)", "-3"}, expression_case{"round(trigger.pi, 2)", "3.14"},
        expression_case{"round(trigger.n, trigger.missing)", "null"}, expression_case{"floor(trigger.neg)", "-4"},
        expression_case{"ceil(trigger.neg)", "-3"}, expression_case{"abs(trigger.neg)", "3.7"},
        expression_case{"abs(trigger.missing)", "null"}, expression_case{"least(trigger.n, 1, trigger.missing)", "1"},
        expression_case{"greatest(trigger.n, 1, trigger.missing)", "2.5"},
        expression_case{"least(trigger.s, \"A\")", "\"A\""}, expression_case{"greatest(trigger.d, 1d)", "1d1h"},
        expression_case{"least(trigger.t, now)", "2026-03-01T09:30:00Z"},
        expression_case{"least(trigger.n, trigger.s)", "null"},
        expression_case{"least(trigger.missing, trigger.missing)", "null"},
        expression_case{"to_number(trigger.num_str)", "42.5"}, expression_case{"to_number(trigger.n)", "2.5"},
        expression_case{"to_number(trigger.s)", "null"}, expression_case{"to_number(trigger.missing)", "null"},
        expression_case{"coalesce(trigger.missing, trigger.s)", "\"Hello Wörld\""},
        expression_case{"coalesce(trigger.missing, trigger.other)", "null"}, expression_case{"has(trigger.s)", "true"},
        expression_case{"has(trigger.missing)", "false"}, expression_case{"has(customer.plan)", "false"},
        expression_case{"customer.id", "\"c1\""}));

}  // namespace
}  // namespace afterflow::testing

namespace afterflow::testing {
namespace {

// One meaning for each operator: an expression the checker folds (constant
// operands) gives what the evaluator computes for the same operands at run
// time (stdlib/operators.hpp serves both).
TEST(one_meaning, constant_and_run_time_operands_agree) {
  const properties data = {
      {"day", property_value::seconds(86'400)},
      {"seven", 7},
      {"two_days", property_value::seconds(2 * 86'400)},
      {"five_hours", property_value::seconds(5 * 3'600)},
      {"one_half", 1.5},
      {"hour", property_value::seconds(3'600)},
      {"b", "b"},
      {"ab", std::vector<property_value>{"a", "b"}},
      {"t1", property_value::time("2026-03-01T00:00:00Z")},
      {"t2", property_value::time("2026-02-28T12:00:00.5Z")},
      {"three_days", property_value::seconds(3 * 86'400)},
      {"x", "ab"},
      {"y", "c"},
  };
  const std::pair<std::string_view, std::string_view> pairs[] = {
      {"1d / 7", "trigger.day / trigger.seven"},
      {"1.5 * 1h", "trigger.one_half * trigger.hour"},
      {"\"b\" in [\"a\", \"b\"]", "trigger.b in trigger.ab"},
      {"2026-03-01T00:00:00Z - 2026-02-28T12:00:00.5Z", "trigger.t1 - trigger.t2"},
      {"-(3d)", "-trigger.three_days"},
      {"\"ab\" + \"c\"", "trigger.x + trigger.y"},
      {"1d < 2d", "trigger.day < trigger.two_days"},
  };
  for (const auto& [constant, dynamic] : pairs) {
    auto sim = simulation::from_source(fmt::format(R"(
flow probe {{
  trigger a
  send email "probe" {{ c: {}, r: {} }}
}}
)",
                                                   constant, dynamic));
    sim.event("2026-03-02T09:00:00Z", "c1", "a", data).run();
    ASSERT_EQ(sim.actions().size(), 1U) << constant;
    const auto& a = sim.actions()[0];
    const auto text = params(a);  // "c=<value> r=<value>"
    const auto space = text.find(" r=");
    ASSERT_NE(space, std::string::npos) << text;
    EXPECT_EQ(text.substr(2, space - 2), text.substr(space + 3)) << constant << " vs " << dynamic;
  }
}

}  // namespace
}  // namespace afterflow::testing
