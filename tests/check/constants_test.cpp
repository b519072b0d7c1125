#include "interpreter/check/constants.hpp"

#include <gtest/gtest.h>

#include <limits>

namespace afterflow::check {
namespace {

using ast::binary_op;

constant_value num(double v) { return {v}; }
constant_value str(std::string v) { return {std::move(v)}; }
constant_value dur(std::int64_t s) { return {grammar::duration(std::chrono::seconds(s))}; }
constant_value micros(std::int64_t us) { return {grammar::duration(us)}; }
constant_value at(std::int64_t us) { return {grammar::instant_from_micros(us)}; }
constant_value nul() { return {null_value{}}; }

constant_value value_of(const fold_result& r) {
  const auto* v = std::get_if<constant_value>(&r);
  if (v == nullptr) ADD_FAILURE() << "not folded";
  return v != nullptr ? *v : nul();
}

TEST(constant_folding, arithmetic_follows_the_type_rules) {
  EXPECT_EQ(value_of(fold_binary(binary_op::add, num(1), num(2))), num(3));
  EXPECT_EQ(value_of(fold_binary(binary_op::add, str("a"), str("b"))), str("ab"));
  EXPECT_EQ(value_of(fold_binary(binary_op::subtract, dur(86400), dur(3600))), dur(82800));
  EXPECT_EQ(value_of(fold_binary(binary_op::add, at(0), dur(60))), at(60'000'000));
  EXPECT_EQ(value_of(fold_binary(binary_op::multiply, num(1.5), dur(86400))), dur(129600));
  // One unit, microseconds, as at run time: no rounding to whole seconds.
  EXPECT_EQ(value_of(fold_binary(binary_op::divide, dur(100), num(3))), micros(33'333'333));
  EXPECT_EQ(value_of(fold_binary(binary_op::subtract, at(90'500'000), at(0))), micros(90'500'000));
  EXPECT_EQ(value_of(fold_binary(binary_op::remainder, dur(100), dur(30))), dur(10));
  EXPECT_EQ(value_of(fold_binary(binary_op::divide, dur(86400), dur(3600))), num(24));
  EXPECT_EQ(value_of(fold_binary(binary_op::remainder, num(7), num(4))), num(3));
}

TEST(constant_folding, null_rules) {
  EXPECT_EQ(value_of(fold_binary(binary_op::add, nul(), num(1))), nul());
  EXPECT_EQ(value_of(fold_binary(binary_op::less, nul(), num(1))), constant_value{false});
  // Comparisons with null are false, as at run time...
  EXPECT_EQ(value_of(fold_binary(binary_op::equal, nul(), nul())), constant_value{false});
  EXPECT_EQ(value_of(fold_binary(binary_op::not_equal, nul(), num(1))), constant_value{false});
  // ... and `x == null` with the literal is a presence test.
  EXPECT_EQ(fold_presence(binary_op::equal, nul()), constant_value{true});
  EXPECT_EQ(fold_presence(binary_op::equal, num(1)), constant_value{false});
  EXPECT_EQ(fold_presence(binary_op::not_equal, num(1)), constant_value{true});
  EXPECT_EQ(value_of(fold_unary(ast::unary_op::logical_not, nul())), constant_value{true});
  EXPECT_EQ(value_of(fold_binary(binary_op::logical_or, nul(), constant_value{true})), constant_value{true});
  EXPECT_EQ(value_of(fold_binary(binary_op::in, num(1), nul())), constant_value{false});
}

TEST(constant_folding, membership_and_order) {
  const constant_value list{constant_value::list{str("a"), str("b")}};
  EXPECT_EQ(value_of(fold_binary(binary_op::in, str("b"), list)), constant_value{true});
  EXPECT_EQ(value_of(fold_binary(binary_op::not_in, str("c"), list)), constant_value{true});
  EXPECT_EQ(value_of(fold_binary(binary_op::less, str("a"), str("b"))), constant_value{true});
  EXPECT_EQ(value_of(fold_binary(binary_op::greater_equal, dur(5), dur(5))), constant_value{true});
  // `in` on two strings (allowed where the types are only known at run time)
  // is a substring test, folded like any other operator.
  EXPECT_EQ(value_of(fold_binary(binary_op::in, str("ea"), str("tea"))), constant_value{true});
}

TEST(constant_folding, failures_are_reported_not_thrown) {
  const auto r = fold_binary(binary_op::divide, num(1), num(0));
  ASSERT_TRUE(std::holds_alternative<fold_failure>(r));
  EXPECT_EQ(std::get<fold_failure>(r).message, "division by zero");
  const auto big = fold_binary(binary_op::multiply, num(1e300), dur(86400));
  ASSERT_TRUE(std::holds_alternative<fold_failure>(big));
  EXPECT_EQ(std::get<fold_failure>(big).message, "the result is out of range");
  const auto zero = fold_binary(binary_op::divide, dur(1), dur(0));
  ASSERT_TRUE(std::holds_alternative<fold_failure>(zero));
  EXPECT_EQ(std::get<fold_failure>(zero).message, "division by a zero duration");
  const auto far = fold_binary(binary_op::add, at(std::numeric_limits<std::int64_t>::max() - 1), dur(1));
  ASSERT_TRUE(std::holds_alternative<fold_failure>(far));
  EXPECT_EQ(std::get<fold_failure>(far).message, "the result is out of range");
  const auto negated = fold_unary(ast::unary_op::negate, micros(std::numeric_limits<std::int64_t>::min()));
  ASSERT_TRUE(std::holds_alternative<fold_failure>(negated));
  // Not foldable (and ill-typed): nothing.
  EXPECT_TRUE(std::holds_alternative<std::monostate>(fold_binary(binary_op::add, num(1), str("a"))));
}

TEST(constant_text, source_forms) {
  // Messages show durations the way outputs do (grammar/text/time_text.hpp).
  EXPECT_EQ(to_source_text(dur(0)), "0s");
  EXPECT_EQ(to_source_text(dur(129600)), "1d12h");
  EXPECT_EQ(to_source_text(dur(1209600 + 61)), "14d1m1s");
  EXPECT_EQ(to_source_text(dur(-86400)), "-1d");
  EXPECT_EQ(to_source_text(micros(1'500'000)), "1.5s");
  // No overflow at the edge of the range.
  EXPECT_EQ(to_source_text(micros(std::numeric_limits<std::int64_t>::min())), "-106751991d4h54.775808s");
  EXPECT_EQ(to_source_text(num(2.5)), "2.5");
  EXPECT_EQ(to_source_text(str("a\"b")), "\"a\\\"b\"");
  EXPECT_EQ(to_source_text(constant_value{time_of_day_value{8 * 3600 + 30 * 60}}), "08:30");
  EXPECT_EQ(to_source_text(at(1'772'355'600'250'000)), "2026-03-01T09:00:00.250Z");
  EXPECT_EQ(to_source_text(constant_value{constant_value::list{num(1), nul()}}), "[1, null]");
}

}  // namespace
}  // namespace afterflow::check
