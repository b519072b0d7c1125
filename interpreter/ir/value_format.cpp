#include "interpreter/ir/value_format.hpp"

#include <utility>

#include "grammar/text/json_writer.hpp"
#include "grammar/text/time_text.hpp"
#include "grammar/text/timestamp.hpp"
#include "interpreter/ir/record.hpp"

namespace afterflow::ir {

using grammar::append_duration;
using grammar::append_json_number;
using grammar::append_json_string;
using grammar::append_time_of_day;
using grammar::append_timestamp;
using stdlib::type_kind;
using stdlib::value;

namespace {

void append_text(std::string& out, const value& v, const symbol_table& symbols) {
  switch (v.kind()) {
    case type_kind::string: append_json_string(out, v.as_string()); return;
    case type_kind::list: {
      out.push_back('[');
      bool first = true;
      for (const auto& item : v.as_list()) {
        if (!first) out += ", ";
        first = false;
        append_text(out, item, symbols);
      }
      out.push_back(']');
      return;
    }
    case type_kind::event: {
      const auto& e = v.as_event();
      out += e.name < symbols.size() ? symbols.name(e.name) : std::string_view("event");
      out += " at ";
      append_timestamp(out, e.time);
      return;
    }
    case type_kind::time: append_timestamp(out, v.as_time()); return;
    case type_kind::duration: append_duration(out, v.as_duration()); return;
    case type_kind::time_of_day: append_time_of_day(out, v.as_time_of_day()); return;
    default: append_value_json(out, v); return;
  }
}

}  // namespace

void append_value_json(std::string& out, const value& v) {
  switch (v.kind()) {
    case type_kind::null:
    case type_kind::event:
    case type_kind::error:  // no value has these three kinds
    case type_kind::any:
    case type_kind::customer: out += "null"; return;
    case type_kind::boolean: out += v.as_bool() ? "true" : "false"; return;
    case type_kind::number: append_json_number(out, v.as_number()); return;
    case type_kind::string: append_json_string(out, v.as_string()); return;
    case type_kind::time:
      out.push_back('"');
      append_timestamp(out, v.as_time());
      out.push_back('"');
      return;
    case type_kind::duration:
      out.push_back('"');
      append_duration(out, v.as_duration());
      out.push_back('"');
      return;
    case type_kind::time_of_day:
      out.push_back('"');
      append_time_of_day(out, v.as_time_of_day());
      out.push_back('"');
      return;
    case type_kind::list: {
      out.push_back('[');
      bool first = true;
      for (const auto& item : v.as_list()) {
        if (!first) out.push_back(',');
        first = false;
        append_value_json(out, item);
      }
      out.push_back(']');
      return;
    }
  }
}

std::string value_text(const value& v, const symbol_table& symbols) {
  std::string out;
  append_text(out, v, symbols);
  return out;
}

}  // namespace afterflow::ir
