// How a syntax error leaves the parse of one declaration.
//
// Grammar rules (through the error table), actions (for literal values) and
// the builder (for nesting and duplicate clauses) all stop the current
// declaration by throwing `syntax_failure` with a finished diagnostic; the
// parser's driver catches it, records the diagnostic and recovers. The
// exception never leaves `parse_file`.
#pragma once

#include <cstddef>
#include <string_view>

#include "grammar/diagnostic.hpp"
#include "grammar/text/literals.hpp"

namespace afterflow::grammar::parsing {

struct syntax_failure {
  diagnostic error;
};

/// E0005 at the token that opened one level too many.
[[nodiscard]] diagnostic nesting_too_deep(span where, std::size_t limit);
/// E0005 for a flat chain such as `a + b + c + …`: each operator is one
/// level of the tree that every later stage walks, so a chain longer than
/// the limit is refused too, but said in its own words.
[[nodiscard]] diagnostic chain_too_long(span where, std::size_t limit);

/// E0004 (or E0003 for strings): a well-shaped literal without a value.
/// `kind` names the literal ("time of day"), `literal` is its span.
[[nodiscard]] diagnostic invalid_literal(std::string_view kind, std::string_view text, span literal,
                                         const literal_problem& problem);

/// E0003: an escape in a string literal that names no character.
[[nodiscard]] diagnostic invalid_escape(std::string_view quoted, span literal, const literal_problem& problem);

/// E0011: a flow clause that may appear once, given again.
[[nodiscard]] diagnostic duplicate_clause(std::string_view clause, span again, span first);

}  // namespace afterflow::grammar::parsing
