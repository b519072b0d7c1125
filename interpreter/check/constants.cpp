#include "interpreter/check/constants.hpp"

#include "grammar/format/format_text.hpp"
#include "grammar/text/json_writer.hpp"
#include "grammar/text/time_text.hpp"
#include "grammar/text/timestamp.hpp"
#include "stdlib/operators.hpp"

namespace afterflow::check {

using grammar::duration_text;
using grammar::format_number;
using grammar::format_timestamp;
using grammar::time_of_day_text;
using stdlib::type_kind;

namespace {

using stdlib::op_problem;
using stdlib::type_kind;
using stdlib::value;
using stdlib::value_storage;

constant_value make(auto v) { return constant_value{std::move(v)}; }

// What an operator's result is for the checker: a constant, a problem to
// report, or (for operators that do not apply to these kinds, which the
// type rules report) nothing.
fold_result folded(const stdlib::op_result& r) {
  switch (r.problem) {
    case op_problem::none: return to_constant(r.result);
    case op_problem::undefined: return {};
    default: return fold_failure{std::string(stdlib::message_of(r.problem))};
  }
}

}  // namespace

value to_value(const constant_value& c, value_storage& storage) {
  return std::visit(
      [&](const auto& v) -> value {
        using T = std::decay_t<decltype(v)>;
        if constexpr (std::is_same_v<T, null_value>) {
          return value::null();
        } else if constexpr (std::is_same_v<T, bool>) {
          return value::boolean(v);
        } else if constexpr (std::is_same_v<T, double>) {
          return value::number(v);
        } else if constexpr (std::is_same_v<T, std::string>) {
          return value::string(v);
        } else if constexpr (std::is_same_v<T, grammar::duration>) {
          return value::duration(v);
        } else if constexpr (std::is_same_v<T, grammar::instant>) {
          return value::time(v);
        } else if constexpr (std::is_same_v<T, time_of_day_value>) {
          return value::time_of_day(v.seconds);
        } else {
          std::vector<value> items;
          items.reserve(v.size());
          for (const auto& item : v) items.push_back(to_value(item, storage));
          return value::list(storage.lists.emplace_back(std::move(items)));
        }
      },
      c.value);
}

constant_value to_constant(const value& v) {
  switch (v.kind()) {
    case type_kind::boolean: return make(v.as_bool());
    case type_kind::number: return make(v.as_number());
    case type_kind::string: return make(std::string(v.as_string()));
    case type_kind::duration: return make(v.as_duration());
    case type_kind::time: return make(v.as_time());
    case type_kind::time_of_day: return make(time_of_day_value{v.as_time_of_day()});
    case type_kind::list: {
      constant_value::list items;
      for (const auto& item : v.as_list()) items.push_back(to_constant(item));
      return make(std::move(items));
    }
    default: return make(null_value{});
  }
}

type_kind constant_value::kind() const {
  switch (value.index()) {
    case 0: return type_kind::null;
    case 1: return type_kind::boolean;
    case 2: return type_kind::number;
    case 3: return type_kind::string;
    case 4: return type_kind::duration;
    case 5: return type_kind::time;
    case 6: return type_kind::time_of_day;
    default: return type_kind::list;
  }
}

std::string to_source_text(const constant_value& v) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, null_value>) {
          return "null";
        } else if constexpr (std::is_same_v<T, bool>) {
          return x ? "true" : "false";
        } else if constexpr (std::is_same_v<T, double>) {
          return format_number(x);
        } else if constexpr (std::is_same_v<T, std::string>) {
          return format::quote(x);
        } else if constexpr (std::is_same_v<T, grammar::duration>) {
          return duration_text(x);
        } else if constexpr (std::is_same_v<T, grammar::instant>) {
          return format_timestamp(x);
        } else if constexpr (std::is_same_v<T, time_of_day_value>) {
          return time_of_day_text(x.seconds);
        } else {
          std::string out = "[";
          for (std::size_t i = 0; i < x.size(); ++i) {
            if (i > 0) out += ", ";
            out += to_source_text(x[i]);
          }
          return out + "]";
        }
      },
      v.value);
}

bool is_truthy(const constant_value& v) {
  const auto* b = v.get<bool>();
  return b != nullptr && *b;
}

fold_result fold_unary(ast::unary_op op, const constant_value& operand) {
  value_storage storage;
  return folded(stdlib::apply(op, to_value(operand, storage)));
}

fold_result fold_binary(ast::binary_op op, const constant_value& lhs, const constant_value& rhs) {
  value_storage storage;
  return folded(stdlib::apply(op, to_value(lhs, storage), to_value(rhs, storage), storage.strings));
}

constant_value fold_presence(ast::binary_op op, const constant_value& tested) {
  const bool absent = tested.kind() == type_kind::null;
  return make(op == ast::binary_op::equal ? absent : !absent);
}

}  // namespace afterflow::check
