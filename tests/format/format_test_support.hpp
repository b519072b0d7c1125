// Helpers shared by the formatter tests: parse text, format it, and state the
// formatter's invariants (idempotence, same tree, same comments) in one place.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/source.hpp"

namespace afterflow::format {

/// One parsed file with everything it points into.
struct parsed_file {
  grammar::source_set sources;
  grammar::file_id id = 0;
  ast::file tree;
  grammar::diagnostic_list diagnostics;

  [[nodiscard]] const grammar::source_file& source() const { return sources.file(id); }
};

[[nodiscard]] std::unique_ptr<parsed_file> parse_text(std::string_view text, std::string name = "input.flow");

/// The rendered diagnostics of a parse, for failure messages.
[[nodiscard]] std::string rendered_diagnostics(const parsed_file& p);

/// The comment texts of a parsed file (trailing whitespace removed), sorted:
/// the formatter may move a comment but never loses or duplicates one.
[[nodiscard]] std::vector<std::string> comment_texts(const parsed_file& p);

/// A whole file's bytes (empty when it cannot be read).
[[nodiscard]] std::string read_file(const std::filesystem::path& path);

/// Formats `text`, which must parse cleanly (a test failure otherwise).
[[nodiscard]] std::string format_text(std::string_view text, std::string name = "input.flow");

/// Checks every formatter invariant on `text`: it formats, the result parses
/// cleanly to the same tree (by `ast::dump`) with the same comments, formats
/// to itself, and ends in exactly one newline. Returns the formatted text.
std::string expect_formatter_invariants(std::string_view text, const std::string& name);

}  // namespace afterflow::format
