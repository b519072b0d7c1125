// What the simulator accounts for in `memory()` (bench/replay_e2e reports it
// per customer): window arrays come from the history's block pool, and no
// per-customer record outlives the runs that needed it.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "grammar/diagnostic_render.hpp"
#include "grammar/text/timestamp.hpp"
#include "interpreter/check/checker.hpp"
#include "interpreter/compile/compiler.hpp"
#include "interpreter/runtime/action.hpp"
#include "interpreter/runtime/internal/block_pool.hpp"
#include "interpreter/runtime/simulator.hpp"
#include "tests/runtime/sim_support.hpp"

namespace afterflow::testing {

using check::load_and_check;
using check::memory_file_reader;
using compile::compile;
using grammar::diagnostic_list;
using grammar::render_text;
using runtime::action_counter;
using runtime::block_pool;
using runtime::simulator;
using stdlib::property_entry;
using stdlib::value;

namespace {

using namespace runtime;

// Replays one order per customer, then a second one a day later, and
// returns what the simulator holds once every run has ended.
memory_usage held_after_replay(std::string_view source, int customers) {
  diagnostic_list diagnostics;
  const std::vector<std::string> roots{"m.flow"};
  auto checked = load_and_check(roots, memory_file_reader({{"m.flow", std::string(source)}}), diagnostics);
  EXPECT_FALSE(diagnostics.has_errors()) << render_text(diagnostics, checked.sources);
  const auto compiled = compile(checked);
  auto symbols = ir::symbol_table::over(compiled.symbols);
  action_counter actions;
  simulator sim(compiled, symbols, actions);
  const auto o = symbols.intern("o");
  const auto total = symbols.intern("total");
  const auto start = instant("2026-03-02T09:00:00Z");
  for (int day = 0; day < 2; ++day) {
    for (int c = 0; c < customers; ++c) {
      const property_entry props[] = {{total, value::number(60)}};
      sim.feed({start + std::chrono::days(day) + std::chrono::seconds(c), o, fmt::format("c{}", c), props});
    }
  }
  sim.finish();
  EXPECT_EQ(sim.customer_count(), static_cast<std::size_t>(customers));
  EXPECT_GT(actions.count(), 0U);
  return sim.memory();
}

TEST(memory, window_arrays_come_from_the_pool) {
  // 1,000 customers with two entries each (32 bytes) fit in one chunk.
  const auto held = held_after_replay(R"(
segment big_spender = sum(o.total, within: 365d) >= 100
flow thanks {
  trigger o where big_spender
  wait 1h
  send email "thanks"
}
)",
                                      1000);
  EXPECT_EQ(held.history, block_pool::chunk_bytes);
  EXPECT_EQ(held.extras, 0U) << "records of ended runs are freed";
  EXPECT_GE(held.customers, 1000 * 64U);
  EXPECT_EQ(held.total(), held.customer_ids + held.customers + held.extras + held.history + held.runs);
}

TEST(memory, counters_need_no_heap) {
  const auto held = held_after_replay(R"(
flow second_order {
  trigger o where count(o) >= 2
  wait 1h
  send email "welcome_back"
}
)",
                                      1000);
  EXPECT_EQ(held.history, 0U) << "a counter lives in the customer's inline slots";
  EXPECT_EQ(held.extras, 0U);
}

}  // namespace
}  // namespace afterflow::testing
