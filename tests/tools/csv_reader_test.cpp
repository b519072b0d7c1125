// The RFC 4180 reader behind the converters.
#include "interpreter/tools/internal/csv_reader.hpp"
#include "grammar/diagnostic_render.hpp"

#include <gtest/gtest.h>

namespace afterflow::tools {

using eventlog::memory_input;
using grammar::render_text;

namespace {

using rows = std::vector<std::vector<std::string>>;

struct read_result {
  rows records;
  std::vector<std::uint64_t> lines;
  std::string error;
};

read_result read(std::string_view text) {
  csv_reader csv(memory_input("t.csv", text));
  read_result r;
  while (const auto record = csv.next()) {
    r.records.emplace_back(record->begin(), record->end());
    r.lines.push_back(csv.line());
  }
  if (csv.error()) r.error = render_text(*csv.error());
  return r;
}

TEST(csv_reader, reads_plain_and_quoted_fields) {
  const auto r = read("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n,,\n");
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.records, (rows{{"a", "b", "c"}, {"1", "x, y", "say \"hi\""}, {"", "", ""}}));
}

TEST(csv_reader, keeps_line_breaks_inside_quotes) {
  const auto r = read("id,text\r\n1,\"first\r\nsecond\"\r\n2,plain\r\n");
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.records, (rows{{"id", "text"}, {"1", "first\r\nsecond"}, {"2", "plain"}}));
  EXPECT_EQ(r.lines, (std::vector<std::uint64_t>{1, 2, 4}));
}

TEST(csv_reader, skips_empty_lines_and_a_bom) {
  const auto r = read(
      "\xEF\xBB\xBF"
      "a\n\n\r\nb\n\"\"\nc");
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.records, (rows{{"a"}, {"b"}, {""}, {"c"}}));
}

TEST(csv_reader, reports_an_unclosed_quote) {
  const auto r = read("a,b\n1,\"never closed\n2,3\n");
  EXPECT_EQ(r.records, (rows{{"a", "b"}}));
  EXPECT_EQ(r.error,
            "error[E1030]: a quoted field is never closed\n"
            " --> t.csv:2\n"
            "  = help: every `\"` that opens a field needs a closing `\"`; a quote inside a field is written `\"\"`\n");
}

TEST(csv_reader, reports_text_after_a_closing_quote) {
  const auto r = read("\"ab\"c,d\n");
  EXPECT_EQ(r.error, "error[E1030]: expected `,` or a line end after a quoted field, found `c`\n --> t.csv:1\n");
}

TEST(csv_reader, finds_columns_by_name) {
  csv_reader csv(memory_input("t.csv", "x,id,name\n"));
  const auto header = csv.next();
  ASSERT_TRUE(header);
  std::optional<grammar::diagnostic> error;
  const std::array<std::string_view, 2> wanted{"name", "id"};
  EXPECT_EQ(find_columns(*header, wanted, csv, error), (std::vector<std::size_t>{2, 1}));
  const std::array<std::string_view, 1> missing{"price"};
  EXPECT_FALSE(find_columns(*header, missing, csv, error));
  ASSERT_TRUE(error);
  EXPECT_EQ(render_text(*error), "error[E1031]: missing column `price`\n --> t.csv:1\n");
}

}  // namespace
}  // namespace afterflow::tools
