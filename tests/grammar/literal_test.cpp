// Literal values: the functions of parse_literals.hpp on their own, and the
// values the parser stores for each literal form, boundaries included.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <variant>

#include "grammar/text/literals.hpp"
#include "tests/grammar/parse_test_support.hpp"

namespace afterflow::grammar {
namespace {

using parsing::literal_problem;

template <typename T>
std::string problem_of(const parsing::literal_result<T>& r) {
  if (const auto* p = std::get_if<literal_problem>(&r)) {
    return p->label + " @" + std::to_string(p->offset) + "+" + std::to_string(p->length);
  }
  return "no problem";
}

// The node of `const x = <text>`.
ast::expr_node literal_node(const std::string& text) {
  auto p = parse("const x = " + text);
  EXPECT_TRUE(p.diagnostics.empty()) << p.errors();
  if (p.tree.declarations.empty()) return ast::null_literal{};
  return std::move(std::get<ast::const_decl>(p.tree.declarations[0].node).value.node);
}

struct duration_case {
  const char* text;
  std::int64_t seconds;
};

TEST(literals, durations) {
  const duration_case cases[] = {
      {"0s", 0},      {"30s", 30},        {"15m", 900},      {"12h", 43200},
      {"3d", 259200}, {"2w", 1209600},    {"1d12h", 129600}, {"1w2d3h4m5s", 788645},
      {"90m", 5400},  {"365d", 31536000}, {"1h30m", 5400},   {"100000w", 60480000000},
  };
  for (const auto& c : cases) {
    const duration expected = std::chrono::seconds(c.seconds);
    EXPECT_EQ(std::get<duration>(parsing::duration_value(c.text)), expected) << c.text;
    const auto node = literal_node(c.text);
    const auto& d = std::get<ast::duration_literal>(node);
    EXPECT_EQ(d.value, expected) << c.text;
    EXPECT_EQ(d.text, c.text);
  }
}

TEST(literals, duration_problems) {
  EXPECT_EQ(problem_of(parsing::duration_value("12h1d")),
            "units go from the largest to the smallest (`w d h m s`), each at most once @4+1");
  EXPECT_EQ(problem_of(parsing::duration_value("1h1h")),
            "units go from the largest to the smallest (`w d h m s`), each at most once @3+1");
  EXPECT_EQ(problem_of(parsing::duration_value("99999999999999999999s")), "this duration is too long @0+21");
  // A duration is microseconds: up to about 292,000 years (15,250,284 weeks and 3 days).
  EXPECT_EQ(problem_of(parsing::duration_value("15250285w")), "this duration is too long @0+9");
  EXPECT_EQ(problem_of(parsing::duration_value("15250284w3d")), "no problem");
  EXPECT_EQ(problem_of(parsing::duration_value("15250284w4d")), "this duration is too long @9+2");
  EXPECT_EQ(problem_of(parsing::duration_value("9223372036855s")), "this duration is too long @0+14");
  EXPECT_EQ(problem_of(parsing::duration_value("9223372036854s")), "no problem");
}

struct time_case {
  const char* text;
  std::int32_t seconds;
};

TEST(literals, times_of_day_in_seconds_since_midnight) {
  const time_case cases[] = {
      {"0:00", 0},      {"00:00", 0},        {"8:30", 30600},     {"08:30", 30600},
      {"10:00", 36000}, {"21:30:15", 77415}, {"23:59:59", 86399}, {"23:59", 86340},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(std::get<std::int32_t>(parsing::time_of_day_seconds(c.text)), c.seconds) << c.text;
    const auto node = literal_node(c.text);
    const auto& t = std::get<ast::time_of_day_literal>(node);
    EXPECT_EQ(t.seconds, c.seconds) << c.text;
    EXPECT_EQ(t.text, c.text);
  }
}

TEST(literals, time_of_day_problems) {
  EXPECT_EQ(problem_of(parsing::time_of_day_seconds("24:00")), "hours run from 0 to 23 @0+2");
  EXPECT_EQ(problem_of(parsing::time_of_day_seconds("25:00")), "hours run from 0 to 23 @0+2");
  EXPECT_EQ(problem_of(parsing::time_of_day_seconds("9:60")), "minutes run from 00 to 59 @2+2");
  EXPECT_EQ(problem_of(parsing::time_of_day_seconds("10:00:60")), "seconds run from 00 to 59 @6+2");
}

struct timestamp_case {
  const char* text;
  std::int64_t micros;
};

TEST(literals, timestamps_in_microseconds_utc) {
  const timestamp_case cases[] = {
      {"1970-01-01T00:00:00Z", 0},
      {"1970-01-01T00:00Z", 0},
      {"1969-12-31T23:59:59Z", -1000000},
      {"2026-03-01T09:00:00Z", 1772355600000000},
      {"2026-03-01T10:00:00.250+01:00", 1772355600250000},
      {"2026-03-01T09:00:00.25Z", 1772355600250000},
      {"2026-03-01T09:00:00.000001Z", 1772355600000001},
      {"2026-03-01T04:00:00-05:00", 1772355600000000},
      {"2026-03-09T14:00:00Z", 1773064800000000},
      {"2024-02-29T23:59:59.999999-05:30", 1709270999999999},
      {"2000-02-29T00:00:00Z", 951782400000000},
      {"0001-01-01T00:00:00Z", -62135596800000000},
      {"9999-12-31T23:59:59Z", 253402300799000000},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(std::get<instant>(parsing::timestamp_value(c.text)), instant_from_micros(c.micros)) << c.text;
    const auto node = literal_node(c.text);
    const auto& t = std::get<ast::timestamp_literal>(node);
    EXPECT_EQ(t.value, instant_from_micros(c.micros)) << c.text;
    EXPECT_EQ(t.text, c.text);
  }
}

TEST(literals, timestamp_problems) {
  EXPECT_EQ(problem_of(parsing::timestamp_value("2026-13-01T00:00Z")), "months run from 01 to 12 @5+2");
  EXPECT_EQ(problem_of(parsing::timestamp_value("2026-00-01T00:00Z")), "months run from 01 to 12 @5+2");
  EXPECT_EQ(problem_of(parsing::timestamp_value("2026-02-29T00:00Z")), "February 2026 has 28 days @8+2");
  EXPECT_EQ(problem_of(parsing::timestamp_value("1900-02-29T00:00Z")), "February 1900 has 28 days @8+2");
  EXPECT_EQ(problem_of(parsing::timestamp_value("2026-04-31T00:00Z")), "April 2026 has 30 days @8+2");
  EXPECT_EQ(problem_of(parsing::timestamp_value("2026-04-00T00:00Z")), "April 2026 has 30 days @8+2");
  EXPECT_EQ(problem_of(parsing::timestamp_value("2026-04-01T24:00Z")), "hours run from 0 to 23 @11+2");
  EXPECT_EQ(problem_of(parsing::timestamp_value("2026-04-01T23:60Z")), "minutes run from 00 to 59 @14+2");
  EXPECT_EQ(problem_of(parsing::timestamp_value("2026-04-01T23:59:60Z")), "seconds run from 00 to 59 @17+2");
  EXPECT_EQ(problem_of(parsing::timestamp_value("2026-04-01T23:59:59.1234567Z")),
            "timestamps are precise to the microsecond (at most 6 fractional digits) @20+7");
  EXPECT_EQ(problem_of(parsing::timestamp_value("2026-04-01T00:00+24:00")), "offset hours run from 00 to 23 @17+2");
  EXPECT_EQ(problem_of(parsing::timestamp_value("2026-04-01T00:00-01:60")), "offset minutes run from 00 to 59 @20+2");
}

TEST(literals, numbers) {
  EXPECT_EQ(std::get<double>(parsing::number_value("1000")), 1000.0);
  EXPECT_EQ(std::get<double>(parsing::number_value("19.99")), 19.99);
  EXPECT_EQ(std::get<double>(parsing::number_value("007")), 7.0);
  EXPECT_EQ(problem_of(parsing::number_value("1" + std::string(400, '0'))), "this number is too large @0+0");
  const auto node = literal_node("2.50");
  EXPECT_EQ(std::get<ast::number_literal>(node).value, 2.5);
  EXPECT_EQ(std::get<ast::number_literal>(node).text, "2.50");
}

TEST(literals, string_escapes) {
  EXPECT_EQ(std::get<std::string>(parsing::unescape_string(R"("plain")")), "plain");
  EXPECT_EQ(std::get<std::string>(parsing::unescape_string(R"("q\"b\\n\nt\tr\r")")), "q\"b\\n\nt\tr\r");
  EXPECT_EQ(std::get<std::string>(parsing::unescape_string(R"("\u{41}\u{e9}\u{20AC}\u{1F600}")")),
            "A\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
  EXPECT_EQ(std::get<std::string>(parsing::unescape_string(R"("\u{10FFFF}")")), "\xF4\x8F\xBF\xBF");
  EXPECT_EQ(std::get<std::string>(parsing::unescape_string(R"("\u{0}")")), std::string(1, '\0'));
  EXPECT_EQ(problem_of(parsing::unescape_string(R"("ab\u{110000}")")),
            "not a Unicode code point (the largest is `10FFFF`) @3+10");
  EXPECT_EQ(problem_of(parsing::unescape_string(R"("\u{D800}")")), "a surrogate is not a Unicode scalar value @1+8");
  EXPECT_EQ(problem_of(parsing::unescape_string(R"("\u{dfff}")")), "a surrogate is not a Unicode scalar value @1+8");
  const auto node = literal_node(R"("a\tb")");
  EXPECT_EQ(std::get<ast::string_value>(node).value, "a\tb");
}

TEST(literals, longest_literal_wins) {
  // A timestamp is not a number minus a number, a time of day is not a
  // number followed by `:`, a duration is not a number followed by a name.
  EXPECT_EQ(expr_dump("2026-03-01T09:00:00Z"), "2026-03-01T09:00:00Z");
  EXPECT_EQ(expr_dump("2026 - 3"), "(- 2026 3)");
  EXPECT_EQ(expr_dump("10:00"), "10:00");
  EXPECT_EQ(expr_dump("3d"), "3d");
  EXPECT_EQ(expr_dump("3 in d"), "(in 3 d)");
  EXPECT_EQ(expr_dump("3m"), "3m");
}

}  // namespace
}  // namespace afterflow::grammar
