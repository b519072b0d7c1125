// Which campaign tests to run: `afterflow test FILES --filter PATTERN`.
//
// Tests are picked from the root files only (the files named on the command
// line or found in its directories), never from files that are merely
// imported, and in run order (files in program order, then source order).
// A filter is a substring of the test's name, or, when it holds `*`, `?` or
// `[…]`, a glob over the whole name (shell rules: `[a-c]`, `[!x]`; a `[`
// without its `]` is a plain character). Several filters select the union.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/check/checked_program.hpp"

namespace afterflow::testing {

/// Whether a test called `name` is selected by `pattern`.
[[nodiscard]] bool test_name_matches(std::string_view pattern, std::string_view name);

/// The tests of the root files whose names match one of `filters` (all of
/// them when `filters` is empty), in run order.
[[nodiscard]] std::vector<check::test_index> select_tests(const check::checked_program& program,
                                                          std::span<const std::string> filters);

}  // namespace afterflow::testing
