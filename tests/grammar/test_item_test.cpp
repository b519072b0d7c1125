// Test declarations: every test line and every expectation form.
#include <gtest/gtest.h>

#include <string>

#include "tests/grammar/parse_test_support.hpp"

namespace afterflow::grammar {
namespace {

// The dump of `test "t" { <items> }` without the `(test "t" ` wrapper.
std::string items_dump(const std::string& items) {
  const auto dump = dump_of("test \"t\" {\n" + items + "\n}\n");
  const std::string head = "(test \"t\" ";
  if (dump.rfind(head, 0) != 0) return dump;
  return dump.substr(head.size(), dump.size() - head.size() - 2);
}

struct item_case {
  const char* input;
  const char* dump;
};

class test_item_test : public ::testing::TestWithParam<item_case> {};

TEST_P(test_item_test, parses_to_tree) { EXPECT_EQ(items_dump(GetParam().input), GetParam().dump) << GetParam().input; }

// clang-format off
const item_case lines[] = {
  {"customer c1", "(customer c1)"},
  {"customer c1 { timezone: \"Europe/Prague\", wholesale: false }",
   "(customer c1 (timezone \"Europe/Prague\") (wholesale false))"},
  {"customer \"cust-42\" { vip: true }", "(customer \"cust-42\" (vip true))"},
  {"at 2026-03-01T09:00:00Z order_placed c1 { order_id: \"o1\", total: 150 }",
   "(at 2026-03-01T09:00:00Z order_placed c1 (props (order_id \"o1\") (total 150)))"},
  {"at 2026-03-01T09:00:00Z order_placed \"c 1\"", "(at 2026-03-01T09:00:00Z order_placed \"c 1\")"},
  {"at start order_placed c1 { }", "(at start order_placed c1 (props))"},
  {"after 1d order_delivered c1 { order_id: \"o1\" }", "(after 1d order_delivered c1 (props (order_id \"o1\")))"},
  {"after 1d12h order_returned c1", "(after 1d12h order_returned c1)"},
  {"run until 2026-04-01T00:00:00Z", "(run-until 2026-04-01T00:00:00Z)"},
  {"allow other sends", "(allow-other-sends)"},
};
INSTANTIATE_TEST_SUITE_P(lines, test_item_test, ::testing::ValuesIn(lines));

const item_case expectations[] = {
  {"expect send email", "(expect-send email)"},
  {"expect send email \"review_request\"", "(expect-send email \"review_request\")"},
  {"expect send email \"review_request\" to c2 at 2026-03-09T14:00:00Z",
   "(expect-send email \"review_request\" (to c2) (at 2026-03-09T14:00:00Z))"},
  {"expect send sms to \"c 2\"", "(expect-send sms (to \"c 2\"))"},
  {"expect send email between 2026-03-09T00:00:00Z and 2026-03-10T00:00:00Z",
   "(expect-send email (between 2026-03-09T00:00:00Z 2026-03-10T00:00:00Z))"},
  {"expect send email \"x\" to c1 with { order_id: \"o1\" }", "(expect-send email \"x\" (to c1) (with (order_id \"o1\")))"},
  {"expect send email with { }", "(expect-send email (with))"},
  {"expect send email \"x\" to c1 at 2026-03-09T14:00:00Z with { a: 1 }",
   "(expect-send email \"x\" (to c1) (at 2026-03-09T14:00:00Z) (with (a 1)))"},
  {"expect suppressed email \"x\" to c1", "(expect-suppressed email \"x\" (to c1))"},
  {"expect deferred sms to c1 at 2026-03-09T08:00:00Z", "(expect-deferred sms (to c1) (at 2026-03-09T08:00:00Z))"},
  {"expect no send", "(expect-no-send)"},
  {"expect no send email to c1", "(expect-no-send email (to c1))"},
  {"expect no send \"review_request\"", "(expect-no-send \"review_request\")"},
  {"expect no send to c1", "(expect-no-send (to c1))"},
  {"expect no send sms \"x\" to \"c1\"", "(expect-no-send sms \"x\" (to \"c1\"))"},
  {"expect count send email == 2", "(expect-count email == 2)"},
  {"expect count send sms <= 1", "(expect-count sms <= 1)"},
  {"expect count send push != 0", "(expect-count push != 0)"},
  {"expect count send push > 0", "(expect-count push > 0)"},
  {"expect count send push >= 1", "(expect-count push >= 1)"},
  {"expect count send push < 3", "(expect-count push < 3)"},
  {"expect exit review_request for c1 reason order_returned", "(expect-exit review_request c1 order_returned)"},
  {"expect exit review_request for c1 reason goal", "(expect-exit review_request c1 goal)"},
  {"expect exit review_request for \"c1\" reason \"already reviewed\"",
   "(expect-exit review_request \"c1\" \"already reviewed\")"},
  {"expect goal review_request for c1", "(expect-goal review_request c1)"},
  {"expect c1 in vip", "(expect-in c1 vip)"},
  {"expect c1 not in vip", "(expect-not-in c1 vip)"},
  {"expect \"cust 1\" not in repeat_buyer", "(expect-not-in \"cust 1\" repeat_buyer)"},
  // The segment form is recognised first: here `send` is a customer.
  {"expect send in vip", "(expect-in send vip)"},
};
INSTANTIATE_TEST_SUITE_P(expectations, test_item_test, ::testing::ValuesIn(expectations));

// Where one line ends and the next begins.
const item_case boundaries[] = {
  {"expect no send\nexpect send email", "(expect-no-send) (expect-send email)"},
  {"expect no send\ncustomer c2", "(expect-no-send) (customer c2)"},
  {"expect no send\nat 2026-03-01T09:00:00Z order_placed c1", "(expect-no-send) (at 2026-03-01T09:00:00Z order_placed c1)"},
  {"expect no send\nafter 1d order_placed c1", "(expect-no-send) (after 1d order_placed c1)"},
  {"expect no send\nrun until t", "(expect-no-send) (run-until t)"},
  {"expect no send\nallow other sends", "(expect-no-send) (allow-other-sends)"},
  // `at` after a send expectation is the next line when an event name follows the time.
  {"expect send email to c1\nat 2026-03-01T09:00:00Z order_placed c1",
   "(expect-send email (to c1)) (at 2026-03-01T09:00:00Z order_placed c1)"},
  {"expect send email to c1 at 2026-03-01T09:00:00Z\nallow other sends",
   "(expect-send email (to c1) (at 2026-03-01T09:00:00Z)) (allow-other-sends)"},
  {"expect send email at 2026-03-01T09:00:00Z\nexpect send sms",
   "(expect-send email (at 2026-03-01T09:00:00Z)) (expect-send sms)"},
  {"expect send email at 2026-03-01T09:00:00Z with { a: 1 }",
   "(expect-send email (at 2026-03-01T09:00:00Z) (with (a 1)))"},
  {"expect send email at 2026-03-01T09:00:00Z\n}\ntest \"u\" {",
   "(expect-send email (at 2026-03-01T09:00:00Z)))\n(test \"u\""},
};
INSTANTIATE_TEST_SUITE_P(boundaries, test_item_test, ::testing::ValuesIn(boundaries));
// clang-format on

TEST(test_declarations, issue_examples) {
  EXPECT_EQ(
      dump_of(R"(test "returned orders get no review request" {
  customer c1 { timezone: "Europe/Prague", wholesale: false }
  at 2026-03-01T09:00:00Z order_placed c1 { order_id: "o1", total: 150 }
  after 1d order_delivered c1 { order_id: "o1", total: 150 }
  after 1d order_returned c1 { order_id: "o1" }
  expect no send email to c1
  expect exit review_request for c1 reason order_returned
})"),
      "(test \"returned orders get no review request\" (customer c1 (timezone \"Europe/Prague\") (wholesale false)) "
      "(at 2026-03-01T09:00:00Z order_placed c1 (props (order_id \"o1\") (total 150))) "
      "(after 1d order_delivered c1 (props (order_id \"o1\") (total 150))) "
      "(after 1d order_returned c1 (props (order_id \"o1\"))) (expect-no-send email (to c1)) "
      "(expect-exit review_request c1 order_returned))\n");
}

}  // namespace
}  // namespace afterflow::grammar
