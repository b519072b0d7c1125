// The static types of the flow language.
//
// The checker gives every expression one of these types; the interpreter
// never needs them at run time (values carry their own tags) but the compiler
// reads them to pick specialised operations. The set is small and closed:
//
//   any          a value whose type is only known at run time: properties of
//                undeclared events, `any` fields, customer attributes
//   null         the `null` literal
//   bool number string duration time time_of_day list
//   event        an event value; when the event's name is known statically
//                (`trigger`, `event` in a `where`, an `as` binding, `last(E)`)
//                the type carries it, so `.member` can be checked against the
//                event's schema
//   customer     the current customer (`customer`): its attributes are `any`
//   error        given to an expression that already failed to check, so the
//                failure is reported once and never cascades
//
// `type` is a small value: a kind plus, for events, the event's name.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace afterflow::stdlib {

enum class type_kind : unsigned char {
  error,
  any,
  null,
  boolean,
  number,
  string,
  duration,
  time,
  time_of_day,
  list,
  event,
  customer,
};

/// A static type. `event_name` is set only for `type_kind::event` when the
/// event's name is known; an `event` without a name is "some event".
struct type {
  type_kind kind = type_kind::error;
  std::string event_name;

  [[nodiscard]] static type of(type_kind k) { return {k, {}}; }
  [[nodiscard]] static type event_of(std::string_view name) { return {type_kind::event, std::string(name)}; }

  [[nodiscard]] bool is(type_kind k) const { return kind == k; }
  [[nodiscard]] bool is_error() const { return kind == type_kind::error; }
  /// `any` or `error`: a type that every check accepts without a report.
  [[nodiscard]] bool is_dynamic() const { return kind == type_kind::any || kind == type_kind::error; }
  friend bool operator==(const type&, const type&) = default;
};

/// The keyword-style name of a kind: "number", "time_of_day", "event".
[[nodiscard]] std::string_view name_of(type_kind k);

/// The name of a type as shown in messages, without backticks:
/// "number", "event order_placed", "event".
[[nodiscard]] std::string display_name(const type& t);

/// The type a field declaration names (`total: number`): the kinds a
/// schema may use are any, bool, number, string, duration, time,
/// time_of_day and list. Returns nothing for an unknown type name.
[[nodiscard]] std::optional<type_kind> field_type_from_name(std::string_view name);

/// The names `field_type_from_name` accepts, in a fixed order (for
/// "did you mean" and documentation).
[[nodiscard]] std::span<const std::string_view> field_type_names();

/// Whether a value of type `value` may stand where `expected` is wanted
/// without a report: equal kinds (event names must agree when both are
/// known), or either side is `any`, `error` or `null`.
[[nodiscard]] bool assignable(const type& value, const type& expected);

}  // namespace afterflow::stdlib
