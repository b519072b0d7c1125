// The replay summary (`afterflow run --summary`): per flow, what happened to
// its runs and sends, and what happened to the input. One value, rendered
// either as an aligned text table or as JSON; both list flows in flow order
// and every breakdown in name order, so the output is deterministic.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "interpreter/eventlog/event_log_reader.hpp"
#include "interpreter/ir/program.hpp"
#include "interpreter/runtime/simulator.hpp"

namespace afterflow::replay {

struct replay_summary {
  std::vector<std::string> flow_names;  ///< flow order
  std::vector<runtime::flow_stats> flows;
  std::uint64_t actions = 0;
  std::uint64_t runtime_errors = 0;
  eventlog::event_log_counts input;
  std::uint64_t after_until = 0;
  std::uint64_t customers = 0;
};

[[nodiscard]] replay_summary summarize(const ir::program& p, const runtime::simulator& sim,
                                       const eventlog::event_log_counts& input, std::uint64_t after_until,
                                       std::uint64_t actions);

[[nodiscard]] std::string render_summary_text(const replay_summary& s);
[[nodiscard]] std::string render_summary_json(const replay_summary& s);

}  // namespace afterflow::replay
