// Helpers for the simulator tests: instants from RFC 3339 text, and actions,
// run ends and waiting runs as short strings that a test can compare with
// what a person works out by hand.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/testing/simulation.hpp"

namespace afterflow::testing {

/// The instant an RFC 3339 text names (the test fails on bad text).
[[nodiscard]] grammar::instant instant(std::string_view rfc3339);

/// "<time> <customer> <channel> <template>", then " suppressed: <reason>"
/// when suppressed and " deferred from <time>" when quiet hours moved it.
[[nodiscard]] std::string describe(const runtime::owned_action& a);
/// Every action of the simulation, described.
[[nodiscard]] std::vector<std::string> sends(const simulation& sim);
/// The action's parameters as `name=value` (values as `explain` writes
/// them), separated by spaces.
[[nodiscard]] std::string params(const runtime::owned_action& a);
/// The action's splits as `split=arm`, separated by spaces.
[[nodiscard]] std::string splits(const runtime::owned_action& a);
/// "<run id> <reason> at <time>" for every run that ended, in order.
[[nodiscard]] std::vector<std::string> ends(const simulation& sim);
/// "<run id> <waiting_for>" for every run still active.
[[nodiscard]] std::vector<std::string> waiting(const simulation& sim);
/// "<code> <flow> <customer> <step>: <message>" for every run-time error.
[[nodiscard]] std::vector<std::string> errors(const simulation& sim);

}  // namespace afterflow::testing
