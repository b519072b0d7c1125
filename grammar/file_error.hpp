// Diagnostics about files the renderer does not hold: input data (event
// logs, profiles, CSV exports) and files that cannot be read.
//
// A bad line of a multi-gigabyte log cannot be rendered later from a
// `source_set`, so the diagnostic carries, besides file, line and column, a
// short excerpt of the offending line, cut around the problem when the line
// is long. It renders like every other diagnostic (diagnostic_render.hpp):
//
//   error[E1002]: bad timestamp `2026-13-01T00:00:00Z`
//     --> events.jsonl:17:9
//      |
//   17 | {"time":"2026-13-01T00:00:00Z","customer":"c1",…
//      |         ^^^^^^^^^^^^^^^^^^^^^^
//      = help: timestamps are RFC 3339, e.g. `2026-03-01T09:00:00Z`
//
// Columns count code points, as in diagnostic_render.hpp.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "grammar/diagnostic.hpp"

namespace afterflow::grammar {

/// An error at bytes [offset, offset + length) of `line_text`, which is line
/// `line` of `file`. Builds the column and the excerpt; `length` 0 still
/// gets one caret.
[[nodiscard]] diagnostic make_line_error(std::string_view code, std::string message, std::string_view file,
                                         std::uint64_t line, std::string_view line_text, std::size_t offset,
                                         std::size_t length);
/// An error at line `line` of `file` shown without an excerpt (0: the whole
/// file, e.g. it cannot be opened or its data is corrupt).
[[nodiscard]] diagnostic make_file_error(std::string_view code, std::string message, std::string_view file,
                                         std::uint64_t line = 0);

/// `text` quoted in backticks for a message, cut to `max` code points with `…`.
[[nodiscard]] std::string quote_excerpt(std::string_view text, std::size_t max = 40);

}  // namespace afterflow::grammar
