#include "cli/replay_setup.hpp"

#include <fmt/format.h>

#include "grammar/diagnostic_render.hpp"
#include "grammar/text/timestamp.hpp"
#include "interpreter/check/checker.hpp"
#include "interpreter/compile/compiler.hpp"
#include "interpreter/replay/replay.hpp"
#include "interpreter/replay/summary.hpp"

namespace afterflow::cli {

using compile::compile;
using grammar::diagnostic_list;
using grammar::format_timestamp;
using grammar::parse_timestamp;
using grammar::render_text;
using replay::load_profiles;

void add_replay_options(CLI::App& app, replay_arguments& args) {
  app.add_option("flows", args.flows, "flow files or directories")->required();
  app.add_option("--events,-e", args.events, "the event log (JSON Lines, .gz read directly, - for stdin)")->required();
  app.add_option("--profiles", args.profiles, "customer profiles (JSON Lines: id, timezone, attributes)");
  app.add_option("--until", args.until, "stop the clock at this RFC 3339 instant");
  app.add_flag("--sort", args.sort, "sort the log by time first (reads it all into memory)");
  app.add_option("--on-bad-event", args.on_bad_event, "fail (default) or skip bad lines, counting them")
      ->check(CLI::IsMember({"fail", "skip"}));
  app.add_option("--max-line-bytes", args.max_line_bytes,
                 "longest line of the log and profiles; a longer one is an error (E1011)")
      ->capture_default_str()
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30));
  add_color_option(app, args.color);
}

compiled_flows compile_flows(const replay_arguments& args) {
  compiled_flows out;
  if (!args.until.empty()) {
    const auto t = parse_timestamp(args.until);
    if (!t) {
      fmt::print(stderr, "error: `--until {}` is not an RFC 3339 instant such as 2026-03-01T00:00:00Z\n", args.until);
      out.status = exit_usage;
      return out;
    }
    out.until = *t;
  }
  const auto files = require_flow_files(args.flows);
  if (!files) {
    out.status = exit_usage;
    return out;
  }
  diagnostic_list diagnostics;
  auto checked =
      std::make_unique<check::checked_program>(check::load_and_check(*files, check::disk_file_reader(), diagnostics));
  diagnostics.sort();
  if (!diagnostics.empty()) {
    fmt::print(stderr, "{}", render_text(diagnostics, checked->sources, {use_color(args.color, stderr)}));
  }
  if (diagnostics.has_errors()) {
    out.status = exit_failure;
    return out;
  }
  out.program = std::make_unique<ir::program>(compile::compile(*checked));
  out.symbols = std::make_unique<ir::symbol_table>(ir::symbol_table::over(out.program->symbols));
  out.checked = std::move(checked);
  return out;
}

eventlog::bad_event_policy bad_event_policy_of(const replay_arguments& args) {
  return args.on_bad_event == "skip" ? eventlog::bad_event_policy::skip : eventlog::bad_event_policy::fail;
}

loaded_profiles load_profiles(const replay_arguments& args, compiled_flows& flows, runtime::simulator& sim) {
  if (args.profiles.empty()) return {};
  eventlog::profile_options options;
  options.on_bad_event = bad_event_policy_of(args);
  options.max_line_bytes = args.max_line_bytes;
  auto profiles = eventlog::profile_reader::open(args.profiles, *flows.program, *flows.symbols, options);
  if (const auto error = replay::load_profiles(profiles, sim)) {
    fmt::print(stderr, "{}", render_text(*error, {use_color(args.color, stderr)}));
    return {false, profiles.counts()};
  }
  return {true, profiles.counts()};
}

bool print_skipped_input(const loaded_profiles& profiles, const eventlog::event_log_counts& log, bool color) {
  std::string out;
  if (profiles.counts) out += replay::render_skipped(profiles.counts->skipped, "the profiles file", {color});
  out += replay::render_skipped(log.skipped, "the event log", {color});
  fmt::print(stderr, "{}", out);
  return !out.empty();
}

eventlog::event_log_reader open_log(const replay_arguments& args, compiled_flows& flows) {
  eventlog::event_log_options options;
  options.on_bad_event = bad_event_policy_of(args);
  options.sort = args.sort;
  options.max_line_bytes = args.max_line_bytes;
  return eventlog::event_log_reader::open(args.events, *flows.program, *flows.symbols, options);
}

std::size_t print_runtime_errors(const runtime::simulator& sim, bool color) {
  for (const auto& e : sim.errors()) fmt::print(stderr, "{}\n", render_text(runtime::to_diagnostic(e), {color}));
  return sim.errors().size();
}

}  // namespace afterflow::cli
