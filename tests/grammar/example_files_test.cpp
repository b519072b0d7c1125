// Whole files: the example of the language issue, the standard `ecommerce`
// module, and the golden syntax inputs (valid ones parse cleanly, invalid
// ones report a syntax error and say what is wrong in their first line).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "tests/grammar/parse_test_support.hpp"

namespace afterflow::grammar {
namespace {

namespace fs = std::filesystem;

const fs::path source_dir = AFTERFLOW_SOURCE_DIR;

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::vector<fs::path> flow_files(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::exists(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".flow") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

TEST(example_files, the_issue_example) {
  // The language issue's example, verbatim, with its two tests.
  const auto p = parse(read_file(source_dir / "tests/golden/check/syntax_ok/review_request.flow"));
  ASSERT_TRUE(p.diagnostics.empty()) << p.errors();
  EXPECT_EQ(p.dump(),
            "(import \"ecommerce\")\n"
            "(const review_delay 3d)\n"
            "(event gift_card_redeemed (field card_id string) (field amount number))\n"
            "(segment repeat_buyer (>= (call count order_placed) 2))\n"
            "(segment vip (>= (call sum (. order_placed total) (within: 365d)) 1000))\n"
            "(segment promoter (>= (. (call last nps_submitted) score) 9))\n"
            "(policy (timezone \"America/New_York\") (quiet-hours 21:00 08:00) (limit email 2 7d) (limit sms 1 1d))\n"
            "(flow review_request \"Ask for a review a few days after delivery\" "
            "(trigger order_delivered (where (>= (. event total) 20))) "
            "(when (not (. customer wholesale))) "
            "(exit order_returned (where (== (. event order_id) (. trigger order_id)))) "
            "(goal review_submitted (where (== (. event order_id) (. trigger order_id)))) "
            "(reentry after 30d) (key (. trigger order_id)) "
            "(block (wait review_delay) (wait-until 10:00 (on mon..fri) (in (. customer timezone))) "
            "(if (branch (and (> (. trigger total) 100) vip) "
            "(block (send email \"review_request_vip\" (params (order_id (. trigger order_id)))))) "
            "(branch repeat_buyer (block (send email \"review_request_repeat\"))) "
            "(else (block (send email \"review_request\")))) "
            "(wait-for review_submitted (as review) (where (== (. review order_id) (. trigger order_id))) (within 7d) "
            "(received (block (if (branch (<= (. review score) 2) "
            "(block (send task \"support_followup\" (params (score (. review score))))))))) "
            "(timeout (block (send sms \"review_reminder\")))) "
            "(split \"incentive\" (arm 50% control (block)) "
            "(arm 50% coupon (block (send email \"review_coupon\" (params (code \"THANKS10\")))))) "
            "(set customer last_review_ask now) (tag \"asked_for_review\") "
            "(emit review_flow_finished (props (order_id (. trigger order_id))))))\n"
            "(test \"returned orders get no review request\" "
            "(customer c1 (timezone \"Europe/Prague\") (wholesale false)) "
            "(at 2026-03-01T09:00:00Z order_placed c1 (props (order_id \"o1\") (total 150))) "
            "(after 1d order_delivered c1 (props (order_id \"o1\") (total 150))) "
            "(after 1d order_returned c1 (props (order_id \"o1\"))) "
            "(expect-no-send email (to c1)) (expect-exit review_request c1 order_returned))\n"
            "(test \"the request waits for a weekday morning, after the DST change\" "
            "(at 2026-03-05T12:00:00Z order_delivered c2 (props (order_id \"o2\") (total 40))) "
            "(expect-send email \"review_request\" (to c2) (at 2026-03-09T14:00:00Z)) (allow-other-sends))\n");
  EXPECT_EQ(p.tree.comments.size(), 9u);
  const auto& flow = std::get<ast::flow_decl>(p.tree.declarations[7].node);
  const auto& expect = std::get<ast::expect_send>(std::get<ast::test_decl>(p.tree.declarations[9].node).items[1].node);
  EXPECT_EQ(micros_since_epoch(std::get<ast::timestamp_literal>(expect.at->node).value), 1773064800000000);
  EXPECT_EQ(flow.body.steps.size(), 8u);
}

TEST(example_files, the_ecommerce_module) {
  const auto text = read_file(source_dir / "stdlib/modules/ecommerce.flow");
  ASSERT_FALSE(text.empty());
  const auto p = parse(text, {}, "ecommerce.flow");
  ASSERT_TRUE(p.diagnostics.empty()) << p.errors();
  std::set<std::string> events;
  std::size_t maps = 0;
  for (const auto& d : p.tree.declarations) {
    if (const auto* e = std::get_if<ast::event_decl>(&d.node)) events.insert(e->name.name);
    if (std::holds_alternative<ast::map_decl>(d.node)) ++maps;
  }
  for (const char* name :
       {"order_placed", "order_paid", "order_shipped", "order_delivered", "order_cancelled", "order_returned",
        "refund_issued", "review_submitted", "nps_submitted", "csat_submitted", "support_ticket_opened",
        "support_ticket_closed", "subscription_started", "trial_ending", "subscription_cancelled", "back_in_stock",
        "order_status_viewed", "unsubscribed", "profile_updated"}) {
    EXPECT_TRUE(events.count(name)) << name;
  }
  EXPECT_GT(maps, 10u);
  EXPECT_FALSE(p.tree.comments.empty());
}

TEST(example_files, valid_golden_inputs_parse_cleanly) {
  const auto files = flow_files(source_dir / "tests/golden/check/syntax_ok");
  EXPECT_GE(files.size(), 5u);
  for (const auto& file : files) {
    const auto p = parse(read_file(file), {}, file.filename().string());
    EXPECT_TRUE(p.diagnostics.empty()) << p.errors();
    EXPECT_FALSE(p.tree.declarations.empty()) << file;
  }
}

TEST(example_files, invalid_golden_inputs_report_syntax_errors) {
  const auto files = flow_files(source_dir / "tests/golden/check/syntax");
  EXPECT_GE(files.size(), 30u);
  std::set<std::string> codes;
  for (const auto& file : files) {
    const auto text = read_file(file);
    EXPECT_TRUE(text.starts_with("#")) << file << " must start with a comment saying what is wrong";
    const auto p = parse(text, {}, file.filename().string());
    EXPECT_FALSE(p.diagnostics.empty()) << file;
    for (const auto& d : p.diagnostics.items()) {
      EXPECT_EQ(d.code.substr(0, 3), "E00") << file;
      codes.insert(d.code);
    }
  }
  // Every syntax error code but E0008 (a file too large) has a golden input.
  for (const char* code :
       {"E0001", "E0002", "E0003", "E0004", "E0005", "E0006", "E0007", "E0009", "E0010", "E0011", "E0012"}) {
    EXPECT_TRUE(codes.count(code)) << code;
  }
}

}  // namespace
}  // namespace afterflow::grammar
