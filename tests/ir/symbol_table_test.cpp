// Interned names, and the replay's table laid over the program's.
#include "interpreter/ir/symbol_table.hpp"

#include <gtest/gtest.h>

namespace afterflow::ir {

using stdlib::no_symbol;

namespace {

TEST(symbol_table, interns_each_name_once) {
  symbol_table t;
  const auto a = t.intern("order_placed");
  EXPECT_EQ(t.intern("order_placed"), a);
  EXPECT_NE(t.intern("total"), a);
  EXPECT_EQ(t.find("total"), 1U);
  EXPECT_EQ(t.find("missing"), no_symbol);
  EXPECT_EQ(t.name(a), "order_placed");
  EXPECT_EQ(t.size(), 2U);
}

TEST(symbol_table, an_overlay_keeps_the_programs_symbols_and_numbers_new_ones_after_them) {
  symbol_table program;
  const auto placed = program.intern("order_placed");
  const auto total = program.intern("total");
  auto replay = symbol_table::over(program);
  EXPECT_EQ(replay.intern("total"), total);
  EXPECT_EQ(replay.find("order_placed"), placed);
  const auto page = replay.intern("page_viewed");
  EXPECT_EQ(page, 2U);
  EXPECT_EQ(replay.intern("page_viewed"), page);
  EXPECT_EQ(replay.name(page), "page_viewed");
  EXPECT_EQ(replay.name(total), "total");
  EXPECT_EQ(replay.size(), 3U);
  // The program's table is untouched: it stays read-only after lowering.
  EXPECT_EQ(program.size(), 2U);
  EXPECT_EQ(program.find("page_viewed"), no_symbol);
}

TEST(symbol_table, two_overlays_of_one_program_are_independent) {
  symbol_table program;
  program.intern("a");
  auto first = symbol_table::over(program);
  auto second = symbol_table::over(program);
  EXPECT_EQ(first.intern("x"), 1U);
  EXPECT_EQ(second.intern("y"), 1U);
  EXPECT_EQ(first.find("y"), no_symbol);
  EXPECT_EQ(second.name(1), "y");
}

TEST(symbol_table, an_overlay_moves_with_its_names) {
  symbol_table program;
  program.intern("a");
  auto replay = symbol_table::over(program);
  const auto b = replay.intern("b");
  const auto name_before = replay.name(b);
  symbol_table moved = std::move(replay);
  EXPECT_EQ(moved.find("b"), b);
  EXPECT_EQ(moved.name(b).data(), name_before.data());  // the strings did not move
  EXPECT_EQ(moved.find("a"), 0U);
}

}  // namespace
}  // namespace afterflow::ir
