// Driving a simulator from an event log: the loop behind `afterflow run`,
// `afterflow explain` and the end-to-end benchmark.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>

#include "grammar/file_error.hpp"
#include "grammar/time.hpp"
#include "interpreter/eventlog/event_log_reader.hpp"
#include "interpreter/eventlog/profile_reader.hpp"
#include "interpreter/runtime/simulator.hpp"

namespace afterflow::replay {

struct replay_progress {
  std::uint64_t events = 0;
  std::uint64_t bytes = 0;
  grammar::instant now{};  ///< simulated time reached
};

struct replay_options {
  /// Called every `progress_every` events.
  std::function<void(const replay_progress&)> on_progress;
  std::uint64_t progress_every = 1 << 16;
};

struct replay_result {
  std::optional<grammar::diagnostic> error;  ///< a bad line that stopped the replay
  std::uint64_t after_until = 0;             ///< events later than `until`, not handled
};

/// Applies every profile to `sim`; returns the error that stopped reading.
[[nodiscard]] std::optional<grammar::diagnostic> load_profiles(eventlog::profile_reader& profiles,
                                                               runtime::simulator& sim);

/// Feeds every record of `log` to `sim` (identify records update profiles),
/// then finishes the simulation. Records after the simulator's `until` are
/// read (and checked) but not handled. On a bad line (with `on_bad_event = fail`)
/// the replay stops without finishing and the error is returned.
[[nodiscard]] replay_result run(eventlog::event_log_reader& log, runtime::simulator& sim,
                                const replay_options& options = {});

}  // namespace afterflow::replay
