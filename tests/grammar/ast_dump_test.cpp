// The AST dump: its fixed forms, and that it tells trees apart exactly.
#include <gtest/gtest.h>

#include "grammar/ast_dump.hpp"
#include "tests/grammar/parse_test_support.hpp"

namespace afterflow::grammar {
namespace {

ast::expr leaf(ast::expr_node node) { return ast::expr{span{}, std::move(node)}; }

TEST(ast_dump, literals_print_as_written_when_text_and_value_agree) {
  EXPECT_EQ(ast::dump(leaf(ast::number_literal{2.5, "2.50"})), "2.50");
  EXPECT_EQ(ast::dump(leaf(ast::number_literal{20, "20.0"})), "20.0");
  EXPECT_EQ(ast::dump(leaf(ast::duration_literal{std::chrono::days(3), "3d"})), "3d");
  EXPECT_EQ(ast::dump(leaf(ast::time_of_day_literal{36000, "10:00"})), "10:00");
  EXPECT_EQ(ast::dump(leaf(ast::timestamp_literal{instant_from_micros(0), "1970-01-01T00:00:00Z"})),
            "1970-01-01T00:00:00Z");
}

TEST(ast_dump, literals_show_both_when_text_and_value_disagree) {
  EXPECT_EQ(ast::dump(leaf(ast::number_literal{21, "20"})), "(number 21 \"20\")");
  EXPECT_EQ(ast::dump(leaf(ast::number_literal{0.1, ""})), "(number 0.1 \"\")");
  EXPECT_EQ(ast::dump(leaf(ast::duration_literal{std::chrono::minutes(1), "2m"})), "(duration 60 \"2m\")");
  EXPECT_EQ(ast::dump(leaf(ast::time_of_day_literal{3600, "2:00"})), "(time 3600 \"2:00\")");
  EXPECT_EQ(ast::dump(leaf(ast::timestamp_literal{instant_from_micros(1), "1970-01-01T00:00:00Z"})),
            "(timestamp 1 \"1970-01-01T00:00:00Z\")");
}

TEST(ast_dump, strings_are_escaped) {
  EXPECT_EQ(ast::dump(leaf(ast::string_value{"a\"b\\c\nd\te\rf\x01g\xC3\xA9"})),
            "\"a\\\"b\\\\c\\nd\\te\\rf\\u{1}g\xC3\xA9\"");
}

TEST(ast_dump, missing_children_print_as_underscore) {
  EXPECT_EQ(ast::dump(leaf(ast::paren_expr{})), "(paren _)");
  EXPECT_EQ(ast::dump(leaf(ast::unary_expr{ast::unary_op::negate, {}, nullptr})), "(- _)");
}

TEST(ast_dump, braces_without_properties_and_properties_without_braces) {
  const auto send = [](bool braces, bool property) {
    ast::send_step s;
    s.channel = {"email", {}};
    s.template_name = {"t", {}};
    s.has_params_block = braces;
    if (property) s.params.push_back({{"k", {}}, leaf(ast::null_literal{})});
    return ast::dump(ast::step{{}, std::move(s)});
  };
  EXPECT_EQ(send(false, false), "(send email \"t\")");
  EXPECT_EQ(send(true, false), "(send email \"t\" (params))");
  EXPECT_EQ(send(true, true), "(send email \"t\" (params (k null)))");
  EXPECT_EQ(send(false, true), "(send email \"t\" (params-unbraced (k null)))");
}

TEST(ast_dump, split_percentages) {
  ast::split_step split;
  ast::split_arm arm;
  arm.percent = 12.5;
  arm.percent_text = "12.50";
  arm.label = {"a", {}};
  split.arms.push_back(std::move(arm));
  EXPECT_EQ(ast::dump(ast::step{{}, std::move(split)}), "(split (arm 12.50% a (block)))");
  ast::split_step odd;
  ast::split_arm wrong;
  wrong.percent = 50;
  wrong.percent_text = "5";
  wrong.label = {"b", {}};
  odd.arms.push_back(std::move(wrong));
  EXPECT_EQ(ast::dump(ast::step{{}, std::move(odd)}), "(split (arm (percent 50 \"5\") b (block)))");
}

TEST(ast_dump, file_prints_one_declaration_per_line) {
  EXPECT_EQ(dump_of("const a = 1 const b = 2"), "(const a 1)\n(const b 2)\n");
}

TEST(ast_dump, ignores_layout_and_comments) {
  const auto compact = parse("flow f{trigger e where a>1 if b{send email \"x\"{k:1}}else{stop}}");
  const auto spread = parse(
      "# a flow\nflow f {\n  trigger e\n    where a > 1  # only big ones\n\n  if b {\n    send email \"x\" {\n"
      "      k: 1,\n    }\n  } else {\n    stop\n  }\n}\n");
  ASSERT_TRUE(compact.diagnostics.empty()) << compact.errors();
  ASSERT_TRUE(spread.diagnostics.empty()) << spread.errors();
  EXPECT_EQ(compact.dump(), spread.dump());
}

TEST(ast_dump, distinguishes_trees_that_differ) {
  // Pairs that differ in one field each.
  const std::pair<const char*, const char*> pairs[] = {
      {"const a = (1)", "const a = 1"},
      {"const a = 1.0", "const a = 1"},
      {"const a = \"1\"", "const a = 1"},
      {"const a = x not in y", "const a = not x in y"},
      {"flow f { send e \"t\" }", "flow f { send e \"t\" { } }"},
      {"flow f { emit e }", "flow f { emit e { } }"},
      {"test \"t\" { at t e c }", "test \"t\" { at t e c { } }"},
      {"test \"t\" { expect send e }", "test \"t\" { expect send e with { } }"},
      {"test \"t\" { customer c }", "test \"t\" { customer \"c\" }"},
      {"test \"t\" { expect exit f for c reason r }", "test \"t\" { expect exit f for c reason \"r\" }"},
      {"test \"t\" { at t e c }", "test \"t\" { after t e c }"},
      {"test \"t\" { expect send e }", "test \"t\" { expect deferred e }"},
      {"map \"m\" to e { a: b }", "map \"m\" to e { a: \"b\" }"},
      {"event e { a: b }", "event e { a?: b }"},
      {"flow f { wait until 1:00 on mon }", "flow f { wait until 1:00 on mon..mon, mon }"},
      {"flow f { if a { } else { } }", "flow f { if a { } else if b { } }"},
      {"flow f { stop }", "flow f { stop \"\" }"},
      {"const a = f(x where y)", "const a = f(x, y)"},
      {"const a = f(x: y)", "const a = f(x, y)"},
  };
  for (const auto& [a, b] : pairs) {
    const auto pa = parse(a);
    const auto pb = parse(b);
    ASSERT_TRUE(pa.diagnostics.empty() && pb.diagnostics.empty()) << a << " / " << b;
    EXPECT_NE(pa.dump(), pb.dump()) << a << " / " << b;
  }
}

}  // namespace
}  // namespace afterflow::grammar
