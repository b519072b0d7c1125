// The canonical layout of `.flow` files (`afterflow fmt`).
//
// Formatting prints the AST, not the text, so the layout is one fixed form:
// two-space indentation, one declaration per paragraph, flow header clauses
// in a fixed order before the steps, one space around binary operators, and
// parentheses only where the author wrote them. Comments are carried over
// from `ast::file::comments` by position: a comment on its own line stays
// before the node that follows it, an end-of-line comment stays at the end of
// its line. Formatting is idempotent: format(parse(format(x))) == format(x).
#pragma once

#include <string>

#include "grammar/ast.hpp"
#include "grammar/source.hpp"

namespace afterflow::format {

/// The canonical text of a parsed file (which must have parsed without
/// errors). `source` is the file the tree was parsed from, for comments.
[[nodiscard]] std::string format_file(const ast::file& tree, const grammar::source_file& source);

}  // namespace afterflow::format
