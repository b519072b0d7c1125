// Steps: every form of every step, parsed inside `flow f { ... }` and
// compared by the AST dump of the flow's steps (one per line).
#include <gtest/gtest.h>

#include "tests/grammar/parse_test_support.hpp"

namespace afterflow::grammar {
namespace {

struct step_case {
  const char* input;
  const char* dump;
};

class step_test : public ::testing::TestWithParam<step_case> {};

TEST_P(step_test, parses_to_tree) { EXPECT_EQ(steps_dump(GetParam().input), GetParam().dump) << GetParam().input; }

// clang-format off
const step_case waits[] = {
  {"wait 3d", "(wait 3d)"},
  {"wait review_delay", "(wait review_delay)"},
  {"wait review_delay * 2", "(wait (* review_delay 2))"},
  {"wait until 10:00", "(wait-until 10:00)"},
  {"wait until 10:00 on mon..fri", "(wait-until 10:00 (on mon..fri))"},
  {"wait until 10:00 on sat, sun", "(wait-until 10:00 (on sat sun))"},
  {"wait until 10:00 on mon, wed..fri", "(wait-until 10:00 (on mon wed..fri))"},
  {"wait until 9:30 on tue .. thu", "(wait-until 9:30 (on tue..thu))"},
  {"wait until 10:00 in customer.timezone", "(wait-until 10:00 (in (. customer timezone)))"},
  {"wait until 10:00 on mon..fri in customer.timezone",
   "(wait-until 10:00 (on mon..fri) (in (. customer timezone)))"},
  {"wait until 10:00 in \"Europe/Prague\"", "(wait-until 10:00 (in \"Europe/Prague\"))"},
  {"wait until opening_time on mon", "(wait-until opening_time (on mon))"},
  {"wait until 10:00:30", "(wait-until 10:00:30)"},
  {"wait for review_submitted within 7d", "(wait-for review_submitted (within 7d))"},
  {"wait for review_submitted as review within 7d", "(wait-for review_submitted (as review) (within 7d))"},
  {"wait for review_submitted where event.score > 3 within 7d",
   "(wait-for review_submitted (where (> (. event score) 3)) (within 7d))"},
  {"wait for review_submitted as review where review.order_id == trigger.order_id within 7d {\n"
   "  if review.score <= 2 { send task \"support_followup\" { score: review.score } }\n"
   "} timeout {\n"
   "  send sms \"review_reminder\"\n"
   "}",
   "(wait-for review_submitted (as review) (where (== (. review order_id) (. trigger order_id))) (within 7d) "
   "(received (block (if (branch (<= (. review score) 2) (block (send task \"support_followup\" (params (score (. review score))))))))) "
   "(timeout (block (send sms \"review_reminder\"))))"},
  {"wait for order_placed within 30d { }", "(wait-for order_placed (within 30d) (received (block)))"},
  {"wait for order_placed within 30d timeout { stop }",
   "(wait-for order_placed (within 30d) (timeout (block (stop))))"},
};
INSTANTIATE_TEST_SUITE_P(waits, step_test, ::testing::ValuesIn(waits));

const step_case branches[] = {
  {"if a { }", "(if (branch a (block)))"},
  {"if a { stop } else { log \"no\" }", "(if (branch a (block (stop))) (else (block (log \"no\"))))"},
  {"if a { stop } else if b { stop \"b\" } else if c { } else { }",
   "(if (branch a (block (stop))) (branch b (block (stop \"b\"))) (branch c (block)) (else (block)))"},
  {"if a\n{\n}\nelse\nif b\n{\n}", "(if (branch a (block)) (branch b (block)))"},
  {"if trigger.total > 100 and vip { send email \"vip\" }",
   "(if (branch (and (> (. trigger total) 100) vip) (block (send email \"vip\"))))"},
  {"if a { if b { if c { stop } } }", "(if (branch a (block (if (branch b (block (if (branch c (block (stop))))))))))"},
  {"split { 50% a { } 50% b { } }", "(split (arm 50% a (block)) (arm 50% b (block)))"},
  {"split \"incentive\" {\n  50% control { }\n  50% coupon { send email \"review_coupon\" { code: \"THANKS10\" } }\n}",
   "(split \"incentive\" (arm 50% control (block)) (arm 50% coupon (block (send email \"review_coupon\" (params (code \"THANKS10\"))))))"},
  {"split { 33.3% a { } 66.7 % b { } }", "(split (arm 33.3% a (block)) (arm 66.7% b (block)))"},
  {"split { }", "(split)"},
  {"repeat 3 times { wait 1d send email \"nudge\" }", "(repeat 3 (block (wait 1d) (send email \"nudge\")))"},
  {"repeat max_nudges times { wait 1w }", "(repeat max_nudges (block (wait 1w)))"},
};
INSTANTIATE_TEST_SUITE_P(branches, step_test, ::testing::ValuesIn(branches));

const step_case actions[] = {
  {"send email \"welcome\"", "(send email \"welcome\")"},
  {"send email \"welcome\" { }", "(send email \"welcome\" (params))"},
  {"send email \"welcome\" { order_id: trigger.order_id }", "(send email \"welcome\" (params (order_id (. trigger order_id))))"},
  {"send sms \"x\" { a: 1, b: 2 }", "(send sms \"x\" (params (a 1) (b 2)))"},
  {"send sms \"x\" { a: 1 b: 2 }", "(send sms \"x\" (params (a 1) (b 2)))"},
  {"send sms \"x\" {\n  a: 1,\n  b: [1, 2],\n}", "(send sms \"x\" (params (a 1) (b (list 1 2))))"},
  {"send webhook \"crm\" { when: now, key: 1 }", "(send webhook \"crm\" (params (when now) (key 1)))"},
  {"set customer.last_review_ask = now", "(set customer last_review_ask now)"},
  {"set customer . score = customer.score + 1", "(set customer score (+ (. customer score) 1))"},
  {"tag \"asked_for_review\"", "(tag \"asked_for_review\")"},
  {"untag \"asked_for_review\"", "(untag \"asked_for_review\")"},
  {"emit review_flow_finished", "(emit review_flow_finished)"},
  {"emit review_flow_finished { }", "(emit review_flow_finished (props))"},
  {"emit review_flow_finished { order_id: trigger.order_id }",
   "(emit review_flow_finished (props (order_id (. trigger order_id))))"},
  {"stop", "(stop)"},
  {"stop \"already reviewed\"", "(stop \"already reviewed\")"},
  {"log \"sent the reminder\"", "(log \"sent the reminder\")"},
};
INSTANTIATE_TEST_SUITE_P(actions, step_test, ::testing::ValuesIn(actions));

// Statements end where the next one starts; newlines mean nothing.
const step_case sequences[] = {
  {"wait 1d send email \"a\" stop", "(wait 1d)\n(send email \"a\")\n(stop)"},
  {"wait 1d\nwait until 10:00\nwait for x within 1d", "(wait 1d)\n(wait-until 10:00)\n(wait-for x (within 1d))"},
  {"stop\n\"reason on the next line\"", "(stop \"reason on the next line\")"},
  {"emit a\n{ b: 1 }", "(emit a (props (b 1)))"},
  {"wait x # a comment\nsend email \"t\" # another", "(wait x)\n(send email \"t\")"},
};
INSTANTIATE_TEST_SUITE_P(sequences, step_test, ::testing::ValuesIn(sequences));
// clang-format on

}  // namespace
}  // namespace afterflow::grammar
