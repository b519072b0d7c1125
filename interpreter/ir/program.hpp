// The compiled program: what the simulator executes.
//
// `compile` (compiler.hpp) lowers a checked program into this flat form so
// that the hot path never looks a name up, never walks the AST and never
// allocates per node:
//
//   expressions   one vector of 16-byte `node`s; a node's operands are node
//                 indices, symbols or indices into side vectors; an
//                 expression is the index of its root node
//   flows         each flow's steps become a vector of `instruction`s with
//                 jumps (if/else, splits, repeat loops and `wait for`
//                 blocks are all jumps); a run is a flow plus a program
//                 counter, so suspending at a wait is just remembering `pc`
//   history       every distinct history aggregate (`count(order_placed)`,
//                 `sum(order_placed.total, within: 365d)`) becomes a slot
//                 that is updated once when an event of its type arrives,
//                 so no customer's full history is ever kept
//   indexes       event symbol → the triggers, exit/goal patterns and history
//                 slots that care about it
//
// Names are interned symbols (symbol_table.hpp). Durations and instants are
// grammar::duration and grammar::instant; times of day are seconds since
// local midnight.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

#include "grammar/operators.hpp"
#include "grammar/time.hpp"
#include "interpreter/ir/symbol_table.hpp"
#include "stdlib/builtins.hpp"
#include "stdlib/value.hpp"

namespace afterflow::ir {

using node_index = std::uint32_t;
inline constexpr node_index no_node = 0xFFFFFFFFU;

// ---------------------------------------------------------------------------
// Expressions

enum class op : unsigned char {
  constant,            ///< constants[a]
  now,                 ///< the current simulated time
  event,               ///< the candidate event of the innermost `where`
  trigger,             ///< the run's trigger event
  binding,             ///< the event bound to slot a (`as x`), null before/after a timeout
  event_property,      ///< property symbol b of the event node a (null for a non-event)
  event_time,          ///< `.time` of the event node a
  event_customer,      ///< `.customer` of the event node a
  customer_attribute,  ///< customer attribute symbol a
  customer_id,         ///< `customer.id`
  customer_timezone,   ///< `customer.timezone`: the attribute, null when absent
  customer_tags,       ///< `customer.tags`: the customer's tags, a list of strings
  segment,             ///< segments[a]
  aggregate,           ///< history slot a
  call,                ///< built-in b (a stdlib::builtin_id) over args [a, a + c) of `arguments`
  list,                ///< a list of args [a, a + c) of `arguments`
  logical_not,         ///< node a
  is_null,             ///< `a == null`: node a is null
  is_not_null,         ///< `a != null` and `has(a)`: node a is not null
  negate,              ///< node a
  logical_and,         ///< nodes a, b; short-circuit
  logical_or,          ///< nodes a, b; short-circuit
  binary,              ///< grammar::binary_op c over nodes a, b (comparison, arithmetic, in; never and/or)
};

struct node {
  op code = op::constant;
  std::uint32_t a = 0;
  std::uint32_t b = 0;
  std::uint32_t c = 0;
};

static_assert(sizeof(node) == 16);

/// A segment: its name (for explain) and its condition.
struct segment_program {
  std::string name;
  node_index condition = no_node;
};

// ---------------------------------------------------------------------------
// History

/// One distinct aggregate over a customer's history.
struct history_slot {
  stdlib::builtin_id function = stdlib::builtin_id::count;
  stdlib::symbol event = stdlib::no_symbol;
  stdlib::symbol property = stdlib::no_symbol;  ///< sum/avg/min/max: the property; else no_symbol
  node_index filter = no_node;
  /// False: the filter reads only `event` and constants, so it is evaluated
  /// once, when an event arrives, and the slot keeps a running result. True:
  /// it also reads what changes after the event arrived (`trigger`,
  /// `customer`, `now`, an `as` name, a segment, another aggregate), so the
  /// slot keeps the events themselves and the filter is evaluated when the
  /// aggregate is read.
  bool filter_at_read = false;
  std::optional<grammar::duration> window;  ///< `within:`
  /// What a remembered event keeps (first/last results, read-time filters):
  /// the properties the filter reads from `event`, the summed property and
  /// those read from the result (`last(nps).score`). Sorted.
  std::vector<stdlib::symbol> kept_properties;
};

// ---------------------------------------------------------------------------
// Flows

struct pattern {
  stdlib::symbol event = stdlib::no_symbol;
  node_index condition = no_node;  ///< no_node: always
  std::uint32_t location = 0;      ///< the clause's line, for `explain`
};

enum class reentry_mode : unsigned char {
  single,  ///< default: at most one active run per key
  never,   ///< one run per key, ever
  always,  ///< concurrent runs allowed
  after,   ///< refused while one is active or one started less than `reentry_after` ago
};

enum class instr : unsigned char {
  wait,           ///< a: duration node
  wait_until,     ///< a: time-of-day node, b: weekday mask, c: zone node or no_node
  wait_for,       ///< a: index into `flow_program::waits`
  jump,           ///< a: target pc
  jump_if_not,    ///< a: condition node, b: target pc when the condition is not true
  split,          ///< a: index into `flow_program::splits`
  send,           ///< a: index into `flow_program::sends`
  set_attribute,  ///< a: attribute symbol, b: value node
  tag,            ///< a: tag symbol
  untag,          ///< a: tag symbol
  emit,           ///< a: index into `flow_program::emits`
  repeat_start,   ///< a: counter slot, b: count node, c: pc after the loop
  repeat_next,    ///< a: counter slot, b: pc of the loop body's start
  stop,           ///< a: reason string index into `program::texts`, or no_symbol for plain `stop`
  log,            ///< a: text index into `program::texts`
  finish,         ///< the end of the flow's steps
};

struct instruction {
  instr code = instr::finish;
  /// The first instruction of a step (the step limit counts these; jumps,
  /// loop ends, `else if` tests and `finish` are not steps).
  bool starts_step = false;
  std::uint32_t a = 0;
  std::uint32_t b = 0;
  std::uint32_t c = 0;
  std::uint32_t location = 0;  ///< index into `program::locations` ("file.flow:12")
};

/// A `{ name: value }` entry of `send` params or `emit` properties.
struct property_program {
  stdlib::symbol name = stdlib::no_symbol;
  node_index value = no_node;
};

struct wait_for_program {
  pattern awaited;
  node_index within = no_node;          ///< duration node
  std::uint32_t binding = 0xFFFFFFFFU;  ///< binding slot, or none
  std::uint32_t received_pc = 0;        ///< where to continue when the event arrives
  std::uint32_t received_end_pc = 0;    ///< the pc just after the received block
  std::uint32_t timeout_pc = 0;         ///< where to continue on timeout
};

struct split_arm_program {
  std::uint32_t upper_bucket = 0;  ///< exclusive cumulative bound in [0, 10000]
  stdlib::symbol label = stdlib::no_symbol;
  std::uint32_t pc = 0;
};

struct split_program {
  std::string name;  ///< as hashed: the written name or `#N`
  std::vector<split_arm_program> arms;
};

struct send_program {
  stdlib::symbol channel = stdlib::no_symbol;
  stdlib::symbol template_name = stdlib::no_symbol;
  std::vector<property_program> params;
};

struct emit_program {
  stdlib::symbol event = stdlib::no_symbol;
  std::vector<property_program> properties;
};

struct flow_program {
  std::string name;
  stdlib::symbol name_symbol = stdlib::no_symbol;
  std::uint32_t location = 0;  ///< the `flow` line
  std::vector<pattern> triggers;
  std::vector<node_index> filters;              ///< `when`: all must hold
  std::vector<std::uint32_t> filter_locations;  ///< each `when` line, for `explain`
  std::vector<pattern> exits;
  std::vector<pattern> goals;
  reentry_mode reentry = reentry_mode::single;
  grammar::duration reentry_after{};  ///< for `reentry_mode::after`
  node_index key = no_node;           ///< no_node: the customer id
  bool transactional = false;
  std::vector<instruction> code;  ///< starts at pc 0, ends with `finish`
  std::vector<wait_for_program> waits;
  std::vector<split_program> splits;
  std::vector<send_program> sends;
  std::vector<emit_program> emits;
  std::uint32_t binding_slots = 0;
  std::uint32_t counter_slots = 0;
};

// ---------------------------------------------------------------------------
// Policy and mapping

struct quiet_hours_program {
  std::int32_t from = 0;  ///< seconds since local midnight
  std::int32_t to = 0;
};

struct limit_program {
  stdlib::symbol channel = stdlib::no_symbol;
  std::uint32_t count = 0;
  grammar::duration window{};
};

struct policy_program {
  std::string time_zone;                           ///< empty: UTC
  std::optional<quiet_hours_program> quiet_hours;  ///< every channel without its own
  std::vector<std::pair<stdlib::symbol, quiet_hours_program>> channel_quiet_hours;
  std::vector<limit_program> limits;
};

struct mapping_program {
  std::string external_name;
  stdlib::symbol event = stdlib::no_symbol;
  /// (afterflow property, external property name)
  std::vector<std::pair<stdlib::symbol, std::string>> renames;
};

// ---------------------------------------------------------------------------

struct program {
  symbol_table symbols;
  std::vector<node> nodes;
  std::vector<std::string> node_source;  ///< source text of each node, for `explain`
  std::vector<node_index> arguments;     ///< operand lists of `call` and `list` nodes
  std::vector<stdlib::value> constants;  ///< their strings and lists live in `constant_storage`
  stdlib::value_storage constant_storage;
  std::vector<std::string> texts;      ///< `stop` reasons, `log` texts
  std::vector<std::string> locations;  ///< "file.flow:12"
  std::vector<segment_program> segments;
  std::vector<history_slot> history;
  std::vector<flow_program> flows;  ///< run order
  policy_program policy;
  std::vector<mapping_program> mappings;

  /// Per event symbol (indexed by symbol; shorter than the table when the
  /// event is used by nothing): the (flow, trigger) pairs it starts, in flow
  /// order, and the history slots it feeds.
  std::vector<std::vector<std::pair<std::uint32_t, std::uint32_t>>> triggers_by_event;
  std::vector<std::vector<std::uint32_t>> history_by_event;
  /// Per event symbol (same indexing): whether anything in the program can
  /// react to the event (a trigger, an exit, a goal, a `wait for`, a history
  /// slot). Other events only make their customer known.
  std::vector<bool> event_matters;
  /// Properties of each event that the program ever reads (symbol-indexed
  /// like above): the event log reader extracts only these.
  std::vector<std::vector<stdlib::symbol>> properties_by_event;
  /// True when some expression reads properties of an event whose name is
  /// only known at run time (`x.prop` on an `any`): then every property of
  /// every event is extracted.
  bool reads_all_properties = false;
  /// Properties read from events whose name is not known statically (the
  /// `trigger` of a flow with several trigger events): extracted from every
  /// event.
  std::vector<stdlib::symbol> properties_of_every_event;
  /// Declared schema fields per event symbol (same indexing): the event log
  /// reader converts RFC 3339 strings of `time` fields into times and
  /// rejects values of the wrong type for declared fields.
  std::vector<std::vector<std::pair<stdlib::symbol, stdlib::type_kind>>> fields_by_event;

  /// Customer attributes some expression reads (`customer.x`), sorted. Only
  /// these are kept per customer; `timezone` sets the zone either way.
  std::vector<stdlib::symbol> customer_attributes_read;

  // Well-known symbols, interned by the compiler.
  stdlib::symbol tags_symbol = stdlib::no_symbol;      ///< "tags"
  stdlib::symbol timezone_symbol = stdlib::no_symbol;  ///< "timezone"
};

}  // namespace afterflow::ir
