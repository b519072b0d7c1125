#include "grammar/text/json_writer.hpp"

#include <limits>

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace afterflow::grammar {
namespace {

std::string json_quoted(std::string_view s) {
  std::string out;
  append_json_string(out, s);
  return out;
}

TEST(json_writer, escapes_control_characters_and_quotes) {
  EXPECT_EQ(json_quoted("a\"b\\c\n\t\x01"), R"("a\"b\\c\n\t\u0001")");
}

TEST(json_writer, keeps_valid_utf8_and_replaces_invalid_bytes) {
  EXPECT_EQ(json_quoted("caf\u00e9 \u2603"), "\"caf\u00e9 \u2603\"");
  EXPECT_EQ(json_quoted("a\xff"
                        "b"),
            R"("a\ufffdb")");
  EXPECT_EQ(json_quoted("\xc3"), R"("\ufffd")");                      // truncated sequence
  EXPECT_EQ(json_quoted("\xc0\xaf"), R"("\ufffd\ufffd")");            // overlong '/'
  EXPECT_EQ(json_quoted("\xed\xa0\x80"), R"("\ufffd\ufffd\ufffd")");  // surrogate
}

// The byte-at-a-time definition the fast (eight-bytes-at-a-time) path must match.
std::string reference_quoted(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '"') out += "\\\"";
    else if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '\t') out += "\\t";
    else if (u < 0x20 || u == 0x7F) out += fmt::format("\\u{:04x}", u);
    else out.push_back(c);
  }
  return out + "\"";
}

TEST(json_writer, eight_byte_fast_path_escapes_every_position) {
  for (const char special : {'"', '\\', '\n', '\t', '\x01', '\x1f', '\x7f'}) {
    for (std::size_t length = 1; length <= 24; ++length) {
      for (std::size_t at = 0; at < length; ++at) {
        std::string s(length, 'a');
        s[at] = special;
        EXPECT_EQ(json_quoted(s), reference_quoted(s)) << "length " << length << " at " << at;
      }
    }
  }
  // Multi-byte UTF-8 after a long ASCII run is kept; a stray byte is replaced.
  EXPECT_EQ(json_quoted("abcdefghijkl\u00e9"), "\"abcdefghijkl\u00e9\"");
  EXPECT_EQ(json_quoted("abcdefghijkl\xff"), "\"abcdefghijkl\\ufffd\"");
  EXPECT_EQ(json_quoted(std::string(100, ' ')), "\"" + std::string(100, ' ') + "\"");
}

TEST(json_writer, numbers_have_one_fixed_form) {
  EXPECT_EQ(format_number(150), "150");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(19.99), "19.99");
  EXPECT_EQ(format_number(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(format_number(1e300), "1e+300");
  EXPECT_EQ(format_number(std::numeric_limits<double>::quiet_NaN()), "null");
  EXPECT_EQ(format_number(std::numeric_limits<double>::infinity()), "null");
}

TEST(json_writer, objects_and_arrays_nest) {
  std::string out;
  json_writer w(out);
  w.begin_object()
      .key("a")
      .integer(1)
      .key("b")
      .begin_array()
      .string("x")
      .boolean(true)
      .null()
      .end_array()
      .key("c")
      .begin_object()
      .end_object()
      .key("d")
      .raw("[1,2]")
      .end_object();
  EXPECT_EQ(out, R"({"a":1,"b":["x",true,null],"c":{},"d":[1,2]})");
}

}  // namespace
}  // namespace afterflow::grammar
