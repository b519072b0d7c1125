// `afterflow explain`: one customer's timeline in plain words.
#include <fmt/format.h>

#include "cli/command.hpp"
#include "cli/replay_setup.hpp"
#include "interpreter/replay/explain.hpp"
#include "interpreter/replay/replay.hpp"
#include "interpreter/runtime/action.hpp"

namespace afterflow::cli {

using grammar::render_text;
using ir::program;

int run_explain(std::span<char*> raw) {
  CLI::App app{
      "Explain one customer's timeline: every event, every run started or refused,\n"
      "every condition with the values it saw, every wait, send, suppression and exit."};
  replay_arguments args;
  std::string customer;
  add_replay_options(app, args);
  app.add_option("--customer,-c", customer, "the customer to explain")->required();
  if (auto status = parse_arguments(app, raw)) return *status;

  auto compiled = compile_flows(args);
  if (compiled.status != exit_ok) return compiled.status;
  auto& program = *compiled.program;

  runtime::action_counter actions;
  runtime::simulator_options options;
  options.until = compiled.until;
  runtime::simulator sim(program, *compiled.symbols, actions, options);
  replay::trace_recorder recorder;
  sim.set_trace(&recorder, customer);
  const bool color = use_color(args.color, stderr);

  const auto profiles = load_profiles(args, compiled, sim);
  if (!profiles.ok) return exit_failure;
  auto log = open_log(args, compiled);
  const auto result = replay::run(log, sim);
  if (result.error) {
    fmt::print(stderr, "{}", render_text(*result.error, {color}));
    return exit_failure;
  }
  if (recorder.entries().empty()) {
    fmt::print(stderr, "note: customer `{}` has no events in {}\n", customer, args.events);
  }
  fmt::print("{}", replay::render_timeline(recorder.entries()));
  for (const auto& w : sim.waiting_runs()) {
    if (w.customer == customer)
      fmt::print("{:<20}  {}: run {} still waiting: {}\n", "(end)", w.flow, w.run, w.waiting_for);
  }
  const bool skipped = print_skipped_input(profiles, log.counts(), color);
  return print_runtime_errors(sim, color) > 0 || skipped ? exit_failure : exit_ok;
}

}  // namespace afterflow::cli
