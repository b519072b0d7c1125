#include "stdlib/types.hpp"

#include <array>

namespace afterflow::stdlib {

namespace {

constexpr std::array<std::string_view, 8> field_types{"string", "number",      "bool", "duration",
                                                      "time",   "time_of_day", "list", "any"};

}  // namespace

std::string_view name_of(type_kind k) {
  switch (k) {
    case type_kind::error: return "error";
    case type_kind::any: return "any";
    case type_kind::null: return "null";
    case type_kind::boolean: return "bool";
    case type_kind::number: return "number";
    case type_kind::string: return "string";
    case type_kind::duration: return "duration";
    case type_kind::time: return "time";
    case type_kind::time_of_day: return "time_of_day";
    case type_kind::list: return "list";
    case type_kind::event: return "event";
    case type_kind::customer: return "customer";
  }
  return "?";
}

std::string display_name(const type& t) {
  if (t.kind == type_kind::event && !t.event_name.empty()) return "event " + t.event_name;
  return std::string(name_of(t.kind));
}

std::optional<type_kind> field_type_from_name(std::string_view name) {
  if (name == "string") return type_kind::string;
  if (name == "number") return type_kind::number;
  if (name == "bool") return type_kind::boolean;
  if (name == "duration") return type_kind::duration;
  if (name == "time") return type_kind::time;
  if (name == "time_of_day") return type_kind::time_of_day;
  if (name == "list") return type_kind::list;
  if (name == "any") return type_kind::any;
  return std::nullopt;
}

std::span<const std::string_view> field_type_names() { return field_types; }

bool assignable(const type& value, const type& expected) {
  if (value.is_dynamic() || expected.is_dynamic()) return true;
  if (value.kind == type_kind::null || expected.kind == type_kind::null) return true;
  if (value.kind != expected.kind) return false;
  if (value.kind == type_kind::event && !value.event_name.empty() && !expected.event_name.empty()) {
    return value.event_name == expected.event_name;
  }
  return true;
}

}  // namespace afterflow::stdlib
