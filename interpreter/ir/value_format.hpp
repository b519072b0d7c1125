// Runtime values as text: in actions (JSON) and in `explain` (plain words).
//
// One place decides how each kind of value is written so that actions,
// explanations and error messages agree (semantics §14):
//
//   kind         JSON (actions)            plain text (explain)
//   string       "ok"                      "ok" (quoted)
//   number       150, 84.5 (format_number) 150, 84.5
//   bool, null   true, null                true, null
//   time         "2026-03-09T14:00:00Z"    2026-03-09T14:00:00Z
//   duration     "1d12h"                   1d12h
//   time of day  "10:00", "10:00:30"       10:00, 10:00:30
//   list         [1,"a"]                   [1, "a"]
//   event        null                      order_placed at 2026-03-01T09:00:00Z
//
// Durations use the language's units, largest first and without weeks
// (`1d12h`, `90s` is `1m30s`, `0s`); a fraction of a second, which only
// arithmetic produces, is written as decimals of the seconds (`1.5s`).
#pragma once

#include <cstdint>
#include <string>

#include "interpreter/ir/symbol_table.hpp"
#include "stdlib/value.hpp"

namespace afterflow::ir {

/// The JSON form of a value, appended to `out`.
void append_value_json(std::string& out, const stdlib::value& v);

/// The plain-text form of a value, for `explain` (strings quoted).
[[nodiscard]] std::string value_text(const stdlib::value& v, const symbol_table& symbols);

}  // namespace afterflow::ir
