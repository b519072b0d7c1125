// The checker: name resolution, types and every static rule of the
// language, producing a `checked_program` (see checked_program.hpp).
//
// It reports everything it finds in one run and never cascades. Each rule
// has its own code (check_codes.hpp) and lives in one place:
//
//   events, segments, constants, policy, maps   checker_declarations.cpp
//   names, members, operators, folding          checker_expressions.cpp
//   operator typing                             type_rules.cpp
//   built-in calls, time zones                  checker_calls.cpp
//   flow clauses and steps                      checker_flows.cpp
//   tests                                       checker_tests.cpp
//   unused segments/constants/bindings          checker_declarations.cpp
//
// Diagnostics are appended in the order found; call
// `diagnostic_list::sort()` before printing for source order.
#pragma once

#include <span>
#include <string>

#include "grammar/diagnostic.hpp"
#include "interpreter/check/checked_program.hpp"
#include "interpreter/check/module_loader.hpp"

namespace afterflow::check {

/// Checks a loaded program; takes ownership of its sources and ASTs.
[[nodiscard]] checked_program check_program(loaded_program program, grammar::diagnostic_list& diagnostics);

/// Loads `roots` with their imports and checks them: the whole front end in
/// one call. Loader, parser and checker diagnostics all go to `diagnostics`.
[[nodiscard]] checked_program load_and_check(std::span<const std::string> roots, const file_reader& reader,
                                             grammar::diagnostic_list& diagnostics, const load_limits& limits = {});

}  // namespace afterflow::check
