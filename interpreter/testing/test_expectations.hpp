// Checking a campaign test's `expect` lines against what its replay did.
//
// The runner (test_runner.hpp) replays a test and hands over a
// `test_outcome`: the actions, how runs ended, what still waits, run-time
// errors, the trace and the segment answers. This module only compares, so
// it can be tested on hand-made outcomes, and it returns failures as values
// (one line each, with notes) plus the rows of the expected-vs-actual table
// a failing test prints; test_report.hpp renders them.
//
// Sends are matched as a bipartite assignment: every `expect send` and
// `expect deferred` line claims one delivered action of its own, every
// `expect suppressed` line one suppressed action, so two identical lines
// need two actions. Lines are considered in source order and each takes
// the earliest matching unclaimed action; when none is left an earlier
// line's claim is moved to another action it matches if that frees one
// (Kuhn's augmenting paths), so the assignment is maximal and always the
// same. One exception: an `expect send` and an `expect deferred` line may
// share an action (the message was deferred, and delivered at T), since
// they describe one message from two sides. A delivered action nobody
// claims fails the test unless the test says `allow other sends`, or a
// failure already shows it (as the closest match of a missing send, or as
// a send an `expect no send` line forbids).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "interpreter/check/checked_program.hpp"
#include "interpreter/runtime/action.hpp"
#include "interpreter/runtime/simulator.hpp"
#include "interpreter/runtime/trace.hpp"

namespace afterflow::testing {

/// One reason a test failed.
struct test_failure {
  /// The line of the test's file it is about: the `expect` line, the event
  /// line, or the `test` line itself for what no line claims (an unexpected
  /// send, a run-time error).
  std::uint32_t line = 0;
  std::string message;                 ///< one line, no trailing period
  std::vector<std::string> notes;      ///< `closest: …`, `help: …`, listed actions
  std::vector<std::string> customers;  ///< whose timelines explain the failure
};

/// What a replay produced, as the expectations see it.
struct test_outcome {
  std::vector<runtime::owned_action> actions;  ///< in the order they happened
  std::vector<runtime::run_end> run_ends;
  std::vector<runtime::waiting_run> waiting;
  std::vector<runtime::runtime_error_record> errors;
  std::vector<runtime::trace_entry> trace;  ///< every customer
  /// Aligned with the test's items: for `expect … in`, whether the segment
  /// held for the customer when the run stopped.
  std::vector<std::optional<bool>> segments;
  grammar::instant started{};  ///< the first event's time
  grammar::instant ended{};    ///< the simulated clock when the run stopped
  /// Problems met while playing the test's lines (an event after `run
  /// until`, a campaign that never ends); they come first among the failures.
  std::vector<test_failure> setup_failures;
};

enum class row_mark : unsigned char {
  matched,     ///< an expectation and the action it claimed
  missing,     ///< an expectation no action matched
  unexpected,  ///< a delivered action no expectation claimed, without `allow other sends`
  other,       ///< an action nobody claimed that is allowed (suppressed, or `allow other sends`)
};

/// One row of the expected-vs-actual table: an expectation, an action, or
/// both when one claimed the other.
struct send_row {
  row_mark mark = row_mark::other;
  std::optional<grammar::instant> time;  ///< the action's, else the expected time; none: "any time"
  std::uint32_t line = 0;                ///< the expectation's line, 0 for an action alone
  std::string expected;                  ///< the expectation without `at`; empty for an action alone
  std::string actual;                    ///< the action without its time; empty when missing
};

struct expectation_result {
  /// The set-up failures, expectations in source order, unexpected sends,
  /// then run-time errors.
  std::vector<test_failure> failures;
  std::vector<send_row> rows;  ///< by time; rows without a time last
};

/// Compares the outcome of test `t` with its `expect` lines.
[[nodiscard]] expectation_result check_expectations(const check::checked_program& program, check::test_index t,
                                                    const test_outcome& outcome);

}  // namespace afterflow::testing
