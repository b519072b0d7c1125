// The replay loop: a log through a simulator, the end of the replay set in
// one place (the simulator's `until`), profiles from identify records, a bad
// line stopping the replay, and the summary and timelines made of it.
#include "interpreter/replay/replay.hpp"

#include <memory>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "grammar/diagnostic_render.hpp"
#include "grammar/text/timestamp.hpp"
#include "interpreter/check/checker.hpp"
#include "interpreter/compile/compiler.hpp"
#include "interpreter/replay/explain.hpp"
#include "interpreter/replay/summary.hpp"

namespace afterflow::replay {
namespace {

constexpr const char* flows = R"(
flow hello {
  trigger signed_up
  wait until 10:00 in customer.timezone
  send email "hello"
}
)";

// A program, its replay's names, a simulator and a reader over `log`.
struct harness {
  explicit harness(const std::string& log, grammar::instant until = grammar::no_end,
                   eventlog::bad_event_policy policy = eventlog::bad_event_policy::fail)
      : text(log) {
    grammar::diagnostic_list diagnostics;
    std::vector<std::string> roots{"t.flow"};
    checked = std::make_unique<check::checked_program>(
        check::load_and_check(roots, check::memory_file_reader({{"t.flow", flows}}), diagnostics));
    EXPECT_FALSE(diagnostics.has_errors()) << grammar::render_text(diagnostics, checked->sources);
    program = std::make_unique<ir::program>(compile::compile(*checked));
    symbols = std::make_unique<ir::symbol_table>(ir::symbol_table::over(program->symbols));
    runtime::simulator_options options;
    options.until = until;
    sim = std::make_unique<runtime::simulator>(*program, *symbols, actions, options);
    sim->set_trace(&trace, "c1");
    eventlog::event_log_options read;
    read.on_bad_event = policy;
    reader = std::make_unique<eventlog::event_log_reader>(
        eventlog::event_log_reader::from_text("log.jsonl", text, *program, *symbols, read));
  }

  std::string text;
  std::unique_ptr<check::checked_program> checked;
  std::unique_ptr<ir::program> program;
  std::unique_ptr<ir::symbol_table> symbols;
  runtime::action_collector actions;
  trace_recorder trace;
  std::unique_ptr<runtime::simulator> sim;
  std::unique_ptr<eventlog::event_log_reader> reader;
};

const std::string log = R"({"time":"2026-03-02T06:00:00Z","customer":"c1","traits":{"timezone":"Europe/Prague"}})"
                        "\n"
                        R"({"time":"2026-03-02T07:00:00Z","customer":"c1","event":"signed_up","props":{}})"
                        "\n"
                        R"({"time":"2026-03-02T07:30:00Z","customer":"c2","event":"signed_up","props":{}})"
                        "\n"
                        R"({"time":"2026-03-05T00:00:00Z","customer":"c3","event":"signed_up","props":{}})"
                        "\n";

TEST(replay, identify_records_set_profiles_before_later_events) {
  harness h(log);
  const auto result = run(*h.reader, *h.sim);
  ASSERT_FALSE(result.error);
  ASSERT_EQ(h.actions.actions.size(), 3U);
  // c1's zone came from its identify record: 10:00 in Prague is 09:00 UTC.
  EXPECT_EQ(h.actions.actions[0].customer, "c1");
  EXPECT_EQ(grammar::format_timestamp(h.actions.actions[0].time), "2026-03-02T09:00:00Z");
  EXPECT_EQ(grammar::format_timestamp(h.actions.actions[1].time), "2026-03-02T10:00:00Z");  // UTC
}

TEST(replay, the_simulators_until_is_the_end_of_the_replay) {
  harness h(log, *grammar::parse_timestamp("2026-03-03T00:00:00Z"));
  const auto result = run(*h.reader, *h.sim);
  ASSERT_FALSE(result.error);
  EXPECT_EQ(result.after_until, 1U);  // c3's event: read and checked, not handled
  EXPECT_EQ(h.actions.actions.size(), 2U);
  EXPECT_EQ(h.sim->now(), *grammar::parse_timestamp("2026-03-03T00:00:00Z"));
}

TEST(replay, a_bad_line_stops_the_replay_without_finishing) {
  harness h(log + "{\"time\":\"never\",\"customer\":\"c4\",\"event\":\"signed_up\"}\n");
  const auto result = run(*h.reader, *h.sim);
  ASSERT_TRUE(result.error);
  EXPECT_EQ(result.error->code, "E1002");
  EXPECT_EQ(result.error->in_file()->line, 5U);
  // Not finished: c3's run still waits for its 10:00 (c1's and c2's timers
  // fired before c3's event, which was due after them).
  EXPECT_EQ(h.actions.actions.size(), 2U);
  ASSERT_EQ(h.sim->waiting_runs().size(), 1U);
  EXPECT_EQ(h.sim->waiting_runs()[0].customer, "c3");
}

TEST(replay, the_summary_counts_what_happened) {
  harness h(log);
  const auto result = run(*h.reader, *h.sim);
  const auto s = summarize(*h.program, *h.sim, h.reader->counts(), result.after_until, h.actions.actions.size());
  EXPECT_EQ(render_summary_text(s),
            "flow   started  refused  converted  finished  ended  errors  waiting  sent  suppressed  deferred\n"
            "hello        3        0          0         3      0       0        0     3           0         0\n"
            "\n"
            "ended:\n"
            "  hello: finished 3\n"
            "\n"
            "sends:\n"
            "channel  template  sent\n"
            "email       hello     3\n"
            "\n"
            "input: 4 lines, 3 events, 1 identify, 3 customers\n"
            "output: 3 actions, 0 run-time errors\n");
  EXPECT_NE(render_summary_json(s).find("\"identifies\":1"), std::string::npos);
}

TEST(replay, skipped_profile_lines_are_shown_counted_and_in_the_summary) {
  harness h(log);
  const std::string profiles_text = R"({"id":"c1","timezone":"Europe/Prague"})"
                                    "\n"
                                    R"({"id":"c2","timezone":"Mars/Base"})"
                                    "\n"
                                    R"({"id":"c3","attributes":{"a":1e999}})"
                                    "\n";
  auto profiles = eventlog::profile_reader::from_text("profiles.jsonl", profiles_text, *h.program, *h.symbols,
                                                      {eventlog::bad_event_policy::skip});
  ASSERT_FALSE(load_profiles(profiles, *h.sim));
  const auto result = run(*h.reader, *h.sim);
  auto s = summarize(*h.program, *h.sim, h.reader->counts(), result.after_until, h.actions.actions.size());
  s.profiles = profiles.counts();
  const auto text = render_summary_text(s);
  EXPECT_NE(text.find("\nprofiles: 3 lines, 1 profile, 2 skipped (E1001 1, E1009 1)\n"), std::string::npos) << text;
  EXPECT_NE(
      render_summary_json(s).find(R"("profiles":{"lines":3,"profiles":1,"blank":0,"skipped":{"E1001":1,"E1009":1}})"),
      std::string::npos)
      << render_summary_json(s);
  const auto shown = render_skipped(profiles.counts().skipped, "the profiles file");
  EXPECT_NE(shown.find("error[E1009]: unknown time zone `Mars/Base`\n --> profiles.jsonl:2:23"), std::string::npos)
      << shown;
  EXPECT_NE(shown.find("error[E1001]: number out of range"), std::string::npos) << shown;
  EXPECT_TRUE(
      shown.ends_with("note: 2 bad lines of the profiles file skipped; the replay ran without them (exit status 1)\n"))
      << shown;
  EXPECT_EQ(render_skipped(h.reader->counts().skipped, "the event log"), "");
  // Without --profiles the summary has no profiles line or key.
  s.profiles.reset();
  EXPECT_EQ(render_summary_text(s).find("profiles:"), std::string::npos);
  EXPECT_EQ(render_summary_json(s).find("\"profiles\""), std::string::npos);
}

TEST(replay, explain_tells_one_customers_timeline) {
  harness h(log);
  (void)run(*h.reader, *h.sim);
  const auto timeline = render_timeline(h.trace.entries());
  EXPECT_NE(timeline.find("2026-03-02T07:00:00Z"), std::string::npos) << timeline;
  EXPECT_NE(timeline.find("hello"), std::string::npos) << timeline;
  EXPECT_EQ(timeline.find("c2"), std::string::npos) << timeline;  // only c1 was traced
}

}  // namespace
}  // namespace afterflow::replay
