// Helpers for checker tests: check in-memory sources and read the results.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/diagnostic.hpp"
#include "grammar/diagnostic_render.hpp"
#include "interpreter/check/checked_program.hpp"
#include "interpreter/check/checker.hpp"

namespace afterflow::check::test_support {

struct check_run {
  checked_program program;
  grammar::diagnostic_list diagnostics;

  /// "E0200 unknown name `x`" per diagnostic, in source order.
  [[nodiscard]] std::vector<std::string> summary() const {
    std::vector<std::string> out;
    for (const auto& d : diagnostics.items()) out.push_back(d.code + " " + d.message);
    return out;
  }
  /// The codes, in source order.
  [[nodiscard]] std::vector<std::string> codes() const {
    std::vector<std::string> out;
    for (const auto& d : diagnostics.items()) out.push_back(d.code);
    return out;
  }
  [[nodiscard]] std::string rendered() const { return grammar::render_text(diagnostics, program.sources); }
  [[nodiscard]] const grammar::diagnostic& only() const { return diagnostics.items().at(0); }
};

/// Checks `files` (path -> text) with `roots` as the root files.
inline check_run check_files(std::map<std::string, std::string> files, std::vector<std::string> roots) {
  check_run run;
  const auto reader = memory_file_reader(std::move(files));
  run.program = load_and_check(roots, reader, run.diagnostics);
  run.diagnostics.sort();
  return run;
}

/// Checks one root file, `main.flow`.
inline check_run check_source(std::string text) { return check_files({{"main.flow", std::move(text)}}, {"main.flow"}); }

/// Checks one root file that imports the `ecommerce` module first.
inline check_run check_with_ecommerce(std::string_view text) {
  return check_source("import \"ecommerce\"\n" + std::string(text));
}

}  // namespace afterflow::check::test_support
