// The grammar's actions: one line per rule that contributes to the tree.
//
// Actions do no work of their own. They turn PEGTL's matched input into
// spans and text and forward to the builder (parse_builder.hpp), following
// its protocol: the deciding token of a construct opens a frame, its parts
// fill the frame on top, and the whole construct closes it. Literal values
// are computed by parse_literals.hpp; a literal that matches the grammar but
// means nothing (`25:00`) stops the declaration with E0004.
#pragma once

#include <string>
#include <string_view>
#include <type_traits>
#include <variant>
#include <vector>

#include <tao/pegtl.hpp>

#include "grammar/internal/flow_grammar.hpp"
#include "grammar/internal/parse_failure.hpp"
#include "grammar/internal/parse_state.hpp"
#include "grammar/text/literals.hpp"

namespace afterflow::grammar::parsing {

namespace g = flow_grammar;

// -- Turning matched input into AST pieces ---------------------------------------

template <typename ActionInput>
ast::identifier identifier_of(const ActionInput& in, const parse_state& st) {
  return {std::string(in.string_view()), st.span_of(in)};
}

template <typename ActionInput>
ast::string_literal string_of(const ActionInput& in, const parse_state& st) {
  const auto where = st.span_of(in);
  auto value = unescape_string(in.string_view());
  if (auto* problem = std::get_if<literal_problem>(&value)) {
    throw syntax_failure{invalid_escape(in.string_view(), where, *problem)};
  }
  return {std::move(std::get<std::string>(value)), where};
}

template <typename ActionInput>
ast::customer_ref customer_of(const ActionInput& in, const parse_state& st) {
  if (in.string_view().front() == '"') {
    auto s = string_of(in, st);
    return {std::move(s.value), s.where, true};
  }
  return {std::string(in.string_view()), st.span_of(in), false};
}

// The value of a literal, or E0004 naming the literal's kind.
template <typename T, typename ActionInput>
T literal_value(literal_result<T> result, std::string_view kind, const ActionInput& in, const parse_state& st) {
  if (auto* problem = std::get_if<literal_problem>(&result)) {
    throw syntax_failure{invalid_literal(kind, in.string_view(), st.span_of(in), *problem)};
  }
  return std::get<T>(result);
}

template <typename Member>
struct member_traits;
template <typename Owner, typename Type>
struct member_traits<Type Owner::*> {
  using owner = Owner;
};
template <auto Member>
using owner_of = typename member_traits<decltype(Member)>::owner;

// -- Reusable action shapes ---------------------------------------------------------

/// Opens a frame for `T`.
template <typename T>
struct opens {
  static void apply0(parse_state& st) { st.builder.open(T{}); }
};

template <auto Member>
struct sets_identifier {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& st) {
    st.builder.top<owner_of<Member>>().*Member = identifier_of(in, st);
  }
};

template <auto Member>
struct sets_string {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& st) {
    st.builder.top<owner_of<Member>>().*Member = string_of(in, st);
  }
};

template <auto Member>
struct sets_customer {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& st) {
    st.builder.top<owner_of<Member>>().*Member = customer_of(in, st);
  }
};

template <auto Member>
struct sets_expr {
  static void apply0(parse_state& st) { st.builder.top<owner_of<Member>>().*Member = st.builder.pop_expr(); }
};

/// Closes the `block` on top into `Member` of the frame below.
template <auto Member>
struct sets_block {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& st) {
    auto body = st.builder.close<ast::block>();
    body.where = st.span_of(in);
    st.builder.top<owner_of<Member>>().*Member = std::move(body);
  }
};

struct finishes_step {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& st) {
    st.builder.finish_step(st.span_of(in));
  }
};

struct finishes_test_item {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& st) {
    st.builder.finish_test_item(st.span_of(in));
  }
};

struct finishes_policy_item {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& st) {
    st.builder.finish_policy_item(st.span_of(in));
  }
};

struct finishes_declaration {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& st) {
    st.builder.finish_declaration(st.span_of(in));
  }
};

template <std::vector<ast::event_pattern> ast::flow_decl::*List>
struct finishes_pattern {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& st) {
    st.builder.finish_pattern(List, st.span_of(in));
  }
};

template <ast::binary_op Op>
struct pushes_operator {
  template <typename ActionInput>
  static void apply(const ActionInput& in, parse_state& st) {
    st.builder.push_operator(Op, st.span_of(in));
  }
};

struct folds_binary {
  static void apply0(parse_state& st) { st.builder.fold_binary(); }
};

/// The operator spelled by a comparison token (`not in` may hold blanks).
inline ast::binary_op comparison_of(std::string_view op) {
  switch (op.front()) {
    case '=': return ast::binary_op::equal;
    case '!': return ast::binary_op::not_equal;
    case '<': return op.size() == 2 ? ast::binary_op::less_equal : ast::binary_op::less;
    case '>': return op.size() == 2 ? ast::binary_op::greater_equal : ast::binary_op::greater;
    case 'n': return ast::binary_op::not_in;
    default: return ast::binary_op::in;
  }
}

/// `mon` .. `sun`, as matched by `day_name`.
inline ast::weekday weekday_of(std::string_view day) {
  static constexpr std::string_view names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
  std::size_t i = 0;
  while (i + 1 < std::size(names) && names[i] != day) ++i;
  return static_cast<ast::weekday>(i);
}

// -- The action table -----------------------------------------------------------------

template <typename Rule>
struct action : tao::pegtl::nothing<Rule> {};

// clang-format off

// Literals and leaves
template <> struct action<g::timestamp_literal> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    const auto t = literal_value(timestamp_value(in.string_view()), "timestamp", in, st);
    st.builder.push_leaf(ast::timestamp_literal{t, in.string()}, st.span_of(in));
  }
};
template <> struct action<g::time_literal> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    const auto seconds = literal_value(time_of_day_seconds(in.string_view()), "time of day", in, st);
    st.builder.push_leaf(ast::time_of_day_literal{seconds, in.string()}, st.span_of(in));
  }
};
template <> struct action<g::duration_literal> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    const auto d = literal_value(duration_value(in.string_view()), "duration", in, st);
    st.builder.push_leaf(ast::duration_literal{d, in.string()}, st.span_of(in));
  }
};
template <> struct action<g::number_literal> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    const auto value = literal_value(number_value(in.string_view()), "number", in, st);
    st.builder.push_leaf(ast::number_literal{value, in.string()}, st.span_of(in));
  }
};
template <> struct action<g::string_expr> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    st.builder.push_leaf(ast::string_value{string_of(in, st).value}, st.span_of(in));
  }
};
template <> struct action<g::true_literal> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.push_leaf(ast::bool_literal{true}, st.span_of(in)); }
};
template <> struct action<g::false_literal> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.push_leaf(ast::bool_literal{false}, st.span_of(in)); }
};
template <> struct action<g::null_literal> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.push_leaf(ast::null_literal{}, st.span_of(in)); }
};
template <> struct action<g::name_ref> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.push_leaf(ast::name_expr{identifier_of(in, st)}, st.span_of(in)); }
};

// Compound expressions
template <> struct action<g::paren_expr> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.fold_paren(st.span_of(in)); }
};
template <> struct action<g::list_open> { static void apply0(parse_state& st) { st.builder.open_list(); } };
template <> struct action<g::list_item> { static void apply0(parse_state& st) { st.builder.add_list_item(); } };
template <> struct action<g::list_expr> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.close_list(st.span_of(in)); }
};
template <> struct action<g::call_open> { static void apply0(parse_state& st) { st.builder.open_call(); } };
template <> struct action<g::arg_name> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    const auto text = in.string_view();
    const auto length = text.find_first_of(" \t\r\n#:");
    st.builder.set_argument_name({std::string(text.substr(0, length)), st.span_of(in.begin(), in.begin() + length)});
  }
};
template <> struct action<g::arg_value> { static void apply0(parse_state& st) { st.builder.add_argument(); } };
template <> struct action<g::call_where> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.top<call_frame>().call.where_keyword = st.span_of(in); }
};
template <> struct action<g::call_filter_value> {
  static void apply0(parse_state& st) { st.builder.set_call_filter(st.builder.top<call_frame>().call.where_keyword); }
};
template <> struct action<g::call_args> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.close_call(st.span_of(in)); }
};
template <> struct action<g::member_name> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.fold_member(identifier_of(in, st)); }
};
template <> struct action<g::negation> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    st.builder.fold_unary(ast::unary_op::negate, st.span_of(in.begin(), in.begin() + 1), st.span_of(in));
  }
};
template <> struct action<g::negated> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    st.builder.fold_unary(ast::unary_op::logical_not, st.span_of(in.begin(), in.begin() + 3), st.span_of(in));
  }
};
template <> struct action<g::mul_op> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    const char c = in.string_view().front();
    st.builder.push_operator(c == '*' ? ast::binary_op::multiply : c == '/' ? ast::binary_op::divide : ast::binary_op::remainder, st.span_of(in));
  }
};
template <> struct action<g::add_op> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    st.builder.push_operator(in.string_view().front() == '+' ? ast::binary_op::add : ast::binary_op::subtract, st.span_of(in));
  }
};
template <> struct action<g::compare_op> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.push_operator(comparison_of(in.string_view()), st.span_of(in)); }
};
template <> struct action<g::and_op> : pushes_operator<ast::binary_op::logical_and> {};
template <> struct action<g::or_op> : pushes_operator<ast::binary_op::logical_or> {};
template <> struct action<g::mul_tail> : folds_binary {};
template <> struct action<g::add_tail> : folds_binary {};
template <> struct action<g::compare_tail> : folds_binary {};
template <> struct action<g::and_tail> : folds_binary {};
template <> struct action<g::or_tail> : folds_binary {};

// Property lists
template <> struct action<g::props_open> { static void apply0(parse_state& st) { st.builder.open_properties(); } };
template <> struct action<g::prop_name> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.add_property(identifier_of(in, st)); }
};
template <> struct action<g::prop_value> { static void apply0(parse_state& st) { st.builder.set_property_value(); } };

// Steps
template <> struct action<g::block_open> : opens<ast::block> {};

template <> struct action<g::until_keyword> : opens<ast::wait_until_step> {};
template <> struct action<g::until_time> : sets_expr<&ast::wait_until_step::time_of_day> {};
template <> struct action<g::day_first> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    const auto day = weekday_of(in.string_view());
    st.builder.top<ast::wait_until_step>().days.push_back({day, day, st.span_of(in)});
  }
};
template <> struct action<g::day_last> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.top<ast::wait_until_step>().days.back().last = weekday_of(in.string_view()); }
};
template <> struct action<g::day_range> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.top<ast::wait_until_step>().days.back().where = st.span_of(in); }
};
template <> struct action<g::until_zone_value> : sets_expr<&ast::wait_until_step::time_zone> {};

template <> struct action<g::for_keyword> : opens<ast::wait_for_step> {};
template <> struct action<g::wait_event> : sets_identifier<&ast::wait_for_step::event> {};
template <> struct action<g::binding_name> : sets_identifier<&ast::wait_for_step::binding> {};
template <> struct action<g::wait_condition> : sets_expr<&ast::wait_for_step::condition> {};
template <> struct action<g::within_value> : sets_expr<&ast::wait_for_step::within> {};
template <> struct action<g::received_body> : sets_block<&ast::wait_for_step::received> {};
template <> struct action<g::timeout_keyword> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.top<ast::wait_for_step>().timeout_keyword = st.span_of(in); }
};
template <> struct action<g::timeout_body> : sets_block<&ast::wait_for_step::timed_out> {};

template <> struct action<g::wait_duration> { static void apply0(parse_state& st) { st.builder.open(ast::wait_step{st.builder.pop_expr()}); } };
template <> struct action<g::wait_step> : finishes_step {};

template <> struct action<g::if_keyword> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.open(if_frame{{}, st.span_of(in), {}}); }
};
template <> struct action<g::if_condition> : sets_expr<&if_frame::condition> {};
template <> struct action<g::if_body> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    auto body = st.builder.close<ast::block>();
    body.where = st.span_of(in);
    auto& f = st.builder.top<if_frame>();
    f.step.branches.push_back({f.keyword, std::move(*f.condition), std::move(body)});
    f.condition.reset();
  }
};
template <> struct action<g::else_if_keyword> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.top<if_frame>().keyword = st.span_of(in); }
};
template <> struct action<g::else_keyword> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.top<if_frame>().step.else_keyword = st.span_of(in); }
};
template <> struct action<g::else_body> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    auto body = st.builder.close<ast::block>();
    body.where = st.span_of(in);
    st.builder.top<if_frame>().step.otherwise = std::move(body);
  }
};
template <> struct action<g::if_step> : finishes_step {};

template <> struct action<g::split_keyword> : opens<ast::split_step> {};
template <> struct action<g::split_name> : sets_string<&ast::split_step::name> {};
template <> struct action<g::arm_number> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    ast::split_arm arm;
    arm.percent = literal_value(number_value(in.string_view()), "percentage", in, st);
    arm.percent_text = in.string();
    st.builder.open(std::move(arm));
  }
};
template <> struct action<g::arm_percent> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.top<ast::split_arm>().percent_where = st.span_of(in); }
};
template <> struct action<g::arm_label> : sets_identifier<&ast::split_arm::label> {};
template <> struct action<g::arm_body> : sets_block<&ast::split_arm::body> {};
template <> struct action<g::split_arm> { static void apply0(parse_state& st) { st.builder.finish_arm(); } };
template <> struct action<g::split_step> : finishes_step {};

template <> struct action<g::send_keyword> : opens<ast::send_step> {};
template <> struct action<g::send_channel> : sets_identifier<&ast::send_step::channel> {};
template <> struct action<g::send_template> : sets_string<&ast::send_step::template_name> {};
template <> struct action<g::send_step> : finishes_step {};

template <> struct action<g::set_keyword> : opens<ast::set_step> {};
template <> struct action<g::set_target> : sets_identifier<&ast::set_step::target> {};
template <> struct action<g::set_attribute> : sets_identifier<&ast::set_step::attribute> {};
template <> struct action<g::set_value> : sets_expr<&ast::set_step::value> {};
template <> struct action<g::set_step> : finishes_step {};

template <> struct action<g::tag_name> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.open(ast::tag_step{false, string_of(in, st)}); }
};
template <> struct action<g::tag_step> : finishes_step {};
template <> struct action<g::untag_name> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.open(ast::tag_step{true, string_of(in, st)}); }
};
template <> struct action<g::untag_step> : finishes_step {};

template <> struct action<g::emit_keyword> : opens<ast::emit_step> {};
template <> struct action<g::emit_event> : sets_identifier<&ast::emit_step::event> {};
template <> struct action<g::emit_step> : finishes_step {};

template <> struct action<g::repeat_keyword> : opens<ast::repeat_step> {};
template <> struct action<g::repeat_count> : sets_expr<&ast::repeat_step::count> {};
template <> struct action<g::repeat_body> : sets_block<&ast::repeat_step::body> {};
template <> struct action<g::repeat_step> : finishes_step {};

template <> struct action<g::stop_keyword> : opens<ast::stop_step> {};
template <> struct action<g::stop_reason> : sets_string<&ast::stop_step::reason> {};
template <> struct action<g::stop_step> : finishes_step {};

template <> struct action<g::log_text> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.open(ast::log_step{string_of(in, st)}); }
};
template <> struct action<g::log_step> : finishes_step {};

// Flows
template <> struct action<g::flow_keyword> : opens<ast::flow_decl> {};
template <> struct action<g::flow_name> : sets_identifier<&ast::flow_decl::name> {};
template <> struct action<g::flow_description> : sets_string<&ast::flow_decl::description> {};
template <> struct action<g::pattern_event> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.open(ast::event_pattern{{}, identifier_of(in, st), {}}); }
};
template <> struct action<g::pattern_condition> : sets_expr<&ast::event_pattern::condition> {};
template <> struct action<g::trigger_pattern> : finishes_pattern<&ast::flow_decl::triggers> {};
template <> struct action<g::exit_pattern> : finishes_pattern<&ast::flow_decl::exits> {};
template <> struct action<g::goal_pattern> : finishes_pattern<&ast::flow_decl::goals> {};
template <> struct action<g::when_condition> {
  static void apply0(parse_state& st) {
    auto condition = st.builder.pop_expr();
    st.builder.top<ast::flow_decl>().filters.push_back(std::move(condition));
  }
};
template <> struct action<g::reentry_keyword> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    auto& flow = st.builder.top<ast::flow_decl>();
    if (flow.reentry) throw syntax_failure{duplicate_clause("reentry", st.span_of(in), flow.reentry->where)};
    flow.reentry = ast::reentry_clause{};
  }
};
template <> struct action<g::reentry_never> {
  static void apply0(parse_state& st) { st.builder.top<ast::flow_decl>().reentry->kind = ast::reentry_kind::never; }
};
template <> struct action<g::reentry_always> {
  static void apply0(parse_state& st) { st.builder.top<ast::flow_decl>().reentry->kind = ast::reentry_kind::always; }
};
template <> struct action<g::reentry_after_value> {
  static void apply0(parse_state& st) {
    auto after = st.builder.pop_expr();
    auto& reentry = *st.builder.top<ast::flow_decl>().reentry;
    reentry.kind = ast::reentry_kind::after;
    reentry.after = std::move(after);
  }
};
template <> struct action<g::reentry_clause> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.top<ast::flow_decl>().reentry->where = st.span_of(in); }
};
template <> struct action<g::key_keyword> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    const auto& flow = st.builder.top<ast::flow_decl>();
    if (flow.key) throw syntax_failure{duplicate_clause("key", st.span_of(in), flow.key->where)};
  }
};
template <> struct action<g::key_value> : sets_expr<&ast::flow_decl::key> {};
template <> struct action<g::transactional_clause> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    auto& flow = st.builder.top<ast::flow_decl>();
    if (flow.transactional) throw syntax_failure{duplicate_clause("transactional", st.span_of(in), *flow.transactional)};
    flow.transactional = st.span_of(in);
  }
};
template <> struct action<g::flow_steps_begin> : opens<ast::block> {};
template <> struct action<g::flow_body> : sets_block<&ast::flow_decl::body> {};
template <> struct action<g::flow_decl> : finishes_declaration {};

// Other declarations
template <> struct action<g::import_keyword> : opens<ast::import_decl> {};
template <> struct action<g::import_path> : sets_string<&ast::import_decl::path> {};
template <> struct action<g::import_decl> : finishes_declaration {};

template <> struct action<g::const_keyword> : opens<ast::const_decl> {};
template <> struct action<g::const_name> : sets_identifier<&ast::const_decl::name> {};
template <> struct action<g::const_value> : sets_expr<&ast::const_decl::value> {};
template <> struct action<g::const_decl> : finishes_declaration {};

template <> struct action<g::event_keyword> : opens<ast::event_decl> {};
template <> struct action<g::event_name> : sets_identifier<&ast::event_decl::name> {};
template <> struct action<g::field_name> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.top<ast::event_decl>().fields.push_back({identifier_of(in, st), {}, false}); }
};
template <> struct action<g::field_optional> {
  static void apply0(parse_state& st) { st.builder.top<ast::event_decl>().fields.back().optional = true; }
};
template <> struct action<g::field_type> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.top<ast::event_decl>().fields.back().type = identifier_of(in, st); }
};
template <> struct action<g::event_decl> : finishes_declaration {};

template <> struct action<g::segment_keyword> : opens<ast::segment_decl> {};
template <> struct action<g::segment_name> : sets_identifier<&ast::segment_decl::name> {};
template <> struct action<g::segment_condition> : sets_expr<&ast::segment_decl::condition> {};
template <> struct action<g::segment_decl> : finishes_declaration {};

template <> struct action<g::policy_keyword> : opens<ast::policy_decl> {};
template <> struct action<g::timezone_keyword> : opens<ast::policy_timezone> {};
template <> struct action<g::timezone_name> : sets_string<&ast::policy_timezone::zone> {};
template <> struct action<g::policy_timezone> : finishes_policy_item {};
template <> struct action<g::quiet_keyword> : opens<ast::policy_quiet_hours> {};
template <> struct action<g::quiet_from> : sets_expr<&ast::policy_quiet_hours::from> {};
template <> struct action<g::quiet_to> : sets_expr<&ast::policy_quiet_hours::to> {};
template <> struct action<g::quiet_channel> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.top<ast::policy_quiet_hours>().channels.push_back(identifier_of(in, st)); }
};
template <> struct action<g::policy_quiet_hours> : finishes_policy_item {};
template <> struct action<g::limit_keyword> : opens<ast::policy_limit> {};
template <> struct action<g::limit_channel> : sets_identifier<&ast::policy_limit::channel> {};
template <> struct action<g::limit_count> : sets_expr<&ast::policy_limit::count> {};
template <> struct action<g::limit_window> : sets_expr<&ast::policy_limit::window> {};
template <> struct action<g::policy_limit> : finishes_policy_item {};
template <> struct action<g::policy_decl> : finishes_declaration {};

template <> struct action<g::map_keyword> : opens<ast::map_decl> {};
template <> struct action<g::map_external> : sets_string<&ast::map_decl::external_name> {};
template <> struct action<g::map_event> : sets_identifier<&ast::map_decl::event> {};
template <> struct action<g::map_target> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    st.builder.top<ast::map_decl>().properties.push_back({identifier_of(in, st), {}, {}, false});
  }
};
template <> struct action<g::map_source_string> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    auto source = string_of(in, st);
    auto& property = st.builder.top<ast::map_decl>().properties.back();
    property.source = std::move(source.value);
    property.source_where = source.where;
    property.source_quoted = true;
  }
};
template <> struct action<g::map_source_name> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    auto& property = st.builder.top<ast::map_decl>().properties.back();
    property.source = in.string();
    property.source_where = st.span_of(in);
  }
};
template <> struct action<g::map_decl> : finishes_declaration {};

// Tests
template <> struct action<g::test_keyword> : opens<ast::test_decl> {};
template <> struct action<g::test_name> : sets_string<&ast::test_decl::name> {};
template <> struct action<g::test_decl> : finishes_declaration {};

template <> struct action<g::customer_keyword> : opens<ast::test_customer> {};
template <> struct action<g::customer_id> : sets_customer<&ast::test_customer::customer> {};
template <> struct action<g::customer_item> : finishes_test_item {};

template <> struct action<g::at_keyword> {
  static void apply0(parse_state& st) { st.builder.open(ast::test_event{{ast::time_anchor::at, {}}, {}, {}, {}, false}); }
};
template <> struct action<g::after_keyword> {
  static void apply0(parse_state& st) { st.builder.open(ast::test_event{{ast::time_anchor::after, {}}, {}, {}, {}, false}); }
};
template <> struct action<g::event_time> {
  static void apply0(parse_state& st) {
    auto time = st.builder.pop_expr();
    st.builder.top<ast::test_event>().time.value = std::move(time);
  }
};
template <> struct action<g::event_delay> : action<g::event_time> {};
template <> struct action<g::event_type> : sets_identifier<&ast::test_event::event> {};
template <> struct action<g::event_customer> : sets_customer<&ast::test_event::customer> {};
template <> struct action<g::at_item> : finishes_test_item {};
template <> struct action<g::after_item> : finishes_test_item {};

template <> struct action<g::run_keyword> : opens<ast::test_run_until> {};
template <> struct action<g::run_time> : sets_expr<&ast::test_run_until::until> {};
template <> struct action<g::run_item> : finishes_test_item {};

template <> struct action<g::allow_keyword> : opens<ast::test_allow_other_sends> {};
template <> struct action<g::allow_item> : finishes_test_item {};

template <> struct action<g::segment_customer> {
  template <typename I> static void apply(const I& in, parse_state& st) { st.builder.open(ast::expect_segment{customer_of(in, st), false, {}}); }
};
template <> struct action<g::segment_not> {
  static void apply0(parse_state& st) { st.builder.top<ast::expect_segment>().negated = true; }
};
template <> struct action<g::segment_expected> : sets_identifier<&ast::expect_segment::segment> {};

template <> struct action<g::no_keyword> {
  static void apply0(parse_state& st) {
    ast::expect_send e;
    e.kind = ast::send_expectation::no_send;
    st.builder.open(std::move(e));
  }
};
template <> struct action<g::send_kind> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    ast::expect_send e;
    const auto word = in.string_view();
    e.kind = word == "send" ? ast::send_expectation::send
           : word == "suppressed" ? ast::send_expectation::suppressed
           : ast::send_expectation::deferred;
    st.builder.open(std::move(e));
  }
};
template <> struct action<g::expect_channel> : sets_identifier<&ast::expect_send::channel> {};
template <> struct action<g::expect_template> : sets_string<&ast::expect_send::template_name> {};
template <> struct action<g::expect_customer> : sets_customer<&ast::expect_send::customer> {};
template <> struct action<g::expect_time> : sets_expr<&ast::expect_send::at> {};
template <> struct action<g::between_start> : sets_expr<&ast::expect_send::between_start> {};
template <> struct action<g::between_end> : sets_expr<&ast::expect_send::between_end> {};

template <> struct action<g::count_keyword> : opens<ast::expect_count> {};
template <> struct action<g::count_channel> : sets_identifier<&ast::expect_count::channel> {};
template <> struct action<g::count_op> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    auto& e = st.builder.top<ast::expect_count>();
    e.op = comparison_of(in.string_view());
    e.op_where = st.span_of(in);
  }
};
template <> struct action<g::count_value> : sets_expr<&ast::expect_count::count> {};

template <> struct action<g::exit_keyword> : opens<ast::expect_exit> {};
template <> struct action<g::exit_flow> : sets_identifier<&ast::expect_exit::flow> {};
template <> struct action<g::exit_customer> : sets_customer<&ast::expect_exit::customer> {};
template <> struct action<g::exit_reason_text> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    auto reason = string_of(in, st);
    auto& e = st.builder.top<ast::expect_exit>();
    e.reason = std::move(reason.value);
    e.reason_where = reason.where;
    e.reason_quoted = true;
  }
};
template <> struct action<g::exit_reason_name> {
  template <typename I> static void apply(const I& in, parse_state& st) {
    auto& e = st.builder.top<ast::expect_exit>();
    e.reason = in.string();
    e.reason_where = st.span_of(in);
  }
};

template <> struct action<g::goal_keyword> : opens<ast::expect_goal> {};
template <> struct action<g::goal_flow> : sets_identifier<&ast::expect_goal::flow> {};
template <> struct action<g::goal_customer> : sets_customer<&ast::expect_goal::customer> {};

template <> struct action<g::expect_item> : finishes_test_item {};

// clang-format on

}  // namespace afterflow::grammar::parsing
