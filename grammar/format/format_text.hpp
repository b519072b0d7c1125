// The spelling of expressions and literals in canonical form.
//
// These are the formatter's leaves: pure functions from AST nodes to text,
// with no layout and no comments (an expression always prints on one line;
// comments inside it are moved by the layout code, grammar/format/formatter.cpp).
// Parentheses appear exactly where the author wrote them (`paren_expr`), so
// printing a parsed expression and parsing the text again gives the same tree.
#pragma once

#include <string>
#include <string_view>

#include "grammar/ast.hpp"

namespace afterflow::format {

/// `value` as a string literal: quoted, with `\" \\ \n \t \r` escaped and any
/// other control character (U+0000–U+001F, U+007F) written as `\u{hex}`.
[[nodiscard]] std::string quote(std::string_view value);

/// One expression on one line: `a + b`, `not x`, `-x`, `f(a where c, within: 3d)`.
[[nodiscard]] std::string expr_text(const ast::expr& e);

/// A customer id in a test: bare when written bare, else quoted.
[[nodiscard]] std::string customer_text(const ast::customer_ref& c);

}  // namespace afterflow::format
