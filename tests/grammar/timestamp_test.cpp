#include "grammar/text/timestamp.hpp"

#include <gtest/gtest.h>

namespace afterflow::grammar {
namespace {

constexpr std::int64_t s = 1'000'000;

// The instant `us` microseconds after the epoch.
instant t(std::int64_t us) { return instant_from_micros(us); }

TEST(timestamp, parses_utc_and_offsets) {
  EXPECT_EQ(parse_timestamp("1970-01-01T00:00:00Z"), t(0));
  EXPECT_EQ(parse_timestamp("2026-03-01T09:00:00Z"), t(1772355600 * s));
  EXPECT_EQ(parse_timestamp("2026-03-01T10:00:00+01:00"), t(1772355600 * s));
  EXPECT_EQ(parse_timestamp("2026-03-01T04:00:00-05:00"), t(1772355600 * s));
  EXPECT_EQ(parse_timestamp("2026-03-01t09:00:00z"), t(1772355600 * s));
  EXPECT_EQ(parse_timestamp("2026-03-01 09:00:00Z"), t(1772355600 * s));
  EXPECT_EQ(parse_timestamp("2026-03-01T09:00Z"), t(1772355600 * s));
}

TEST(timestamp, parses_fractions) {
  EXPECT_EQ(parse_timestamp("1970-01-01T00:00:00.5Z"), t(500000));
  EXPECT_EQ(parse_timestamp("1970-01-01T00:00:00.000001Z"), t(1));
  EXPECT_EQ(parse_timestamp("1970-01-01T00:00:00.1234567Z"), t(123456));  // truncated
  EXPECT_EQ(parse_timestamp("1970-01-01T00:00:00.Z"), std::nullopt);
}

TEST(timestamp, rejects_out_of_range_fields) {
  for (const auto* bad :
       {"2026-13-01T00:00:00Z", "2026-02-29T00:00:00Z", "2026-04-31T00:00:00Z", "2026-01-01T24:00:00Z",
        "2026-01-01T00:60:00Z", "2026-01-01T00:00:60Z", "2026-01-01T00:00:00", "2026-01-01T00:00:00+0100",
        "2026-1-01T00:00:00Z", "2026-01-01T00:00:00Zjunk", "", "not a time", "2026-01-01"}) {
    EXPECT_EQ(parse_timestamp(bad), std::nullopt) << bad;
  }
  EXPECT_TRUE(parse_timestamp("2024-02-29T00:00:00Z").has_value());  // leap year
  EXPECT_TRUE(parse_timestamp("2000-02-29T00:00:00Z").has_value());
  EXPECT_FALSE(parse_timestamp("1900-02-29T00:00:00Z").has_value());
}

TEST(timestamp, formats_one_canonical_form) {
  EXPECT_EQ(format_timestamp(t(0)), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_timestamp(t(1772355600 * s)), "2026-03-01T09:00:00Z");
  EXPECT_EQ(format_timestamp(t(1772355600 * s + 250000)), "2026-03-01T09:00:00.250Z");
  EXPECT_EQ(format_timestamp(t(1772355600 * s + 1)), "2026-03-01T09:00:00.000001Z");
  EXPECT_EQ(format_timestamp(t(-1)), "1969-12-31T23:59:59.999999Z");
}

TEST(timestamp, round_trips_over_every_four_digit_year) {
  for (std::int64_t days = days_from_civil(1, 1, 1); days <= days_from_civil(9999, 12, 31); days += 997) {
    const auto at = t(days * 86'400 * s + 3723 * s);
    EXPECT_EQ(parse_timestamp(format_timestamp(at)), at) << format_timestamp(at);
  }
}

TEST(timestamp, civil_conversions_are_inverse) {
  for (std::int64_t d = -1000; d < 1000; ++d) {
    const auto c = civil_from_days(d);
    EXPECT_EQ(days_from_civil(c.year, c.month, c.day), d);
  }
}

}  // namespace
}  // namespace afterflow::grammar
