// The front half shared by `run` and `explain`: flows are loaded, checked
// and compiled, and the input options are parsed the same way.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/cli_support.hpp"
#include "cli/command.hpp"
#include "interpreter/check/checked_program.hpp"
#include "interpreter/eventlog/event_log_reader.hpp"
#include "interpreter/eventlog/input_limits.hpp"
#include "interpreter/eventlog/profile_reader.hpp"
#include "interpreter/eventlog/skipped_lines.hpp"
#include "interpreter/ir/program.hpp"
#include "interpreter/runtime/simulator.hpp"

namespace afterflow::cli {

struct replay_arguments {
  std::vector<std::string> flows;
  std::string events;
  std::string profiles;
  std::string until;
  bool sort = false;
  std::string on_bad_event = "fail";
  std::size_t max_line_bytes = eventlog::default_max_line_bytes;
  color_mode color = color_mode::automatic;
};

/// Adds the options both commands share.
void add_replay_options(CLI::App& app, replay_arguments& args);

struct compiled_flows {
  int status = exit_ok;                      ///< otherwise nothing was compiled: exit with this
  grammar::instant until = grammar::no_end;  ///< `--until`
  std::unique_ptr<check::checked_program> checked;
  std::unique_ptr<ir::program> program;  ///< read-only from here on
  /// The replay's names over the program's (ir/symbol_table.hpp), shared by
  /// the readers and the simulator.
  std::unique_ptr<ir::symbol_table> symbols;
};

/// Reads `--until`, then loads, checks and compiles the flows, printing
/// diagnostics (warnings too) on stderr. `status` is exit_usage for a bad
/// `--until` or paths without flows, exit_failure for flows with errors.
[[nodiscard]] compiled_flows compile_flows(const replay_arguments& args);

[[nodiscard]] eventlog::bad_event_policy bad_event_policy_of(const replay_arguments& args);

struct loaded_profiles {
  bool ok = true;                                  ///< false after printing the error that stopped the read
  std::optional<eventlog::profile_counts> counts;  ///< when `--profiles` was given
};

/// Applies `--profiles` (if given) to `sim`.
[[nodiscard]] loaded_profiles load_profiles(const replay_arguments& args, compiled_flows& flows,
                                            runtime::simulator& sim);

/// Prints the bad lines the readers skipped (profiles, then the log) on
/// stderr; true when there were any: the exit status is 1 then.
bool print_skipped_input(const loaded_profiles& profiles, const eventlog::event_log_counts& log, bool color);

/// Opens `--events` with `--sort` and `--on-bad-event` applied.
[[nodiscard]] eventlog::event_log_reader open_log(const replay_arguments& args, compiled_flows& flows);

/// Prints the simulator's run-time errors on stderr; returns how many.
std::size_t print_runtime_errors(const runtime::simulator& sim, bool color);

}  // namespace afterflow::cli
