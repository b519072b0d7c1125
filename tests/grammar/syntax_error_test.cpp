// Syntax errors: the exact code and message for each kind of mistake, and
// the full rendered diagnostic (caret line, label, notes, help) for a few.
#include <gtest/gtest.h>

#include "grammar/syntax_codes.hpp"
#include "tests/grammar/parse_test_support.hpp"

namespace afterflow::grammar {
namespace {

struct error_case {
  const char* input;
  const char* error;  ///< "code message" of the first diagnostic
};

class syntax_error_test : public ::testing::TestWithParam<error_case> {};

TEST_P(syntax_error_test, reports_the_mistake) {
  EXPECT_EQ(first_error(GetParam().input), GetParam().error) << GetParam().input;
}

// clang-format off
const error_case literal_errors[] = {
  {"flow x { wait 3x }", "E0004 invalid number `3x`"},
  {"flow x { wait 3days }", "E0004 invalid duration `3days`"},
  {"flow x { wait 3.5h }", "E0004 invalid number `3.5h`"},
  {"flow x { wait 1d12 }", "E0004 invalid duration `1d12`"},
  {"flow x { wait 12h1d }", "E0004 invalid duration `12h1d`"},
  {"flow x { wait 1h1h }", "E0004 invalid duration `1h1h`"},
  {"const a = 25:00", "E0004 invalid time of day `25:00`"},
  {"const a = 10:60", "E0004 invalid time of day `10:60`"},
  {"const a = 10:5", "E0004 invalid time of day `10:5`"},
  {"const a = 100:00", "E0004 invalid time of day `100:00`"},
  {"const a = 10:00:5", "E0004 invalid time of day `10:00:5`"},
  {"const a = 10:00:00:00", "E0004 invalid time of day `10:00:00:00`"},
  {"const a = 10:00am", "E0004 invalid time of day `10:00am`"},
  {"const a = 2026-13-01T00:00Z", "E0004 invalid timestamp `2026-13-01T00:00Z`"},
  {"const a = 2026-02-30T00:00Z", "E0004 invalid timestamp `2026-02-30T00:00Z`"},
  {"const a = 2026-03-01", "E0004 invalid timestamp `2026-03-01`"},
  {"const a = 2026-3-1", "E0004 invalid timestamp `2026-3-1`"},
  {"const a = 2026-03-01T9:00Z", "E0004 invalid timestamp `2026-03-01T9:00Z`"},
  {"const a = 2026-03-01T09:00", "E0004 invalid timestamp `2026-03-01T09:00`"},
  {"const a = 2026-03-01T09:00:00.Z", "E0004 invalid timestamp `2026-03-01T09:00:00.Z`"},
  {"const a = 2026-03-01T09:00:00.1234567Z", "E0004 invalid timestamp `2026-03-01T09:00:00.1234567Z`"},
  {"const a = 2026-03-01t09:00:00z", "E0004 invalid timestamp `2026-03-01t09:00:00z`"},
  {"const a = 2026-03-01T09:00:00Zulu", "E0004 invalid timestamp `2026-03-01T09:00:00Zulu`"},
  {"const a = 1.5.3", "E0004 invalid number `1.5.3`"},
  {"const a = 1_000", "E0004 invalid number `1_000`"},
  {"flow x { split { 50x% a { } } }", "E0004 invalid percentage `50x`"},
};
INSTANTIATE_TEST_SUITE_P(literals, syntax_error_test, ::testing::ValuesIn(literal_errors));

const error_case string_errors[] = {
  {"const a = \"abc", "E0002 unterminated string"},
  {"const a = \"abc\nconst b = 1", "E0002 unterminated string"},
  {"const a = \"abc\\", "E0003 unknown escape `\\` in string"},
  {"const a = \"a\\q\"", "E0003 unknown escape `\\q` in string"},
  {"const a = \"a\\'\"", "E0003 unknown escape `\\'` in string"},
  {"const a = \"\\u{110000}\"", "E0003 invalid escape `\\u{110000}` in string"},
  {"const a = \"\\u{D800}\"", "E0003 invalid escape `\\u{D800}` in string"},
  {"const a = \"\\u{}\"", "E0003 invalid escape `\\u{}` in string"},
  {"const a = \"\\u41\"", "E0003 invalid escape `\\u41` in string"},
  {"const a = \"\\u{1234567}\"", "E0003 invalid escape `\\u{1234567}` in string"},
  {"const a = \"\\u{12\"", "E0003 invalid escape `\\u{12` in string"},
};
INSTANTIATE_TEST_SUITE_P(strings, syntax_error_test, ::testing::ValuesIn(string_errors));

const error_case expression_errors[] = {
  {"const a = (1", "E0001 expected `)` to close the parenthesis, found end of input"},
  {"const a = ()", "E0001 expected an expression after `(`, found `)`"},
  {"const a = [1 2]", "E0001 expected `,` or `]` to close the list, found `2`"},
  {"const a = [1,, 2]", "E0001 expected `,` or `]` to close the list, found `,`"},
  {"const a = f(1 2)", "E0001 expected `,` or `)` to close the argument list, found `2`"},
  {"const a = f(x: )", "E0001 expected an argument value after `:`, found `)`"},
  {"const a = count(x where )", "E0001 expected a condition after `where`, found `)`"},
  {"const a = count(x, y where z)", "E0012 misplaced `where` in a call"},
  {"const a = count(x where y where z)", "E0012 misplaced `where` in a call"},
  {"const a = x.", "E0001 expected a property name after `.`, found end of input"},
  {"const a = x.1", "E0001 expected a property name after `.`, found `1`"},
  {"const a = x.in", "E0007 expected a property name after `.`, found reserved word `in`"},
  {"const a = x not y", "E0001 expected `in` after `not`, found `y`"},
  {"const a = 1 +", "E0001 expected an expression after the operator, found end of input"},
  {"const a = 1 * }", "E0001 expected an expression after the operator, found `}`"},
  {"const a = 1 == ", "E0001 expected an expression after the comparison, found end of input"},
  {"const a = 1 == not b", "E0001 expected an expression after the comparison, found `not`"},
  {"const a = a and", "E0001 expected an expression after `and`, found end of input"},
  {"const a = a or or", "E0001 expected an expression after `or`, found `or`"},
  {"const a = not", "E0001 expected an expression after `not`, found end of input"},
  {"const a = -", "E0001 expected an expression after `-`, found end of input"},
  {"const a = 1 < 2 < 3", "E0009 comparison operators cannot be chained"},
  {"const a = 1 == 2 != 3", "E0009 comparison operators cannot be chained"},
  {"const a = x in y in z", "E0009 comparison operators cannot be chained"},
  {"const a = 1 < 2 not in 3", "E0009 comparison operators cannot be chained"},
  {"const a = x = 3", "E0001 expected a declaration (`import`, `const`, `event`, `segment`, `policy`, `map`, `flow` or `test`), found `=`"},
  {"const a = 'x'", "E0001 expected a value after `=`, found `'`"},
  {"const a = a && b", "E0001 expected a declaration (`import`, `const`, `event`, `segment`, `policy`, `map`, `flow` or `test`), found `&&`"},
};
INSTANTIATE_TEST_SUITE_P(expressions, syntax_error_test, ::testing::ValuesIn(expression_errors));

const error_case declaration_errors[] = {
  {"flw x { }", "E0001 expected a declaration (`import`, `const`, `event`, `segment`, `policy`, `map`, `flow` or `test`), found `flw`"},
  {"}", "E0001 expected a declaration (`import`, `const`, `event`, `segment`, `policy`, `map`, `flow` or `test`), found `}`"},
  {"flow x { } }", "E0001 expected a declaration (`import`, `const`, `event`, `segment`, `policy`, `map`, `flow` or `test`), found `}`"},
  {"import ecommerce", "E0001 expected a module name or path (a string) after `import`, found `ecommerce`"},
  {"const", "E0001 expected a name after `const`, found end of input"},
  {"const in = 3", "E0007 expected a name after `const`, found reserved word `in`"},
  {"const a", "E0001 expected `=` after the constant's name, found end of input"},
  {"const a == 3", "E0001 expected `=` after the constant's name, found `==`"},
  {"const a =", "E0001 expected a value after `=`, found end of input"},
  {"event e { a string }", "E0001 expected `:` after the field name, found `string`"},
  {"event e { a: }", "E0001 expected a type after `:`, found `}`"},
  {"event e { not: string }", "E0007 expected a field (`name: type`) or `}`, found reserved word `not`"},
  {"event e { a: string", "E0001 expected a field (`name: type`) or `}`, found end of input"},
  {"event e a: string }", "E0001 expected `{` after the event name, found `a`"},
  {"event true { }", "E0007 expected an event name after `event`, found reserved word `true`"},
  {"segment s 3", "E0001 expected `=` after the segment's name, found `3`"},
  {"segment s = ", "E0001 expected a condition after `=`, found end of input"},
  {"policy timezone \"UTC\"", "E0001 expected `{` after `policy`, found `timezone`"},
  {"policy { timezone America }", "E0001 expected a time zone name (a string) after `timezone`, found `America`"},
  {"policy { quiet_hours 21:00 08:00 }", "E0001 expected `to` after the start of the quiet hours, found `08:00`"},
  {"policy { quiet_hours to 08:00 }", "E0001 expected `to` after the start of the quiet hours, found `08:00`"},
  {"policy { quiet_hours }", "E0001 expected a time of day after `quiet_hours`, found `}`"},
  {"policy { quiet_hours 21:00 to }", "E0001 expected a time of day after `to`, found `}`"},
  {"policy { quiet_hours 21:00 to 8:00 for }", "E0001 expected a channel name, found `}`"},
  {"policy { quiet_hours 21:00 to 8:00 for sms, }", "E0001 expected a channel name, found `}`"},
  {"policy { limit email 2 7d }", "E0001 expected `per` after the count, found `7d`"},
  {"policy { limit 2 per 7d }", "E0001 expected a channel after `limit`, found `2`"},
  {"policy { limit email per 7d }", "E0001 expected `per` after the count, found `7d`"},
  {"policy { limit email }", "E0001 expected a count after the channel, found `}`"},
  {"policy { limit email 2 per }", "E0001 expected a duration after `per`, found `}`"},
  {"policy { limt email 2 per 7d }", "E0001 expected a policy item (`timezone`, `quiet_hours`, `limit`) or `}`, found `limt`"},
  {"map X to y", "E0001 expected an external event name (a string) after `map`, found `X`"},
  {"map \"X\" order_placed", "E0001 expected `to` after the external event name, found `order_placed`"},
  {"map \"X\" to", "E0001 expected an event name after `to`, found end of input"},
  {"map \"X\" to y { a b }", "E0001 expected `:` after the property name, found `b`"},
  {"map \"X\" to y { a: }", "E0001 expected an external property name after `:`, found `}`"},
  {"map \"X\" to y { a: b c: d }", "E0001 expected a property mapping (`name: source`) or `}`, found `c`"},
  {"test t { }", "E0001 expected a test name (a string) after `test`, found `t`"},
  {"test \"t\" allow other sends", "E0001 expected `{` after the test name, found `allow`"},
};
INSTANTIATE_TEST_SUITE_P(declarations, syntax_error_test, ::testing::ValuesIn(declaration_errors));

const error_case flow_errors[] = {
  {"flow", "E0001 expected a flow name after `flow`, found end of input"},
  {"flow if { }", "E0007 expected a flow name after `flow`, found reserved word `if`"},
  {"flow x", "E0001 expected `{` to start the flow body, found end of input"},
  {"flow x Ask for a review { }", "E0001 expected `{` to start the flow body, found `Ask`"},
  {"flow x {", "E0001 expected a step or `}` to close the flow, found end of input"},
  {"flow x { sned email \"x\" }", "E0001 expected a step or `}` to close the flow, found `sned`"},
  {"flow x { trigger }", "E0001 expected an event name after `trigger`, found `}`"},
  {"flow x { trigger e where }", "E0001 expected a condition after `where`, found `}`"},
  {"flow x { when }", "E0001 expected a condition after `when`, found `}`"},
  {"flow x { exit order_returned }", "E0001 expected `on` after `exit`, found `order_returned`"},
  {"flow x { exit on }", "E0001 expected an event name after `exit on`, found `}`"},
  {"flow x { exit onward }", "E0001 expected `on` after `exit`, found `onward`"},
  {"flow x { goal }", "E0001 expected an event name after `goal`, found `}`"},
  {"flow x { reentry sometimes }", "E0001 expected `never`, `always` or `after` after `reentry`, found `sometimes`"},
  {"flow x { reentry after }", "E0001 expected a duration after `reentry after`, found `}`"},
  {"flow x { key }", "E0001 expected an expression after `key`, found `}`"},
  {"flow x { wait 1d trigger e }", "E0010 header clause `trigger` after the steps"},
  {"flow x { stop transactional }", "E0010 header clause `transactional` after the steps"},
  {"flow x { key a key b }", "E0011 duplicate `key` clause"},
  {"flow x { reentry never reentry always }", "E0011 duplicate `reentry` clause"},
  {"flow x { transactional transactional }", "E0011 duplicate `transactional` clause"},
};
INSTANTIATE_TEST_SUITE_P(flows, syntax_error_test, ::testing::ValuesIn(flow_errors));

const error_case step_errors[] = {
  {"flow x { wait }", "E0001 expected `until`, `for` or a duration after `wait`, found `}`"},
  {"flow x { wait until }", "E0001 expected a time of day after `wait until`, found `}`"},
  {"flow x { wait until 10:00 on }", "E0001 expected a day of the week (`mon` to `sun`), found `}`"},
  {"flow x { wait until 10:00 on funday }", "E0001 expected a day of the week (`mon` to `sun`), found `funday`"},
  {"flow x { wait until 10:00 on monday }", "E0001 expected a day of the week (`mon` to `sun`), found `monday`"},
  {"flow x { wait until 10:00 on mon.. }", "E0001 expected a day of the week after `..`, found `}`"},
  {"flow x { wait until 10:00 on mon, }", "E0001 expected a day of the week (`mon` to `sun`), found `}`"},
  {"flow x { wait until 10:00 in }", "E0001 expected a time zone after `in`, found `}`"},
  {"flow x { wait for }", "E0001 expected an event name after `wait for`, found `}`"},
  {"flow x { wait for e }", "E0001 expected `within` and a time limit, found `}`"},
  {"flow x { wait for e as within 1d }", "E0001 expected `within` and a time limit, found `1d`"},
  {"flow x { wait for e as }", "E0001 expected a name after `as`, found `}`"},
  {"flow x { wait for e where within 1d }", "E0001 expected `within` and a time limit, found `1d`"},
  {"flow x { wait for e within }", "E0001 expected a duration after `within`, found `}`"},
  {"flow x { wait for e within 1d timeout }", "E0001 expected `{` after `timeout`, found `}`"},
  {"flow x { if { } }", "E0001 expected a condition after `if`, found `{`"},
  {"flow x { if a }", "E0001 expected `{` after the condition, found `}`"},
  {"flow x { if a b { } }", "E0001 expected `{` after the condition, found `b`"},
  {"flow x { if a { } else }", "E0001 expected `{` or `if` after `else`, found `}`"},
  {"flow x { if a { } else if { } }", "E0001 expected a condition after `if`, found `{`"},
  {"flow x { else { } }", "E0001 expected a step or `}` to close the flow, found `else`"},
  {"flow x { split }", "E0001 expected `{` to start the arms of `split`, found `}`"},
  {"flow x { split { 50 a { } } }", "E0001 expected `%` after the percentage, found `a`"},
  {"flow x { split { 50% { } } }", "E0001 expected a label after the percentage, found `{`"},
  {"flow x { split { 50% a } }", "E0001 expected `{` after the arm label, found `}`"},
  {"flow x { split { a { } } }", "E0001 expected an arm (`50% label { ... }`) or `}`, found `a`"},
  {"flow x { send email welcome }", "E0001 expected a template name (a string) after the channel, found `welcome`"},
  {"flow x { send \"welcome\" }", "E0001 expected a channel after `send`, found `\"welcome\"`"},
  {"flow x { send email \"x\" { a 1 } }", "E0001 expected `:` after the property name, found `1`"},
  {"flow x { send email \"x\" { a: } }", "E0001 expected a value after `:`, found `}`"},
  {"flow x { send email \"x\" { a: 1,, } }", "E0001 expected a property (`name: value`) or `}`, found `,`"},
  {"flow x { send email \"x\" { in: 1 } }", "E0007 expected a property (`name: value`) or `}`, found reserved word `in`"},
  {"flow x { set x = 1 }", "E0001 expected `.` and an attribute name, found `=`"},
  {"flow x { set customer. = 1 }", "E0001 expected an attribute name after `.`, found `=`"},
  {"flow x { set customer.x == 1 }", "E0001 expected `=` after the attribute, found `==`"},
  {"flow x { set customer.x = }", "E0001 expected a value after `=`, found `}`"},
  {"flow x { set 1 }", "E0001 expected `customer` after `set`, found `1`"},
  {"flow x { tag vip }", "E0001 expected a tag name (a string) after `tag`, found `vip`"},
  {"flow x { untag }", "E0001 expected a tag name (a string) after `untag`, found `}`"},
  {"flow x { emit }", "E0001 expected an event name after `emit`, found `}`"},
  {"flow x { emit \"e\" }", "E0001 expected an event name after `emit`, found `\"e\"`"},
  {"flow x { repeat times { } }", "E0001 expected `times` after the count, found `{`"},
  {"flow x { repeat { } }", "E0001 expected a count after `repeat`, found `{`"},
  {"flow x { repeat 3 { } }", "E0001 expected `times` after the count, found `{`"},
  {"flow x { repeat 3 times }", "E0001 expected `{` after `times`, found `}`"},
  {"flow x { repeat 3 timesx { } }", "E0001 expected `times` after the count, found `timesx`"},
  {"flow x { log }", "E0001 expected a string after `log`, found `}`"},
  {"flow x { stop reason }", "E0001 expected a step or `}` to close the flow, found `reason`"},
  {"flow x { if a { sned } }", "E0001 expected a step or `}` to close the block, found `sned`"},
};
INSTANTIATE_TEST_SUITE_P(steps, syntax_error_test, ::testing::ValuesIn(step_errors));

const error_case test_errors[] = {
  {"test \"t\" { expect }", "E0001 expected an expectation after `expect`, found `}`"},
  {"test \"t\" { expect sned email }", "E0001 expected an expectation after `expect`, found `sned`"},
  {"test \"t\" { expect no email }", "E0001 expected `send` after `expect no`, found `email`"},
  {"test \"t\" { expect send to c1 }", "E0001 expected a channel, found `to`"},
  {"test \"t\" { expect send email to }", "E0001 expected a customer id after `to`, found `}`"},
  {"test \"t\" { expect send email at }", "E0001 expected a timestamp after `at`, found `}`"},
  {"test \"t\" { expect send email between t1 t2 }", "E0001 expected `and` after the first timestamp, found `t2`"},
  {"test \"t\" { expect send email between }", "E0001 expected a timestamp after `between`, found `}`"},
  {"test \"t\" { expect send email between t1 and }", "E0001 expected a timestamp after `and`, found `}`"},
  {"test \"t\" { expect send email with }", "E0001 expected `{` after `with`, found `}`"},
  {"test \"t\" { expect count email == 1 }", "E0001 expected `send` after `expect count`, found `email`"},
  {"test \"t\" { expect count send == 1 }", "E0001 expected a channel after `expect count send`, found `==`"},
  {"test \"t\" { expect count send email 1 }", "E0001 expected a comparison (`==`, `!=`, `<`, `<=`, `>`, `>=`) after the channel, found `1`"},
  {"test \"t\" { expect count send email == }", "E0001 expected a number after the comparison, found `}`"},
  {"test \"t\" { expect exit }", "E0001 expected a flow name after `expect exit`, found `}`"},
  {"test \"t\" { expect exit f c1 reason x }", "E0001 expected `for` after the flow name, found `c1`"},
  {"test \"t\" { expect exit f for }", "E0001 expected a customer id after `for`, found `}`"},
  {"test \"t\" { expect exit f for c1 }", "E0001 expected `reason` after the customer, found `}`"},
  {"test \"t\" { expect exit f for c1 reason }", "E0001 expected an exit reason after `reason`, found `}`"},
  {"test \"t\" { expect goal }", "E0001 expected a flow name after `expect goal`, found `}`"},
  {"test \"t\" { expect goal f for }", "E0001 expected a customer id after `for`, found `}`"},
  {"test \"t\" { expect c1 in }", "E0001 expected a segment name after `in`, found `}`"},
  {"test \"t\" { customer }", "E0001 expected a customer id after `customer`, found `}`"},
  {"test \"t\" { at }", "E0001 expected a timestamp after `at`, found `}`"},
  {"test \"t\" { at 2026-03-01T09:00:00Z }", "E0001 expected an event name after the time, found `}`"},
  {"test \"t\" { at 2026-03-01T09:00:00Z order_placed }", "E0001 expected a customer id after the event name, found `}`"},
  {"test \"t\" { after order_placed c1 }", "E0001 expected a customer id after the event name, found `}`"},
  {"test \"t\" { after }", "E0001 expected a duration after `after`, found `}`"},
  {"test \"t\" { run 2026-03-01T09:00:00Z }", "E0001 expected `until` after `run`, found `2026-03-01T09:00:00Z`"},
  {"test \"t\" { run until }", "E0001 expected a timestamp after `run until`, found `}`"},
  {"test \"t\" { allow sends }", "E0001 expected `other` after `allow`, found `sends`"},
  {"test \"t\" { allow other }", "E0001 expected `sends` after `allow other`, found `}`"},
  {"test \"t\" { expct send email }", "E0001 expected a test line (`customer`, `at`, `after`, `run`, `allow`, `expect`) or `}`, found `expct`"},
};
INSTANTIATE_TEST_SUITE_P(tests, syntax_error_test, ::testing::ValuesIn(test_errors));
// clang-format on

TEST(syntax_errors, number_too_large) {
  const std::string digits = "1" + std::string(400, '0');
  EXPECT_EQ(first_error("const a = " + digits), "E0004 invalid number `" + digits + "`");
}

// Every code the parser emits is explained in syntax_codes.hpp.
TEST(syntax_errors, every_code_is_documented) {
  std::vector<const error_case*> all;
  for (const auto& c : literal_errors) all.push_back(&c);
  for (const auto& c : string_errors) all.push_back(&c);
  for (const auto& c : expression_errors) all.push_back(&c);
  for (const auto& c : declaration_errors) all.push_back(&c);
  for (const auto& c : flow_errors) all.push_back(&c);
  for (const auto& c : step_errors) all.push_back(&c);
  for (const auto& c : test_errors) all.push_back(&c);
  for (const auto* c : all) {
    const std::string code = std::string(c->error).substr(0, 5);
    EXPECT_TRUE(find_syntax_code(code).has_value()) << code;
  }
  std::string previous;
  for (const auto& info : syntax_codes) {
    EXPECT_LT(previous, std::string(info.code));
    EXPECT_FALSE(info.title.empty());
    EXPECT_GT(info.explanation.size(), 80u) << info.code;
    previous = std::string(info.code);
  }
}

// -- Full renderings --------------------------------------------------------------

TEST(syntax_errors, misspelled_step_suggests_the_keyword) {
  EXPECT_EQ(parse("flow x {\n  sned email \"x\"\n}\n").errors(),
            "error[E0001]: expected a step or `}` to close the flow, found `sned`\n"
            " --> test.flow:2:3\n"
            "  |\n"
            "2 |   sned email \"x\"\n"
            "  |   ^^^^\n"
            "  = help: did you mean `send`?\n");
}

TEST(syntax_errors, unterminated_string_points_at_its_opening_quote) {
  EXPECT_EQ(parse("flow x {\n  log \"started\n}\n").errors(),
            "error[E0002]: unterminated string\n"
            " --> test.flow:2:7\n"
            "  |\n"
            "2 |   log \"started\n"
            "  |       ^ string starts here\n"
            "  = help: a string ends on the line where it starts; close it with `\"`\n");
}

TEST(syntax_errors, end_of_input_names_the_unclosed_bracket) {
  EXPECT_EQ(parse("flow x {\n  if a {\n    stop\n  }\n").errors(),
            "error[E0001]: expected a step or `}` to close the flow, found end of input\n"
            " --> test.flow:4:4\n"
            "  |\n"
            "4 |   }\n"
            "  |    ^\n"
            "note: unclosed `{`\n"
            " --> test.flow:1:8\n"
            "  |\n"
            "1 | flow x {\n"
            "  |        -\n");
}

TEST(syntax_errors, next_declaration_names_the_unclosed_bracket) {
  const auto p = parse("flow x {\n  wait 1d\nflow y { }\n");
  EXPECT_EQ(p.errors(),
            "error[E0001]: expected a step or `}` to close the flow, found `flow`\n"
            " --> test.flow:3:1\n"
            "  |\n"
            "3 | flow y { }\n"
            "  | ^^^^\n"
            "note: unclosed `{`\n"
            " --> test.flow:1:8\n"
            "  |\n"
            "1 | flow x {\n"
            "  |        -\n");
  EXPECT_EQ(p.dump(), "(flow y (block))\n");
}

TEST(syntax_errors, invalid_duration_covers_the_literal) {
  EXPECT_EQ(parse("flow x {\n  wait 3days\n}\n").errors(),
            "error[E0004]: invalid duration `3days`\n"
            " --> test.flow:2:8\n"
            "  |\n"
            "2 |   wait 3days\n"
            "  |        ^^^^^ unknown unit or extra characters\n"
            "  = help: a duration is whole numbers with the units `w`, `d`, `h`, `m`, `s`, largest first "
            "and without spaces: `90m`, `1d12h`\n");
}

TEST(syntax_errors, invalid_time_points_at_the_bad_field) {
  EXPECT_EQ(parse("policy {\n  quiet_hours 21:00 to 25:30\n}\n").errors(),
            "error[E0004]: invalid time of day `25:30`\n"
            " --> test.flow:2:24\n"
            "  |\n"
            "2 |   quiet_hours 21:00 to 25:30\n"
            "  |                        ^^ hours run from 0 to 23\n");
}

TEST(syntax_errors, reserved_word_as_name) {
  EXPECT_EQ(parse("const in = 3\n").errors(),
            "error[E0007]: expected a name after `const`, found reserved word `in`\n"
            " --> test.flow:1:7\n"
            "  |\n"
            "1 | const in = 3\n"
            "  |       ^^\n"
            "  = help: `and`, `or`, `not`, `in`, `true`, `false`, `null`, `if` and `else` are reserved and cannot "
            "be used as names\n");
}

TEST(syntax_errors, chained_comparison) {
  EXPECT_EQ(parse("segment s = 1 < customer.age < 9\n").errors(),
            "error[E0009]: comparison operators cannot be chained\n"
            " --> test.flow:1:30\n"
            "  |\n"
            "1 | segment s = 1 < customer.age < 9\n"
            "  |                              ^ second comparison\n"
            "  = help: compare twice and join with `and`: `a < b and b < c`\n");
}

TEST(syntax_errors, duplicate_clause_notes_the_first) {
  EXPECT_EQ(parse("flow x {\n  reentry never\n  reentry after 1d\n}\n").errors(),
            "error[E0011]: duplicate `reentry` clause\n"
            " --> test.flow:3:3\n"
            "  |\n"
            "3 |   reentry after 1d\n"
            "  |   ^^^^^^^ `reentry` given again here\n"
            "note: first given here\n"
            " --> test.flow:2:3\n"
            "  |\n"
            "2 |   reentry never\n"
            "  |   -------------\n"
            "  = help: a flow takes at most one `reentry` clause; remove one of them\n");
}

TEST(syntax_errors, hints_for_other_languages_spelling) {
  const auto p = parse("segment s = a && b\n");
  ASSERT_EQ(p.diagnostics.items().size(), 1u);
  EXPECT_EQ(p.diagnostics.items()[0].help, "write `and` for a logical and");
  EXPECT_EQ(parse("segment s = a = b").diagnostics.items().at(0).help, "to compare two values, write `==`");
  EXPECT_EQ(parse("const a = 'x'").diagnostics.items().at(0).help, "strings are written in double quotes: `\"...\"`");
  EXPECT_EQ(parse("flw x { }").diagnostics.items().at(0).help, "did you mean `flow`?");
  EXPECT_EQ(parse("policy { limt email 2 per 7d }").diagnostics.items().at(0).help, "did you mean `limit`?");
  EXPECT_EQ(parse("test \"t\" { expct send email }").diagnostics.items().at(0).help, "did you mean `expect`?");
  EXPECT_EQ(parse("test \"t\" { expect sned email }").diagnostics.items().at(0).help, "did you mean `send`?");
  EXPECT_EQ(parse("flow x { wait until 1:00 on mno }").diagnostics.items().at(0).help, "did you mean `mon`?");
  EXPECT_EQ(parse("flow x { reentry nevr }").diagnostics.items().at(0).help, "did you mean `never`?");
  EXPECT_EQ(parse("flow x { triger e }").diagnostics.items().at(0).help, "did you mean `trigger`?");
}

TEST(syntax_errors, cr_lf_lines_keep_columns) {
  EXPECT_EQ(parse("flow x {\r\n  wait 1d\r\n  sned email \"x\"\r\n}\r\n").errors(),
            "error[E0001]: expected a step or `}` to close the flow, found `sned`\n"
            " --> test.flow:3:3\n"
            "  |\n"
            "3 |   sned email \"x\"\n"
            "  |   ^^^^\n"
            "  = help: did you mean `send`?\n");
}

}  // namespace
}  // namespace afterflow::grammar
