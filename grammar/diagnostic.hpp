// Diagnostics as values.
//
// Stages never print: the parser, checker, readers and runtime make
// `diagnostic` values (the front end appends them to a `diagnostic_list`),
// and one renderer (diagnostic_render.hpp) turns them into rustc-style text
// or JSON. A diagnostic points either into a source file the renderer holds
// (a `span`) or into a file it does not (a `file_location`: a line of an
// event log, a CSV record, a step of a flow seen from the runtime). Messages follow rustc's style:
// lowercase, no trailing period, names in backticks, syntax errors phrased as
// "expected X, found Y".
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "grammar/source.hpp"

namespace afterflow::grammar {

enum class severity : unsigned char { error, warning };

/// The documentation of one diagnostic code, as listed in the code tables
/// (grammar/syntax_codes.hpp, interpreter/check/check_codes.hpp) and in
/// docs/language.md.
struct code_info {
  std::string_view code;         ///< "E0102"
  std::string_view title;        ///< short, lowercase: "unknown property"
  std::string_view explanation;  ///< a few sentences: what is wrong and how to fix it
};

/// A secondary message, optionally pointing at its own span
/// ("first defined here").
struct diagnostic_note {
  std::string message;
  std::optional<span> where;
};

/// A place in a file that is not kept in memory (input data can be
/// gigabytes, or standard input), so the shown part of the line is captured
/// when the diagnostic is made (grammar/file_error.hpp builds these).
struct file_location {
  std::string file;               ///< as displayed: the path given, or "<stdin>"
  std::uint64_t line = 0;         ///< 1-based; 0 when the problem concerns the whole file
  std::uint32_t column = 0;       ///< 1-based, in code points; 0: no position, no excerpt
  std::string excerpt;            ///< display text of the line, or of the part around the problem
  std::uint32_t caret_begin = 0;  ///< where the carets start in `excerpt`, in display columns
  std::uint32_t caret_width = 0;
  friend bool operator==(const file_location&, const file_location&) = default;
};

/// Where a diagnostic points.
using location = std::variant<span, file_location>;

struct diagnostic {
  severity level = severity::error;
  std::string code;     ///< "E0102", "W0001"; see docs/language.md
  std::string message;  ///< one line, lowercase, no trailing period
  location where;       ///< the exact span the carets go under, or the place in a file
  std::string label;    ///< optional text printed after the carets
  std::vector<diagnostic_note> notes;
  std::string help;  ///< optional suggestion, printed as `= help: ...`

  diagnostic& with_label(std::string text) {
    label = std::move(text);
    return *this;
  }
  diagnostic& with_help(std::string text) {
    help = std::move(text);
    return *this;
  }
  diagnostic& with_note(std::string text, std::optional<span> at = std::nullopt) {
    notes.push_back({std::move(text), at});
    return *this;
  }
  /// The source span, or null when the diagnostic points into a file.
  [[nodiscard]] const span* source_span() const { return std::get_if<span>(&where); }
  [[nodiscard]] const file_location* in_file() const { return std::get_if<file_location>(&where); }
};

/// An append-only list of diagnostics, shared by the stages of one run.
class diagnostic_list {
 public:
  diagnostic& error(std::string code, span where, std::string message);
  diagnostic& warning(std::string code, span where, std::string message);
  diagnostic& add(diagnostic d);

  [[nodiscard]] const std::vector<diagnostic>& items() const { return items_; }
  [[nodiscard]] bool empty() const { return items_.empty(); }
  [[nodiscard]] std::size_t error_count() const;
  [[nodiscard]] std::size_t warning_count() const;
  [[nodiscard]] bool has_errors() const { return error_count() > 0; }

  /// Stable sort by file, then position, so output order does not depend on
  /// the order in which a stage happened to discover problems. (Source spans
  /// come first; file locations keep their order among themselves.)
  void sort();
  void append(const diagnostic_list& other);

 private:
  std::vector<diagnostic> items_;
};

}  // namespace afterflow::grammar
