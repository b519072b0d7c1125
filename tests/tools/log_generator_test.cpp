// The generated shop history: deterministic, in time order, realistic.
#include "interpreter/tools/log_generator.hpp"
#include "grammar/diagnostic_render.hpp"

#include <map>
#include <set>

#include <gtest/gtest.h>

#include "interpreter/eventlog/event_log_reader.hpp"
#include "interpreter/eventlog/profile_reader.hpp"
#include "tests/eventlog/io_test_support.hpp"

namespace afterflow::tools {

using eventlog::event_log_reader;
using eventlog::log_record_kind;
using eventlog::profile_reader;
using grammar::render_text;

namespace {

using eventlog::test_support::test_program;

log_generator_options small(std::uint32_t customers = 300, std::uint64_t seed = 1) {
  log_generator_options o;
  o.customers = customers;
  o.seed = seed;
  return o;
}

std::uint64_t fnv1a(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (const unsigned char c : bytes) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

TEST(log_generator, same_options_same_bytes) {
  const auto a = generate_log_text(small());
  const auto b = generate_log_text(small());
  EXPECT_EQ(a, b);
  EXPECT_NE(a, generate_log_text(small(300, 2)));
  EXPECT_NE(a, generate_log_text(small(301, 1)));
  auto later = small();
  later.start += std::chrono::days(1);
  EXPECT_NE(a, generate_log_text(later));
}

// Pins the exact output so that a change of platform, compiler or standard
// library that alters it fails here. Update the constant only when the
// generator is changed on purpose.
TEST(log_generator, output_is_pinned) {
  const auto text = generate_log_text(small(200, 7));
  EXPECT_EQ(
      text.substr(0, text.find('\n')),
      R"({"time":"2026-01-01T19:42:33Z","customer":"c000100","traits":{"timezone":"Europe/Paris","email":"c000100@example.com","first_name":"Lukas","marketing_opt_in":true}})");
  EXPECT_EQ(fnv1a(text), 0xab0a9ee76ddd830cULL) << std::hex << fnv1a(text);
}

TEST(log_generator, chunks_are_whole_lines) {
  std::size_t chunks = 0;
  std::string joined;
  const auto stats = generate_log(small(2000), [&](std::string_view chunk) {
    ++chunks;
    EXPECT_EQ(chunk.back(), '\n');
    joined += chunk;
  });
  EXPECT_GT(chunks, 1U);
  EXPECT_EQ(joined, generate_log_text(small(2000)));
  EXPECT_EQ(stats.bytes, joined.size());
  EXPECT_EQ(stats.lines, static_cast<std::uint64_t>(std::count(joined.begin(), joined.end(), '\n')));
}

TEST(log_generator, reads_back_in_time_order_with_ecommerce_events_only) {
  const std::set<std::string> ecommerce{"order_placed",           "order_paid",
                                        "order_shipped",          "order_delivered",
                                        "order_cancelled",        "order_returned",
                                        "refund_issued",          "order_status_viewed",
                                        "back_in_stock",          "review_submitted",
                                        "nps_submitted",          "csat_submitted",
                                        "support_ticket_opened",  "support_ticket_closed",
                                        "subscription_started",   "trial_ending",
                                        "subscription_cancelled", "unsubscribed",
                                        "profile_updated"};
  const auto text = generate_log_text(small(3000));
  test_program t;
  eventlog::test_support::declare_ecommerce(t);
  t.p.reads_all_properties = true;
  auto reader = event_log_reader::from_text("gen.jsonl", text, t.p, t.names());
  std::map<std::string, std::uint64_t> events;
  std::set<std::string> identified;
  std::uint64_t late = 0;
  std::uint64_t lines = 0;
  grammar::instant last{};
  while (const auto r = reader.next()) {
    ++lines;
    EXPECT_GE(r->time, last);
    last = r->time;
    if (r->kind == log_record_kind::identify) {
      EXPECT_TRUE(identified.insert(std::string(r->customer)).second);
      continue;
    }
    EXPECT_TRUE(identified.count(std::string(r->customer))) << "an event before the customer's profile";
    const auto name = std::string(t.names().name(r->event));
    EXPECT_TRUE(ecommerce.count(name)) << name;
    ++events[name];
    if (name == "order_delivered" && r->view().get(t.sym("late")).truthy()) ++late;
  }
  ASSERT_FALSE(reader.error()) << render_text(*reader.error());
  EXPECT_EQ(identified.size(), 3000U);
  const auto stats = generate_log(small(3000), [](std::string_view) {});
  EXPECT_EQ(stats.lines, lines);
  for (const auto& [name, n] : events) EXPECT_EQ(stats.count(name), n) << name;

  // Rates, with generous margins (3000 customers).
  const auto placed = static_cast<double>(events["order_placed"]);
  const auto delivered = static_cast<double>(events["order_delivered"]);
  EXPECT_NEAR(placed / 3000.0, 1.85, 0.2);  // 1-6 orders, fewer when the year ends first
  EXPECT_NEAR(static_cast<double>(events["order_cancelled"]) / placed, 0.03, 0.015);
  EXPECT_NEAR(static_cast<double>(events["order_returned"]) / delivered, 0.08, 0.025);
  EXPECT_NEAR(static_cast<double>(events["review_submitted"]) / delivered, 0.40, 0.05);
  EXPECT_NEAR(static_cast<double>(events["nps_submitted"]) / 3000.0, 0.15, 0.03);
  EXPECT_NEAR(static_cast<double>(events["support_ticket_opened"]) / 3000.0, 0.05, 0.02);
  EXPECT_NEAR(static_cast<double>(late) / delivered, 0.12, 0.04);
  EXPECT_EQ(events["order_shipped"], events["order_delivered"]);
  // Every order is shipped or cancelled before shipping.
  EXPECT_EQ(events["order_placed"], events["order_shipped"] + events["order_cancelled"]);
  EXPECT_EQ(events["support_ticket_opened"], events["support_ticket_closed"]);
}

TEST(log_generator, profiles_match_the_log) {
  const auto options = small(500);
  std::string profiles;
  generate_profiles(options, [&](std::string_view chunk) { profiles += chunk; });
  test_program t;
  auto reader = profile_reader::from_text("profiles.jsonl", profiles, t.p, t.names());
  std::map<std::string, std::string> zone;
  while (const auto p = reader.next()) zone[std::string(p->customer)] = std::string(p->time_zone);
  ASSERT_FALSE(reader.error());
  EXPECT_EQ(zone.size(), 500U);

  const auto text = generate_log_text(options);
  auto log = event_log_reader::from_text("gen.jsonl", text, t.p, t.names());
  const auto tz = t.sym("timezone");
  std::size_t checked = 0;
  while (const auto r = log.next()) {
    if (r->kind != log_record_kind::identify) continue;
    EXPECT_EQ(zone.at(std::string(r->customer)), r->view().get(tz).as_string());
    ++checked;
  }
  EXPECT_EQ(checked, 500U);
}

TEST(log_generator, orders_stay_in_the_period) {
  auto options = small(400);
  options.days = 30;
  const auto text = generate_log_text(options);
  test_program t;
  auto reader = event_log_reader::from_text("gen.jsonl", text, t.p, t.names());
  const auto placed = t.sym("order_placed");
  const auto end = options.start + std::chrono::days(30);
  while (const auto r = reader.next()) {
    if (r->event != placed) continue;
    EXPECT_GE(r->time, options.start);
    EXPECT_LT(r->time, end);
  }
  EXPECT_FALSE(reader.error());
}

}  // namespace
}  // namespace afterflow::tools
