// Actions as JSON Lines: every optional key, in its place.
#include "interpreter/eventlog/action_writer.hpp"

#include <array>
#include <sstream>

#include <gtest/gtest.h>

#include "tests/eventlog/io_test_support.hpp"

namespace afterflow::eventlog {

using ir::symbol_table;
using runtime::action;
using runtime::owned_action;
using runtime::send_status;
using runtime::split_choice;
using stdlib::property_entry;
using stdlib::value;

namespace {

constexpr grammar::instant t0 = grammar::instant_from_micros(1'772'355'600'000'000);  // 2026-03-01T09:00:00Z

struct fixture {
  symbol_table symbols;
  std::array<property_entry, 3> params{};
  std::array<split_choice, 2> splits{{{"incentive", "coupon"}, {"#2", "b"}}};
  action a;

  fixture() {
    params = {property_entry{symbols.intern("order_id"), value::string("o1")},
              property_entry{symbols.intern("total"), value::number(150)},
              property_entry{symbols.intern("due"), value::time(t0 + std::chrono::days(1))}};
    a.time = t0;
    a.customer = "c1";
    a.flow = "review_request";
    a.run = "review_request:c1:1";
    a.step = "review.flow:12";
    a.channel = "email";
    a.template_name = "review_ask";
  }

  std::string json() const {
    std::string out;
    append_action_json(out, a, symbols);
    return out;
  }
};

constexpr std::string_view head =
    R"({"time":"2026-03-01T09:00:00Z","customer":"c1","flow":"review_request","run":"review_request:c1:1","step":"review.flow:12","channel":"email","template":"review_ask",)";

TEST(action_writer, a_sent_action_without_params) {
  fixture f;
  EXPECT_EQ(f.json(), std::string(head) + R"("params":{},"status":"sent"})" + "\n");
}

TEST(action_writer, params_in_the_order_written) {
  fixture f;
  f.a.params = f.params;
  EXPECT_EQ(f.json(), std::string(head) +
                          R"("params":{"order_id":"o1","total":150,"due":"2026-03-02T09:00:00Z"},"status":"sent"})" +
                          "\n");
}

TEST(action_writer, a_suppressed_action_has_a_reason) {
  fixture f;
  f.a.status = send_status::suppressed;
  f.a.reason = "limit email 2 per 7d";
  EXPECT_EQ(f.json(),
            std::string(head) + R"("params":{},"status":"suppressed","reason":"limit email 2 per 7d"})" + "\n");
}

TEST(action_writer, a_deferred_action) {
  fixture f;
  f.a.deferred_from = t0 - std::chrono::hours(1);
  EXPECT_EQ(f.json(),
            std::string(head) + R"("params":{},"status":"sent","deferred_from":"2026-03-01T08:00:00Z"})" + "\n");
}

TEST(action_writer, splits_in_the_order_taken) {
  fixture f;
  f.a.splits = f.splits;
  EXPECT_EQ(f.json(),
            std::string(head) + R"("params":{},"status":"sent","splits":{"incentive":"coupon","#2":"b"}})" + "\n");
}

TEST(action_writer, every_key_at_once) {
  fixture f;
  f.a.params = std::span(f.params).first(1);
  f.a.status = send_status::suppressed;
  f.a.reason = "run ended: order_returned";
  f.a.deferred_from = t0 - grammar::duration(1);
  f.a.splits = std::span(f.splits).first(1);
  EXPECT_EQ(f.json(), std::string(head) +
                          R"("params":{"order_id":"o1"},"status":"suppressed","reason":"run ended: order_returned",)"
                          R"("deferred_from":"2026-03-01T08:59:59.999999Z","splits":{"incentive":"coupon"}})" +
                          "\n");
}

TEST(action_writer, escapes_text) {
  fixture f;
  f.a.customer = "c\"1\n";
  const auto json = f.json();
  EXPECT_NE(json.find(R"("customer":"c\"1\n")"), std::string::npos) << json;
}

TEST(action_writer, writes_to_a_stream_through_its_buffer) {
  fixture f;
  std::ostringstream out;
  {
    action_writer w(out, 256);
    for (int i = 0; i < 10; ++i) w.on_action(f.a, f.symbols);
    EXPECT_EQ(w.count(), 10U);
    EXPECT_FALSE(out.str().empty());  // the buffer filled up and was written
  }
  std::string expected;
  for (int i = 0; i < 10; ++i) expected += f.json();
  EXPECT_EQ(out.str(), expected);
}

TEST(action_writer, writes_to_a_file) {
  fixture f;
  test_support::temp_file file(".jsonl");
  std::FILE* out = std::fopen(file.path().c_str(), "wb");
  ASSERT_NE(out, nullptr);
  {
    action_writer w(out);
    w.on_action(f.a, f.symbols);
    EXPECT_TRUE(w.flush());
    EXPECT_TRUE(w.ok());
  }
  std::fclose(out);
  std::FILE* in = std::fopen(file.path().c_str(), "rb");
  char buffer[1024] = {};
  const auto n = std::fread(buffer, 1, sizeof buffer, in);
  std::fclose(in);
  EXPECT_EQ(std::string(buffer, n), f.json());
}

TEST(owned_action, copies_everything) {
  fixture f;
  f.a.params = f.params;
  f.a.splits = f.splits;
  f.a.status = send_status::suppressed;
  f.a.reason = "quiet";
  f.a.deferred_from = t0 - grammar::duration(5);
  owned_action o;
  {
    std::string customer = "c-temp";
    f.a.customer = customer;
    o = owned_action::copy_of(f.a, f.symbols);
    customer = "XXXXXX";
  }
  EXPECT_EQ(o.time, t0);
  EXPECT_EQ(o.customer, "c-temp");
  EXPECT_EQ(o.flow, "review_request");
  EXPECT_EQ(o.run, "review_request:c1:1");
  EXPECT_EQ(o.step, "review.flow:12");
  EXPECT_EQ(o.channel, "email");
  EXPECT_EQ(o.template_name, "review_ask");
  EXPECT_EQ(o.param_names, (std::vector<std::string>{"order_id", "total", "due"}));
  ASSERT_EQ(o.params.entries().size(), 3U);
  EXPECT_EQ(o.params.entries()[0].data.as_string(), "o1");
  EXPECT_EQ(o.params.entries()[2].data.as_time(), t0 + std::chrono::days(1));
  EXPECT_EQ(o.status, send_status::suppressed);
  EXPECT_EQ(o.reason, "quiet");
  EXPECT_EQ(o.deferred_from, t0 - grammar::duration(5));
  EXPECT_EQ(o.splits, (std::vector<std::pair<std::string, std::string>>{{"incentive", "coupon"}, {"#2", "b"}}));
}

}  // namespace
}  // namespace afterflow::eventlog
