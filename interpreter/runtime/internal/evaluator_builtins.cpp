// The scalar built-ins of stdlib/builtins.hpp, switched on builtin_id.
// History aggregates are not here: they compile to history slots.
#include <algorithm>
#include <charconv>
#include <cmath>

#include "grammar/source.hpp"
#include "grammar/text/json_writer.hpp"
#include "grammar/text/timestamp.hpp"
#include "interpreter/ir/value_format.hpp"
#include "interpreter/runtime/internal/evaluator.hpp"
#include "stdlib/operators.hpp"

namespace afterflow::runtime {

using grammar::count_code_points;
using grammar::format_timestamp;
using ir::node;
using ir::symbol_table;
using ir::value_text;
using stdlib::builtin_id;
using stdlib::equal;
using stdlib::no_symbol;
using stdlib::type_kind;
using stdlib::value;

namespace {

using stdlib::builtin_id;

// Whole units of `unit` in `d`, rounded down (towards the past).
std::int64_t whole(grammar::duration d, grammar::duration unit) {
  const auto q = d / unit;  // rounds towards zero
  return d % unit != grammar::duration::zero() && d < grammar::duration::zero() ? q - 1 : q;
}

constexpr std::string_view weekday_names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::string ascii_case(std::string_view s, bool upper) {
  std::string out(s);
  for (auto& c : out) {
    if (upper && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (!upper && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::optional<double> parse_number(std::string_view s) {
  double out = 0;
  const auto* end = s.data() + s.size();
  const auto [ptr, ec] = std::from_chars(s.data(), end, out);
  if (ec != std::errc() || ptr != end || s.empty()) return std::nullopt;
  return out;
}

}  // namespace

std::string plain_text(const value& v, const symbol_table& symbols) {
  return v.is(type_kind::string) ? std::string(v.as_string()) : value_text(v, symbols);
}

const time_zone* evaluator::zone_argument(std::span<const value> args, std::size_t index, const eval_frame& frame) {
  // A zone argument that is absent, null or "" falls back like `wait until
  // … in`: the customer's zone, else the policy's, else UTC (customer_view::zone).
  if (args.size() > index && !args[index].is_null()) {
    if (!args[index].is(type_kind::string)) return nullptr;
    if (args[index].as_string().empty()) return frame.customer->zone != nullptr ? frame.customer->zone : utc_zone();
    return zones_.find(args[index].as_string());
  }
  return frame.customer->zone != nullptr ? frame.customer->zone : utc_zone();
}

value evaluator::eval_call(const node& n, const eval_frame& frame) {
  const auto id = static_cast<builtin_id>(n.b);
  // coalesce evaluates lazily: the first non-null argument wins.
  if (id == builtin_id::coalesce) {
    for (std::uint32_t i = 0; i < n.c; ++i) {
      const auto v = eval(program_.arguments[n.a + i], frame);
      if (!v.is_null()) return v;
    }
    return value::null();
  }
  const auto base = argument_stack_.size();
  for (std::uint32_t i = 0; i < n.c; ++i) {
    const auto v = eval(program_.arguments[n.a + i], frame);
    argument_stack_.push_back(v);
  }
  const std::span<const value> args(argument_stack_.data() + base, n.c);
  struct pop_on_exit {
    std::vector<value>& stack;
    std::size_t base;
    ~pop_on_exit() { stack.resize(base); }
  } pop{argument_stack_, base};

  const auto arg_is = [&](std::size_t i, type_kind k) { return args.size() > i && args[i].is(k); };

  switch (id) {
    case builtin_id::days_since:
    case builtin_id::hours_since:
    case builtin_id::minutes_since: {
      if (!arg_is(0, type_kind::time)) return value::null();
      const grammar::duration unit = id == builtin_id::days_since    ? std::chrono::hours(24)
                                     : id == builtin_id::hours_since ? std::chrono::hours(1)
                                                                     : std::chrono::minutes(1);
      return value::number(static_cast<double>(whole(frame.now - args[0].as_time(), unit)));
    }
    case builtin_id::local_hour:
    case builtin_id::weekday:
    case builtin_id::date_of: {
      if (!arg_is(0, type_kind::time)) return value::null();
      const auto* zone = zone_argument(args, 1, frame);
      if (zone == nullptr) return value::null();
      const auto local = to_local(zone, args[0].as_time());
      if (id == builtin_id::local_hour) return value::number(local.seconds_of_day / 3600);
      if (id == builtin_id::weekday) return value::string(weekday_names[local.weekday]);
      const auto text = format_timestamp(grammar::instant(std::chrono::days(local.days)));
      return make_string(text.substr(0, 10));
    }
    case builtin_id::lower:
    case builtin_id::upper:
      if (!arg_is(0, type_kind::string)) return value::null();
      return make_string(ascii_case(args[0].as_string(), id == builtin_id::upper));
    case builtin_id::contains: {
      if (args.size() < 2 || args[1].is_null()) return value::null();
      if (args[0].is(type_kind::list)) {
        const auto items = args[0].as_list();
        return value::boolean(
            std::any_of(items.begin(), items.end(), [&](const value& item) { return equal(item, args[1]); }));
      }
      if (args[0].is(type_kind::string) && args[1].is(type_kind::string)) {
        return value::boolean(args[0].as_string().find(args[1].as_string()) != std::string_view::npos);
      }
      return value::null();
    }
    case builtin_id::starts_with:
    case builtin_id::ends_with:
      if (!arg_is(0, type_kind::string) || !arg_is(1, type_kind::string)) return value::null();
      return value::boolean(id == builtin_id::starts_with ? args[0].as_string().starts_with(args[1].as_string())
                                                          : args[0].as_string().ends_with(args[1].as_string()));
    case builtin_id::len:
      if (arg_is(0, type_kind::list)) return value::number(static_cast<double>(args[0].as_list().size()));
      if (arg_is(0, type_kind::string)) return value::number(count_code_points(args[0].as_string()));
      return value::null();
    case builtin_id::to_string:
      if (args.empty() || args[0].is_null()) return value::null();
      if (args[0].is(type_kind::string)) return args[0];
      return make_string(plain_text(args[0], symbols_));
    case builtin_id::round: {
      if (!arg_is(0, type_kind::number)) return value::null();
      double digits = 0;
      if (args.size() > 1) {
        if (!args[1].is(type_kind::number)) return value::null();
        digits = std::clamp(std::trunc(args[1].as_number()), 0.0, 15.0);
      }
      const double scale = std::pow(10.0, digits);
      return value::number(std::round(args[0].as_number() * scale) / scale);
    }
    case builtin_id::floor:
      return arg_is(0, type_kind::number) ? value::number(std::floor(args[0].as_number())) : value::null();
    case builtin_id::ceil:
      return arg_is(0, type_kind::number) ? value::number(std::ceil(args[0].as_number())) : value::null();
    case builtin_id::abs:
      return arg_is(0, type_kind::number) ? value::number(std::fabs(args[0].as_number())) : value::null();
    case builtin_id::least:
    case builtin_id::greatest: {
      std::optional<value> best;
      for (const auto& v : args) {
        if (v.is_null()) continue;
        if (!best) {
          best = v;
          continue;
        }
        const auto c = stdlib::compare(v, *best);
        if (!c) return value::null();  // mixed kinds
        if (id == builtin_id::least ? *c < 0 : *c > 0) best = v;
      }
      return best.value_or(value::null());
    }
    case builtin_id::to_number:
      if (arg_is(0, type_kind::number)) return args[0];
      if (arg_is(0, type_kind::string)) {
        const auto parsed = parse_number(args[0].as_string());
        return parsed ? value::number(*parsed) : value::null();
      }
      return value::null();
    case builtin_id::has: return value::boolean(!args.empty() && !args[0].is_null());
    case builtin_id::has_tag: {
      if (!arg_is(0, type_kind::string)) return value::null();
      const auto tag = symbols_.find(args[0].as_string());
      if (tag == no_symbol) return value::boolean(false);
      if (frame.customer->tags == nullptr) return value::boolean(false);
      const auto& tags = *frame.customer->tags;
      return value::boolean(std::find(tags.begin(), tags.end(), tag) != tags.end());
    }
    default:
      // Aggregates and coalesce are handled elsewhere; reaching here is a
      // compiler bug, and null is the safe answer.
      return value::null();
  }
}

}  // namespace afterflow::runtime
