// Expressions: precedence, associativity, every operator and primary form.
// Each row is parsed as `const x = <input>` and compared by its AST dump.
#include <gtest/gtest.h>

#include "tests/grammar/parse_test_support.hpp"

namespace afterflow::grammar {
namespace {

struct expr_case {
  const char* input;
  const char* dump;
};

class expression_test : public ::testing::TestWithParam<expr_case> {};

TEST_P(expression_test, parses_to_tree) { EXPECT_EQ(expr_dump(GetParam().input), GetParam().dump) << GetParam().input; }

// clang-format off
const expr_case precedence[] = {
  {"1 + 2 * 3", "(+ 1 (* 2 3))"},
  {"1 * 2 + 3", "(+ (* 1 2) 3)"},
  {"1 - 2 - 3", "(- (- 1 2) 3)"},
  {"8 / 4 / 2", "(/ (/ 8 4) 2)"},
  {"7 % 3 * 2", "(* (% 7 3) 2)"},
  {"1 + 2 - 3 + 4", "(+ (- (+ 1 2) 3) 4)"},
  {"a or b and c", "(or a (and b c))"},
  {"a and b or c", "(or (and a b) c)"},
  {"a or b or c", "(or (or a b) c)"},
  {"a and b and c", "(and (and a b) c)"},
  {"not a == b", "(not (== a b))"},
  {"not a and b", "(and (not a) b)"},
  {"not a or not b", "(or (not a) (not b))"},
  {"not not a", "(not (not a))"},
  {"a == b and c != d", "(and (== a b) (!= c d))"},
  {"a + 1 < b * 2", "(< (+ a 1) (* b 2))"},
  {"a + 1 == b or c", "(or (== (+ a 1) b) c)"},
  {"-a * b", "(* (- a) b)"},
  {"- -a", "(- (- a))"},
  {"a - -1", "(- a (- 1))"},
  {"-x.y", "(- (. x y))"},
  {"(a + b) * c", "(* (paren (+ a b)) c)"},
  {"((a))", "(paren (paren a))"},
  {"not (a or b)", "(not (paren (or a b)))"},
};
INSTANTIATE_TEST_SUITE_P(precedence, expression_test, ::testing::ValuesIn(precedence));

const expr_case comparisons[] = {
  {"a == b", "(== a b)"},
  {"a != b", "(!= a b)"},
  {"a < b", "(< a b)"},
  {"a <= b", "(<= a b)"},
  {"a > b", "(> a b)"},
  {"a >= b", "(>= a b)"},
  {"a==b", "(== a b)"},
  {"a<=b", "(<= a b)"},
  {"x in [1, 2]", "(in x (list 1 2))"},
  {"x not in [1, 2]", "(not-in x (list 1 2))"},
  {"x not   in y", "(not-in x y)"},
  {"x not\n in y", "(not-in x y)"},
  {"not x in y", "(not (in x y))"},
  {"not x not in y", "(not (not-in x y))"},
  {"\"vip\" in customer.tags", "(in \"vip\" (. customer tags))"},
  {"a + 1 in b", "(in (+ a 1) b)"},
  {"(a < b) == c", "(== (paren (< a b)) c)"},
};
INSTANTIATE_TEST_SUITE_P(comparisons, expression_test, ::testing::ValuesIn(comparisons));

const expr_case postfix_and_calls[] = {
  {"a.b", "(. a b)"},
  {"a.b.c", "(. (. a b) c)"},
  {"trigger . total", "(. trigger total)"},
  {"trigger\n  .total", "(. trigger total)"},
  {"trigger.key", "(. trigger key)"},
  {"event.count", "(. event count)"},
  {"last(nps_submitted).score", "(. (call last nps_submitted) score)"},
  {"count(order_placed)", "(call count order_placed)"},
  {"f()", "(call f)"},
  {"f( )", "(call f)"},
  {"f (x)", "(call f x)"},
  {"f(a, b)", "(call f a b)"},
  {"f(a, b,)", "(call f a b)"},
  {"sum(order_placed.total, within: 365d)", "(call sum (. order_placed total) (within: 365d))"},
  {"count(order_placed where event.total > 50, within: 30d)",
   "(call count order_placed (within: 30d) (where (> (. event total) 50)))"},
  {"exists(order_returned where event.order_id == trigger.order_id)",
   "(call exists order_returned (where (== (. event order_id) (. trigger order_id))))"},
  {"count(order_placed where f(x) > 1)", "(call count order_placed (where (> (call f x) 1)))"},
  {"f(x: 1, y: g(z: 2))", "(call f (x: 1) (y: (call g (z: 2))))"},
  {"f(within : 1)", "(call f (within: 1))"},
  {"coalesce(customer.first_name, \"there\")", "(call coalesce (. customer first_name) \"there\")"},
  {"days_since(last(order_placed).time) >= 30", "(>= (call days_since (. (call last order_placed) time)) 30)"},
  {"f(a)(b)", "unexpected errors:\nerror[E0001]: expected a declaration (`import`, `const`, `event`, `segment`, `policy`, `map`, `flow` or `test`), found `(`\n --> test.flow:1:15\n  |\n1 | const x = f(a)(b)\n  |               ^\n"},
};
INSTANTIATE_TEST_SUITE_P(postfix_and_calls, expression_test, ::testing::ValuesIn(postfix_and_calls));

const expr_case primaries[] = {
  {"true", "true"},
  {"false", "false"},
  {"null", "null"},
  {"1000", "1000"},
  {"19.99", "19.99"},
  {"2.50", "2.50"},
  {"0", "0"},
  {"007", "007"},
  {"\"text\"", "\"text\""},
  {"\"\"", "\"\""},
  {"\"a\\\"b\\\\c\\nd\\te\\rf\"", "\"a\\\"b\\\\c\\nd\\te\\rf\""},
  {"\"caf\\u{e9} \\u{1F600}\"", "\"caf\xC3\xA9 \xF0\x9F\x98\x80\""},
  {"\"tab\tinside\"", "\"tab\\tinside\""},
  {"\"# not a comment\"", "\"# not a comment\""},
  {"3d", "3d"},
  {"1d12h", "1d12h"},
  {"10:00", "10:00"},
  {"2026-03-01T09:00:00Z", "2026-03-01T09:00:00Z"},
  {"now", "now"},
  {"[]", "(list)"},
  {"[ ]", "(list)"},
  {"[1]", "(list 1)"},
  {"[1, 2,]", "(list 1 2)"},
  {"[1, [2, 3], \"x\"]", "(list 1 (list 2 3) \"x\")"},
  {"[\n  \"a\",\n  \"b\",\n]", "(list \"a\" \"b\")"},
};
INSTANTIATE_TEST_SUITE_P(primaries, expression_test, ::testing::ValuesIn(primaries));

// Keywords are matched whole: `order` is not `or`, `notable` is not `not`.
const expr_case keyword_boundaries[] = {
  {"orders or android", "(or orders android)"},
  {"notable and andrew", "(and notable andrew)"},
  {"inbound in input", "(in inbound input)"},
  {"iffy == elsewhere", "(== iffy elsewhere)"},
  {"nullable != truthy", "(!= nullable truthy)"},
  {"falsehood", "falsehood"},
  {"wait + at", "(+ wait at)"},
  {"key", "key"},
  {"count", "count"},
  {"_private1", "_private1"},
};
INSTANTIATE_TEST_SUITE_P(keyword_boundaries, expression_test, ::testing::ValuesIn(keyword_boundaries));

const expr_case layout[] = {
  {"a\n+\nb", "(+ a b)"},
  {"a # first\n  + b # second\n", "(+ a b)"},
  {"a\r\n  and b", "(and a b)"},
  {"f(\n  x,\n  within: 3d,\n)", "(call f x (within: 3d))"},
};
INSTANTIATE_TEST_SUITE_P(layout, expression_test, ::testing::ValuesIn(layout));
// clang-format on

}  // namespace
}  // namespace afterflow::grammar
