#include "grammar/json_writer.hpp"

#include <limits>

#include <gtest/gtest.h>

namespace afterflow {
namespace {

std::string quoted(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

TEST(JsonWriter, EscapesControlCharactersAndQuotes) {
  EXPECT_EQ(quoted("a\"b\\c\n\t\x01"), R"("a\"b\\c\n\t\u0001")");
}

TEST(JsonWriter, KeepsValidUtf8AndReplacesInvalidBytes) {
  EXPECT_EQ(quoted("caf\u00e9 \u2603"), "\"caf\u00e9 \u2603\"");
  EXPECT_EQ(quoted("a\xff" "b"), R"("a\ufffdb")");
  EXPECT_EQ(quoted("\xc3"), R"("\ufffd")");          // truncated sequence
  EXPECT_EQ(quoted("\xc0\xaf"), R"("\ufffd\ufffd")");  // overlong '/'
  EXPECT_EQ(quoted("\xed\xa0\x80"), R"("\ufffd\ufffd\ufffd")");  // surrogate
}

TEST(JsonWriter, NumbersHaveOneFixedForm) {
  EXPECT_EQ(format_number(150), "150");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(19.99), "19.99");
  EXPECT_EQ(format_number(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(format_number(1e300), "1e+300");
  EXPECT_EQ(format_number(std::numeric_limits<double>::quiet_NaN()), "null");
  EXPECT_EQ(format_number(std::numeric_limits<double>::infinity()), "null");
}

TEST(JsonWriter, ObjectsAndArraysNest) {
  std::string out;
  json_writer w(out);
  w.begin_object()
      .key("a").integer(1)
      .key("b").begin_array().string("x").boolean(true).null().end_array()
      .key("c").begin_object().end_object()
      .key("d").raw("[1,2]")
      .end_object();
  EXPECT_EQ(out, R"({"a":1,"b":["x",true,null],"c":{},"d":[1,2]})");
}

}  // namespace
}  // namespace afterflow
