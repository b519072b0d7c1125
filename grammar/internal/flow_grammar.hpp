// The PEGTL grammar of `.flow` files (private to afterflow_grammar).
//
// docs/grammar.md is the same grammar in EBNF; the two are kept rule for rule
// in step. PEG is a lexer and a parser in one, so this file also holds the
// tokens: identifiers, keywords, literals and comments.
//
// Precedence is the nesting of the expression rules, loosest first:
//
//   expr = or_expr > and_expr > not_expr > comparison > additive
//        > multiplicative > unary > postfix > primary
//
// Binary operators are left-associative (`a - b - c` is `(a - b) - c`): each
// layer is `operand { tail }`, and the action on a tail folds the operand on
// top of the builder's stack into the one below it. A comparison takes at
// most one operator (`a < b < c` is an error, not a chain), and `not` binds
// looser than comparisons, so `not a == b` is `not (a == b)`.
//
// Whitespace padding: each rule pads inside, never outside. A rule starts at
// its first token and ends right after its last one; between its elements it
// places `sep` (spaces, tabs, line ends and `#` comments). Optional trailing
// parts are written `opt< sep, X >`, so a rule that ends without them gives
// the whitespace back. As a result every syntax error is raised right at the
// token that should have been something else, and every node's span is
// exactly its tokens.
//
// Committing: `if_must< Keyword, ... >` right after the token that decides a
// construct, so that, once `send` has been read, a missing template name is
// reported as such ("expected a template name after the channel ...") and not
// as "expected a step". Every rule that appears inside `must<>` has its own
// message in parse_errors.hpp (a missing message does not compile).
//
// Keywords: the reserved words
//
//   and or not in true false null if else
//
// are never identifiers. Every other keyword is contextual and recognised
// only where the grammar expects it, so `key`, `count` or `at` remain usable
// as property and event names:
//
//   import const event segment policy map to flow trigger when exit on goal
//   reentry never always after key transactional wait until for as where
//   within timeout split send set tag untag emit repeat times stop log
//   mon tue wed thu fri sat sun timezone quiet_hours limit per test customer
//   at run allow other sends expect no suppressed deferred count reason with
//   between
//
// A keyword is its spelling not followed by an identifier character
// (`key< "or" >` does not match the start of `order`). The one place where
// layout matters: a declaration keyword in column 1 is never an identifier,
// so `segment s = a >=` followed by `event e { ... }` on a new line reports
// the missing operand instead of reading `event` as one.
//
// Nesting: `nested< Open, Rest... >` is `if_must< Open, Rest... >` that counts
// how deep the parse is inside brackets, blocks and prefix operators, and
// stops with error E0005 at the opening token that goes one level too deep.
// Every recursive path of the grammar passes through one, so hostile input
// cannot exhaust the stack.
//
// Actions never run for an abandoned branch: a rule that carries an action is
// either behind a committed token or fails at its first token. Lookaheads
// (`at<>`, `not_at<>`) run without actions.
#pragma once

#include <tao/pegtl.hpp>

namespace afterflow::grammar::flow_grammar {

using namespace tao::pegtl;

// `if_must< Open, Rest... >` plus a nesting count kept in the parse state:
// `st.enter_nesting(open_begin, open_end)` throws when too deep and returns a
// guard that leaves the level again.
template <typename Open, typename... Rest>
struct nested : if_must<Open, Rest...> {
  template <apply_mode A, rewind_mode M, template <typename...> class Action, template <typename...> class Control,
            typename ParseInput, typename State>
  [[nodiscard]] static bool match(ParseInput& in, State& st) {
    const char* const open = in.current();
    if (!Control<Open>::template match<A, rewind_mode::required, Action, Control>(in, st)) {
      return false;
    }
    const auto level = st.enter_nesting(open, in.current());
    return Control<must<Rest...> >::template match<A, M, Action, Control>(in, st);
  }
};

// clang-format off

// ---------------------------------------------------------------------------
// Lexical structure

struct ident_first : ranges< 'a', 'z', 'A', 'Z', '_' > {};
struct ident_other : ranges< 'a', 'z', 'A', 'Z', '0', '9', '_' > {};
struct word : seq< ident_first, star< ident_other > > {};

// A keyword: its spelling, not followed by an identifier character.
template< typename Spelling >
struct key : seq< Spelling, not_at< ident_other > > {};

struct kw_and : key< TAO_PEGTL_STRING( "and" ) > {};
struct kw_or : key< TAO_PEGTL_STRING( "or" ) > {};
struct kw_not : key< TAO_PEGTL_STRING( "not" ) > {};
struct kw_in : key< TAO_PEGTL_STRING( "in" ) > {};
struct kw_true : key< TAO_PEGTL_STRING( "true" ) > {};
struct kw_false : key< TAO_PEGTL_STRING( "false" ) > {};
struct kw_null : key< TAO_PEGTL_STRING( "null" ) > {};
struct kw_if : key< TAO_PEGTL_STRING( "if" ) > {};
struct kw_else : key< TAO_PEGTL_STRING( "else" ) > {};
struct reserved_word : sor< kw_and, kw_or, kw_not, kw_in, kw_true, kw_false, kw_null, kw_if, kw_else > {};

struct kw_import : key< TAO_PEGTL_STRING( "import" ) > {};
struct kw_const : key< TAO_PEGTL_STRING( "const" ) > {};
struct kw_event : key< TAO_PEGTL_STRING( "event" ) > {};
struct kw_segment : key< TAO_PEGTL_STRING( "segment" ) > {};
struct kw_policy : key< TAO_PEGTL_STRING( "policy" ) > {};
struct kw_map : key< TAO_PEGTL_STRING( "map" ) > {};
struct kw_to : key< TAO_PEGTL_STRING( "to" ) > {};
struct kw_flow : key< TAO_PEGTL_STRING( "flow" ) > {};
struct kw_trigger : key< TAO_PEGTL_STRING( "trigger" ) > {};
struct kw_when : key< TAO_PEGTL_STRING( "when" ) > {};
struct kw_exit : key< TAO_PEGTL_STRING( "exit" ) > {};
struct kw_on : key< TAO_PEGTL_STRING( "on" ) > {};
struct kw_goal : key< TAO_PEGTL_STRING( "goal" ) > {};
struct kw_reentry : key< TAO_PEGTL_STRING( "reentry" ) > {};
struct kw_never : key< TAO_PEGTL_STRING( "never" ) > {};
struct kw_always : key< TAO_PEGTL_STRING( "always" ) > {};
struct kw_after : key< TAO_PEGTL_STRING( "after" ) > {};
struct kw_key : key< TAO_PEGTL_STRING( "key" ) > {};
struct kw_transactional : key< TAO_PEGTL_STRING( "transactional" ) > {};
struct kw_wait : key< TAO_PEGTL_STRING( "wait" ) > {};
struct kw_until : key< TAO_PEGTL_STRING( "until" ) > {};
struct kw_for : key< TAO_PEGTL_STRING( "for" ) > {};
struct kw_as : key< TAO_PEGTL_STRING( "as" ) > {};
struct kw_where : key< TAO_PEGTL_STRING( "where" ) > {};
struct kw_within : key< TAO_PEGTL_STRING( "within" ) > {};
struct kw_timeout : key< TAO_PEGTL_STRING( "timeout" ) > {};
struct kw_split : key< TAO_PEGTL_STRING( "split" ) > {};
struct kw_send : key< TAO_PEGTL_STRING( "send" ) > {};
struct kw_set : key< TAO_PEGTL_STRING( "set" ) > {};
struct kw_tag : key< TAO_PEGTL_STRING( "tag" ) > {};
struct kw_untag : key< TAO_PEGTL_STRING( "untag" ) > {};
struct kw_emit : key< TAO_PEGTL_STRING( "emit" ) > {};
struct kw_repeat : key< TAO_PEGTL_STRING( "repeat" ) > {};
struct kw_times : key< TAO_PEGTL_STRING( "times" ) > {};
struct kw_stop : key< TAO_PEGTL_STRING( "stop" ) > {};
struct kw_log : key< TAO_PEGTL_STRING( "log" ) > {};
struct kw_mon : key< TAO_PEGTL_STRING( "mon" ) > {};
struct kw_tue : key< TAO_PEGTL_STRING( "tue" ) > {};
struct kw_wed : key< TAO_PEGTL_STRING( "wed" ) > {};
struct kw_thu : key< TAO_PEGTL_STRING( "thu" ) > {};
struct kw_fri : key< TAO_PEGTL_STRING( "fri" ) > {};
struct kw_sat : key< TAO_PEGTL_STRING( "sat" ) > {};
struct kw_sun : key< TAO_PEGTL_STRING( "sun" ) > {};
struct kw_timezone : key< TAO_PEGTL_STRING( "timezone" ) > {};
struct kw_quiet_hours : key< TAO_PEGTL_STRING( "quiet_hours" ) > {};
struct kw_limit : key< TAO_PEGTL_STRING( "limit" ) > {};
struct kw_per : key< TAO_PEGTL_STRING( "per" ) > {};
struct kw_test : key< TAO_PEGTL_STRING( "test" ) > {};
struct kw_customer : key< TAO_PEGTL_STRING( "customer" ) > {};
struct kw_at : key< TAO_PEGTL_STRING( "at" ) > {};
struct kw_run : key< TAO_PEGTL_STRING( "run" ) > {};
struct kw_allow : key< TAO_PEGTL_STRING( "allow" ) > {};
struct kw_other : key< TAO_PEGTL_STRING( "other" ) > {};
struct kw_sends : key< TAO_PEGTL_STRING( "sends" ) > {};
struct kw_expect : key< TAO_PEGTL_STRING( "expect" ) > {};
struct kw_no : key< TAO_PEGTL_STRING( "no" ) > {};
struct kw_suppressed : key< TAO_PEGTL_STRING( "suppressed" ) > {};
struct kw_deferred : key< TAO_PEGTL_STRING( "deferred" ) > {};
struct kw_count : key< TAO_PEGTL_STRING( "count" ) > {};
struct kw_reason : key< TAO_PEGTL_STRING( "reason" ) > {};
struct kw_with : key< TAO_PEGTL_STRING( "with" ) > {};
struct kw_between : key< TAO_PEGTL_STRING( "between" ) > {};

// A declaration keyword in column 1 always starts a declaration: it is never
// read as a name, so an unfinished expression or clause stops right there
// instead of swallowing the next declaration's keyword.
struct column_one : bol
{
   template< typename ParseInput >
   [[nodiscard]] static bool match( ParseInput& in ) noexcept
   {
      return in.current() != in.begin() && in.current()[ -1 ] == '\n';
   }
};
struct declaration_keyword : sor< kw_import, kw_const, kw_event, kw_segment, kw_policy, kw_map, kw_flow, kw_test > {};
struct declaration_start : seq< column_one, declaration_keyword > {};

struct ident : seq< not_at< reserved_word >, not_at< declaration_start >, word > {};

struct whitespace : one< ' ', '\t', '\n', '\r' > {};
struct comment : seq< one< '#' >, star< not_one< '\n', '\r' > > > {};
struct sep : star< sor< whitespace, comment > > {};

struct comma : one< ',' > {};
struct colon : one< ':' > {};
struct assign : seq< one< '=' >, not_at< one< '=' > > > {};

// ---------------------------------------------------------------------------
// Literals. The parser has already checked that the file is UTF-8 without
// control characters other than tab, CR and LF, so strings and comments may
// take any other byte as it comes.

struct escape_simple : one< '"', '\\', 'n', 't', 'r' > {};
struct unicode_open : one< '{' > {};
struct unicode_digits : rep_min_max< 1, 6, xdigit > {};
struct unicode_close : one< '}' > {};
struct unicode_escape : if_must< one< 'u' >, unicode_open, unicode_digits, unicode_close > {};
struct escape_code : sor< escape_simple, unicode_escape > {};
struct escape : if_must< one< '\\' >, escape_code > {};
struct string_char : sor< escape, not_one< '"', '\\', '\n', '\r' > > {};
struct string_close : one< '"' > {};
struct string_literal : if_must< one< '"' >, star< string_char >, string_close > {};

// A literal that starts with a digit must not run into letters, digits or
// another `.digit` / `:digit` (`3x`, `1d12`, `10:00:00:00`, `1.5.3`).
struct literal_tail : sor< ident_other, seq< one< '.', ':' >, digit > > {};
struct digits : plus< digit > {};

struct timestamp_start : seq< rep< 4, digit >, one< '-' >, digit > {};
struct timestamp_date : seq< rep< 4, digit >, one< '-' >, rep< 2, digit >, one< '-' >, rep< 2, digit > > {};
struct timestamp_t : one< 'T' > {};
struct timestamp_fraction_digits : digits {};
struct timestamp_fraction : if_must< one< '.' >, timestamp_fraction_digits > {};
struct timestamp_seconds : seq< one< ':' >, rep< 2, digit >, opt< timestamp_fraction > > {};
struct timestamp_clock : seq< rep< 2, digit >, one< ':' >, rep< 2, digit >, opt< timestamp_seconds > > {};
struct timestamp_offset : seq< one< '+', '-' >, rep< 2, digit >, one< ':' >, rep< 2, digit > > {};
struct timestamp_zone : sor< one< 'Z' >, timestamp_offset > {};
struct timestamp_end : not_at< literal_tail > {};
struct timestamp_literal : seq< at< timestamp_start >, must< timestamp_date, timestamp_t, timestamp_clock, timestamp_zone, timestamp_end > > {};

struct time_start : seq< digits, one< ':' > > {};
struct time_seconds_digits : rep< 2, digit > {};
struct time_seconds : if_must< one< ':' >, time_seconds_digits > {};
struct time_body : seq< rep_min_max< 1, 2, digit >, one< ':' >, rep< 2, digit >, opt< time_seconds > > {};
struct time_end : not_at< literal_tail > {};
struct time_literal : seq< at< time_start >, must< time_body, time_end > > {};

struct duration_unit : one< 'w', 'd', 'h', 'm', 's' > {};
struct duration_end : not_at< literal_tail > {};
struct duration_literal : seq< plus< digits, duration_unit >, must< duration_end > > {};

struct number : seq< digits, opt< one< '.' >, digits > > {};
struct number_end : not_at< literal_tail > {};
struct number_literal : seq< number, must< number_end > > {};

struct numeric_literal : sor< timestamp_literal, time_literal, duration_literal, number_literal > {};

// ---------------------------------------------------------------------------
// Expressions

struct expr;
struct unary;
struct not_expr;

struct paren_open : one< '(' > {};
struct paren_inner : seq< expr > {};
struct paren_close : one< ')' > {};
struct paren_expr : nested< paren_open, sep, paren_inner, sep, paren_close > {};

struct list_open : one< '[' > {};
struct list_item : seq< expr > {};
struct list_items : seq< list_item, star< sep, comma, sep, list_item >, opt< sep, comma > > {};
struct list_close : one< ']' > {};
struct list_expr : nested< list_open, sep, opt< list_items, sep >, list_close > {};

struct call_open : one< '(' > {};
struct arg_name : seq< ident, sep, colon > {};
struct arg_value : seq< expr > {};
struct named_argument : seq< arg_name, sep, must< arg_value > > {};
struct call_argument : sor< named_argument, arg_value > {};
struct call_where : kw_where {};
struct call_filter_value : seq< expr > {};
struct call_filter : if_must< call_where, sep, call_filter_value > {};
struct call_arguments : seq< call_argument, opt< sep, call_filter >, star< sep, comma, sep, call_argument >, opt< sep, comma > > {};
struct call_no_late_where : not_at< kw_where > {};
struct call_close : one< ')' > {};
struct call_args : nested< call_open, sep, opt< call_arguments, sep >, call_no_late_where, call_close > {};

struct name_ref : ident {};
struct name_or_call : seq< name_ref, opt< sep, call_args > > {};

struct string_expr : string_literal {};
struct true_literal : kw_true {};
struct false_literal : kw_false {};
struct null_literal : kw_null {};

struct primary : sor< numeric_literal, string_expr, true_literal, false_literal, null_literal, list_expr, paren_expr, name_or_call > {};

struct member_dot : one< '.' > {};
struct member_name : ident {};
struct member_tail : seq< sep, member_dot, sep, must< member_name > > {};
struct postfix : seq< primary, star< member_tail > > {};

struct negate_op : one< '-' > {};
struct negate_operand : seq< unary > {};
struct negation : nested< negate_op, sep, negate_operand > {};
struct unary : sor< negation, postfix > {};

struct mul_op : one< '*', '/', '%' > {};
struct mul_rhs : unary {};
struct mul_tail : seq< sep, mul_op, sep, must< mul_rhs > > {};
struct multiplicative : seq< unary, star< mul_tail > > {};

struct add_op : one< '+', '-' > {};
struct add_rhs : multiplicative {};
struct add_tail : seq< sep, add_op, sep, must< add_rhs > > {};
struct additive : seq< multiplicative, star< add_tail > > {};

struct not_in_in : kw_in {};
struct not_in : if_must< kw_not, sep, not_in_in > {};
struct compare_op : sor< TAO_PEGTL_STRING( "==" ), TAO_PEGTL_STRING( "!=" ), TAO_PEGTL_STRING( "<=" ), TAO_PEGTL_STRING( ">=" ), one< '<' >, one< '>' >, not_in, kw_in > {};
struct compare_rhs : additive {};
struct compare_tail : seq< sep, compare_op, sep, must< compare_rhs > > {};
struct no_chained_comparison : not_at< sep, compare_op > {};
struct comparison : seq< additive, opt< compare_tail, must< no_chained_comparison > > > {};

struct not_op : kw_not {};
struct not_operand : seq< not_expr > {};
struct negated : nested< not_op, sep, not_operand > {};
struct not_expr : sor< negated, comparison > {};

struct and_op : kw_and {};
struct and_rhs : not_expr {};
struct and_tail : seq< sep, and_op, sep, must< and_rhs > > {};
struct and_expr : seq< not_expr, star< and_tail > > {};

struct or_op : kw_or {};
struct or_rhs : and_expr {};
struct or_tail : seq< sep, or_op, sep, must< or_rhs > > {};
struct or_expr : seq< and_expr, star< or_tail > > {};

struct expr : or_expr {};

// ---------------------------------------------------------------------------
// Property lists: `{ name: expr, ... }` after send, emit and test lines.

struct props_open : one< '{' > {};
struct prop_name : ident {};
struct prop_value : expr {};
struct prop_colon : colon {};
struct prop : if_must< prop_name, sep, prop_colon, sep, prop_value > {};
struct prop_list : seq< prop, star< sep, opt< comma, sep >, prop >, opt< sep, comma > > {};
struct props_close : one< '}' > {};
struct props : nested< props_open, sep, opt< prop_list, sep >, props_close > {};

// ---------------------------------------------------------------------------
// Steps

struct step;

struct block_open : one< '{' > {};
struct block_close : one< '}' > {};
struct block : nested< block_open, sep, star< step, sep >, block_close > {};

struct until_keyword : kw_until {};
struct until_time : primary {};
struct day_name : sor< kw_mon, kw_tue, kw_wed, kw_thu, kw_fri, kw_sat, kw_sun > {};
struct day_first : day_name {};
struct day_dots : TAO_PEGTL_STRING( ".." ) {};
struct day_last : day_name {};
struct day_range : seq< day_first, opt< sep, day_dots, sep, must< day_last > > > {};
struct until_days : if_must< kw_on, sep, day_range, star< sep, comma, sep, must< day_range > > > {};
struct until_zone_value : expr {};
struct until_zone : if_must< kw_in, sep, until_zone_value > {};
struct wait_until : if_must< until_keyword, sep, until_time, opt< sep, until_days >, opt< sep, until_zone > > {};

struct for_keyword : kw_for {};
struct wait_event : ident {};
struct binding_name : ident {};
struct wait_binding : if_must< kw_as, sep, binding_name > {};
struct wait_condition : expr {};
struct wait_where : if_must< kw_where, sep, wait_condition > {};
struct within_value : expr {};
struct wait_within : if_must< kw_within, sep, within_value > {};
struct received_body : block {};
struct timeout_keyword : kw_timeout {};
struct timeout_body : block {};
struct wait_timeout : if_must< timeout_keyword, sep, timeout_body > {};
struct wait_for : if_must< for_keyword, sep, wait_event, opt< sep, wait_binding >, opt< sep, wait_where >, sep, wait_within, opt< sep, received_body >, opt< sep, wait_timeout > > {};

struct wait_duration : expr {};
struct wait_kind : sor< wait_until, wait_for, wait_duration > {};
struct wait_step : if_must< kw_wait, sep, wait_kind > {};

struct if_keyword : kw_if {};
struct if_condition : expr {};
struct if_body : block {};
struct else_if_keyword : seq< kw_else, sep, kw_if > {};
struct else_if : if_must< else_if_keyword, sep, if_condition, sep, if_body > {};
struct else_keyword : kw_else {};
struct else_body : block {};
struct else_branch : if_must< else_keyword, sep, else_body > {};
struct if_step : if_must< if_keyword, sep, if_condition, sep, if_body, star< sep, else_if >, opt< sep, else_branch > > {};

struct split_keyword : kw_split {};
struct split_name : string_literal {};
struct arm_number_end : not_at< literal_tail > {};
struct arm_number : seq< number, must< arm_number_end > > {};
struct arm_percent_sign : one< '%' > {};
struct arm_percent : seq< arm_number, sep, must< arm_percent_sign > > {};
struct arm_label : ident {};
struct arm_body : block {};
struct split_arm : if_must< arm_percent, sep, arm_label, sep, arm_body > {};
struct split_open : one< '{' > {};
struct split_close : one< '}' > {};
struct split_body : nested< split_open, sep, star< split_arm, sep >, split_close > {};
struct split_step : if_must< split_keyword, opt< sep, split_name >, sep, split_body > {};

struct send_keyword : kw_send {};
struct send_channel : ident {};
struct send_template : string_literal {};
struct send_step : if_must< send_keyword, sep, send_channel, sep, send_template, opt< sep, props > > {};

struct set_keyword : kw_set {};
struct set_target : ident {};
struct set_dot : one< '.' > {};
struct set_attribute : ident {};
struct set_assign : assign {};
struct set_value : expr {};
struct set_step : if_must< set_keyword, sep, set_target, sep, set_dot, sep, set_attribute, sep, set_assign, sep, set_value > {};

struct tag_name : string_literal {};
struct tag_step : if_must< kw_tag, sep, tag_name > {};
struct untag_name : string_literal {};
struct untag_step : if_must< kw_untag, sep, untag_name > {};

struct emit_keyword : kw_emit {};
struct emit_event : ident {};
struct emit_step : if_must< emit_keyword, sep, emit_event, opt< sep, props > > {};

struct repeat_keyword : kw_repeat {};
struct repeat_count : expr {};
struct repeat_times : kw_times {};
struct repeat_body : block {};
struct repeat_step : if_must< repeat_keyword, sep, repeat_count, sep, repeat_times, sep, repeat_body > {};

struct stop_keyword : kw_stop {};
struct stop_reason : string_literal {};
struct stop_step : if_must< stop_keyword, opt< sep, stop_reason > > {};

struct log_text : string_literal {};
struct log_step : if_must< kw_log, sep, log_text > {};

struct step : sor< wait_step, if_step, split_step, send_step, set_step, tag_step, untag_step, emit_step, repeat_step, stop_step, log_step > {};

// ---------------------------------------------------------------------------
// Flows

struct pattern_event : ident {};
struct pattern_condition : expr {};
struct pattern_where : if_must< kw_where, sep, pattern_condition > {};
struct pattern : seq< pattern_event, opt< sep, pattern_where > > {};

struct trigger_pattern : pattern {};
struct trigger_clause : if_must< kw_trigger, sep, trigger_pattern > {};
struct when_condition : expr {};
struct when_clause : if_must< kw_when, sep, when_condition > {};
struct exit_on : kw_on {};
struct exit_pattern : pattern {};
struct exit_clause : if_must< kw_exit, sep, exit_on, sep, exit_pattern > {};
struct goal_pattern : pattern {};
struct goal_clause : if_must< kw_goal, sep, goal_pattern > {};
struct reentry_keyword : kw_reentry {};
struct reentry_never : kw_never {};
struct reentry_always : kw_always {};
struct reentry_after_value : expr {};
struct reentry_after : if_must< kw_after, sep, reentry_after_value > {};
struct reentry_kind : sor< reentry_never, reentry_always, reentry_after > {};
struct reentry_clause : if_must< reentry_keyword, sep, reentry_kind > {};
struct key_keyword : kw_key {};
struct key_value : expr {};
struct key_clause : if_must< key_keyword, sep, key_value > {};
struct transactional_clause : kw_transactional {};
struct clause : sor< trigger_clause, when_clause, exit_clause, goal_clause, reentry_clause, key_clause, transactional_clause > {};

struct clause_keyword : sor< kw_trigger, kw_when, kw_exit, kw_goal, kw_reentry, kw_key, kw_transactional > {};
struct clause_after_steps : not_at< clause_keyword > {};
struct flow_open : one< '{' > {};
struct flow_steps_begin : success {};
struct flow_close : one< '}' > {};
struct flow_body : nested< flow_open, sep, star< clause, sep >, flow_steps_begin, star< step, sep >, clause_after_steps, flow_close > {};

struct flow_keyword : kw_flow {};
struct flow_name : ident {};
struct flow_description : string_literal {};
struct flow_decl : if_must< flow_keyword, sep, flow_name, opt< sep, flow_description >, sep, flow_body > {};

// ---------------------------------------------------------------------------
// Other declarations

struct import_keyword : kw_import {};
struct import_path : string_literal {};
struct import_decl : if_must< import_keyword, sep, import_path > {};

struct const_keyword : kw_const {};
struct const_name : ident {};
struct const_assign : assign {};
struct const_value : expr {};
struct const_decl : if_must< const_keyword, sep, const_name, sep, const_assign, sep, const_value > {};

struct field_name : ident {};
struct field_optional : one< '?' > {};
struct field_colon : colon {};
struct field_type : ident {};
struct field : if_must< field_name, opt< sep, field_optional >, sep, field_colon, sep, field_type > {};
struct event_open : one< '{' > {};
struct event_close : one< '}' > {};
struct event_body : nested< event_open, sep, star< field, sep, opt< comma, sep > >, event_close > {};
struct event_keyword : kw_event {};
struct event_name : ident {};
struct event_decl : if_must< event_keyword, sep, event_name, sep, event_body > {};

struct segment_keyword : kw_segment {};
struct segment_name : ident {};
struct segment_assign : assign {};
struct segment_condition : expr {};
struct segment_decl : if_must< segment_keyword, sep, segment_name, sep, segment_assign, sep, segment_condition > {};

struct timezone_keyword : kw_timezone {};
struct timezone_name : string_literal {};
struct policy_timezone : if_must< timezone_keyword, sep, timezone_name > {};
struct quiet_keyword : kw_quiet_hours {};
struct quiet_from : primary {};
struct quiet_to_keyword : kw_to {};
struct quiet_to : primary {};
struct quiet_channel : ident {};
struct quiet_channels : if_must< kw_for, sep, quiet_channel, star< sep, comma, sep, must< quiet_channel > > > {};
struct policy_quiet_hours : if_must< quiet_keyword, sep, quiet_from, sep, quiet_to_keyword, sep, quiet_to, opt< sep, quiet_channels > > {};
struct limit_keyword : kw_limit {};
struct limit_channel : ident {};
struct limit_count : primary {};
struct limit_per : kw_per {};
struct limit_window : primary {};
struct policy_limit : if_must< limit_keyword, sep, limit_channel, sep, limit_count, sep, limit_per, sep, limit_window > {};
struct policy_item : sor< policy_timezone, policy_quiet_hours, policy_limit > {};
struct policy_open : one< '{' > {};
struct policy_close : one< '}' > {};
struct policy_body : nested< policy_open, sep, star< policy_item, sep >, policy_close > {};
struct policy_keyword : kw_policy {};
struct policy_decl : if_must< policy_keyword, sep, policy_body > {};

struct map_keyword : kw_map {};
struct map_external : string_literal {};
struct map_to : kw_to {};
struct map_event : ident {};
struct map_target : ident {};
struct map_colon : colon {};
struct map_source_string : string_literal {};
struct map_source_name : ident {};
struct map_source : sor< map_source_string, map_source_name > {};
struct map_prop : if_must< map_target, sep, map_colon, sep, map_source > {};
struct map_props : seq< map_prop, star< sep, comma, sep, map_prop >, opt< sep, comma > > {};
struct map_open : one< '{' > {};
struct map_close : one< '}' > {};
struct map_body : nested< map_open, sep, opt< map_props, sep >, map_close > {};
struct map_decl : if_must< map_keyword, sep, map_external, sep, map_to, sep, map_event, opt< sep, map_body > > {};

// ---------------------------------------------------------------------------
// Tests

struct customer_ref : sor< string_literal, ident > {};
struct item_keyword : sor< kw_customer, kw_at, kw_after, kw_run, kw_allow, kw_expect > {};

struct customer_keyword : kw_customer {};
struct customer_id : customer_ref {};
struct customer_item : if_must< customer_keyword, sep, customer_id, opt< sep, props > > {};

struct at_keyword : kw_at {};
struct after_keyword : kw_after {};
struct event_time : primary {};
struct event_delay : primary {};
struct event_type : ident {};
struct event_customer : customer_ref {};
struct at_item : if_must< at_keyword, sep, event_time, sep, event_type, sep, event_customer, opt< sep, props > > {};
struct after_item : if_must< after_keyword, sep, event_delay, sep, event_type, sep, event_customer, opt< sep, props > > {};

struct run_keyword : kw_run {};
struct run_until : kw_until {};
struct run_time : primary {};
struct run_item : if_must< run_keyword, sep, run_until, sep, run_time > {};

struct allow_keyword : kw_allow {};
struct allow_other : kw_other {};
struct allow_sends : kw_sends {};
struct allow_item : if_must< allow_keyword, sep, allow_other, sep, allow_sends > {};

// `expect <customer> [not] in <segment>` is recognised first, by looking
// ahead for `in`; the other forms start with their keyword.
struct segment_probe : seq< customer_ref, sep, opt< kw_not, sep >, kw_in > {};
struct segment_customer : customer_ref {};
struct segment_not : kw_not {};
struct segment_expected : ident {};
struct expect_segment : seq< at< segment_probe >, segment_customer, sep, opt< segment_not, sep >, kw_in, sep, must< segment_expected > > {};

// A channel is any identifier but `to` and the words that start a test item,
// so that `expect no send` may end right before the next line.
struct channel_excluded : sor< kw_to, item_keyword > {};
struct channel : seq< not_at< channel_excluded >, ident > {};
struct expect_channel : channel {};
struct expect_template : string_literal {};
struct expect_customer : customer_ref {};
struct expect_to : if_must< kw_to, sep, expect_customer > {};
// `at` after an expectation belongs to the next test line when it reads as
// one: `at <time> <event>`.
struct test_event_probe : seq< kw_at, sep, primary, sep, not_at< item_keyword >, not_at< kw_with >, ident > {};
struct expect_time : primary {};
struct expect_at : seq< not_at< test_event_probe >, if_must< kw_at, sep, expect_time > > {};
struct between_start : primary {};
struct between_and : kw_and {};
struct between_end : primary {};
struct expect_between : if_must< kw_between, sep, between_start, sep, between_and, sep, between_end > {};
struct with_props : props {};
struct expect_with : if_must< kw_with, sep, with_props > {};

struct no_keyword : kw_no {};
struct no_send : kw_send {};
struct expect_no_send : if_must< no_keyword, sep, no_send, opt< sep, expect_channel >, opt< sep, expect_template >, opt< sep, expect_to > > {};

struct send_kind : sor< kw_send, kw_suppressed, kw_deferred > {};
struct expect_send : if_must< send_kind, sep, expect_channel, opt< sep, expect_template >, opt< sep, expect_to >, opt< sep, sor< expect_at, expect_between > >, opt< sep, expect_with > > {};

struct count_keyword : kw_count {};
struct count_send : kw_send {};
struct count_channel : channel {};
struct count_op : sor< TAO_PEGTL_STRING( "==" ), TAO_PEGTL_STRING( "!=" ), TAO_PEGTL_STRING( "<=" ), TAO_PEGTL_STRING( ">=" ), one< '<' >, one< '>' > > {};
struct count_value : primary {};
struct expect_count : if_must< count_keyword, sep, count_send, sep, count_channel, sep, count_op, sep, count_value > {};

struct expect_for : kw_for {};
struct exit_keyword : kw_exit {};
struct exit_flow : ident {};
struct exit_customer : customer_ref {};
struct exit_reason_keyword : kw_reason {};
struct exit_reason_text : string_literal {};
struct exit_reason_name : ident {};
struct exit_reason : sor< exit_reason_text, exit_reason_name > {};
struct expect_exit : if_must< exit_keyword, sep, exit_flow, sep, expect_for, sep, exit_customer, sep, exit_reason_keyword, sep, exit_reason > {};

struct goal_keyword : kw_goal {};
struct goal_flow : ident {};
struct goal_customer : customer_ref {};
struct expect_goal : if_must< goal_keyword, sep, goal_flow, sep, expect_for, sep, goal_customer > {};

struct expectation : sor< expect_segment, expect_no_send, expect_send, expect_count, expect_exit, expect_goal > {};
struct expect_item : if_must< kw_expect, sep, expectation > {};

struct test_item : sor< customer_item, at_item, after_item, run_item, allow_item, expect_item > {};
struct test_open : one< '{' > {};
struct test_close : one< '}' > {};
struct test_body : nested< test_open, sep, star< test_item, sep >, test_close > {};
struct test_keyword : kw_test {};
struct test_name : string_literal {};
struct test_decl : if_must< test_keyword, sep, test_name, sep, test_body > {};

// ---------------------------------------------------------------------------
// Files. The parser drives `declaration` one at a time (to recover after a
// syntax error); `file` is the same grammar as one rule.

struct declaration : sor< import_decl, const_decl, event_decl, segment_decl, policy_decl, map_decl, flow_decl, test_decl > {};
struct next_declaration : seq< must< declaration >, sep > {};
struct end_of_file : eof {};
struct file : seq< sep, until< end_of_file, next_declaration > > {};

// clang-format on

}  // namespace afterflow::grammar::flow_grammar
