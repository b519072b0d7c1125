// Campaign test results as text, JSON and JUnit XML.
//
// Text (`afterflow test`), one line per test, then the details of each
// failing test right below its line, then a recap and, last, the summary:
//
//   PASS  flows/review.flow:40  asks for a review  (simulated 3d5h)
//   FAIL  flows/review.flow:52  no request after a return  (simulated 2d)
//       flows/review.flow:57: expected no send email to c1, found 1 send
//         email "review_request" to c1 at 2026-03-04T14:00:00Z (flow review_request, flows/review.flow:12)
//
//         time                  line  expected  actual
//       + 2026-03-04T14:00:00Z                  email "review_request" to c1
//         (= matched, - expected but not found, + found but not expected)
//
//       timeline of c1:
//         2026-03-01T09:00:00Z  event order_delivered (…)
//
//   failed:
//     flows/review.flow:52  no request after a return
//   1 passed, 1 failed
//
// The location column is padded to the longest location; times are
// simulated durations (`duration_text`), never wall time, so the output is
// the same on every machine. Colours (ANSI) only when asked for.
//
// JSON, one object on one line:
//   {"tests":[{"name","file","line","status":"passed"|"failed","simulated",
//     "failures":[{"line","message","notes":[…]}]}],
//    "totals":{"passed","failed","skipped"}}
//
// JUnit XML: <testsuites> with one <testsuite name=FILE> per file, one
// <testcase name=NAME classname=FILE-as-dotted-path file=FILE line=LINE>
// per test, and for a failing test one <failure message=FIRST MESSAGE
// type="expectation"> whose text is the failure details in plain text.
#pragma once

#include <cstddef>
#include <span>
#include <string>

#include "interpreter/testing/test_runner.hpp"

namespace afterflow::testing {

struct test_totals {
  std::size_t passed = 0;
  std::size_t failed = 0;
};

[[nodiscard]] test_totals count_results(std::span<const test_result> results);

/// `file:line` of a test, as the text report shows it.
[[nodiscard]] std::string location_of(const test_result& r);

/// `PASS  <location padded to location_width>  <name>  (simulated 3d)` and a
/// newline.
[[nodiscard]] std::string render_test_line(const test_result& r, std::size_t location_width, bool color);
/// The failures, the expected-vs-actual table and the timelines of a failed
/// test, indented, ending with a blank line; empty for a test that passed.
[[nodiscard]] std::string render_failure_details(const test_result& r, bool color);
/// The recap of failed tests (when any) and the closing `N passed, N failed`.
[[nodiscard]] std::string render_summary(std::span<const test_result> results, bool color);

/// The whole text report: every line and detail, the recap, the summary.
[[nodiscard]] std::string render_text(std::span<const test_result> results, bool color);
[[nodiscard]] std::string render_json(std::span<const test_result> results);
[[nodiscard]] std::string render_junit(std::span<const test_result> results);

/// `s` escaped for XML text and attribute values; characters XML 1.0 does
/// not allow become U+FFFD.
[[nodiscard]] std::string xml_escape(std::string_view s);

}  // namespace afterflow::testing
