// The examples the formatter is documented by. The language's defining
// examples (issue 2, kept verbatim in
// tests/golden/check/syntax_ok/review_request.flow) were written in canonical style: formatting them changes
// only alignment (of `=` in the segment lines, of `{` in the split arms and of
// trailing comments, which the formatter normalises), never anything else.
// The before/after example of docs/formatting.md is checked as written.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "tests/format/format_test_support.hpp"

namespace afterflow::format {
namespace {

const std::filesystem::path source_dir = AFTERFLOW_SOURCE_DIR;

constexpr std::string_view issue_example_canonical =
    R"(import "ecommerce" # a stdlib module, or a relative path "common.flow"

const review_delay = 3d

event gift_card_redeemed { # a schema; with it, unknown properties are compile errors
  card_id: string
  amount: number
}

segment repeat_buyer = count(order_placed) >= 2
segment vip = sum(order_placed.total, within: 365d) >= 1000
segment promoter = last(nps_submitted).score >= 9

policy {
  timezone "America/New_York" # used when a customer has no customer.timezone
  quiet_hours 21:00 to 08:00  # sends inside it are deferred to its end, customer-local time
  limit email 2 per 7d        # frequency cap per channel, across all flows; extra sends are suppressed
  limit sms 1 per 1d
}

flow review_request "Ask for a review a few days after delivery" {
  trigger order_delivered where event.total >= 20
  when not customer.wholesale # entry filter, evaluated once at trigger time
  exit on order_returned where event.order_id == trigger.order_id
  goal review_submitted where event.order_id == trigger.order_id
  reentry after 30d    # or: never | always; default: one active run per key
  key trigger.order_id # one run per order instead of per customer

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
    50% coupon { send email "review_coupon" { code: "THANKS10" } }
  }
  set customer.last_review_ask = now
  tag "asked_for_review"
  emit review_flow_finished { order_id: trigger.order_id }
}
)";

// The issue's example as a file: its declarations, then its two tests.
struct issue_example_parts {
  std::string declarations;
  std::string tests;
};

[[nodiscard]] issue_example_parts issue_example() {
  const auto text = read_file(source_dir / "tests/golden/check/syntax_ok/review_request.flow");
  const auto split = text.find("\ntest \"");
  if (split == std::string::npos) return {text, {}};
  return {text.substr(0, split), text.substr(split + 1)};
}

constexpr std::string_view issue_tests_canonical = R"(test "returned orders get no review request" {
  customer c1 { timezone: "Europe/Prague", wholesale: false }
  at 2026-03-01T09:00:00Z order_placed c1 { order_id: "o1", total: 150 }
  after 1d order_delivered c1 { order_id: "o1", total: 150 }
  after 1d order_returned c1 { order_id: "o1" }
  expect no send email to c1
  expect exit review_request for c1 reason order_returned
}

test "the request waits for a weekday morning, after the DST change" {
  at 2026-03-05T12:00:00Z order_delivered c2 { order_id: "o2", total: 40 }
  expect send email "review_request" to c2 at 2026-03-09T14:00:00Z # Monday 10:00 New York time
  allow other sends
}
)";

/// Runs of spaces after a line's indentation collapsed to one: what is left
/// when alignment is ignored.
[[nodiscard]] std::string without_alignment(std::string_view text) {
  std::string out;
  bool in_indent = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') in_indent = true;
    else if (c != ' ') in_indent = false;
    if (c == ' ' && !in_indent && i > 0 && text[i - 1] == ' ') continue;
    out += c;
  }
  return out;
}

TEST(format_issue_example, the_language_example_is_canonical_up_to_alignment) {
  const auto example = issue_example();
  const auto formatted = expect_formatter_invariants(example.declarations, "issue example");
  EXPECT_EQ(formatted, issue_example_canonical);
  EXPECT_EQ(without_alignment(formatted), without_alignment(example.declarations));
}

TEST(format_issue_example, the_test_example_is_canonical_up_to_alignment) {
  const auto example = issue_example();
  ASSERT_FALSE(example.tests.empty());
  const auto formatted = expect_formatter_invariants(example.tests, "issue tests");
  EXPECT_EQ(formatted, issue_tests_canonical);
  EXPECT_EQ(without_alignment(formatted), without_alignment(example.tests));
}

TEST(format_issue_example, both_together_are_one_file) {
  const auto example = issue_example();
  EXPECT_EQ(expect_formatter_invariants(example.declarations + "\n" + example.tests, "issue example and tests"),
            std::string(issue_example_canonical) + "\n" + std::string(issue_tests_canonical));
}

/// The fenced code blocks of a Markdown file, in order.
[[nodiscard]] std::vector<std::string> code_blocks(const std::string& markdown) {
  std::vector<std::string> blocks;
  std::istringstream in(markdown);
  std::string block;
  bool inside = false;
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("```")) {
      if (inside) blocks.push_back(block);
      block.clear();
      inside = !inside;
    } else if (inside) {
      block += line + "\n";
    }
  }
  return blocks;
}

TEST(format_docs, the_before_and_after_example_is_exact) {
  const auto blocks = code_blocks(read_file(source_dir / "docs/formatting.md"));
  // The last two code blocks are the example: before, then after.
  ASSERT_GE(blocks.size(), 2u);
  const auto& before = blocks[blocks.size() - 2];
  const auto& after = blocks.back();
  EXPECT_EQ(expect_formatter_invariants(before, "docs example (before)"), after);
  EXPECT_EQ(expect_formatter_invariants(after, "docs example (after)"), after);
}

}  // namespace
}  // namespace afterflow::format
