// The leaves of the formatter that need no parser: string quoting and the
// line buffer's rules (blank lines, trailing comment alignment).
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "grammar/format/format_text.hpp"
#include "grammar/format/internal/format_writer.hpp"

namespace afterflow::format {


namespace {

TEST(FormatQuote, EscapesOnlyWhatMustBeEscaped) {
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

TEST(FormatWriter, EmptyOutputIsEmpty) {
  writer w;
  EXPECT_EQ(w.finish(), "");
}

TEST(FormatWriter, IndentsAndEndsEveryLine) {
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

TEST(FormatWriter, BlankLinesCollapseAndNeverFollowAnOpeningBrace) {
  writer w;
  w.request_blank();  // at the start: dropped
  w.append("a {");
  w.end_line();
  w.request_blank();  // right after `{`: dropped
  w.indent();
  w.append("b");
  w.end_line();
  w.request_blank();
  w.request_blank();  // two requests are one blank line
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

TEST(FormatWriter, AlignsRunsOfTrailingCommentsAtOneDepth) {
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

TEST(FormatWriter, ColumnsCountCodePoints) {
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
