// Exact canonical output, construct by construct: each row is a messy input
// and the text `afterflow fmt` must print for it. Every row also checks the
// formatter's invariants on the input and that the expected text is itself a
// fixed point (formatting canonical text changes nothing).
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "tests/format/format_test_support.hpp"

namespace afterflow::format {
namespace {

struct format_case {
  const char* name;
  std::string_view input;
  std::string_view expected;
};

void PrintTo(const format_case& c, std::ostream* os) { *os << c.name; }

// ---------------------------------------------------------------------------
// Declarations

constexpr format_case declaration_cases[] = {
    {"empty_file", "", ""},
    {"only_whitespace", "  \n\n\t\n", ""},
    {"imports_stay_together", "import   \"ecommerce\"\nimport \"common.flow\"",
     "import \"ecommerce\"\nimport \"common.flow\"\n"},
    {"kinds_are_paragraphs",
     "import \"ecommerce\"\nconst a=1\nconst  b =  2\nsegment s=a>1\nsegment t = not s\n"
     "map \"A\" to order_placed\nmap \"B\" to order_paid\n",
     "import \"ecommerce\"\n\nconst a = 1\nconst b = 2\n\nsegment s = a > 1\nsegment t = not s\n\n"
     "map \"A\" to order_placed\nmap \"B\" to order_paid\n"},
    {"blank_lines_in_a_group_collapse_to_one", "const a = 1\n\n\n\nconst b = 2\nconst c = 3\n",
     "const a = 1\n\nconst b = 2\nconst c = 3\n"},
    {"multi_line_declarations_are_paragraphs", "event a { x: string }\nevent b { y: number }",
     "event a {\n  x: string\n}\n\nevent b {\n  y: number\n}\n"},
    {"event_fields_one_per_line", "event gift_card_redeemed{card_id:string,amount : number\n  note ?: string,}",
     "event gift_card_redeemed {\n  card_id: string\n  amount: number\n  note?: string\n}\n"},
    {"empty_event", "event nothing {\n\n}\n", "event nothing { }\n"},
    {"policy_items_one_per_line",
     "policy{timezone \"America/New_York\" quiet_hours 21:00 to 08:00 for email,sms\n"
     "limit   email 2 per 7d limit sms 1 per 1d}",
     "policy {\n  timezone \"America/New_York\"\n  quiet_hours 21:00 to 08:00 for email, sms\n"
     "  limit email 2 per 7d\n  limit sms 1 per 1d\n}\n"},
    {"empty_policy", "policy {}", "policy { }\n"},
    {"map_properties_on_one_line", "map \"Order Completed\" to order_placed {total:revenue , order_id:\"orderId\",}",
     "map \"Order Completed\" to order_placed { total: revenue, order_id: \"orderId\" }\n"},
    {"map_with_empty_braces", "map \"Order Completed\" to order_placed { }",
     "map \"Order Completed\" to order_placed\n"},
    {"long_map_breaks_with_trailing_commas",
     "map \"Checkout Step Completed\" to order_paid { order_id: orderId, total: revenue, "
     "currency: currencyCode, category: \"product category\" }",
     "map \"Checkout Step Completed\" to order_paid {\n  order_id: orderId,\n  total: revenue,\n"
     "  currency: currencyCode,\n  category: \"product category\",\n}\n"},
    {"multi_line_map_is_a_paragraph",
     "map \"A\" to order_placed\nmap \"Checkout Step Completed\" to order_paid { order_id: "
     "orderId, total: revenue, currency: currencyCode, category: \"product category\" }\n"
     "map \"B\" to order_paid",
     "map \"A\" to order_placed\n\nmap \"Checkout Step Completed\" to order_paid {\n"
     "  order_id: orderId,\n  total: revenue,\n  currency: currencyCode,\n"
     "  category: \"product category\",\n}\n\nmap \"B\" to order_paid\n"},
    {"declarations_written_on_one_line", "const a = 1 const b = 2 flow f { trigger x wait 1d }",
     "const a = 1\nconst b = 2\n\nflow f {\n  trigger x\n\n  wait 1d\n}\n"},
};

// ---------------------------------------------------------------------------
// Flows and their header clauses

constexpr format_case flow_cases[] = {
    {"empty_flow", "flow f {}", "flow f { }\n"},
    {"flow_with_description", "flow   f   \"Say \\\"hi\\\"\"   {\ntrigger order_placed\n}",
     "flow f \"Say \\\"hi\\\"\" {\n  trigger order_placed\n}\n"},
    {"clauses_in_canonical_order",
     "flow f {\n transactional key trigger.order_id reentry always goal g exit on x where "
     "event.a==1\n when customer.vip trigger order_placed where event.total>10 wait 1d }",
     "flow f {\n  trigger order_placed where event.total > 10\n  when customer.vip\n"
     "  exit on x where event.a == 1\n  goal g\n  reentry always\n  key trigger.order_id\n"
     "  transactional\n\n  wait 1d\n}\n"},
    {"several_triggers_and_filters_keep_their_order",
     "flow f {\n  when b\n  trigger y\n  when a\n  trigger x\n  exit on q\n  exit on p\n}",
     "flow f {\n  trigger y\n  trigger x\n  when b\n  when a\n  exit on q\n  exit on p\n}\n"},
    {"reentry_forms", "flow a { trigger x reentry never }\nflow b { trigger x reentry after 30d }",
     "flow a {\n  trigger x\n  reentry never\n}\n\nflow b {\n  trigger x\n  reentry after 30d\n}\n"},
    {"blank_lines_between_clauses_go_one_before_steps", "flow f {\n\n  trigger x\n\n\n  when y\n  wait 1d\n\n}\n",
     "flow f {\n  trigger x\n  when y\n\n  wait 1d\n}\n"},
    {"steps_without_clauses", "flow f {\n\n  wait 1d\n}", "flow f {\n  wait 1d\n}\n"},
};

// ---------------------------------------------------------------------------
// Steps

constexpr format_case step_cases[] = {
    {"wait_forms",
     "flow f { trigger x wait 3d wait   review_delay wait until 10:00 wait until 8:30 on "
     "mon..fri,sat in customer.timezone wait until 21:30:15 on sun }",
     "flow f {\n  trigger x\n\n  wait 3d\n  wait review_delay\n  wait until 10:00\n"
     "  wait until 8:30 on mon..fri, sat in customer.timezone\n  wait until 21:30:15 on sun\n}\n"},
    {"wait_for_without_blocks",
     "flow f { trigger x wait for review_submitted as r where r.score>3 within 7d "
     "wait for order_paid within 1d }",
     "flow f {\n  trigger x\n\n  wait for review_submitted as r where r.score > 3 within 7d\n"
     "  wait for order_paid within 1d\n}\n"},
    {"wait_for_with_blocks",
     "flow f { trigger x\n wait for paid within 1d {\n send email \"thanks\" } timeout { stop "
     "\"unpaid\" }\n wait for shipped within 2d timeout {\nlog \"late\"\n}\n"
     " wait for delivered within 9d {\nlog \"ok\"\n}\n}",
     "flow f {\n  trigger x\n\n  wait for paid within 1d {\n    send email \"thanks\"\n"
     "  } timeout {\n    stop \"unpaid\"\n  }\n  wait for shipped within 2d timeout {\n    log \"late\"\n"
     "  }\n  wait for delivered within 9d {\n    log \"ok\"\n  }\n}\n"},
    {"if_else_chain",
     "flow f { trigger x\nif a>1{\nsend email \"a\"}\nelse if b\n{\nsend email \"b\"\n}else\n"
     "{\nsend email \"c\"\n}\n}",
     "flow f {\n  trigger x\n\n  if a > 1 {\n    send email \"a\"\n  } else if b {\n"
     "    send email \"b\"\n  } else {\n    send email \"c\"\n  }\n}\n"},
    {"one_line_blocks_stay_one_line",
     "flow f { trigger x\n  if a {send email \"a\"} else { }\n  repeat 3 times {  wait 1d }\n}",
     "flow f {\n  trigger x\n\n  if a { send email \"a\" } else { }\n"
     "  repeat 3 times { wait 1d }\n}\n"},
    {"multi_line_blocks_stay_multi_line", "flow f { trigger x\n  if a {\n send email \"a\" }\n}",
     "flow f {\n  trigger x\n\n  if a {\n    send email \"a\"\n  }\n}\n"},
    {"one_line_block_with_two_steps_breaks", "flow f { trigger x\n  repeat 2 times { wait 1d send sms \"x\" }\n}",
     "flow f {\n  trigger x\n\n  repeat 2 times {\n    wait 1d\n    send sms \"x\"\n  }\n}\n"},
    {"one_line_block_with_a_nested_block_breaks", "flow f { trigger x\n  if a { if b { stop } }\n}",
     "flow f {\n  trigger x\n\n  if a {\n    if b { stop }\n  }\n}\n"},
    {"one_line_block_at_101_columns_breaks",
     "flow f { trigger x\n  if customer.lifetime_value > 1000 and customer.orders > 10 { send "
     "email \"vip_thanks_for_everythi\" }\n}",
     "flow f {\n  trigger x\n\n  if customer.lifetime_value > 1000 and customer.orders > 10 {\n"
     "    send email \"vip_thanks_for_everythi\"\n  }\n}\n"},
    {"one_line_if_chain_joins_onto_one_line",
     "flow f { trigger x\n  if a { stop }\n  else if b { wait 1d }\n  else { log \"c\" }\n}",
     "flow f {\n  trigger x\n\n  if a { stop } else if b { wait 1d } else { log \"c\" }\n}\n"},
    {"if_chain_breaks_as_a_whole_when_too_long",
     "flow f { trigger x\n  if customer.vip { send email \"vip_thanks\" { order_id: "
     "trigger.order_id } } else { send email \"thanks\" }\n}",
     "flow f {\n  trigger x\n\n  if customer.vip {\n"
     "    send email \"vip_thanks\" { order_id: trigger.order_id }\n  } else {\n"
     "    send email \"thanks\"\n  }\n}\n"},
    {"if_chain_breaks_as_a_whole_when_one_block_is_multi_line",
     "flow f { trigger x\n  if a { stop } else {\n    wait 1d\n  }\n}",
     "flow f {\n  trigger x\n\n  if a {\n    stop\n  } else {\n    wait 1d\n  }\n}\n"},
    {"broken_chain_keeps_empty_blocks_empty", "flow f { trigger x\n  if a { } else {\n    wait 1d\n  }\n}",
     "flow f {\n  trigger x\n\n  if a { } else {\n    wait 1d\n  }\n}\n"},
    {"one_line_wait_for_with_both_blocks", "flow f { trigger x\n  wait for y within 1d {stop} timeout {wait 1d}\n}",
     "flow f {\n  trigger x\n\n  wait for y within 1d { stop } timeout { wait 1d }\n}\n"},
    {"one_line_block_at_exactly_100_columns_fits",
     "flow f { trigger x\n  if customer.lifetime_value > 1000 and customer.orders > 10 { send "
     "email \"vip_thanks_for_everyth\" }\n}",
     "flow f {\n  trigger x\n\n  if customer.lifetime_value > 1000 and customer.orders > 10 { send "
     "email \"vip_thanks_for_everyth\" }\n}\n"},
    {"deeply_nested_blocks",
     "flow f { trigger x\n"
     "repeat 1 times { repeat 2 times { repeat 3 times { repeat 4 times { repeat 5 times {\n"
     "wait 1d\n} } } } }\n}",
     "flow f {\n  trigger x\n\n  repeat 1 times {\n    repeat 2 times {\n"
     "      repeat 3 times {\n        repeat 4 times {\n          repeat 5 times {\n"
     "            wait 1d\n          }\n        }\n      }\n    }\n  }\n}\n"},
    {"empty_blocks", "flow f { trigger x\n  if a {\n\n  } else {\n}\n  repeat 2 times {}\n}",
     "flow f {\n  trigger x\n\n  if a { } else { }\n  repeat 2 times { }\n}\n"},
    {"split_arms",
     "flow f { trigger x\nsplit \"incentive\" {\n50% control { }\n 50.5% coupon  { send email "
     "\"c\" }\n  49.5% other {\nwait 1d\n}}\nsplit{100% all{}}\n}",
     "flow f {\n  trigger x\n\n  split \"incentive\" {\n    50% control { }\n"
     "    50.5% coupon { send email \"c\" }\n    49.5% other {\n      wait 1d\n    }\n  }\n"
     "  split {\n    100% all { }\n  }\n}\n"},
    {"send_forms",
     "flow f { trigger x\nsend email \"a\"\nsend sms \"b\" {}\nsend push \"c\" {order_id:"
     "trigger.order_id  points : 200,}\n}",
     "flow f {\n  trigger x\n\n  send email \"a\"\n  send sms \"b\" { }\n"
     "  send push \"c\" { order_id: trigger.order_id, points: 200 }\n}\n"},
    {"long_property_list_breaks",
     "flow f { trigger x\n  send email \"review_request\" { order_id: trigger.order_id, total: "
     "trigger.total, currency: trigger.currency }\n}",
     "flow f {\n  trigger x\n\n  send email \"review_request\" {\n"
     "    order_id: trigger.order_id,\n    total: trigger.total,\n"
     "    currency: trigger.currency,\n  }\n}\n"},
    {"property_list_at_exactly_100_columns_fits",
     "flow f { trigger x\n  send email \"t\" { order_id: trigger.order_id, total: trigger.total, "
     "currency: trigger.currency012 }\n}",
     "flow f {\n  trigger x\n\n  send email \"t\" { order_id: trigger.order_id, total: "
     "trigger.total, currency: trigger.currency012 }\n}\n"},
    {"property_list_at_101_columns_breaks",
     "flow f { trigger x\n  send email \"t\" { order_id: trigger.order_id, total: trigger.total, "
     "currency: trigger.currency0123 }\n}",
     "flow f {\n  trigger x\n\n  send email \"t\" {\n    order_id: trigger.order_id,\n"
     "    total: trigger.total,\n    currency: trigger.currency0123,\n  }\n}\n"},
    {"set_tag_emit_stop_log",
     "flow f { trigger x\nset customer . last_ask=now\ntag \"a\" untag \"b\"\nemit done\n"
     "emit done2 {}\nemit done3 { id : 1 }\nstop\nstop \"enough\"\nlog \"hello\"\n}",
     "flow f {\n  trigger x\n\n  set customer.last_ask = now\n  tag \"a\"\n  untag \"b\"\n"
     "  emit done\n  emit done2 { }\n  emit done3 { id: 1 }\n  stop\n  stop \"enough\"\n"
     "  log \"hello\"\n}\n"},
    {"nested_blocks",
     "flow f{trigger x\nrepeat 3 times{\nif a{\nsplit \"s\"{\n50% a{\nwait 1d\n}\n50% b{\n"
     "wait for y within 2d {\nsend sms \"y\"\n}\n}\n}\n}\n}\n}",
     "flow f {\n  trigger x\n\n  repeat 3 times {\n    if a {\n      split \"s\" {\n"
     "        50% a {\n          wait 1d\n        }\n        50% b {\n"
     "          wait for y within 2d {\n            send sms \"y\"\n          }\n"
     "        }\n      }\n    }\n  }\n}\n"},
    {"blank_lines_between_steps_kept_at_most_one",
     "flow f {\n  trigger x\n\n\n  wait 1d\n\n\n\n  send email \"a\"\n  send email \"b\"\n"
     "  if a {\n\n    wait 1d\n\n    wait 2d\n\n  }\n}\n",
     "flow f {\n  trigger x\n\n  wait 1d\n\n  send email \"a\"\n  send email \"b\"\n"
     "  if a {\n    wait 1d\n\n    wait 2d\n  }\n}\n"},
};

// ---------------------------------------------------------------------------
// Expressions and literals

constexpr format_case expression_cases[] = {
    {"binary_operators_spaced", "const a = 1+2*3-4/5%6", "const a = 1 + 2 * 3 - 4 / 5 % 6\n"},
    {"comparisons_and_logic", "segment s = a<1 or b<=2 and c>3 or d>=4 and e==5 and f!=6",
     "segment s = a < 1 or b <= 2 and c > 3 or d >= 4 and e == 5 and f != 6\n"},
    {"in_and_not_in", "segment s = x   in [1,2,] and y not   in[ ]", "segment s = x in [1, 2] and y not in []\n"},
    {"unary_operators", "const a = - x\nsegment s = not(a)\nsegment t = not  not b",
     "const a = -x\n\nsegment s = not (a)\nsegment t = not not b\n"},
    {"double_negation", "const a = - -x\nconst b = 1 - -2", "const a = - -x\nconst b = 1 - -2\n"},
    {"parentheses_kept_exactly", "const a = ((1 + 2)) * (3)\nconst b = (1 * 2) + 3",
     "const a = ((1 + 2)) * (3)\nconst b = (1 * 2) + 3\n"},
    {"member_access", "segment s = last( nps_submitted ) . score >= 9", "segment s = last(nps_submitted).score >= 9\n"},
    {"calls_with_named_arguments_and_where",
     "segment s = count(order_placed   where event.total>50,within:30d)>=2\n"
     "segment t = sum( order_placed.total , within : 365d ) >= 1000\nsegment u = f()",
     "segment s = count(order_placed where event.total > 50, within: 30d) >= 2\n"
     "segment t = sum(order_placed.total, within: 365d) >= 1000\nsegment u = f()\n"},
    {"literals_as_written",
     "const a = 2.50\nconst b = 1d12h\nconst c = 8:30\nconst d = 2026-03-01T10:00:00.250+01:00\n"
     "const e = null\nconst f = true\nconst g = false\nconst h = 007",
     "const a = 2.50\nconst b = 1d12h\nconst c = 8:30\nconst d = 2026-03-01T10:00:00.250+01:00\n"
     "const e = null\nconst f = true\nconst g = false\nconst h = 007\n"},
    {"strings_reescaped",
     "const a = \"tab\\there \\\"q\\\" back\\\\slash\\r\\n\"\nconst b = \"\\u{41}\\u{e9}\\u{1F600}\"\n"
     "const c = \"\\u{1}\\u{1b}\\u{7F}\"\nconst d = \"\xC3\xA9t\xC3\xA9\"",
     "const a = \"tab\\there \\\"q\\\" back\\\\slash\\r\\n\"\n"
     "const b = \"A\xC3\xA9\xF0\x9F\x98\x80\"\nconst c = \"\\u{1}\\u{1b}\\u{7f}\"\n"
     "const d = \"\xC3\xA9t\xC3\xA9\"\n"},
    {"escapes_in_every_string_position",
     R"(import "dir\\common \"x\".flow"
map "Order \u{43}ompleted" to order_placed { total: "re\"venue" }
policy { timezone "Europe/\u{50}rague" }
flow f "say \"hi\"\t" {
  trigger x
  split "a\\b" { 100% all { send email "t\"1" } }
  tag "\u{1}" untag "\n" stop "\r" log "\u{7f}"
}
test "t \"1\"" {
  customer "c\"1" { name: "\u{e9}" }
  at 2026-03-01T09:00:00Z order_placed "c\"1"
  expect send email "t\"1" to "c\"1"
  expect exit f for "c\"1" reason "stop \"now\""
  expect "c\"1" not in vip
}
)",
     R"(import "dir\\common \"x\".flow"

map "Order Completed" to order_placed { total: "re\"venue" }

policy {
  timezone "Europe/Prague"
}

flow f "say \"hi\"\t" {
  trigger x

  split "a\\b" {
    100% all { send email "t\"1" }
  }
  tag "\u{1}"
  untag "\n"
  stop "\r"
  log "\u{7f}"
}

test "t \"1\"" {
  customer "c\"1" { name: "é" }
  at 2026-03-01T09:00:00Z order_placed "c\"1"
  expect send email "t\"1" to "c\"1"
  expect exit f for "c\"1" reason "stop \"now\""
  expect "c\"1" not in vip
}
)"},
    {"long_expressions_are_not_broken",
     "segment s = count(order_placed where event.total > 50 and event.category in "
     "[\"apparel\", \"shoes\", \"beauty\"], within: 30d) >= 2",
     "segment s = count(order_placed where event.total > 50 and event.category in "
     "[\"apparel\", \"shoes\", \"beauty\"], within: 30d) >= 2\n"},
};

// ---------------------------------------------------------------------------
// Tests

constexpr format_case test_cases[] = {
    {"empty_test", "test \"nothing\" {\n}", "test \"nothing\" { }\n"},
    {"test_items_one_per_line",
     "test \"t\" { customer c1 {timezone:\"Europe/Prague\",wholesale:false} customer \"cust-42\"\n"
     "at 2026-03-01T09:00:00Z order_placed c1 {order_id:\"o1\" total:150}\n"
     "after 1d order_delivered \"cust-42\" after 2h order_paid c1 { }\nrun until "
     "2026-04-01T00:00:00Z allow other sends }",
     "test \"t\" {\n  customer c1 { timezone: \"Europe/Prague\", wholesale: false }\n"
     "  customer \"cust-42\"\n  at 2026-03-01T09:00:00Z order_placed c1 { order_id: \"o1\", "
     "total: 150 }\n  after 1d order_delivered \"cust-42\"\n  after 2h order_paid c1 { }\n"
     "  run until 2026-04-01T00:00:00Z\n  allow other sends\n}\n"},
    {"expect_send_forms",
     "test \"t\" {\nexpect send email\nexpect send email \"r\" to c1\n"
     "expect send email \"r\" to c1 at 2026-03-09T14:00:00Z with {order_id:\"o1\"}\n"
     "expect send sms to c1 between 2026-03-09T14:00:00Z and 2026-03-10T14:00:00Z\n"
     "expect suppressed email to c1\nexpect deferred sms \"x\" to \"c 2\" with { }\n}",
     "test \"t\" {\n  expect send email\n  expect send email \"r\" to c1\n"
     "  expect send email \"r\" to c1 at 2026-03-09T14:00:00Z with { order_id: \"o1\" }\n"
     "  expect send sms to c1 between 2026-03-09T14:00:00Z and 2026-03-10T14:00:00Z\n"
     "  expect suppressed email to c1\n  expect deferred sms \"x\" to \"c 2\" with { }\n}\n"},
    {"expect_no_send_forms",
     "test \"t\" { expect no send email\nexpect no send to c1 expect no send email \"r\" to c1\n"
     "expect no send \"r\"\nexpect no send }",
     "test \"t\" {\n  expect no send email\n  expect no send to c1\n"
     "  expect no send email \"r\" to c1\n  expect no send \"r\"\n  expect no send\n}\n"},
    {"other_expectations",
     "test \"t\" {\nexpect count send email==2\nexpect count send sms <= 1\n"
     "expect exit review_request for c1 reason order_returned\n"
     "expect exit review_request for \"c-2\" reason \"no \\\"stock\\\"\"\n"
     "expect goal review_request for c1\nexpect c1 in vip\nexpect c1 not   in vip\n}",
     "test \"t\" {\n  expect count send email == 2\n  expect count send sms <= 1\n"
     "  expect exit review_request for c1 reason order_returned\n"
     "  expect exit review_request for \"c-2\" reason \"no \\\"stock\\\"\"\n"
     "  expect goal review_request for c1\n  expect c1 in vip\n  expect c1 not in vip\n}\n"},
    {"long_test_event_breaks",
     "test \"t\" {\n  at 2026-03-03T12:00:00Z order_delivered c1 { order_id: \"o1\", total: 80, "
     "currency: \"USD\", category: \"apparel\" }\n}",
     "test \"t\" {\n  at 2026-03-03T12:00:00Z order_delivered c1 {\n    order_id: \"o1\",\n"
     "    total: 80,\n    currency: \"USD\",\n    category: \"apparel\",\n  }\n}\n"},
};

// ---------------------------------------------------------------------------
// Comments

constexpr format_case comment_cases[] = {
    {"only_comments", "  # one\n\n\n#two   \n", "# one\n\n#two\n"},
    {"file_header_then_declaration", "# header\n\n\nimport \"ecommerce\"", "# header\n\nimport \"ecommerce\"\n"},
    {"comment_directly_above_declaration", "const a = 1\n# about b\nconst b = 2\n",
     "const a = 1\n# about b\nconst b = 2\n"},
    {"comment_above_a_paragraph_declaration", "const a = 1\n# about f\nflow f { }\n",
     "const a = 1\n\n# about f\nflow f { }\n"},
    {"end_of_line_comments", "const a = 1 # one\nconst bb = 22   # two\n\nconst c = 3 # three",
     "const a = 1   # one\nconst bb = 22 # two\n\nconst c = 3 # three\n"},
    {"comment_at_end_of_file", "flow f { trigger x }\n\n\n# the end", "flow f {\n  trigger x\n}\n\n# the end\n"},
    {"comment_after_open_brace", "flow f { # the flow\n  trigger x\n  if a { # when a\n    stop\n  }\n}",
     "flow f { # the flow\n  trigger x\n\n  if a { # when a\n    stop\n  }\n}\n"},
    {"comment_before_close_brace",
     "flow f {\n  trigger x\n  if a {\n    stop\n        # after stop\n  }\n\n  # last words\n}",
     "flow f {\n  trigger x\n\n  if a {\n    stop\n    # after stop\n  }\n\n  # last words\n}\n"},
    {"comment_in_an_otherwise_empty_block", "flow f {\n  trigger x\n  if a {\n    # nothing yet\n  }\n}",
     "flow f {\n  trigger x\n\n  if a {\n    # nothing yet\n  }\n}\n"},
    {"comments_between_if_branches",
     "flow f {\n  trigger x\n  if a {\n    stop\n  }\n  # about b\n  else if b {\n    wait 1d\n"
     "  } # about else\n  else {\n    wait 2d\n  }\n}",
     "flow f {\n  trigger x\n\n  if a {\n    stop\n  } else if b {\n    # about b\n    wait 1d\n"
     "  } else {\n    # about else\n    wait 2d\n  }\n}\n"},
    {"comment_in_an_else_if_condition_moves_into_its_block",
     "flow f {\n  trigger x\n  if a {\n    stop\n  } else if b and # why b\n    c {\n"
     "    wait 1d\n  }\n}",
     "flow f {\n  trigger x\n\n  if a {\n    stop\n  } else if b and c {\n    # why b\n"
     "    wait 1d\n  }\n}\n"},
    {"comment_between_one_line_branches_breaks_the_chain",
     "flow f {\n  trigger x\n  if a { stop } # not a\n  else { wait 1d }\n}",
     "flow f {\n  trigger x\n\n  if a {\n    stop\n  } else {\n    # not a\n    wait 1d\n"
     "  }\n}\n"},
    {"comments_on_every_line_of_a_chain",
     "flow f {\n  trigger x\n  if a { # a\n    stop # s\n  } else if b { # b\n    wait 1d\n"
     "  } else { # c\n  } # end\n}",
     "flow f {\n  trigger x\n\n  if a { # a\n    stop # s\n  } else if b { # b\n"
     "    wait 1d\n  } else { # c\n  }        # end\n}\n"},
    {"comment_between_received_and_timeout",
     "flow f {\n  trigger x\n  wait for y within 1d {\n    stop\n  }\n  # no y\n  timeout {\n"
     "    wait 1d\n  }\n}",
     "flow f {\n  trigger x\n\n  wait for y within 1d {\n    stop\n  } timeout {\n    # no y\n"
     "    wait 1d\n  }\n}\n"},
    {"comment_inside_a_one_line_block_breaks_it", "flow f {\n  trigger x\n  if a { stop # why\n  }\n}",
     "flow f {\n  trigger x\n\n  if a {\n    stop # why\n  }\n}\n"},
    {"comment_after_a_one_line_block", "flow f {\n  trigger x\n  if a { stop } # why\n}",
     "flow f {\n  trigger x\n\n  if a { stop } # why\n}\n"},
    {"comment_inside_an_expression_moves_above", "segment s = a and # why a\n  b or # why b\n  c # end\n",
     "# why a\n# why b\nsegment s = a and b or c # end\n"},
    {"comment_inside_a_header_moves_above", "flow f {\n  trigger x\n  if a and # because\n     b {\n    stop\n  }\n}",
     "flow f {\n  trigger x\n\n  # because\n  if a and b {\n    stop\n  }\n}\n"},
    {"comments_inside_a_property_list",
     "flow f {\n  trigger x\n  send email \"x\" { a: 1, # first\n    # about b\n    b: 2 # second\n"
     "    # nothing after b\n  } # after\n}",
     "flow f {\n  trigger x\n\n  send email \"x\" {\n    a: 1, # first\n    # about b\n"
     "    b: 2, # second\n    # nothing after b\n  } # after\n}\n"},
    {"comment_after_the_open_brace_of_a_property_list",
     "flow f {\n  trigger x\n  send email \"x\" { # params\n    a: 1 }\n}",
     "flow f {\n  trigger x\n\n  send email \"x\" { # params\n    a: 1,\n  }\n}\n"},
    {"comment_before_the_open_brace_of_a_property_list",
     "flow f {\n  trigger x\n  send email \"x\" # params\n  { a: 1 }\n}",
     "flow f {\n  trigger x\n\n  # params\n  send email \"x\" { a: 1 }\n}\n"},
    {"comments_in_a_policy",
     "policy { # rules\n  # the zone\n  timezone \"UTC\"   # utc\n  limit email 1 per 1d # one\n"
     "\n  # more later\n}",
     "policy { # rules\n  # the zone\n  timezone \"UTC\"       # utc\n  limit email 1 per 1d # one\n"
     "\n  # more later\n}\n"},
    {"comments_in_an_event", "event e {\n  a: string, # first\n  # about b\n  b?: number\n}",
     "event e {\n  a: string # first\n  # about b\n  b?: number\n}\n"},
    {"comments_in_a_map", "map \"A\" to order_placed { # renames\n  total: revenue, # money\n}",
     "map \"A\" to order_placed { # renames\n  total: revenue, # money\n}\n"},
    {"comments_in_a_test",
     "test \"t\" { # the story\n  # first an order\n  at 2026-03-01T09:00:00Z order_placed c1 "
     "{ order_id: \"o1\" } # placed\n\n  expect no send # quiet\n  # done\n}",
     "test \"t\" { # the story\n  # first an order\n  at 2026-03-01T09:00:00Z order_placed c1 "
     "{ order_id: \"o1\" } # placed\n\n  expect no send # quiet\n  # done\n}\n"},
    {"comments_in_a_split",
     "flow f {\n  trigger x\n  split { # halves\n    # the first\n    50% a { } # a\n"
     "    50% b { stop }\n    # end of arms\n  }\n}",
     "flow f {\n  trigger x\n\n  split { # halves\n    # the first\n    50% a { } # a\n"
     "    50% b { stop }\n    # end of arms\n  }\n}\n"},
    {"comments_travel_with_reordered_clauses",
     "flow f {\n  # the key\n  key trigger.id # per order\n  # starts here\n  trigger x # t\n"
     "  wait 1d\n}",
     "flow f {\n  # starts here\n  trigger x # t\n  # the key\n"
     "  key trigger.id # per order\n\n  wait 1d\n}\n"},
    {"comment_between_clauses_and_steps", "flow f {\n  trigger x\n  # first step\n  wait 1d\n}",
     "flow f {\n  trigger x\n\n  # first step\n  wait 1d\n}\n"},
    {"comment_between_flow_and_brace", "flow f \"d\" # about f\n{ trigger x }",
     "# about f\nflow f \"d\" {\n  trigger x\n}\n"},
    {"blank_lines_around_comments_kept_at_most_one",
     "flow f {\n  trigger x\n\n  wait 1d\n\n\n  # a\n\n\n  # b\n  wait 2d\n}",
     "flow f {\n  trigger x\n\n  wait 1d\n\n  # a\n\n  # b\n  wait 2d\n}\n"},
    {"trailing_comments_align_in_runs_at_one_depth",
     "flow f {\n  trigger x\n  wait 1d # a\n  send email \"long_template\" # b\n  if y { # c\n"
     "    stop # d\n  }\n}",
     "flow f {\n  trigger x\n\n  wait 1d                    # a\n"
     "  send email \"long_template\" # b\n  if y {                     # c\n    stop # d\n  }\n}\n"},
    {"comment_at_end_of_file_without_newline", "flow f { } # last", "flow f { } # last\n"},
    {"comment_before_timeout_without_received_block",
     "flow f {\n  trigger x\n  wait for y within 1d # no block\n  timeout { stop }\n}",
     "flow f {\n  trigger x\n\n  # no block\n  wait for y within 1d timeout { stop }\n}\n"},
    {"comments_in_a_flow_without_clauses_or_steps", "flow f { # nothing\n  # yet\n}",
     "flow f { # nothing\n  # yet\n}\n"},
    {"empty_comment", "#\nconst a = 1 #\n", "#\nconst a = 1 #\n"},
};

// ---------------------------------------------------------------------------
// Line ends, tabs and byte-order marks

constexpr format_case encoding_cases[] = {
    {"crlf_line_ends", "const a = 1\r\n\r\n\r\n# c\r\nflow f {\r\n\ttrigger x # t\r\n}\r\n",
     "const a = 1\n\n# c\nflow f {\n  trigger x # t\n}\n"},
    {"tabs_for_indentation", "flow f {\n\ttrigger x\n\n\tif a {\n\t\tstop\t# tab\n\t}\n}",
     "flow f {\n  trigger x\n\n  if a {\n    stop # tab\n  }\n}\n"},
    {"byte_order_mark", "\xEF\xBB\xBFimport \"ecommerce\"\n", "import \"ecommerce\"\n"},
    {"no_final_newline", "const a = 1", "const a = 1\n"},
    {"many_final_newlines", "const a = 1\n\n\n\n", "const a = 1\n"},
};

class format_exact : public ::testing::TestWithParam<format_case> {};

TEST_P(format_exact, prints_the_canonical_text) {
  const auto& c = GetParam();
  const auto formatted = expect_formatter_invariants(c.input, c.name);
  EXPECT_EQ(formatted, c.expected) << "input:\n" << c.input;
  // The canonical text is a fixed point and keeps its comments.
  EXPECT_EQ(expect_formatter_invariants(c.expected, std::string(c.name) + " (expected)"), c.expected);
}

[[nodiscard]] std::string case_name(const ::testing::TestParamInfo<format_case>& info) { return info.param.name; }

INSTANTIATE_TEST_SUITE_P(declarations, format_exact, ::testing::ValuesIn(declaration_cases), case_name);
INSTANTIATE_TEST_SUITE_P(flows, format_exact, ::testing::ValuesIn(flow_cases), case_name);
INSTANTIATE_TEST_SUITE_P(steps, format_exact, ::testing::ValuesIn(step_cases), case_name);
INSTANTIATE_TEST_SUITE_P(expressions, format_exact, ::testing::ValuesIn(expression_cases), case_name);
INSTANTIATE_TEST_SUITE_P(tests, format_exact, ::testing::ValuesIn(test_cases), case_name);
INSTANTIATE_TEST_SUITE_P(comments, format_exact, ::testing::ValuesIn(comment_cases), case_name);
INSTANTIATE_TEST_SUITE_P(encodings, format_exact, ::testing::ValuesIn(encoding_cases), case_name);

}  // namespace
}  // namespace afterflow::format
