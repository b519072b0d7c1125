// The syntax error codes E0001..E0099 and what each one means.
//
// One code is one kind of mistake. The table is the source for the error
// index in the docs and for any "explain this code" help; the parser's
// messages themselves live in parse_errors.hpp. A code is never reused for a
// different mistake.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "grammar/diagnostic.hpp"

namespace afterflow::grammar {

// clang-format off
/// Every code the parser emits, in code order.
inline constexpr std::array<code_info, 12> syntax_codes = {{
  {"E0001", "unexpected token",
   "The parser expected one thing and found another: a missing `}`, a misspelled keyword, a value "
   "where a name belongs. The message says what was expected and what was found, and the caret "
   "points at the token found. For example `send email welcome` needs the template in quotes: "
   "`send email \"welcome\"`."},
  {"E0002", "unterminated string",
   "A string literal has no closing `\"` before the end of its line. Strings cannot span lines; "
   "write `\\n` for a line break inside one. For example `log \"started` must be "
   "`log \"started\"`."},
  {"E0003", "invalid escape in a string",
   "Inside a string, `\\` starts an escape: `\\\"`, `\\\\`, `\\n`, `\\t`, `\\r`, or `\\u{...}` with "
   "1 to 6 hex digits naming a Unicode scalar value. Anything else after `\\` is an error, as is a "
   "`\\u{...}` beyond `10FFFF` or in the surrogate range. For example `\"C:\\temp\"` must be "
   "written `\"C:\\\\temp\"`."},
  {"E0004", "invalid literal",
   "A number, duration, time of day or timestamp is malformed or out of range: an unknown duration "
   "unit (`3x`), units out of order (`12h1d`), a literal running into letters (`10days`), an hour "
   "past 23 (`25:00`), a month 13 or a 30th of February in a timestamp. For example `wait 3days` "
   "must be `wait 3d`."},
  {"E0005", "nesting too deep",
   "Blocks, brackets and operators nest more deeply than the parser allows (200 levels by "
   "default). Real flows never come close; the limit keeps hostile input from exhausting the "
   "stack. Each operator of a chain such as `a + b + c` is one level too, so a chain of more "
   "than 200 operators is refused (\"expression too long\"). Move parts of a deep or long "
   "expression into `const` or `segment` declarations, for example "
   "`segment big_spender = sum(order_placed.total) > 1000`."},
  {"E0006", "not UTF-8 text",
   "The file contains bytes that are not UTF-8 text: invalid UTF-8 sequences, NUL bytes or "
   "control characters other than tab, carriage return and line feed. This usually means a binary "
   "file or a file saved in another encoding such as Latin-1; save it as UTF-8. The parser reports "
   "the first such byte and does not parse the file."},
  {"E0007", "reserved word used as a name",
   "`and`, `or`, `not`, `in`, `true`, `false`, `null`, `if` and `else` are reserved and cannot name "
   "a flow, event, property, constant or segment. Every other keyword may be used as a name. For "
   "example `const in = 3` must use another name, such as `const inbound = 3`."},
  {"E0008", "file too large",
   "The file is larger than the parser accepts (64 MiB by default). Split the declarations over "
   "several files and `import` them."},
  {"E0009", "chained comparison",
   "Comparisons take exactly two operands; `a < b < c` does not mean what it does in mathematics "
   "and is rejected. Compare twice and join with `and`: `a < b and b < c`."},
  {"E0010", "header clause after the steps",
   "A flow's header clauses (`trigger`, `when`, `exit on`, `goal`, `reentry`, `key`, "
   "`transactional`) come before its first step. For example move `goal review_submitted` above "
   "`wait 3d`."},
  {"E0011", "duplicate flow clause",
   "`reentry`, `key` and `transactional` may each appear once in a flow (`trigger`, `when`, "
   "`exit on` and `goal` may repeat). For example a flow with `key trigger.order_id` and "
   "`key customer.id` must keep only one of them."},
  {"E0012", "misplaced `where` in a call",
   "A history function takes a filter right after its first argument, the event: "
   "`count(order_placed where event.total > 50, within: 30d)`. A `where` after a later argument "
   "is an error."},
}};
// clang-format on

/// The entry for `code`, if it is a syntax code.
[[nodiscard]] constexpr std::optional<code_info> find_syntax_code(std::string_view code) {
  for (const auto& info : syntax_codes) {
    if (info.code == code) return info;
  }
  return std::nullopt;
}

}  // namespace afterflow::grammar
