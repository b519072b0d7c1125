// The event log reader: the two input shapes, maps, which properties are
// kept, declared types, and the lexical details (BOM, CR LF, blank lines).
#include "interpreter/eventlog/event_log_reader.hpp"

#include <gtest/gtest.h>

#include "tests/eventlog/io_test_support.hpp"

namespace afterflow::eventlog {

using stdlib::type_kind;

namespace {

using stdlib::type_kind;
using test_support::declare_ecommerce;
using test_support::read_text;
using test_support::test_program;
using strings = std::vector<std::string>;

constexpr grammar::instant t0 = grammar::instant_from_micros(1'772'355'600'000'000);  // 2026-03-01T09:00:00Z

TEST(event_log_reader, reads_the_afterflow_shape) {
  test_program t;
  t.reads("order_placed", {"order_id", "total"});
  const auto r = read_text(
      R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"order_placed","props":{"order_id":"o1","total":150}})"
      "\n",
      t);
  ASSERT_EQ(r.error, "");
  ASSERT_EQ(r.records.size(), 1U);
  const auto& e = r.records[0];
  EXPECT_EQ(e.kind, log_record_kind::event);
  EXPECT_EQ(e.time, t0);
  EXPECT_EQ(e.customer, "c1");
  EXPECT_EQ(e.event, "order_placed");
  EXPECT_EQ(e.properties, (strings{"order_id=\"o1\"", "total=150"}));
  EXPECT_EQ(e.line, 1U);
  EXPECT_EQ(r.counts.events, 1U);
  EXPECT_EQ(r.counts.lines, 1U);
}

TEST(event_log_reader, reads_a_profile_update_in_the_afterflow_shape) {
  test_program t;
  const auto r = read_text(
      R"({"time":"2026-03-01T09:00:00Z","customer":"c1","traits":{"timezone":"Europe/Prague","vip":true,"n":[1,[2]]}})",
      t);
  ASSERT_EQ(r.error, "");
  ASSERT_EQ(r.records.size(), 1U);
  EXPECT_EQ(r.records[0].kind, log_record_kind::identify);
  EXPECT_EQ(r.records[0].event, "");
  EXPECT_EQ(r.records[0].properties, (strings{"timezone=\"Europe/Prague\"", "vip=true", "n=[1,[2]]"}));
  EXPECT_EQ(r.counts.identifies, 1U);
}

TEST(event_log_reader, reads_segment_track_and_identify) {
  test_program t;
  t.reads("Checkout Started", {"value"});
  const auto r = read_text(
      R"({"type":"identify","userId":"u1","timestamp":"2026-03-01T09:00:00Z","traits":{"email":"a@b.c"},"sentAt":"x"})"
      "\n"
      R"({"type":"track","event":"Checkout Started","anonymousId":"anon-7","timestamp":"2026-03-01T10:00:00+01:00","properties":{"value":3}})"
      "\n",
      t);
  ASSERT_EQ(r.error, "");
  ASSERT_EQ(r.records.size(), 2U);
  EXPECT_EQ(r.records[0].kind, log_record_kind::identify);
  EXPECT_EQ(r.records[0].customer, "u1");
  EXPECT_EQ(r.records[0].properties, (strings{"email=\"a@b.c\""}));
  EXPECT_EQ(r.records[1].kind, log_record_kind::event);
  EXPECT_EQ(r.records[1].customer, "anon-7");         // no userId: the anonymous id
  EXPECT_EQ(r.records[1].event, "Checkout Started");  // unmapped: used as written
  EXPECT_EQ(r.records[1].time, t0);
  EXPECT_EQ(r.records[1].properties, (strings{"value=3"}));
}

TEST(event_log_reader, segment_keys_may_come_in_any_order) {
  test_program t;
  t.map("Order Completed", "order_placed");
  t.reads("order_placed", {"total"});
  // RudderStack exports keys alphabetically: `type` comes last.
  const auto r = read_text(
      R"({"anonymousId":"a","context":{"library":{"name":"x"}},"event":"Order Completed","properties":{"total":5,"x":1},"timestamp":"2026-03-01T09:00:00Z","type":"track","userId":"u1"})",
      t);
  ASSERT_EQ(r.error, "");
  ASSERT_EQ(r.records.size(), 1U);
  EXPECT_EQ(r.records[0].customer, "u1");
  EXPECT_EQ(r.records[0].event, "order_placed");
  EXPECT_EQ(r.records[0].properties, (strings{"total=5"}));
}

TEST(event_log_reader, counts_and_skips_other_segment_types) {
  test_program t;
  const auto r = read_text(R"({"type":"page","name":"Home","anonymousId":"a"})"
                           "\n"
                           R"({"type":"screen","userId":"u"})"
                           "\n"
                           R"({"type":"group","groupId":"g"})"
                           "\n"
                           R"({"type":"alias","previousId":"a","userId":"u"})"
                           "\n"
                           R"({"type":"page"})"
                           "\n",
                           t);
  ASSERT_EQ(r.error, "");
  EXPECT_TRUE(r.records.empty());
  EXPECT_EQ(r.counts.ignored, (std::array<std::uint64_t, 4>{2, 1, 1, 1}));
  EXPECT_EQ(r.counts.ignored_total(), 5U);
  EXPECT_EQ(r.counts.lines, 5U);
}

TEST(event_log_reader, maps_rename_properties) {
  test_program t;
  t.declare("review_submitted", {{"score", type_kind::number}, {"text", type_kind::string}});
  t.reads("review_submitted", {"score", "text", "order_id"});
  t.map("Product Reviewed", "review_submitted", {{"score", "rating"}, {"text", "review_body"}});
  const auto r = read_text(
      R"({"type":"track","event":"Product Reviewed","userId":"c1","timestamp":"2026-03-01T09:00:00Z","properties":{"order_id":"o1","rating":4,"review_body":"nice","score":1}})",
      t);
  ASSERT_EQ(r.error, "");
  ASSERT_EQ(r.records.size(), 1U);
  EXPECT_EQ(r.records[0].event, "review_submitted");
  // `score` in the input is shadowed by the rename; order_id keeps its name.
  EXPECT_EQ(r.records[0].properties, (strings{"order_id=\"o1\"", "score=4", "text=\"nice\""}));
}

TEST(event_log_reader, maps_apply_when_properties_come_before_the_event_name) {
  test_program t;
  t.reads("review_submitted", {"score"});
  t.map("Product Reviewed", "review_submitted", {{"score", "rating"}});
  const auto r = read_text(
      R"({"properties":{"rating":5,"score":1,"other":2},"type":"track","userId":"c1","timestamp":"2026-03-01T09:00:00Z","event":"Product Reviewed"})",
      t);
  ASSERT_EQ(r.error, "");
  ASSERT_EQ(r.records.size(), 1U);
  EXPECT_EQ(r.records[0].properties, (strings{"score=5"}));
}

TEST(event_log_reader, maps_do_not_apply_to_the_afterflow_shape) {
  test_program t;
  t.map("Order Completed", "order_placed");
  const auto r = read_text(R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"Order Completed"})", t);
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.records[0].event, "Order Completed");
}

TEST(event_log_reader, keeps_only_the_properties_the_program_reads) {
  test_program t;
  t.reads("order_placed", {"total"});
  t.reads("order_paid", {"payment_method"});
  const auto r = read_text(
      R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"order_placed","props":{"order_id":"o1","total":150,"skus":["a"]}})"
      "\n"
      R"({"props":{"payment_method":"card","total":150},"time":"2026-03-01T09:00:00Z","customer":"c1","event":"order_paid"})"
      "\n"
      R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"unknown_event","props":{"a":1}})",
      t);
  ASSERT_EQ(r.error, "");
  ASSERT_EQ(r.records.size(), 3U);
  EXPECT_EQ(r.records[0].properties, (strings{"total=150"}));
  EXPECT_EQ(r.records[1].properties, (strings{"payment_method=\"card\""}));  // props before the name
  EXPECT_TRUE(r.records[2].properties.empty());
}

TEST(event_log_reader, a_property_the_program_reads_given_twice_is_an_error) {
  // Before, the last value won silently. A key the program does not read
  // may repeat: its values are checked but change nothing.
  for (const auto& props_first : {false, true}) {
    const auto line = [&](std::string_view props) {
      const std::string head = R"("time":"2026-03-01T09:00:00Z","customer":"c1","event":"order_placed")";
      const std::string p = "\"props\":" + std::string(props);
      return props_first ? "{" + p + "," + head + "}" : "{" + head + "," + p + "}";
    };
    test_program t;
    t.reads("order_placed", {"total"});
    auto r = read_text(line(R"({"total":150,"note":"a","total":15})"), t);
    EXPECT_TRUE(r.records.empty()) << props_first;
    EXPECT_EQ(r.error.substr(0, r.error.find('\n')), "error[E1004]: `total` appears twice in one object");
    const auto column = line(R"({"total":150,"note":"a","total":15})").rfind(R"("total")") + 1;
    EXPECT_NE(r.error.find(":1:" + std::to_string(column) + "\n"), std::string::npos) << r.error;
    test_program u;
    u.reads("order_placed", {"total"});
    r = read_text(line(R"({"total":150,"note":"a","note":"b"})"), u);
    EXPECT_EQ(r.error, "") << props_first;
    ASSERT_EQ(r.records.size(), 1U);
    EXPECT_EQ(r.records[0].properties, (strings{"total=150"}));
  }
  // Traits are all kept, so any repeated trait is an error.
  test_program t;
  const auto r =
      read_text(R"({"time":"2026-03-01T09:00:00Z","customer":"c1","traits":{"tier":"gold","tier":"vip"}})", t);
  EXPECT_EQ(r.error.substr(0, r.error.find('\n')), "error[E1004]: `tier` appears twice in one object");
}

TEST(event_log_reader, new_names_go_to_the_replays_table_and_the_program_stays_as_it_was) {
  test_program t;
  t.p.reads_all_properties = true;
  t.map("Order Completed", "order_placed");
  const auto program_names = t.p.symbols.size();
  const auto r = read_text(
      R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"never_declared","props":{"brand_new":1}})"
      "\n"
      R"({"type":"track","event":"Order Completed","userId":"c1","timestamp":"2026-03-01T09:00:00Z","properties":{"other":2}})",
      t);
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.records[0].event, "never_declared");
  EXPECT_EQ(r.records[0].properties, (strings{"brand_new=1"}));
  EXPECT_EQ(r.records[1].event, "order_placed");
  EXPECT_EQ(t.p.symbols.size(), program_names);
  EXPECT_EQ(t.p.symbols.find("never_declared"), stdlib::no_symbol);
  EXPECT_NE(t.names().find("never_declared"), stdlib::no_symbol);
  EXPECT_GE(t.names().find("brand_new"), program_names);
}

TEST(event_log_reader, keeps_every_property_when_the_program_reads_any) {
  test_program t;
  t.p.reads_all_properties = true;
  t.map("Product Reviewed", "review_submitted", {{"score", "rating"}});
  const auto r = read_text(
      R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"x","props":{"a":1,"b":"two","c":null,"d":{"nested":1}}})"
      "\n"
      R"({"type":"track","event":"Product Reviewed","userId":"c1","timestamp":"2026-03-01T09:00:00Z","properties":{"rating":3,"z":true}})",
      t);
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.records[0].properties, (strings{"a=1", "b=\"two\"", "c=null", "d=null"}));
  EXPECT_EQ(r.records[1].properties, (strings{"score=3", "z=true"}));
}

TEST(event_log_reader, converts_json_values) {
  test_program t;
  t.p.reads_all_properties = true;
  const auto r = read_text(
      R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"x","props":{"s":"a\"b\u00e9","n":-1.5e2,"t":true,"f":false,"z":null,"l":[1,"x",[true,[]],{"o":1}],"o":{"k":[1]},"big":12345678901234567890}})",
      t);
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.records[0].properties, (strings{"s=\"a\\\"b\u00e9\"", "n=-150", "t=true", "f=false", "z=null",
                                              "l=[1,\"x\",[true,[]],null]", "o=null", "big=1.2345678901234567e+19"}));
}

TEST(event_log_reader, converts_declared_field_types) {
  test_program t;
  t.declare("order_shipped", {{"estimated_delivery", type_kind::time},
                              {"wait", type_kind::duration},
                              {"slot", type_kind::time_of_day},
                              {"tags", type_kind::list},
                              {"anything", type_kind::any}});
  t.reads("order_shipped", {"estimated_delivery", "wait", "slot", "tags", "anything"});
  const auto r = read_text(
      R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"order_shipped","props":{"estimated_delivery":"2026-03-05T18:00:00+01:00","wait":"1d12h","slot":"10:30","tags":["a"],"anything":"2026-03-01T09:00:00Z"}})"
      "\n"
      R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"order_shipped","props":{"estimated_delivery":null,"wait":90,"slot":"08:00:30"}})",
      t);
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.records[0].properties,
            (strings{"estimated_delivery=\"2026-03-05T17:00:00Z\"(time)", "wait=\"1d12h\"(duration)",
                     "slot=\"10:30\"(time_of_day)", "tags=[\"a\"]", "anything=\"2026-03-01T09:00:00Z\""}));
  EXPECT_EQ(r.records[1].properties,
            (strings{"estimated_delivery=null", "wait=\"1m30s\"(duration)", "slot=\"08:00:30\"(time_of_day)"}));
}

TEST(event_log_reader, customer_ids_may_be_numbers) {
  test_program t;
  const auto r = read_text(R"({"time":"2026-03-01T09:00:00Z","customer":17850,"event":"x"})"
                           "\n"
                           R"({"type":"track","userId":42,"event":"x","timestamp":"2026-03-01T09:00:00Z"})",
                           t);
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.records[0].customer, "17850");
  EXPECT_EQ(r.records[1].customer, "42");
}

TEST(event_log_reader, reads_fractions_and_offsets) {
  test_program t;
  const auto r = read_text(R"({"time":"2026-03-01T10:00:00.250+01:00","customer":"c1","event":"x"})"
                           "\n"
                           R"({"time":"2026-03-01T09:00:00.2500009Z","customer":"c1","event":"x"})",
                           t);
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.records[0].time, t0 + std::chrono::milliseconds(250));
  EXPECT_EQ(r.records[1].time, t0 + std::chrono::milliseconds(250));  // beyond microseconds: truncated
}

TEST(event_log_reader, skips_blank_lines_accepts_cr_lf_and_a_bom) {
  test_program t;
  const std::string text =
      "\xEF\xBB\xBF"
      R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"a"})"
      "\r\n"
      "\r\n"
      "   \t \n"
      "\n"
      R"({"time":"2026-03-01T09:00:00Z","customer":"c2","event":"b"})"
      "\r\n"
      R"(  {"time":"2026-03-01T09:00:00Z","customer":"c3","event":"c"}  )";  // no final line end
  const auto r = read_text(text, t);
  ASSERT_EQ(r.error, "");
  ASSERT_EQ(r.records.size(), 3U);
  EXPECT_EQ(r.records[0].customer, "c1");
  EXPECT_EQ(r.records[1].line, 5U);
  EXPECT_EQ(r.records[2].line, 6U);
  EXPECT_EQ(r.counts.lines, 6U);
  EXPECT_EQ(r.counts.blank, 3U);
}

TEST(event_log_reader, equal_times_are_in_order) {
  test_program t;
  const auto r = read_text(R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"a"})"
                           "\n"
                           R"({"time":"2026-03-01T10:00:00+01:00","customer":"c2","event":"b"})",
                           t);
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.records.size(), 2U);
}

TEST(event_log_reader, sorts_when_asked) {
  test_program t;
  const std::string text = R"({"time":"2026-03-01T09:00:03Z","customer":"c1","event":"a"})"
                           "\n"
                           R"({"time":"2026-03-01T09:00:01Z","customer":"c2","event":"b"})"
                           "\n"
                           R"({"time":"2026-03-01T09:00:03Z","customer":"c3","event":"c"})"
                           "\n"
                           R"({"time":"2026-03-01T09:00:01Z","customer":"c4","traits":{"x":1}})"
                           "\n";
  event_log_options options;
  options.sort = true;
  const auto r = read_text(text, t, options);
  ASSERT_EQ(r.error, "");
  std::vector<std::string> order;
  for (const auto& e : r.records) order.push_back(e.customer + "@" + std::to_string(e.line));
  EXPECT_EQ(order, (strings{"c2@2", "c4@4", "c1@1", "c3@3"}));  // stable among equal times
  EXPECT_EQ(r.records[1].properties, (strings{"x=1"}));
  EXPECT_EQ(r.counts.events, 3U);
  EXPECT_EQ(r.counts.identifies, 1U);
}

TEST(event_log_reader, applies_the_ecommerce_schema_to_generated_shapes) {
  test_program t;
  declare_ecommerce(t);
  t.reads("order_shipped", {"estimated_delivery"});
  const auto r = read_text(
      R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"order_shipped","props":{"order_id":"o1","total":10,"currency":"EUR","category":"books","carrier":"DHL","estimated_delivery":"2026-03-06T19:00:00Z"}})",
      t);
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.records[0].properties, (strings{"estimated_delivery=\"2026-03-06T19:00:00Z\"(time)"}));
}

}  // namespace
}  // namespace afterflow::eventlog
