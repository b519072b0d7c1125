// The built-in function registry: one table, read by the checker (names,
// signatures, result types), the interpreter (it switches on `builtin_id`;
// the implementations live there, not here) and the documentation.
//
// Two kinds of built-ins exist:
//
//   aggregate  reads the customer's event history: `count`, `exists`, `sum`,
//              `avg`, `min`, `max`, `first`, `last`. The first argument is
//              not a value but an event name (`count(order_placed)`) or an
//              event property (`sum(order_placed.total)`); an optional
//              `where` filter follows it, in which `event` is the historical
//              event, and the named argument `within: <duration>` keeps only
//              events newer than `now - within`. With nothing matched,
//              `count` is 0, `exists` is false and the others are null.
//   scalar     an ordinary function of its arguments.
//
// The table order is fixed and documented (aggregates, then time, text,
// numbers, values): `builtins()` iterates it for the docs and for "did you
// mean", so suggestions never depend on hashing.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "stdlib/types.hpp"

namespace afterflow::stdlib {

/// Stable identity of a built-in; the interpreter switches on it.
enum class builtin_id : unsigned char {
  // aggregates over the customer's history
  count,
  exists,
  sum,
  avg,
  min,
  max,
  first,
  last,
  // time
  days_since,
  hours_since,
  minutes_since,
  local_hour,
  weekday,
  date_of,
  // text and lists
  lower,
  upper,
  contains,
  starts_with,
  ends_with,
  len,
  to_string,
  // numbers
  round,
  floor,
  ceil,
  abs,
  least,
  greatest,
  to_number,
  // values and the customer
  coalesce,
  has,
  has_tag,
};

enum class builtin_kind : unsigned char { aggregate, scalar };

/// What an aggregate's first argument names.
enum class aggregate_subject : unsigned char {
  event,           ///< `count(order_placed)`: an event name
  event_property,  ///< `sum(order_placed.total)`: an event name and a property
};

/// A set of type kinds, as a bit mask (a parameter's accepted types).
class type_set {
 public:
  constexpr type_set() = default;
  constexpr type_set(std::initializer_list<type_kind> kinds) {
    for (const auto k : kinds) bits_ |= bit(k);
  }
  [[nodiscard]] constexpr bool contains(type_kind k) const { return (bits_ & bit(k)) != 0; }
  [[nodiscard]] constexpr bool accepts_all() const { return contains(type_kind::any); }
  /// "`string` or `list`", "`number`"; "any value" when `any` is in the set.
  [[nodiscard]] std::string describe() const;

 private:
  static constexpr std::uint16_t bit(type_kind k) { return static_cast<std::uint16_t>(1U << static_cast<unsigned>(k)); }
  std::uint16_t bits_ = 0;
};

/// One parameter of a built-in.
struct parameter {
  std::string_view name;
  type_set accepts;
  bool optional = false;  ///< may be left out
  bool variadic = false;  ///< the last parameter, repeated (once at least unless optional)
  bool named = false;     ///< given only as `name: value` (`within:`)
};

/// How a built-in's result type is found.
enum class return_rule : unsigned char {
  fixed,            ///< always `result`
  subject_event,    ///< an event of the aggregate's event name (`first`, `last`)
  common_argument,  ///< the arguments' common type (`least`, `greatest`, `coalesce`)
};

struct builtin {
  builtin_id id;
  std::string_view name;
  builtin_kind kind;
  aggregate_subject subject;  ///< aggregates only
  /// Scalars: every parameter. Aggregates: the parameters after the subject
  /// (only the named `within:`).
  std::span<const parameter> parameters;
  return_rule returns;
  type_kind result;            ///< for `return_rule::fixed`
  std::string_view signature;  ///< "count(E [where cond], within: d) -> number"
  std::string_view summary;    ///< one line
  std::string_view example;    ///< a use in context
};

/// Every built-in, in the documented fixed order.
[[nodiscard]] std::span<const builtin> builtins();

/// The built-in called `name`, or null.
[[nodiscard]] const builtin* find_builtin(std::string_view name);

/// The registry entry of `id`.
[[nodiscard]] const builtin& builtin_info(builtin_id id);

}  // namespace afterflow::stdlib
