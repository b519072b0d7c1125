// Lowering a checked program into the executable `program`.
//
// The compiler is the last stage that reads the AST: it walks every flow,
// segment and expression once, using the checker's resolutions
// (checked_program::info) to emit nodes with symbols and slot indices, and
// builds the indexes the simulator's hot path uses (event → triggers,
// history slots, properties to extract). It assumes the program checked
// without errors; given one with errors its result is unspecified but safe.
#pragma once

#include "interpreter/checked_program.hpp"
#include "interpreter/program.hpp"

namespace afterflow::interpreter {

[[nodiscard]] program compile(const checked_program& checked);

}  // namespace afterflow::interpreter
