// Comments and source gaps, as the formatter consumes them.
//
// The formatter prints the tree in source order (flow header clauses aside)
// and takes comments from this cursor as it goes: the comments before a
// node's start are printed above it, an end-of-line comment right after a
// node stays on its line. Each comment is taken exactly once, so none can be
// lost or duplicated as long as the printer finally takes the rest. The
// cursor also answers the questions about the source text between nodes that
// layout depends on: was there a blank line, a line break, where is a `{`.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "grammar/ast.hpp"

namespace afterflow::format {

class comment_cursor {
 public:
  comment_cursor(std::string_view text, const std::vector<ast::comment>& comments) : text_(text), comments_(comments) {}

  /// Takes the comments not yet taken that start before `offset`.
  [[nodiscard]] std::span<const ast::comment> take_before(std::uint32_t offset);
  /// Takes the next comment if it is an end-of-line comment that follows
  /// `offset` on the same line with only spaces, tabs and commas between.
  [[nodiscard]] const ast::comment* take_trailing(std::uint32_t offset);
  /// Whether a comment not yet taken starts in [from, to).
  [[nodiscard]] bool any_in(std::uint32_t from, std::uint32_t to) const;
  /// Whether every comment has been taken.
  [[nodiscard]] bool done() const { return next_ == comments_.size(); }

  /// Whether [from, to) holds an empty line (two line ends with only
  /// whitespace between them).
  [[nodiscard]] bool blank_line_in(std::uint32_t from, std::uint32_t to) const;
  /// Whether [from, to) holds a line end.
  [[nodiscard]] bool line_end_in(std::uint32_t from, std::uint32_t to) const;
  /// The offset of the first `{` at or after `from` outside comments; the
  /// text between must hold no string literal.
  [[nodiscard]] std::uint32_t find_open_brace(std::uint32_t from) const;
  /// The offset of the `}` that ends a span ending at `end`.
  [[nodiscard]] std::uint32_t closing_brace(std::uint32_t end) const;

  /// The text of a comment, without trailing whitespace.
  [[nodiscard]] std::string_view text(const ast::comment& c) const;

 private:
  [[nodiscard]] std::string_view slice(std::uint32_t from, std::uint32_t to) const;

  std::string_view text_;
  const std::vector<ast::comment>& comments_;
  std::size_t next_ = 0;
};

}  // namespace afterflow::format
