// fuzz_event_log: bytes as an event log, replayed over a fixed program.
//
//   bytes -> event_log_reader (memory, --on-bad-event skip)
//         -> the loop of replay::run -> simulator over examples/flows and two golden programs
//         -> actions as JSON, into a discarding sink
//
// The fixed program is read from AFTERFLOW_SOURCE_DIR and compiled once per
// process. The input's size picks the reader's options, so one corpus covers
// them all: odd sizes read with `--sort`, and the block size the line reader
// starts from cycles through 64 bytes, 4 KiB and 64 KiB (inputs are smaller
// than the 1 MiB default, which would only cost zeroing). Every diagnostic
// (skipped lines, the error that stopped the read, run-time errors) is
// rendered.
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/diagnostic_render.hpp"
#include "interpreter/check/module_loader.hpp"
#include "interpreter/eventlog/action_writer.hpp"
#include "interpreter/eventlog/event_log_reader.hpp"
#include "interpreter/ir/symbol_table.hpp"
#include "interpreter/runtime/action.hpp"
#include "interpreter/runtime/run_report.hpp"
#include "interpreter/runtime/simulator.hpp"
#include "tests/fuzz/fixed_program.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace afterflow::fuzz {
namespace {

const fixed_program& program() {
  static const fixed_program p = [] {
    std::vector<std::string> roots;
    for (const auto* dir :
         {"examples/flows", "tests/golden/run/segment_mapping/flows", "tests/golden/run/runtime_errors/flows"}) {
      const auto found = check::collect_flow_files(std::string(AFTERFLOW_SOURCE_DIR) + "/" + dir);
      roots.insert(roots.end(), found.files.begin(), found.files.end());
    }
    return compile_fixed(roots, check::disk_file_reader());
  }();
  return p;
}

/// Writes each action's JSON line into a buffer it keeps reusing.
class discarding_sink final : public runtime::action_sink {
 public:
  void on_action(const runtime::action& a, const ir::symbol_table& symbols) override {
    line_.clear();
    eventlog::append_action_json(line_, a, symbols);
    if (line_.empty() || line_.back() != '\n') violated("an action is one JSON line", line_);
  }

 private:
  std::string line_;
};

}  // namespace
}  // namespace afterflow::fuzz

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)afterflow::fuzz::program();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace afterflow;
  const auto& fixed = fuzz::program();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  static constexpr std::array<std::size_t, 3> blocks{64, 4096, std::size_t{1} << 16};

  auto symbols = ir::symbol_table::over(fixed.program->symbols);
  eventlog::event_log_options options;
  options.on_bad_event = eventlog::bad_event_policy::skip;
  options.sort = (size & 1) != 0;
  options.block_size = blocks[(size >> 1) % blocks.size()];
  auto log = eventlog::event_log_reader::from_text("events.jsonl", text, *fixed.program, symbols, options);

  fuzz::discarding_sink sink;
  runtime::simulator sim(*fixed.program, symbols, sink);
  // replay::run's loop, with one more check: the simulator takes every
  // identify the reader accepted (the reader validates the time zone).
  while (const auto r = log.next()) {
    if (r->kind == eventlog::log_record_kind::identify) {
      sim.advance_to(r->time);
      if (const auto refused = sim.update_profile(r->customer, r->properties)) {
        fuzz::violated("the simulator accepts every identify the reader accepted", *refused);
      }
      continue;
    }
    sim.feed(r->view());
  }
  if (log.error()) {
    fuzz::render(*log.error());
  } else {
    sim.finish();
  }
  for (const auto& d : log.counts().skipped.examples) fuzz::render(d);
  for (const auto& e : sim.errors()) fuzz::render(runtime::to_diagnostic(e));
  (void)sim.stats();
  (void)sim.waiting_runs();
  return 0;
}
