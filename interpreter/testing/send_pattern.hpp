// A description of a send, matched against the actions of a replay.
//
// `afterflow test` (an `expect send|suppressed|deferred` line) and the
// GoogleTest helpers of interpreter/testing/matchers.hpp ask the same question of an
// action: is this the message I expect? Both build a `send_pattern` and ask
// it, so a test reads the same and fails with the same words in a `.flow`
// file and in C++. Every criterion is optional; an empty pattern matches any
// delivered send.
//
// Matching rules (docs/testing.md):
//   outcome    sent: delivered (deferred or not); deferred: delivered after
//              quiet hours moved it (`deferred_from` set); suppressed:
//              status suppressed; any: every action
//   time       the action's time (delivery or suppression) lies in
//              [from, to], both inclusive; `at T` is the window [T, T]
//   params     every listed parameter is present with an equal value
//              (afterflow's equality: a number never equals a string);
//              an expected `null` also accepts a missing parameter;
//              parameters not listed are ignored
//
// `mismatches` says in words why an action does not match, so a failure can
// show the closest action and what differs ("1h earlier", "`order_id` is
// "o2", not "o1"").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interpreter/check/constants.hpp"
#include "interpreter/runtime/action.hpp"

namespace afterflow::testing {

/// Which outcome of a send attempt a pattern is about.
enum class send_outcome : unsigned char { sent, deferred, suppressed, any };

struct send_pattern {
  send_outcome outcome = send_outcome::sent;
  std::optional<std::string> channel;
  std::optional<std::string> template_name;
  std::optional<std::string> customer;
  std::optional<grammar::instant> from;  ///< earliest time, inclusive
  std::optional<grammar::instant> to;    ///< latest time, inclusive
  std::vector<std::pair<std::string, check::constant_value>> params;

  /// Why `a` does not match, one phrase per differing criterion, in the
  /// order outcome, channel, template, customer, time, params; empty when
  /// it matches.
  [[nodiscard]] std::vector<std::string> mismatches(const runtime::owned_action& a) const;
  [[nodiscard]] bool matches(const runtime::owned_action& a) const;
  /// The pattern in the words of a test line, without the leading keyword:
  /// `email "review_request" to c1 at 2026-03-04T14:00:00Z with { order_id: "o1" }`.
  [[nodiscard]] std::string describe() const;
};

/// A customer id as a test line writes it: bare when it is an identifier,
/// quoted otherwise (`c1`, `"cust 42"`).
[[nodiscard]] std::string customer_text(std::string_view id);

/// One action in words: `email "review_request" to c1 at 2026-03-04T14:00:00Z
/// { order_id: "o1" }`, then `, suppressed (limit email 2 per 1d)` or
/// `, deferred from 2026-03-03T02:00:00Z` when that applies.
[[nodiscard]] std::string describe(const runtime::owned_action& a);
/// The same without the time (for tables that show it in a column).
[[nodiscard]] std::string describe_untimed(const runtime::owned_action& a);

/// An action as the `expect` line that would match it exactly (without
/// params): `expect send email "review_request" to c1 at 2026-03-04T14:00:00Z`.
[[nodiscard]] std::string expect_line_for(const runtime::owned_action& a);

/// Whether a compile-time value equals a run-time one, by afterflow's
/// equality (kinds must agree).
[[nodiscard]] bool same_value(const check::constant_value& expected, const stdlib::value& actual);

/// The signed distance `actual - expected` in words: `1h later`, `2d3h earlier`.
[[nodiscard]] std::string time_difference(grammar::instant expected, grammar::instant actual);

}  // namespace afterflow::testing
