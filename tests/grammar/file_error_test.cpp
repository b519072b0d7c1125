// Diagnostics about input data: their excerpts, and their rendering by the
// one renderer of every diagnostic.
#include "grammar/file_error.hpp"

#include <gtest/gtest.h>

#include "grammar/diagnostic_render.hpp"

namespace afterflow::grammar {
namespace {

TEST(file_error, shows_a_short_line_whole) {
  const auto e = make_line_error("E1001", "expected `,` or `}`, found `x`", "a.jsonl", 3, R"({"a":1 x})", 7, 1);
  EXPECT_EQ(e.in_file()->column, 8U);
  EXPECT_EQ(render_text(e),
            "error[E1001]: expected `,` or `}`, found `x`\n"
            " --> a.jsonl:3:8\n"
            "  |\n"
            "3 | {\"a\":1 x}\n"
            "  |        ^\n");
}

TEST(file_error, cuts_a_long_line_around_the_problem) {
  const std::string line = std::string(100, 'a') + "BAD" + std::string(100, 'b');
  const auto e = make_line_error("E1001", "m", "f", 1200, line, 100, 3);
  EXPECT_EQ(e.in_file()->column, 101U);
  EXPECT_EQ(e.in_file()->excerpt, "…" + std::string(24, 'a') + "BAD" + std::string(17, 'b') + "…");
  EXPECT_EQ(render_text(e),
            "error[E1001]: m\n"
            "    --> f:1200:101\n"
            "     |\n"
            "1200 | …" +
                std::string(24, 'a') + "BAD" + std::string(17, 'b') +
                "…\n"
                "     | " +
                std::string(25, ' ') + "^^^\n");
}

TEST(file_error, counts_columns_in_code_points_and_expands_tabs) {
  const auto e = make_line_error("E1002", "m", "f", 1, "\t\"é\":x", 6, 1);
  EXPECT_EQ(e.in_file()->column, 6U);  // tab, quote, é, quote, colon, then x
  EXPECT_EQ(e.in_file()->excerpt, "    \"é\":x");
  EXPECT_EQ(e.in_file()->caret_begin, 8U);
}

TEST(file_error, replaces_unprintable_bytes) {
  const auto e = make_line_error("E1007", "m", "f", 1,
                                 "a\xff"
                                 "b\x01",
                                 1, 1);
  EXPECT_EQ(e.in_file()->excerpt,
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD");
  EXPECT_EQ(e.in_file()->caret_begin, 1U);
}

TEST(file_error, renders_notes_help_and_color) {
  auto e = make_line_error("E1006", "m", "f", 2, "xy", 0, 2);
  e.with_note("n");
  e.help = "h";
  EXPECT_EQ(render_text(e), "error[E1006]: m\n --> f:2:1\n  |\n2 | xy\n  | ^^\n  = note: n\n  = help: h\n");
  EXPECT_NE(render_text(e, {.color = true}).find("\x1b[1;31merror[E1006]"), std::string::npos);
}

TEST(file_error, renders_file_errors_and_json) {
  const auto e = make_file_error("E1020", "cannot open `x`: No such file or directory", "x");
  EXPECT_EQ(render_text(e), "error[E1020]: cannot open `x`: No such file or directory\n --> x\n");
  // The gutter is as wide as the line number, with or without an excerpt.
  const auto at_line = make_file_error("E1032", "bad quantity `x`", "data.csv", 2);
  EXPECT_EQ(render_text(at_line), "error[E1032]: bad quantity `x`\n --> data.csv:2\n");
  auto later = make_file_error("E1032", "bad quantity `x`", "data.csv", 12);
  later.with_note("n");
  EXPECT_EQ(render_text(later), "error[E1032]: bad quantity `x`\n  --> data.csv:12\n   = note: n\n");
  diagnostic_list list;
  auto j = make_line_error("E1002", "bad timestamp `x`", "e.jsonl", 4, "{\"time\":\"x\"}", 8, 3);
  j.help = "h";
  list.add(j);
  EXPECT_EQ(render_json(list, source_set()),
            "{\"diagnostics\":[{\"severity\":\"error\",\"code\":\"E1002\",\"message\":\"bad timestamp `x`\","
            "\"file\":\"e.jsonl\",\"line\":4,\"column\":9,\"help\":\"h\"}],\"errors\":1,\"warnings\":0}\n");
}

TEST(file_error, quotes_excerpts_for_messages) {
  EXPECT_EQ(quote_excerpt("abc"), "`abc`");
  EXPECT_EQ(quote_excerpt(std::string(50, 'x'), 40), "`" + std::string(40, 'x') + "…`");
  EXPECT_EQ(quote_excerpt("a\nb"),
            "`a\xEF\xBF\xBD"
            "b`");
}

}  // namespace
}  // namespace afterflow::grammar
