// Bad input never crashes, hangs or overflows the stack: empty files,
// binary garbage, invalid UTF-8, 10 MB files, 10,000-deep nesting,
// unterminated strings, byte-order marks, CR LF; and error recovery.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "tests/grammar/parse_test_support.hpp"

namespace afterflow::grammar {
namespace {

std::string repeat(std::string_view s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// -- Empty and blank input ---------------------------------------------------------

TEST(robustness, empty_file) {
  const auto p = parse("");
  EXPECT_TRUE(p.diagnostics.empty());
  EXPECT_TRUE(p.tree.declarations.empty());
  EXPECT_TRUE(p.tree.comments.empty());
}

TEST(robustness, blank_and_comment_only_files) {
  for (const char* text : {" ", "\n\n\n", "\t \r\n", "# only a comment", "# one\n# two\n", "#"}) {
    const auto p = parse(text);
    EXPECT_TRUE(p.diagnostics.empty()) << p.errors();
    EXPECT_TRUE(p.tree.declarations.empty());
  }
}

// -- Bytes that are not UTF-8 text ---------------------------------------------------

TEST(robustness, binary_garbage_is_one_clear_error) {
  std::string garbage;
  for (int i = 0; i < 4096; ++i) garbage.push_back(static_cast<char>((i * 7919) % 256));
  const auto p = parse(garbage);
  ASSERT_EQ(p.diagnostics.items().size(), 1u);
  const auto& d = p.diagnostics.items()[0];
  EXPECT_EQ(d.code, "E0006");
  EXPECT_EQ(d.message, "NUL byte in source file");
  EXPECT_EQ(*d.source_span(), (span{p.id, 0, 1}));
  EXPECT_EQ(d.label, "source files must be UTF-8 text");
  ASSERT_EQ(d.notes.size(), 1u);
  EXPECT_NE(d.notes[0].message.find("more bytes like it follow"), std::string::npos);
  EXPECT_TRUE(p.tree.declarations.empty());
}

TEST(robustness, invalid_utf8_is_reported_at_the_first_bad_byte) {
  struct bad_case {
    std::string text;
    std::string message;
    std::uint32_t offset;
  };
  const bad_case cases[] = {
      {"const a = \"caf\xE9\"", "invalid UTF-8 byte `0xE9` in source file", 14},
      {"const a = 1 # \xFF\xFE", "invalid UTF-8 byte `0xFF` in source file", 14},
      {"const a = \"\xC0\x80\"", "invalid UTF-8 byte `0xC0` in source file", 11},          // overlong NUL
      {"const a = \"\xED\xA0\x80\"", "invalid UTF-8 byte `0xED` in source file", 11},      // a surrogate
      {"const a = \"\xF4\x90\x80\x80\"", "invalid UTF-8 byte `0xF4` in source file", 11},  // above U+10FFFF
      {"const a = \"\xE2\x82\"", "invalid UTF-8 byte `0xE2` in source file", 11},          // truncated
      {std::string("const a = 1\0", 12), "NUL byte in source file", 11},
      {"const a = \x07", "control character U+0007 in source file", 10},
      {"const a = 1\x7F", "control character U+007F in source file", 11},
      {"flow x {\x0C}", "control character U+000C in source file", 8},
  };
  for (const auto& c : cases) {
    const auto p = parse(c.text);
    ASSERT_EQ(p.diagnostics.items().size(), 1u) << c.text;
    EXPECT_EQ(p.diagnostics.items()[0].code, "E0006");
    EXPECT_EQ(p.diagnostics.items()[0].message, c.message);
    EXPECT_EQ(p.diagnostics.items()[0].source_span()->begin, c.offset) << c.text;
  }
}

TEST(robustness, valid_utf8_in_strings_and_comments_is_fine) {
  const auto p = parse("const a = \"\xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80\"  # \xE2\x9C\x93 ok\n");
  EXPECT_TRUE(p.diagnostics.empty()) << p.errors();
  EXPECT_EQ(p.dump(), "(const a \"\xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80\")\n");
}

TEST(robustness, non_ascii_outside_strings_is_an_unexpected_token) {
  EXPECT_EQ(first_error("const caf\xC3\xA9 = 1"),
            "E0001 expected `=` after the constant's name, found `\xC3\xA9` (U+00E9)");
  EXPECT_EQ(first_error("const a = \xE2\x80\x9Chello\xE2\x80\x9D"),
            "E0001 expected a value after `=`, found `\xE2\x80\x9C` (U+201C)");
}

// -- Byte-order marks and line ends ----------------------------------------------------

TEST(robustness, leading_byte_order_mark_is_ignored) {
  const auto p = parse(
      "\xEF\xBB\xBF"
      "const a = 1\n");
  EXPECT_TRUE(p.diagnostics.empty()) << p.errors();
  EXPECT_EQ(p.dump(), "(const a 1)\n");
  EXPECT_EQ(p.tree.declarations[0].where, (span{p.id, 0, 11}));  // offsets after the mark
}

TEST(robustness, byte_order_mark_inside_the_file_is_named) {
  const auto p = parse(
      "const a = 1\n\xEF\xBB\xBF"
      "const b = 2\n");
  ASSERT_EQ(p.diagnostics.items().size(), 1u);
  const auto& d = p.diagnostics.items()[0];
  EXPECT_EQ(d.message,
            "expected a declaration (`import`, `const`, `event`, `segment`, `policy`, `map`, `flow` or "
            "`test`), found a byte-order mark (U+FEFF)");
  EXPECT_EQ(*d.source_span(), (span{p.id, 12, 15}));
  EXPECT_EQ(d.help, "a byte-order mark is only allowed at the very start of a file; remove it");
}

TEST(robustness, cr_lf_line_ends) {
  const auto p = parse("# header\r\nflow f {\r\n  trigger a # why\r\n  wait 1d\r\n}\r\n");
  EXPECT_TRUE(p.diagnostics.empty()) << p.errors();
  EXPECT_EQ(p.dump(), "(flow f (trigger a) (block (wait 1d)))\n");
  ASSERT_EQ(p.tree.comments.size(), 2u);
  EXPECT_EQ(p.sources.text(p.tree.comments[0].where), "# header");
  EXPECT_EQ(p.sources.text(p.tree.comments[1].where), "# why");
  EXPECT_EQ(p.sources.file(p.id).position(p.tree.comments[1].where.begin), (line_col{3, 13}));
}

TEST(robustness, unterminated_strings) {
  for (const char* text : {"const a = \"", "const a = \"abc", "const a = \"abc\n", "const a = \"abc\r\nconst b = 1",
                           "flow f { log \"x }", "test \"never closed {"}) {
    const auto p = parse(text);
    ASSERT_FALSE(p.diagnostics.empty()) << text;
    EXPECT_EQ(p.diagnostics.items()[0].code, "E0002") << text;
    EXPECT_EQ(p.diagnostics.items()[0].source_span()->length(), 1u);
    EXPECT_EQ(p.sources.text(*p.diagnostics.items()[0].source_span()), "\"");
  }
}

// -- Size --------------------------------------------------------------------------------

constexpr std::string_view ordinary_flow = R"(# A review request, as marketers write them.
flow review_request_N "Ask for a review a few days after delivery" {
  trigger order_delivered where event.total >= 20
  when not customer.wholesale
  exit on order_returned where event.order_id == trigger.order_id
  goal review_submitted where event.order_id == trigger.order_id
  reentry after 30d
  key trigger.order_id

  wait review_delay
  wait until 10:00 on mon..fri in customer.timezone
  if trigger.total > 100 and vip {
    send email "review_request_vip" { order_id: trigger.order_id }
  } else if repeat_buyer {
    send email "review_request_repeat"
  } else {
    send email "review_request"
  }
  wait for review_submitted as review where review.order_id == trigger.order_id within 7d {
    if review.score <= 2 { send task "support_followup" { score: review.score } }
  } timeout {
    send sms "review_reminder"
  }
  split "incentive" {
    50% control { }
    50% coupon  { send email "review_coupon" { code: "THANKS10" } }
  }
  set customer.last_review_ask = now
  tag "asked_for_review"
  emit review_flow_finished { order_id: trigger.order_id }
}

)";

TEST(robustness, ten_megabyte_file_of_ordinary_flows) {
  std::string text;
  text.reserve(10 * 1024 * 1024 + ordinary_flow.size());
  std::size_t flows = 0;
  while (text.size() < 10 * 1024 * 1024) {
    auto flow = std::string(ordinary_flow);
    flow.replace(flow.find("_N"), 2, "_" + std::to_string(flows++));
    text += flow;
  }
  const auto p = parse(text);
  EXPECT_TRUE(p.diagnostics.empty());
  EXPECT_EQ(p.tree.declarations.size(), flows);
  EXPECT_EQ(p.tree.comments.size(), flows);
}

TEST(robustness, ten_megabyte_lines_of_garbage_stop_quickly) {
  const auto p = parse(repeat("$%^&", 2'500'000));
  ASSERT_EQ(p.diagnostics.items().size(), 1u);
  EXPECT_EQ(p.diagnostics.items()[0].code, "E0001");
  const auto q = parse("const a = \"" + repeat("x", 10'000'000));
  ASSERT_EQ(q.diagnostics.items().size(), 1u);
  EXPECT_EQ(q.diagnostics.items()[0].code, "E0002");
}

TEST(robustness, file_too_large) {
  parse_limits limits;
  limits.max_file_bytes = 16;
  const auto p = parse("const a = 1234567890", limits);
  ASSERT_EQ(p.diagnostics.items().size(), 1u);
  EXPECT_EQ(p.diagnostics.items()[0].code, "E0008");
  EXPECT_EQ(p.diagnostics.items()[0].message, "file too large: 20 bytes, the limit is 16 bytes");
  EXPECT_TRUE(parse("const a = 123456", limits).diagnostics.empty());
}

// -- Nesting ---------------------------------------------------------------------------------

struct nesting_case {
  const char* name;
  std::string text;
  std::string culprit;  // the text under the E0005 caret
};

std::vector<nesting_case> deep_inputs(std::size_t n) {
  return {
      {"parentheses", "const x = " + repeat("(", n) + "1" + repeat(")", n), "("},
      {"lists", "const x = " + repeat("[", n) + "1" + repeat("]", n), "["},
      {"calls", "const x = " + repeat("f(", n) + "1" + repeat(")", n), "("},
      {"not", "const x = " + repeat("not ", n) + "a", "not"},
      {"negation", "const x = " + repeat("-", n) + "1", "-"},
      {"member chain", "const x = a" + repeat(".b", n), "b"},
      {"addition chain", "const x = 1" + repeat(" + 1", n), "+"},
      {"or chain", "const x = a" + repeat(" or a", n), "or"},
      {"if blocks", "flow f { " + repeat("if a { ", n) + repeat("} ", n) + "}", "{"},
      {"wait blocks", "flow f { " + repeat("wait for e within 1d { ", n) + repeat("} ", n) + "}", "{"},
      {"split arms", "flow f { " + repeat("split { 100% a { ", n) + repeat("} } ", n) + "}", "{"},
      {"parenthesised blocks", "flow f { " + repeat("if (a) { ", n) + repeat("} ", n) + "}", "("},
      {"unclosed parentheses", "const x = " + repeat("(", n), "("},
      {"unclosed blocks", "flow f { " + repeat("repeat 2 times { ", n), "{"},
  };
}

TEST(robustness, ten_thousand_deep_nesting_is_one_clear_error) {
  for (const auto& c : deep_inputs(10'000)) {
    const auto p = parse(c.text);
    ASSERT_EQ(p.diagnostics.items().size(), 1u) << c.name << "\n" << p.messages().substr(0, 500);
    const auto& d = p.diagnostics.items()[0];
    EXPECT_EQ(d.code, "E0005") << c.name;
    // A flat chain of operators is said in its own words: it does not nest.
    const bool chain = std::string_view(c.name).ends_with("chain") && std::string_view(c.name) != "member chain";
    EXPECT_EQ(d.message, chain ? "expression too long: more than 200 operators in one chain"
                               : "nesting too deep: more than 200 levels of blocks, brackets and operators")
        << c.name;
    EXPECT_EQ(d.label, chain ? "one operator too many" : "one level too many") << c.name;
    EXPECT_EQ(p.sources.text(*d.source_span()), c.culprit) << c.name;
  }
}

TEST(robustness, nesting_up_to_the_limit_parses) {
  for (const auto& c : deep_inputs(90)) {
    const auto p = parse(c.text);
    if (std::string_view(c.name).starts_with("unclosed")) continue;
    EXPECT_TRUE(p.diagnostics.empty()) << c.name << "\n" << p.messages();
    EXPECT_FALSE(p.dump().empty());
  }
  // Exactly at the limit, and one past it.
  EXPECT_TRUE(parse("const x = " + repeat("(", 200) + "1" + repeat(")", 200)).diagnostics.empty());
  EXPECT_EQ(first_error("const x = " + repeat("(", 201) + "1" + repeat(")", 201)).substr(0, 5), "E0005");
  EXPECT_TRUE(parse("const x = 1" + repeat(" + 1", 200)).diagnostics.empty());
  EXPECT_EQ(first_error("const x = 1" + repeat(" + 1", 201)).substr(0, 5), "E0005");
  EXPECT_TRUE(parse("const x = " + repeat("not ", 200) + "a").diagnostics.empty());
}

TEST(robustness, nesting_limit_is_configurable) {
  parse_limits limits;
  limits.max_nesting = 3;
  EXPECT_TRUE(parse("const x = ((1))", limits).diagnostics.empty());
  EXPECT_TRUE(parse("const x = (((1)))", limits).diagnostics.empty());
  const auto p = parse("const x = ((((1))))", limits);
  ASSERT_EQ(p.diagnostics.items().size(), 1u);
  EXPECT_EQ(p.diagnostics.items()[0].message, "nesting too deep: more than 3 levels of blocks, brackets and operators");
  EXPECT_EQ(*p.diagnostics.items()[0].source_span(), (span{p.id, 13, 14}));
  EXPECT_EQ(parse("flow f { if a { if b { stop } } }", limits).diagnostics.items().size(), 0u);
  EXPECT_EQ(parse("flow f { if a { if b { if c { stop } } } }", limits).diagnostics.items().at(0).code, "E0005");
}

// -- Error recovery ---------------------------------------------------------------------

TEST(robustness, recovers_at_the_next_declaration) {
  const auto p = parse(
      "flow a {\n"
      "  wait\n"
      "}\n"
      "const b = 3\n"
      "flow c { send }\n"
      "event e { x: }\n"
      "  const not_in_column_one = 1\n"
      "segment s = vip\n");
  EXPECT_EQ(p.messages(),
            "E0001 expected `until`, `for` or a duration after `wait`, found `}`\n"
            "E0001 expected a channel after `send`, found `}`\n"
            "E0001 expected a type after `:`, found `}`\n");
  EXPECT_EQ(p.dump(), "(const b 3)\n(segment s vip)\n");
}

TEST(robustness, recovery_resumes_at_an_error_in_column_one) {
  // The unclosed flow runs into `const` in column 1: that line is parsed.
  const auto p = parse("flow a {\n  wait 1d\nconst b = 2\n");
  EXPECT_EQ(p.messages(), "E0001 expected a step or `}` to close the flow, found `const`\n");
  EXPECT_EQ(p.dump(), "(const b 2)\n");
}

TEST(robustness, recovery_stops_without_another_declaration) {
  const auto p = parse("flow a { wait }\n  flow b { }\n}\n");
  EXPECT_EQ(p.diagnostics.items().size(), 1u);
  EXPECT_TRUE(p.tree.declarations.empty());
}

TEST(robustness, stops_after_max_errors) {
  const auto text = repeat("flow x { wait }\n", 50);
  EXPECT_EQ(parse(text).diagnostics.items().size(), 20u);
  parse_limits limits;
  limits.max_errors = 3;
  EXPECT_EQ(parse(text, limits).diagnostics.items().size(), 3u);
}

TEST(robustness, every_prefix_of_a_file_parses_or_fails) {
  // Cutting a valid file anywhere exercises every place a construct can be
  // left unfinished; none may crash or leave the builder inconsistent.
  const std::string text =
      std::string(ordinary_flow) +
      "test \"t\" {\n  customer c1 { a: 1 }\n  at 2026-03-01T09:00:00.5+01:00 e c1 { x: [1, 2] }\n"
      "  expect send email \"x\" to c1 between t1 and t2 with { a: 1 }\n"
      "  expect count send sms >= 2\n  expect exit f for \"c\" reason \"r\"\n  expect c1 not in vip\n}\n"
      "policy { quiet_hours 21:00 to 8:00 for sms, push limit email 2 per 7d }\n"
      "map \"X\" to y { a: b, c: \"d\" }\nevent e { a?: string, b: list }\n"
      "segment s = count(order_placed where event.total > 5, within: 30d) not in [1, -2]\n";
  ASSERT_TRUE(parse(text).diagnostics.empty()) << parse(text).errors();
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    const auto p = parse(text.substr(0, cut));
    for (const auto& d : p.diagnostics.items()) {
      EXPECT_EQ(d.code.substr(0, 3), "E00") << cut;
    }
  }
}

TEST(robustness, random_token_soup) {
  // A fixed seed: the same soups on every run.
  std::mt19937 rng(20260301);
  const std::vector<std::string> tokens = {
      "flow",     "f",
      "{",        "}",
      "(",        ")",
      "[",        "]",
      ",",        ":",
      ".",        "..",
      "=",        "==",
      "<",        "not",
      "in",       "and",
      "wait",     "until",
      "for",      "within",
      "if",       "else",
      "split",    "50%",
      "send",     "email",
      "\"t\"",    "set",
      "customer", "emit",
      "repeat",   "times",
      "stop",     "log",
      "trigger",  "where",
      "key",      "reentry",
      "after",    "test",
      "expect",   "no",
      "at",       "2026-03-01T09:00:00Z",
      "10:00",    "3d",
      "1",        "-",
      "+",        "#c\n",
      "\n",       "event",
      "const",    "segment",
      "policy",   "map",
      "to",       "quiet_hours",
      "limit",    "per",
      "mon",      "\"",
      "count",    "exit",
      "goal",     "with",
      "between",  "\\",
      "%",        "?",
      "timeout",  "as",
      "on",       "run",
      "allow",
  };
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const auto length = rng() % 60;
    for (std::size_t i = 0; i < length; ++i) {
      text += tokens[rng() % tokens.size()];
      text += ' ';
    }
    const auto p = parse(text);
    for (const auto& d : p.diagnostics.items()) EXPECT_EQ(d.code.substr(0, 3), "E00") << text;
    // What parses cleanly prints one line per declaration.
    const auto dump = p.dump();
    EXPECT_EQ(static_cast<std::size_t>(std::count(dump.begin(), dump.end(), '\n')), p.tree.declarations.size());
  }
}

}  // namespace
}  // namespace afterflow::grammar
