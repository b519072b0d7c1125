// A realistic shop history, generated: the benchmark and demo input.
//
// `generate_log` writes, in afterflow's JSON Lines shape and in time order,
// the post-purchase life of N customers over a period: a profile update
// (`traits` with a time zone from a fixed list of real zones) before each
// customer's first order, then 1-6 orders, each placed → paid → shipped
// (1-4 days) → delivered (2-7 days, late when after the estimate), with
// order status views on the way, about 3% cancelled before shipping, 8% of
// deliveries returned and refunded, reviews on 40% of deliveries a few days
// later (scores lower when late or returned), NPS answers from 15% of
// customers, and support tickets (with CSAT) from 5%. Every event name is
// one of the `ecommerce` module's.
//
// Determinism: the generator uses its own xoshiro256** seeded by splitmix64
// (no <random> distribution: their output differs between standard
// libraries) and integer arithmetic for every draw, so the same options give
// byte-identical output on every platform. Each customer draws from its own
// stream, and customers are merged by a heap keyed by (time, customer
// index), so memory is O(customers), not O(events).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "grammar/time.hpp"

#include "interpreter/eventlog/text_sink.hpp"

namespace afterflow::tools {

struct log_generator_options {
  std::uint32_t customers = 1000;
  std::uint64_t seed = 1;
  grammar::instant start = grammar::instant(std::chrono::days(20454));  ///< 2026-01-01T00:00:00Z
  std::uint32_t days = 365;                                             ///< orders are placed in [start, start + days)
};

struct log_generator_stats {
  std::uint64_t lines = 0;
  std::uint64_t bytes = 0;
  std::uint64_t identifies = 0;
  /// Lines per event name, in the order names were first written.
  std::vector<std::pair<std::string, std::uint64_t>> events;

  [[nodiscard]] std::uint64_t count(std::string_view event) const;
};

/// Writes the event log to `write` in chunks of about 64 KiB.
log_generator_stats generate_log(const log_generator_options& options, const eventlog::text_sink& write);
/// The whole log as one string (for tests and in-memory benchmarks).
[[nodiscard]] std::string generate_log_text(const log_generator_options& options);

/// Writes the matching profiles file (one line per customer, the same time
/// zones and attributes as the log's profile updates).
void generate_profiles(const log_generator_options& options, const eventlog::text_sink& write);

}  // namespace afterflow::tools
