#include "interpreter/check/internal/type_rules.hpp"

#include <gtest/gtest.h>

#include "interpreter/check/check_codes.hpp"

namespace afterflow::check {

using stdlib::type;
using stdlib::type_kind;

namespace {

using ast::binary_op;
using stdlib::type;
using stdlib::type_kind;
using k = type_kind;

struct binary_case {
  binary_op op;
  type_kind lhs;
  type_kind rhs;
  type_kind result;  ///< `error` with a non-empty code when ill-typed
  std::string_view code;
};

class binary_rules : public ::testing::TestWithParam<binary_case> {};

TEST_P(binary_rules, give_the_documented_type) {
  const auto& c = GetParam();
  const auto t = type_binary(c.op, type::of(c.lhs), type::of(c.rhs));
  EXPECT_EQ(t.code, c.code) << ast::spelling(c.op) << " " << stdlib::name_of(c.lhs) << " " << stdlib::name_of(c.rhs)
                            << ": " << t.message;
  if (c.code.empty()) {
    EXPECT_EQ(t.result.kind, c.result) << stdlib::name_of(t.result.kind);
  }
}

INSTANTIATE_TEST_SUITE_P(
    arithmetic, binary_rules,
    ::testing::Values(binary_case{binary_op::add, k::number, k::number, k::number, {}},
                      binary_case{binary_op::add, k::duration, k::duration, k::duration, {}},
                      binary_case{binary_op::add, k::time, k::duration, k::time, {}},
                      binary_case{binary_op::add, k::duration, k::time, k::time, {}},
                      binary_case{binary_op::add, k::string, k::string, k::string, {}},
                      binary_case{binary_op::subtract, k::time, k::time, k::duration, {}},
                      binary_case{binary_op::subtract, k::time, k::duration, k::time, {}},
                      binary_case{binary_op::multiply, k::number, k::duration, k::duration, {}},
                      binary_case{binary_op::multiply, k::duration, k::number, k::duration, {}},
                      binary_case{binary_op::divide, k::duration, k::number, k::duration, {}},
                      binary_case{binary_op::divide, k::duration, k::duration, k::number, {}},
                      binary_case{binary_op::remainder, k::number, k::number, k::number, {}},
                      binary_case{binary_op::add, k::number, k::duration, k::error, codes::invalid_operands},
                      binary_case{binary_op::add, k::string, k::number, k::error, codes::invalid_operands},
                      binary_case{binary_op::add, k::boolean, k::boolean, k::error, codes::invalid_operands},
                      binary_case{binary_op::subtract, k::duration, k::time, k::error, codes::invalid_operands},
                      binary_case{binary_op::multiply, k::duration, k::duration, k::error, codes::invalid_operands},
                      binary_case{binary_op::remainder, k::duration, k::number, k::error, codes::invalid_operands},
                      binary_case{binary_op::add, k::time_of_day, k::duration, k::error, codes::invalid_operands},
                      // An `any` operand takes the type the other side forces.
                      binary_case{binary_op::multiply, k::any, k::duration, k::duration, {}},
                      binary_case{binary_op::subtract, k::any, k::number, k::number, {}},
                      binary_case{binary_op::add, k::any, k::duration, k::any, {}},
                      binary_case{binary_op::add, k::any, k::any, k::any, {}},
                      binary_case{binary_op::add, k::any, k::boolean, k::error, codes::invalid_operands},
                      binary_case{binary_op::add, k::error, k::number, k::error, {}}));

INSTANTIATE_TEST_SUITE_P(
    comparisons, binary_rules,
    ::testing::Values(binary_case{binary_op::equal, k::string, k::string, k::boolean, {}},
                      binary_case{binary_op::equal, k::string, k::null, k::boolean, {}},
                      binary_case{binary_op::not_equal, k::event, k::null, k::boolean, {}},
                      binary_case{binary_op::equal, k::string, k::number, k::error, codes::incomparable_types},
                      binary_case{binary_op::less, k::duration, k::duration, k::boolean, {}},
                      binary_case{binary_op::less, k::time_of_day, k::time_of_day, k::boolean, {}},
                      binary_case{binary_op::less, k::duration, k::number, k::error, codes::incomparable_types},
                      binary_case{binary_op::greater, k::boolean, k::boolean, k::error, codes::incomparable_types},
                      binary_case{binary_op::greater, k::boolean, k::any, k::error, codes::incomparable_types},
                      binary_case{binary_op::greater_equal, k::any, k::number, k::boolean, {}},
                      binary_case{binary_op::less, k::error, k::number, k::boolean, {}},
                      binary_case{binary_op::in, k::string, k::list, k::boolean, {}},
                      binary_case{binary_op::not_in, k::number, k::any, k::boolean, {}},
                      binary_case{binary_op::in, k::string, k::string, k::error, codes::in_needs_list},
                      binary_case{binary_op::logical_and, k::boolean, k::any, k::boolean, {}},
                      binary_case{binary_op::logical_or, k::null, k::boolean, k::boolean, {}},
                      binary_case{binary_op::logical_and, k::number, k::boolean, k::error, codes::type_mismatch}));

TEST(type_rules, messages_name_the_types) {
  auto t = type_binary(binary_op::add, type::of(k::string), type::of(k::number));
  EXPECT_EQ(t.message, "cannot apply `+` to `string` and `number`");
  EXPECT_EQ(t.help, "convert the number to text first: `to_string(...)`");
  EXPECT_EQ(t.where, blame::whole);

  t = type_binary(binary_op::equal, type::of(k::string), type::of(k::number));
  EXPECT_EQ(t.message, "cannot compare `string` with `number`");

  t = type_binary(binary_op::in, type::of(k::string), type::of(k::string));
  EXPECT_EQ(t.message, "`in` needs a list on its right, found `string`");
  EXPECT_EQ(t.help, "to look for a substring, use `contains(text, part)`");
  EXPECT_EQ(t.where, blame::rhs);

  t = type_binary(binary_op::logical_or, type::of(k::boolean), type::of(k::number));
  EXPECT_EQ(t.message, "`or` expects `bool` operands, found `number`");
  EXPECT_EQ(t.where, blame::rhs);

  t = type_binary(binary_op::less, type::event_of("order_placed"), type::of(k::any));
  EXPECT_EQ(t.message, "`<` cannot order values of type `event order_placed`");
}

TEST(type_rules, unary) {
  EXPECT_EQ(type_unary(ast::unary_op::logical_not, type::of(k::null)).result.kind, k::boolean);
  EXPECT_EQ(type_unary(ast::unary_op::negate, type::of(k::duration)).result.kind, k::duration);
  const auto t = type_unary(ast::unary_op::negate, type::of(k::string));
  EXPECT_EQ(t.code, codes::invalid_operands);
  EXPECT_EQ(t.message, "cannot negate `string`");
  const auto n = type_unary(ast::unary_op::logical_not, type::of(k::number));
  EXPECT_EQ(n.code, codes::type_mismatch);
  EXPECT_EQ(n.message, "`not` expects a `bool`, found `number`");
}

}  // namespace
}  // namespace afterflow::check
