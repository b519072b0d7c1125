// Bad input lines: every error code of the event log, the exact rendered
// text of several, and the skip policy's counts.
#include <gtest/gtest.h>

#include "grammar/diagnostic_render.hpp"
#include "interpreter/eventlog/event_log_reader.hpp"
#include "interpreter/eventlog/log_codes.hpp"
#include "tests/eventlog/io_test_support.hpp"

namespace afterflow::eventlog {

using grammar::render_text;

using stdlib::type_kind;

namespace {

using stdlib::type_kind;
using test_support::read_text;
using test_support::test_program;

constexpr std::string_view ok_line = R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"a"})";

// The code and message of the error a one-line log gives.
struct expectation {
  std::string_view line;
  std::string_view code;
  std::string_view message;
  std::uint32_t column;
};

std::string first_line(const std::string& rendered) { return rendered.substr(0, rendered.find('\n')); }

std::string fmt_error(std::string_view code, std::string_view message) {
  return "error[" + std::string(code) + "]: " + std::string(message);
}

TEST(event_log_errors, each_problem_has_its_code_and_message) {
  const expectation cases[] = {
      {R"({"time":"2026-03-01T09:00:00Z","customer":"c1" "event":"a"})", "E1001", "expected `,` or `}`, found `\"`",
       48},
      {R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"a"} x)", "E1001",
       "unexpected `x` after the JSON value", 61},
      {R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"a"}})", "E1001",
       "unexpected `}` after the JSON value", 60},
      {R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"a","props":{"x":tru}})", "E1001",
       "expected a JSON value, found `tru`", 73},
      {R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"a","props":{"x":[1,,2]}})", "E1001",
       "expected a JSON value, found `,`", 76},
      {R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"a","props":{"x":"\q"}})", "E1001",
       "invalid escape `\\q` in a string", 74},
      {R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"a)", "E1001", "unterminated string", 56},
      {R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"a","props":{"x":01}})", "E1001",
       "invalid number `01`", 73},
      {R"({"time":"2026-13-01T00:00:00Z","customer":"c1","event":"a"})", "E1002",
       "bad timestamp `2026-13-01T00:00:00Z`", 9},
      {R"({"time":"2026-03-01 09:00:00","customer":"c1","event":"a"})", "E1002", "bad timestamp `2026-03-01 09:00:00`",
       9},
      {R"({"customer":"c1","event":"a"})", "E1003", "missing `time`", 1},
      {R"({"time":"2026-03-01T09:00:00Z","event":"a"})", "E1003", "missing `customer`", 1},
      {R"({"time":"2026-03-01T09:00:00Z","customer":"c1"})", "E1003", "missing `event`", 1},
      {R"({"time":"2026-03-01T09:00:00Z","customer":"","event":"a"})", "E1003", "`customer` is empty", 43},
      {R"({"type":"track","event":"a","userId":"u"})", "E1003", "missing `timestamp` in a `track` record", 1},
      {R"({"type":"track","event":"a","timestamp":"2026-03-01T09:00:00Z"})", "E1003",
       "missing `userId` or `anonymousId` in a `track` record", 1},
      {R"({"type":"track","userId":"u","timestamp":"2026-03-01T09:00:00Z"})", "E1003", "missing `event`", 1},
      {R"({"time":1772355600,"customer":"c1","event":"a"})", "E1004", "`time` must be a string, found a number", 9},
      {R"({"time":"2026-03-01T09:00:00Z","customer":true,"event":"a"})", "E1004",
       "`customer` must be a string or a number, found `true`", 43},
      {R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"a","props":[1]})", "E1004",
       "`props` must be an object, found an array", 68},
      {R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"a","traits":{}})", "E1004",
       "a line cannot have both `event` and `traits`", 69},
      {R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"a","event":"b"})", "E1004", "`event` appears twice",
       68},
      {R"([1,2,3])", "E1004", "expected a JSON object, found an array", 1},
      {R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"order_placed","props":{"total":"150"}})", "E1005",
       "property `total` of `order_placed` must be a number, found a string", 88},
      {R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"order_placed","props":{"late":1}})", "E1005",
       "property `late` of `order_placed` must be `true` or `false`, found a number", 87},
      {R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"order_placed","props":{"wait":"3x"}})", "E1005",
       "bad duration `3x` in property `wait` of `order_placed`", 87},
      {R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"order_placed","props":{"eta":"soon"}})", "E1002",
       "bad timestamp `soon` in property `eta` of `order_placed`", 86},
      {"{\"time\":\"2026-03-01T09:00:00Z\",\"customer\":\"c\xff\",\"event\":\"a\"}", "E1007",
       "invalid UTF-8 byte `0xFF`", 45},
      {R"({"type":"trak","event":"a","userId":"u","timestamp":"2026-03-01T09:00:00Z"})", "E1008",
       "unknown record type `trak`", 9},
      {R"({"time":"2026-03-01T09:00:00Z","customer":"c1","traits":{"timezone":"Europe/Prage"}})", "E1009",
       "unknown time zone `Europe/Prage`", 69},
      {R"({"time":"2026-03-01T09:00:00Z","customer":"c1","traits":{"timezone":"localtime"}})", "E1009",
       "unknown time zone `localtime`", 69},
      {R"({"time":"2026-03-01T09:00:00Z","customer":"c1","traits":{"timezone":7}})", "E1005",
       "trait `timezone` must be a string, found a number", 69},
  };
  for (const auto& c : cases) {
    test_program t;
    t.declare("order_placed", {{"total", type_kind::number},
                               {"late", type_kind::boolean},
                               {"wait", type_kind::duration},
                               {"eta", type_kind::time}});
    const auto r = read_text(c.line, t);
    EXPECT_TRUE(r.records.empty()) << c.line;
    EXPECT_EQ(first_line(r.error), fmt_error(c.code, c.message)) << c.line;
    EXPECT_NE(r.error.find(":1:" + std::to_string(c.column) + "\n"), std::string::npos) << c.line << "\n" << r.error;
  }
}

TEST(event_log_errors, renders_the_issue_example) {
  test_program t;
  std::string log;
  for (int i = 0; i < 16; ++i) log += std::string(ok_line) + "\n";
  log +=
      R"({"time":"2026-13-01T00:00:00Z","customer":"c1","event":"order_placed","props":{"order_id":"o1","total":150}})";
  log += "\n";
  const auto r = read_text(log, t);
  EXPECT_EQ(r.records.size(), 16U);
  EXPECT_EQ(r.error,
            "error[E1002]: bad timestamp `2026-13-01T00:00:00Z`\n"
            "  --> events.jsonl:17:9\n"
            "   |\n"
            "17 | {\"time\":\"2026-13-01T00:00:00Z\",\"customer\":\"c1\",…\n"
            "   |         ^^^^^^^^^^^^^^^^^^^^^^\n"
            "   = help: timestamps are RFC 3339, e.g. `2026-03-01T09:00:00Z`\n");
}

TEST(event_log_errors, renders_a_syntax_error_in_a_short_line) {
  test_program t;
  const auto r = read_text(R"({"time":"2026-03-01T09:00:00Z","customer":"c1" "event":"a"})", t);
  EXPECT_EQ(r.error,
            "error[E1001]: expected `,` or `}`, found `\"`\n"
            " --> events.jsonl:1:48\n"
            "  |\n"
            "1 | {\"time\":\"2026-03-01T09:00:00Z\",\"customer\":\"c1\" \"event\":\"a\"}\n"
            "  |                                                ^\n");
}

TEST(event_log_errors, renders_a_wrong_property_type) {
  test_program t;
  t.declare("order_placed", {{"total", type_kind::number}});
  const auto r = read_text(
      R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"order_placed","props":{"order_id":"o1","total":"150.00","currency":"EUR"}})",
      t);
  EXPECT_EQ(r.error,
            "error[E1005]: property `total` of `order_placed` must be a number, found a string\n"
            " --> events.jsonl:1:104\n"
            "  |\n"
            "1 | …\"order_id\":\"o1\",\"total\":\"150.00\",\"currency\":\"EUR\"…\n"
            "  |                          ^^^^^^^^\n");
}

TEST(event_log_errors, renders_an_out_of_order_event) {
  test_program t;
  const auto r = read_text(R"({"time":"2026-03-01T10:00:00Z","customer":"c1","event":"a"})"
                           "\n"
                           R"({"time":"2026-03-01T09:00:00Z","customer":"c2","event":"b"})",
                           t);
  EXPECT_EQ(r.records.size(), 1U);
  EXPECT_EQ(r.error,
            "error[E1006]: event out of order: `2026-03-01T09:00:00Z` is earlier than the previous record\n"
            " --> events.jsonl:2:9\n"
            "  |\n"
            "2 | {\"time\":\"2026-03-01T09:00:00Z\",\"customer\":\"c2\",\"event\":\"b\"}\n"
            "  |         ^^^^^^^^^^^^^^^^^^^^^^\n"
            "  = note: the previous record, on line 1, is at `2026-03-01T10:00:00Z`\n"
            "  = help: sort the log by time, or pass `--sort` to sort it in memory\n");
}

TEST(event_log_errors, suggests_a_time_zone) {
  test_program t;
  const auto r =
      read_text(R"({"time":"2026-03-01T09:00:00Z","customer":"c1","traits":{"timezone":"Europe/Prage"}})", t);
  EXPECT_NE(r.error.find("= help: did you mean `Europe/Prague`?"), std::string::npos) << r.error;
}

TEST(event_log_errors, skip_mode_counts_by_code_and_goes_on) {
  test_program t;
  const std::string log = std::string(ok_line) + "\n" + R"({"time":"bad","customer":"c1","event":"a"})" + "\n" +
                          R"({"time":"2026-03-01T09:00:00Z","customer":"c1"})" + "\n" +
                          R"({"time":"2026-03-01T08:00:00Z","customer":"c1","event":"a"})" + "\n" +  // out of order
                          "{not json\n" + R"({"time":"nope","customer":"c1","event":"a"})" + "\n" +
                          R"({"time":"2026-03-01T09:00:01Z","customer":"c1","event":"b"})" + "\n";
  event_log_options options;
  options.on_bad_event = bad_event_policy::skip;
  const auto r = read_text(log, t, options);
  EXPECT_EQ(r.error, "");
  ASSERT_EQ(r.records.size(), 2U);
  EXPECT_EQ(r.records[1].line, 7U);
  EXPECT_EQ(r.counts.lines, 7U);
  EXPECT_EQ(r.counts.events, 2U);
  const auto& skipped = r.counts.skipped;
  EXPECT_EQ(skipped.total(), 5U);
  EXPECT_EQ(skipped.by_code, (std::vector<std::pair<std::string, std::uint64_t>>{
                                 {"E1001", 1}, {"E1002", 2}, {"E1003", 1}, {"E1006", 1}}));
  ASSERT_EQ(skipped.examples.size(), 5U);
  EXPECT_EQ(skipped.examples[0].in_file()->line, 2U);
  EXPECT_EQ(skipped.examples[2].code, "E1006");
}

TEST(event_log_errors, fail_mode_stops_at_the_first_bad_line) {
  test_program t;
  const std::string log = std::string(ok_line) + "\n{bad\n" + std::string(ok_line) + "\n";
  const auto r = read_text(log, t);
  EXPECT_EQ(r.records.size(), 1U);
  EXPECT_EQ(first_line(r.error), "error[E1001]: expected a property name or `}`, found `bad`");
  EXPECT_EQ(r.counts.lines, 2U);
}

TEST(event_log_errors, a_missing_file_is_an_error) {
  test_program t;
  auto reader = event_log_reader::open("/nonexistent/events.jsonl", t.p, t.names());
  EXPECT_FALSE(reader.next());
  ASSERT_TRUE(reader.error());
  EXPECT_EQ(render_text(*reader.error()),
            "error[E1020]: cannot open `/nonexistent/events.jsonl`: No such file or directory\n"
            " --> /nonexistent/events.jsonl\n");
}

TEST(event_log_errors, every_code_is_documented) {
  for (const auto& c : log_code_table()) {
    EXPECT_FALSE(c.title.empty()) << c.code;
    EXPECT_FALSE(c.explanation.empty()) << c.code;
    EXPECT_EQ(find_log_code(c.code), &c);
  }
  EXPECT_EQ(find_log_code("E9999"), nullptr);
}

}  // namespace
}  // namespace afterflow::eventlog
