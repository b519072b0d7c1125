// Golden replays: every directory under tests/golden/run is one replay, run
// exactly as `afterflow run FLOWS --events LOG [--profiles P] [OPTIONS]
// --out actions.jsonl --summary` would run it from the repository root, with
// the same library calls as cli/command_run.cpp. Its outputs must equal the
// reviewed files of the case:
//
//   actions.jsonl     the actions (JSON Lines)
//   summary.txt       standard output: the summary (absent when none is printed)
//   errors.txt        standard error (absent when empty)
//   exit_status.txt   the exit status, when it is not 0
//
// The inputs of a case (see run/README.md): `flows/` or `flows.txt` (paths
// relative to the repository, one a line), `events.jsonl` or
// `events.jsonl.gz` or `events.txt` (a path relative to the repository),
// optionally `profiles.jsonl` or `profiles.txt`, and `options.txt` (one
// option a line: `until <instant>`, `sort`, `on-bad-event fail|skip`).
//
// tests/golden/CMakeLists.txt runs the built binary over the same cases, so
// the files are also exactly what the command line prints.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "grammar/diagnostic_render.hpp"
#include "grammar/text/timestamp.hpp"
#include "interpreter/check/checker.hpp"
#include "interpreter/check/module_loader.hpp"
#include "interpreter/compile/compiler.hpp"
#include "interpreter/eventlog/action_writer.hpp"
#include "interpreter/replay/replay.hpp"
#include "interpreter/replay/summary.hpp"
#include "interpreter/tools/log_generator.hpp"
#include "tests/golden/golden_support.hpp"

namespace afterflow::golden {

using compile::compile;
using grammar::diagnostic_list;
using grammar::format_timestamp;
using grammar::parse_timestamp;
using grammar::render_text;
using ir::program;
using stdlib::value;

namespace {

namespace fs = std::filesystem;

constexpr std::string_view repository = AFTERFLOW_SOURCE_DIR;

// ---- the inputs of a case ----------------------------------------------------

struct case_inputs {
  std::vector<std::string> flows;  ///< relative to the repository
  std::string events;
  std::string profiles;  ///< empty when none
  std::string until;     ///< empty when none
  bool sort = false;
  eventlog::bad_event_policy on_bad_event = eventlog::bad_event_policy::fail;
  std::string problem;  ///< non-empty when the case directory is malformed
};

std::vector<std::string> lines_of(const std::string& path) {
  std::vector<std::string> out;
  std::istringstream in(golden::read_text(path));
  for (std::string line; std::getline(in, line);) {
    line.erase(0, line.find_first_not_of(" \t"));
    line.erase(line.find_last_not_of(" \t\r") + 1);
    if (!line.empty() && line.front() != '#') out.push_back(line);
  }
  return out;
}

// `name.txt` holding one path, or the first of `files` present in the case.
std::string input_path(const std::string& name, const std::string& dir, std::initializer_list<const char*> files,
                       std::string& problem) {
  const auto base = golden::root() + "/run/" + dir + "/";
  if (fs::exists(base + name + ".txt")) {
    const auto paths = lines_of(base + name + ".txt");
    if (paths.size() != 1) problem += fmt::format("{}.txt must hold exactly one path\n", name);
    return paths.empty() ? std::string() : paths.front();
  }
  for (const char* file : files) {
    if (fs::exists(base + file)) return "tests/golden/run/" + dir + "/" + file;
  }
  return {};
}

case_inputs read_case(const std::string& dir) {
  case_inputs in;
  const auto base = golden::root() + "/run/" + dir + "/";
  if (fs::exists(base + "flows.txt")) {
    in.flows = lines_of(base + "flows.txt");
  } else if (fs::is_directory(base + "flows")) {
    in.flows.push_back("tests/golden/run/" + dir + "/flows");
  }
  if (in.flows.empty()) in.problem += "no `flows/` directory and no `flows.txt`\n";
  in.events = input_path("events", dir, {"events.jsonl", "events.jsonl.gz"}, in.problem);
  if (in.events.empty()) in.problem += "no `events.jsonl`, `events.jsonl.gz` or `events.txt`\n";
  in.profiles = input_path("profiles", dir, {"profiles.jsonl"}, in.problem);
  if (fs::exists(base + "options.txt")) {
    for (const auto& line : lines_of(base + "options.txt")) {
      const auto space = line.find(' ');
      const auto key = line.substr(0, space);
      const auto value = space == std::string::npos ? std::string() : line.substr(space + 1);
      if (key == "until" && !value.empty()) {
        in.until = value;
      } else if (key == "sort" && value.empty()) {
        in.sort = true;
      } else if (key == "on-bad-event" && (value == "fail" || value == "skip")) {
        in.on_bad_event = value == "skip" ? eventlog::bad_event_policy::skip : eventlog::bad_event_policy::fail;
      } else {
        in.problem += fmt::format("options.txt: unknown option `{}`\n", line);
      }
    }
  }
  return in;
}

// ---- the replay, as `afterflow run` does it ------------------------------------

struct replay_output {
  std::string actions;
  std::string summary;  ///< standard output with --summary
  std::string errors;   ///< standard error
  int exit_status = 0;
};

// Makes the repository the working directory while it lives, so that paths
// (and the file names in `step` and in messages) are exactly those of a
// command typed at the repository root.
class working_directory {
 public:
  explicit working_directory(const fs::path& dir) : previous_(fs::current_path()) { fs::current_path(dir); }
  ~working_directory() { fs::current_path(previous_); }
  working_directory(const working_directory&) = delete;
  working_directory& operator=(const working_directory&) = delete;

 private:
  fs::path previous_;
};

// cli/replay_setup.cpp `print_runtime_errors`, without colour.
std::string render_runtime_errors(const runtime::simulator& sim) {
  std::string out;
  for (const auto& e : sim.errors()) out += render_text(runtime::to_diagnostic(e)) + "\n";
  return out;
}

replay_output replay_case(const case_inputs& in) {
  const working_directory cwd(repository);
  replay_output out;
  std::vector<std::string> files;
  for (const auto& path : in.flows) {
    auto collected = check::collect_flow_files(path);
    if (!collected.error.empty()) {
      out.errors += fmt::format("error: {}\n", collected.error);
      out.exit_status = 1;
      return out;
    }
    files.insert(files.end(), collected.files.begin(), collected.files.end());
  }
  diagnostic_list diagnostics;
  const auto checked = check::load_and_check(files, check::disk_file_reader(), diagnostics);
  diagnostics.sort();
  if (!diagnostics.empty()) out.errors += render_text(diagnostics, checked.sources);
  if (diagnostics.has_errors()) {
    out.exit_status = 1;
    return out;
  }
  const auto program = compile::compile(checked);
  auto symbols = ir::symbol_table::over(program.symbols);

  auto until = grammar::no_end;
  if (!in.until.empty()) {
    const auto t = parse_timestamp(in.until);
    if (!t) {
      out.errors += fmt::format("options.txt: `until {}` is not an RFC 3339 instant\n", in.until);
      out.exit_status = 2;
      return out;
    }
    until = *t;
  }

  std::ostringstream actions;
  bool flushed = true;
  {
    eventlog::action_writer writer(actions);
    runtime::simulator_options options;
    options.until = until;
    runtime::simulator sim(program, symbols, writer, options);
    std::optional<eventlog::profile_counts> profile_counts;
    if (!in.profiles.empty()) {
      auto profiles = eventlog::profile_reader::open(in.profiles, program, symbols, {in.on_bad_event});
      if (const auto error = replay::load_profiles(profiles, sim)) {
        out.errors += render_text(*error);
        out.exit_status = 1;
        return out;
      }
      profile_counts = profiles.counts();
    }
    eventlog::event_log_options log_options;
    log_options.on_bad_event = in.on_bad_event;
    log_options.sort = in.sort;
    auto log = eventlog::event_log_reader::open(in.events, program, symbols, log_options);
    const auto result = replay::run(log, sim);
    flushed = writer.flush();
    out.actions = actions.str();
    if (result.error) {
      out.errors += render_text(*result.error);
      out.exit_status = 1;
      return out;
    }
    // cli/replay_setup.cpp `print_skipped_input`.
    std::string skipped;
    if (profile_counts) skipped += replay::render_skipped(profile_counts->skipped, "the profiles file");
    skipped += replay::render_skipped(log.counts().skipped, "the event log");
    out.errors += skipped + render_runtime_errors(sim);
    auto summary = replay::summarize(program, sim, log.counts(), result.after_until, writer.count());
    summary.profiles = profile_counts;
    out.summary = replay::render_summary_text(summary);
    if (!sim.errors().empty() || !skipped.empty()) out.exit_status = 1;
  }
  if (!flushed) {
    out.errors += "error: writing the actions failed\n";
    out.exit_status = 1;
  }
  return out;
}

// ---- comparing ---------------------------------------------------------------

bool updating() {
  const char* update = std::getenv("AFTERFLOW_UPDATE_GOLDEN");
  return update != nullptr && std::string_view(update) == "1";
}

// Like golden::compare_with_file, for outputs that may be empty: an empty
// output is expected as an absent file (and removes it in update mode).
std::string compare_optional_file(const std::string& expected_path, const std::string& actual) {
  if (!actual.empty()) return golden::compare_with_file(expected_path, actual);
  if (updating()) {
    fs::remove(expected_path);
    return {};
  }
  if (!fs::exists(expected_path)) return {};
  return fmt::format("{} exists, but the replay printed nothing there; expected:\n{}", expected_path,
                     golden::read_text(expected_path));
}

std::vector<std::string> cases() {
  std::vector<std::string> out;
  const fs::path base = fs::path(golden::root()) / "run";
  if (fs::is_directory(base)) {
    for (const auto& entry : fs::directory_iterator(base)) {
      if (entry.is_directory()) out.push_back(entry.path().filename().string());
    }
  }
  std::sort(out.begin(), out.end());
  if (out.empty()) out.push_back("<none>");
  return out;
}

std::string test_name(const ::testing::TestParamInfo<std::string>& info) {
  return std::regex_replace(info.param, std::regex("[^A-Za-z0-9]"), "_");
}

class golden_run : public ::testing::TestWithParam<std::string> {};

TEST_P(golden_run, outputs_match_reviewed_files) {
  const auto& name = GetParam();
  ASSERT_NE(name, "<none>") << "no golden replays under " << golden::root() << "/run";
  const auto in = read_case(name);
  ASSERT_TRUE(in.problem.empty()) << "tests/golden/run/" << name << ":\n" << in.problem;
  const auto out = replay_case(in);
  const auto dir = golden::root() + "/run/" + name + "/";
  const auto status = out.exit_status == 0 ? std::string() : fmt::format("{}\n", out.exit_status);
  for (const auto& [file, actual] : {std::pair{"actions.jsonl", &out.actions}, std::pair{"summary.txt", &out.summary},
                                     std::pair{"errors.txt", &out.errors}, std::pair{"exit_status.txt", &status}}) {
    const auto difference = compare_optional_file(dir + file, *actual);
    EXPECT_TRUE(difference.empty()) << difference;
  }
}

INSTANTIATE_TEST_SUITE_P(cases, golden_run, ::testing::ValuesIn(cases()), test_name);

// A case whose outputs all look fine but which names no files would pass
// vacuously; every case must produce something to compare.
TEST(golden_run_cases, every_case_produces_output) {
  for (const auto& name : cases()) {
    if (name == "<none>") continue;
    const auto dir = golden::root() + "/run/" + name + "/";
    EXPECT_TRUE(fs::exists(dir + "actions.jsonl") || fs::exists(dir + "summary.txt") || fs::exists(dir + "errors.txt"))
        << name << " has no expected outputs";
  }
}

// ---- determinism ---------------------------------------------------------------

// The example flows over a generated shop history, twice, in fresh
// simulators: the actions and the summary must be byte-identical. The
// second run reads the log in small blocks and writes through a small
// buffer, so the output cannot depend on how the input was chunked either.
replay_output replay_generated(const std::string& log_text, const std::string& profiles_text, std::size_t block_size,
                               std::size_t write_buffer) {
  const working_directory cwd(repository);
  replay_output out;
  const auto collected = check::collect_flow_files("examples/flows");
  EXPECT_TRUE(collected.error.empty()) << collected.error;
  diagnostic_list diagnostics;
  const auto checked = check::load_and_check(collected.files, check::disk_file_reader(), diagnostics);
  EXPECT_FALSE(diagnostics.has_errors()) << render_text(diagnostics, checked.sources);
  const auto program = compile::compile(checked);
  auto symbols = ir::symbol_table::over(program.symbols);
  std::ostringstream actions;
  eventlog::action_writer writer(actions, write_buffer);
  runtime::simulator sim(program, symbols, writer);
  auto profiles = eventlog::profile_reader::from_text("profiles.jsonl", profiles_text, program, symbols);
  EXPECT_FALSE(replay::load_profiles(profiles, sim).has_value());
  eventlog::event_log_options options;
  options.block_size = block_size;
  auto log = eventlog::event_log_reader::from_text("generated.jsonl", log_text, program, symbols, options);
  const auto result = replay::run(log, sim);
  EXPECT_FALSE(result.error.has_value()) << (result.error ? render_text(*result.error) : "");
  EXPECT_TRUE(writer.flush());
  out.actions = actions.str();
  out.summary =
      replay::render_summary_text(replay::summarize(program, sim, log.counts(), result.after_until, writer.count())) +
      replay::render_summary_json(replay::summarize(program, sim, log.counts(), result.after_until, writer.count()));
  out.errors = render_runtime_errors(sim);
  return out;
}

TEST(golden_determinism, generated_log_replays_byte_identically) {
  tools::log_generator_options options;
  options.customers = 400;
  options.seed = 20260308;
  options.days = 120;
  const auto log_text = tools::generate_log_text(options);
  std::string profiles_text;
  tools::generate_profiles(options, [&](std::string_view chunk) { profiles_text.append(chunk); });

  const auto first =
      replay_generated(log_text, profiles_text, std::size_t{1} << 20, eventlog::action_writer::default_buffer);
  const auto second = replay_generated(log_text, profiles_text, 4096, 512);
  // Not vacuous: the history sends thousands of messages through every kind of flow.
  EXPECT_GT(std::count(first.actions.begin(), first.actions.end(), '\n'), 1000);
  EXPECT_NE(first.actions.find("\"status\":\"suppressed\""), std::string::npos);
  EXPECT_NE(first.actions.find("\"deferred_from\""), std::string::npos);
  EXPECT_TRUE(first.actions == second.actions) << "the actions differ between two replays of the same input";
  EXPECT_EQ(first.summary, second.summary);
  EXPECT_EQ(first.errors, second.errors);
}

}  // namespace
}  // namespace afterflow::golden
