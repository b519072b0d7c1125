// How runtime values are written in actions and explanations.
#include "interpreter/ir/value_format.hpp"

#include <array>

#include <gtest/gtest.h>

#include "interpreter/ir/record.hpp"

namespace afterflow::ir {

using stdlib::event_view;
using stdlib::value;

namespace {

constexpr std::int64_t s = 1'000'000;

TEST(value_format, json_forms) {
  const auto json = [](const value& v) {
    std::string out;
    append_value_json(out, v);
    return out;
  };
  const std::array items{value::number(1), value::string("a\"b"), value::null()};
  const std::array nested{value::list(items), value::boolean(false)};
  event_view e{grammar::instant_from_micros(1'772'355'600'000'000), 0, "c1", {}};
  EXPECT_EQ(json(value::null()), "null");
  EXPECT_EQ(json(value::boolean(true)), "true");
  EXPECT_EQ(json(value::number(150)), "150");
  EXPECT_EQ(json(value::number(84.5)), "84.5");
  EXPECT_EQ(json(value::string("é\n")), "\"é\\n\"");
  EXPECT_EQ(json(value::time(grammar::instant_from_micros(1'772'355'600'000'000))), "\"2026-03-01T09:00:00Z\"");
  EXPECT_EQ(json(value::time(grammar::instant_from_micros(1'772'355'600'250'000))), "\"2026-03-01T09:00:00.250Z\"");
  EXPECT_EQ(json(value::duration(grammar::duration(36 * 3600 * s))), "\"1d12h\"");
  EXPECT_EQ(json(value::time_of_day(36000)), "\"10:00\"");
  EXPECT_EQ(json(value::list(nested)), "[[1,\"a\\\"b\",null],false]");
  EXPECT_EQ(json(value::event(&e)), "null");
}

TEST(value_format, plain_text) {
  symbol_table symbols;
  const auto placed = symbols.intern("order_placed");
  event_view e{grammar::instant_from_micros(1'772'355'600'000'000), placed, "c1", {}};
  const std::array items{value::string("x"), value::duration(grammar::duration(60 * s))};
  EXPECT_EQ(value_text(value::string("ok"), symbols), "\"ok\"");
  EXPECT_EQ(value_text(value::number(2.5), symbols), "2.5");
  EXPECT_EQ(value_text(value::time(grammar::instant_from_micros(1'772'355'600'000'000)), symbols),
            "2026-03-01T09:00:00Z");
  EXPECT_EQ(value_text(value::duration(grammar::duration(30 * 60 * s)), symbols), "30m");
  EXPECT_EQ(value_text(value::time_of_day(8 * 3600), symbols), "08:00");
  EXPECT_EQ(value_text(value::list(items), symbols), "[\"x\", 1m]");
  EXPECT_EQ(value_text(value::event(&e), symbols), "order_placed at 2026-03-01T09:00:00Z");
  EXPECT_EQ(value_text(value::null(), symbols), "null");
  EXPECT_EQ(value_text(value::boolean(false), symbols), "false");
}

}  // namespace
}  // namespace afterflow::ir
