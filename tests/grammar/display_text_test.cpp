#include "grammar/text/display_text.hpp"

#include <string>

#include <gtest/gtest.h>

#include "grammar/diagnostic_render.hpp"
#include "grammar/file_error.hpp"

namespace afterflow::grammar {
namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";

TEST(display_text, short_lines_are_shown_whole) {
  const auto e = excerpt_of("{\"a\":1}", 5, 6);
  EXPECT_EQ(e.text, "{\"a\":1}");
  EXPECT_EQ(e.column, 6U);
  EXPECT_EQ(e.caret_begin, 5U);
  EXPECT_EQ(e.caret_width, 1U);
}

TEST(display_text, control_and_invalid_bytes_never_reach_the_terminal) {
  const std::string line = std::string("a") + '\0' + "\xFF" + "\x1b[31m" + "b";
  const auto e = excerpt_of(line, 0, line.size());
  EXPECT_EQ(e.text.find('\0'), std::string::npos);
  EXPECT_EQ(e.text.find('\x1b'), std::string::npos);
  EXPECT_EQ(e.text.find('\xFF'), std::string::npos);
  EXPECT_EQ(e.text, "a" + std::string(replacement) + std::string(replacement) + std::string(replacement) + "[31mb");
}

TEST(display_text, a_huge_line_is_cut_around_the_problem) {
  const std::string line = std::string(3'000'000, 'x') + "!" + std::string(1000, 'y');
  const auto e = excerpt_of(line, 3'000'000, 3'000'001);
  EXPECT_EQ(e.column, 3'000'001U);
  EXPECT_LT(e.text.size(), 200U);
  EXPECT_EQ(e.text.substr(0, 3), "…");
  EXPECT_EQ(e.text[e.caret_begin + 2], '!');  // the ellipsis is one column, three bytes
  EXPECT_EQ(e.caret_width, 1U);
}

TEST(display_text, columns_count_code_points_before_a_cut) {
  std::string line;
  for (int i = 0; i < 100; ++i) line += "é";
  line += "!";
  const auto e = excerpt_of(line, 200, 201);
  EXPECT_EQ(e.column, 101U);
}

TEST(display_text, source_lines_are_shown_whole_up_to_160_code_points) {
  const std::string line(150, 'a');
  EXPECT_EQ(excerpt_of(line, 140, 141, source_line_widths).text, line);
  EXPECT_NE(excerpt_of(line, 140, 141).text, line);
}

TEST(display_text, messages_are_escaped_and_long_quotes_cut) {
  EXPECT_EQ(display_message("bad `a\x01` here"), "bad `a" + std::string(replacement) + "` here");
  const auto long_name = std::string(10'000, 'z');
  const auto shown = display_message("event `" + long_name + "` is not declared");
  EXPECT_EQ(shown, "event `" + std::string(max_quoted, 'z') + "…` is not declared");
  EXPECT_EQ(display_message("unterminated `" + long_name), "unterminated `" + std::string(max_quoted, 'z') + "…");
}

TEST(display_text, the_renderer_bounds_every_source_diagnostic) {
  source_set sources;
  const std::string name(100'000, 'x');
  const auto id = sources.add("a.flow", "flow a { trigger " + name + std::string("\xFF") + " }\n");
  diagnostic_list list;
  list.warning("W0100", span{id, 17, static_cast<uint32_t>(17 + name.size())}, "event `" + name + "` is not declared");
  const auto out = render_text(list.items()[0], sources);
  EXPECT_LT(out.size(), 1000U);
  EXPECT_EQ(out.find('\xFF'), std::string::npos);
}

TEST(display_text, data_errors_quote_a_huge_token_briefly) {
  const std::string line = "{\"time\":\"" + std::string(1'000'000, '9') + "\"}";
  const auto d = make_line_error("E1002", "bad timestamp " + quote_excerpt(std::string(1'000'000, '9')), "log", 1, line,
                                 8, 1'000'002);
  EXPECT_LT(render_text(d).size(), 600U);
}

}  // namespace
}  // namespace afterflow::grammar
