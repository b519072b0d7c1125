#include "interpreter/check/check_codes.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace afterflow::check {
namespace {

TEST(check_codes, each_code_is_documented_once) {
  std::set<std::string_view> seen;
  for (const auto& c : check_code_table()) {
    EXPECT_TRUE(seen.insert(c.code).second) << c.code;
    EXPECT_EQ(c.code.size(), 5U) << c.code;
    EXPECT_TRUE(c.code[0] == 'E' || c.code[0] == 'W') << c.code;
    if (c.code[0] == 'E') {
      EXPECT_GE(c.code, "E0100");
      EXPECT_LE(c.code, "E0999");
    }
    EXPECT_FALSE(c.title.empty()) << c.code;
    EXPECT_FALSE(c.explanation.empty()) << c.code;
    EXPECT_NE(c.title.back(), '.') << c.code;
  }
}

TEST(check_codes, lookup) {
  const auto* info = find_check_code(codes::unknown_property);
  ASSERT_NE(info, nullptr);
  EXPECT_EQ(info->title, "unknown property");
  EXPECT_EQ(find_check_code("E9999"), nullptr);
  EXPECT_NE(find_check_code("W0100"), nullptr);
}

}  // namespace
}  // namespace afterflow::check
