// send_pattern: the one definition of "this action is the send I expect",
// shared by `expect` lines and the C++ matchers.
#include "interpreter/testing/send_pattern.hpp"

#include <gtest/gtest.h>

#include "grammar/text/timestamp.hpp"
#include "interpreter/ir/symbol_table.hpp"

namespace afterflow::testing {

using check::constant_value;
using check::null_value;
using check::time_of_day_value;
using grammar::parse_timestamp;
using ir::symbol_table;
using runtime::action;
using runtime::owned_action;
using runtime::send_status;
using stdlib::property_entry;
using stdlib::value;

namespace {

grammar::instant at(std::string_view text) { return *parse_timestamp(text); }

// An action as the simulator would hand it over, with params
// order_id: "o1", total: 150, late: false.
owned_action make_action(send_status status = send_status::sent) {
  symbol_table symbols;
  const std::vector<property_entry> params{{symbols.intern("order_id"), value::string("o1")},
                                           {symbols.intern("total"), value::number(150)},
                                           {symbols.intern("late"), value::boolean(false)}};
  action a;
  a.time = at("2026-03-04T14:00:00Z");
  a.customer = "c1";
  a.flow = "review_request";
  a.run = "review_request:c1:1";
  a.step = "review.flow:12";
  a.channel = "email";
  a.template_name = "review_request";
  a.params = params;
  a.status = status;
  if (status == send_status::suppressed) a.reason = "limit email 2 per 1d";
  return owned_action::copy_of(a, symbols);
}

send_pattern email(std::string_view tpl) {
  send_pattern p;
  p.channel = "email";
  p.template_name = std::string(tpl);
  return p;
}

TEST(send_pattern, an_empty_pattern_matches_any_delivered_send) {
  EXPECT_TRUE(send_pattern{}.matches(make_action()));
  EXPECT_FALSE(send_pattern{}.matches(make_action(send_status::suppressed)));
}

TEST(send_pattern, every_criterion_that_differs_is_named_in_order) {
  auto p = email("review_reminder");
  p.channel = "sms";
  p.customer = "c2";
  p.from = at("2026-03-04T15:30:00Z");
  p.to = p.from;
  p.params = {{"order_id", {std::string("o2")}}, {"coupon", {std::string("X")}}, {"total", {150.0}}};
  const std::vector<std::string> expected{
      "channel is email, not sms",
      "template is \"review_request\", not \"review_reminder\"",
      "to c1, not c2",
      "1h30m earlier",
      "`order_id` is \"o1\", not \"o2\"",
      "has no `coupon`",
  };
  EXPECT_EQ(p.mismatches(make_action()), expected);
}

TEST(send_pattern, windows_include_both_ends) {
  auto p = email("review_request");
  p.from = at("2026-03-04T14:00:00Z");
  p.to = at("2026-03-05T00:00:00Z");
  EXPECT_TRUE(p.matches(make_action()));
  p.from = at("2026-03-03T00:00:00Z");
  p.to = at("2026-03-04T14:00:00Z");
  EXPECT_TRUE(p.matches(make_action()));
  p.to = at("2026-03-04T13:59:59Z");
  EXPECT_EQ(p.mismatches(make_action()), std::vector<std::string>{"1s after the window"});
  p.from = at("2026-03-05T00:00:00Z");
  p.to = at("2026-03-06T00:00:00Z");
  EXPECT_EQ(p.mismatches(make_action()), std::vector<std::string>{"10h before the window"});
}

TEST(send_pattern, params_compare_by_afterflow_equality) {
  auto p = email("review_request");
  p.params = {{"total", {std::string("150")}}};
  EXPECT_EQ(p.mismatches(make_action()), std::vector<std::string>{"`total` is 150, not \"150\""});
  p.params = {{"total", {150.0}}, {"late", {false}}};
  EXPECT_TRUE(p.matches(make_action()));
  // An expected null accepts a missing param, as a read of it would give null.
  p.params = {{"coupon", {null_value{}}}};
  EXPECT_TRUE(p.matches(make_action()));
  p.params = {{"late", {null_value{}}}};
  EXPECT_EQ(p.mismatches(make_action()), std::vector<std::string>{"`late` is false, not null"});
}

TEST(send_pattern, outcomes) {
  auto p = email("review_request");
  p.outcome = send_outcome::suppressed;
  EXPECT_EQ(p.mismatches(make_action()), std::vector<std::string>{"was sent, not suppressed"});
  EXPECT_TRUE(p.matches(make_action(send_status::suppressed)));

  p.outcome = send_outcome::deferred;
  EXPECT_EQ(p.mismatches(make_action()), std::vector<std::string>{"was not deferred"});
  EXPECT_EQ(p.mismatches(make_action(send_status::suppressed)),
            std::vector<std::string>{"was suppressed (limit email 2 per 1d)"});
  auto deferred = make_action();
  deferred.deferred_from = at("2026-03-04T02:00:00Z");
  EXPECT_TRUE(p.matches(deferred));

  // A deferred send that was delivered is a delivered send.
  p.outcome = send_outcome::sent;
  EXPECT_TRUE(p.matches(deferred));
  EXPECT_EQ(p.mismatches(make_action(send_status::suppressed)),
            std::vector<std::string>{"was suppressed (limit email 2 per 1d)"});

  p.outcome = send_outcome::any;
  EXPECT_TRUE(p.matches(make_action(send_status::suppressed)));
}

TEST(send_pattern, describe_reads_like_the_test_line) {
  auto p = email("review_request");
  p.customer = "cust 42";
  p.from = at("2026-03-04T14:00:00Z");
  p.to = p.from;
  p.params = {{"order_id", {std::string("o1")}}, {"total", {150.0}}};
  EXPECT_EQ(p.describe(),
            "email \"review_request\" to \"cust 42\" at 2026-03-04T14:00:00Z with { order_id: \"o1\", total: 150 }");
  p.to = at("2026-03-05T14:00:00Z");
  p.params.clear();
  EXPECT_EQ(p.describe(),
            "email \"review_request\" to \"cust 42\" between 2026-03-04T14:00:00Z and 2026-03-05T14:00:00Z");
  EXPECT_EQ(send_pattern{}.describe(), "");
}

TEST(send_pattern, actions_in_words) {
  auto a = make_action();
  EXPECT_EQ(describe(a),
            "email \"review_request\" to c1 at 2026-03-04T14:00:00Z { order_id: \"o1\", total: 150, late: false }");
  EXPECT_EQ(describe_untimed(a), "email \"review_request\" to c1 { order_id: \"o1\", total: 150, late: false }");
  EXPECT_EQ(expect_line_for(a), "expect send email \"review_request\" to c1 at 2026-03-04T14:00:00Z");
  a.deferred_from = at("2026-03-04T02:00:00Z");
  EXPECT_EQ(describe_untimed(a),
            "email \"review_request\" to c1 { order_id: \"o1\", total: 150, late: false }, deferred from "
            "2026-03-04T02:00:00Z");
  EXPECT_EQ(expect_line_for(a), "expect deferred email \"review_request\" to c1 at 2026-03-04T14:00:00Z");
  const auto s = make_action(send_status::suppressed);
  EXPECT_EQ(describe_untimed(s),
            "email \"review_request\" to c1 { order_id: \"o1\", total: 150, late: false }, suppressed (limit email 2 "
            "per 1d)");
}

TEST(send_pattern, customer_ids_are_quoted_unless_identifiers) {
  EXPECT_EQ(customer_text("c1"), "c1");
  EXPECT_EQ(customer_text("_x9"), "_x9");
  EXPECT_EQ(customer_text("cust-42"), "\"cust-42\"");
  EXPECT_EQ(customer_text("9lives"), "\"9lives\"");
  EXPECT_EQ(customer_text("a\"b"), "\"a\\\"b\"");
  EXPECT_EQ(customer_text(""), "\"\"");
}

TEST(send_pattern, time_differences) {
  EXPECT_EQ(time_difference(at("2026-03-04T14:00:00Z"), at("2026-03-04T15:00:00Z")), "1h later");
  EXPECT_EQ(time_difference(at("2026-03-04T14:00:00Z"), at("2026-03-02T13:00:00Z")), "2d1h earlier");
  EXPECT_EQ(time_difference(at("2026-03-04T14:00:00Z"), at("2026-03-04T14:00:00Z")), "at the same time");
}

TEST(send_pattern, same_value_needs_the_same_kind) {
  EXPECT_TRUE(same_value({1.0}, value::number(1)));
  EXPECT_FALSE(same_value({1.0}, value::string("1")));
  const grammar::duration hour = std::chrono::hours(1);
  EXPECT_TRUE(same_value({hour}, value::duration(hour)));
  EXPECT_FALSE(same_value({hour}, value::number(3600)));
  EXPECT_TRUE(same_value({grammar::instant_from_micros(5)}, value::time(grammar::instant_from_micros(5))));
  EXPECT_TRUE(same_value({time_of_day_value{36000}}, value::time_of_day(36000)));
  const std::vector<value> items{value::number(1), value::string("a")};
  EXPECT_TRUE(same_value({constant_value::list{{1.0}, {std::string("a")}}}, value::list(items)));
  EXPECT_FALSE(same_value({constant_value::list{{1.0}}}, value::list(items)));
  EXPECT_TRUE(same_value({null_value{}}, value::null()));
  EXPECT_FALSE(same_value({false}, value::null()));
}

}  // namespace
}  // namespace afterflow::testing
