// Spans: every node covers exactly its tokens; keyword and operator spans are
// the keyword or operator. Comments are collected with their spans.
#include <gtest/gtest.h>

#include <string>

#include "tests/grammar/parse_test_support.hpp"

namespace afterflow::grammar {
namespace {

class span_test : public ::testing::Test {
 protected:
  std::string text(span s) const { return std::string(p_.sources.text(s)); }
  void load(std::string_view source) {
    p_ = parse(source);
    ASSERT_TRUE(p_.diagnostics.empty()) << p_.errors();
  }
  template <typename T>
  const T& decl(std::size_t i) const {
    return std::get<T>(p_.tree.declarations.at(i).node);
  }
  parsed p_;
};

TEST_F(span_test, flow_clauses_and_steps) {
  load(R"(flow f "d" {
  trigger order_placed where event.total > 5
  reentry after 30d
  transactional
  if a not   in b { stop } else if c { } else { log "x" }
  wait for e within 1d { } timeout { }
  wait until 10:00 on mon..fri, sun
  split { 50% a { } 50 % b { } }
  send email "t" { k: count(x where y, within: 3d) }
})");
  const auto& f = decl<ast::flow_decl>(0);
  EXPECT_EQ(text(f.name.where), "f");
  EXPECT_EQ(text(f.description->where), "\"d\"");
  EXPECT_EQ(text(f.triggers[0].where), "order_placed where event.total > 5");
  EXPECT_EQ(text(f.triggers[0].event.where), "order_placed");
  const auto& condition = *f.triggers[0].condition;
  EXPECT_EQ(text(condition.where), "event.total > 5");
  const auto& gt = std::get<ast::binary_expr>(condition.node);
  EXPECT_EQ(text(gt.op_where), ">");
  EXPECT_EQ(text(gt.lhs->where), "event.total");
  EXPECT_EQ(text(std::get<ast::member_expr>(gt.lhs->node).member.where), "total");
  EXPECT_EQ(text(gt.rhs->where), "5");
  EXPECT_EQ(text(f.reentry->where), "reentry after 30d");
  EXPECT_EQ(text(f.reentry->after->where), "30d");
  EXPECT_EQ(text(*f.transactional), "transactional");
  EXPECT_EQ(f.body.where.begin, 11u);
  EXPECT_EQ(f.body.where.end, p_.sources.file(p_.id).text().size());
  EXPECT_EQ(text(p_.tree.declarations[0].where), p_.sources.file(p_.id).text());

  const auto& steps = f.body.steps;
  ASSERT_EQ(steps.size(), 5u);
  EXPECT_EQ(text(steps[0].where), "if a not   in b { stop } else if c { } else { log \"x\" }");
  const auto& if_step = std::get<ast::if_step>(steps[0].node);
  EXPECT_EQ(text(if_step.branches[0].keyword), "if");
  EXPECT_EQ(text(if_step.branches[0].condition.where), "a not   in b");
  EXPECT_EQ(text(std::get<ast::binary_expr>(if_step.branches[0].condition.node).op_where), "not   in");
  EXPECT_EQ(text(if_step.branches[0].body.where), "{ stop }");
  EXPECT_EQ(text(if_step.branches[0].body.steps[0].where), "stop");
  EXPECT_EQ(text(if_step.branches[1].keyword), "else if");
  EXPECT_EQ(text(if_step.branches[1].body.where), "{ }");
  EXPECT_EQ(text(if_step.else_keyword), "else");
  EXPECT_EQ(text(if_step.otherwise->where), "{ log \"x\" }");
  EXPECT_EQ(text(std::get<ast::log_step>(if_step.otherwise->steps[0].node).text.where), "\"x\"");

  EXPECT_EQ(text(steps[1].where), "wait for e within 1d { } timeout { }");
  const auto& wait_for = std::get<ast::wait_for_step>(steps[1].node);
  EXPECT_EQ(text(wait_for.event.where), "e");
  EXPECT_EQ(text(wait_for.within.where), "1d");
  EXPECT_EQ(text(wait_for.received->where), "{ }");
  EXPECT_EQ(text(wait_for.timeout_keyword), "timeout");
  EXPECT_EQ(text(wait_for.timed_out->where), "{ }");

  const auto& wait_until = std::get<ast::wait_until_step>(steps[2].node);
  EXPECT_EQ(text(steps[2].where), "wait until 10:00 on mon..fri, sun");
  EXPECT_EQ(text(wait_until.time_of_day.where), "10:00");
  EXPECT_EQ(text(wait_until.days[0].where), "mon..fri");
  EXPECT_EQ(wait_until.days[0].first, ast::weekday::mon);
  EXPECT_EQ(wait_until.days[0].last, ast::weekday::fri);
  EXPECT_EQ(text(wait_until.days[1].where), "sun");
  EXPECT_EQ(wait_until.days[1].first, ast::weekday::sun);
  EXPECT_EQ(wait_until.days[1].last, ast::weekday::sun);

  const auto& split = std::get<ast::split_step>(steps[3].node);
  EXPECT_EQ(text(split.arms[0].percent_where), "50%");
  EXPECT_EQ(split.arms[0].percent, 50.0);
  EXPECT_EQ(split.arms[0].percent_text, "50");
  EXPECT_EQ(text(split.arms[1].percent_where), "50 %");
  EXPECT_EQ(text(split.arms[1].label.where), "b");
  EXPECT_EQ(text(split.arms[1].body.where), "{ }");

  EXPECT_EQ(text(steps[4].where), "send email \"t\" { k: count(x where y, within: 3d) }");
  const auto& send = std::get<ast::send_step>(steps[4].node);
  EXPECT_EQ(text(send.channel.where), "email");
  EXPECT_EQ(text(send.template_name.where), "\"t\"");
  EXPECT_EQ(send.template_name.value, "t");
  EXPECT_EQ(text(send.params[0].name.where), "k");
  EXPECT_EQ(text(send.params[0].value.where), "count(x where y, within: 3d)");
  const auto& call = std::get<ast::call_expr>(send.params[0].value.node);
  EXPECT_EQ(text(call.callee.where), "count");
  EXPECT_EQ(text(call.where_keyword), "where");
  EXPECT_EQ(text(call.filter->where), "y");
  EXPECT_EQ(text(call.arguments[1].name->where), "within");
  EXPECT_EQ(text(call.arguments[1].value->where), "3d");
}

TEST_F(span_test, expressions) {
  load("const x = not -a.b + (c) * [1, \"two\"] or f( )\n");
  const auto& e = decl<ast::const_decl>(0).value;
  EXPECT_EQ(text(e.where), "not -a.b + (c) * [1, \"two\"] or f( )");
  const auto& or_expr = std::get<ast::binary_expr>(e.node);
  EXPECT_EQ(text(or_expr.op_where), "or");
  EXPECT_EQ(text(or_expr.rhs->where), "f( )");
  const auto& not_expr = std::get<ast::unary_expr>(or_expr.lhs->node);
  EXPECT_EQ(text(not_expr.op_where), "not");
  EXPECT_EQ(text(or_expr.lhs->where), "not -a.b + (c) * [1, \"two\"]");
  const auto& plus = std::get<ast::binary_expr>(not_expr.operand->node);
  EXPECT_EQ(text(plus.op_where), "+");
  const auto& negate = std::get<ast::unary_expr>(plus.lhs->node);
  EXPECT_EQ(text(negate.op_where), "-");
  EXPECT_EQ(text(plus.lhs->where), "-a.b");
  const auto& times = std::get<ast::binary_expr>(plus.rhs->node);
  EXPECT_EQ(text(times.lhs->where), "(c)");
  EXPECT_EQ(text(std::get<ast::paren_expr>(times.lhs->node).inner->where), "c");
  EXPECT_EQ(text(times.rhs->where), "[1, \"two\"]");
  EXPECT_EQ(text(std::get<ast::list_expr>(times.rhs->node).items[1].where), "\"two\"");
}

TEST_F(span_test, other_declarations_and_tests) {
  load(R"(import "ecommerce"
event e { a?: string }
map "X" to y { a: b, c: "d e" }
policy { quiet_hours 21:00 to 8:00 for sms limit email 2 per 7d }
test "t" {
  customer "c 1" { a: 1 }
  at 2026-03-01T09:00:00Z order_placed c1
  expect count send sms >= 2
  expect exit f for c1 reason "r s"
  expect exit f for c1 reason r
  expect c1 not in vip
})");
  EXPECT_EQ(text(decl<ast::import_decl>(0).path.where), "\"ecommerce\"");
  EXPECT_EQ(text(decl<ast::event_decl>(1).fields[0].name.where), "a");
  EXPECT_EQ(text(decl<ast::event_decl>(1).fields[0].type.where), "string");
  const auto& map = decl<ast::map_decl>(2);
  EXPECT_EQ(text(map.properties[0].source_where), "b");
  EXPECT_FALSE(map.properties[0].source_quoted);
  EXPECT_EQ(text(map.properties[1].source_where), "\"d e\"");
  EXPECT_EQ(map.properties[1].source, "d e");
  EXPECT_TRUE(map.properties[1].source_quoted);
  const auto& policy = decl<ast::policy_decl>(3);
  EXPECT_EQ(text(policy.items[0].where), "quiet_hours 21:00 to 8:00 for sms");
  EXPECT_EQ(text(policy.items[1].where), "limit email 2 per 7d");
  const auto& test = decl<ast::test_decl>(4);
  EXPECT_EQ(text(test.name.where), "\"t\"");
  EXPECT_EQ(text(test.items[0].where), "customer \"c 1\" { a: 1 }");
  const auto& customer = std::get<ast::test_customer>(test.items[0].node).customer;
  EXPECT_EQ(text(customer.where), "\"c 1\"");
  EXPECT_EQ(customer.id, "c 1");
  EXPECT_TRUE(customer.quoted);
  EXPECT_EQ(text(test.items[1].where), "at 2026-03-01T09:00:00Z order_placed c1");
  const auto& event = std::get<ast::test_event>(test.items[1].node);
  EXPECT_EQ(text(event.customer.where), "c1");
  EXPECT_FALSE(event.customer.quoted);
  EXPECT_EQ(text(std::get<ast::expect_count>(test.items[2].node).op_where), ">=");
  EXPECT_EQ(std::get<ast::expect_count>(test.items[2].node).op, ast::binary_op::greater_equal);
  const auto& quoted_reason = std::get<ast::expect_exit>(test.items[3].node);
  EXPECT_EQ(text(quoted_reason.reason_where), "\"r s\"");
  EXPECT_EQ(quoted_reason.reason, "r s");
  EXPECT_TRUE(quoted_reason.reason_quoted);
  EXPECT_EQ(text(std::get<ast::expect_exit>(test.items[4].node).reason_where), "r");
  EXPECT_EQ(text(test.items[5].where), "expect c1 not in vip");
  EXPECT_EQ(text(std::get<ast::expect_segment>(test.items[5].node).segment.where), "vip");
}

TEST_F(span_test, spans_count_bytes_after_multibyte_text) {
  load("const a = \"\xC3\xA9t\xC3\xA9\" + b\n");
  const auto& plus = std::get<ast::binary_expr>(decl<ast::const_decl>(0).value.node);
  EXPECT_EQ(plus.op_where, (span{p_.id, 18, 19}));
  EXPECT_EQ(text(plus.rhs->where), "b");
}

TEST_F(span_test, comments_are_collected_with_their_place) {
  load(
      "# file header\n"
      "const a = 1 # trailing\n"
      "   # indented, own line\n"
      "const b = \"# not a comment\" #end");
  const auto& comments = p_.tree.comments;
  ASSERT_EQ(comments.size(), 4u);
  EXPECT_EQ(text(comments[0].where), "# file header");
  EXPECT_TRUE(comments[0].own_line);
  EXPECT_EQ(text(comments[1].where), "# trailing");
  EXPECT_FALSE(comments[1].own_line);
  EXPECT_EQ(text(comments[2].where), "# indented, own line");
  EXPECT_TRUE(comments[2].own_line);
  EXPECT_EQ(text(comments[3].where), "#end");
  EXPECT_FALSE(comments[3].own_line);
  EXPECT_EQ(comments[3].where.file, p_.id);
  EXPECT_EQ(decl<ast::const_decl>(1).value.where, (span{p_.id, 71, 88}));
}

TEST_F(span_test, comments_inside_constructs_and_escaped_quotes) {
  load(
      "flow f { # opening\n"
      "  send email \"a \\\" # b\" { # inside props\n"
      "    k: 1 # after a value\n"
      "  }\r\n"
      "}\t# closing\n");
  const auto& comments = p_.tree.comments;
  ASSERT_EQ(comments.size(), 4u);
  EXPECT_EQ(text(comments[0].where), "# opening");
  EXPECT_EQ(text(comments[1].where), "# inside props");
  EXPECT_EQ(text(comments[2].where), "# after a value");
  EXPECT_EQ(text(comments[3].where), "# closing");
  for (const auto& c : comments) EXPECT_FALSE(c.own_line);
  const auto& send = std::get<ast::send_step>(decl<ast::flow_decl>(0).body.steps[0].node);
  EXPECT_EQ(send.template_name.value, "a \" # b");
}

}  // namespace
}  // namespace afterflow::grammar
