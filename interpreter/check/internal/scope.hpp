// Name scopes of the checker.
//
// Two kinds of names appear in expressions besides the fixed ones
// (`trigger`, `event`, `customer`, `now`):
//
//   file-scoped    segments and constants. A file sees its own and those of
//                  the files it imports directly (not transitively). Its own
//                  declarations shadow imported ones; the same name coming
//                  from two imported files is ambiguous, but only an error
//                  where it is used (as with Rust's glob imports).
//   block-scoped   `wait for ... as x` bindings, visible in the step's own
//                  `where`, its received block and the rest of the enclosing
//                  block. They form a chain of frames living on the
//                  checker's stack, innermost first.
//
// Segments and constants share one namespace per file; flows, events and
// tests have their own and never appear as bare names in expressions.
#pragma once

#include <cstdint>
#include <map>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/check/checked_program.hpp"

namespace afterflow::check {

/// A segment or a constant.
struct value_symbol {
  enum class kind : unsigned char { segment, constant };
  kind what = kind::segment;
  std::uint32_t index = 0;  ///< into checked_program::segments / constants
  friend bool operator==(const value_symbol&, const value_symbol&) = default;
};

/// The segments and constants one file declares.
struct file_scope {
  std::map<std::string, value_symbol, std::less<>> own;
};

/// Result of looking a value name up from a file.
struct value_lookup {
  std::vector<value_symbol> found;  ///< empty: unknown; two or more: ambiguous
};

/// Looks `name` up as seen from `file`: its own declarations first, then
/// those of its direct imports (in import order).
[[nodiscard]] value_lookup lookup_value(std::span<const file_scope> scopes, std::span<const checked_file> files,
                                        file_index file, std::string_view name);

/// Every value name `file` can see, sorted, for "did you mean".
[[nodiscard]] std::vector<std::string> visible_value_names(std::span<const file_scope> scopes,
                                                           std::span<const checked_file> files, file_index file);

/// One `as` binding in scope; frames chain to the enclosing ones.
struct binding_frame {
  std::string_view name;
  binding_index binding = no_index;
  const binding_frame* parent = nullptr;
};

/// The innermost binding called `name`, or null.
[[nodiscard]] const binding_frame* find_binding(const binding_frame* innermost, std::string_view name);

/// Names that no declaration or binding may take: the fixed names and the
/// built-in functions. Returns what the name is, for the message
/// ("a built-in function"), or empty when the name is free.
[[nodiscard]] std::string_view reserved_meaning(std::string_view name);

}  // namespace afterflow::check
