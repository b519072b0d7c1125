// The formatter's invariants over every `.flow` file in the repository:
// examples, golden inputs that parse cleanly, and the standard modules.
// For each file: it formats; the result parses to the same tree (ast::dump)
// with the same comments; formatting it again changes nothing. Each file is
// also made messy in ways that must not matter (CR LF line ends, a byte-order
// mark, tab or odd indentation) and must format to the very same text, and
// littered with comments, which must all survive.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "tests/format/format_test_support.hpp"

namespace afterflow::format {
namespace {

namespace fs = std::filesystem;

const fs::path source_dir = AFTERFLOW_SOURCE_DIR;

/// Every `.flow` file under `dir`, sorted so test order is stable.
[[nodiscard]] std::vector<fs::path> flow_files(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::exists(dir)) return files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".flow") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

/// The lines of `text` without their line ends.
[[nodiscard]] std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
  }
  return lines;
}

[[nodiscard]] std::string join_lines(const std::vector<std::string>& lines, std::string_view line_end) {
  std::string out;
  for (const auto& line : lines) {
    out += line;
    out += line_end;
  }
  return out;
}

/// Each line's indentation replaced by `indent(line_number, depth)`, where
/// depth is the original indentation width.
template <typename Indent>
[[nodiscard]] std::vector<std::string> reindent(const std::vector<std::string>& lines, Indent indent) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const auto& line = lines[i];
    const auto first = std::min(line.find_first_not_of(" \t"), line.size());
    out.push_back(indent(i, first) + line.substr(first));
  }
  return out;
}

/// Variants of a file that must format to exactly the same text.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> layout_variants(const std::string& text) {
  const auto lines = split_lines(text);
  return {
      {"crlf", join_lines(lines, "\r\n")},
      {"bom and tabs",
       "\xEF\xBB\xBF" +
           join_lines(reindent(lines, [](std::size_t, std::size_t depth) { return std::string(depth / 2, '\t'); }),
                      "\n")},
      {"odd indentation", join_lines(reindent(lines,
                                              [](std::size_t line, std::size_t) {
                                                return std::string(line * 7 % 5, ' ') +
                                                       std::string(line % 3 == 0, '\t');
                                              }),
                                     "\n")},
  };
}

/// The file with a comment after every line and an own-line comment between
/// every two lines: wherever a line ends, a comment is valid.
[[nodiscard]] std::string littered_with_comments(const std::string& text) {
  const auto lines = split_lines(text);
  std::string out = "# littered: start\n";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out += lines[i];
    out += " # littered: end of line " + std::to_string(i + 1) + "\n";
    out += "  # littered: after line " + std::to_string(i + 1) + "\n";
  }
  return out;
}

struct corpus {
  std::vector<fs::path> files;
  std::size_t examples = 0;
  std::size_t golden = 0;
  std::size_t stdlib = 0;
};

/// The files the formatter must handle. Golden inputs that do not parse
/// (they exist to test syntax errors) are left out.
[[nodiscard]] const corpus& repository_corpus() {
  static const corpus c = [] {
    corpus result;
    for (const auto& f : flow_files(source_dir / "examples")) {
      result.files.push_back(f);
      ++result.examples;
    }
    for (const auto& f : flow_files(source_dir / "tests" / "golden")) {
      if (parse_text(read_file(f), f.string())->diagnostics.has_errors()) continue;
      result.files.push_back(f);
      ++result.golden;
    }
    for (const auto& f : flow_files(source_dir / "stdlib" / "modules")) {
      result.files.push_back(f);
      ++result.stdlib;
    }
    return result;
  }();
  return c;
}

TEST(format_corpus, finds_the_repository_files) {
  const auto& c = repository_corpus();
  EXPECT_GE(c.examples, 5u) << "examples/ should hold at least five flows";
  EXPECT_GE(c.stdlib, 1u) << "stdlib/modules/ should hold the ecommerce module";
  EXPECT_GE(c.files.size(), 6u);
}

TEST(format_corpus, every_file_formats_idempotently_to_the_same_tree) {
  for (const auto& path : repository_corpus().files) {
    SCOPED_TRACE(path.string());
    expect_formatter_invariants(read_file(path), path.string());
  }
}

TEST(format_corpus, layout_does_not_change_the_result) {
  for (const auto& path : repository_corpus().files) {
    const auto text = read_file(path);
    const auto expected = format_text(text, path.string());
    for (const auto& [variant, messy] : layout_variants(text)) {
      SCOPED_TRACE(path.string() + " (" + variant + ")");
      EXPECT_EQ(expect_formatter_invariants(messy, path.string() + " (" + variant + ")"), expected);
    }
  }
}

TEST(format_corpus, comments_everywhere_survive) {
  for (const auto& path : repository_corpus().files) {
    SCOPED_TRACE(path.string());
    const auto littered = littered_with_comments(read_file(path));
    const auto formatted = expect_formatter_invariants(littered, path.string() + " (littered)");
    // Every littered comment is still there, each exactly once.
    const auto lines = split_lines(read_file(path)).size();
    for (std::size_t i = 1; i <= lines; ++i) {
      for (const auto& what : {"end of line ", "after line "}) {
        const auto needle = "# littered: " + std::string(what) + std::to_string(i) + "\n";
        const auto at = formatted.find(needle);
        EXPECT_NE(at, std::string::npos) << needle;
        if (at != std::string::npos) {
          EXPECT_EQ(formatted.find(needle, at + 1), std::string::npos) << needle;
        }
      }
    }
  }
}

/// Nesting close to the parser's limit: the formatter recurses as deep as
/// the tree, and must still print it faithfully.
TEST(format_stress, deep_nesting) {
  constexpr int depth = 60;
  std::string blocks = "flow f {\n  trigger x\n";
  std::string expected_blocks = "flow f {\n  trigger x\n\n";
  for (int i = 0; i < depth; ++i) {
    blocks += "if a" + std::to_string(i) + " { # level " + std::to_string(i) + "\n";
    expected_blocks +=
        std::string(2 * (i + 1), ' ') + "if a" + std::to_string(i) + " { # level " + std::to_string(i) + "\n";
  }
  blocks += "stop\n";
  expected_blocks += std::string(2 * (depth + 1), ' ') + "stop\n";
  for (int i = depth; i > 0; --i) {
    blocks += "}\n";
    expected_blocks += std::string(2 * i, ' ') + "}\n";
  }
  blocks += "}\n";
  expected_blocks += "}\n";
  EXPECT_EQ(expect_formatter_invariants(blocks, "deep blocks"), expected_blocks);

  const std::string parens = "const a = " + std::string(depth, '(') + "1" + std::string(depth, ')') + " + -(- -" +
                             std::string(depth, '(') + "x" + std::string(depth, ')') + ")\n";
  EXPECT_EQ(expect_formatter_invariants(parens, "deep parentheses"), parens);
}

/// A large file (every example many times over) formats in one pass, with
/// every comment kept.
TEST(format_stress, large_file) {
  std::string text;
  for (int copy = 0; copy < 40; ++copy) {
    for (const auto& path : flow_files(source_dir / "examples")) {
      // Names must not clash across copies only for the checker; the
      // parser and formatter do not care.
      text += read_file(path) + "\n# copy " + std::to_string(copy) + "\n";
    }
  }
  ASSERT_GT(text.size(), 100'000u);
  const auto formatted = expect_formatter_invariants(text, "large file");
  EXPECT_EQ(format_text(formatted, "large file (formatted)"), formatted);
}

}  // namespace
}  // namespace afterflow::format
