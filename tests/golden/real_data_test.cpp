// The example library over real shop data (UCI Online Retail, converted from
// ../shared/data). Needs the dataset; skipped when it is absent. Pins
// invariants a reviewer can check against the data's README rather than a
// 10 MB golden file: every order starts exactly one win-back run, and the
// replay is byte-for-byte repeatable.
#include <filesystem>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "grammar/diagnostic_render.hpp"
#include "interpreter/check/checker.hpp"
#include "interpreter/compile/compiler.hpp"
#include "interpreter/eventlog/action_writer.hpp"
#include "interpreter/replay/replay.hpp"
#include "interpreter/replay/summary.hpp"
#include "interpreter/tools/convert.hpp"

namespace afterflow::golden {

using check::collect_flow_files;
using check::disk_file_reader;
using check::load_and_check;
using compile::compile;
using eventlog::action_writer;
using eventlog::event_log_reader;
using eventlog::open_input;
using grammar::diagnostic_list;
using grammar::render_text;
using replay::render_summary_text;
using replay::summarize;
using runtime::simulator;

namespace {

namespace fs = std::filesystem;

const fs::path uci =
    fs::path(AFTERFLOW_SOURCE_DIR) / ".." / "shared" / "data" / "uci-online-retail" / "online_retail.csv.xz";

struct replay_result_text {
  std::string actions;
  std::string summary;
  std::uint64_t win_back_started = 0;
  std::uint64_t customers = 0;
};

replay_result_text replay_library(const std::string& log) {
  diagnostic_list diagnostics;
  const std::vector<std::string> roots{std::string(AFTERFLOW_SOURCE_DIR) + "/examples/flows"};
  std::vector<std::string> files;
  for (const auto& root : roots) {
    const auto collected = collect_flow_files(root);
    files.insert(files.end(), collected.files.begin(), collected.files.end());
  }
  auto checked = load_and_check(files, disk_file_reader(), diagnostics);
  EXPECT_FALSE(diagnostics.has_errors()) << render_text(diagnostics, checked.sources);
  const auto prog = compile(checked);
  auto symbols = ir::symbol_table::over(prog.symbols);
  std::ostringstream actions;
  action_writer writer(actions);
  simulator sim(prog, symbols, writer);
  auto reader = event_log_reader::from_text("uci.jsonl", log, prog, symbols);
  const auto result = replay::run(reader, sim);
  EXPECT_FALSE(result.error);
  EXPECT_TRUE(writer.flush());
  EXPECT_TRUE(sim.errors().empty());
  std::uint64_t started = 0;
  const auto stats = sim.stats();
  for (std::size_t f = 0; f < prog.flows.size(); ++f) {
    if (prog.flows[f].name == "win_back") started = stats[f].started;
  }
  return {actions.str(), render_summary_text(summarize(prog, sim, reader.counts(), 0, writer.count())), started,
          sim.customer_count()};
}

TEST(real_data, example_library_over_uci_online_retail) {
  if (!fs::exists(uci)) GTEST_SKIP() << "needs " << uci;
  auto input = open_input(uci.string());
  ASSERT_FALSE(input.error);
  std::string log;
  const auto converted = tools::convert_uci(std::move(input.source), [&](std::string_view s) { log += s; });
  ASSERT_FALSE(converted.error);

  const auto first = replay_library(log);
  const auto second = replay_library(log);
  EXPECT_EQ(first.actions, second.actions);
  EXPECT_EQ(first.summary, second.summary);
  // 18,536 invoices with a customer: each starts one win-back run, because
  // every order ends the previous run and starts a new one.
  EXPECT_EQ(first.win_back_started, 18'536U);
  EXPECT_EQ(first.customers, 4'372U);
  EXPECT_FALSE(first.actions.empty());
}

}  // namespace
}  // namespace afterflow::golden
