// The three report formats, exactly, on a small hand-made run.
#include "interpreter/testing/test_report.hpp"

#include <gtest/gtest.h>

#include "grammar/text/timestamp.hpp"

namespace afterflow::testing {

using grammar::parse_timestamp;

namespace {

std::vector<test_result> small_run() {
  std::vector<test_result> out(2);
  out[0].name = "asks for a review";
  out[0].file = "flows/review.flow";
  out[0].line = 40;
  out[0].simulated = std::chrono::days(3) + std::chrono::hours(5);

  auto& failed = out[1];
  failed.name = "no request after a <return> & \"refund\"";
  failed.file = "flows/review.flow";
  failed.line = 152;
  failed.status = test_status::failed;
  failed.simulated = std::chrono::days(2);
  failed.failures.push_back({157,
                             "expected send email \"review_request\" to c1 at 2026-03-04T15:00:00Z, found no such send",
                             {"closest: email \"review_request\" to c1 at 2026-03-04T14:00:00Z: 1h earlier"},
                             {"c1"}});
  failed.failures.push_back(
      {158, "expected c1 in vip when the run ends (2026-03-04T14:00:00Z), but c1 is not in it", {}, {"c1"}});
  failed.rows.push_back(
      {row_mark::unexpected, *parse_timestamp("2026-03-04T14:00:00Z"), 0, "", "email \"review_request\" to c1"});
  failed.rows.push_back(
      {row_mark::missing, *parse_timestamp("2026-03-04T15:00:00Z"), 157, "email \"review_request\" to c1", ""});
  failed.timelines.emplace_back("c1", "2026-03-02T09:00:00Z  event order_delivered (order_id \"o1\")\n");
  return out;
}

constexpr std::string_view failed_details =
    "    flows/review.flow:157: expected send email \"review_request\" to c1 at 2026-03-04T15:00:00Z, found no such "
    "send\n"
    "      closest: email \"review_request\" to c1 at 2026-03-04T14:00:00Z: 1h earlier\n"
    "    flows/review.flow:158: expected c1 in vip when the run ends (2026-03-04T14:00:00Z), but c1 is not in it\n"
    "\n"
    "      time                  line  expected                      actual\n"
    "    + 2026-03-04T14:00:00Z                                      email \"review_request\" to c1\n"
    "    - 2026-03-04T15:00:00Z  157   email \"review_request\" to c1\n"
    "      (= matched, - expected but not found, + found but not expected)\n"
    "\n"
    "    timeline of c1:\n"
    "      2026-03-02T09:00:00Z  event order_delivered (order_id \"o1\")\n"
    "\n";

TEST(render_text, one_line_per_test_details_recap_and_summary_last) {
  const auto results = small_run();
  const auto expected = std::string(
                            "PASS  flows/review.flow:40   asks for a review  (simulated 3d5h)\n"
                            "FAIL  flows/review.flow:152  no request after a <return> & \"refund\"  (simulated 2d)\n") +
                        std::string(failed_details) +
                        "\n"
                        "failed:\n"
                        "  flows/review.flow:152  no request after a <return> & \"refund\"\n"
                        "1 passed, 1 failed\n";
  EXPECT_EQ(render_text(results, false), expected);
  EXPECT_EQ(render_failure_details(results[1], false), failed_details);
  EXPECT_EQ(render_failure_details(results[0], false), "");
}

TEST(render_text, the_summary_is_the_last_line_and_plain) {
  auto results = small_run();
  results.pop_back();
  EXPECT_EQ(render_text(results, false),
            "PASS  flows/review.flow:40  asks for a review  (simulated 3d5h)\n\n1 passed, 0 failed\n");
  EXPECT_EQ(render_text({}, false), "0 passed, 0 failed\n");
  // Colour codes on the lines, never on the summary.
  const auto colored = render_text(small_run(), true);
  EXPECT_NE(colored.find("\x1b[1;32mPASS\x1b[0m"), std::string::npos);
  EXPECT_NE(colored.find("\x1b[1;31mFAIL\x1b[0m"), std::string::npos);
  EXPECT_TRUE(colored.ends_with("\n1 passed, 1 failed\n"));
  EXPECT_EQ(render_text(small_run(), false).find('\x1b'), std::string::npos);
}

TEST(render_json, one_object_with_tests_and_totals) {
  EXPECT_EQ(
      render_json(small_run()),
      R"({"tests":[{"name":"asks for a review","file":"flows/review.flow","line":40,"status":"passed",)"
      R"("simulated":"3d5h","failures":[]},{"name":"no request after a <return> & \"refund\"",)"
      R"("file":"flows/review.flow","line":152,"status":"failed","simulated":"2d","failures":[{"line":157,)"
      R"("message":"expected send email \"review_request\" to c1 at 2026-03-04T15:00:00Z, found no such send",)"
      R"("notes":["closest: email \"review_request\" to c1 at 2026-03-04T14:00:00Z: 1h earlier"]},)"
      R"({"line":158,"message":"expected c1 in vip when the run ends (2026-03-04T14:00:00Z), but c1 is not in it",)"
      R"("notes":[]}]}],"totals":{"passed":1,"failed":1,"skipped":0}})"
      "\n");
}

TEST(render_junit, suites_per_file_and_escaped_text) {
  std::string body(failed_details);
  std::string escaped;
  for (const char c : body) {
    if (c == '"') {
      escaped += "&quot;";
    } else if (c == '<') {
      escaped += "&lt;";
    } else if (c == '>') {
      escaped += "&gt;";
    } else if (c == '&') {
      escaped += "&amp;";
    } else {
      escaped += c;
    }
  }
  auto results = small_run();
  results.push_back(results[0]);
  results.back().file = "other.flow";
  EXPECT_EQ(
      render_junit(results),
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<testsuites name=\"afterflow\" tests=\"3\" failures=\"1\" errors=\"0\" skipped=\"0\">\n"
      "  <testsuite name=\"flows/review.flow\" tests=\"2\" failures=\"1\" errors=\"0\" skipped=\"0\">\n"
      "    <testcase name=\"asks for a review\" classname=\"flows.review\" file=\"flows/review.flow\" "
      "line=\"40\"/>\n"
      "    <testcase name=\"no request after a &lt;return&gt; &amp; &quot;refund&quot;\" classname=\"flows.review\" "
      "file=\"flows/review.flow\" line=\"152\">\n"
      "      <failure message=\"expected send email &quot;review_request&quot; to c1 at 2026-03-04T15:00:00Z, "
      "found no such send (and 1 more)\" type=\"expectation\">" +
          escaped +
          "</failure>\n"
          "    </testcase>\n"
          "  </testsuite>\n"
          "  <testsuite name=\"other.flow\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\">\n"
          "    <testcase name=\"asks for a review\" classname=\"other\" file=\"other.flow\" line=\"40\"/>\n"
          "  </testsuite>\n"
          "</testsuites>\n");
}

TEST(xml_escape, markup_quotes_and_characters_xml_forbids) {
  EXPECT_EQ(xml_escape("a<b>&\"c\"'d'"), "a&lt;b&gt;&amp;&quot;c&quot;&apos;d&apos;");
  EXPECT_EQ(xml_escape("line\nnext\ttab\rcr"), "line&#10;next&#9;tab&#13;cr");
  EXPECT_EQ(xml_escape(std::string("bell\x07 nul", 9) + '\0'), "bell\xEF\xBF\xBD nul\xEF\xBF\xBD");
  EXPECT_EQ(xml_escape("caf\xC3\xA9 \xE2\x9C\x93"), "caf\xC3\xA9 \xE2\x9C\x93");
}

TEST(count_results, passed_and_failed) {
  const auto totals = count_results(small_run());
  EXPECT_EQ(totals.passed, 1U);
  EXPECT_EQ(totals.failed, 1U);
}

}  // namespace
}  // namespace afterflow::testing
