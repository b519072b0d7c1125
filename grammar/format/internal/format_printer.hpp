// The layout of the canonical form: which construct goes on which line.
//
// One `printer` walks one file in source order and writes to a
// `format::writer`, taking comments from a `format::comment_cursor` as it
// passes them. Every line-shaped node (a declaration, clause, step, test
// item, list entry) goes through the same protocol:
//
//   leading(begin, header_end)  comments before the node, then those inside
//                               its first line (an expression never breaks,
//                               so they move above it), with the author's
//                               blank lines kept (at most one)
//   out_.append(...)            the line itself
//   finish_line(end)            an end-of-line comment after the node, if any
//
// Blocks open with `open_brace` and close with `close_brace`, which prints
// the comments left before the `}`. A statement with blocks is first tried
// whole on one line (`compact_line`), and otherwise breaks all its blocks. The flow header is the one place printed
// out of source order (clauses are sorted); its comments are collected first
// and move with their clause. Private to the formatter (grammar/format/formatter.cpp,
// format_steps.cpp, format_tests.cpp).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/format/internal/format_comments.hpp"
#include "grammar/format/internal/format_writer.hpp"
#include "grammar/source.hpp"

namespace afterflow::format {

/// Lines longer than this break property lists and blocks.
inline constexpr std::size_t max_width = 100;

/// One entry of a braced list that prints one entry per line when broken.
struct list_item {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  std::string text;
};

[[nodiscard]] std::vector<list_item> property_items(const std::vector<ast::property>& properties);
/// `{ a: 1, b: "x" }`, or `{ }` when empty.
[[nodiscard]] std::string inline_list(const std::vector<list_item>& items);

class printer {
 public:
  printer(const ast::file& tree, const grammar::source_file& source)
      : tree_(tree),
        comments_(source.text(), tree.comments),
        text_size_(static_cast<std::uint32_t>(source.text().size())) {}

  [[nodiscard]] std::string run();

 private:
  // Declarations (formatter.cpp).
  void declaration(const ast::declaration& d);
  [[nodiscard]] bool single_line(const ast::declaration& d) const;
  void flow(const ast::declaration& d, const ast::flow_decl& f);
  void flow_clauses(const ast::flow_decl& f);

  // Steps (format_steps.cpp).
  void step_list(const std::vector<ast::step>& steps);
  void step(const ast::step& s);
  /// Appends ` { }` (empty, no comments) or ` {` … `}` to the current line;
  /// `head` are comments from before the `{` that could not move above the
  /// line (after `} else`), printed first inside the block.
  void block(const ast::block& b, std::span<const ast::comment> head);
  /// `{ }` or `{ step }` if the block may be printed on one line: no
  /// comments in it, and, unless empty, written on one line by the author
  /// with a single step that has no block of its own.
  [[nodiscard]] std::optional<std::string> inline_block(const ast::block& b) const;
  /// Prints a statement with blocks on one line, `text`, if it is set, has
  /// no comment after its first `{` and fits; returns whether it did.
  bool compact_line(std::uint32_t begin, std::uint32_t first_open, std::uint32_t end,
                    const std::optional<std::string>& text);
  /// A step without blocks on one line (property lists inline), if it is one.
  [[nodiscard]] static std::optional<std::string> one_line(const ast::step& s);

  // Tests (format_tests.cpp).
  void test(const ast::declaration& d, const ast::test_decl& t);
  void test_item(const ast::test_item& item);

  // The line protocol (formatter.cpp).
  void leading(std::uint32_t begin, std::uint32_t header_end);
  void finish_line(std::uint32_t end);
  /// A node that is one line of text.
  void line(std::uint32_t begin, std::uint32_t end, std::string_view text);
  /// Appends ` {` and its end-of-line comment, then indents.
  void open_brace(std::uint32_t open, std::span<const ast::comment> head);
  /// Prints the comments left before the `}` at `close`, dedents, and opens
  /// the line of the `}` (left open for ` else …` or a trailing comment).
  void close_brace(std::uint32_t close);
  /// `prefix { entries }`, one entry per line unless empty.
  void braced_lines(std::string_view prefix, std::uint32_t begin, std::uint32_t end, std::uint32_t open,
                    const std::vector<list_item>& items);
  /// `prefix` followed by a property list (when `has_list`) that stays on the
  /// line if it fits and holds no comment; the list's `{` is the first one
  /// after `search_from`.
  void list_line(std::uint32_t begin, std::uint32_t end, const std::string& prefix, const std::vector<list_item>& items,
                 bool has_list, std::uint32_t search_from);
  [[nodiscard]] bool list_breaks(std::string_view prefix, const std::vector<list_item>& items, std::uint32_t open,
                                 std::uint32_t close) const;

  const ast::file& tree_;
  writer out_;
  comment_cursor comments_;
  std::uint32_t text_size_ = 0;
  std::uint32_t last_end_ = 0;  ///< end of the last node or comment printed
};

}  // namespace afterflow::format
