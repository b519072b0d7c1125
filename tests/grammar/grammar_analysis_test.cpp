// PEGTL's grammar analysis: no rule can loop without consuming input, and
// the whole-file rule accepts what the declaration-at-a-time driver accepts.
#include <gtest/gtest.h>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/internal/flow_grammar.hpp"
#include "grammar/internal/parse_errors.hpp"
#include "grammar/internal/parse_state.hpp"

namespace afterflow::grammar {
namespace {

namespace pegtl = tao::pegtl;

TEST(grammar_analysis, no_rule_can_loop_without_consuming_input) {
  EXPECT_EQ(pegtl::analyze<flow_grammar::file>(), 0u);
}

bool file_rule_accepts(std::string_view text) {
  parsing::parse_state st(text, 0, parse_limits{});
  pegtl::memory_input<> in(text.data(), text.size(), "test");
  try {
    return pegtl::parse<flow_grammar::file, pegtl::nothing, parsing::control>(in, st);
  } catch (const parsing::syntax_failure&) {
    return false;
  }
}

TEST(grammar_analysis, the_file_rule_is_the_drivers_grammar) {
  EXPECT_TRUE(file_rule_accepts(""));
  EXPECT_TRUE(file_rule_accepts("# c\nimport \"x\" const a = 1\nflow f { trigger e wait 1d }\n"));
  EXPECT_TRUE(file_rule_accepts("test \"t\" { expect no send\n at 2026-03-01T09:00:00Z e c }"));
  EXPECT_FALSE(file_rule_accepts("flow f {"));
  EXPECT_FALSE(file_rule_accepts("const a = 1 }"));
}

}  // namespace
}  // namespace afterflow::grammar
