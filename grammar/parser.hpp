// Parsing `.flow` source text into the AST.
//
// The grammar itself (grammar/internal/flow_grammar.hpp) is PEGTL and private to this
// library: no public header mentions PEGTL, and PEGTL positions become
// afterflow `span`s once, at this boundary.
//
// Syntax errors are reported as diagnostics (codes E00xx), never thrown.
// After an error the parser resynchronises at the next line that starts, in
// column 1, with a declaration keyword, so one run reports the syntax errors
// of independent declarations; the declarations that parsed are returned.
#pragma once

#include <cstddef>

#include "grammar/ast.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/source.hpp"

namespace afterflow::grammar {

/// Limits that keep hostile input from exhausting the stack or memory.
struct parse_limits {
  /// Deepest nesting of blocks, parentheses, lists and operators combined.
  std::size_t max_nesting = 200;
  /// Syntax errors reported per file before giving up on it.
  std::size_t max_errors = 20;
  /// Largest file accepted, in bytes (E0008 beyond).
  std::size_t max_file_bytes = 64 * 1024 * 1024;
};

/// Parses one file of `sources`. Always returns a file; it holds every
/// declaration that parsed cleanly, and `diagnostics` says what did not.
[[nodiscard]] ast::file parse_file(const source_set& sources, file_id file, diagnostic_list& diagnostics,
                                   const parse_limits& limits = {});

}  // namespace afterflow::grammar
