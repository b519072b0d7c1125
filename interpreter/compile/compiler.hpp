// Lowering a checked program into the executable `program`.
//
// The compiler is the last stage that reads the AST: it walks every flow,
// segment and expression once, using the checker's resolutions
// (checked_program::info) to emit nodes with symbols and slot indices, and
// builds the indexes the simulator's hot path uses (event → triggers,
// history slots, properties to extract). It assumes the program checked
// without errors; given one with errors its result is unspecified but safe.
#pragma once

#include "interpreter/check/checked_program.hpp"
#include "interpreter/ir/program.hpp"

namespace afterflow::compile {

/// What a test sees: only some flows, and the policy of some files.
struct compile_scope {
  std::vector<check::flow_index> flows;        ///< in run order
  std::vector<grammar::file_id> policy_files;  ///< files whose `policy` blocks apply
};

/// Compiles every flow with the whole program's policy.
[[nodiscard]] ir::program compile(const check::checked_program& checked);
/// Compiles only what `scope` names (for a campaign test).
[[nodiscard]] ir::program compile(const check::checked_program& checked, const compile_scope& scope);

}  // namespace afterflow::compile
