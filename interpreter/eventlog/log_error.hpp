// An error in input data, as a value.
//
// Event logs are too large to keep in a `source_set` (and may arrive on
// standard input), so a bad line cannot be rendered later by the diagnostic
// renderer: a `log_error` carries, besides file, line and column, a short
// excerpt of the offending line, cut around the problem when the line is
// long. It renders in the same rustc style as every other diagnostic:
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

#include <cstdint>
#include <string>
#include <string_view>

#include "grammar/diagnostic_render.hpp"

namespace afterflow::eventlog {

struct log_error {
  std::string code;     ///< "E1002", see log_codes.hpp
  std::string message;  ///< one line, lowercase, no trailing period
  std::string file;     ///< as displayed: the path given, or "<stdin>"
  std::uint64_t line = 0;    ///< 1-based; 0 when the error concerns the whole file
  std::uint32_t column = 0;  ///< 1-based, in code points; 0 when there is no position (no snippet)
  std::string note;     ///< optional `= note:` line
  std::string help;     ///< optional `= help:` line

  // The snippet: display text of the line (or an excerpt of it) and where
  // the carets go in it, in display columns.
  std::string excerpt;
  std::uint32_t caret_begin = 0;
  std::uint32_t caret_width = 0;
};

/// An error at bytes [offset, offset + length) of `line_text`, which is line
/// `line` of `file`. Builds the column and the excerpt; `length` 0 still
/// gets one caret.
[[nodiscard]] log_error make_log_error(std::string_view code, std::string message,
                                       std::string_view file, std::uint64_t line,
                                       std::string_view line_text, std::size_t offset,
                                       std::size_t length);
/// An error at line `line` of `file` shown without a snippet (0: the whole
/// file, e.g. it cannot be opened or its data is corrupt).
[[nodiscard]] log_error make_file_error(std::string_view code, std::string message,
                                        std::string_view file, std::uint64_t line = 0);

/// `text` quoted in backticks for a message, cut to `max` code points with `…`.
[[nodiscard]] std::string quote_excerpt(std::string_view text, std::size_t max = 40);

[[nodiscard]] std::string render_text(const log_error& e, const grammar::render_options& options = {});
/// One JSON object on one line (with a final newline): severity, code,
/// message, file, line, column, note, help.
[[nodiscard]] std::string render_json(const log_error& e);

}  // namespace afterflow::eventlog
