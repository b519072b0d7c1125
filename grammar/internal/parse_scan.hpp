// Byte-level scans of a source text that the parser needs around the grammar:
// the check that a file is UTF-8 text, the collection of comments, the
// description of "the next token" for error messages, and the restart
// points for error recovery.
//
// These work on plain bytes, not on PEGTL rules, because they must also work
// where the grammar has failed. They agree with flow_grammar.hpp on the few
// lexical facts they rely on: strings are `"`-delimited with `\` escapes and
// end at the line end, comments run from `#` to the line end, and
// identifiers are [A-Za-z_][A-Za-z0-9_]*.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/source.hpp"
#include "grammar/text/utf8.hpp"

namespace afterflow::grammar::parsing {

/// A byte that has no place in a source file.
struct bad_byte {
  std::uint32_t offset = 0;
  std::uint32_t length = 1;  ///< the bytes the message is about
  std::string description;   ///< "invalid UTF-8 byte `0xFF`", "NUL byte", ...
  std::uint32_t more = 0;    ///< how many further bad bytes follow
};

/// The first byte that is not UTF-8 text (invalid sequences, and control
/// characters other than tab, CR and LF), with a count of the others.
[[nodiscard]] std::optional<bad_byte> find_bad_byte(std::string_view text);

/// Every `#` comment outside string literals, in source order.
[[nodiscard]] std::vector<ast::comment> collect_comments(std::string_view text, file_id file);

/// What the parser found where it expected something else.
struct found_token {
  enum class kind : unsigned char { end_of_input, word, other };
  kind what = kind::other;
  std::string text;         ///< the token as written (a word, `==`, `"abc"`, ...)
  std::string description;  ///< "`sned`", "end of input", "`é` (U+00E9)"
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
};

/// Describes the token at or after `offset` (whitespace and comments are
/// skipped). At the end of input the span is empty and sits right after the
/// last non-blank byte.
[[nodiscard]] found_token next_token(std::string_view text, std::uint32_t offset);

/// The end of the literal-like run that starts at `offset` (letters, digits,
/// `_`, and `.`, `:`, `-`, `+` inside it), for spans of malformed literals.
[[nodiscard]] std::uint32_t literal_run_end(std::string_view text, std::uint32_t offset);

/// Where to resume after a syntax error: the first line start at or after
/// `error_at` and after `declaration_begin` whose line begins, in column 1,
/// with a declaration keyword. nullopt when there is none.
[[nodiscard]] std::optional<std::uint32_t> recovery_point(std::string_view text, std::uint32_t declaration_begin,
                                                          std::uint32_t error_at);

/// The declaration keywords, in the order the grammar lists them.
inline constexpr std::string_view declaration_keywords[] = {"import", "const", "event", "segment",
                                                            "policy", "map",   "flow",  "test"};

}  // namespace afterflow::grammar::parsing
