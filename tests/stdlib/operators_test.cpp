// The one meaning of every operator (stdlib/operators.hpp), and why a result
// is null when it is.
#include "stdlib/operators.hpp"

#include <array>
#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace afterflow::stdlib {
namespace {

using grammar::binary_op;
using grammar::unary_op;

value dur(std::int64_t us) { return value::duration(grammar::duration(us)); }
value at(std::int64_t us) { return value::time(grammar::instant_from_micros(us)); }

op_result apply2(binary_op op, const value& a, const value& b) {
  static string_arena strings;
  return apply(op, a, b, strings);
}

TEST(operators, arithmetic_with_null_is_null_and_comparisons_with_null_are_false) {
  EXPECT_TRUE(apply2(binary_op::add, value::null(), value::number(1)).result.is_null());
  EXPECT_FALSE(apply2(binary_op::less, value::null(), value::number(1)).result.truthy());
  EXPECT_FALSE(apply2(binary_op::equal, value::null(), value::null()).result.truthy());
  EXPECT_FALSE(apply2(binary_op::not_equal, value::null(), value::number(1)).result.truthy());
  EXPECT_FALSE(apply2(binary_op::in, value::number(1), value::null()).result.truthy());
  EXPECT_FALSE(apply2(binary_op::not_in, value::number(1), value::null()).result.truthy());
  EXPECT_TRUE(apply(unary_op::logical_not, value::null()).result.truthy());
}

TEST(operators, problems_are_null_with_a_reason) {
  const auto div = apply2(binary_op::divide, value::number(1), value::number(0));
  EXPECT_TRUE(div.result.is_null());
  EXPECT_EQ(div.problem, op_problem::division_by_zero);
  EXPECT_EQ(message_of(div.problem), "division by zero");
  EXPECT_EQ(apply2(binary_op::divide, dur(5), dur(0)).problem, op_problem::zero_duration);
  EXPECT_EQ(apply2(binary_op::remainder, value::number(5), value::number(0)).problem, op_problem::remainder_by_zero);
  EXPECT_EQ(apply2(binary_op::remainder, dur(5), dur(0)).problem, op_problem::remainder_by_zero);
  EXPECT_EQ(apply2(binary_op::multiply, value::number(1e300), value::number(1e300)).problem, op_problem::out_of_range);
  constexpr auto max = std::numeric_limits<std::int64_t>::max();
  EXPECT_EQ(apply2(binary_op::add, dur(max), dur(1)).problem, op_problem::out_of_range);
  EXPECT_EQ(apply2(binary_op::add, at(max), dur(1)).problem, op_problem::out_of_range);
  EXPECT_EQ(apply2(binary_op::subtract, at(-max), at(max)).problem, op_problem::out_of_range);
  EXPECT_EQ(apply2(binary_op::multiply, value::number(1e300), dur(86'400'000'000)).problem, op_problem::out_of_range);
  EXPECT_EQ(apply(unary_op::negate, dur(std::numeric_limits<std::int64_t>::min())).problem, op_problem::out_of_range);
  EXPECT_EQ(apply2(binary_op::add, value::number(1), value::string("a")).problem, op_problem::undefined);
}

TEST(operators, times_stay_within_years_0001_to_9999) {
  const auto last = value::time(grammar::last_instant);
  const auto first = value::time(grammar::first_instant);
  EXPECT_EQ(apply2(binary_op::add, last, dur(1)).problem, op_problem::out_of_range);
  EXPECT_EQ(apply2(binary_op::subtract, first, dur(1)).problem, op_problem::out_of_range);
  EXPECT_EQ(apply2(binary_op::add, dur(1), first).result.as_time(), grammar::first_instant + grammar::duration(1));
  EXPECT_EQ(apply2(binary_op::subtract, last, first).result.as_duration(), grammar::longest_duration);
}

TEST(operators, durations_and_times_are_microseconds) {
  EXPECT_EQ(apply2(binary_op::divide, dur(86'400'000'000), value::number(7)).result.as_duration().count(),
            12'342'857'143);  // to the nearest microsecond
  EXPECT_EQ(apply2(binary_op::multiply, value::number(1.5), dur(3'600'000'000)).result.as_duration().count(),
            5'400'000'000);
  EXPECT_EQ(apply2(binary_op::subtract, at(1'500'000), at(0)).result.as_duration().count(), 1'500'000);
  EXPECT_EQ(apply2(binary_op::add, dur(1), at(2)).result.as_time(), grammar::instant_from_micros(3));
  EXPECT_EQ(apply2(binary_op::divide, dur(90), dur(60)).result.as_number(), 1.5);
  EXPECT_EQ(apply2(binary_op::remainder, dur(90), dur(60)).result.as_duration().count(), 30);
}

TEST(operators, membership_and_order) {
  const std::array items{value::string("a"), value::string("b")};
  EXPECT_TRUE(apply2(binary_op::in, value::string("b"), value::list(items)).result.truthy());
  EXPECT_TRUE(apply2(binary_op::not_in, value::string("c"), value::list(items)).result.truthy());
  EXPECT_TRUE(apply2(binary_op::in, value::string("ea"), value::string("tea")).result.truthy());
  EXPECT_TRUE(apply2(binary_op::less, value::string("a"), value::string("b")).result.truthy());
  EXPECT_FALSE(apply2(binary_op::less, value::number(std::nan("")), value::number(1)).result.truthy());
  EXPECT_EQ(compare(dur(1), dur(2)), -1);
  EXPECT_EQ(compare(dur(1), value::number(1)), std::nullopt);
}

TEST(operators, strings_concatenate_into_the_arena) {
  string_arena strings;
  const std::string a = "ab";
  const auto r = apply(binary_op::add, value::string(a), value::string("c"), strings);
  EXPECT_EQ(r.result.as_string(), "abc");
  EXPECT_EQ(strings.size(), 1U);
}

}  // namespace
}  // namespace afterflow::stdlib
