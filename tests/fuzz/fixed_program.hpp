// A program compiled once per process, for the harnesses that fuzz data
// (event logs, profiles) rather than flows.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "grammar/diagnostic.hpp"
#include "grammar/diagnostic_render.hpp"
#include "interpreter/check/checked_program.hpp"
#include "interpreter/check/checker.hpp"
#include "interpreter/check/module_loader.hpp"
#include "interpreter/compile/compiler.hpp"
#include "interpreter/ir/program.hpp"

namespace afterflow::fuzz {

struct fixed_program {
  std::unique_ptr<check::checked_program> checked;  // what `program` points into
  std::unique_ptr<ir::program> program;
};

/// Checks and compiles `roots` (read through `reader`); a fixed program
/// with errors is a broken harness, so it stops the process.
inline fixed_program compile_fixed(const std::vector<std::string>& roots, const check::file_reader& reader) {
  grammar::diagnostic_list diagnostics;
  fixed_program out;
  out.checked = std::make_unique<check::checked_program>(check::load_and_check(roots, reader, diagnostics));
  if (diagnostics.has_errors() || roots.empty()) {
    diagnostics.sort();
    std::fprintf(stderr, "the harness's fixed program does not check:\n%s",
                 grammar::render_text(diagnostics, out.checked->sources).c_str());
    std::abort();
  }
  out.program = std::make_unique<ir::program>(compile::compile(*out.checked));
  return out;
}

}  // namespace afterflow::fuzz
