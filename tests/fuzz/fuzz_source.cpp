// fuzz_source: bytes as a `.flow` file, through the whole front end.
//
//   bytes -> parse -> check -> (no errors) compile
//
// and the formatter's contract as properties, for every input that parses:
//   - fmt(x) parses without errors,
//   - parse(fmt(x)) is the tree of parse(x) (ast::dump equal),
//   - fmt(fmt(x)) == fmt(x),
//   - checking fmt(x) reports what checking x reports (severity, code and
//     message of every diagnostic, in source order).
// Every diagnostic is rendered (text and JSON), since it quotes user bytes.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "grammar/ast_dump.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/diagnostic_render.hpp"
#include "grammar/format/formatter.hpp"
#include "grammar/parser.hpp"
#include "grammar/source.hpp"
#include "interpreter/check/checker.hpp"
#include "interpreter/check/module_loader.hpp"
#include "interpreter/compile/compiler.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace afterflow::fuzz {
namespace {

constexpr std::string_view file_name = "main.flow";

struct parsed {
  grammar::source_set sources;
  grammar::file_id id = 0;
  ast::file tree;
  grammar::diagnostic_list diagnostics;
};

void parse(parsed& p, std::string text) {
  p.id = p.sources.add(std::string(file_name), std::move(text));
  p.tree = grammar::parse_file(p.sources, p.id, p.diagnostics);
}

/// Loads, checks and (without errors) compiles `text` as the only root,
/// renders every diagnostic, and returns what the checker said: one line
/// per diagnostic, "<severity> <code> <message>", in source order.
std::string check_and_compile(const std::string& text) {
  grammar::diagnostic_list diagnostics;
  const auto reader = check::memory_file_reader({{std::string(file_name), text}});
  const std::string roots[] = {std::string(file_name)};
  const auto checked = check::load_and_check(roots, reader, diagnostics);
  diagnostics.sort();
  (void)grammar::render_text(diagnostics, checked.sources);
  (void)grammar::render_json(diagnostics, checked.sources);
  if (!diagnostics.has_errors()) (void)compile::compile(checked);
  std::string summary;
  for (const auto& d : diagnostics.items()) {
    summary += d.level == grammar::severity::error ? "error " : "warning ";
    summary += d.code + " " + d.message + "\n";
  }
  return summary;
}

}  // namespace
}  // namespace afterflow::fuzz

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace afterflow;
  using fuzz::violated;
  const std::string text(reinterpret_cast<const char*>(data), size);

  // The checker's diagnostics include the parser's, so they are rendered there.
  const auto checked = fuzz::check_and_compile(text);
  fuzz::parsed original;
  parse(original, text);
  if (original.diagnostics.has_errors()) return 0;

  const auto once = format::format_file(original.tree, original.sources.file(original.id));
  if (once == original.sources.file(original.id).text()) return 0;  // already canonical: nothing more to compare
  fuzz::parsed reparsed;
  parse(reparsed, once);
  if (reparsed.diagnostics.has_errors()) {
    violated("fmt(x) parses", grammar::render_text(reparsed.diagnostics, reparsed.sources) + "--- fmt(x) ---\n" + once);
  }
  const auto tree = ast::dump(original.tree);
  const auto tree_formatted = ast::dump(reparsed.tree);
  if (tree != tree_formatted) violated("parse(fmt(x)) == parse(x)", tree + "\n--- became ---\n" + tree_formatted);
  const auto twice = format::format_file(reparsed.tree, reparsed.sources.file(reparsed.id));
  if (twice != once) violated("fmt(fmt(x)) == fmt(x)", once + "--- became ---\n" + twice);
  const auto checked_formatted = fuzz::check_and_compile(once);
  if (checked_formatted != checked) {
    violated("check(fmt(x)) == check(x)", checked + "--- became ---\n" + checked_formatted + "--- fmt(x) ---\n" + once);
  }
  return 0;
}
