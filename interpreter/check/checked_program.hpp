// The checker's result: a program whose every name is resolved and every
// expression typed, ready to be lowered without any name lookup.
//
// A `checked_program` owns everything: the source texts, each file's AST,
// and the tables below. Later stages read it and never look a name up by
// text again:
//
//   files        every loaded file (roots and imports, standard modules
//                included) with its AST, its direct imports and the
//                declarations it holds
//   events       declared event schemas, global
//   segments     file-scoped `segment` declarations
//   constants    file-scoped `const` declarations with their folded values
//                (these three in dependency order: a file after the files
//                it imports; within a file, source order)
//   flows        global, in run order: root files in the order given, then
//                imported files in load order; within a file, source order
//   bindings     every `wait for ... as x`, with the flow it belongs to
//   policy       the `policy` blocks of all files, merged
//   mappings     `map` declarations (external event name -> event), global
//   tests        every `test`, in run order like flows, with the flows it
//                runs and what each line refers to
//
// Per-expression facts live in one side table, `expressions`, indexed by a
// dense `expr_index` in the order the checker visited them (deterministic),
// and found from an AST node with `info(expr)`. For each expression it
// holds the static type, the folded value when the expression is a
// compile-time constant, and what the node means:
//
//   name_expr    name_info: segment / constant / trigger / event / binding /
//                customer / now / event name (an aggregate's subject)
//   member_expr  member_info: an event property (with its schema field when
//                declared), an event's `time` or `customer`, a customer
//                attribute, a property of a value only known at run time,
//                or an aggregate's property (`sum(order_placed.total)`)
//   call_expr    call_info: the built-in, and for aggregates the event,
//                property and window
//   others       no meaning: literals and lists carry their value in
//                `constant`; `(x)` has the type and constant of `x`;
//                operators are typed, and folded when their operands are
//                constants
//
// An aggregate's subject is annotated too: `order_placed` in
// `count(order_placed)` is a name_info{event_name} of type `event
// order_placed`, and `order_placed.total` in `sum(order_placed.total)` a
// member_info{aggregate_property}. An expression that failed to check has
// type `error` (and nodes below an unknown function are recorded unchecked,
// with type `error`), so `info()` works on any node of any file.
//
// Pointers into the ASTs (`decl`, `step`, `node`) stay valid for the life of
// the program, moves included: the ASTs' nodes live in heap buffers that a
// move hands over unchanged. The lookup maps are hash maps keyed by node
// address; they are only ever used for lookups, never iterated, so no
// output can depend on their order.
//
// When the checker reported errors, the tables still describe everything
// that checked; later stages should not run on such a program.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <variant>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/source.hpp"
#include "interpreter/check/constants.hpp"
#include "stdlib/builtins.hpp"
#include "stdlib/types.hpp"

namespace afterflow::check {

/// Indices into the tables of a `checked_program`.
using file_index = std::uint32_t;
using event_index = std::uint32_t;
using segment_index = std::uint32_t;
using constant_index = std::uint32_t;
using flow_index = std::uint32_t;
using binding_index = std::uint32_t;
using test_index = std::uint32_t;
using expr_index = std::uint32_t;

/// "No entry": an undeclared event, an unresolved reference.
inline constexpr std::uint32_t no_index = 0xFFFFFFFFU;

// ---------------------------------------------------------------------------
// Per-expression facts

/// What a bare name refers to.
enum class name_kind : unsigned char {
  segment,     ///< `index`: the segment; the value is a bool
  constant,    ///< `index`: the constant (its value is also in `expr_info::constant`)
  trigger,     ///< the event that started the run; `index`: its schema or no_index
  event,       ///< the candidate event of the innermost `where`; `index`: schema or no_index
  binding,     ///< a `wait for ... as x` name; `index`: the binding
  customer,    ///< the current customer
  now,         ///< the current simulated time
  event_name,  ///< an aggregate's subject (`count(order_placed)`); `index`: schema or no_index
};

struct name_info {
  name_kind kind = name_kind::customer;
  std::uint32_t index = no_index;
};

/// What `object.member` reads.
enum class member_kind : unsigned char {
  event_property,      ///< a property of an event value; `field` set when declared
  event_time,          ///< `.time` of an event
  event_customer,      ///< `.customer` of an event (the customer's id)
  customer_attribute,  ///< `customer.x`
  dynamic_property,    ///< `.x` of a value whose type is only known at run time
  aggregate_property,  ///< `order_placed.total` as the subject of `sum`/`avg`/`min`/`max`
};

struct member_info {
  member_kind kind = member_kind::dynamic_property;
  event_index schema = no_index;   ///< the event's schema, when declared
  std::uint32_t field = no_index;  ///< index into `event_schema::fields`, when declared
};

/// An aggregate call's subject and window.
struct aggregate_info {
  std::string event;                        ///< the event name
  event_index schema = no_index;            ///< its schema, when declared
  std::string property;                     ///< `sum`/`avg`/`min`/`max`: the property; else empty
  std::optional<grammar::duration> window;  ///< `within:`; absent: the whole history
  const ast::expr* filter = nullptr;        ///< the `where` condition, or null
};

struct call_info {
  stdlib::builtin_id builtin = stdlib::builtin_id::count;
  std::optional<aggregate_info> aggregate;  ///< set for aggregates
};

struct expr_info {
  const ast::expr* node = nullptr;
  stdlib::type type;
  std::variant<std::monostate, name_info, member_info, call_info> meaning;
  /// Set when the expression's value is known at check time.
  std::optional<constant_value> constant;
};

// ---------------------------------------------------------------------------
// Global and file tables

struct field_schema {
  std::string name;
  stdlib::type_kind type = stdlib::type_kind::any;
  bool optional = false;
  grammar::span where;
};

struct event_schema {
  std::string name;
  file_index file = 0;
  const ast::event_decl* decl = nullptr;
  std::vector<field_schema> fields;  ///< declaration order, without duplicates

  /// The field called `name`, or null.
  [[nodiscard]] const field_schema* field(std::string_view name) const;
  /// Its index in `fields`, or no_index.
  [[nodiscard]] std::uint32_t field_index(std::string_view name) const;
};

struct segment_entry {
  std::string name;
  file_index file = 0;
  const ast::segment_decl* decl = nullptr;
};

struct constant_entry {
  std::string name;
  file_index file = 0;
  const ast::const_decl* decl = nullptr;
  stdlib::type type;
  std::optional<constant_value> value;  ///< absent when the declaration failed to check
};

struct binding_entry {
  std::string name;
  std::string event;  ///< the awaited event
  flow_index flow = 0;
  const ast::wait_for_step* step = nullptr;
};

/// A `split` of a flow, with the name its assignment hash uses: the written
/// name, or `#N` for the N-th (1-based) unnamed split of the flow.
struct split_entry {
  const ast::split_step* step = nullptr;
  std::string name;
};

struct flow_entry {
  std::string name;
  file_index file = 0;
  const ast::flow_decl* decl = nullptr;
  std::vector<std::string> trigger_events;         ///< distinct, in clause order
  stdlib::type trigger_type;                       ///< the type of `trigger`
  std::optional<grammar::duration> reentry_after;  ///< `reentry after d`
  std::vector<binding_index> bindings;             ///< in source order
  std::vector<split_entry> splits;                 ///< in source order
};

struct quiet_hours_entry {
  std::int32_t from = 0;  ///< seconds since local midnight
  std::int32_t to = 0;
  std::string channel;  ///< empty: every channel without its own entry
  grammar::span where;
};

struct limit_entry {
  std::string channel;
  std::int64_t count = 0;
  grammar::duration window{};
  grammar::span where;
};

/// Every `policy` block of the program, merged. A channel's own
/// `quiet_hours` entry replaces the all-channel one for that channel.
struct program_policy {
  std::optional<std::string> time_zone;                ///< validated against the tz database
  grammar::span time_zone_where;                       ///< where `time_zone` was set
  std::optional<quiet_hours_entry> quiet_hours;        ///< for every channel
  std::vector<quiet_hours_entry> channel_quiet_hours;  ///< declaration order
  std::vector<limit_entry> limits;                     ///< declaration order
};

struct event_mapping {
  std::string external_name;  ///< "Order Completed"
  std::string event;          ///< `order_placed`
  /// `target: source` renames, in source order: the afterflow property
  /// `first` takes the external property `second`.
  std::vector<std::pair<std::string, std::string>> renames;
  file_index file = 0;
  const ast::map_decl* decl = nullptr;
};

/// What one test line refers to, aligned with `test_decl::items`.
struct test_item_entry {
  /// Events: the absolute time (`after` resolved); `run until`: the time.
  std::optional<grammar::instant> time;
  flow_index flow = no_index;        ///< `expect exit` / `expect goal`
  segment_index segment = no_index;  ///< `expect ... in <segment>`
};

struct test_entry {
  std::string name;
  file_index file = 0;
  const ast::test_decl* decl = nullptr;
  /// The flows this test runs, in run order: those of its file and of every
  /// file it imports, directly or not.
  std::vector<flow_index> flows;
  std::vector<test_item_entry> items;
};

struct checked_file {
  grammar::file_id source = 0;  ///< in `checked_program::sources`
  std::string identity;
  bool from_stdlib = false;
  bool root = false;
  ast::file syntax;
  std::vector<file_index> imports;  ///< direct imports, in source order
  std::vector<event_index> events;  ///< declared here, in source order
  std::vector<segment_index> segments;
  std::vector<constant_index> constants;
  std::vector<flow_index> flows;
  std::vector<test_index> tests;
};

struct checked_program {
  grammar::source_set sources;
  std::vector<checked_file> files;  ///< load order (see module_loader.hpp)
  std::vector<file_index> roots;    ///< in the order given
  std::vector<event_schema> events;
  std::vector<segment_entry> segments;
  std::vector<constant_entry> constants;
  std::vector<flow_entry> flows;  ///< run order
  std::vector<binding_entry> bindings;
  program_policy policy;
  std::vector<event_mapping> mappings;  ///< dependency order
  std::vector<test_entry> tests;        ///< run order, like flows
  std::vector<expr_info> expressions;   ///< visit order

  /// The facts about `e`; every expression of every file has an entry.
  [[nodiscard]] const expr_info& info(const ast::expr& e) const;
  /// The facts about `e`, or null for a node that is not part of the program.
  [[nodiscard]] const expr_info* find_info(const ast::expr& e) const;
  /// The binding a `wait for ... as x` step introduces, or no_index.
  [[nodiscard]] binding_index binding_of(const ast::wait_for_step& step) const;
  /// The schema of the event called `name`, or null when undeclared.
  [[nodiscard]] const event_schema* find_event(std::string_view name) const;
  /// The flow called `name`, or no_index.
  [[nodiscard]] flow_index find_flow(std::string_view name) const;

  // Lookup indexes, filled by the checker; never iterated.
  std::unordered_map<const ast::expr*, expr_index> expression_index;
  std::unordered_map<const ast::wait_for_step*, binding_index> binding_index_by_step;
  std::map<std::string, event_index, std::less<>> event_by_name;
  std::map<std::string, flow_index, std::less<>> flow_by_name;
};

}  // namespace afterflow::check
