// Lowering: what the compiled program holds for a checked one. The runtime
// tests show what a program does; these show its shape (indexes, shared
// history slots, folded constants, presence tests), which the hot path
// relies on.
#include "interpreter/compile/compiler.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "grammar/diagnostic_render.hpp"
#include "interpreter/check/checker.hpp"

namespace afterflow::compile {
namespace {

using ir::op;

struct compiled {
  check::checked_program checked;
  ir::program program;
};

compiled lower(const std::string& source) {
  grammar::diagnostic_list diagnostics;
  std::vector<std::string> roots{"t.flow"};
  auto checked = check::load_and_check(roots, check::memory_file_reader({{"t.flow", source}}), diagnostics);
  EXPECT_FALSE(diagnostics.has_errors()) << grammar::render_text(diagnostics, checked.sources);
  auto program = compile(checked);
  return {std::move(checked), std::move(program)};
}

// The node of the expression whose source text is `text`.
const ir::node* node_of(const ir::program& p, std::string_view text) {
  for (std::size_t i = 0; i < p.nodes.size(); ++i) {
    if (p.node_source[i] == text) return &p.nodes[i];
  }
  return nullptr;
}

constexpr const char* shop = R"(
import "ecommerce"
segment loyal = count(order_placed) >= 3
flow thanks {
  trigger order_placed where event.total > 20 and count(order_placed) >= 3
  exit on order_cancelled where event.order_id == trigger.order_id
  when trigger.coupon == null
  wait 1d / 7
  send email "thanks" { order_id: trigger.order_id }
}
flow other {
  trigger order_delivered
  send email "delivered"
}
)";

TEST(compiler, indexes_events_by_what_reacts_to_them) {
  const auto c = lower(shop);
  const auto& p = c.program;
  ASSERT_EQ(p.flows.size(), 2U);
  const auto placed = p.symbols.find("order_placed");
  const auto delivered = p.symbols.find("order_delivered");
  const auto cancelled = p.symbols.find("order_cancelled");
  ASSERT_LT(placed, p.triggers_by_event.size());
  EXPECT_EQ(p.triggers_by_event[placed], (std::vector<std::pair<std::uint32_t, std::uint32_t>>{{0, 0}}));
  EXPECT_EQ(p.triggers_by_event[delivered], (std::vector<std::pair<std::uint32_t, std::uint32_t>>{{1, 0}}));
  EXPECT_TRUE(p.event_matters[cancelled]);  // an exit waits for it
  // Only what some expression reads is extracted from a log line.
  const auto& read = p.properties_by_event[placed];
  const auto total = p.symbols.find("total");
  EXPECT_NE(std::find(read.begin(), read.end(), total), read.end());
  EXPECT_EQ(std::find(read.begin(), read.end(), p.symbols.find("currency")), read.end());
}

TEST(compiler, identical_aggregates_share_one_history_slot) {
  const auto c = lower(shop);
  // `count(order_placed)` in the segment and in the trigger's filter.
  ASSERT_EQ(c.program.history.size(), 1U);
  EXPECT_EQ(c.program.history[0].function, stdlib::builtin_id::count);
  EXPECT_EQ(c.program.history_by_event[c.program.symbols.find("order_placed")], (std::vector<std::uint32_t>{0}));
}

TEST(compiler, constant_expressions_arrive_folded_in_microseconds) {
  const auto c = lower(shop);
  const auto* wait = node_of(c.program, "1d / 7");
  ASSERT_NE(wait, nullptr);
  ASSERT_EQ(wait->code, op::constant);
  const auto& v = c.program.constants[wait->a];
  ASSERT_TRUE(v.is(stdlib::type_kind::duration));
  EXPECT_EQ(v.as_duration().count(), 12'342'857'143);
}

TEST(compiler, a_comparison_with_the_null_literal_is_a_presence_test) {
  const auto c = lower(shop);
  const auto* test = node_of(c.program, "trigger.coupon == null");
  ASSERT_NE(test, nullptr);
  EXPECT_EQ(test->code, op::is_null);
  const auto* total = node_of(c.program, "event.total > 20");
  ASSERT_NE(total, nullptr);
  EXPECT_EQ(total->code, op::binary);
  EXPECT_EQ(static_cast<grammar::binary_op>(total->c), grammar::binary_op::greater);
}

TEST(compiler, a_scope_keeps_only_the_flows_it_names) {
  const auto c = lower(shop);
  compile_scope scope;
  scope.flows = {1};
  const auto p = compile(c.checked, scope);
  ASSERT_EQ(p.flows.size(), 1U);
  EXPECT_EQ(p.flows[0].name, "other");
}

}  // namespace
}  // namespace afterflow::compile
