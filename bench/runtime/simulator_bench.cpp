// Micro-benchmarks of the simulator's hot path, one stage at a time:
// the timer queue, expression evaluation, event dispatch (events already
// parsed), and a whole replay from JSON text. See bench/README.md.
#include <benchmark/benchmark.h>

#include <array>
#include <string>
#include <vector>

#include "interpreter/check/checker.hpp"
#include "interpreter/compile/compiler.hpp"
#include "interpreter/eventlog/action_writer.hpp"
#include "interpreter/replay/replay.hpp"
#include "interpreter/runtime/internal/evaluator.hpp"
#include "interpreter/runtime/internal/timer_queue.hpp"
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

struct compiled {
  std::unique_ptr<checked_program> checked;
  program prog;
};

compiled compile_files(std::vector<std::string> files) {
  diagnostic_list diagnostics;
  auto checked = std::make_unique<checked_program>(load_and_check(files, disk_file_reader(), diagnostics));
  if (diagnostics.has_errors()) throw std::runtime_error("the benchmark's flows do not check");
  auto prog = compile(*checked);
  return {std::move(checked), std::move(prog)};
}

compiled review_request() {
  return compile_files({std::string(AFTERFLOW_SOURCE_DIR) + "/examples/flows/review_request.flow"});
}

void timer_queue_push_pop(benchmark::State& state) {
  const auto n = static_cast<std::uint32_t>(state.range(0));
  timer_queue q;
  std::uint64_t x = 88172645463325252ULL;
  for (std::uint32_t i = 0; i < n; ++i) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    q.push(instant_from_micros(static_cast<std::int64_t>(x % 1'000'000'000)), i, 0);
  }
  for (auto _ : state) {
    // Steady state: pop the earliest, push one later (a run waking and waiting again).
    const auto t = q.top();
    q.pop();
    q.push(t.due + std::chrono::days(1), t.run, t.generation);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(timer_queue_push_pop)->Arg(1'000)->Arg(1'000'000);

void expression_evaluation(benchmark::State& state) {
  // `event.total >= 20 and event.category in ["coffee", "tea"]`, from source.
  diagnostic_list diagnostics;
  auto checked = load_and_check(std::vector<std::string>{"bench.flow"}, memory_file_reader({{"bench.flow", R"(
import "ecommerce"
flow f {
  trigger order_delivered where event.total >= 20 and event.category in ["coffee", "tea"]
  send email "x"
}
)"}}),
                                diagnostics);
  auto prog = compile(checked);
  history_layout layout(prog);
  history_store history(prog, layout);
  zone_cache zones;
  evaluator eval(prog, prog.symbols, history, zones);
  const auto total = prog.symbols.find("total");
  const auto category = prog.symbols.find("category");
  const std::array props{property_entry{total, value::number(40)}, property_entry{category, value::string("tea")}};
  const event_view e{instant{}, prog.symbols.find("order_delivered"), "c1", props};
  const customer_view customer{0, "c1", nullptr, nullptr, utc_zone()};
  const eval_frame frame{instant{}, &customer, &e, nullptr, {}};
  const auto condition = prog.flows[0].triggers[0].condition;
  for (auto _ : state) benchmark::DoNotOptimize(eval.holds(condition, frame));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(expression_evaluation);

// Events already parsed: customer lookup, history, runs, triggers, timers.
void event_dispatch(benchmark::State& state) {
  auto c = review_request();
  const auto& prog = c.prog;
  auto symbols = symbol_table::over(prog.symbols);
  const auto delivered = symbols.intern("order_delivered");
  const auto placed = symbols.intern("order_placed");
  const auto order_id = symbols.intern("order_id");
  const auto total = symbols.intern("total");
  const auto category = symbols.intern("category");
  std::vector<std::string> ids;
  for (int i = 0; i < 100'000; ++i) ids.push_back("customer-" + std::to_string(i));
  for (auto _ : state) {
    action_counter sink;
    simulator sim(prog, symbols, sink);
    auto t = instant_from_micros(1'767'225'600'000'000);
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const std::array props{property_entry{order_id, value::string(ids[i])}, property_entry{total, value::number(50)},
                             property_entry{category, value::string("apparel")}};
      t += std::chrono::seconds(1);
      sim.feed({t, i % 2 == 0 ? placed : delivered, ids[i / 2 * 2], props});
    }
    sim.finish();
    benchmark::DoNotOptimize(sink.count());
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(ids.size()));
}
BENCHMARK(event_dispatch)->Unit(benchmark::kMillisecond);

// The whole pipeline from JSON Lines in memory: what `afterflow run` does.
void replay_review_request(benchmark::State& state) {
  auto c = review_request();
  log_generator_options options;
  options.customers = static_cast<std::uint32_t>(state.range(0));
  const auto text = generate_log_text(options);
  std::uint64_t events = 0;
  for (auto _ : state) {
    action_counter sink;
    auto symbols = symbol_table::over(c.prog.symbols);
    simulator sim(c.prog, symbols, sink);
    auto reader = event_log_reader::from_text("generated.jsonl", text, c.prog, symbols);
    const auto result = afterflow::replay::run(reader, sim);
    if (result.error) state.SkipWithError("bad log");
    events = reader.counts().events;
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(events));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
}
BENCHMARK(replay_review_request)->Arg(20'000)->Unit(benchmark::kMillisecond);

}  // namespace
