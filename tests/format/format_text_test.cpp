// The leaves of the formatter that need no parser: string quoting and the
// line buffer's rules (blank lines, trailing comment alignment).
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "grammar/format/format_text.hpp"
#include "grammar/format/internal/format_writer.hpp"

namespace afterflow::format {

namespace {

TEST(format_quote, escapes_only_what_must_be_escaped) {
  struct row {
    std::string_view value;
    std::string_view quoted;
  };
  const row rows[] = {
      {"", R"("")"},
      {"plain text", R"("plain text")"},
      {"say \"hi\"", R"("say \"hi\"")"},
      {"back\\slash", R"("back\\slash")"},
      {"a\nb\tc\rd", R"("a\nb\tc\rd")"},
      {std::string_view("\0", 1), R"("\u{0}")"},
      {"\x01\x1b\x1f\x7f", R"("\u{1}\u{1b}\u{1f}\u{7f}")"},
      {"caf\xC3\xA9 \xF0\x9F\x98\x80", "\"caf\xC3\xA9 \xF0\x9F\x98\x80\""},
      {"# not a comment", R"("# not a comment")"},
  };
  for (const auto& r : rows) EXPECT_EQ(quote(r.value), r.quoted) << r.quoted;
}

TEST(format_writer, empty_output_is_empty) {
  writer w;
  EXPECT_EQ(w.finish(), "");
}

TEST(format_writer, indents_and_ends_every_line) {
  writer w;
  w.append("a {");
  w.end_line();
  w.indent();
  w.append("b");
  w.end_line();
  w.dedent();
  w.append("}");
  EXPECT_EQ(w.finish(), "a {\n  b\n}\n");
}

TEST(format_writer, blank_lines_collapse_and_never_follow_an_opening_brace) {
  writer w;
  w.request_blank();  // at the start: dropped
  w.append("a {");
  w.end_line();
  w.request_blank();  // right after `{`: dropped
  w.indent();
  w.append("b");
  w.end_line();
  w.request_blank();
  w.request_blank();        // two requests are one blank line
  w.comment_line("# c {");  // a comment ending in `{` opens nothing
  w.request_blank();
  w.append("d");
  w.end_line();
  w.request_blank();
  w.cancel_blank();  // before `}`
  w.dedent();
  w.append("}");
  EXPECT_EQ(w.finish(), "a {\n  b\n\n  # c {\n\n  d\n}\n");
}

TEST(format_writer, aligns_runs_of_trailing_comments_at_one_depth) {
  writer w;
  w.append("a");
  w.set_trailing("# 1");
  w.end_line();
  w.append("long line");
  w.set_trailing("# 2");
  w.end_line();
  w.indent();
  w.append("x");
  w.set_trailing("# 3");  // another depth: another run
  w.end_line();
  w.dedent();
  w.append("b");
  w.end_line();  // no comment: ends the run
  w.append("c");
  w.set_trailing("# 4");
  w.end_line();
  EXPECT_EQ(w.finish(), "a         # 1\nlong line # 2\n  x # 3\nb\nc # 4\n");
}

TEST(format_writer, columns_count_code_points) {
  writer w;
  w.indent();
  EXPECT_EQ(w.column(), 2u);
  w.append("\xC3\xA9t\xC3\xA9");
  EXPECT_EQ(w.column(), 5u);
  w.set_trailing("# x");
  w.end_line();
  w.append("abc");  // as wide as `été`, though shorter in bytes
  w.set_trailing("# y");
  EXPECT_EQ(w.finish(), "  \xC3\xA9t\xC3\xA9 # x\n  abc # y\n");
}

}  // namespace
}  // namespace afterflow::format
