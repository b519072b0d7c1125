// Input errors as values and their rustc-style rendering.
#include "interpreter/eventlog/log_error.hpp"

#include <gtest/gtest.h>

namespace afterflow::eventlog {
namespace {

TEST(LogError, ShowsAShortLineWhole) {
  const auto e = make_log_error("E1001", "expected `,` or `}`, found `x`", "a.jsonl", 3, R"({"a":1 x})", 7, 1);
  EXPECT_EQ(e.column, 8U);
  EXPECT_EQ(render_text(e),
            "error[E1001]: expected `,` or `}`, found `x`\n"
            " --> a.jsonl:3:8\n"
            "  |\n"
            "3 | {\"a\":1 x}\n"
            "  |        ^\n");
}

TEST(LogError, CutsALongLineAroundTheProblem) {
  const std::string line = std::string(100, 'a') + "BAD" + std::string(100, 'b');
  const auto e = make_log_error("E1001", "m", "f", 1200, line, 100, 3);
  EXPECT_EQ(e.column, 101U);
  EXPECT_EQ(e.excerpt, "…" + std::string(24, 'a') + "BAD" + std::string(17, 'b') + "…");
  EXPECT_EQ(render_text(e),
            "error[E1001]: m\n"
            "    --> f:1200:101\n"
            "     |\n"
            "1200 | …" + std::string(24, 'a') + "BAD" + std::string(17, 'b') + "…\n"
            "     | " + std::string(25, ' ') + "^^^\n");
}

TEST(LogError, CountsColumnsInCodePointsAndExpandsTabs) {
  const auto e = make_log_error("E1002", "m", "f", 1, "\t\"é\":x", 6, 1);
  EXPECT_EQ(e.column, 6U);  // tab, quote, é, quote, colon, then x
  EXPECT_EQ(e.excerpt, "    \"é\":x");
  EXPECT_EQ(e.caret_begin, 8U);
}

TEST(LogError, ReplacesUnprintableBytes) {
  const auto e = make_log_error("E1007", "m", "f", 1, "a\xff" "b\x01", 1, 1);
  EXPECT_EQ(e.excerpt, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  EXPECT_EQ(e.caret_begin, 1U);
}

TEST(LogError, RendersNotesHelpAndColor) {
  auto e = make_log_error("E1006", "m", "f", 2, "xy", 0, 2);
  e.note = "n";
  e.help = "h";
  EXPECT_EQ(render_text(e),
            "error[E1006]: m\n --> f:2:1\n  |\n2 | xy\n  | ^^\n  = note: n\n  = help: h\n");
  EXPECT_NE(render_text(e, {.color = true}).find("\x1b[1;31merror[E1006]"), std::string::npos);
}

TEST(LogError, RendersFileErrorsAndJson) {
  const auto e = make_file_error("E1020", "cannot open `x`: No such file or directory", "x");
  EXPECT_EQ(render_text(e), "error[E1020]: cannot open `x`: No such file or directory\n --> x\n");
  const auto at_line = make_file_error("E1032", "bad quantity `x`", "data.csv", 12);
  EXPECT_EQ(render_text(at_line), "error[E1032]: bad quantity `x`\n --> data.csv:12\n");
  auto j = make_log_error("E1002", "bad timestamp `x`", "e.jsonl", 4, "{\"time\":\"x\"}", 8, 3);
  j.help = "h";
  EXPECT_EQ(render_json(j),
            "{\"severity\":\"error\",\"code\":\"E1002\",\"message\":\"bad timestamp `x`\",\"file\":\"e.jsonl\","
            "\"line\":4,\"column\":9,\"help\":\"h\"}\n");
}

TEST(LogError, QuotesExcerptsForMessages) {
  EXPECT_EQ(quote_excerpt("abc"), "`abc`");
  EXPECT_EQ(quote_excerpt(std::string(50, 'x'), 40), "`" + std::string(40, 'x') + "…`");
  EXPECT_EQ(quote_excerpt("a\nb"), "`a\xEF\xBF\xBD" "b`");
}

}  // namespace
}  // namespace afterflow::eventlog
