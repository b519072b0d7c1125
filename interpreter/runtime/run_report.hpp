// What a replay reports besides its actions: counts per flow, how runs
// ended, runs still waiting, run-time errors, memory held. Plain values,
// copied out of the simulator (simulator.hpp) for the summary, tests and
// the C++ API.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include "grammar/diagnostic.hpp"
#include "grammar/time.hpp"

namespace afterflow::runtime {

/// A problem only data could reveal; the run in question ends with reason
/// `error` and the replay goes on.
struct runtime_error_record {
  std::string code;  ///< see interpreter/runtime/runtime_codes.hpp
  grammar::instant time{};
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
  count_map refused;          ///< by reason
  count_map ended;            ///< by reason: event name, goal, finished, stop text, error
  std::uint64_t waiting = 0;  ///< filled by `finish`
  std::map<std::pair<std::string, std::string>, std::uint64_t> sent;  ///< (channel, template)
  count_map suppressed;                                               ///< by reason
  count_map deferred;                                                 ///< by window, e.g. "quiet_hours 21:00 to 08:00"
};

/// A run that is still active (reported when the replay ends).
struct waiting_run {
  std::string flow;
  std::string customer;
  std::string run;
  std::string waiting_for;  ///< "timer until 2026-03-09T14:00:00Z", "review_submitted or 2026-…"
  grammar::instant since{};
};

/// How a run ended, for tests and the C++ API.
struct run_end {
  std::string flow;
  std::string customer;
  std::string run;
  std::string reason;
  grammar::instant started{};
  grammar::instant ended{};
};

/// A run-time error as a diagnostic for the one renderer: it points at the
/// step (`file.flow:12`) and notes the flow, customer and time.
[[nodiscard]] grammar::diagnostic to_diagnostic(const runtime_error_record& e);

/// Heap bytes held, by part, for the memory figures in bench/.
struct memory_usage {
  std::size_t customer_ids = 0;  ///< the id table and arena
  std::size_t customers = 0;     ///< per-customer state and attributes
  std::size_t extras = 0;        ///< tags, runs, re-entry records, run counts, caps
  std::size_t history = 0;       ///< aggregate slots
  std::size_t runs = 0;          ///< run slots (peak live runs) and timers
  [[nodiscard]] std::size_t total() const { return customer_ids + customers + extras + history + runs; }
};

/// `<flow>:<customer>:<n>`, the stable id of a run in actions and reports.
void append_run_id(std::string& out, std::string_view flow, std::string_view customer, std::uint32_t number);

}  // namespace afterflow::runtime
