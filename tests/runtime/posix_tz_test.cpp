// The POSIX TZ rules of zone file footers (RFC 8536 §3.3), by hand.
#include "interpreter/runtime/internal/posix_tz.hpp"

#include <gtest/gtest.h>

#include "grammar/text/timestamp.hpp"

namespace afterflow::runtime::posix_tz {
namespace {

std::int64_t at(std::string_view text) {
  return std::chrono::duration_cast<std::chrono::seconds>(grammar::parse_timestamp(text)->time_since_epoch()).count();
}
long hours(seconds s) { return static_cast<long>(s.count() / 3600); }

TEST(posix_tz, us_rules) {
  const auto r = parse("EST5EDT,M3.2.0,M11.1.0");
  ASSERT_TRUE(r);
  EXPECT_EQ(hours(offset_at(*r, at("2038-08-01T12:00:00Z"))), -4);
  EXPECT_EQ(hours(offset_at(*r, at("2038-12-01T12:00:00Z"))), -5);
  // Second Sunday of March 2038 is the 14th, 02:00 EST = 07:00Z.
  EXPECT_EQ(hours(offset_at(*r, at("2038-03-14T06:59:59Z"))), -5);
  EXPECT_EQ(hours(offset_at(*r, at("2038-03-14T07:00:00Z"))), -4);
}

TEST(posix_tz, rfc_8536_extensions_and_the_southern_hemisphere) {
  // Greenland: -02, DST -01 from the last Sunday of March at -1:00 (Saturday 23:00).
  const auto nuuk = parse("<-02>2<-01>,M3.5.0/-1,M10.5.0/0");
  ASSERT_TRUE(nuuk);
  EXPECT_EQ(hours(offset_at(*nuuk, at("2040-03-25T00:59:59Z"))), -2);  // Sunday 25 March 2040
  EXPECT_EQ(hours(offset_at(*nuuk, at("2040-03-25T01:00:00Z"))), -1);
  // Jerusalem: the Friday before the last Sunday of March at 02:00, as Thursday 26:00.
  const auto jerusalem = parse("IST-2IDT,M3.4.4/26,M10.5.0");
  ASSERT_TRUE(jerusalem);
  EXPECT_EQ(hours(offset_at(*jerusalem, at("2099-03-26T23:59:59Z"))), 2);
  EXPECT_EQ(hours(offset_at(*jerusalem, at("2099-03-27T00:00:00Z"))), 3);
  // Santiago: DST from September to April, across the new year.
  const auto santiago = parse("<-04>4<-03>,M9.1.6/24,M4.1.6/24");
  ASSERT_TRUE(santiago);
  EXPECT_EQ(hours(offset_at(*santiago, at("2050-01-15T12:00:00Z"))), -3);
  EXPECT_EQ(hours(offset_at(*santiago, at("2050-06-15T12:00:00Z"))), -4);
  // Fractions of an hour, no DST.
  const auto tehran = parse("<+0330>-3:30");
  ASSERT_TRUE(tehran);
  EXPECT_EQ(offset_at(*tehran, at("2090-01-01T00:00:00Z")).count(), 3 * 3600 + 1800);
}

TEST(posix_tz, bad_strings_are_refused) {
  for (const auto* text : {"", "E5", "EST", "EST5EDT,M3.2.0", "EST5EDT,M13.2.0,M11.1.0", "EST5EDT,M3.2.0,M11.1.0x",
                           "<-02>2<-01>,M3.5.0/-168,M10.5.0", "EST99"}) {
    EXPECT_FALSE(parse(text)) << text;
  }
}

}  // namespace
}  // namespace afterflow::runtime::posix_tz
