#include "interpreter/testing/test_expectations.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>

#include "grammar/text/timestamp.hpp"
#include "interpreter/replay/explain.hpp"
#include "interpreter/testing/send_pattern.hpp"

namespace afterflow::testing {

using check::checked_program;
using check::constant_value;
using check::flow_index;
using check::no_index;
using check::test_entry;
using check::test_index;
using check::to_source_text;
using grammar::format_timestamp;
using grammar::span;
using ir::pattern;
using ir::program;
using runtime::action;
using runtime::owned_action;
using runtime::run_end;
using runtime::send_status;
using runtime::trace_kind;

namespace {

constexpr std::size_t max_listed = 10;
constexpr std::size_t unclaimed = std::numeric_limits<std::size_t>::max();

template <class... Ts>
struct overloaded : Ts... {
  using Ts::operator()...;
};
template <class... Ts>
overloaded(Ts...) -> overloaded<Ts...>;

std::string plural(std::size_t n, std::string_view word) { return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s"); }

// An `expect send|suppressed|deferred` line taking part in the assignment.
struct claim {
  std::size_t item = 0;  // index into the test's items
  std::uint32_t line = 0;
  ast::send_expectation kind = ast::send_expectation::send;
  send_pattern pattern;
  std::size_t action = unclaimed;
};

// Kuhn's augmenting path from claim `c`: first the earliest free matching
// action, then actions whose owner can move elsewhere.
bool assign(std::size_t c, std::vector<claim>& claims, const std::vector<std::vector<std::size_t>>& edges,
            std::vector<std::size_t>& owner, std::vector<bool>& visited) {
  for (const auto a : edges[c]) {
    if (owner[a] == unclaimed) {
      owner[a] = c;
      claims[c].action = a;
      return true;
    }
  }
  for (const auto a : edges[c]) {
    if (visited[a]) continue;
    visited[a] = true;
    if (assign(owner[a], claims, edges, owner, visited)) {
      owner[a] = c;
      claims[c].action = a;
      return true;
    }
  }
  return false;
}

class checker {
 public:
  checker(const checked_program& program, test_index t, const test_outcome& outcome)
      : program_(program),
        test_(program.tests[t]),
        outcome_(outcome),
        claimed_by_(outcome.actions.size(), unclaimed),
        reported_(outcome.actions.size(), false) {}

  expectation_result run() {
    const auto& items = test_.decl->items;
    bool allow_other_sends = false;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (std::holds_alternative<ast::test_allow_other_sends>(items[i].node)) allow_other_sends = true;
      if (const auto* x = std::get_if<ast::expect_send>(&items[i].node)) {
        if (x->kind != ast::send_expectation::no_send)
          claims_.push_back({i, line_of(items[i].where), x->kind, pattern_of(*x), unclaimed});
      }
    }
    assign_claims();
    result_.failures = outcome_.setup_failures;

    std::vector<std::pair<std::size_t, test_failure>> by_item;
    for (auto& c : claims_) {
      if (c.action == unclaimed) by_item.emplace_back(c.item, missing(c));
    }
    for (std::size_t i = 0; i < items.size(); ++i) {
      const auto line = line_of(items[i].where);
      std::optional<test_failure> f;
      std::visit(overloaded{
                     [&](const ast::expect_send& x) {
                       if (x.kind == ast::send_expectation::no_send) f = no_send(x, line);
                     },
                     [&](const ast::expect_count& x) { f = count(x, line); },
                     [&](const ast::expect_exit& x) { f = ended(test_.items[i].flow, x.customer.id, x.reason, line); },
                     [&](const ast::expect_goal& x) { f = ended(test_.items[i].flow, x.customer.id, {}, line); },
                     [&](const ast::expect_segment& x) { f = segment(x, i, line); },
                     [](const auto&) {},
                 },
                 items[i].node);
      if (f) by_item.emplace_back(i, std::move(*f));
    }
    std::stable_sort(by_item.begin(), by_item.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [item, f] : by_item) result_.failures.push_back(std::move(f));

    for (std::size_t a = 0; a < outcome_.actions.size(); ++a) {
      const auto& action = outcome_.actions[a];
      if (claimed_by_[a] != unclaimed) continue;
      const bool not_allowed = action.status == send_status::sent && !allow_other_sends;
      if (not_allowed && !reported_[a]) result_.failures.push_back(unexpected(action));
      result_.rows.push_back(
          {not_allowed ? row_mark::unexpected : row_mark::other, action.time, 0, {}, describe_untimed(action)});
    }
    for (const auto& e : outcome_.errors) {
      result_.failures.push_back({test_line(),
                                  fmt::format("run-time error {} in flow {} for {} at {} ({}): {}", e.code, e.flow,
                                              customer_text(e.customer), format_timestamp(e.time), e.step, e.message),
                                  {},
                                  {e.customer}});
    }
    std::stable_sort(result_.rows.begin(), result_.rows.end(), [](const send_row& a, const send_row& b) {
      const auto key = [](const send_row& r) { return r.time.value_or(grammar::no_end); };
      return key(a) < key(b);
    });
    return std::move(result_);
  }

 private:
  [[nodiscard]] std::uint32_t line_of(span where) const {
    return program_.sources.file(where.file).position(where.begin).line;
  }
  [[nodiscard]] std::uint32_t test_line() const { return line_of(test_.decl->name.where); }

  [[nodiscard]] const constant_value* constant(const ast::expr& e) const {
    const auto* info = program_.find_info(e);
    return info != nullptr && info->constant ? &*info->constant : nullptr;
  }
  [[nodiscard]] std::optional<grammar::instant> time_of(const std::optional<ast::expr>& e) const {
    if (!e) return std::nullopt;
    const auto* c = constant(*e);
    if (c == nullptr) return std::nullopt;
    if (const auto* t = c->get<grammar::instant>()) return *t;
    return std::nullopt;
  }

  [[nodiscard]] send_pattern pattern_of(const ast::expect_send& x) const {
    send_pattern p;
    switch (x.kind) {
      case ast::send_expectation::send:
      case ast::send_expectation::no_send: p.outcome = send_outcome::sent; break;
      case ast::send_expectation::suppressed: p.outcome = send_outcome::suppressed; break;
      case ast::send_expectation::deferred: p.outcome = send_outcome::deferred; break;
    }
    if (x.channel) p.channel = x.channel->name;
    if (x.template_name) p.template_name = x.template_name->value;
    if (x.customer) p.customer = x.customer->id;
    if (x.at) {
      p.from = time_of(x.at);
      p.to = p.from;
    } else {
      p.from = time_of(x.between_start);
      p.to = time_of(x.between_end);
    }
    for (const auto& param : x.with) {
      const auto* c = constant(param.value);
      p.params.emplace_back(param.name.name, c != nullptr ? *c : constant_value{});
    }
    return p;
  }

  void assign_claims() {
    std::vector<std::vector<std::size_t>> edges(claims_.size());
    for (std::size_t c = 0; c < claims_.size(); ++c) {
      for (std::size_t a = 0; a < outcome_.actions.size(); ++a) {
        if (claims_[c].pattern.matches(outcome_.actions[a])) edges[c].push_back(a);
      }
    }
    for (std::size_t c = 0; c < claims_.size(); ++c) {
      std::vector<bool> visited(outcome_.actions.size(), false);
      (void)assign(c, claims_, edges, claimed_by_, visited);
    }
    // An `expect send` and an `expect deferred` line may describe the same
    // message (delivered at T, and deferred): a line left without an action
    // may share one claimed by a line of the other kind, once.
    std::vector<bool> shared(outcome_.actions.size(), false);
    for (auto& c : claims_) {
      if (c.action != unclaimed || c.kind == ast::send_expectation::suppressed) continue;
      for (const auto a : edges[static_cast<std::size_t>(&c - claims_.data())]) {
        const auto owner = claimed_by_[a];
        if (shared[a] || owner == unclaimed || claims_[owner].kind == c.kind) continue;
        shared[a] = true;
        c.action = a;
        break;
      }
    }
    for (const auto& c : claims_) {
      send_row row;
      row.line = c.line;
      row.expected = row_text(c);
      if (c.action != unclaimed) {
        const auto& a = outcome_.actions[c.action];
        row.mark = row_mark::matched;
        row.time = a.time;
        row.actual = describe_untimed(a);
      } else {
        row.mark = row_mark::missing;
        row.time = c.pattern.from;
      }
      result_.rows.push_back(std::move(row));
    }
  }

  // The expectation as its table row shows it: the time is in its own
  // column, so `at` is left out.
  [[nodiscard]] static std::string row_text(const claim& c) {
    auto p = c.pattern;
    if (p.from && p.to && *p.from == *p.to) {
      p.from.reset();
      p.to.reset();
    }
    const auto text = p.describe();
    return c.kind == ast::send_expectation::send ? text : fmt::format("{} {}", ast::spelling(c.kind), text);
  }

  [[nodiscard]] std::uint32_t claim_line(std::size_t action) const {
    const auto c = claimed_by_[action];
    return c == unclaimed ? 0 : claims_[c].line;
  }

  test_failure missing(const claim& c) {
    test_failure f;
    f.line = c.line;
    const char* what = c.kind == ast::send_expectation::send       ? "send"
                       : c.kind == ast::send_expectation::deferred ? "deferred send"
                                                                   : "suppressed send";
    f.message = fmt::format("expected {} {}, found no such {}", ast::spelling(c.kind), c.pattern.describe(), what);
    if (c.pattern.customer) f.customers.push_back(*c.pattern.customer);

    // The closest action: same channel or template, fewest differences,
    // unclaimed first, then the earliest.
    std::size_t best = unclaimed;
    std::size_t best_score = 0;
    std::vector<std::string> best_differences;
    for (std::size_t a = 0; a < outcome_.actions.size(); ++a) {
      const auto& action = outcome_.actions[a];
      const bool related = (c.pattern.channel && *c.pattern.channel == action.channel) ||
                           (c.pattern.template_name && *c.pattern.template_name == action.template_name);
      if (!related) continue;
      auto differences = c.pattern.mismatches(action);
      // Being claimed by another line counts as one more difference.
      const bool free = claimed_by_[a] == unclaimed;
      const auto score = differences.size() + (free ? 0 : 1);
      if (best == unclaimed || score < best_score || (score == best_score && free && claimed_by_[best] != unclaimed)) {
        best = a;
        best_score = score;
        best_differences = std::move(differences);
      }
    }
    if (best != unclaimed) {
      auto differences = best_differences;
      if (const auto other = claim_line(best); other != 0) {
        differences.push_back(fmt::format("already matched by line {}", other));
      }
      f.notes.push_back(fmt::format("closest: {}: {}", describe(outcome_.actions[best]), fmt::join(differences, "; ")));
      if (best_differences.empty()) {
        f.notes.push_back(
            fmt::format("help: each `expect` line needs a send of its own, and line {} matched this "
                        "one; expect it once, or check why the second send did not happen",
                        claim_line(best)));
      }
      if (f.customers.empty()) f.customers.push_back(outcome_.actions[best].customer);
      // Shown here; not reported again as unexpected.
      reported_[best] = true;
    }
    return f;
  }

  void list_actions(test_failure& f, const std::vector<std::size_t>& actions) const {
    for (std::size_t i = 0; i < actions.size() && i < max_listed; ++i) {
      const auto& a = outcome_.actions[actions[i]];
      f.notes.push_back(fmt::format("{} (flow {}, {})", describe(a), a.flow, a.step));
      if (std::find(f.customers.begin(), f.customers.end(), a.customer) == f.customers.end()) {
        f.customers.push_back(a.customer);
      }
    }
    if (actions.size() > max_listed) f.notes.push_back(fmt::format("… and {} more", actions.size() - max_listed));
  }

  std::optional<test_failure> no_send(const ast::expect_send& x, std::uint32_t line) {
    const auto p = pattern_of(x);
    std::vector<std::size_t> found;
    for (std::size_t a = 0; a < outcome_.actions.size(); ++a) {
      if (p.matches(outcome_.actions[a])) found.push_back(a);
    }
    if (found.empty()) return std::nullopt;
    for (const auto a : found) reported_[a] = true;
    test_failure f;
    f.line = line;
    const auto what = p.describe();
    f.message =
        fmt::format("expected no send{}{}, found {}", what.empty() ? "" : " ", what, plural(found.size(), "send"));
    list_actions(f, found);
    return f;
  }

  [[nodiscard]] std::optional<test_failure> count(const ast::expect_count& x, std::uint32_t line) const {
    const auto* c = constant(x.count);
    const auto* n = c != nullptr ? c->get<double>() : nullptr;
    if (n == nullptr) return std::nullopt;
    std::vector<std::size_t> found;
    for (std::size_t a = 0; a < outcome_.actions.size(); ++a) {
      const auto& action = outcome_.actions[a];
      if (action.status == send_status::sent && action.channel == x.channel.name) found.push_back(a);
    }
    const auto actual = static_cast<double>(found.size());
    bool holds = false;
    switch (x.op) {
      case ast::binary_op::equal: holds = actual == *n; break;
      case ast::binary_op::not_equal: holds = actual != *n; break;
      case ast::binary_op::less: holds = actual < *n; break;
      case ast::binary_op::less_equal: holds = actual <= *n; break;
      case ast::binary_op::greater: holds = actual > *n; break;
      case ast::binary_op::greater_equal: holds = actual >= *n; break;
      default: break;
    }
    if (holds) return std::nullopt;
    test_failure f;
    f.line = line;
    f.message = fmt::format("expected count send {} {} {}, found {}", x.channel.name, ast::spelling(x.op),
                            to_source_text(*c), found.size());
    list_actions(f, found);
    return f;
  }

  // `expect exit` (reason given) and `expect goal` (reason "goal").
  [[nodiscard]] std::optional<test_failure> ended(flow_index flow, const std::string& customer,
                                                  std::optional<std::string> reason, std::uint32_t line) const {
    if (flow == no_index) return std::nullopt;
    const auto& name = program_.flows[flow].name;
    const bool goal = !reason;
    const auto wanted = reason.value_or("goal");
    std::vector<const run_end*> ends;
    for (const auto& e : outcome_.run_ends) {
      if (e.flow != name || e.customer != customer) continue;
      if (e.reason == wanted) return std::nullopt;
      ends.push_back(&e);
    }
    test_failure f;
    f.line = line;
    f.customers.push_back(customer);
    const auto expected =
        goal ? fmt::format("goal {} for {}", name, customer_text(customer))
             : fmt::format("exit {} for {} reason {}", name, customer_text(customer), reason_text(wanted));
    std::vector<std::string> reasons;
    for (const auto* e : ends) {
      if (std::find(reasons.begin(), reasons.end(), e->reason) == reasons.end()) reasons.push_back(e->reason);
      f.notes.push_back(fmt::format("run {} started {}, ended {}: {}", e->run, format_timestamp(e->started),
                                    format_timestamp(e->ended), e->reason));
    }
    bool waiting = false;
    for (const auto& w : outcome_.waiting) {
      if (w.flow != name || w.customer != customer) continue;
      waiting = true;
      f.notes.push_back(fmt::format("run {} is still waiting: {}", w.run, w.waiting_for));
    }
    if (!reasons.empty()) {
      f.message = fmt::format("expected {}, found {}", expected, fmt::join(reasons, ", "));
    } else if (waiting) {
      f.message = fmt::format("expected {}, but the run has not ended", expected);
    } else {
      f.message = fmt::format("expected {}, but {} never started for {}", expected, name, customer_text(customer));
      for (const auto& t : outcome_.trace) {
        if (t.kind == trace_kind::run_refused && t.flow == name && t.customer == customer) {
          f.notes.push_back(fmt::format("{}  {}", format_timestamp(t.time), replay::describe(t)));
        }
      }
    }
    return f;
  }

  [[nodiscard]] static std::string reason_text(const std::string& reason) {
    const bool bare = customer_text(reason) == reason;
    return bare ? reason : fmt::format("\"{}\"", reason);
  }

  [[nodiscard]] std::optional<test_failure> segment(const ast::expect_segment& x, std::size_t item,
                                                    std::uint32_t line) const {
    if (item >= outcome_.segments.size() || !outcome_.segments[item]) return std::nullopt;
    const bool holds = *outcome_.segments[item];
    if (holds != x.negated) return std::nullopt;
    const auto who = customer_text(x.customer.id);
    test_failure f;
    f.line = line;
    f.customers.push_back(x.customer.id);
    f.message =
        fmt::format("expected {} {}in {} when the run ends ({}), but {} is{} in it", who, x.negated ? "not " : "",
                    x.segment.name, format_timestamp(outcome_.ended), who, holds ? "" : " not");
    return f;
  }

  [[nodiscard]] test_failure unexpected(const owned_action& a) const {
    test_failure f;
    f.line = test_line();
    f.message = fmt::format("unexpected send {} (flow {}, {})", describe(a), a.flow, a.step);
    f.notes.push_back(fmt::format("help: expect it with `{}`, or write `allow other sends`", expect_line_for(a)));
    f.customers.push_back(a.customer);
    return f;
  }

  const checked_program& program_;
  const test_entry& test_;
  const test_outcome& outcome_;
  std::vector<claim> claims_;
  std::vector<std::size_t> claimed_by_;  // per action: the claim, or unclaimed
  std::vector<bool> reported_;           // per action: already shown by a failure
  expectation_result result_;
};

}  // namespace

expectation_result check_expectations(const checked_program& program, test_index t, const test_outcome& outcome) {
  return checker(program, t, outcome).run();
}

}  // namespace afterflow::testing
