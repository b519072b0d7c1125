// Every diagnostic code afterflow can print, from every stage, in code
// order: syntax (grammar/syntax_codes.hpp), loading and checking
// (check_codes.hpp), event logs (log_codes.hpp) and run time
// (runtime_codes.hpp). Used by `afterflow check --explain` and by the test
// that keeps docs/language.md's table of codes complete.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "grammar/diagnostic.hpp"

namespace afterflow::cli {

[[nodiscard]] std::vector<grammar::code_info> all_codes();
[[nodiscard]] std::optional<grammar::code_info> find_code(std::string_view code);

/// The Markdown reference of every code (an index table, then one section
/// per code), as embedded in docs/language.md between the markers below;
/// a test keeps the document equal to it.
[[nodiscard]] std::string render_code_reference();
inline constexpr std::string_view code_reference_begin = "<!-- error codes: generated from the code tables -->";
inline constexpr std::string_view code_reference_end = "<!-- end of generated error codes -->";

}  // namespace afterflow::cli
