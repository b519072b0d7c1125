#include "grammar/source.hpp"

#include <gtest/gtest.h>

namespace afterflow::grammar {
namespace {

TEST(SourceFile, PositionsAreOneBasedLinesAndCodePointColumns) {
  source_file f("a.flow", "ab\ncd\u00e9f\n");
  EXPECT_EQ(f.position(0), (line_col{1, 1}));
  EXPECT_EQ(f.position(1), (line_col{1, 2}));
  EXPECT_EQ(f.position(3), (line_col{2, 1}));
  // 'é' is two bytes but one column.
  EXPECT_EQ(f.position(7), (line_col{2, 4}));
  EXPECT_EQ(f.line_count(), 2u);
  EXPECT_EQ(f.line_text(2), "cd\u00e9f");
}

TEST(SourceFile, ByteOrderMarkIsRemoved) {
  source_file f("a.flow", "\xEF\xBB\xBFimport \"x\"");
  EXPECT_EQ(f.text(), "import \"x\"");
  EXPECT_EQ(f.position(0), (line_col{1, 1}));
}

TEST(SourceFile, CarriageReturnsAreHiddenFromLineText) {
  source_file f("a.flow", "one\r\ntwo\r\n");
  EXPECT_EQ(f.line_text(1), "one");
  EXPECT_EQ(f.line_text(2), "two");
  EXPECT_EQ(f.position(5), (line_col{2, 1}));
}

TEST(SourceFile, OffsetsPastTheEndAreClamped) {
  source_file f("a.flow", "x");
  EXPECT_EQ(f.position(100), (line_col{1, 2}));
  EXPECT_EQ(f.text({0, 0, 100}), "x");
  EXPECT_EQ(f.text({0, 50, 100}), "");
  EXPECT_EQ(f.line_text(9), "");
}

TEST(SourceFile, EmptyFileHasOneEmptyLine) {
  source_file f("a.flow", "");
  EXPECT_EQ(f.line_count(), 1u);
  EXPECT_EQ(f.position(0), (line_col{1, 1}));
  EXPECT_EQ(f.line_text(1), "");
}

TEST(SourceSet, FilesAreAddressedById) {
  source_set set;
  const auto a = set.add("a.flow", "aaa");
  const auto b = set.add("b.flow", "bbb");
  EXPECT_EQ(set.file(a).name(), "a.flow");
  EXPECT_EQ(set.text({b, 1, 3}), "bb");
}

TEST(Span, ToCoversBoth) {
  const span a{0, 4, 6};
  const span b{0, 1, 2};
  EXPECT_EQ(a.to(b), (span{0, 1, 6}));
}

}  // namespace
}  // namespace afterflow::grammar
