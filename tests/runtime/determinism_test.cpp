// Determinism (docs/semantics.md §14 and docs/language.md "Determinism"):
// the same inputs give byte-identical actions, and what a run keeps of an
// event does not depend on the caller's buffers staying alive.
#include <sstream>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "grammar/diagnostic_render.hpp"
#include "grammar/text/timestamp.hpp"
#include "interpreter/check/checker.hpp"
#include "interpreter/compile/compiler.hpp"
#include "interpreter/eventlog/action_writer.hpp"
#include "tests/runtime/sim_support.hpp"

namespace afterflow::testing {

using check::load_and_check;
using check::memory_file_reader;
using compile::compile;
using eventlog::action_writer;
using grammar::diagnostic_list;
using grammar::render_text;
using runtime::simulator;
using stdlib::property_entry;
using stdlib::value;

namespace {

using namespace runtime;

constexpr std::string_view busy_program = R"(
policy {
  timezone "Europe/Prague"
  quiet_hours 21:00 to 08:00
  limit email 2 per 1d
}
segment regular = count(o) >= 3
flow confirm {
  trigger o
  reentry always
  key trigger.id
  send email "confirmation" { id: trigger.id, total: trigger.total, regular: regular }
  split "nudge" {
    30% none { }
    70% push { wait 2h send push "nudge" { hour: local_hour(now) } }
  }
  emit confirmed { id: trigger.id }
}
flow follow_up {
  trigger confirmed
  reentry always
  exit on r where event.id == trigger.id
  wait until 10:00 on mon..fri
  send email "follow_up" { id: trigger.id, orders: count(o, within: 7d) }
}
)";

// Five days of orders and returns for 60 customers in three zones, as one string
// of actions in the JSON Lines form of `afterflow run`.
std::string replay_busy_program() {
  diagnostic_list diagnostics;
  const std::vector<std::string> roots{"busy.flow"};
  auto checked = load_and_check(roots, memory_file_reader({{"busy.flow", std::string(busy_program)}}), diagnostics);
  if (diagnostics.has_errors()) return render_text(diagnostics, checked.sources);
  const auto compiled = compile(checked);
  auto symbols = ir::symbol_table::over(compiled.symbols);
  std::ostringstream out;
  {
    action_writer writer(out);
    simulator sim(compiled, symbols, writer);
    const char* zones[] = {"America/New_York", "Asia/Tokyo", ""};
    for (int c = 0; c < 60; ++c) {
      if (*zones[c % 3] != '\0') {
        const property_entry tz{compiled.timezone_symbol, value::string(zones[c % 3])};
        if (sim.update_profile(fmt::format("c{}", c), std::span(&tz, 1))) return "bad zone";
      }
    }
    const auto o = symbols.intern("o");
    const auto r = symbols.intern("r");
    const auto id = symbols.intern("id");
    const auto total = symbols.intern("total");
    const auto start = instant("2026-03-06T00:00:00Z");  // a Friday
    for (int i = 0; i < 600; ++i) {
      const auto customer = fmt::format("c{}", (i * 7) % 60);
      const auto order = fmt::format("o{}", i % 97);
      const property_entry props[] = {{id, value::string(order)}, {total, value::number(10.0 + i % 13)}};
      sim.feed({start + std::chrono::minutes(13) * i, i % 11 == 0 ? r : o, customer, props});
    }
    sim.finish();
    if (!writer.flush()) return "write failed";
  }
  return out.str();
}

TEST(determinism, the_same_inputs_give_byte_identical_actions) {
  const auto first = replay_busy_program();
  const auto second = replay_busy_program();
  EXPECT_EQ(first, second);
  // The replay exercised what could break determinism.
  EXPECT_GT(std::count(first.begin(), first.end(), '\n'), 500);
  EXPECT_NE(first.find("\"status\":\"suppressed\""), std::string::npos);
  EXPECT_NE(first.find("\"deferred_from\""), std::string::npos);
  EXPECT_NE(first.find("\"splits\":{\"nudge\":\"push\"}"), std::string::npos);
  EXPECT_NE(first.find("\"template\":\"follow_up\""), std::string::npos);
}

// The run's trigger, a `wait for` binding and `last(...)` are stored copies:
// overwriting the bytes the caller fed them from changes nothing.
TEST(stored_events, outlive_the_input_buffer) {
  diagnostic_list diagnostics;
  const std::vector<std::string> roots{"keep.flow"};
  auto checked = load_and_check(roots, memory_file_reader({{"keep.flow", R"(
flow keep {
  trigger a
  wait for b as got within 1d
  wait 1h
  send email "kept" { from_trigger: trigger.s, items: trigger.items, from_binding: got.s, from_history: last(a).s }
}
)"}}),
                                diagnostics);
  ASSERT_FALSE(diagnostics.has_errors()) << render_text(diagnostics, checked.sources);
  const auto compiled = compile(checked);
  auto symbols = ir::symbol_table::over(compiled.symbols);
  std::ostringstream out;
  action_writer writer(out);
  simulator sim(compiled, symbols, writer);
  const auto s = symbols.intern("s");
  const auto items = symbols.intern("items");
  {
    std::string customer = "customer-1";
    std::string text = "from the trigger";
    std::string item = "item-1";
    const value list_items[] = {value::string(item)};
    const property_entry props[] = {{s, value::string(text)}, {items, value::list(list_items)}};
    sim.feed({instant("2026-03-02T09:00:00Z"), symbols.intern("a"), customer, props});
    std::fill(customer.begin(), customer.end(), 'X');
    std::fill(text.begin(), text.end(), 'X');
    std::fill(item.begin(), item.end(), 'X');
  }
  {
    std::string text = "from the binding";
    const property_entry props[] = {{s, value::string(text)}};
    sim.feed({instant("2026-03-02T10:00:00Z"), symbols.intern("b"), "customer-1", props});
    std::fill(text.begin(), text.end(), 'X');
  }
  sim.finish();
  ASSERT_TRUE(writer.flush());
  EXPECT_EQ(
      out.str(),
      "{\"time\":\"2026-03-02T11:00:00Z\",\"customer\":\"customer-1\",\"flow\":\"keep\",\"run\":\"keep:customer-1:1\","
      "\"step\":\"keep.flow:6\",\"channel\":\"email\",\"template\":\"kept\",\"params\":{\"from_trigger\":\"from "
      "the trigger\",\"items\":[\"item-1\"],\"from_binding\":\"from the binding\",\"from_history\":\"from the "
      "trigger\"},\"status\":\"sent\"}\n");
}

}  // namespace
}  // namespace afterflow::testing
