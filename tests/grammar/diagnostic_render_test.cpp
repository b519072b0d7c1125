#include "grammar/diagnostic_render.hpp"

#include <gtest/gtest.h>

namespace afterflow::grammar {
namespace {

TEST(diagnostic_render, error_with_carets_and_help) {
  source_set sources;
  const auto id = sources.add("flows/winback.flow", "flow x {\n  when trigger.totl > 100\n}\n");
  diagnostic_list list;
  list.error("E0102", span{id, 16, 28}, "unknown property `totl` on event `order_placed`")
      .with_help("did you mean `total`?");
  EXPECT_EQ(render_text(list.items()[0], sources),
            "error[E0102]: unknown property `totl` on event `order_placed`\n"
            " --> flows/winback.flow:2:8\n"
            "  |\n"
            "2 |   when trigger.totl > 100\n"
            "  |        ^^^^^^^^^^^^\n"
            "  = help: did you mean `total`?\n");
}

TEST(diagnostic_render, width_of_gutter_follows_line_number) {
  std::string text;
  for (int i = 0; i < 11; ++i) text += "x\n";
  text += "bad\n";
  source_set sources;
  const auto id = sources.add("a.flow", text);
  diagnostic_list list;
  list.warning("W0001", span{id, 22, 25}, "something").with_label("here");
  EXPECT_EQ(render_text(list.items()[0], sources),
            "warning[W0001]: something\n"
            "  --> a.flow:12:1\n"
            "   |\n"
            "12 | bad\n"
            "   | ^^^ here\n");
}

TEST(diagnostic_render, empty_span_at_end_of_input_gets_one_caret) {
  source_set sources;
  const auto id = sources.add("a.flow", "flow x {");
  diagnostic_list list;
  list.error("E0001", span{id, 8, 8}, "expected `}`, found end of input");
  EXPECT_EQ(render_text(list.items()[0], sources),
            "error[E0001]: expected `}`, found end of input\n"
            " --> a.flow:1:9\n"
            "  |\n"
            "1 | flow x {\n"
            "  |         ^\n");
}

TEST(diagnostic_render, multi_line_span_is_cut_at_the_first_line_end) {
  source_set sources;
  const auto id = sources.add("a.flow", "if x {\n  y\n}\n");
  diagnostic_list list;
  list.error("E0300", span{id, 3, 13}, "m");
  EXPECT_NE(render_text(list.items()[0], sources).find("1 | if x {\n  |    ^^^\n"), std::string::npos);
}

TEST(diagnostic_render, tabs_and_wide_characters_keep_carets_aligned) {
  source_set sources;
  const auto id = sources.add("a.flow", "\t\"\u00e9\" + 1\n");
  diagnostic_list list;
  list.error("E0200", span{id, 6, 7}, "m");
  EXPECT_NE(render_text(list.items()[0], sources).find("1 |     \"\u00e9\" + 1\n  |         ^\n"), std::string::npos);
}

TEST(diagnostic_render, notes_with_and_without_spans) {
  source_set sources;
  const auto id = sources.add("a.flow", "segment vip = true\nsegment vip = false\n");
  diagnostic_list list;
  list.error("E0110", span{id, 27, 30}, "duplicate segment `vip`")
      .with_note("first defined here", span{id, 8, 11})
      .with_note("segment names are shared by a file and its importers");
  EXPECT_EQ(render_text(list.items()[0], sources),
            "error[E0110]: duplicate segment `vip`\n"
            " --> a.flow:2:9\n"
            "  |\n"
            "2 | segment vip = false\n"
            "  |         ^^^\n"
            "note: first defined here\n"
            " --> a.flow:1:9\n"
            "  |\n"
            "1 | segment vip = true\n"
            "  |         ---\n"
            "  = note: segment names are shared by a file and its importers\n");
}

TEST(diagnostic_render, summary_line_counts_errors_and_warnings) {
  source_set sources;
  const auto id = sources.add("a.flow", "x\n");
  diagnostic_list list;
  list.error("E1", span{id, 0, 1}, "a");
  list.error("E2", span{id, 0, 1}, "b");
  list.warning("W1", span{id, 0, 1}, "c");
  const auto text = render_text(list, sources);
  EXPECT_TRUE(text.ends_with("error: 2 errors and 1 warning emitted\n")) << text;
  diagnostic_list only_warning;
  only_warning.warning("W1", span{id, 0, 1}, "c");
  EXPECT_TRUE(render_text(only_warning, sources).ends_with("warning: 1 warning emitted\n"));
  EXPECT_EQ(render_text(diagnostic_list{}, sources), "");
}

TEST(diagnostic_render, json_carries_positions_and_help) {
  source_set sources;
  const auto id = sources.add("a.flow", "ab\ncd\n");
  diagnostic_list list;
  list.error("E0101", span{id, 3, 5}, "unknown `cd`").with_help("did you mean `ab`?");
  EXPECT_EQ(render_json(list, sources),
            R"({"diagnostics":[{"severity":"error","code":"E0101","message":"unknown `cd`",)"
            R"("file":"a.flow","line":2,"column":1,"end_line":2,"end_column":3,"byte_begin":3,)"
            R"("byte_end":5,"help":"did you mean `ab`?"}],"errors":1,"warnings":0})"
            "\n");
}

TEST(diagnostic_list, sort_is_by_file_then_position_and_stable) {
  diagnostic_list list;
  list.error("E3", span{1, 0, 1}, "c");
  list.error("E2", span{0, 5, 6}, "b");
  list.error("E1", span{0, 1, 2}, "a");
  list.warning("W1", span{0, 1, 2}, "a2");
  list.sort();
  ASSERT_EQ(list.items().size(), 4u);
  EXPECT_EQ(list.items()[0].code, "E1");
  EXPECT_EQ(list.items()[1].code, "W1");
  EXPECT_EQ(list.items()[2].code, "E2");
  EXPECT_EQ(list.items()[3].code, "E3");
  EXPECT_EQ(list.error_count(), 3u);
  EXPECT_EQ(list.warning_count(), 1u);
}

}  // namespace
}  // namespace afterflow::grammar
