// The tables of a checked program: what later stages read.
#include <gtest/gtest.h>

#include "tests/check/check_helpers.hpp"

namespace afterflow::check::test_support {

using stdlib::type_kind;

namespace {

using stdlib::type_kind;

// Finds the first expression whose source text is `text`.
const expr_info& find_expr(const check_run& run, std::string_view text) {
  for (const auto& info : run.program.expressions) {
    if (run.program.sources.text(info.node->where) == text) return info;
  }
  throw std::runtime_error("no expression `" + std::string(text) + "`");
}

TEST(checked_program, names_are_resolved_and_typed) {
  const auto run = check_with_ecommerce(R"(
const delay = 2d
segment vip = sum(order_placed.total, within: 365d) >= 1000
flow f {
  trigger order_delivered where event.total > 10
  when vip and customer.tier != "x"
  wait delay
  wait for review_submitted as review where review.score > 3 within 7d {
    send email "thanks" { score: review.score, at: now, first: first(order_placed).time }
  }
}
)");
  ASSERT_TRUE(run.diagnostics.empty()) << run.rendered();
  const auto& p = run.program;

  const auto& delay = find_expr(run, "delay");
  EXPECT_EQ(std::get<name_info>(delay.meaning).kind, name_kind::constant);
  EXPECT_EQ(delay.type.kind, type_kind::duration);
  ASSERT_TRUE(delay.constant.has_value());
  EXPECT_EQ(*delay.constant->get<grammar::duration>(), std::chrono::days(2));

  const auto& vip = find_expr(run, "vip");
  EXPECT_EQ(std::get<name_info>(vip.meaning).kind, name_kind::segment);
  EXPECT_EQ(std::get<name_info>(vip.meaning).index, 0U);
  EXPECT_EQ(vip.type.kind, type_kind::boolean);

  const auto& event_total = find_expr(run, "event.total");
  const auto& member = std::get<member_info>(event_total.meaning);
  EXPECT_EQ(member.kind, member_kind::event_property);
  EXPECT_EQ(p.events[member.schema].name, "order_delivered");
  EXPECT_EQ(p.events[member.schema].fields[member.field].name, "total");
  EXPECT_EQ(event_total.type.kind, type_kind::number);
  const auto& event_name = find_expr(run, "event");
  EXPECT_EQ(std::get<name_info>(event_name.meaning).kind, name_kind::event);

  const auto& tier = find_expr(run, "customer.tier");
  EXPECT_EQ(std::get<member_info>(tier.meaning).kind, member_kind::customer_attribute);
  EXPECT_EQ(tier.type.kind, type_kind::any);

  const auto& review = find_expr(run, "review");
  EXPECT_EQ(std::get<name_info>(review.meaning).kind, name_kind::binding);
  EXPECT_EQ(review.type, stdlib::type::event_of("review_submitted"));
  ASSERT_EQ(p.bindings.size(), 1U);
  EXPECT_EQ(p.bindings[0].name, "review");
  EXPECT_EQ(p.bindings[0].event, "review_submitted");
  const auto& step = std::get<ast::wait_for_step>(p.flows[0].decl->body.steps[1].node);
  EXPECT_EQ(p.binding_of(step), 0U);

  const auto& sum = find_expr(run, "sum(order_placed.total, within: 365d)");
  const auto& call = std::get<call_info>(sum.meaning);
  EXPECT_EQ(call.builtin, stdlib::builtin_id::sum);
  ASSERT_TRUE(call.aggregate.has_value());
  EXPECT_EQ(call.aggregate->event, "order_placed");
  EXPECT_EQ(call.aggregate->property, "total");
  EXPECT_EQ(call.aggregate->window, std::chrono::days(365));
  EXPECT_EQ(call.aggregate->filter, nullptr);
  const auto& subject = find_expr(run, "order_placed.total");
  EXPECT_EQ(std::get<member_info>(subject.meaning).kind, member_kind::aggregate_property);

  const auto& first = find_expr(run, "first(order_placed)");
  EXPECT_EQ(first.type, stdlib::type::event_of("order_placed"));
  EXPECT_EQ(find_expr(run, "first(order_placed).time").type.kind, type_kind::time);
  EXPECT_EQ(std::get<name_info>(find_expr(run, "now").meaning).kind, name_kind::now);

  // Every expression of the program has an entry.
  for (const auto& info : p.expressions) EXPECT_EQ(&p.info(*info.node), &info);
}

TEST(checked_program, flows_are_in_run_order) {
  const auto run = check_files(
      {
          {"b.flow",
           "import \"common.flow\"\nflow b1 { trigger x send email \"a\" }\nflow b2 { trigger x send email \"a\" }\n"},
          {"a.flow", "flow a1 { trigger x send email \"a\" }\n"},
          {"common.flow", "flow c1 { trigger x send email \"a\" }\n"},
      },
      {"a.flow", "b.flow"});
  std::vector<std::string> names;
  for (const auto& f : run.program.flows) names.push_back(f.name);
  EXPECT_EQ(names, (std::vector<std::string>{"a1", "b1", "b2", "c1"}));
  EXPECT_EQ(run.program.find_flow("b2"), 2U);
  EXPECT_EQ(run.program.find_flow("zz"), no_index);
  EXPECT_EQ(run.program.roots, (std::vector<file_index>{0, 1}));
  EXPECT_EQ(run.program.files[1].flows, (std::vector<flow_index>{1, 2}));
  EXPECT_EQ(run.program.flows[0].trigger_events, (std::vector<std::string>{"x"}));
}

TEST(checked_program, flow_details) {
  const auto run = check_with_ecommerce(R"(
flow f {
  trigger order_placed
  trigger order_paid
  trigger order_placed where event.total > 3
  reentry after 30d
  split { 50% a { } 50% b { } }
  split "named" { 100% all { } }
  split { 100% all { } }
}
)");
  ASSERT_TRUE(run.diagnostics.empty()) << run.rendered();
  const auto& f = run.program.flows[0];
  EXPECT_EQ(f.trigger_events, (std::vector<std::string>{"order_placed", "order_paid"}));
  EXPECT_EQ(f.trigger_type.kind, type_kind::event);
  EXPECT_TRUE(f.trigger_type.event_name.empty());
  EXPECT_EQ(f.reentry_after, std::chrono::days(30));
  ASSERT_EQ(f.splits.size(), 3U);
  EXPECT_EQ(f.splits[0].name, "#1");
  EXPECT_EQ(f.splits[1].name, "named");
  EXPECT_EQ(f.splits[2].name, "#2");
}

}  // namespace
}  // namespace afterflow::check::test_support
