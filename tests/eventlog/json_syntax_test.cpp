// The JSON checker that locates and phrases syntax errors.
#include "interpreter/eventlog/internal/json_syntax.hpp"

#include <gtest/gtest.h>

namespace afterflow::eventlog {
namespace {

struct row {
  std::string_view text;
  std::string_view code;  // empty: valid
  std::size_t offset;
  std::size_t length;
  std::string_view message;
};

TEST(json_syntax, finds_the_first_problem) {
  const row rows[] = {
      {R"({"a":1,"b":[true,false,null,-0.5e+3,"x\n\u00e9"]})", "", 0, 0, ""},
      {"  {}  \r\n", "", 0, 0, ""},
      {R"("just a string")", "", 0, 0, ""},
      {"", "E1001", 0, 0, "expected a JSON value, found end of line"},
      {"{", "E1001", 1, 0, "expected a property name or `}`, found end of line"},
      {R"({"a":1,})", "E1001", 7, 1, "expected a property name in double quotes, found `}`"},
      {R"({a:1})", "E1001", 1, 1, "expected a property name or `}`, found `a`"},
      {R"({"a" 1})", "E1001", 5, 1, "expected `:` after a property name, found `1`"},
      {R"({"a":1 "b":2})", "E1001", 7, 1, "expected `,` or `}`, found `\"`"},
      {R"([1 2])", "E1001", 3, 1, "expected `,` or `]`, found `2`"},
      {R"([1,])", "E1001", 3, 1, "expected a JSON value, found `]`"},
      {R"({"a":True})", "E1001", 5, 4, "expected a JSON value, found `True`"},
      {R"({"a":nul})", "E1001", 5, 3, "expected a JSON value, found `nul`"},
      {R"({"a":-})", "E1001", 5, 1, "invalid number `-`"},
      {R"({"a":1.})", "E1001", 5, 2, "invalid number `1.`"},
      {R"({"a":1e})", "E1001", 5, 2, "invalid number `1e`"},
      {R"({"a":007})", "E1001", 5, 3, "invalid number `007`"},
      {R"({"a":12ab})", "E1001", 5, 4, "invalid number `12ab`"},
      {R"({"a":"x)", "E1001", 5, 2, "unterminated string"},
      {R"({"a":"\x"})", "E1001", 6, 2, "invalid escape `\\x` in a string"},
      {R"({"a":"\u12g4"})", "E1001", 6, 5, "invalid escape `\\u12g` in a string"},
      {"{\"a\":\"tab\there\"}", "E1001", 9, 1, "unescaped control character in a string"},
      {R"({} {})", "E1001", 3, 1, "unexpected `{` after the JSON value"},
      {"{\"a\":\"\xC3\x28\"}", "E1007", 6, 1, "invalid UTF-8 byte `0xC3`"},
      {"{\"a\":\"\xED\xA0\x80\"}", "E1007", 6, 1, "invalid UTF-8 byte `0xED`"},  // a surrogate
      {"{\"a\":\"\xF0\x9F\x98\x80\"}", "", 0, 0, ""},                            // an emoji is fine
  };
  for (const auto& r : rows) {
    const auto e = find_json_syntax_error(r.text);
    if (r.code.empty()) {
      EXPECT_FALSE(e) << r.text << ": " << e->message;
      continue;
    }
    ASSERT_TRUE(e) << r.text;
    EXPECT_EQ(e->code, r.code) << r.text;
    EXPECT_EQ(e->offset, r.offset) << r.text;
    EXPECT_EQ(e->length, r.length) << r.text;
    EXPECT_EQ(e->message, r.message) << r.text;
  }
}

TEST(json_syntax, limits_nesting) {
  const std::string deep = std::string(20, '[') + std::string(20, ']');
  EXPECT_FALSE(find_json_syntax_error(deep, 20));
  const auto e = find_json_syntax_error(deep, 19);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->offset, 19U);
  EXPECT_EQ(e->message, "JSON nested deeper than 19 levels");
}

}  // namespace
}  // namespace afterflow::eventlog
