// GoogleTest/GoogleMock matchers for campaign tests written in C++.
//
// The expectations of a `.flow` test, over the C++ simulation API
// (simulation.hpp), for engineers who keep campaign tests beside their own
// GoogleTest suites:
//
//   EXPECT_THAT(delivered(sim), ElementsAre(
//       sent("email", "review_request").to("c1").at("2026-03-04T09:00:00Z")
//           .with({{"order_id", "o1"}})));
//   EXPECT_THAT(sim.actions(), Contains(suppressed("email", "review_coupon")));
//   EXPECT_THAT(sim.run_ends(), Contains(exited("review_request", "c1", "order_returned")));
//
// A matcher is a `send_pattern` (send_pattern.hpp), the same object an
// `expect send` line builds, so both match by the same rules and explain a
// mismatch in the same words ("1h earlier", "`order_id` is "o2", not "o1"").
// `ElementsAre` over `delivered(sim)` is the C++ form of "exactly these
// sends, in this order, and nothing else"; `UnorderedElementsAre` does the
// one-action-per-expectation assignment without the order.
//
// Header-only and the only afterflow header that includes gmock, so the
// libraries never depend on GoogleTest; link GTest::gmock where you use it.
#pragma once

#include <optional>
#include <ostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <gmock/gmock.h>

#include "grammar/text/timestamp.hpp"
#include "interpreter/testing/send_pattern.hpp"
#include "interpreter/testing/simulation.hpp"

// GoogleTest finds printers by argument-dependent lookup, so they are
// declared in the namespace of the types they print.
namespace afterflow::runtime {

/// How GoogleTest prints an action in a failure message.
inline void PrintTo(const owned_action& a, std::ostream* os) { *os << testing::describe(a); }

/// How GoogleTest prints the end of a run in a failure message.
inline void PrintTo(const run_end& e, std::ostream* os) {
  *os << fmt::format("run {} ({} for {}) ended at {}: {}", e.run, e.flow, testing::customer_text(e.customer),
                     grammar::format_timestamp(e.ended), e.reason);
}

}  // namespace afterflow::runtime

namespace afterflow::testing {

/// A C++ property value in the form patterns compare with.
[[nodiscard]] inline check::constant_value to_constant(const property_value& v) {
  using namespace check;
  return std::visit(
      [](const auto& x) -> constant_value {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) {
          return {check::null_value{}};
        } else if constexpr (std::is_same_v<T, property_value::time_value>) {
          return {x.at};
        } else if constexpr (std::is_same_v<T, property_value::duration_value>) {
          return {x.length};
        } else if constexpr (std::is_same_v<T, std::vector<property_value>>) {
          check::constant_value::list items;
          for (const auto& item : x) items.push_back(to_constant(item));
          return {std::move(items)};
        } else {
          return {x};
        }
      },
      v.get());
}

/// Matches one `owned_action`; built by `sent`, `suppressed` and `deferred`
/// and narrowed by chaining `.to()`, `.at()`, `.between()`, `.with()`.
class send_matcher {
 public:
  using is_gtest_matcher = void;

  explicit send_matcher(testing::send_pattern pattern) : pattern_(std::move(pattern)) {}

  /// Only sends to this customer.
  [[nodiscard]] send_matcher to(std::string_view customer) const {
    auto copy = *this;
    copy.pattern_.customer = std::string(customer);
    return copy;
  }
  /// Only sends at this instant (RFC 3339), the delivery time for deferred sends.
  [[nodiscard]] send_matcher at(std::string_view time) const {
    auto copy = *this;
    copy.pattern_.from = parse(time);
    copy.pattern_.to = copy.pattern_.from;
    return copy;
  }
  /// Only sends in [from, to], both included.
  [[nodiscard]] send_matcher between(std::string_view from, std::string_view to) const {
    auto copy = *this;
    copy.pattern_.from = parse(from);
    copy.pattern_.to = parse(to);
    return copy;
  }
  /// Only sends whose listed params have these values; other params may be present.
  [[nodiscard]] send_matcher with(const properties& params) const {
    auto copy = *this;
    for (const auto& [name, v] : params) copy.pattern_.params.emplace_back(name, to_constant(v));
    return copy;
  }

  [[nodiscard]] const testing::send_pattern& pattern() const { return pattern_; }

  bool MatchAndExplain(const runtime::owned_action& a, std::ostream* os) const {
    const auto differences = pattern_.mismatches(a);
    if (os != nullptr && !differences.empty()) {
      for (std::size_t i = 0; i < differences.size(); ++i) *os << (i == 0 ? "" : "; ") << differences[i];
    }
    return differences.empty();
  }
  void DescribeTo(std::ostream* os) const { *os << "is " << what() << ' ' << pattern_.describe(); }
  void DescribeNegationTo(std::ostream* os) const { *os << "is not " << what() << ' ' << pattern_.describe(); }

 private:
  [[nodiscard]] static grammar::instant parse(std::string_view time) {
    const auto t = grammar::parse_timestamp(time);
    if (!t) throw std::invalid_argument(fmt::format("`{}` is not an RFC 3339 time", time));
    return *t;
  }
  [[nodiscard]] const char* what() const {
    switch (pattern_.outcome) {
      case testing::send_outcome::sent: return "a delivered send";
      case testing::send_outcome::deferred: return "a deferred send";
      case testing::send_outcome::suppressed: return "a suppressed send";
      case testing::send_outcome::any: return "a send attempt";
    }
    return "a send";
  }

  testing::send_pattern pattern_;
};

namespace detail {
[[nodiscard]] inline send_matcher make(testing::send_outcome outcome, std::string_view channel,
                                       std::optional<std::string_view> template_name) {
  testing::send_pattern p;
  p.outcome = outcome;
  p.channel = std::string(channel);
  if (template_name) p.template_name = std::string(*template_name);
  return send_matcher(std::move(p));
}
}  // namespace detail

/// A delivered send (deferred or not) on `channel`, of any template or of `template_name`.
[[nodiscard]] inline send_matcher sent(std::string_view channel,
                                       std::optional<std::string_view> template_name = std::nullopt) {
  return detail::make(testing::send_outcome::sent, channel, template_name);
}
/// A send that quiet hours deferred and that was then delivered; `.at()` is the delivery time.
[[nodiscard]] inline send_matcher deferred(std::string_view channel,
                                           std::optional<std::string_view> template_name = std::nullopt) {
  return detail::make(testing::send_outcome::deferred, channel, template_name);
}
/// A send a frequency cap (or the end of its run while deferred) suppressed.
[[nodiscard]] inline send_matcher suppressed(std::string_view channel,
                                             std::optional<std::string_view> template_name = std::nullopt) {
  return detail::make(testing::send_outcome::suppressed, channel, template_name);
}

/// The delivered sends of a simulation, in the order they happened.
[[nodiscard]] inline std::vector<runtime::owned_action> delivered(const simulation& sim) {
  std::vector<runtime::owned_action> out;
  for (const auto& a : sim.actions()) {
    if (a.status != runtime::send_status::sent) continue;
    runtime::owned_action copy;
    copy.time = a.time;
    copy.customer = a.customer;
    copy.flow = a.flow;
    copy.run = a.run;
    copy.step = a.step;
    copy.channel = a.channel;
    copy.template_name = a.template_name;
    copy.param_names = a.param_names;
    copy.params = a.params.clone();
    copy.status = a.status;
    copy.reason = a.reason;
    copy.deferred_from = a.deferred_from;
    copy.splits = a.splits;
    out.push_back(std::move(copy));
  }
  return out;
}

/// Matches a `run_end` of `flow` for `customer`, with `reason` when given.
class run_end_matcher {
 public:
  using is_gtest_matcher = void;

  run_end_matcher(std::string flow, std::string customer, std::optional<std::string> reason)
      : flow_(std::move(flow)), customer_(std::move(customer)), reason_(std::move(reason)) {}

  bool MatchAndExplain(const runtime::run_end& e, std::ostream* os) const {
    if (e.flow != flow_ || e.customer != customer_) {
      if (os != nullptr) *os << "a run of " << e.flow << " for " << e.customer;
      return false;
    }
    if (reason_ && e.reason != *reason_) {
      if (os != nullptr) *os << "ended with reason " << e.reason;
      return false;
    }
    return true;
  }
  void DescribeTo(std::ostream* os) const { *os << "is " << text(); }
  void DescribeNegationTo(std::ostream* os) const { *os << "is not " << text(); }

 private:
  [[nodiscard]] std::string text() const {
    auto out = fmt::format("a run of {} for {} that ended", flow_, testing::customer_text(customer_));
    if (reason_) out += fmt::format(" with reason {}", *reason_);
    return out;
  }

  std::string flow_;
  std::string customer_;
  std::optional<std::string> reason_;
};

/// A run of `flow` for `customer` that ended with `reason`: an `exit on`
/// event name, `goal`, `finished`, `error`, `stop` or a `stop "…"` text.
[[nodiscard]] inline run_end_matcher exited(std::string_view flow, std::string_view customer, std::string_view reason) {
  return {std::string(flow), std::string(customer), std::string(reason)};
}
/// A run of `flow` for `customer` that reached its goal.
[[nodiscard]] inline run_end_matcher reached_goal(std::string_view flow, std::string_view customer) {
  return exited(flow, customer, "goal");
}

}  // namespace afterflow::testing
