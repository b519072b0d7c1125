// `afterflow run`: replay an event log through flows; print the actions
// (JSON Lines) or, with --summary, the summary.
#include <chrono>
#include <cstdio>

#include <fmt/format.h>
#include <unistd.h>

#include "cli/command.hpp"
#include "cli/replay_setup.hpp"
#include "grammar/text/timestamp.hpp"
#include "interpreter/eventlog/action_writer.hpp"
#include "interpreter/replay/replay.hpp"
#include "interpreter/replay/summary.hpp"

namespace afterflow::cli {

using grammar::format_timestamp;
using grammar::render_text;
using ir::program;

namespace {

// A progress line on a terminal, at most twice a second, once the replay
// has taken more than a second. The wall clock only ever reaches stderr.
class progress_line {
 public:
  progress_line() : enabled_(isatty(fileno(stderr)) != 0), start_(clock::now()), last_(start_) {}
  void update(const replay::replay_progress& p) {
    if (!enabled_) return;
    const auto now = clock::now();
    if (now - start_ < std::chrono::seconds(1) || now - last_ < std::chrono::milliseconds(500)) return;
    last_ = now;
    const double seconds = std::chrono::duration<double>(now - start_).count();
    fmt::print(stderr, "\r{} events, {:.2f} M events/s, {:.0f} MB/s, at {}   ", p.events,
               static_cast<double>(p.events) / seconds / 1e6, static_cast<double>(p.bytes) / seconds / 1e6,
               format_timestamp(p.now));
    shown_ = true;
  }
  ~progress_line() {
    if (shown_) fmt::print(stderr, "\r\x1b[K");
  }

 private:
  using clock = std::chrono::steady_clock;
  bool enabled_;
  bool shown_ = false;
  clock::time_point start_;
  clock::time_point last_;
};

}  // namespace

int run_run(std::span<char*> raw) {
  CLI::App app{
      "Replay an event log through flows on a simulated clock.\n"
      "Writes one JSON line per send attempt (to --out, else stdout); with --summary,\n"
      "stdout carries the summary instead and actions go only to --out.\n"
      "Exit status: 0 ok, 1 errors in flows, input or at run time (skipped bad lines too), 2 usage."};
  replay_arguments args;
  std::string out_path;
  bool summary = false;
  std::string format = "text";
  add_replay_options(app, args);
  app.add_option("--out,-o", out_path, "write actions to this file");
  app.add_flag("--summary", summary, "print per-flow counts when the replay ends");
  app.add_option("--format", format, "summary format: text or json")->check(CLI::IsMember({"text", "json"}));
  if (auto status = parse_arguments(app, raw)) return *status;

  auto compiled = compile_flows(args);
  if (compiled.status != exit_ok) return compiled.status;
  auto& program = *compiled.program;

  // With --summary and no --out, the actions are only counted: no JSON is
  // built for nobody to read.
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> out_file(nullptr, &std::fclose);
  if (!out_path.empty()) {
    out_file.reset(std::fopen(out_path.c_str(), "wb"));
    if (!out_file) {
      fmt::print(stderr, "error: cannot write `{}`\n", out_path);
      return exit_usage;
    }
  }
  const bool write_actions = !out_path.empty() || !summary;
  eventlog::action_writer writer(out_file ? out_file.get() : stdout);
  runtime::action_counter counter;
  runtime::action_sink& sink = write_actions ? static_cast<runtime::action_sink&>(writer) : counter;
  runtime::simulator_options options;
  options.until = compiled.until;
  runtime::simulator sim(program, *compiled.symbols, sink, options);
  const bool color = use_color(args.color, stderr);

  const auto profiles = load_profiles(args, compiled, sim);
  if (!profiles.ok) return exit_failure;
  auto log = open_log(args, compiled);
  progress_line progress;
  replay::replay_options replay_options;
  replay_options.on_progress = [&](const replay::replay_progress& p) { progress.update(p); };
  const auto result = replay::run(log, sim, replay_options);
  const bool flushed = writer.flush();
  if (result.error) {
    fmt::print(stderr, "{}", render_text(*result.error, {color}));
    return exit_failure;
  }
  const bool skipped = print_skipped_input(profiles, log.counts(), color);
  const auto errors = print_runtime_errors(sim, color);
  if (summary) {
    auto s = replay::summarize(program, sim, log.counts(), result.after_until,
                               write_actions ? writer.count() : counter.count());
    s.profiles = profiles.counts;
    fmt::print("{}", format == "json" ? replay::render_summary_json(s) : replay::render_summary_text(s));
  }
  if (!flushed) {
    fmt::print(stderr, "error: writing the actions failed\n");
    return exit_failure;
  }
  return errors > 0 || skipped ? exit_failure : exit_ok;
}

}  // namespace afterflow::cli
