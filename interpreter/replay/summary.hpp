// The replay summary (`afterflow run --summary`): per flow, what happened to
// its runs and sends, and what happened to the input. One value, rendered
// either as an aligned text table or as JSON; both list flows in flow order
// and every breakdown in name order, so the output is deterministic.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/diagnostic_render.hpp"
#include "interpreter/eventlog/event_log_reader.hpp"
#include "interpreter/eventlog/profile_reader.hpp"
#include "interpreter/ir/program.hpp"
#include "interpreter/runtime/simulator.hpp"

namespace afterflow::replay {

struct replay_summary {
  std::vector<std::string> flow_names;  ///< flow order
  std::vector<runtime::flow_stats> flows;
  std::uint64_t actions = 0;
  std::uint64_t runtime_errors = 0;
  eventlog::event_log_counts input;
  /// The profiles file's counts, when one was read (`--profiles`).
  std::optional<eventlog::profile_counts> profiles;
  std::uint64_t after_until = 0;
  std::uint64_t customers = 0;
};

[[nodiscard]] replay_summary summarize(const ir::program& p, const runtime::simulator& sim,
                                       const eventlog::event_log_counts& input, std::uint64_t after_until,
                                       std::uint64_t actions);

[[nodiscard]] std::string render_summary_text(const replay_summary& s);
[[nodiscard]] std::string render_summary_json(const replay_summary& s);

/// The bad lines of one input that were skipped, as standard error shows
/// them: each kept error, then a note with the total (`input` names it:
/// "the event log", "the profiles file"). Empty when nothing was skipped.
[[nodiscard]] std::string render_skipped(const eventlog::skipped_lines& skipped, std::string_view input,
                                         const grammar::render_options& options = {});

}  // namespace afterflow::replay
