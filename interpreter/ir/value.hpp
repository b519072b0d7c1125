// The runtime value.
//
// A `value` is a 16-byte, trivially copyable tagged view: scalars are held
// inline, strings and lists point at bytes owned elsewhere (the event being
// processed, a `record`, the program's constants). Views make the hot path
// allocation-free: the event log reader hands out values that point into its
// parse buffer, and only what must outlive the current event (a run's
// trigger, a customer attribute) is copied, into a `record`.
//
// Durations and times are microseconds (a time is microseconds since the
// Unix epoch, UTC); a time of day is seconds since local midnight.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace afterflow::ir {

enum class value_kind : unsigned char {
  null,
  boolean,
  number,
  string,
  duration,
  time,
  time_of_day,
  list,
  event,
};

struct event_view;

class value {
 public:
  constexpr value() : payload_{.integer = 0} {}

  [[nodiscard]] static constexpr value null() { return {}; }
  [[nodiscard]] static constexpr value boolean(bool b) { return value(value_kind::boolean, {.boolean = b}); }
  [[nodiscard]] static constexpr value number(double n) { return value(value_kind::number, {.number = n}); }
  [[nodiscard]] static constexpr value duration(std::int64_t micros) {
    return value(value_kind::duration, {.integer = micros});
  }
  [[nodiscard]] static constexpr value time(std::int64_t micros) {
    return value(value_kind::time, {.integer = micros});
  }
  [[nodiscard]] static constexpr value time_of_day(std::int32_t seconds) {
    return value(value_kind::time_of_day, {.integer = seconds});
  }
  [[nodiscard]] static value string(std::string_view s) {
    value v(value_kind::string, {.chars = s.data()});
    v.size_ = static_cast<std::uint32_t>(s.size());
    return v;
  }
  [[nodiscard]] static value list(std::span<const value> items) {
    value v(value_kind::list, {.items = items.data()});
    v.size_ = static_cast<std::uint32_t>(items.size());
    return v;
  }
  [[nodiscard]] static value event(const event_view* e) {
    return e == nullptr ? null() : value(value_kind::event, {.event = e});
  }

  [[nodiscard]] value_kind kind() const { return kind_; }
  [[nodiscard]] bool is(value_kind k) const { return kind_ == k; }
  [[nodiscard]] bool is_null() const { return kind_ == value_kind::null; }

  [[nodiscard]] bool as_bool() const { return payload_.boolean; }
  [[nodiscard]] double as_number() const { return payload_.number; }
  /// Duration or time, in microseconds; time of day, in seconds.
  [[nodiscard]] std::int64_t as_integer() const { return payload_.integer; }
  [[nodiscard]] std::string_view as_string() const { return {payload_.chars, size_}; }
  [[nodiscard]] std::span<const value> as_list() const { return {payload_.items, size_}; }
  [[nodiscard]] const event_view& as_event() const { return *payload_.event; }

  /// `true` only for the boolean true: conditions treat null (and, for
  /// robustness, any non-boolean) as false.
  [[nodiscard]] bool truthy() const { return kind_ == value_kind::boolean && payload_.boolean; }

 private:
  union payload {
    bool boolean;
    double number;
    std::int64_t integer;
    const char* chars;
    const value* items;
    const event_view* event;
  };
  constexpr value(value_kind k, payload p) : payload_(p), kind_(k) {}

  payload payload_;
  std::uint32_t size_ = 0;
  value_kind kind_ = value_kind::null;
};

static_assert(sizeof(value) == 16);

/// Deep equality with afterflow's rules: kinds must match (a number never
/// equals a string), numbers compare as doubles, lists element-wise, events
/// by identity. `null == null` is true.
[[nodiscard]] bool equal(const value& a, const value& b);

/// The name of a kind, as used in messages: "number", "time_of_day".
[[nodiscard]] std::string_view name_of(value_kind k);

}  // namespace afterflow::ir
