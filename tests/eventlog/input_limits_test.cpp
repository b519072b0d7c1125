// Hostile input lines: nesting and length past the limits of
// input_limits.hpp, values simdjson cannot hold, keys with escapes. Each is
// one error naming the line and column, never a crash, and costs memory
// bounded by the limits whatever the input's size.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

#include "grammar/diagnostic_render.hpp"
#include "interpreter/eventlog/event_log_reader.hpp"
#include "interpreter/eventlog/input_limits.hpp"
#include "interpreter/eventlog/line_reader.hpp"
#include "interpreter/eventlog/profile_reader.hpp"
#include "tests/eventlog/io_test_support.hpp"

namespace afterflow::eventlog {
namespace {

using grammar::render_text;
using test_support::read_text;
using test_support::test_program;

std::string first_line(const std::string& rendered) { return rendered.substr(0, rendered.find('\n')); }

// `levels` nested arrays around nothing: `[[…]]`.
std::string arrays(std::size_t levels) { return std::string(levels, '[') + std::string(levels, ']'); }
// `levels` nested objects: `{"a":{"a":…1}}`.
std::string objects(std::size_t levels) {
  std::string s;
  for (std::size_t i = 0; i < levels; ++i) s += R"({"a":)";
  return s + "1" + std::string(levels, '}');
}

constexpr std::string_view event_head = R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"a",)";

std::string event_with(std::string_view field, std::string_view value) {
  return std::string(event_head) + "\"" + std::string(field) + "\":" + std::string(value) + "}";
}

// The column of the error, from its ` --> file:1:COL` line.
std::string location(const std::string& rendered) {
  const auto at = rendered.find(" --> ");
  if (at == std::string::npos) return {};
  const auto end = rendered.find('\n', at);
  return rendered.substr(at + 5, end - at - 5);
}

TEST(input_limits, json_may_nest_as_deep_as_the_limit) {
  // The line is level 1 and `props` level 2: the property's value may
  // open 126 more levels, as arrays or as objects, read or skipped.
  for (const bool read : {true, false}) {
    test_program t;
    if (read) t.reads("a", {"x"});
    for (const auto& value : {arrays(max_json_depth - 2), objects(max_json_depth - 2)}) {
      const auto r = read_text(event_with("props", R"({"x":)" + value + "}"), t);
      EXPECT_EQ(r.error, "") << read;
      EXPECT_EQ(r.records.size(), 1U);
    }
  }
}

TEST(input_limits, one_level_deeper_is_an_error_at_the_bracket_that_opens_it) {
  const std::string head = std::string(event_head) + R"("props":{"x":)";
  for (const bool read : {true, false}) {
    for (const auto& value : {arrays(max_json_depth - 1), objects(max_json_depth - 1)}) {
      test_program t;
      if (read) t.reads("a", {"x"});
      const auto r = read_text(head + value + "}}", t);
      EXPECT_TRUE(r.records.empty());
      EXPECT_EQ(first_line(r.error), "error[E1001]: JSON nested deeper than 128 levels") << r.error;
      // The 129th level opens at the 127th bracket of the value.
      const auto bracket = value.front() == '[' ? head.size() + 127 : head.size() + 126 * 5 + 1;
      EXPECT_EQ(location(r.error), "events.jsonl:1:" + std::to_string(bracket)) << read;
    }
  }
}

TEST(input_limits, nesting_a_hundred_thousand_deep_is_one_error_anywhere_in_a_line) {
  // Before the limit, the recursion that reads or skips values overflowed
  // the stack at about 87,500 levels (10,000 under ASan).
  const auto deep = arrays(100'000);
  const std::string lines[] = {
      event_with("props", R"({"x":)" + deep + "}"),                                      // a property
      event_with("context", deep),                                                       // an unknown field, skipped
      event_with("event_id", R"({"a":[1,{"b":)" + deep + "}]}"),                         // under an object
      R"({"time":"2026-03-01T09:00:00Z","customer":"c1","traits":{"t":)" + deep + "}}",  // an identify
      R"({"type":"identify","userId":"u","timestamp":"2026-03-01T09:00:00Z","traits":)" + deep + "}",
      R"({"type":"track","userId":"u","timestamp":"2026-03-01T09:00:00Z","event":"a","properties":{"p":)" + deep + "}}",
  };
  for (const auto& line : lines) {
    for (const bool reads_all : {false, true}) {
      test_program t;
      t.p.reads_all_properties = reads_all;
      const auto r = read_text(line, t);
      EXPECT_TRUE(r.records.empty());
      EXPECT_EQ(first_line(r.error), "error[E1001]: JSON nested deeper than 128 levels") << line.substr(0, 80);
    }
  }
}

TEST(input_limits, skip_mode_counts_a_deep_line_and_goes_on) {
  test_program t;
  event_log_options options;
  options.on_bad_event = bad_event_policy::skip;
  const std::string log =
      event_with("props", R"({"x":)" + arrays(50'000) + "}") + "\n" + event_with("props", "{}") + "\n";
  const auto r = read_text(log, t, options);
  EXPECT_EQ(r.error, "");
  ASSERT_EQ(r.records.size(), 1U);
  EXPECT_EQ(r.records[0].line, 2U);
  EXPECT_EQ(r.counts.skipped.count("E1001"), 1U);
}

// ---- numbers and strings simdjson refuses ---------------------------------

TEST(input_limits, a_value_simdjson_cannot_hold_is_pointed_at_not_column_one) {
  struct refused {
    std::string line;
    std::string_view message;
    std::string_view token;  ///< where the caret goes
  };
  const refused cases[] = {
      {event_with("props", R"({"x":1e999})"), "error[E1001]: number out of range", "1e999"},
      {event_with("props", R"({"y":2,"x":-1e400})"), "error[E1001]: number out of range", "-1e400"},
      {event_with("props", R"({"x":"a\ud800b"})"), "error[E1001]: invalid string", R"("a\ud800b")"},
      {event_with("props", R"({"x\udc00":1})"), "error[E1001]: invalid string", R"("x\udc00")"},
  };
  for (const bool reads_all : {false, true}) {
    for (const auto& c : cases) {
      test_program t;
      t.p.reads_all_properties = reads_all;
      const auto r = read_text(c.line, t);
      EXPECT_EQ(first_line(r.error).substr(0, c.message.size()), c.message) << c.line;
      EXPECT_EQ(location(r.error), "events.jsonl:1:" + std::to_string(c.line.find(c.token) + 1)) << r.error;
    }
  }
}

// ---- line length -------------------------------------------------------------

// Bytes without end: `size` bytes of `fill`, then `tail`; reads count what
// was handed out so a test sees the reader never asked for all of it at once.
class generated_input final : public byte_source {
 public:
  generated_input(std::uint64_t size, char fill, std::string tail)
      : byte_source("generated.jsonl"), left_(size), fill_(fill), tail_(std::move(tail)) {}
  std::size_t read(char* out, std::size_t size) override {
    if (left_ > 0) {
      const auto n = static_cast<std::size_t>(std::min<std::uint64_t>(left_, size));
      std::memset(out, fill_, n);
      left_ -= n;
      return n;
    }
    const auto n = std::min(size, tail_.size() - tail_at_);
    std::memcpy(out, tail_.data() + tail_at_, n);
    tail_at_ += n;
    return n;
  }

 private:
  std::uint64_t left_;
  char fill_;
  std::string tail_;
  std::size_t tail_at_ = 0;
};

TEST(line_reader, cuts_a_line_at_the_limit_and_drops_its_rest) {
  const std::string text = "ok\n" + std::string(10'000, 'x') + "\nnext\n" + std::string(5'000, 'y');
  line_reader lines(memory_input("m", text), 4096, 4096);
  EXPECT_EQ(lines.next(), "ok");
  EXPECT_FALSE(lines.too_long());
  EXPECT_EQ(lines.next(), std::string(4096, 'x'));
  EXPECT_TRUE(lines.too_long());
  EXPECT_EQ(lines.line_number(), 2U);
  EXPECT_EQ(lines.next(), "next");
  EXPECT_FALSE(lines.too_long());
  EXPECT_EQ(lines.line_number(), 3U);
  EXPECT_EQ(lines.next(), std::string(4096, 'y'));  // the last line, without its LF
  EXPECT_TRUE(lines.too_long());
  EXPECT_EQ(lines.next(), std::nullopt);
}

TEST(line_reader, a_line_of_exactly_the_limit_is_whole_with_or_without_cr) {
  for (const char* end : {"\n", "\r\n", ""}) {
    const std::string text = std::string(100, 'a') + end + std::string(101, 'b') + end + "c";
    line_reader lines(memory_input("m", text), 4096, 100);
    EXPECT_EQ(lines.next(), std::string(100, 'a'));
    if (*end == 0) {  // one line of 202 bytes
      EXPECT_TRUE(lines.too_long());
      continue;
    }
    EXPECT_FALSE(lines.too_long());
    EXPECT_EQ(lines.next(), std::string(100, 'b'));
    EXPECT_TRUE(lines.too_long());
    EXPECT_EQ(lines.next(), "c");
    EXPECT_FALSE(lines.too_long());
  }
}

TEST(line_reader, memory_stays_bounded_by_the_limit_for_a_line_of_any_size) {
  // 300 MB of NUL bytes without a line end, then a good line: before the
  // limit this cost about 33 bytes of memory per byte of input.
  line_reader lines(std::make_unique<generated_input>(300'000'000, '\0', "\nlast\n"), 1 << 16, 1 << 20);
  const auto first = lines.next();
  ASSERT_TRUE(first);
  EXPECT_EQ(first->size(), std::size_t{1} << 20);
  EXPECT_TRUE(lines.too_long());
  EXPECT_EQ(lines.next(), "last");
  EXPECT_EQ(lines.line_number(), 2U);
  EXPECT_LE(lines.capacity(), std::size_t{4} << 20);
  EXPECT_EQ(lines.bytes_read(), 300'000'006U);
}

TEST(input_limits, an_overlong_event_line_is_e1011_naming_its_line) {
  test_program t;
  event_log_options options;
  options.max_line_bytes = 200;
  const std::string ok = event_with("props", "{}");
  const std::string log = ok + "\n" + event_with("props", R"({"x":")" + std::string(500, 'z') + "\"}") + "\n" + ok;
  auto r = read_text(log, t, options);
  ASSERT_EQ(r.records.size(), 1U);
  EXPECT_EQ(first_line(r.error), "error[E1011]: line is longer than 200 bytes");
  EXPECT_EQ(location(r.error), "events.jsonl:2:200");
  EXPECT_NE(r.error.find("--max-line-bytes"), std::string::npos);

  options.on_bad_event = bad_event_policy::skip;
  r = read_text(log, t, options);
  EXPECT_EQ(r.error, "");
  ASSERT_EQ(r.records.size(), 2U);
  EXPECT_EQ(r.records[1].line, 3U);
  EXPECT_EQ(r.counts.skipped.count("E1011"), 1U);
}

// ---- profiles ------------------------------------------------------------------

std::string read_profiles(std::string_view text, profile_options options = {}, profile_counts* counts = nullptr) {
  test_program t;
  auto reader = profile_reader::from_text("profiles.jsonl", text, t.p, t.names(), options);
  while (reader.next()) {
  }
  if (counts != nullptr) *counts = reader.counts();
  return reader.error() ? render_text(*reader.error()) : std::string();
}

TEST(input_limits, profiles_are_bounded_the_same_way) {
  const auto deep = arrays(100'000);
  for (const std::string& line :
       {R"({"id":"c1","attributes":{"a":)" + deep + "}}", R"({"id":)" + deep + "}",
        R"({"id":"c1","timezone":)" + deep + "}", R"({"id":"c1","attributes":)" + deep + "}"}) {
    EXPECT_EQ(first_line(read_profiles(line)), "error[E1001]: JSON nested deeper than 128 levels")
        << line.substr(0, 40);
  }
  profile_options options;
  options.max_line_bytes = 64;
  const auto e = read_profiles(R"({"id":"c1","attributes":{"note":")" + std::string(100, 'n') + "\"}}", options);
  EXPECT_EQ(first_line(e), "error[E1011]: line is longer than 64 bytes");
  EXPECT_EQ(first_line(read_profiles(R"({"id":"c1","attributes":{"n":1e999}})")),
            "error[E1001]: number out of range (beyond a 64-bit floating-point number)");
}

TEST(input_limits, an_unknown_profile_key_with_an_escape_is_named_where_it_is) {
  // Before: the key was read again after unescaping had consumed it (a
  // simdjson assertion, or a garbled name past the end of the line).
  EXPECT_EQ(read_profiles(R"({"\t":})"),
            "error[E1010]: unknown profile field `\xEF\xBF\xBD`\n"
            " --> profiles.jsonl:1:2\n"
            "  |\n"
            "1 | {\"\\t\":}\n"
            "  |  ^^^^\n"
            "  = help: a profile has `id`, `timezone` and `attributes`; put custom data under `attributes`\n");
  const auto e = read_profiles(R"({"id":"c1","time\u007Aon":"UTC"})");
  EXPECT_EQ(first_line(e), "error[E1010]: unknown profile field `timezon`") << e;
  EXPECT_EQ(location(e), "profiles.jsonl:1:12");
  EXPECT_NE(e.find("did you mean `timezone`?"), std::string::npos);
  // An escaped known key is that key.
  EXPECT_EQ(read_profiles(R"({"id":"c1","time\u007Aone":"Mars/Base"})").substr(0, 44),
            "error[E1009]: unknown time zone `Mars/Base`\n");
}

}  // namespace
}  // namespace afterflow::eventlog
