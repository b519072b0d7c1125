#include "stdlib/value.hpp"

namespace afterflow::stdlib {

bool equal(const value& a, const value& b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case type_kind::null: return true;
    case type_kind::boolean: return a.as_bool() == b.as_bool();
    case type_kind::number: return a.as_number() == b.as_number();
    case type_kind::string: return a.as_string() == b.as_string();
    case type_kind::duration:
    case type_kind::time:
    case type_kind::time_of_day: return a.as_integer() == b.as_integer();
    case type_kind::list: {
      const auto x = a.as_list();
      const auto y = b.as_list();
      if (x.size() != y.size()) return false;
      for (std::size_t i = 0; i < x.size(); ++i) {
        if (!equal(x[i], y[i])) return false;
      }
      return true;
    }
    case type_kind::event: return &a.as_event() == &b.as_event();
    default: return false;  // no value has another kind
  }
}

value event_view::get(symbol property) const {
  for (const auto& p : properties) {
    if (p.name == property) return p.data;
  }
  return value::null();
}

}  // namespace afterflow::stdlib
