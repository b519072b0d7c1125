// Diagnostics as values.
//
// Stages never print: the parser, checker and runtime append `diagnostic`
// values to a `diagnostic_list`, and one renderer (diagnostic_render.hpp)
// turns them into rustc-style text or JSON. Messages follow rustc's style:
// lowercase, no trailing period, names in backticks, syntax errors phrased as
// "expected X, found Y".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
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

struct diagnostic {
  severity level = severity::error;
  std::string code;     ///< "E0102", "W0001"; see docs/language.md
  std::string message;  ///< one line, lowercase, no trailing period
  span where;           ///< the exact span the carets go under
  std::string label;    ///< optional text printed after the carets
  std::vector<diagnostic_note> notes;
  std::string help;     ///< optional suggestion, printed as `= help: ...`

  diagnostic& with_label(std::string text) { label = std::move(text); return *this; }
  diagnostic& with_help(std::string text) { help = std::move(text); return *this; }
  diagnostic& with_note(std::string text, std::optional<span> at = std::nullopt) {
    notes.push_back({std::move(text), at});
    return *this;
  }
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
  /// the order in which a stage happened to discover problems.
  void sort();
  void append(const diagnostic_list& other);

 private:
  std::vector<diagnostic> items_;
};

}  // namespace afterflow::grammar
