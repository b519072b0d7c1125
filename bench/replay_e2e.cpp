// End-to-end replay benchmark: JSON parsing, the simulator and the action
// writer together, on one core, as `afterflow run` does it.
//
//   replay_e2e [--customers N] [--seed S] [--log FILE] [--flows PATH]... [--summary-only]
//
// Without --log, a shop history of N customers is generated in memory first
// (not timed). Prints events/s, MB/s, the peak resident set size and the
// memory held per customer once every run has ended. Wall-clock time is
// used here, and only here: benchmarks measure, they do not decide outputs.
#include <malloc.h>
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "grammar/diagnostic_render.hpp"
#include "interpreter/check/checker.hpp"
#include "interpreter/compile/compiler.hpp"
#include "interpreter/eventlog/action_writer.hpp"
#include "interpreter/replay/replay.hpp"
#include "interpreter/tools/log_generator.hpp"

namespace {

using namespace afterflow::grammar;
using namespace afterflow::check;
using namespace afterflow::compile;
using namespace afterflow::ir;
using namespace afterflow::runtime;
using namespace afterflow::eventlog;
using namespace afterflow::replay;
using namespace afterflow::tools;
using namespace afterflow::stdlib;

long peak_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

long current_rss_kib() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  }
  return 0;
}

// Builds each action's JSON line as `afterflow run --out` does (but keeps
// it in memory), or, with `json = false`, only counts actions as
// `afterflow run --summary` does.
class counting_sink final : public action_sink {
 public:
  explicit counting_sink(bool json) : json_(json) {}
  void on_action(const action& a, const symbol_table& symbols) override {
    ++count;
    if (!json_) return;
    out_.clear();
    append_action_json(out_, a, symbols);
    bytes += out_.size();
  }
  std::uint64_t count = 0;
  std::uint64_t bytes = 0;

 private:
  bool json_;
  std::string out_;
};

}  // namespace

int main(int argc, char** argv) {
  std::uint32_t customers = 200'000;
  std::uint64_t seed = 1;
  std::string log_path;
  std::vector<std::string> flows;
  bool json = true;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    const auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (arg == "--customers") customers = static_cast<std::uint32_t>(std::stoul(next()));
    else if (arg == "--seed") seed = std::stoull(next());
    else if (arg == "--log") log_path = next();
    else if (arg == "--flows") flows.push_back(next());
    else if (arg == "--summary-only") json = false;
    else {
      fmt::print(stderr,
                 "usage: replay_e2e [--customers N] [--seed S] [--log FILE] [--flows PATH]... [--summary-only]\n");
      return 2;
    }
  }
  if (flows.empty()) flows.push_back(std::string(AFTERFLOW_SOURCE_DIR) + "/examples/flows/review_request.flow");

  std::vector<std::string> files;  // directories stand for their .flow files
  for (const auto& path : flows) {
    const auto collected = collect_flow_files(path);
    files.insert(files.end(), collected.files.begin(), collected.files.end());
  }
  diagnostic_list diagnostics;
  auto checked = load_and_check(files, disk_file_reader(), diagnostics);
  if (diagnostics.has_errors()) {
    fmt::print(stderr, "{}", render_text(diagnostics, checked.sources));
    return 1;
  }
  const auto prog = compile(checked);
  auto symbols = symbol_table::over(prog.symbols);

  std::string text;
  if (log_path.empty()) {
    log_generator_options options;
    options.customers = customers;
    options.seed = seed;
    text = generate_log_text(options);
  }
  const long rss_before = current_rss_kib();

  counting_sink sink(json);
  simulator sim(prog, symbols, sink);
  auto reader = log_path.empty() ? event_log_reader::from_text("generated.jsonl", text, prog, symbols)
                                 : event_log_reader::open(log_path, prog, symbols);
  const auto start = std::chrono::steady_clock::now();
  const auto result = afterflow::replay::run(reader, sim);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (result.error) {
    fmt::print(stderr, "{}", render_text(*result.error));
    return 1;
  }
  const long rss_after = current_rss_kib();
  // What stays resident once the allocator returns the free pages of the
  // busy part of the replay (live runs that have ended) to the system.
  malloc_trim(0);
  const long rss_trimmed = current_rss_kib();
  const auto& counts = reader.counts();
  const double n = static_cast<double>(sim.customer_count());
  fmt::print("flows:             {}\n", fmt::join(flows, " "));
  fmt::print("input:             {} lines, {} events, {:.1f} MB, {} customers\n", counts.lines, counts.events,
             static_cast<double>(counts.bytes) / 1e6, sim.customer_count());
  fmt::print("time:              {:.3f} s\n", seconds);
  fmt::print("throughput:        {:.2f} M events/s, {:.0f} MB/s\n", static_cast<double>(counts.events) / seconds / 1e6,
             static_cast<double>(counts.bytes) / seconds / 1e6);
  if (json)
    fmt::print("actions:           {} ({:.1f} MB of JSON)\n", sink.count, static_cast<double>(sink.bytes) / 1e6);
  else fmt::print("actions:           {} (counted, not written: as `run --summary`)\n", sink.count);
  fmt::print("peak RSS:          {:.1f} MB\n", static_cast<double>(peak_rss_kib()) / 1024);
  fmt::print("RSS growth:        {:.1f} MB, {:.0f} bytes per customer; {:.0f} once free pages are returned\n",
             static_cast<double>(rss_after - rss_before) / 1024, static_cast<double>(rss_after - rss_before) * 1024 / n,
             static_cast<double>(rss_trimmed - rss_before) * 1024 / n);
  const auto memory = sim.memory();
  const auto per = [&](std::size_t bytes) { return static_cast<double>(bytes) / n; };
  fmt::print(
      "state held:        {:.0f} bytes per customer once no run is live: ids {:.0f}, customers {:.0f}, "
      "extras {:.0f}, history {:.0f}, run slots {:.0f}\n",
      per(memory.total()), per(memory.customer_ids), per(memory.customers), per(memory.extras), per(memory.history),
      per(memory.runs));
  return 0;
}
