#include "grammar/text/edit_distance.hpp"

#include <array>
#include <string>

#include <gtest/gtest.h>

namespace afterflow::grammar {
namespace {

TEST(edit_distance, counts_single_edits) {
  EXPECT_EQ(edit_distance("total", "total"), 0u);
  EXPECT_EQ(edit_distance("totl", "total"), 1u);
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
}

TEST(edit_distance, stops_early_past_the_limit) {
  EXPECT_EQ(edit_distance("abcdef", "uvwxyz", 2), 3u);
  EXPECT_EQ(edit_distance("a", "abcdefgh", 2), 3u);
}

TEST(closest_match, suggests_only_close_names) {
  constexpr std::array<std::string_view, 4> names{"order_placed", "order_paid", "order_shipped", "review_submitted"};
  EXPECT_EQ(closest_match("order_plaed", names), "order_placed");
  EXPECT_EQ(closest_match("reveiw_submitted", names), "review_submitted");
  EXPECT_EQ(closest_match("banana", names), std::nullopt);
  constexpr std::array<std::string_view, 1> self{"order_placed"};
  EXPECT_EQ(closest_match("order_placed", self), std::nullopt);  // a name is not its own suggestion
}

TEST(closest_match, a_very_long_word_gets_no_suggestion) {
  // A hostile megabyte-long name would cost its length times every
  // candidate's; nobody mistypes a hundred-character name.
  const std::string near(100, 'a');
  const std::string longer = near + "b";
  const std::array<std::string_view, 1> names{longer};
  EXPECT_EQ(closest_match(near, names), longer);
  EXPECT_EQ(closest_match(near + "bc", names), std::nullopt);
  EXPECT_EQ(closest_match(std::string(1'000'000, 'x'), names), std::nullopt);
}

TEST(closest_match, ties_go_to_the_first_candidate) {
  constexpr std::array<std::string_view, 2> names{"vip", "vap"};
  EXPECT_EQ(closest_match("vxp", names), "vip");
}

}  // namespace
}  // namespace afterflow::grammar
