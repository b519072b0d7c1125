#include "stdlib/builtins.hpp"

#include <array>

namespace afterflow::stdlib {

namespace {

using k = type_kind;

constexpr type_set any_value{k::any};
constexpr type_set ordered{k::number, k::string, k::duration, k::time, k::time_of_day};

constexpr std::array aggregate_params{
    parameter{"within", {k::duration}, true, false, true},
};
constexpr std::array time_param{
    parameter{"t", {k::time}},
};
constexpr std::array time_zone_params{
    parameter{"t", {k::time}},
    parameter{"zone", {k::string}, true},
};
constexpr std::array string_param{
    parameter{"s", {k::string}},
};
constexpr std::array contains_params{
    parameter{"haystack", {k::string, k::list}},
    parameter{"needle", any_value},
};
constexpr std::array affix_params{
    parameter{"s", {k::string}},
    parameter{"affix", {k::string}},
};
constexpr std::array sized_param{
    parameter{"x", {k::string, k::list}},
};
constexpr std::array any_param{
    parameter{"x", any_value},
};
constexpr std::array number_param{
    parameter{"n", {k::number}},
};
constexpr std::array round_params{
    parameter{"n", {k::number}},
    parameter{"digits", {k::number}, true},
};
constexpr std::array ordered_params{
    parameter{"a", ordered},
    parameter{"b", ordered, false, true},
};
constexpr std::array coalesce_params{
    parameter{"a", any_value},
    parameter{"b", any_value, false, true},
};

constexpr auto agg = builtin_kind::aggregate;
constexpr auto sca = builtin_kind::scalar;
constexpr auto ev = aggregate_subject::event;
constexpr auto prop = aggregate_subject::event_property;
constexpr auto fixed = return_rule::fixed;

// The documented order: aggregates, time, text and lists, numbers, values.
constexpr std::array table{
    builtin{builtin_id::count, "count", agg, ev, aggregate_params, fixed, k::number,
            "count(E [where cond], within: d) -> number", "how many events `E` the customer has (0 when none)",
            "segment repeat_buyer = count(order_placed) >= 2"},
    builtin{builtin_id::exists, "exists", agg, ev, aggregate_params, fixed, k::boolean,
            "exists(E [where cond], within: d) -> bool",
            "whether the customer has at least one event `E` (false when none)",
            "when not exists(order_returned, within: 90d)"},
    builtin{builtin_id::sum, "sum", agg, prop, aggregate_params, fixed, k::number,
            "sum(E.property [where cond], within: d) -> number",
            "the sum of a number property over the customer's events `E` (null when none)",
            "segment vip = sum(order_placed.total, within: 365d) >= 1000"},
    builtin{builtin_id::avg, "avg", agg, prop, aggregate_params, fixed, k::number,
            "avg(E.property [where cond], within: d) -> number",
            "the mean of a number property over the customer's events `E` (null when none)",
            "if avg(review_submitted.score) < 3 { send task \"check_in\" }"},
    builtin{builtin_id::min, "min", agg, prop, aggregate_params, fixed, k::number,
            "min(E.property [where cond], within: d) -> number",
            "the smallest value of a number property over events `E` (null when none)",
            "when min(nps_submitted.score, within: 180d) >= 9"},
    builtin{builtin_id::max, "max", agg, prop, aggregate_params, fixed, k::number,
            "max(E.property [where cond], within: d) -> number",
            "the largest value of a number property over events `E` (null when none)",
            "when max(order_placed.total) > 500"},
    builtin{builtin_id::first, "first", agg, ev, aggregate_params, return_rule::subject_event, k::event,
            "first(E [where cond], within: d) -> event E", "the customer's oldest event `E` (null when none)",
            "if days_since(first(order_placed).time) > 365 { tag \"loyal\" }"},
    builtin{builtin_id::last, "last", agg, ev, aggregate_params, return_rule::subject_event, k::event,
            "last(E [where cond], within: d) -> event E", "the customer's newest event `E` (null when none)",
            "segment promoter = last(nps_submitted).score >= 9"},

    builtin{builtin_id::days_since, "days_since", sca, ev, time_param, fixed, k::number,
            "days_since(t: time) -> number", "whole days from `t` to `now`, rounded down (negative when `t` is later)",
            "when days_since(last(order_placed).time) >= 60"},
    builtin{builtin_id::hours_since, "hours_since", sca, ev, time_param, fixed, k::number,
            "hours_since(t: time) -> number",
            "whole hours from `t` to `now`, rounded down (negative when `t` is later)",
            "if hours_since(trigger.time) > 48 { stop \"too late\" }"},
    builtin{builtin_id::minutes_since, "minutes_since", sca, ev, time_param, fixed, k::number,
            "minutes_since(t: time) -> number",
            "whole minutes from `t` to `now`, rounded down (negative when `t` is later)",
            "if minutes_since(trigger.time) < 30 { wait 30m }"},
    builtin{builtin_id::local_hour, "local_hour", sca, ev, time_zone_params, fixed, k::number,
            "local_hour(t: time [, zone: string]) -> number",
            "the hour (0-23) of `t` in `zone`, else the customer's time zone, else the "
            "policy's, else UTC",
            "if local_hour(now) >= 20 { wait until 09:00 }"},
    builtin{builtin_id::weekday, "weekday", sca, ev, time_zone_params, fixed, k::string,
            "weekday(t: time [, zone: string]) -> string",
            "the day of the week of `t` (\"mon\" to \"sun\") in `zone`, else the customer's, "
            "policy's or UTC time zone",
            "if weekday(now) in [\"sat\", \"sun\"] { wait until 10:00 on mon }"},
    builtin{builtin_id::date_of, "date_of", sca, ev, time_zone_params, fixed, k::string,
            "date_of(t: time [, zone: string]) -> string",
            "the calendar date of `t` as \"YYYY-MM-DD\" in `zone`, else the customer's, "
            "policy's or UTC time zone",
            "send email \"receipt\" { day: date_of(trigger.time) }"},

    builtin{builtin_id::lower, "lower", sca, ev, string_param, fixed, k::string, "lower(s: string) -> string",
            "`s` with ASCII letters in lower case", "when lower(trigger.category) == \"coffee\""},
    builtin{builtin_id::upper, "upper", sca, ev, string_param, fixed, k::string, "upper(s: string) -> string",
            "`s` with ASCII letters in upper case", "send sms \"code\" { code: upper(trigger.coupon) }"},
    builtin{builtin_id::contains, "contains", sca, ev, contains_params, fixed, k::boolean,
            "contains(haystack: string | list, needle) -> bool",
            "whether a string contains a substring, or a list contains an item",
            "when contains(trigger.skus, \"BEANS-1KG\")"},
    builtin{builtin_id::starts_with, "starts_with", sca, ev, affix_params, fixed, k::boolean,
            "starts_with(s: string, prefix: string) -> bool", "whether `s` begins with `prefix`",
            "when starts_with(trigger.order_id, \"B2B-\")"},
    builtin{builtin_id::ends_with, "ends_with", sca, ev, affix_params, fixed, k::boolean,
            "ends_with(s: string, suffix: string) -> bool", "whether `s` ends with `suffix`",
            "when not ends_with(customer.email, \"@example.com\")"},
    builtin{builtin_id::len, "len", sca, ev, sized_param, fixed, k::number, "len(x: string | list) -> number",
            "the number of items of a list, or of code points of a string", "when len(trigger.skus) >= 3"},
    builtin{builtin_id::to_string, "to_string", sca, ev, any_param, fixed, k::string, "to_string(x) -> string",
            "`x` as text: numbers as printed in outputs, durations as `3d`, times in RFC 3339 "
            "UTC; null stays null",
            "send sms \"total\" { text: \"total \" + to_string(trigger.total) }"},

    builtin{builtin_id::round, "round", sca, ev, round_params, fixed, k::number,
            "round(n: number [, digits: number]) -> number",
            "`n` rounded half away from zero, to `digits` decimals (default 0)",
            "send email \"points\" { points: round(trigger.total / 10) }"},
    builtin{builtin_id::floor, "floor", sca, ev, number_param, fixed, k::number, "floor(n: number) -> number",
            "the largest integer not greater than `n`", "when floor(trigger.total) >= 100"},
    builtin{builtin_id::ceil, "ceil", sca, ev, number_param, fixed, k::number, "ceil(n: number) -> number",
            "the smallest integer not less than `n`", "repeat ceil(trigger.item_count / 2) times { wait 7d }"},
    builtin{builtin_id::abs, "abs", sca, ev, number_param, fixed, k::number, "abs(n: number) -> number",
            "the absolute value of `n`", "when abs(trigger.total - 100) < 5"},
    builtin{builtin_id::least, "least", sca, ev, ordered_params, return_rule::common_argument, k::any,
            "least(a, b, ...) -> same type",
            "the smallest argument (numbers, strings, durations, times); nulls are skipped",
            "wait least(trigger.days_of_supply * 1d, 30d)"},
    builtin{builtin_id::greatest, "greatest", sca, ev, ordered_params, return_rule::common_argument, k::any,
            "greatest(a, b, ...) -> same type",
            "the largest argument (numbers, strings, durations, times); nulls are skipped",
            "wait greatest(trigger.days_of_supply * 1d - 5d, 1d)"},
    builtin{builtin_id::to_number, "to_number", sca, ev, any_param, fixed, k::number, "to_number(x) -> number",
            "`x` as a number: numbers as they are, decimal strings parsed, null otherwise",
            "when to_number(customer.age) >= 18"},

    builtin{builtin_id::coalesce, "coalesce", sca, ev, coalesce_params, return_rule::common_argument, k::any,
            "coalesce(a, b, ...) -> same type", "the first argument that is not null",
            "wait until 10:00 in coalesce(customer.timezone, \"Europe/Berlin\")"},
    builtin{builtin_id::has, "has", sca, ev, any_param, fixed, k::boolean, "has(x.property) -> bool",
            "whether a property or attribute is present and not null; the argument must be "
            "a member access",
            "when has(customer.email)"},
    builtin{builtin_id::has_tag, "has_tag", sca, ev, string_param, fixed, k::boolean, "has_tag(name: string) -> bool",
            "whether the customer carries the tag `name` (set by `tag`, removed by `untag`)",
            "when not has_tag(\"asked_for_review\")"},
};

constexpr bool table_follows_ids() {
  for (std::size_t i = 0; i < table.size(); ++i) {
    if (static_cast<std::size_t>(table[i].id) != i) return false;
  }
  return true;
}
static_assert(table_follows_ids(), "the table must list built-ins in builtin_id order");

}  // namespace

std::string type_set::describe() const {
  if (accepts_all()) return "any value";
  std::string out;
  int written = 0;
  int total = 0;
  for (unsigned i = 0; i <= static_cast<unsigned>(type_kind::customer); ++i) {
    if (contains(static_cast<type_kind>(i))) ++total;
  }
  for (unsigned i = 0; i <= static_cast<unsigned>(type_kind::customer); ++i) {
    const auto kind = static_cast<type_kind>(i);
    if (!contains(kind)) continue;
    if (written > 0) out += written + 1 == total ? " or " : ", ";
    out += '`';
    out += name_of(kind);
    out += '`';
    ++written;
  }
  return out;
}

std::span<const builtin> builtins() { return table; }

const builtin* find_builtin(std::string_view name) {
  for (const auto& b : table) {
    if (b.name == name) return &b;
  }
  return nullptr;
}

const builtin& builtin_info(builtin_id id) { return table[static_cast<std::size_t>(id)]; }

}  // namespace afterflow::stdlib
