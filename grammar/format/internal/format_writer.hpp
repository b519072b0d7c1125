// The formatter's output buffer: lines, indentation and trailing comments.
//
// The layout code (grammar/format/formatter.cpp) decides what goes on which line;
// this buffer owns the mechanical rules so they hold everywhere: two spaces
// per indentation level, at most one blank line in a row, never a blank line
// right after a line that opens a block or right before a closing `}`, no
// trailing whitespace, and exactly one newline at the end. Trailing comments
// are kept apart from the code of their line until `finish`, which aligns
// each run of consecutive lines that carry one (at the same indentation) to
// one column, one space after the longest code in the run, as gofmt does.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace afterflow::format {

class writer {
 public:
  void indent() { ++depth_; }
  void dedent() {
    if (depth_ > 0) --depth_;
  }

  /// Appends code to the current line, opening it at the current
  /// indentation first if no line is open.
  void append(std::string_view code);
  /// The column (in code points, 0-based) the next appended text starts at.
  [[nodiscard]] std::size_t column() const;
  /// Sets the end-of-line comment of the current line (opening it if needed).
  void set_trailing(std::string_view comment);
  /// Closes the current line; a no-op when none is open.
  void end_line();
  /// A comment on a line of its own at the current indentation.
  void comment_line(std::string_view comment);

  /// Asks for one blank line before the next line; dropped at the start of
  /// the output and after a line that opens a block.
  void request_blank() { blank_pending_ = true; }
  /// Cancels a requested blank line (before a closing `}`).
  void cancel_blank() { blank_pending_ = false; }

  /// Whether no line has been written yet.
  [[nodiscard]] bool empty() const { return lines_.empty() && !open_; }

  /// The text: every line ends in one newline; no lines gives "".
  [[nodiscard]] std::string finish();

 private:
  struct line {
    std::size_t depth = 0;
    std::string code;          ///< empty for a blank line
    std::string comment;       ///< trailing comment, empty if none
    bool own_comment = false;  ///< the line is a comment of its own
  };

  void open_line();

  std::vector<line> lines_;
  line current_;
  bool open_ = false;
  std::size_t depth_ = 0;
  bool blank_pending_ = false;
};

}  // namespace afterflow::format
