// Running campaign tests: `afterflow test` and anyone embedding it.
//
// Each test runs in a fresh simulator over a program compiled for it alone:
// the flows visible from the test's file (`test_entry::flows`) and the
// policy of that file and of the files it imports, directly or not. The
// test's lines are played in order:
//
//   customer c { … }     attributes set before anything happens
//   at T / after D …     events fed in order (`after` resolved by the checker)
//   run until T          the clock stops at T: later timers do not fire
//
// Without `run until`, the replay goes on until no timer is left; a
// campaign still running ten years (`test_horizon`) after its last event
// never ends and fails the test. Then the expectations are checked
// (test_expectations.hpp) and the result carries everything a report
// needs: failures, the expected-vs-actual rows, and the timelines of the
// customers the failures are about. Nothing here reads a clock or prints.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "interpreter/check/checked_program.hpp"
#include "interpreter/testing/test_expectations.hpp"

namespace afterflow::testing {

/// How long after its last event a test without `run until` may run.
inline constexpr grammar::duration test_horizon = std::chrono::days(3653);

/// Lines of one customer's timeline a failing test shows at most.
inline constexpr std::size_t max_timeline_lines = 60;

enum class test_status : unsigned char { passed, failed };

struct test_result {
  std::string name;
  std::string file;  ///< as displayed in diagnostics
  std::uint32_t line = 0;
  test_status status = test_status::passed;
  /// Simulated time from the first event to where the clock stopped, in
  /// microseconds (the test's duration in campaign terms, never wall time).
  grammar::duration simulated{};
  std::vector<test_failure> failures;
  std::vector<send_row> rows;  ///< empty when the test passed
  /// (customer, rendered explain timeline) for the customers the failures
  /// name, in order of first mention; empty when the test passed.
  std::vector<std::pair<std::string, std::string>> timelines;
};

/// Replays test `t` and returns what happened (no expectation is checked).
[[nodiscard]] test_outcome replay_test(const check::checked_program& program, check::test_index t);

/// Replays test `t` and checks its expectations. `program` must have checked
/// without errors.
[[nodiscard]] test_result run_test(const check::checked_program& program, check::test_index t);

}  // namespace afterflow::testing
