#include "interpreter/ir/value.hpp"

namespace afterflow::ir {

bool equal(const value& a, const value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case value_kind::null: return true;
    case value_kind::boolean: return a.as_bool() == b.as_bool();
    case value_kind::number: return a.as_number() == b.as_number();
    case value_kind::string: return a.as_string() == b.as_string();
    case value_kind::duration:
    case value_kind::time:
    case value_kind::time_of_day: return a.as_integer() == b.as_integer();
    case value_kind::list: {
      const auto x = a.as_list();
      const auto y = b.as_list();
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (!equal(x[i], y[i])) return false;
      }
      return true;
    }
    case value_kind::event: return &a.as_event() == &b.as_event();
  }
  return false;
}

std::string_view name_of(value_kind k) {
  switch (k) {
    case value_kind::null: return "null";
    case value_kind::boolean: return "bool";
    case value_kind::number: return "number";
    case value_kind::string: return "string";
    case value_kind::duration: return "duration";
    case value_kind::time: return "time";
    case value_kind::time_of_day: return "time_of_day";
    case value_kind::list: return "list";
    case value_kind::event: return "event";
  }
  return "?";
}

}  // namespace afterflow::ir
