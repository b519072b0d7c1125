#include "stdlib/value.hpp"

#include <array>
#include <string>

#include <gtest/gtest.h>

namespace afterflow::stdlib {
namespace {

TEST(value, scalars_round_trip) {
  EXPECT_TRUE(value::null().is_null());
  EXPECT_TRUE(value::boolean(true).as_bool());
  EXPECT_EQ(value::number(2.5).as_number(), 2.5);
  EXPECT_EQ(value::duration(grammar::duration(7)).as_duration().count(), 7);
  EXPECT_EQ(value::time(grammar::instant_from_micros(-3)).as_time(), grammar::instant_from_micros(-3));
  EXPECT_EQ(value::time_of_day(36000).as_time_of_day(), 36000);
  EXPECT_EQ(value::string("abc").as_string(), "abc");
}

TEST(value, only_true_is_truthy) {
  EXPECT_TRUE(value::boolean(true).truthy());
  EXPECT_FALSE(value::boolean(false).truthy());
  EXPECT_FALSE(value::null().truthy());
  EXPECT_FALSE(value::number(1).truthy());
  EXPECT_FALSE(value::string("true").truthy());
}

TEST(value, equality_needs_the_same_kind) {
  EXPECT_TRUE(equal(value::null(), value::null()));
  EXPECT_TRUE(equal(value::number(1), value::number(1.0)));
  EXPECT_FALSE(equal(value::number(1), value::string("1")));
  EXPECT_FALSE(equal(value::duration(grammar::duration(5)), value::time(grammar::instant_from_micros(5))));
  const std::string a = "x", b = "x";
  EXPECT_TRUE(equal(value::string(a), value::string(b)));
  const std::array items1{value::number(1), value::string("a")};
  const std::array items2{value::number(1), value::string("a")};
  const std::array items3{value::number(1)};
  EXPECT_TRUE(equal(value::list(items1), value::list(items2)));
  EXPECT_FALSE(equal(value::list(items1), value::list(items3)));
  EXPECT_FALSE(equal(value::null(), value::boolean(false)));
}

}  // namespace
}  // namespace afterflow::stdlib
