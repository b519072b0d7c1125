#include "interpreter/runtime/local_time.hpp"

#include <gtest/gtest.h>

#include "grammar/text/timestamp.hpp"

namespace afterflow::runtime {

using grammar::format_timestamp;
using grammar::parse_timestamp;

namespace {

grammar::instant at(std::string_view text) { return *parse_timestamp(text); }
std::string show(grammar::instant t) { return format_timestamp(t); }
constexpr std::int32_t hm(int h, int m) { return h * 3600 + m * 60; }
constexpr weekday_mask mon_fri = 0x1F;

class local_time : public ::testing::Test {
 protected:
  zone_cache zones;
  const time_zone* new_york = zones.find("America/New_York");
  const time_zone* prague = zones.find("Europe/Prague");
};

TEST_F(local_time, unknown_zones_are_null) {
  EXPECT_EQ(zones.find("Mars/Olympus"), nullptr);
  EXPECT_NE(new_york, nullptr);
  EXPECT_NE(utc_zone(), nullptr);
}

TEST_F(local_time, next_weekday_morning_across_spring_forward) {
  // Thursday 2026-03-05 12:00Z; DST starts in New York on Sunday 2026-03-08.
  // Friday 10:00 EST = 15:00Z.
  EXPECT_EQ(show(next_local_time(new_york, at("2026-03-05T16:00:00Z"), hm(10, 0), mon_fri)), "2026-03-06T15:00:00Z");
  // After Friday's slot: Monday 10:00 EDT = 14:00Z.
  EXPECT_EQ(show(next_local_time(new_york, at("2026-03-06T15:00:01Z"), hm(10, 0), mon_fri)), "2026-03-09T14:00:00Z");
}

TEST_F(local_time, a_gap_at_midnight_does_not_bring_yesterdays_time_into_today) {
  // Greenland springs forward 23:00 -> 24:00 on Saturday 2025-03-29 (at
  // 01:00Z). Saturday 23:30 does not exist and moves to Sunday 00:30, but it
  // is Saturday's 23:30: from Sunday 00:10 the next Saturday 23:30 is a week
  // later. Before, the search began a day early and picked Sunday 00:30.
  const auto* nuuk = zones.find("America/Nuuk");
  ASSERT_NE(nuuk, nullptr);
  constexpr weekday_mask saturday = 1U << 5;
  EXPECT_EQ(show(next_local_time(nuuk, at("2025-03-30T01:10:00Z"), hm(23, 30), saturday)), "2025-04-06T00:30:00Z");
  // From before the gap, Saturday's 23:30 is the gap-shifted Sunday 00:30 (-01).
  EXPECT_EQ(show(next_local_time(nuuk, at("2025-03-29T20:00:00Z"), hm(23, 30), saturday)), "2025-03-30T01:30:00Z");
  // Every day: from Sunday 00:10 the next 23:30 is Sunday's own.
  EXPECT_EQ(show(next_local_time(nuuk, at("2025-03-30T01:10:00Z"), hm(23, 30), every_day)), "2025-03-31T00:30:00Z");
}

TEST_F(local_time, after_2037_the_zone_files_rule_applies) {
  // Past the last listed transition (2037) the POSIX TZ footer holds: DST in
  // August 2038. Before, New York kept EST for ever.
  EXPECT_EQ(utc_offset(new_york, at("2038-08-01T12:00:00Z")), std::chrono::hours(-4));
  EXPECT_EQ(utc_offset(new_york, at("2038-12-01T12:00:00Z")), std::chrono::hours(-5));
  EXPECT_EQ(show(next_local_time(new_york, at("2040-07-02T00:00:00Z"), hm(10, 0), every_day)), "2040-07-02T14:00:00Z");
  // The gap and overlap rules too: 2040-03-11 02:30 does not exist (03:30
  // EDT); 2040-11-04 01:30 happens twice (the first, EDT).
  EXPECT_EQ(show(next_local_time(new_york, at("2040-03-11T05:00:00Z"), hm(2, 30), every_day)), "2040-03-11T07:30:00Z");
  EXPECT_EQ(show(next_local_time(new_york, at("2040-11-04T04:00:00Z"), hm(1, 30), every_day)), "2040-11-04T05:30:00Z");
  EXPECT_EQ(show(quiet_window_end(new_york, at("2040-11-04T05:45:00Z"), hm(1, 30))), "2040-11-04T06:30:00Z");
  EXPECT_EQ(to_local(prague, at("2050-07-01T10:00:00Z")).seconds_of_day, hm(12, 0));
}

TEST_F(local_time, at_or_after_now) {
  const auto ten = at("2026-03-06T15:00:00Z");
  EXPECT_EQ(next_local_time(new_york, ten, hm(10, 0), every_day), ten);
}

TEST_F(local_time, gap_time_moves_forward_by_the_gap) {
  // 2026-03-08 02:30 does not exist in New York; it becomes 03:30 EDT = 07:30Z.
  EXPECT_EQ(show(next_local_time(new_york, at("2026-03-08T05:00:00Z"), hm(2, 30), every_day)), "2026-03-08T07:30:00Z");
}

TEST_F(local_time, repeated_time_takes_the_first_occurrence) {
  // 2026-11-01 01:30 happens twice in New York: first at 05:30Z (EDT).
  EXPECT_EQ(show(next_local_time(new_york, at("2026-11-01T04:00:00Z"), hm(1, 30), every_day)), "2026-11-01T05:30:00Z");
  // Once the first occurrence has passed, the next day's 01:30 (EST) is next.
  EXPECT_EQ(show(next_local_time(new_york, at("2026-11-01T05:45:00Z"), hm(1, 30), every_day)), "2026-11-02T06:30:00Z");
}

TEST_F(local_time, to_local_gives_clock_and_weekday) {
  const auto c = to_local(prague, at("2026-03-29T01:30:00Z"));  // 03:30 CEST, a Sunday
  EXPECT_EQ(c.seconds_of_day, hm(3, 30));
  EXPECT_EQ(c.weekday, 6);
  EXPECT_EQ(to_local(utc_zone(), at("2026-03-02T00:00:00Z")).weekday, 0);  // Monday
}

TEST_F(local_time, windows_may_cross_midnight) {
  EXPECT_TRUE(in_window(hm(21, 0), hm(21, 0), hm(8, 0)));
  EXPECT_TRUE(in_window(hm(2, 0), hm(21, 0), hm(8, 0)));
  EXPECT_FALSE(in_window(hm(8, 0), hm(21, 0), hm(8, 0)));
  EXPECT_FALSE(in_window(hm(12, 0), hm(21, 0), hm(8, 0)));
  EXPECT_TRUE(in_window(hm(13, 0), hm(12, 0), hm(14, 0)));
  EXPECT_FALSE(in_window(hm(14, 0), hm(12, 0), hm(14, 0)));
  EXPECT_FALSE(in_window(hm(5, 0), hm(5, 0), hm(5, 0)));
}

}  // namespace
}  // namespace afterflow::runtime
