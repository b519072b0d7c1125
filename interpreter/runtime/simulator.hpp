// The deterministic simulator: events and timers in, actions out.
//
// One global simulated clock. The caller feeds events in time order (the
// event log reader, a test, the C++ API); before each event the simulator
// fires every timer due at or before it, in (due, creation) order; then the
// event is added to the customer's history, offered to the customer's live
// runs (exit, wait for, goal — runs in creation order), then to the flows it
// triggers (flow order); events emitted meanwhile are handled next, in
// emission order. `finish` fires what is left. docs/semantics.md is the
// contract; every rule there has a test in tests/runtime/.
//
// Runs are flows plus a program counter: suspending at a wait stores the pc
// and sets one timer, resuming continues the instruction loop. Run slots are
// reused after a run ends; each slot has a generation so a stale timer (the
// run moved on or ended) is recognised and skipped when popped.
#pragma once

#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/ir/program.hpp"
#include "interpreter/ir/record.hpp"
#include "interpreter/runtime/action.hpp"
#include "interpreter/runtime/run_report.hpp"
#include "interpreter/runtime/trace.hpp"

namespace afterflow::runtime {

struct simulator_options {
  /// The end of the replay: events after it are ignored, timers due after it
  /// do not fire (their runs stay waiting), and `finish` moves the clock to it.
  grammar::instant until = grammar::no_end;
  /// Steps one activation may start before it is stopped as an error.
  std::uint32_t max_steps = 10'000;
  /// Deepest chain of events emitted by events emitted by ...
  std::uint32_t max_emit_depth = 16;
  /// Emitted events, and steps, that one input (a log event or a timer
  /// firing) may set off in all, over every run it reaches.
  std::uint64_t max_emits_per_input = 10'000;
  std::uint64_t max_steps_per_input = 1'000'000;
};

class simulator {
 public:
  /// `p` and `symbols` must outlive the simulator. `symbols` is the replay's
  /// table over the program's (`symbol_table::over(p.symbols)`), shared with
  /// the readers that feed this simulator: names new to the program are
  /// interned there, and the program stays read-only.
  simulator(const ir::program& p, ir::symbol_table& symbols, action_sink& sink, simulator_options options = {});
  ~simulator();
  simulator(const simulator&) = delete;
  simulator& operator=(const simulator&) = delete;

  /// Traces every step taken for the customers `observe` accepts (empty:
  /// all) into `sink`; used by `explain` and failing tests.
  void set_trace(trace_sink* sink, std::string customer_filter = {});
  /// Keeps a `run_end` for every run that ends (for tests and the API).
  void keep_run_ends(bool keep);

  /// Merges attributes into a customer's profile (profiles file, `identify`,
  /// a test's `customer` line). A `timezone` attribute must name a zone of the
  /// tz database; when it does not, nothing changes and an explanation is
  /// returned.
  [[nodiscard]] std::optional<std::string> update_profile(std::string_view customer,
                                                          std::span<const stdlib::property_entry> attributes);

  /// Handles one event at `e.time`, which must not be before `now()`; an
  /// event after `until` is ignored.
  void feed(const stdlib::event_view& e);
  /// Fires every timer due at or before `t` (and not after `until`), then
  /// moves the clock to `t` (at most `until`).
  void advance_to(grammar::instant t);
  /// Fires every remaining timer (up to `until`, and then the clock is at
  /// `until`), then counts waiting runs.
  void finish();

  [[nodiscard]] grammar::instant now() const;
  /// The end of the replay (`simulator_options::until`).
  [[nodiscard]] grammar::instant until() const;
  [[nodiscard]] std::vector<flow_stats> stats() const;
  [[nodiscard]] const std::vector<runtime_error_record>& errors() const;
  [[nodiscard]] const std::vector<run_end>& run_ends() const;
  [[nodiscard]] std::vector<waiting_run> waiting_runs() const;
  /// Whether a segment holds for a customer at `now()` (tests' `expect … in`).
  [[nodiscard]] bool segment_holds(std::string_view customer, std::uint32_t segment);
  [[nodiscard]] std::size_t customer_count() const;
  /// Heap bytes held, by part, for the memory figures in bench/.
  [[nodiscard]] memory_usage memory() const;

 private:
  struct impl;  // all state: internal/simulator_impl.hpp
  std::unique_ptr<impl> impl_;
};

}  // namespace afterflow::runtime
