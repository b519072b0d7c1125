// Helpers shared by the parser tests: parse a string, get the tree's dump or
// the rendered diagnostics.
#pragma once

#include <ostream>
#include <string>
#include <string_view>

#include "grammar/ast.hpp"
#include "grammar/ast_dump.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/diagnostic_render.hpp"
#include "grammar/parser.hpp"
#include "grammar/source.hpp"

namespace afterflow::grammar {

/// Spans print as `file:begin..end` in test failures.
inline void PrintTo(const span& s, std::ostream* os) { *os << s.file << ":" << s.begin << ".." << s.end; }

}  // namespace afterflow::grammar

namespace afterflow::grammar {

struct parsed {
  source_set sources;
  file_id id = 0;
  diagnostic_list diagnostics;
  ast::file tree;

  [[nodiscard]] std::string dump() const { return ast::dump(tree); }
  /// Every diagnostic rendered as text, one after the other.
  [[nodiscard]] std::string errors() const {
    std::string out;
    for (const auto& d : diagnostics.items()) out += render_text(d, sources);
    return out;
  }
  /// "E0001 message" lines, one per diagnostic.
  [[nodiscard]] std::string messages() const {
    std::string out;
    for (const auto& d : diagnostics.items()) out += d.code + " " + d.message + "\n";
    return out;
  }
};

inline parsed parse(std::string_view text, const parse_limits& limits = {}, std::string name = "test.flow") {
  parsed p;
  p.id = p.sources.add(std::move(name), std::string(text));
  p.tree = parse_file(p.sources, p.id, p.diagnostics, limits);
  return p;
}

/// The dump of a file that must parse cleanly; the diagnostics otherwise.
inline std::string dump_of(std::string_view text) {
  const auto p = parse(text);
  if (!p.diagnostics.empty()) return "unexpected errors:\n" + p.errors();
  return p.dump();
}

/// The dump of the single expression `e` (parsed as `const x = e`).
inline std::string expr_dump(std::string_view e) {
  const auto p = parse("const x = " + std::string(e));
  if (!p.diagnostics.empty()) return "unexpected errors:\n" + p.errors();
  if (p.tree.declarations.size() != 1) return "not one declaration";
  return ast::dump(std::get<ast::const_decl>(p.tree.declarations[0].node).value);
}

/// The dump of the steps of `flow f { <steps> }`, one per line.
inline std::string steps_dump(std::string_view steps) {
  const auto p = parse("flow f {\n" + std::string(steps) + "\n}\n");
  if (!p.diagnostics.empty()) return "unexpected errors:\n" + p.errors();
  std::string out;
  for (const auto& s : std::get<ast::flow_decl>(p.tree.declarations.at(0).node).body.steps) {
    if (!out.empty()) out += "\n";
    out += ast::dump(s);
  }
  return out;
}

/// "code message" of the first diagnostic, or "no error".
inline std::string first_error(std::string_view text) {
  const auto p = parse(text);
  if (p.diagnostics.empty()) return "no error";
  const auto& d = p.diagnostics.items().front();
  return d.code + " " + d.message;
}

}  // namespace afterflow::grammar
