#include "interpreter/testing/test_runner.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "grammar/text/time_text.hpp"
#include "grammar/text/timestamp.hpp"
#include "interpreter/compile/compiler.hpp"
#include "interpreter/ir/value_format.hpp"
#include "interpreter/replay/explain.hpp"
#include "interpreter/runtime/simulator.hpp"

namespace afterflow::testing {

using check::checked_program;
using check::file_index;
using check::no_index;
using check::test_index;
using check::to_value;
using compile::compile;
using compile::compile_scope;
using grammar::duration_text;
using grammar::file_id;
using grammar::format_timestamp;
using grammar::span;
using ir::symbol_table;
using replay::render_timeline;
using replay::trace_recorder;
using runtime::action_collector;
using runtime::simulator;
using runtime::simulator_options;
using runtime::trace_entry;
using stdlib::property_entry;
using stdlib::value;
using stdlib::value_storage;

namespace {

// Turns the checker's folded constants into runtime values. Strings and
// lists live here until the simulator has copied what it keeps.
class constant_values {
 public:
  explicit constant_values(symbol_table& symbols) : symbols_(symbols) {}

  std::vector<property_entry> entries(const checked_program& checked, const std::vector<ast::property>& props) {
    std::vector<property_entry> out;
    out.reserve(props.size());
    for (const auto& p : props) {
      const auto* info = checked.find_info(p.value);
      const auto v = info != nullptr && info->constant ? to_value(*info->constant, storage_) : value::null();
      out.push_back({symbols_.intern(p.name.name), v});
    }
    return out;
  }

 private:
  symbol_table& symbols_;
  value_storage storage_;
};

// The test's file and every file it imports, directly or not.
std::vector<file_id> policy_files(const checked_program& checked, file_index file) {
  std::vector<bool> reachable(checked.files.size(), false);
  std::vector<file_index> pending{file};
  reachable[file] = true;
  while (!pending.empty()) {
    const auto f = pending.back();
    pending.pop_back();
    for (const auto i : checked.files[f].imports) {
      if (!reachable[i]) {
        reachable[i] = true;
        pending.push_back(i);
      }
    }
  }
  std::vector<file_id> out;
  for (file_index f = 0; f < checked.files.size(); ++f) {
    if (reachable[f]) out.push_back(checked.files[f].source);
  }
  return out;
}

std::uint32_t line_of(const checked_program& checked, span where) {
  return checked.sources.file(where.file).position(where.begin).line;
}

// One playback of a test's lines with the clock stopping at `until`.
test_outcome play(const checked_program& checked, test_index t, grammar::instant until) {
  const auto& test = checked.tests[t];
  const auto& items = test.decl->items;

  compile_scope scope;
  scope.flows = test.flows;
  scope.policy_files = policy_files(checked, test.file);
  const auto compiled = compile(checked, scope);
  auto symbols = symbol_table::over(compiled.symbols);

  simulator_options options;
  options.until = until;
  action_collector actions;
  trace_recorder trace;
  simulator sim(compiled, symbols, actions, options);
  sim.keep_run_ends(true);
  sim.set_trace(&trace);
  constant_values values(symbols);

  test_outcome out;
  for (const auto& item : items) {
    const auto* c = std::get_if<ast::test_customer>(&item.node);
    if (c == nullptr) continue;
    const auto entries = values.entries(checked, c->attributes);
    if (auto problem = sim.update_profile(c->customer.id, entries)) {
      out.setup_failures.push_back({line_of(checked, item.where),
                                    fmt::format("customer {} cannot be set up: {}", c->customer.id, *problem),
                                    {},
                                    {}});
    }
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto* e = std::get_if<ast::test_event>(&items[i].node);
    const auto& time = test.items[i].time;
    if (e == nullptr || !time || *time > until) continue;
    const auto entries = values.entries(checked, e->properties);
    sim.feed({*time, symbols.intern(e->event.name), e->customer.id, entries});
  }
  sim.finish();

  out.actions = std::move(actions.actions);
  out.run_ends = sim.run_ends();
  out.waiting = sim.waiting_runs();
  out.errors = sim.errors();
  out.ended = sim.now();
  out.segments.resize(items.size());
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto* x = std::get_if<ast::expect_segment>(&items[i].node);
    if (x == nullptr || test.items[i].segment == no_index) continue;
    out.segments[i] = sim.segment_holds(x->customer.id, test.items[i].segment);
  }
  out.trace = trace.entries();
  return out;
}

}  // namespace

test_outcome replay_test(const checked_program& checked, test_index t) {
  const auto& test = checked.tests[t];
  const auto& items = test.decl->items;

  std::optional<grammar::instant> run_until;
  std::optional<grammar::instant> first_event;
  std::optional<grammar::instant> last_event;
  bool has_segments = false;
  for (std::size_t i = 0; i < items.size(); ++i) {
    has_segments = has_segments || std::holds_alternative<ast::expect_segment>(items[i].node);
    const auto& time = test.items[i].time;
    if (!time) continue;
    if (std::holds_alternative<ast::test_run_until>(items[i].node)) {
      run_until = run_until ? std::min(*run_until, *time) : *time;
    } else {
      if (!first_event) first_event = time;
      last_event = time;
    }
  }

  // Without `run until` the campaign plays out, but not beyond the horizon.
  auto until = grammar::no_end;
  if (run_until) {
    until = *run_until;
  } else if (last_event && *last_event < until - test_horizon) {
    until = *last_event + test_horizon;
  }
  auto out = play(checked, t, until);
  const auto started = first_event.value_or(run_until.value_or(grammar::instant{}));
  if (!run_until) {
    // Stopping at the horizon moved the clock there; the campaign really
    // ended with the last thing that happened.
    out.ended = std::max(started, out.trace.empty() ? started : out.trace.back().time);
    if (has_segments && out.waiting.empty() && until != grammar::no_end) {
      // Segments are read when the campaign ended, not at the horizon:
      // play again (deterministic, so the same) up to that instant.
      out.segments = play(checked, t, out.ended).segments;
    }
  }
  out.started = started;

  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto& time = test.items[i].time;
    if (!std::holds_alternative<ast::test_event>(items[i].node) || !time || *time <= until) continue;
    out.setup_failures.push_back(
        {line_of(checked, items[i].where),
         fmt::format("this event is after `run until` ({}), so it is never handled", format_timestamp(until)),
         {"help: move `run until` after it, or remove the event"},
         {}});
  }
  if (!run_until && !out.waiting.empty()) {
    test_failure f{
        line_of(checked, test.decl->name.where),
        fmt::format("the campaign is still running 10 years ({}) after the last event", duration_text(test_horizon)),
        {},
        {}};
    for (const auto& w : out.waiting) {
      if (f.notes.size() == 5) break;
      f.notes.push_back(fmt::format("run {} is still waiting: {}", w.run, w.waiting_for));
      f.customers.push_back(w.customer);
    }
    f.notes.emplace_back("help: a flow keeps setting timers; end the test with `run until <time>`");
    out.setup_failures.push_back(std::move(f));
  }
  return out;
}

test_result run_test(const checked_program& checked, test_index t) {
  const auto& test = checked.tests[t];
  test_result result;
  result.name = test.name;
  result.file = checked.sources.file(test.decl->name.where.file).name();
  result.line = line_of(checked, test.decl->name.where);

  auto outcome = replay_test(checked, t);
  result.simulated = outcome.ended - outcome.started;
  auto checked_expectations = check_expectations(checked, t, outcome);
  result.failures = std::move(checked_expectations.failures);
  if (result.failures.empty()) return result;

  result.status = test_status::failed;
  result.rows = std::move(checked_expectations.rows);
  std::vector<std::string> customers;
  for (const auto& f : result.failures) {
    for (const auto& c : f.customers) {
      if (std::find(customers.begin(), customers.end(), c) == customers.end()) customers.push_back(c);
    }
  }
  for (const auto& customer : customers) {
    std::vector<trace_entry> mine;
    std::size_t more = 0;
    for (const auto& e : outcome.trace) {
      if (e.customer != customer) continue;
      if (mine.size() < max_timeline_lines) {
        mine.push_back(e);
      } else {
        ++more;
      }
    }
    if (mine.empty()) continue;
    auto text = render_timeline(mine);
    if (more > 0) text += fmt::format("… {} more line{}\n", more, more == 1 ? "" : "s");
    result.timelines.emplace_back(customer, std::move(text));
  }
  return result;
}

}  // namespace afterflow::testing
