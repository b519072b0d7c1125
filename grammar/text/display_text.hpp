// User bytes as they are shown in a diagnostic, decided in one place.
//
// Whatever a diagnostic shows of the input — the excerpt of a source line
// or of a log line, a name or value quoted in its message — may hold
// control bytes, invalid UTF-8 or megabytes of one token. Both renderers
// (text and JSON) and the data-error builder pass it through here, so a
// terminal never receives a raw NUL, 0xFF or escape sequence and a message
// stays one readable line: control bytes and invalid bytes show as U+FFFD,
// tabs as four spaces in excerpts, long lines are cut around the problem
// with `…`, and a backtick-quoted run longer than `max_quoted` code points is
// cut with `…`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace afterflow::grammar {

/// The part of a line shown under `-->`, with where the carets go.
struct line_excerpt {
  std::string text;               ///< display text (valid UTF-8, no control bytes)
  std::uint32_t column = 1;       ///< 1-based code point column of `begin` in the whole line
  std::uint32_t caret_begin = 0;  ///< display columns before the carets
  std::uint32_t caret_width = 1;  ///< at least 1
};

/// How much of a long line an excerpt shows, in code points.
struct excerpt_widths {
  std::size_t whole_line = 80;  ///< lines up to this are shown whole
  std::size_t before = 24;      ///< shown before the problem
  std::size_t span = 48;        ///< at most this much of the problem
  std::size_t after = 17;       ///< shown after it
};
/// Data lines (logs, profiles): one screen line even with the gutter.
inline constexpr excerpt_widths data_line_widths{};
/// Source lines: people write them, and wider ones are common.
inline constexpr excerpt_widths source_line_widths{160, 60, 80, 40};

/// The excerpt of `line` for the bytes [begin, end): the whole line when it
/// is short enough, else a window around `begin`. Costs no memory
/// proportional to the line.
[[nodiscard]] line_excerpt excerpt_of(std::string_view line, std::size_t begin, std::size_t end,
                                      const excerpt_widths& widths = data_line_widths);

/// Longest backtick-quoted run `display_message` keeps, in code points.
inline constexpr std::size_t max_quoted = 120;

/// `text` (a message, note, label or help) made safe to print: control
/// and invalid bytes as U+FFFD, quoted runs cut to `max_quoted`.
[[nodiscard]] std::string display_message(std::string_view text);

}  // namespace afterflow::grammar
