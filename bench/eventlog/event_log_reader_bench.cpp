// The event log reader alone, on the generator's output held in memory:
// lines/s and MB/s (bytes of JSON read) for one core.
//
// The program is built by hand with what the reader looks at: the
// `ecommerce` schema (so declared fields are type-checked) and the
// properties a review-request flow reads. `reads_all` extracts every
// property instead, as a program with a dynamic property access would.
// Linked into `micro_bench` (bench/CMakeLists.txt), whose main comes from
// benchmark::benchmark_main.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "interpreter/eventlog/event_log_reader.hpp"
#include "interpreter/tools/log_generator.hpp"

namespace {

using afterflow::eventlog::event_log_reader;
using afterflow::ir::program;
using afterflow::stdlib::type_kind;
using afterflow::tools::generate_log_text;
using afterflow::tools::log_generator_options;

const std::string& shop_log() {
  static const std::string text = [] {
    log_generator_options options;
    options.customers = 20'000;
    return generate_log_text(options);
  }();
  return text;
}

void declare(program& p, std::string_view event, std::vector<std::pair<std::string_view, type_kind>> fields) {
  const auto e = p.symbols.intern(event);
  if (p.fields_by_event.size() <= e) p.fields_by_event.resize(e + 1);
  for (const auto& [name, kind] : fields) p.fields_by_event[e].emplace_back(p.symbols.intern(name), kind);
}

void reads(program& p, std::string_view event, std::vector<std::string_view> properties) {
  const auto e = p.symbols.intern(event);
  if (p.properties_by_event.size() <= e) p.properties_by_event.resize(e + 1);
  for (const auto name : properties) p.properties_by_event[e].push_back(p.symbols.intern(name));
}

program review_request_program(bool reads_all) {
  program p;
  p.timezone_symbol = p.symbols.intern("timezone");
  const std::vector<std::pair<std::string_view, type_kind>> order{{"order_id", type_kind::string},
                                                                  {"total", type_kind::number},
                                                                  {"currency", type_kind::string},
                                                                  {"category", type_kind::string}};
  for (const auto* e :
       {"order_placed", "order_paid", "order_shipped", "order_delivered", "order_cancelled", "order_returned"}) {
    declare(p, e, order);
  }
  declare(p, "order_placed",
          {{"item_count", type_kind::number},
           {"skus", type_kind::list},
           {"coupon", type_kind::string},
           {"days_of_supply", type_kind::number}});
  declare(p, "order_paid", {{"payment_method", type_kind::string}});
  declare(p, "order_shipped",
          {{"carrier", type_kind::string},
           {"tracking_number", type_kind::string},
           {"tracking_url", type_kind::string},
           {"estimated_delivery", type_kind::time}});
  declare(p, "order_delivered", {{"late", type_kind::boolean}});
  declare(p, "order_cancelled", {{"reason", type_kind::string}});
  declare(p, "order_returned", {{"reason", type_kind::string}});
  declare(p, "refund_issued",
          {{"order_id", type_kind::string}, {"amount", type_kind::number}, {"currency", type_kind::string}});
  declare(p, "order_status_viewed", {{"order_id", type_kind::string}});
  declare(p, "review_submitted",
          {{"order_id", type_kind::string},
           {"score", type_kind::number},
           {"product_id", type_kind::string},
           {"text", type_kind::string}});
  declare(p, "nps_submitted", {{"score", type_kind::number}, {"comment", type_kind::string}});
  declare(p, "csat_submitted", {{"score", type_kind::number}, {"ticket_id", type_kind::string}});
  declare(p, "support_ticket_opened",
          {{"ticket_id", type_kind::string}, {"order_id", type_kind::string}, {"topic", type_kind::string}});
  declare(p, "support_ticket_closed",
          {{"ticket_id", type_kind::string}, {"order_id", type_kind::string}, {"resolution", type_kind::string}});
  reads(p, "order_delivered", {"order_id", "late", "category"});
  reads(p, "review_submitted", {"order_id", "score"});
  reads(p, "order_returned", {"order_id"});
  p.reads_all_properties = reads_all;
  return p;
}

void read_log(benchmark::State& state, bool reads_all) {
  const auto& text = shop_log();
  const auto p = review_request_program(reads_all);
  std::uint64_t lines = 0;
  for (auto _ : state) {
    auto symbols = afterflow::ir::symbol_table::over(p.symbols);
    auto reader = event_log_reader::from_text("shop.jsonl", text, p, symbols);
    std::uint64_t n = 0;
    while (const auto r = reader.next()) {
      benchmark::DoNotOptimize(r->properties.data());
      ++n;
    }
    if (reader.error()) state.SkipWithError("the generated log did not read");
    lines += n;
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * text.size()));
  state.counters["lines/s"] = benchmark::Counter(static_cast<double>(lines), benchmark::Counter::kIsRate);
  state.counters["bytes/line"] =
      static_cast<double>(text.size()) / static_cast<double>(lines / std::max<std::uint64_t>(state.iterations(), 1));
}

void BM_EventLogReader(benchmark::State& state) { read_log(state, false); }
void BM_EventLogReaderAllProperties(benchmark::State& state) { read_log(state, true); }

BENCHMARK(BM_EventLogReader)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();
BENCHMARK(BM_EventLogReaderAllProperties)->Unit(benchmark::kMillisecond)->MeasureProcessCPUTime();

}  // namespace
