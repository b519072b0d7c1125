// The typed abstract syntax tree of a `.flow` file.
//
// The tree is what the parser produces and what the checker, the formatter and
// the compiler read; nothing else about the source is needed after parsing
// (comments are kept beside the tree for the formatter). Shape:
//
//   file        = declarations in source order (import, const, event, segment,
//                 policy, map, flow, test)
//   flow        = header clauses (trigger, when, exit, goal, reentry, key,
//                 transactional) + a block of steps
//   step        = one statement (wait, send, if, split, ...), a std::variant
//   expr        = one expression node, a std::variant; children are owned
//                 through std::unique_ptr (the tree is move-only)
//
// Every node carries a `span` (file + byte range) so any stage can point at
// it. Names are kept as written (`identifier`); resolution is the checker's
// job and lives in its own tables, never in the tree. Literals keep both
// their value and, where the formatter must reproduce it, their spelling.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "grammar/operators.hpp"
#include "grammar/source.hpp"
#include "grammar/time.hpp"

namespace afterflow::grammar::ast {

/// A name as written, with where it was written.
struct identifier {
  std::string name;
  span where;
};

/// A string literal: its unescaped value and the span of the quoted text.
struct string_literal {
  std::string value;
  span where;
};

// ---------------------------------------------------------------------------
// Expressions

struct expr;
using expr_ptr = std::unique_ptr<expr>;

struct null_literal {};
struct bool_literal {
  bool value = false;
};
struct number_literal {
  double value = 0;
  std::string text;  ///< as written, e.g. "1000", "2.50"
};
struct string_value {
  std::string value;  ///< unescaped
};
/// `30s 15m 12h 3d 2w 1d12h`.
struct duration_literal {
  duration value{};
  std::string text;  ///< as written, e.g. "1d12h"
};
/// `10:00`, `21:30:15`; seconds since local midnight.
struct time_of_day_literal {
  std::int32_t seconds = 0;
  std::string text;
};
/// An absolute instant in RFC 3339 form, `2026-03-01T09:00:00Z`,
/// `2026-03-01T10:00:00.250+01:00`.
struct timestamp_literal {
  instant value{};
  std::string text;
};
struct list_expr {
  std::vector<expr> items;
};
/// A bare name: `trigger`, `event`, `customer`, `now`, a segment, a constant,
/// an `as` binding, an event name (as an aggregate's argument).
struct name_expr {
  identifier name;
};
/// `object.member`
struct member_expr {
  expr_ptr object;
  identifier member;
};

using grammar::unary_op;

struct unary_expr {
  unary_op op = unary_op::logical_not;
  span op_where;
  expr_ptr operand;
};

using grammar::binary_op;

struct binary_expr {
  binary_op op = binary_op::add;
  span op_where;  ///< the operator token itself
  expr_ptr lhs;
  expr_ptr rhs;
};

/// One call argument; `name` is set for named arguments (`within: 365d`).
struct call_argument {
  std::optional<identifier> name;
  expr_ptr value;
};

/// `callee(args)`. History aggregates accept a filter after their first
/// argument: `count(order_placed where event.total > 50, within: 30d)`.
struct call_expr {
  identifier callee;
  std::vector<call_argument> arguments;
  expr_ptr filter;     ///< the `where` expression, or null
  span where_keyword;  ///< span of `where` when `filter` is set
};

/// `(inner)`: kept so the formatter can reproduce the author's grouping.
struct paren_expr {
  expr_ptr inner;
};

using expr_node =
    std::variant<null_literal, bool_literal, number_literal, string_value, duration_literal, time_of_day_literal,
                 timestamp_literal, list_expr, name_expr, member_expr, unary_expr, binary_expr, call_expr, paren_expr>;

struct expr {
  span where;
  expr_node node;
};

/// `name: value` in a property list (`send` params, `emit` props, test events).
struct property {
  identifier name;
  expr value;
};

// ---------------------------------------------------------------------------
// Steps

struct step;

/// `{ steps }`
struct block {
  span where;  ///< from `{` to `}`
  std::vector<step> steps;
};

/// `wait <duration>`
struct wait_step {
  expr duration;
};

enum class weekday : unsigned char { mon, tue, wed, thu, fri, sat, sun };

/// `mon..fri` or a single day (`first == last`).
struct day_range {
  weekday first = weekday::mon;
  weekday last = weekday::mon;
  span where;
};

/// `wait until <time> [on <days>] [in <tz-expr>]`
struct wait_until_step {
  expr time_of_day;
  std::vector<day_range> days;  ///< empty: every day
  std::optional<expr> time_zone;
};

/// `wait for <event> [as <name>] [where <expr>] within <duration>
///  [{ received }] [timeout { timed_out }]`
struct wait_for_step {
  identifier event;
  std::optional<identifier> binding;
  std::optional<expr> condition;
  expr within;
  std::optional<block> received;
  std::optional<block> timed_out;
  span timeout_keyword;  ///< span of `timeout` when `timed_out` is set
};

struct if_branch {
  span keyword;  ///< `if` or `else if`
  expr condition;
  block body;
};

/// `if c { } else if c { } else { }`
struct if_step {
  std::vector<if_branch> branches;  ///< at least one
  std::optional<block> otherwise;
  span else_keyword;  ///< span of the final `else` when `otherwise` is set
};

/// `N% label { ... }`
struct split_arm {
  double percent = 0;
  std::string percent_text;  ///< as written, without `%`
  span percent_where;        ///< `N%`
  identifier label;
  block body;
};

/// `split ["name"] { arms }`
struct split_step {
  std::optional<string_literal> name;
  std::vector<split_arm> arms;
};

/// `send <channel> "<template>" [{ params }]`
struct send_step {
  identifier channel;
  string_literal template_name;
  std::vector<property> params;
  bool has_params_block = false;  ///< `{ }` written, even if empty
};

/// `set customer.<attribute> = <value>`
struct set_step {
  identifier target;     ///< `customer`, as written
  identifier attribute;  ///< the attribute name
  expr value;
};

/// `tag "<name>"` / `untag "<name>"`
struct tag_step {
  bool remove = false;  ///< untag
  string_literal tag;
};

/// `emit <event> [{ props }]`
struct emit_step {
  identifier event;
  std::vector<property> properties;
  bool has_properties_block = false;
};

/// `repeat <n> times { ... }`
struct repeat_step {
  expr count;
  block body;
};

/// `stop ["reason"]`
struct stop_step {
  std::optional<string_literal> reason;
};

/// `log "<text>"`
struct log_step {
  string_literal text;
};

using step_node = std::variant<wait_step, wait_until_step, wait_for_step, if_step, split_step, send_step, set_step,
                               tag_step, emit_step, repeat_step, stop_step, log_step>;

struct step {
  span where;  ///< the whole statement, including nested blocks
  step_node node;
};

// ---------------------------------------------------------------------------
// Flows

/// `<event> [where <expr>]`, as used by `trigger`, `exit on` and `goal`.
struct event_pattern {
  span where;  ///< from the event name to the end of the condition
  identifier event;
  std::optional<expr> condition;
};

enum class reentry_kind : unsigned char { never, always, after };

/// `reentry never | always | after <duration>`
struct reentry_clause {
  span where;
  reentry_kind kind = reentry_kind::never;
  std::optional<expr> after;  ///< set for `after`
};

struct flow_decl {
  identifier name;
  std::optional<string_literal> description;
  std::vector<event_pattern> triggers;  ///< `trigger` lines: any of them starts a run
  std::vector<expr> filters;            ///< `when` lines, all must hold
  std::vector<event_pattern> exits;     ///< `exit on` lines
  std::vector<event_pattern> goals;     ///< `goal` lines
  std::optional<reentry_clause> reentry;
  std::optional<expr> key;
  std::optional<span> transactional;  ///< `transactional`: exempt from quiet hours and caps
  block body;                         ///< the steps; its span runs from the flow's `{` to `}`
};

// ---------------------------------------------------------------------------
// Declarations

/// `import "ecommerce"` or `import "common.flow"`
struct import_decl {
  string_literal path;
};

/// `const name = expr`
struct const_decl {
  identifier name;
  expr value;
};

/// `name: type` inside an event schema; types are `string`, `number`, `bool`,
/// `duration`, `time`, `list`, `any`. `name?: type` marks a field that
/// producers may leave out (`emit` must give every other field).
struct field_decl {
  identifier name;
  identifier type;
  bool optional = false;
};

/// `event name { fields }`
struct event_decl {
  identifier name;
  std::vector<field_decl> fields;
};

/// `segment name = expr`
struct segment_decl {
  identifier name;
  expr condition;
};

/// `timezone "<zone>"`
struct policy_timezone {
  string_literal zone;
};

/// `quiet_hours <from> to <to> [for <channel>, ...]`
struct policy_quiet_hours {
  expr from;
  expr to;
  std::vector<identifier> channels;  ///< empty: every channel
};

/// `limit <channel> <n> per <duration>`
struct policy_limit {
  identifier channel;
  expr count;
  expr window;
};

using policy_item_node = std::variant<policy_timezone, policy_quiet_hours, policy_limit>;

struct policy_item {
  span where;
  policy_item_node node;
};

/// `policy { items }`
struct policy_decl {
  std::vector<policy_item> items;
};

/// `target: source` inside a map: the afterflow property `target` takes the
/// value of the external property `source` (an identifier or a string).
struct map_property {
  identifier target;
  std::string source;
  span source_where;
  bool source_quoted = false;
};

/// `map "<external name>" to <event> [{ target: source, ... }]`: maps an event
/// name used by an external tracking spec (Segment, RudderStack) onto an
/// afterflow event, renaming properties where the two differ.
struct map_decl {
  string_literal external_name;
  identifier event;
  std::vector<map_property> properties;
};

// ---------------------------------------------------------------------------
// Tests

/// A customer id as written in a test: an identifier (`c1`) or a string
/// (`"cust-42"`); `value` holds the id either way.
struct customer_ref {
  std::string id;
  span where;
  bool quoted = false;
};

/// `customer <id> { attributes }`
struct test_customer {
  customer_ref customer;
  std::vector<property> attributes;
};

enum class time_anchor : unsigned char { at, after };

/// `at <timestamp>` or `after <duration>` (relative to the previous line).
struct test_time {
  time_anchor anchor = time_anchor::at;
  expr value;  ///< timestamp_literal for `at`, a duration for `after`
};

/// `<time> <event> <customer> [{ props }]`
struct test_event {
  test_time time;
  identifier event;
  customer_ref customer;
  std::vector<property> properties;
  bool has_properties_block = false;
};

/// `run until <timestamp>`
struct test_run_until {
  expr until;
};

/// `allow other sends`
struct test_allow_other_sends {};

/// Which kind of send outcome an `expect` line is about.
enum class send_expectation : unsigned char {
  send,        ///< `expect send`: delivered
  no_send,     ///< `expect no send`
  suppressed,  ///< `expect suppressed`: blocked by a frequency cap
  deferred,    ///< `expect deferred`: moved by quiet hours
};

/// `expect [no] send|suppressed|deferred <channel> ["<template>"] [to <customer>]
///  [at <time> | between <time> and <time>] [with { params }]`
/// For `no send` the channel is optional too.
struct expect_send {
  send_expectation kind = send_expectation::send;
  std::optional<identifier> channel;
  std::optional<string_literal> template_name;
  std::optional<customer_ref> customer;
  std::optional<expr> at;
  std::optional<expr> between_start;
  std::optional<expr> between_end;
  std::vector<property> with;
  bool has_with = false;
};

/// `expect count send <channel> <op> <n>`; op is one of == != < <= > >=.
struct expect_count {
  identifier channel;
  binary_op op = binary_op::equal;
  span op_where;
  expr count;
};

/// `expect exit <flow> for <customer> reason <reason>`; the reason is an
/// event name, `goal`, `finished`, or a quoted `stop` text.
struct expect_exit {
  identifier flow;
  customer_ref customer;
  std::string reason;
  span reason_where;
  bool reason_quoted = false;
};

/// `expect goal <flow> for <customer>`
struct expect_goal {
  identifier flow;
  customer_ref customer;
};

/// `expect <customer> [not] in <segment>`
struct expect_segment {
  customer_ref customer;
  bool negated = false;
  identifier segment;
};

using test_item_node = std::variant<test_customer, test_event, test_run_until, test_allow_other_sends, expect_send,
                                    expect_count, expect_exit, expect_goal, expect_segment>;

struct test_item {
  span where;
  test_item_node node;
};

/// `test "<name>" { items }`
struct test_decl {
  string_literal name;
  std::vector<test_item> items;
};

// ---------------------------------------------------------------------------
// Files

using declaration_node =
    std::variant<import_decl, const_decl, event_decl, segment_decl, policy_decl, map_decl, flow_decl, test_decl>;

struct declaration {
  span where;
  declaration_node node;
};

/// A `#` comment, kept for the formatter. `where` covers `#` to the end of
/// the line (line end excluded); `own_line` is true when only whitespace
/// precedes it on its line.
struct comment {
  span where;
  bool own_line = false;
};

struct file {
  file_id id = 0;
  std::vector<declaration> declarations;
  std::vector<comment> comments;  ///< in source order
};

/// The spelling of operators and keywords, shared by the formatter, the AST
/// printer and diagnostics.
[[nodiscard]] const char* spelling(binary_op op);
[[nodiscard]] const char* spelling(unary_op op);
[[nodiscard]] const char* spelling(weekday day);
/// Whether `e` is the `null` literal, parentheses aside: `x == null` with it
/// is a presence test, not a comparison (docs/language.md, "null").
[[nodiscard]] bool is_null_literal(const expr& e);
/// The words after `expect`: `send`, `no send`, `suppressed`, `deferred`.
[[nodiscard]] const char* spelling(send_expectation kind);

}  // namespace afterflow::grammar::ast

namespace afterflow {
/// The AST is the grammar stage's product; every later stage reads it as `ast::`.
namespace ast = grammar::ast;
}  // namespace afterflow
