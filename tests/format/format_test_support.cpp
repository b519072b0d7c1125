#include "tests/format/format_test_support.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <sstream>

#include "grammar/ast_dump.hpp"
#include "grammar/diagnostic_render.hpp"
#include "grammar/format/formatter.hpp"
#include "grammar/parser.hpp"

namespace afterflow::format {

using grammar::parse_file;
using grammar::render_text;

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::unique_ptr<parsed_file> parse_text(std::string_view text, std::string name) {
  auto p = std::make_unique<parsed_file>();
  p->id = p->sources.add(std::move(name), std::string(text));
  p->tree = parse_file(p->sources, p->id, p->diagnostics);
  return p;
}

std::string rendered_diagnostics(const parsed_file& p) { return render_text(p.diagnostics, p.sources); }

std::vector<std::string> comment_texts(const parsed_file& p) {
  std::vector<std::string> texts;
  for (const auto& c : p.tree.comments) {
    std::string t(p.sources.text(c.where));
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t' || t.back() == '\r')) t.pop_back();
    texts.push_back(std::move(t));
  }
  std::sort(texts.begin(), texts.end());
  return texts;
}

std::string format_text(std::string_view text, std::string name) {
  const auto p = parse_text(text, std::move(name));
  EXPECT_FALSE(p->diagnostics.has_errors()) << rendered_diagnostics(*p);
  return format_file(p->tree, p->source());
}

std::string expect_formatter_invariants(std::string_view text, const std::string& name) {
  const auto original = parse_text(text, name);
  EXPECT_FALSE(original->diagnostics.has_errors()) << rendered_diagnostics(*original);
  if (original->diagnostics.has_errors()) return {};
  const auto once = format_file(original->tree, original->source());

  const auto reparsed = parse_text(once, name + " (formatted)");
  EXPECT_FALSE(reparsed->diagnostics.has_errors()) << "the formatted text of " << name << " does not parse:\n"
                                                   << rendered_diagnostics(*reparsed) << "\n--- formatted text ---\n"
                                                   << once;
  if (reparsed->diagnostics.has_errors()) return once;

  EXPECT_EQ(ast::dump(reparsed->tree), ast::dump(original->tree))
      << "formatting changed the tree of " << name << "\n--- formatted text ---\n"
      << once;
  const auto before = comment_texts(*original);
  const auto after = comment_texts(*reparsed);
  std::vector<std::string> lost;
  std::vector<std::string> added;
  std::set_difference(before.begin(), before.end(), after.begin(), after.end(), std::back_inserter(lost));
  std::set_difference(after.begin(), after.end(), before.begin(), before.end(), std::back_inserter(added));
  EXPECT_TRUE(lost.empty() && added.empty()) << "formatting " << name << " lost " << lost.size() << " comment(s)"
                                             << (lost.empty() ? "" : ", first: " + lost.front()) << " and added "
                                             << added.size() << (added.empty() ? "" : ", first: " + added.front());
  EXPECT_EQ(reparsed->tree.comments.size(), original->tree.comments.size()) << name;

  const auto twice = format_file(reparsed->tree, reparsed->source());
  EXPECT_EQ(twice, once) << "formatting " << name << " is not idempotent";

  if (!once.empty()) {
    EXPECT_TRUE(once.ends_with('\n')) << name;
    EXPECT_FALSE(once.ends_with("\n\n")) << name;
  }
  EXPECT_EQ(once.find('\r'), std::string::npos) << name;
  EXPECT_EQ(once.find(" \n"), std::string::npos) << name << ": trailing whitespace";
  for (std::string_view rest = once; !rest.empty();) {
    const auto line_end = std::min(rest.find('\n'), rest.size());
    const auto line = rest.substr(0, line_end);
    const auto indentation = line.substr(0, line.find_first_not_of(" \t"));
    EXPECT_EQ(indentation.find('\t'), std::string_view::npos) << name << ": a line is indented with a tab: " << line;
    rest.remove_prefix(std::min(line_end + 1, rest.size()));
  }
  return once;
}

}  // namespace afterflow::format
