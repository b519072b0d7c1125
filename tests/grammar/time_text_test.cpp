// The one text form of durations and times of day (grammar/text/time_text.hpp),
// shared by actions, explanations and diagnostics.
#include "grammar/text/time_text.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>

namespace afterflow::grammar {
namespace {

constexpr std::int64_t s = 1'000'000;

// A duration of `us` microseconds.
duration d(std::int64_t us) { return duration(us); }

TEST(time_text, durations) {
  EXPECT_EQ(duration_text(d(0)), "0s");
  EXPECT_EQ(duration_text(d(90 * s)), "1m30s");
  EXPECT_EQ(duration_text(d(129'600 * s)), "1d12h");
  EXPECT_EQ(duration_text(d(14 * 86'400 * s)), "14d");  // no weeks
  EXPECT_EQ(duration_text(d(-3'600 * s)), "-1h");
  EXPECT_EQ(duration_text(d(1'500'000)), "1.5s");
  EXPECT_EQ(duration_text(d(86'400 * s + 1)), "1d0.000001s");
  EXPECT_EQ(duration_text(d(250'000)), "0.25s");
  EXPECT_EQ(duration_text(d(std::numeric_limits<std::int64_t>::min())), "-106751991d4h54.775808s");
}

TEST(time_text, times_of_day) {
  EXPECT_EQ(time_of_day_text(0), "00:00");
  EXPECT_EQ(time_of_day_text(10 * 3600), "10:00");
  EXPECT_EQ(time_of_day_text(10 * 3600 + 30), "10:00:30");
  EXPECT_EQ(time_of_day_text(23 * 3600 + 59 * 60 + 59), "23:59:59");
}

}  // namespace
}  // namespace afterflow::grammar
