#include "grammar/internal/parse_failure.hpp"

#include <fmt/format.h>

namespace afterflow::grammar::parsing {

namespace {

span part_of(span literal, const literal_problem& problem) {
  if (problem.length == 0) return literal;
  return {literal.file, literal.begin + problem.offset, literal.begin + problem.offset + problem.length};
}

}  // namespace

diagnostic nesting_too_deep(span where, std::size_t limit) {
  diagnostic d{severity::error,
               "E0005",
               fmt::format("nesting too deep: more than {} levels of blocks, brackets and operators", limit),
               where,
               "one level too many",
               {},
               {}};
  d.help = "move parts into `const` or `segment` declarations, or split the flow";
  return d;
}

diagnostic chain_too_long(span where, std::size_t limit) {
  diagnostic d{severity::error,
               "E0005",
               fmt::format("expression too long: more than {} operators in one chain", limit),
               where,
               "one operator too many",
               {},
               {}};
  d.with_note(fmt::format(
      "each operator of `a + b + c + …` is one level of the expression tree, and trees are at most {} levels high",
      limit));
  d.help = "add up parts in `const` declarations (`const first = a + b + …`) and combine those";
  return d;
}

diagnostic invalid_literal(std::string_view kind, std::string_view text, span literal, const literal_problem& problem) {
  return {severity::error,
          "E0004",
          fmt::format("invalid {} `{}`", kind, text),
          part_of(literal, problem),
          problem.label,
          {},
          {}};
}

diagnostic invalid_escape(std::string_view quoted, span literal, const literal_problem& problem) {
  const auto escape = quoted.substr(problem.offset, problem.length);
  diagnostic d{severity::error,
               "E0003",
               fmt::format("invalid escape `{}` in string", escape),
               part_of(literal, problem),
               problem.label,
               {},
               {}};
  d.help = "a `\\u{...}` escape holds the hex code of a Unicode scalar value, such as `\\u{e9}`";
  return d;
}

diagnostic duplicate_clause(std::string_view clause, span again, span first) {
  diagnostic d{severity::error,
               "E0011",
               fmt::format("duplicate `{}` clause", clause),
               again,
               fmt::format("`{}` given again here", clause),
               {},
               {}};
  d.with_note(fmt::format("first given here"), first);
  d.help = fmt::format("a flow takes at most one `{}` clause; remove one of them", clause);
  return d;
}

}  // namespace afterflow::grammar::parsing
