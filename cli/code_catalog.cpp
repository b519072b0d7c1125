#include "cli/code_catalog.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "grammar/syntax_codes.hpp"
#include "interpreter/check/check_codes.hpp"
#include "interpreter/eventlog/log_codes.hpp"
#include "interpreter/runtime/runtime_codes.hpp"

namespace afterflow::cli {

using check::check_code_table;
using eventlog::log_code_table;
using grammar::code_info;
using grammar::syntax_codes;

std::vector<code_info> all_codes() {
  std::vector<code_info> out(syntax_codes.begin(), syntax_codes.end());
  const auto check = check_code_table();
  out.insert(out.end(), check.begin(), check.end());
  const auto log = log_code_table();
  out.insert(out.end(), log.begin(), log.end());
  out.insert(out.end(), runtime::codes::table.begin(), runtime::codes::table.end());
  std::stable_sort(out.begin(), out.end(), [](const code_info& a, const code_info& b) {
    // Errors before warnings, then by number.
    return a.code < b.code;
  });
  return out;
}

std::optional<code_info> find_code(std::string_view code) {
  for (const auto& info : all_codes()) {
    if (info.code == code) return info;
  }
  return std::nullopt;
}

std::string render_code_reference() {
  const auto codes = all_codes();
  std::string out;
  out += "| code | meaning |\n|---|---|\n";
  for (const auto& c : codes) {
    std::string anchor(c.code);
    for (auto& ch : anchor) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch - 'A' + 'a' : ch);
    out += fmt::format("| [{}](#{}) | {} |\n", c.code, anchor, c.title);
  }
  for (const auto& c : codes) out += fmt::format("\n### {}\n\n**{}.** {}\n", c.code, c.title, c.explanation);
  return out;
}

}  // namespace afterflow::cli
