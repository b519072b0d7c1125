// Values: what expressions compute, at check time and at run time.
//
// A `value` is a 16-byte, trivially copyable tagged view: scalars are held
// inline, strings and lists point at bytes owned elsewhere (the event being
// processed, a `record`, the program's constants). Views make the hot path
// allocation-free: the event log reader hands out values that point into its
// parse buffer, and only what must outlive the current event (a run's
// trigger, a customer attribute) is copied, into a `record`.
//
// Durations and times are grammar::duration and grammar::instant
// (microseconds); a time of day is seconds since local midnight. A value's
// kind is one of the concrete type kinds of types.hpp (never `error`, `any`
// or `customer`). The operators on values are in operators.hpp; the
// checker folds constants and the evaluator computes with the same code.
#pragma once

#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/time.hpp"
#include "stdlib/types.hpp"

namespace afterflow::stdlib {

/// An interned name (ir/symbol_table.hpp interns them).
using symbol = std::uint32_t;
inline constexpr symbol no_symbol = 0xFFFFFFFFU;

struct event_view;

class value {
 public:
  constexpr value() : payload_{.integer = 0} {}

  [[nodiscard]] static constexpr value null() { return {}; }
  [[nodiscard]] static constexpr value boolean(bool b) { return value(type_kind::boolean, {.boolean = b}); }
  [[nodiscard]] static constexpr value number(double n) { return value(type_kind::number, {.number = n}); }
  [[nodiscard]] static constexpr value duration(grammar::duration d) {
    return value(type_kind::duration, {.integer = d.count()});
  }
  [[nodiscard]] static constexpr value time(grammar::instant t) {
    return value(type_kind::time, {.integer = grammar::micros_since_epoch(t)});
  }
  [[nodiscard]] static constexpr value time_of_day(std::int32_t seconds) {
    return value(type_kind::time_of_day, {.integer = seconds});
  }
  [[nodiscard]] static value string(std::string_view s) {
    value v(type_kind::string, {.chars = s.data()});
    v.size_ = static_cast<std::uint32_t>(s.size());
    return v;
  }
  [[nodiscard]] static value list(std::span<const value> items) {
    value v(type_kind::list, {.items = items.data()});
    v.size_ = static_cast<std::uint32_t>(items.size());
    return v;
  }
  [[nodiscard]] static value event(const event_view* e) {
    return e == nullptr ? null() : value(type_kind::event, {.event = e});
  }

  [[nodiscard]] type_kind kind() const { return kind_; }
  [[nodiscard]] bool is(type_kind k) const { return kind_ == k; }
  [[nodiscard]] bool is_null() const { return kind_ == type_kind::null; }

  [[nodiscard]] bool as_bool() const { return payload_.boolean; }
  [[nodiscard]] double as_number() const { return payload_.number; }
  [[nodiscard]] grammar::duration as_duration() const { return grammar::duration(payload_.integer); }
  [[nodiscard]] grammar::instant as_time() const { return grammar::instant_from_micros(payload_.integer); }
  /// Seconds since local midnight.
  [[nodiscard]] std::int32_t as_time_of_day() const { return static_cast<std::int32_t>(payload_.integer); }
  /// The payload of a duration, time or time of day as stored (for ordering
  /// and equality, which need no unit).
  [[nodiscard]] std::int64_t as_integer() const { return payload_.integer; }
  [[nodiscard]] std::string_view as_string() const { return {payload_.chars, size_}; }
  [[nodiscard]] std::span<const value> as_list() const { return {payload_.items, size_}; }
  [[nodiscard]] const event_view& as_event() const { return *payload_.event; }

  /// `true` only for the boolean true: conditions treat null (and, for
  /// robustness, any non-boolean) as false.
  [[nodiscard]] bool truthy() const { return kind_ == type_kind::boolean && payload_.boolean; }

 private:
  union payload {
    bool boolean;
    double number;
    std::int64_t integer;
    const char* chars;
    const value* items;
    const event_view* event;
  };
  constexpr value(type_kind k, payload p) : payload_(p), kind_(k) {}

  payload payload_;
  std::uint32_t size_ = 0;
  type_kind kind_ = type_kind::null;
};

static_assert(sizeof(value) == 16);

/// Deep equality with afterflow's rules: kinds must match (a number never
/// equals a string), numbers compare as doubles, lists element-wise, events
/// by identity. `null == null` is true.
[[nodiscard]] bool equal(const value& a, const value& b);

/// Owns the strings and lists that values made outside an event view (a
/// compiled program's constants, folded constants); deques, so growing never
/// moves what earlier values point to.
struct value_storage {
  std::deque<std::string> strings;
  std::deque<std::vector<value>> lists;
};

/// A `(name, value)` entry: an event's property, a customer attribute.
struct property_entry {
  symbol name = no_symbol;
  value data;
};

/// An event as the evaluator sees it: the current event from the log, or a
/// stored one (a run's trigger, `last(E)`, an `as` binding; ir/record.hpp).
struct event_view {
  grammar::instant time{};
  symbol name = no_symbol;
  std::string_view customer;
  std::span<const property_entry> properties;

  /// The property's value, or null when the event does not carry it.
  [[nodiscard]] value get(symbol property) const;
};

}  // namespace afterflow::stdlib
