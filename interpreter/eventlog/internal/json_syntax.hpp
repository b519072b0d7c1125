// Where a line of JSON goes wrong, and how to say it.
//
// simdjson tells that a document is malformed, not where or why in words a
// user can act on. When it rejects a line, the readers run this small,
// strict RFC 8259 checker over that one line (the error path only, never
// the hot path) to find the first problem and phrase it rustc-style:
// "expected `,` or `}`, found `\"`", "unterminated string",
// "invalid escape `\q` in a string", "unexpected `x` after the JSON value".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "interpreter/eventlog/input_limits.hpp"

namespace afterflow::eventlog {

struct json_syntax_error {
  std::string_view code;  ///< malformed_json or invalid_utf8 (log_codes.hpp)
  std::size_t offset = 0;
  std::size_t length = 0;
  std::string message;
};

/// The first problem in `text` read as exactly one JSON value (whitespace
/// around it allowed), or nullopt when it is valid. Nesting deeper than
/// `max_depth` (the outermost value is level 1) counts as a problem.
[[nodiscard]] std::optional<json_syntax_error> find_json_syntax_error(std::string_view text,
                                                                      std::size_t max_depth = max_json_depth);

}  // namespace afterflow::eventlog
