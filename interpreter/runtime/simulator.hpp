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

#include "interpreter/runtime/action.hpp"
#include "interpreter/ir/program.hpp"
#include "interpreter/ir/record.hpp"
#include "interpreter/runtime/trace.hpp"

namespace afterflow::runtime {

struct simulator_options {
  /// The end of the replay: events after it are ignored, timers due after it
  /// do not fire (their runs stay waiting), and `finish` moves the clock to it.
  std::int64_t until = std::numeric_limits<std::int64_t>::max();
  /// Steps one activation may start before it is stopped as an error.
  std::uint32_t max_steps = 10'000;
  /// Deepest chain of events emitted by events emitted by ...
  std::uint32_t max_emit_depth = 16;
};

/// A problem only data could reveal; the run in question ends with reason
/// `error` and the replay goes on.
struct runtime_error_record {
  std::string code;  ///< see interpreter/runtime/runtime_codes.hpp
  std::int64_t time = 0;
  std::string flow;
  std::string customer;
  std::string step;  ///< "file.flow:12"
  std::string message;
};

/// Counts for `--summary`, per flow. Maps are ordered, so printing them is
/// deterministic.
using count_map = std::map<std::string, std::uint64_t, std::less<>>;

/// Adds one to `counts[key]`, allocating only for a key seen the first time.
inline void bump(count_map& counts, std::string_view key) {
  if (const auto it = counts.find(key); it != counts.end()) ++it->second;
  else counts.emplace(std::string(key), 1);
}

struct flow_stats {
  std::uint64_t started = 0;
  count_map refused;     ///< by reason
  count_map ended;       ///< by reason: event name, goal, finished, stop text, error
  std::uint64_t waiting = 0;  ///< filled by `finish`
  std::map<std::pair<std::string, std::string>, std::uint64_t> sent;  ///< (channel, template)
  count_map suppressed;  ///< by reason
  count_map deferred;    ///< by window, e.g. "quiet_hours 21:00 to 08:00"
};

/// A run that is still active (reported when the replay ends).
struct waiting_run {
  std::string flow;
  std::string customer;
  std::string run;
  std::string waiting_for;  ///< "timer until 2026-03-09T14:00:00Z", "review_submitted or 2026-…"
  std::int64_t since = 0;
};

/// How a run ended, for tests and the C++ API.
struct run_end {
  std::string flow;
  std::string customer;
  std::string run;
  std::string reason;
  std::int64_t started = 0;
  std::int64_t ended = 0;
};

class simulator {
 public:
  /// `p` must outlive the simulator; its symbol table grows as new names
  /// (event types, properties) appear.
  simulator(ir::program& p, action_sink& sink, simulator_options options = {});
  ~simulator();
  simulator(const simulator&) = delete;
  simulator& operator=(const simulator&) = delete;

  /// Traces every step taken for the customers `observe` accepts (empty:
  /// all) into `sink`; used by `explain` and failing tests.
  void set_trace(trace_sink* sink, std::string customer_filter = {});
  /// Keeps a `run_end` for every run that ends (for tests and the API).
  void keep_run_ends(bool keep) { keep_run_ends_ = keep; }

  /// Merges attributes into a customer's profile (profiles file, `identify`,
  /// a test's `customer` line). A `timezone` attribute must name a zone of the
  /// tz database; when it does not, nothing changes and an explanation is
  /// returned.
  [[nodiscard]] std::optional<std::string> update_profile(std::string_view customer,
                                                          std::span<const ir::property_entry> attributes);

  /// Handles one event at `e.time`, which must not be before `now()`; an
  /// event after `until` is ignored.
  void feed(const ir::event_view& e);
  /// Fires every timer due at or before `t` (and not after `until`), then
  /// moves the clock to `t` (at most `until`).
  void advance_to(std::int64_t t);
  /// Fires every remaining timer (up to `until`, and then the clock is at
  /// `until`), then counts waiting runs.
  void finish();

  [[nodiscard]] std::int64_t now() const { return now_; }
  [[nodiscard]] std::vector<flow_stats> stats() const;
  [[nodiscard]] const std::vector<runtime_error_record>& errors() const { return errors_; }
  [[nodiscard]] const std::vector<run_end>& run_ends() const { return run_ends_; }
  [[nodiscard]] std::vector<waiting_run> waiting_runs() const;
  /// Whether a segment holds for a customer at `now()` (tests' `expect … in`).
  [[nodiscard]] bool segment_holds(std::string_view customer, std::uint32_t segment);
  [[nodiscard]] std::size_t customer_count() const;
  /// Heap bytes held, by part, for the memory figures in bench/.
  struct memory_usage {
    std::size_t customer_ids = 0;  ///< the id table and arena
    std::size_t customers = 0;     ///< per-customer state and attributes
    std::size_t extras = 0;        ///< tags, runs, re-entry records, run counts, caps
    std::size_t history = 0;       ///< aggregate slots
    std::size_t runs = 0;          ///< run slots (peak live runs) and timers
    [[nodiscard]] std::size_t total() const { return customer_ids + customers + extras + history + runs; }
  };
  [[nodiscard]] memory_usage memory() const;

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
  std::int64_t now_ = std::numeric_limits<std::int64_t>::min();
  std::vector<flow_stats> stats_;
  std::vector<runtime_error_record> errors_;
  std::vector<run_end> run_ends_;
  bool keep_run_ends_ = false;
};

}  // namespace afterflow::runtime
