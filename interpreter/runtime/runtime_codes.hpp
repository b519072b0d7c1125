// Codes of run-time errors: problems only the data reveals (docs/semantics.md
// §12). Each ends the run in question with reason `error`; the replay goes
// on and `afterflow run` exits with status 1.
#pragma once

#include <array>
#include <string_view>

#include "grammar/diagnostic.hpp"

namespace afterflow::runtime::codes {

inline constexpr std::string_view step_limit = "E2001";
inline constexpr std::string_view emit_depth = "E2002";
inline constexpr std::string_view null_duration = "E2003";
inline constexpr std::string_view unknown_zone = "E2004";
inline constexpr std::string_view bad_attribute = "E2005";
inline constexpr std::string_view null_time_of_day = "E2006";
inline constexpr std::string_view input_budget = "E2007";
inline constexpr std::string_view beyond_time = "E2008";

inline constexpr std::array<grammar::code_info, 8> table{{
    {step_limit, "too many steps without waiting",
     "A run executed more steps than the limit (10,000 by default) without waiting, usually "
     "a `repeat` whose count is far larger than intended. The run ends with reason `error`."},
    {emit_depth, "emitted events nested too deeply",
     "An `emit` would create an event while handling an event emitted while handling an "
     "emitted event ... deeper than the limit (16): flows are emitting events that trigger "
     "each other in a loop. The emitting run ends with reason `error`."},
    {null_duration, "a wait without a duration",
     "`wait` or `wait for ... within` got `null` or a value of the wrong kind at run time, for "
     "example `wait trigger.days_of_supply * 1d` for an event without that property. Give a "
     "default: `wait coalesce(trigger.days_of_supply, 30) * 1d`."},
    {unknown_zone, "unknown time zone in the data",
     "`wait until ... in <expr>` evaluated to a name that is not in the tz database, e.g. a "
     "customer attribute holding `CET+1`. Use IANA names such as `Europe/Prague`."},
    {bad_attribute, "a customer attribute could not be set",
     "`set customer.timezone = ...` was given a value that is not a known time zone; the "
     "attribute keeps its old value."},
    {null_time_of_day, "a wait until without a time of day",
     "`wait until (<expr>)` got `null` or a value that is not a time of day at run time, for "
     "example `wait until (customer.send_time)` for a customer without that attribute. Give a "
     "default: `wait until coalesce(customer.send_time, 10:00)`."},
    {input_budget, "one input set off too much work",
     "One event from the log, or one timer firing, set off more emitted events (10,000 by "
     "default) or more steps over all the runs it reached (1,000,000) than the limit, usually "
     "flows whose emits fan out: `emit x  emit x` in a flow triggered by `x` doubles the events "
     "at every level. The run that crossed the limit ends with reason `error`, the emitted events "
     "still queued are dropped, and every other run that tries a step for the same input ends "
     "too; one error reports all of it."},
    {beyond_time, "a wait that ends after the last time",
     "A `wait`, `wait for ... within`, `wait until` or a quiet-hours deferral would end after "
     "9999-12-31T23:59:59.999999Z, the last time afterflow reads and writes, usually a duration "
     "computed from data such as `wait trigger.days * 1d` with a huge `days`. The run ends "
     "with reason `error`."},
}};

}  // namespace afterflow::runtime::codes
