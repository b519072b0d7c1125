// The checker's internal state, shared by the checker_*.cpp files.
//
// One `checker` object checks one program. Its work is split by job, one
// file each:
//
//   checker.cpp               entry point, file tables, the order of passes
//   checker_declarations.cpp  events, segments, constants, policy, maps,
//                             duplicate and reserved names, unused warnings
//   checker_expressions.cpp   names, members, operators, literals, folding
//   checker_calls.cpp         built-in calls: aggregates and scalars
//   checker_flows.cpp         flow clauses and steps, splits, repeat, stop
//   checker_tests.cpp         `test` declarations
//
// Rules that do not need the state live in their own modules: operator
// typing in type_rules, scopes in scope, constant folding in
// checker_constants, time zones in checker_time_zones.
//
// Never cascade: an expression that failed gets the `error` type, and every
// rule stays silent about `error` operands.
#pragma once

#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "grammar/diagnostic.hpp"
#include "interpreter/check/check_codes.hpp"
#include "interpreter/check/checked_program.hpp"
#include "interpreter/check/internal/scope.hpp"
#include "interpreter/check/module_loader.hpp"

namespace afterflow::check {

/// `std::visit` with a set of lambdas.
template <typename... F>
struct overloaded : F... {
  using F::operator()...;
};
template <typename... F>
overloaded(F...) -> overloaded<F...>;  // clang 14 lacks aggregate deduction

/// Whether a checked expression of type `t` may stand where `k` is wanted
/// and is worth checking further (not an already reported `error`).
[[nodiscard]] inline bool fits(const stdlib::type& t, stdlib::type_kind k) {
  return !t.is_error() && stdlib::assignable(t, stdlib::type::of(k));
}

/// Joins names as "`a`, `b` and `c`".
[[nodiscard]] std::string join_names(std::span<const std::string> names);

/// Where an expression is, which decides what its names may mean.
struct expr_context {
  enum class owner : unsigned char { flow, segment, constant, policy, test };
  owner in = owner::flow;
  file_index file = 0;
  flow_index flow = no_index;  ///< set inside a flow
  /// Inside the `where` of a trigger: `trigger` is not available there.
  bool trigger_where = false;
  /// The type of `event`, set inside a `where`.
  std::optional<stdlib::type> event;
  /// `as` bindings in scope, innermost first.
  const binding_frame* bindings = nullptr;
  /// Bindings whose `timeout` block encloses this expression (for the
  /// "no event arrived" note).
  const binding_frame* timed_out = nullptr;
};

class checker {
 public:
  checker(loaded_program loaded, grammar::diagnostic_list& diagnostics);
  [[nodiscard]] checked_program run();

  // --- reporting -----------------------------------------------------------
  grammar::diagnostic& error(std::string_view code, grammar::span where, std::string message);
  grammar::diagnostic& warning(std::string_view code, grammar::span where, std::string message);
  /// Adds "did you mean `x`?" when a candidate is close to `word`. Each call
  /// spends its candidates from a fixed budget, so a file with thousands of
  /// unknown names among thousands of declarations stays fast; once spent,
  /// suggestions stop (deterministically: the budget depends on the input
  /// only).
  void suggest(grammar::diagnostic& d, std::string_view word, std::span<const std::string> candidates,
               std::span<const std::string> more = {});
  /// `visible_value_names` for `file`, computed once.
  const std::vector<std::string>& visible_names(file_index file);

  // --- declarations (checker_declarations.cpp) ------------------------------
  /// Registers a file's declarations: with `run_ordered`, its flows and
  /// tests (collected in run order), else everything else (collected in
  /// dependency order, imports first).
  void collect_declarations(file_index file, bool run_ordered);
  void check_event_schema(event_index event);
  void check_reserved(const ast::identifier& name, std::string_view what);
  /// Constants (or segments) in an order where each comes after those its
  /// expression names: checking them in it never recurses deeply, however
  /// long a chain of definitions is (only a cycle does, up to a limit).
  /// `component` receives each definition's strongly connected component.
  [[nodiscard]] std::vector<std::uint32_t> definition_order(value_symbol::kind what,
                                                            std::vector<std::uint32_t>& component) const;
  /// Checks a constant's value once; safe to call from any reference.
  void ensure_constant(constant_index c, std::optional<grammar::span> reference);
  /// Checks a segment's condition once; reports cycles between segments.
  void ensure_segment(segment_index s, std::optional<grammar::span> reference);
  /// Definitions that may name each other (constants, segments): each is
  /// checked once, in definition order or on first use; naming one that is
  /// still being checked is a cycle.
  struct definition_walk {
    enum class progress : unsigned char { not_started, in_progress, done };
    std::vector<progress> state;
    std::vector<std::uint32_t> stack;      ///< being checked, innermost last (to print a cycle)
    std::vector<std::uint32_t> component;  ///< see definition_order
    std::set<std::uint32_t> long_cycles;   ///< components whose cycle was reported at the depth limit
    std::vector<std::uint32_t> deferred;   ///< settled as failed at the depth limit, checked afterwards

    [[nodiscard]] bool in_progress(std::uint32_t i) const { return state[i] == progress::in_progress; }
  };
  /// What a cycle of one kind of definition is reported as.
  struct cycle_report {
    std::string_view code;
    std::string_view kind;  ///< "constant", "segment"
    std::string_view help;
  };
  /// Starts checking definition `i` of `walk`: false when it is done or
  /// cannot be checked now (a cycle, reported here). Otherwise the caller
  /// checks it and then calls `walk_end`. `name_of(k)` is definition k's name.
  template <typename NameOf>
  [[nodiscard]] bool walk_begin(definition_walk& walk, std::uint32_t i, const cycle_report& report, NameOf name_of,
                                grammar::span where);
  static void walk_end(definition_walk& walk, std::uint32_t i);
  void check_policy(file_index file, const ast::policy_decl& policy);
  void check_map(file_index file, const ast::map_decl& map);
  void report_unused();
  /// Records a use of an event name; warns (once per file and name) when
  /// the event is not declared.
  void note_event_use(file_index file, const ast::identifier& event);
  [[nodiscard]] event_index schema_of(std::string_view event) const;
  [[nodiscard]] const event_schema* schema(std::string_view event) const;

  // --- expressions (checker_expressions.cpp) --------------------------------
  const expr_info& check_expr(const ast::expr& e, const expr_context& ctx);
  expr_info check_name(const ast::expr& e, const ast::name_expr& n, const expr_context& ctx);
  expr_info check_member(const ast::expr& e, const ast::member_expr& m, const expr_context& ctx);
  expr_info check_unary(const ast::expr& e, const ast::unary_expr& u, const expr_context& ctx);
  expr_info check_binary(const ast::expr& e, const ast::binary_expr& b, const expr_context& ctx);
  expr_info check_list(const ast::list_expr& l, const expr_context& ctx);
  /// Records `info` as the facts about `e`; returns the stored entry.
  const expr_info& record(const ast::expr& e, expr_info info);
  /// The recorded facts about `e` (which must have been checked).
  [[nodiscard]] const expr_info& recorded(const ast::expr& e) const;
  /// Checks a condition: the type must be bool (or any).
  const expr_info& check_condition(const ast::expr& e, const expr_context& ctx);
  /// Checks an expression that must be a duration; folds it when constant.
  /// `what` names the place for messages ("`wait`"); a constant must be
  /// positive (or, with `allow_zero`, not negative).
  const expr_info& check_duration(const ast::expr& e, const expr_context& ctx, std::string_view what,
                                  bool allow_zero = false);
  /// Reports "expected X, found Y" under `code` unless `info` fits `expected`.
  bool expect_type(const ast::expr& e, const expr_info& info, stdlib::type_kind expected, std::string_view code,
                   std::string help = {});
  /// Checks an expression that must be known at check time; reports the
  /// first part that is not. Returns the value when there is one.
  std::optional<constant_value> check_constant(const ast::expr& e, const expr_context& ctx, std::string_view what,
                                               std::string_view code = codes::not_constant);
  /// Reports the first part of a checked expression that is not constant.
  void report_not_constant(const ast::expr& e, std::string_view what, std::string_view code);
  /// Records error-typed entries for `e` and everything under it, without
  /// checking (the parts of a call whose callee is unknown).
  void record_unchecked(const ast::expr& e);
  /// Rejects event and customer values where a plain value is stored or
  /// sent (send parameters, `set`, `emit` properties).
  void expect_plain_value(const ast::expr& e, const expr_info& info, std::string_view where);
  /// Checks a `{ name: value }` list: duplicate names, each value.
  void check_properties(std::span<const ast::property> properties, const expr_context& ctx, bool constant);
  /// E0202 with "did you mean", or a note listing the schema's fields.
  void report_unknown_property(grammar::span where, std::string_view property, const event_schema& s);
  /// Checks properties against an event's schema (unknown names, types).
  void check_properties_against_schema(std::span<const ast::property> properties, const ast::identifier& event);

  // --- calls (checker_calls.cpp) --------------------------------------------
  expr_info check_call(const ast::expr& e, const ast::call_expr& call, const expr_context& ctx);
  expr_info check_aggregate(const ast::expr& e, const ast::call_expr& call, const stdlib::builtin& builtin,
                            const expr_context& ctx);
  expr_info check_scalar(const ast::expr& e, const ast::call_expr& call, const stdlib::builtin& builtin,
                         const expr_context& ctx);
  /// Validates a time zone given as a constant string.
  void check_time_zone(const ast::expr& e, const expr_info& info);
  void check_time_zone_name(std::string_view zone, grammar::span where);

  // --- flows (checker_flows.cpp) --------------------------------------------
  void check_flow(flow_index f);
  void collect_bindings(const ast::block& b, flow_index f);
  void check_patterns(const flow_entry& flow, const expr_context& base);
  /// Checks a block's steps in order; true when every path through it ends
  /// in `stop`.
  bool check_block(const ast::block& b, const expr_context& ctx);
  /// Checks one step; `ctx.bindings` grows past a `wait for ... as x`
  /// (the frame is kept in `frames`). True when the step always stops.
  bool check_step(const ast::step& s, expr_context& ctx, std::deque<binding_frame>& frames);
  void check_split(const ast::step& s, const ast::split_step& split, const expr_context& ctx, bool& terminates);
  /// Whether every path through a block passes a wait (or a `stop`).
  [[nodiscard]] bool always_waits(const ast::block& b) const;
  [[nodiscard]] bool step_waits(const ast::step& s) const;
  flow_index current_flow_ = no_index;

  // --- tests (checker_tests.cpp) --------------------------------------------
  void check_test(test_index t);

  // --- state ------------------------------------------------------------------
  [[nodiscard]] const grammar::source_set& sources() const { return program_.sources; }
  [[nodiscard]] std::string_view text(grammar::span s) const { return program_.sources.text(s); }

  checked_program program_;
  grammar::diagnostic_list& diagnostics_;
  std::vector<file_scope> scopes_;
  /// Expression facts while checking; a deque so references stay valid.
  std::deque<expr_info> infos_;

  definition_walk constants_;
  definition_walk segments_;
  std::vector<bool> segment_used_;
  std::vector<bool> constant_used_;
  std::vector<bool> binding_used_;
  /// (file, event name) pairs already warned about as undeclared.
  std::set<std::pair<file_index, std::string>, std::less<>> undeclared_warned_;
  /// Sorted names of declared events, for "did you mean".
  std::vector<std::string> event_names_;
  /// Split names and labels of the flow being checked.
  std::vector<std::pair<std::string, grammar::span>> split_names_;
  std::uint32_t unnamed_splits_ = 0;
  /// Where the policy's time zone was set, for the conflict note.
  std::optional<grammar::span> time_zone_where_;
  /// External names of `map` declarations seen so far.
  std::map<std::string, grammar::span, std::less<>> mapping_names_;
  std::uint64_t suggestion_budget_ = 50'000'000;
  std::vector<std::optional<std::vector<std::string>>> visible_names_;
  /// Time zone names of the tz database, sorted; loaded on first use.
  std::optional<std::vector<std::string>> zone_names_;
};

}  // namespace afterflow::check
