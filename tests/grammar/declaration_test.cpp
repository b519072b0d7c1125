// Declarations and flow header clauses, compared by AST dump.
#include <gtest/gtest.h>

#include "tests/grammar/parse_test_support.hpp"

namespace afterflow::grammar {
namespace {

struct decl_case {
  const char* input;
  const char* dump;
};

class declaration_test : public ::testing::TestWithParam<decl_case> {};

TEST_P(declaration_test, parses_to_tree) { EXPECT_EQ(dump_of(GetParam().input), GetParam().dump) << GetParam().input; }

// clang-format off
const decl_case declarations[] = {
  {"", ""},
  {"import \"ecommerce\"", "(import \"ecommerce\")\n"},
  {"import \"common.flow\"\nimport \"ecommerce\"", "(import \"common.flow\")\n(import \"ecommerce\")\n"},
  {"const review_delay = 3d", "(const review_delay 3d)\n"},
  {"const threshold = 100 * 2", "(const threshold (* 100 2))\n"},
  {"const vip_tags = [\"vip\", \"gold\"]", "(const vip_tags (list \"vip\" \"gold\"))\n"},
  {"event gift_card_redeemed {\n  card_id: string\n  amount: number\n}",
   "(event gift_card_redeemed (field card_id string) (field amount number))\n"},
  {"event e { a: string, b?: number, c ?: list, }", "(event e (field a string) (field b? number) (field c? list))\n"},
  {"event profile_updated {\n}", "(event profile_updated)\n"},
  {"segment repeat_buyer = count(order_placed) >= 2", "(segment repeat_buyer (>= (call count order_placed) 2))\n"},
  {"segment vip = sum(order_placed.total, within: 365d) >= 1000",
   "(segment vip (>= (call sum (. order_placed total) (within: 365d)) 1000))\n"},
  {"segment promoter = last(nps_submitted).score >= 9",
   "(segment promoter (>= (. (call last nps_submitted) score) 9))\n"},
  {"policy {\n  timezone \"America/New_York\"\n  quiet_hours 21:00 to 08:00\n  limit email 2 per 7d\n  limit sms 1 per 1d\n}",
   "(policy (timezone \"America/New_York\") (quiet-hours 21:00 08:00) (limit email 2 7d) (limit sms 1 1d))\n"},
  {"policy { quiet_hours 22:00 to 7:00 for sms, push }", "(policy (quiet-hours 22:00 7:00 (for sms push)))\n"},
  {"policy { limit email max_mails per week }", "(policy (limit email max_mails week))\n"},
  {"policy { }", "(policy)\n"},
  {"map \"Order Completed\" to order_placed", "(map \"Order Completed\" order_placed)\n"},
  {"map \"Product Reviewed\" to review_submitted { score: rating, text: review_body }",
   "(map \"Product Reviewed\" review_submitted (score rating) (text review_body))\n"},
  {"map \"X\" to y { a: \"External Name\", b: c, }", "(map \"X\" y (a \"External Name\") (b c))\n"},
  {"map \"X\" to y { }", "(map \"X\" y)\n"},
  {"test \"empty\" { }", "(test \"empty\")\n"},
};
INSTANTIATE_TEST_SUITE_P(declarations, declaration_test, ::testing::ValuesIn(declarations));

const decl_case flows[] = {
  {"flow f { }", "(flow f (block))\n"},
  {"flow f \"description\" { }", "(flow f \"description\" (block))\n"},
  {"flow f { trigger order_placed }", "(flow f (trigger order_placed) (block))\n"},
  {"flow f { trigger order_delivered where event.total >= 20 }",
   "(flow f (trigger order_delivered (where (>= (. event total) 20))) (block))\n"},
  {"flow f { trigger a trigger b where x }", "(flow f (trigger a) (trigger b (where x)) (block))\n"},
  {"flow f { when not customer.wholesale when x }", "(flow f (when (not (. customer wholesale))) (when x) (block))\n"},
  {"flow f { exit on order_returned where event.order_id == trigger.order_id }",
   "(flow f (exit order_returned (where (== (. event order_id) (. trigger order_id)))) (block))\n"},
  {"flow f { goal review_submitted goal b where c }", "(flow f (goal review_submitted) (goal b (where c)) (block))\n"},
  {"flow f { reentry never }", "(flow f (reentry never) (block))\n"},
  {"flow f { reentry always }", "(flow f (reentry always) (block))\n"},
  {"flow f { reentry after 30d }", "(flow f (reentry after 30d) (block))\n"},
  {"flow f { key trigger.order_id }", "(flow f (key (. trigger order_id)) (block))\n"},
  {"flow f { transactional }", "(flow f (transactional) (block))\n"},
  // Clauses in any order before the steps; the dump lists them by kind.
  {"flow f { transactional goal g key k trigger t when w exit on e reentry never stop }",
   "(flow f (trigger t) (when w) (exit e) (goal g) (reentry never) (key k) (transactional) (block (stop)))\n"},
  {"flow f {\n  trigger order_placed\n  wait 1d\n  send email \"x\"\n}",
   "(flow f (trigger order_placed) (block (wait 1d) (send email \"x\")))\n"},
  {"flow a { } flow b { }", "(flow a (block))\n(flow b (block))\n"},
};
INSTANTIATE_TEST_SUITE_P(flows, declaration_test, ::testing::ValuesIn(flows));

// Contextual keywords stay usable as names where a name is expected.
const decl_case contextual_keywords[] = {
  {"const key = 1", "(const key 1)\n"},
  {"const flow = wait", "(const flow wait)\n"},
  {"event at { count: number, key?: string }", "(event at (field count number) (field key? string))\n"},
  {"segment test = customer.send", "(segment test (. customer send))\n"},
  {"flow trigger { trigger when where when }", "(flow trigger (trigger when (where when)) (block))\n"},
  {"map \"m\" to map { to: from }", "(map \"m\" map (to from))\n"},
};
INSTANTIATE_TEST_SUITE_P(contextual_keywords, declaration_test, ::testing::ValuesIn(contextual_keywords));
// clang-format on

TEST(declarations, spans_cover_the_whole_declaration) {
  const auto p = parse("  const a = 1 + 2  # c\nflow f { }\n");
  ASSERT_TRUE(p.diagnostics.empty()) << p.errors();
  ASSERT_EQ(p.tree.declarations.size(), 2u);
  EXPECT_EQ(p.tree.declarations[0].where, (span{p.id, 2, 17}));
  EXPECT_EQ(p.tree.declarations[1].where, (span{p.id, 23, 33}));
  EXPECT_EQ(p.tree.id, p.id);
}

}  // namespace
}  // namespace afterflow::grammar
