#include "grammar/source.hpp"

#include <gtest/gtest.h>

namespace afterflow::grammar {
namespace {

TEST(source_file, positions_are_one_based_lines_and_code_point_columns) {
  source_file f("a.flow", "ab\ncd\u00e9f\n");
  EXPECT_EQ(f.position(0), (line_col{1, 1}));
  EXPECT_EQ(f.position(1), (line_col{1, 2}));
  EXPECT_EQ(f.position(3), (line_col{2, 1}));
  // 'é' is two bytes but one column.
  EXPECT_EQ(f.position(7), (line_col{2, 4}));
  EXPECT_EQ(f.line_count(), 2u);
  EXPECT_EQ(f.line_text(2), "cd\u00e9f");
}

TEST(source_file, byte_order_mark_is_removed) {
  source_file f("a.flow", "\xEF\xBB\xBFimport \"x\"");
  EXPECT_EQ(f.text(), "import \"x\"");
  EXPECT_EQ(f.position(0), (line_col{1, 1}));
}

TEST(source_file, carriage_returns_are_hidden_from_line_text) {
  source_file f("a.flow", "one\r\ntwo\r\n");
  EXPECT_EQ(f.line_text(1), "one");
  EXPECT_EQ(f.line_text(2), "two");
  EXPECT_EQ(f.position(5), (line_col{2, 1}));
}

TEST(source_file, offsets_past_the_end_are_clamped) {
  source_file f("a.flow", "x");
  EXPECT_EQ(f.position(100), (line_col{1, 2}));
  EXPECT_EQ(f.text({0, 0, 100}), "x");
  EXPECT_EQ(f.text({0, 50, 100}), "");
  EXPECT_EQ(f.line_text(9), "");
}

TEST(source_file, empty_file_has_one_empty_line) {
  source_file f("a.flow", "");
  EXPECT_EQ(f.line_count(), 1u);
  EXPECT_EQ(f.position(0), (line_col{1, 1}));
  EXPECT_EQ(f.line_text(1), "");
}

TEST(source_set, files_are_addressed_by_id) {
  source_set set;
  const auto a = set.add("a.flow", "aaa");
  const auto b = set.add("b.flow", "bbb");
  EXPECT_EQ(set.file(a).name(), "a.flow");
  EXPECT_EQ(set.text({b, 1, 3}), "bb");
}

TEST(span, to_covers_both) {
  const span a{0, 4, 6};
  const span b{0, 1, 2};
  EXPECT_EQ(a.to(b), (span{0, 1, 6}));
}

}  // namespace
}  // namespace afterflow::grammar
