// The one place diagnostics become text.
//
// Text follows rustc:
//
//   error[E0102]: unknown property `totl` on event `order_placed`
//     --> examples/flows/winback.flow:14:8
//      |
//   14 |   when trigger.totl > 100
//      |        ^^^^^^^^^^^^
//      = help: did you mean `total`?
//
// Columns count code points; tabs in the shown line are expanded to four
// spaces so the carets stay aligned. A place in a file the renderer does not
// hold (file_error.hpp) is laid out the same way from its captured excerpt;
// the gutter is always as wide as the line number shown. JSON carries the
// same facts for editors.
#pragma once

#include <string>

#include "grammar/diagnostic.hpp"
#include "grammar/source.hpp"

namespace afterflow::grammar {

struct render_options {
  bool color = false;  ///< ANSI colours, for terminals
};

[[nodiscard]] std::string render_text(const diagnostic& d, const source_set& sources,
                                      const render_options& options = {});
/// A diagnostic that points into a file (input data, a step seen from the
/// runtime), or whose source is not at hand.
[[nodiscard]] std::string render_text(const diagnostic& d, const render_options& options = {});
/// All diagnostics as text, each followed by a blank line, then a summary
/// line such as "error: 2 errors and 1 warning emitted" when non-empty.
[[nodiscard]] std::string render_text(const diagnostic_list& list, const source_set& sources,
                                      const render_options& options = {});
/// {"diagnostics":[...],"errors":N,"warnings":N} on one line.
[[nodiscard]] std::string render_json(const diagnostic_list& list, const source_set& sources);

}  // namespace afterflow::grammar
