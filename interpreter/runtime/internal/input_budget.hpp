// What one input (an event from the log, or a timer firing) may set off
// before the simulator stops it, summed over every run and emitted event it
// reaches. The per-activation step limit and the emit depth bound a chain,
// not a tree: `trigger x  emit x  emit x  emit x` makes 3^16 events from one
// log line within both. docs/semantics.md §11 and §15.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

namespace afterflow::runtime {

struct input_budget {
  std::uint64_t emits = 0;  ///< emitted events queued so far
  std::uint64_t steps = 0;  ///< steps started so far, over all runs
  // A storm stopped by the budget has one error (an index into the
  // simulator's errors); what else it stopped is added to that message
  // when the input is done.
  std::optional<std::size_t> storm_error;
  std::uint64_t dropped_events = 0;  ///< queued emitted events never handled
  std::uint64_t stopped_runs = 0;    ///< runs ended after the first
  // Emits refused by the depth limit after the first, folded into its error.
  std::optional<std::size_t> depth_error;
  std::uint64_t more_depth_errors = 0;
};

}  // namespace afterflow::runtime
