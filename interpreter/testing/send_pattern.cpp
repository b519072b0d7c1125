#include "interpreter/testing/send_pattern.hpp"

#include <cstdlib>

#include <fmt/format.h>

#include "grammar/text/time_text.hpp"
#include "grammar/text/timestamp.hpp"
#include "interpreter/ir/value_format.hpp"

namespace afterflow::testing {

using check::constant_value;
using check::null_value;
using check::time_of_day_value;
using check::to_source_text;
using grammar::duration_text;
using grammar::format_timestamp;
using ir::symbol_table;
using ir::value_text;
using runtime::owned_action;
using runtime::send_status;
using stdlib::type_kind;
using stdlib::value;

namespace {

// Runtime values as a test writes them. Actions never hold event values, so
// the symbol table value_text needs for those can be empty.
std::string actual_text(const value& v) {
  const symbol_table none;
  return value_text(v, none);
}

const value* find_param(const owned_action& a, std::string_view name) {
  const auto entries = a.params.entries();
  for (std::size_t i = 0; i < a.param_names.size() && i < entries.size(); ++i) {
    if (a.param_names[i] == name) return &entries[i].data;
  }
  return nullptr;
}

std::string params_text(const owned_action& a) {
  if (a.param_names.empty()) return {};
  std::string out = " {";
  const auto entries = a.params.entries();
  for (std::size_t i = 0; i < a.param_names.size() && i < entries.size(); ++i) {
    out += i == 0 ? " " : ", ";
    out += fmt::format("{}: {}", a.param_names[i], actual_text(entries[i].data));
  }
  return out + " }";
}

std::string status_text(const owned_action& a) {
  std::string out;
  if (a.deferred_from) out += fmt::format(", deferred from {}", format_timestamp(*a.deferred_from));
  if (a.status == send_status::suppressed) out += fmt::format(", suppressed ({})", a.reason);
  return out;
}

bool is_identifier(std::string_view s) {
  if (s.empty()) return false;
  const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (!alpha(s.front())) return false;
  for (const char c : s) {
    if (!alpha(c) && !(c >= '0' && c <= '9')) return false;
  }
  return true;
}

std::string quoted(std::string_view s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

}  // namespace

bool same_value(const constant_value& expected, const value& actual) {
  return std::visit(
      [&](const auto& x) -> bool {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, null_value>) {
          return actual.is_null();
        } else if constexpr (std::is_same_v<T, bool>) {
          return actual.is(type_kind::boolean) && actual.as_bool() == x;
        } else if constexpr (std::is_same_v<T, double>) {
          return actual.is(type_kind::number) && actual.as_number() == x;
        } else if constexpr (std::is_same_v<T, std::string>) {
          return actual.is(type_kind::string) && actual.as_string() == x;
        } else if constexpr (std::is_same_v<T, grammar::duration>) {
          return actual.is(type_kind::duration) && actual.as_duration() == x;
        } else if constexpr (std::is_same_v<T, grammar::instant>) {
          return actual.is(type_kind::time) && actual.as_time() == x;
        } else if constexpr (std::is_same_v<T, time_of_day_value>) {
          return actual.is(type_kind::time_of_day) && actual.as_integer() == x.seconds;
        } else {
          if (!actual.is(type_kind::list) || actual.as_list().size() != x.size()) return false;
          const auto items = actual.as_list();
          for (std::size_t i = 0; i < x.size(); ++i) {
            if (!same_value(x[i], items[i])) return false;
          }
          return true;
        }
      },
      expected.value);
}

std::string time_difference(grammar::instant expected, grammar::instant actual) {
  if (actual == expected) return "at the same time";
  const auto distance = actual > expected ? actual - expected : expected - actual;
  return fmt::format("{} {}", duration_text(distance), actual > expected ? "later" : "earlier");
}

std::vector<std::string> send_pattern::mismatches(const owned_action& a) const {
  std::vector<std::string> out;
  const bool suppressed = a.status == send_status::suppressed;
  switch (outcome) {
    case send_outcome::sent:
      if (suppressed) out.push_back(fmt::format("was suppressed ({})", a.reason));
      break;
    case send_outcome::deferred:
      if (suppressed) {
        out.push_back(fmt::format("was suppressed ({})", a.reason));
      } else if (!a.deferred_from) {
        out.emplace_back("was not deferred");
      }
      break;
    case send_outcome::suppressed:
      if (!suppressed) out.emplace_back("was sent, not suppressed");
      break;
    case send_outcome::any: break;
  }
  if (channel && *channel != a.channel) out.push_back(fmt::format("channel is {}, not {}", a.channel, *channel));
  if (template_name && *template_name != a.template_name) {
    out.push_back(fmt::format("template is {}, not {}", quoted(a.template_name), quoted(*template_name)));
  }
  if (customer && *customer != a.customer) {
    out.push_back(fmt::format("to {}, not {}", customer_text(a.customer), customer_text(*customer)));
  }
  if (from && to && *from == *to) {
    if (a.time != *from) out.push_back(time_difference(*from, a.time));
  } else {
    if (from && a.time < *from) {
      out.push_back(fmt::format("{} before the window", duration_text(*from - a.time)));
    }
    if (to && a.time > *to) out.push_back(fmt::format("{} after the window", duration_text(a.time - *to)));
  }
  for (const auto& [name, expected] : params) {
    const auto* actual = find_param(a, name);
    if (actual == nullptr) {
      if (!std::holds_alternative<null_value>(expected.value)) out.push_back(fmt::format("has no `{}`", name));
    } else if (!same_value(expected, *actual)) {
      out.push_back(fmt::format("`{}` is {}, not {}", name, actual_text(*actual), to_source_text(expected)));
    }
  }
  return out;
}

bool send_pattern::matches(const owned_action& a) const { return mismatches(a).empty(); }

std::string send_pattern::describe() const {
  std::string out;
  const auto add = [&](std::string_view part) {
    if (!out.empty()) out += ' ';
    out += part;
  };
  if (channel) add(*channel);
  if (template_name) add(quoted(*template_name));
  if (customer) add(fmt::format("to {}", customer_text(*customer)));
  if (from && to && *from == *to) {
    add(fmt::format("at {}", format_timestamp(*from)));
  } else if (from && to) {
    add(fmt::format("between {} and {}", format_timestamp(*from), format_timestamp(*to)));
  } else if (from) {
    add(fmt::format("at or after {}", format_timestamp(*from)));
  } else if (to) {
    add(fmt::format("at or before {}", format_timestamp(*to)));
  }
  if (!params.empty()) {
    std::string with = "with {";
    for (std::size_t i = 0; i < params.size(); ++i) {
      with += i == 0 ? " " : ", ";
      with += fmt::format("{}: {}", params[i].first, to_source_text(params[i].second));
    }
    add(with + " }");
  }
  return out;
}

std::string customer_text(std::string_view id) { return is_identifier(id) ? std::string(id) : quoted(id); }

std::string describe_untimed(const owned_action& a) {
  return fmt::format("{} {} to {}{}{}", a.channel, quoted(a.template_name), customer_text(a.customer), params_text(a),
                     status_text(a));
}

std::string describe(const owned_action& a) {
  return fmt::format("{} {} to {} at {}{}{}", a.channel, quoted(a.template_name), customer_text(a.customer),
                     format_timestamp(a.time), params_text(a), status_text(a));
}

std::string expect_line_for(const owned_action& a) {
  const char* kind = a.status == send_status::suppressed ? "suppressed" : a.deferred_from ? "deferred" : "send";
  return fmt::format("expect {} {} {} to {} at {}", kind, a.channel, quoted(a.template_name), customer_text(a.customer),
                     format_timestamp(a.time));
}

}  // namespace afterflow::testing
