// Every syntax error message, in one table, and the PEGTL control that uses it.
//
// Each rule that appears inside `must<>` (directly, or as a tail of
// `if_must<>` / `nested<>`) has an `error_message<Rule>` entry below; the
// control's `raise` static_asserts that it exists, so a new must-target
// without a message does not compile. Messages are rustc style, "expected X,
// found {}", where `{}` becomes the token actually found (or the literal or
// escape at fault). Codes are explained in grammar/syntax_codes.hpp.
#pragma once

#include <stdexcept>
#include <string_view>
#include <type_traits>

#include <tao/pegtl.hpp>

#include "grammar/diagnostic.hpp"
#include "grammar/internal/flow_grammar.hpp"
#include "grammar/internal/parse_state.hpp"

namespace afterflow::grammar::parsing {

/// What the caret goes under.
enum class error_span : unsigned char {
  next_token,    ///< the token found instead (one caret at end of input)
  literal,       ///< the whole malformed literal
  escape,        ///< the escape sequence in a string
  string_start,  ///< the opening quote of the string
};

struct error_text {
  std::string_view code;
  std::string_view message;  ///< `{}` is replaced by the found token / literal / escape
  std::string_view label = {};
  std::string_view help = {};
  error_span span = error_span::next_token;
  std::string_view suggest = {};  ///< keywords for "did you mean", space-separated
  bool closes = false;            ///< a closing bracket: at end of input, point at the opening one
  bool names = false;             ///< a name could start the next item here (reserved words: E0007)
};

/// The diagnostic for `e` raised at `offset`.
[[nodiscard]] diagnostic make_syntax_error(const error_text& e, bool name_expected, std::uint32_t offset,
                                           const parse_state& st);

template <typename Rule>
inline constexpr error_text error_message{};

namespace words {
inline constexpr std::string_view steps = "wait if split send set tag untag emit repeat stop log";
inline constexpr std::string_view flow_body =
    "wait if split send set tag untag emit repeat stop log trigger when exit goal reentry key transactional";
inline constexpr std::string_view declarations = "import const event segment policy map flow test";
inline constexpr std::string_view test_items = "customer at after run allow expect";
inline constexpr std::string_view policy_items = "timezone quiet_hours limit";
inline constexpr std::string_view days = "mon tue wed thu fri sat sun";
inline constexpr std::string_view expectations = "send no suppressed deferred count exit goal";
}  // namespace words

namespace help {
inline constexpr std::string_view timestamp =
    "timestamps are RFC 3339, such as `2026-03-01T09:00:00Z` or `2026-03-01T10:00:00.250+01:00`; "
    "for a subtraction, put spaces around `-`";
inline constexpr std::string_view time_of_day = "times of day are written `8:30`, `10:00` or `21:30:15`";
inline constexpr std::string_view duration =
    "a duration is whole numbers with the units `w`, `d`, `h`, `m`, `s`, largest first and without "
    "spaces: `90m`, `1d12h`";
inline constexpr std::string_view steps =
    "the steps are `wait`, `if`, `split`, `send`, `set`, `tag`, `untag`, `emit`, `repeat`, `stop` and `log`";
inline constexpr std::string_view escapes =
    "the escapes are `\\\"`, `\\\\`, `\\n`, `\\t`, `\\r` and `\\u{...}` with 1 to 6 hex digits";
}  // namespace help

namespace g = flow_grammar;

// clang-format off

// -- Literals ------------------------------------------------------------------
template<> inline constexpr error_text error_message<g::string_close> = {.code = "E0002", .message = "unterminated string", .label = "string starts here", .help = "a string ends on the line where it starts; close it with `\"`", .span = error_span::string_start};
template<> inline constexpr error_text error_message<g::escape_code> = {.code = "E0003", .message = "unknown escape {} in string", .label = "unknown escape", .help = help::escapes, .span = error_span::escape};
template<> inline constexpr error_text error_message<g::unicode_open> = {.code = "E0003", .message = "invalid escape {} in string", .label = "expected `{` after `\\u`", .help = help::escapes, .span = error_span::escape};
template<> inline constexpr error_text error_message<g::unicode_digits> = {.code = "E0003", .message = "invalid escape {} in string", .label = "expected 1 to 6 hex digits", .help = help::escapes, .span = error_span::escape};
template<> inline constexpr error_text error_message<g::unicode_close> = {.code = "E0003", .message = "invalid escape {} in string", .label = "expected `}` after the hex digits", .help = help::escapes, .span = error_span::escape};

template<> inline constexpr error_text error_message<g::timestamp_date> = {.code = "E0004", .message = "invalid timestamp {}", .label = "expected a date `YYYY-MM-DD`", .help = help::timestamp, .span = error_span::literal};
template<> inline constexpr error_text error_message<g::timestamp_t> = {.code = "E0004", .message = "invalid timestamp {}", .label = "expected `T` and a time of day after the date", .help = help::timestamp, .span = error_span::literal};
template<> inline constexpr error_text error_message<g::timestamp_clock> = {.code = "E0004", .message = "invalid timestamp {}", .label = "expected `HH:MM` or `HH:MM:SS` after `T`", .help = help::timestamp, .span = error_span::literal};
template<> inline constexpr error_text error_message<g::timestamp_fraction_digits> = {.code = "E0004", .message = "invalid timestamp {}", .label = "expected digits after `.`", .help = help::timestamp, .span = error_span::literal};
template<> inline constexpr error_text error_message<g::timestamp_zone> = {.code = "E0004", .message = "invalid timestamp {}", .label = "expected `Z` or an offset such as `+01:00`", .help = help::timestamp, .span = error_span::literal};
template<> inline constexpr error_text error_message<g::timestamp_end> = {.code = "E0004", .message = "invalid timestamp {}", .label = "unexpected characters after the timestamp", .help = help::timestamp, .span = error_span::literal};
template<> inline constexpr error_text error_message<g::time_body> = {.code = "E0004", .message = "invalid time of day {}", .label = "expected `H:MM`, `HH:MM` or `HH:MM:SS`", .help = help::time_of_day, .span = error_span::literal};
template<> inline constexpr error_text error_message<g::time_seconds_digits> = {.code = "E0004", .message = "invalid time of day {}", .label = "expected two-digit seconds", .help = help::time_of_day, .span = error_span::literal};
template<> inline constexpr error_text error_message<g::time_end> = {.code = "E0004", .message = "invalid time of day {}", .label = "unexpected characters after the time of day", .help = help::time_of_day, .span = error_span::literal};
template<> inline constexpr error_text error_message<g::duration_end> = {.code = "E0004", .message = "invalid duration {}", .label = "unknown unit or extra characters", .help = help::duration, .span = error_span::literal};
template<> inline constexpr error_text error_message<g::number_end> = {.code = "E0004", .message = "invalid number {}", .label = "a number cannot run into letters or digits", .help = help::duration, .span = error_span::literal};
template<> inline constexpr error_text error_message<g::arm_number_end> = {.code = "E0004", .message = "invalid percentage {}", .label = "a percentage is a number followed by `%`", .span = error_span::literal};

// -- Expressions -----------------------------------------------------------------
template<> inline constexpr error_text error_message<g::paren_inner> = {.code = "E0001", .message = "expected an expression after `(`, found {}"};
template<> inline constexpr error_text error_message<g::paren_close> = {.code = "E0001", .message = "expected `)` to close the parenthesis, found {}", .closes = true};
template<> inline constexpr error_text error_message<g::list_close> = {.code = "E0001", .message = "expected `,` or `]` to close the list, found {}", .closes = true};
template<> inline constexpr error_text error_message<g::arg_value> = {.code = "E0001", .message = "expected an argument value after `:`, found {}"};
template<> inline constexpr error_text error_message<g::call_filter_value> = {.code = "E0001", .message = "expected a condition after `where`, found {}"};
template<> inline constexpr error_text error_message<g::call_no_late_where> = {.code = "E0012", .message = "misplaced `where` in a call", .label = "a filter may only follow the first argument", .help = "write the filter right after the event: `count(order_placed where event.total > 50, within: 30d)`"};
template<> inline constexpr error_text error_message<g::call_close> = {.code = "E0001", .message = "expected `,` or `)` to close the argument list, found {}", .closes = true};
template<> inline constexpr error_text error_message<g::member_name> = {.code = "E0001", .message = "expected a property name after `.`, found {}"};
template<> inline constexpr error_text error_message<g::negate_operand> = {.code = "E0001", .message = "expected an expression after `-`, found {}"};
template<> inline constexpr error_text error_message<g::mul_rhs> = {.code = "E0001", .message = "expected an expression after the operator, found {}"};
template<> inline constexpr error_text error_message<g::add_rhs> = {.code = "E0001", .message = "expected an expression after the operator, found {}"};
template<> inline constexpr error_text error_message<g::compare_rhs> = {.code = "E0001", .message = "expected an expression after the comparison, found {}"};
template<> inline constexpr error_text error_message<g::not_in_in> = {.code = "E0001", .message = "expected `in` after `not`, found {}", .help = "`not` goes before a condition (`not a == b`) or before `in` (`x not in [1, 2]`)"};
template<> inline constexpr error_text error_message<g::no_chained_comparison> = {.code = "E0009", .message = "comparison operators cannot be chained", .label = "second comparison", .help = "compare twice and join with `and`: `a < b and b < c`"};
template<> inline constexpr error_text error_message<g::not_operand> = {.code = "E0001", .message = "expected an expression after `not`, found {}"};
template<> inline constexpr error_text error_message<g::and_rhs> = {.code = "E0001", .message = "expected an expression after `and`, found {}"};
template<> inline constexpr error_text error_message<g::or_rhs> = {.code = "E0001", .message = "expected an expression after `or`, found {}"};

// -- Property lists ------------------------------------------------------------
template<> inline constexpr error_text error_message<g::prop_colon> = {.code = "E0001", .message = "expected `:` after the property name, found {}"};
template<> inline constexpr error_text error_message<g::prop_value> = {.code = "E0001", .message = "expected a value after `:`, found {}"};
template<> inline constexpr error_text error_message<g::props_close> = {.code = "E0001", .message = "expected a property (`name: value`) or `}`, found {}", .closes = true, .names = true};

// -- Steps -------------------------------------------------------------------------
template<> inline constexpr error_text error_message<g::block_close> = {.code = "E0001", .message = "expected a step or `}` to close the block, found {}", .help = help::steps, .suggest = words::steps, .closes = true};
template<> inline constexpr error_text error_message<g::until_time> = {.code = "E0001", .message = "expected a time of day after `wait until`, found {}"};
template<> inline constexpr error_text error_message<g::day_range> = {.code = "E0001", .message = "expected a day of the week (`mon` to `sun`), found {}", .suggest = words::days};
template<> inline constexpr error_text error_message<g::day_last> = {.code = "E0001", .message = "expected a day of the week after `..`, found {}", .suggest = words::days};
template<> inline constexpr error_text error_message<g::until_zone_value> = {.code = "E0001", .message = "expected a time zone after `in`, found {}"};
template<> inline constexpr error_text error_message<g::wait_event> = {.code = "E0001", .message = "expected an event name after `wait for`, found {}"};
template<> inline constexpr error_text error_message<g::binding_name> = {.code = "E0001", .message = "expected a name after `as`, found {}"};
template<> inline constexpr error_text error_message<g::wait_condition> = {.code = "E0001", .message = "expected a condition after `where`, found {}"};
template<> inline constexpr error_text error_message<g::wait_within> = {.code = "E0001", .message = "expected `within` and a time limit, found {}", .help = "`wait for` needs a limit: `wait for review_submitted within 7d`"};
template<> inline constexpr error_text error_message<g::within_value> = {.code = "E0001", .message = "expected a duration after `within`, found {}"};
template<> inline constexpr error_text error_message<g::timeout_body> = {.code = "E0001", .message = "expected `{` after `timeout`, found {}"};
template<> inline constexpr error_text error_message<g::wait_kind> = {.code = "E0001", .message = "expected `until`, `for` or a duration after `wait`, found {}"};
template<> inline constexpr error_text error_message<g::if_condition> = {.code = "E0001", .message = "expected a condition after `if`, found {}"};
template<> inline constexpr error_text error_message<g::if_body> = {.code = "E0001", .message = "expected `{` after the condition, found {}"};
template<> inline constexpr error_text error_message<g::else_body> = {.code = "E0001", .message = "expected `{` or `if` after `else`, found {}"};
template<> inline constexpr error_text error_message<g::arm_percent_sign> = {.code = "E0001", .message = "expected `%` after the percentage, found {}"};
template<> inline constexpr error_text error_message<g::arm_label> = {.code = "E0001", .message = "expected a label after the percentage, found {}", .help = "a split arm reads `50% label { ... }`"};
template<> inline constexpr error_text error_message<g::arm_body> = {.code = "E0001", .message = "expected `{` after the arm label, found {}"};
template<> inline constexpr error_text error_message<g::split_body> = {.code = "E0001", .message = "expected `{` to start the arms of `split`, found {}"};
template<> inline constexpr error_text error_message<g::split_close> = {.code = "E0001", .message = "expected an arm (`50% label { ... }`) or `}`, found {}", .closes = true};
template<> inline constexpr error_text error_message<g::send_channel> = {.code = "E0001", .message = "expected a channel after `send`, found {}", .help = "a send reads `send email \"template_name\"`"};
template<> inline constexpr error_text error_message<g::send_template> = {.code = "E0001", .message = "expected a template name (a string) after the channel, found {}", .help = "a send reads `send email \"template_name\"`"};
template<> inline constexpr error_text error_message<g::set_target> = {.code = "E0001", .message = "expected `customer` after `set`, found {}"};
template<> inline constexpr error_text error_message<g::set_dot> = {.code = "E0001", .message = "expected `.` and an attribute name, found {}", .help = "a set reads `set customer.attribute = value`"};
template<> inline constexpr error_text error_message<g::set_attribute> = {.code = "E0001", .message = "expected an attribute name after `.`, found {}"};
template<> inline constexpr error_text error_message<g::set_assign> = {.code = "E0001", .message = "expected `=` after the attribute, found {}"};
template<> inline constexpr error_text error_message<g::set_value> = {.code = "E0001", .message = "expected a value after `=`, found {}"};
template<> inline constexpr error_text error_message<g::tag_name> = {.code = "E0001", .message = "expected a tag name (a string) after `tag`, found {}"};
template<> inline constexpr error_text error_message<g::untag_name> = {.code = "E0001", .message = "expected a tag name (a string) after `untag`, found {}"};
template<> inline constexpr error_text error_message<g::emit_event> = {.code = "E0001", .message = "expected an event name after `emit`, found {}"};
template<> inline constexpr error_text error_message<g::repeat_count> = {.code = "E0001", .message = "expected a count after `repeat`, found {}"};
template<> inline constexpr error_text error_message<g::repeat_times> = {.code = "E0001", .message = "expected `times` after the count, found {}"};
template<> inline constexpr error_text error_message<g::repeat_body> = {.code = "E0001", .message = "expected `{` after `times`, found {}"};
template<> inline constexpr error_text error_message<g::log_text> = {.code = "E0001", .message = "expected a string after `log`, found {}"};

// -- Flows ---------------------------------------------------------------------------
template<> inline constexpr error_text error_message<g::pattern_condition> = {.code = "E0001", .message = "expected a condition after `where`, found {}"};
template<> inline constexpr error_text error_message<g::trigger_pattern> = {.code = "E0001", .message = "expected an event name after `trigger`, found {}"};
template<> inline constexpr error_text error_message<g::when_condition> = {.code = "E0001", .message = "expected a condition after `when`, found {}"};
template<> inline constexpr error_text error_message<g::exit_on> = {.code = "E0001", .message = "expected `on` after `exit`, found {}", .help = "an exit clause reads `exit on <event> [where <condition>]`"};
template<> inline constexpr error_text error_message<g::exit_pattern> = {.code = "E0001", .message = "expected an event name after `exit on`, found {}"};
template<> inline constexpr error_text error_message<g::goal_pattern> = {.code = "E0001", .message = "expected an event name after `goal`, found {}"};
template<> inline constexpr error_text error_message<g::reentry_after_value> = {.code = "E0001", .message = "expected a duration after `reentry after`, found {}"};
template<> inline constexpr error_text error_message<g::reentry_kind> = {.code = "E0001", .message = "expected `never`, `always` or `after` after `reentry`, found {}", .suggest = "never always after"};
template<> inline constexpr error_text error_message<g::key_value> = {.code = "E0001", .message = "expected an expression after `key`, found {}"};
template<> inline constexpr error_text error_message<g::clause_after_steps> = {.code = "E0010", .message = "header clause {} after the steps", .label = "header clauses come before the first step", .help = "move the `trigger`, `when`, `exit on`, `goal`, `reentry`, `key` and `transactional` lines above the first step"};
template<> inline constexpr error_text error_message<g::flow_close> = {.code = "E0001", .message = "expected a step or `}` to close the flow, found {}", .help = help::steps, .suggest = words::flow_body, .closes = true};
template<> inline constexpr error_text error_message<g::flow_name> = {.code = "E0001", .message = "expected a flow name after `flow`, found {}"};
template<> inline constexpr error_text error_message<g::flow_body> = {.code = "E0001", .message = "expected `{` to start the flow body, found {}", .help = "a flow reads `flow name \"optional description\" { ... }`"};

// -- Other declarations ----------------------------------------------------------
template<> inline constexpr error_text error_message<g::import_path> = {.code = "E0001", .message = "expected a module name or path (a string) after `import`, found {}", .help = "write `import \"ecommerce\"` or `import \"common.flow\"`"};
template<> inline constexpr error_text error_message<g::const_name> = {.code = "E0001", .message = "expected a name after `const`, found {}"};
template<> inline constexpr error_text error_message<g::const_assign> = {.code = "E0001", .message = "expected `=` after the constant's name, found {}"};
template<> inline constexpr error_text error_message<g::const_value> = {.code = "E0001", .message = "expected a value after `=`, found {}"};
template<> inline constexpr error_text error_message<g::field_colon> = {.code = "E0001", .message = "expected `:` after the field name, found {}", .help = "a field reads `name: type` or `name?: type`"};
template<> inline constexpr error_text error_message<g::field_type> = {.code = "E0001", .message = "expected a type after `:`, found {}", .help = "the types are `string`, `number`, `bool`, `duration`, `time`, `list` and `any`"};
template<> inline constexpr error_text error_message<g::event_name> = {.code = "E0001", .message = "expected an event name after `event`, found {}"};
template<> inline constexpr error_text error_message<g::event_body> = {.code = "E0001", .message = "expected `{` after the event name, found {}"};
template<> inline constexpr error_text error_message<g::event_close> = {.code = "E0001", .message = "expected a field (`name: type`) or `}`, found {}", .closes = true, .names = true};
template<> inline constexpr error_text error_message<g::segment_name> = {.code = "E0001", .message = "expected a name after `segment`, found {}"};
template<> inline constexpr error_text error_message<g::segment_assign> = {.code = "E0001", .message = "expected `=` after the segment's name, found {}"};
template<> inline constexpr error_text error_message<g::segment_condition> = {.code = "E0001", .message = "expected a condition after `=`, found {}"};
template<> inline constexpr error_text error_message<g::timezone_name> = {.code = "E0001", .message = "expected a time zone name (a string) after `timezone`, found {}", .help = "such as `timezone \"America/New_York\"`"};
template<> inline constexpr error_text error_message<g::quiet_from> = {.code = "E0001", .message = "expected a time of day after `quiet_hours`, found {}"};
template<> inline constexpr error_text error_message<g::quiet_to_keyword> = {.code = "E0001", .message = "expected `to` after the start of the quiet hours, found {}", .help = "quiet hours read `quiet_hours 21:00 to 08:00`"};
template<> inline constexpr error_text error_message<g::quiet_to> = {.code = "E0001", .message = "expected a time of day after `to`, found {}"};
template<> inline constexpr error_text error_message<g::quiet_channel> = {.code = "E0001", .message = "expected a channel name, found {}"};
template<> inline constexpr error_text error_message<g::limit_channel> = {.code = "E0001", .message = "expected a channel after `limit`, found {}"};
template<> inline constexpr error_text error_message<g::limit_count> = {.code = "E0001", .message = "expected a count after the channel, found {}", .help = "a limit reads `limit email 2 per 7d`"};
template<> inline constexpr error_text error_message<g::limit_per> = {.code = "E0001", .message = "expected `per` after the count, found {}", .help = "a limit reads `limit email 2 per 7d`"};
template<> inline constexpr error_text error_message<g::limit_window> = {.code = "E0001", .message = "expected a duration after `per`, found {}"};
template<> inline constexpr error_text error_message<g::policy_body> = {.code = "E0001", .message = "expected `{` after `policy`, found {}"};
template<> inline constexpr error_text error_message<g::policy_close> = {.code = "E0001", .message = "expected a policy item (`timezone`, `quiet_hours`, `limit`) or `}`, found {}", .suggest = words::policy_items, .closes = true};
template<> inline constexpr error_text error_message<g::map_external> = {.code = "E0001", .message = "expected an external event name (a string) after `map`, found {}", .help = "a map reads `map \"Order Completed\" to order_placed`"};
template<> inline constexpr error_text error_message<g::map_to> = {.code = "E0001", .message = "expected `to` after the external event name, found {}"};
template<> inline constexpr error_text error_message<g::map_event> = {.code = "E0001", .message = "expected an event name after `to`, found {}"};
template<> inline constexpr error_text error_message<g::map_colon> = {.code = "E0001", .message = "expected `:` after the property name, found {}"};
template<> inline constexpr error_text error_message<g::map_source> = {.code = "E0001", .message = "expected an external property name after `:`, found {}"};
template<> inline constexpr error_text error_message<g::map_close> = {.code = "E0001", .message = "expected a property mapping (`name: source`) or `}`, found {}", .closes = true, .names = true};

// -- Tests -------------------------------------------------------------------------------
template<> inline constexpr error_text error_message<g::customer_id> = {.code = "E0001", .message = "expected a customer id after `customer`, found {}"};
template<> inline constexpr error_text error_message<g::event_time> = {.code = "E0001", .message = "expected a timestamp after `at`, found {}"};
template<> inline constexpr error_text error_message<g::event_delay> = {.code = "E0001", .message = "expected a duration after `after`, found {}"};
template<> inline constexpr error_text error_message<g::event_type> = {.code = "E0001", .message = "expected an event name after the time, found {}"};
template<> inline constexpr error_text error_message<g::event_customer> = {.code = "E0001", .message = "expected a customer id after the event name, found {}"};
template<> inline constexpr error_text error_message<g::run_until> = {.code = "E0001", .message = "expected `until` after `run`, found {}"};
template<> inline constexpr error_text error_message<g::run_time> = {.code = "E0001", .message = "expected a timestamp after `run until`, found {}"};
template<> inline constexpr error_text error_message<g::allow_other> = {.code = "E0001", .message = "expected `other` after `allow`, found {}"};
template<> inline constexpr error_text error_message<g::allow_sends> = {.code = "E0001", .message = "expected `sends` after `allow other`, found {}"};
template<> inline constexpr error_text error_message<g::segment_expected> = {.code = "E0001", .message = "expected a segment name after `in`, found {}"};
template<> inline constexpr error_text error_message<g::expect_channel> = {.code = "E0001", .message = "expected a channel, found {}"};
template<> inline constexpr error_text error_message<g::expect_customer> = {.code = "E0001", .message = "expected a customer id after `to`, found {}"};
template<> inline constexpr error_text error_message<g::expect_time> = {.code = "E0001", .message = "expected a timestamp after `at`, found {}"};
template<> inline constexpr error_text error_message<g::between_start> = {.code = "E0001", .message = "expected a timestamp after `between`, found {}"};
template<> inline constexpr error_text error_message<g::between_and> = {.code = "E0001", .message = "expected `and` after the first timestamp, found {}"};
template<> inline constexpr error_text error_message<g::between_end> = {.code = "E0001", .message = "expected a timestamp after `and`, found {}"};
template<> inline constexpr error_text error_message<g::with_props> = {.code = "E0001", .message = "expected `{` after `with`, found {}"};
template<> inline constexpr error_text error_message<g::no_send> = {.code = "E0001", .message = "expected `send` after `expect no`, found {}"};
template<> inline constexpr error_text error_message<g::count_send> = {.code = "E0001", .message = "expected `send` after `expect count`, found {}"};
template<> inline constexpr error_text error_message<g::count_channel> = {.code = "E0001", .message = "expected a channel after `expect count send`, found {}"};
template<> inline constexpr error_text error_message<g::count_op> = {.code = "E0001", .message = "expected a comparison (`==`, `!=`, `<`, `<=`, `>`, `>=`) after the channel, found {}"};
template<> inline constexpr error_text error_message<g::count_value> = {.code = "E0001", .message = "expected a number after the comparison, found {}"};
template<> inline constexpr error_text error_message<g::exit_flow> = {.code = "E0001", .message = "expected a flow name after `expect exit`, found {}"};
template<> inline constexpr error_text error_message<g::expect_for> = {.code = "E0001", .message = "expected `for` after the flow name, found {}"};
template<> inline constexpr error_text error_message<g::exit_customer> = {.code = "E0001", .message = "expected a customer id after `for`, found {}"};
template<> inline constexpr error_text error_message<g::exit_reason_keyword> = {.code = "E0001", .message = "expected `reason` after the customer, found {}"};
template<> inline constexpr error_text error_message<g::exit_reason> = {.code = "E0001", .message = "expected an exit reason after `reason`, found {}", .help = "a reason is an event name, `goal`, `finished`, or the quoted text of a `stop`"};
template<> inline constexpr error_text error_message<g::goal_flow> = {.code = "E0001", .message = "expected a flow name after `expect goal`, found {}"};
template<> inline constexpr error_text error_message<g::goal_customer> = {.code = "E0001", .message = "expected a customer id after `for`, found {}"};
template<> inline constexpr error_text error_message<g::expectation> = {.code = "E0001", .message = "expected an expectation after `expect`, found {}", .help = "expectations are `send`, `no send`, `suppressed`, `deferred`, `count send`, `exit`, `goal` and `<customer> [not] in <segment>`", .suggest = words::expectations};
template<> inline constexpr error_text error_message<g::test_name> = {.code = "E0001", .message = "expected a test name (a string) after `test`, found {}"};
template<> inline constexpr error_text error_message<g::test_body> = {.code = "E0001", .message = "expected `{` after the test name, found {}"};
template<> inline constexpr error_text error_message<g::test_close> = {.code = "E0001", .message = "expected a test line (`customer`, `at`, `after`, `run`, `allow`, `expect`) or `}`, found {}", .suggest = words::test_items, .closes = true};

// -- Files -------------------------------------------------------------------------------
template<> inline constexpr error_text error_message<g::declaration> = {.code = "E0001", .message = "expected a declaration (`import`, `const`, `event`, `segment`, `policy`, `map`, `flow` or `test`), found {}", .suggest = words::declarations};

// clang-format on

/// Rules that appear inside `must<>` but cannot fail.
template <typename Rule>
inline constexpr bool cannot_fail = false;
template <>
inline constexpr bool cannot_fail<g::sep> = true;
template <>
inline constexpr bool cannot_fail<g::flow_steps_begin> = true;
template <typename... Rules>
inline constexpr bool cannot_fail<tao::pegtl::opt<Rules...>> = true;
template <typename... Rules>
inline constexpr bool cannot_fail<tao::pegtl::star<Rules...>> = true;

/// Rules whose failure means a name was expected: a reserved word found
/// there is reported as such (E0007).
template <typename Rule>
inline constexpr bool expects_name = std::is_base_of_v<g::ident, Rule> || std::is_base_of_v<g::channel, Rule> ||
                                     std::is_base_of_v<g::customer_ref, Rule> || std::is_base_of_v<g::pattern, Rule> ||
                                     std::is_base_of_v<g::exit_reason, Rule> || std::is_base_of_v<g::map_source, Rule>;

/// Rules that begin a literal: an error inside one spans the literal.
template <typename Rule>
inline constexpr bool begins_literal = std::is_base_of_v<g::string_literal, Rule> ||
                                       std::is_same_v<Rule, g::numeric_literal> || std::is_same_v<Rule, g::arm_number>;

template <typename Rule>
struct control : tao::pegtl::normal<Rule> {
  // A rule that fails inside must<> is matched with rewind_mode::dontcare and
  // may leave the input in the middle of itself (`exitx` after `key<"exit">`
  // read `exit`). Rewinding every failed rule puts the error at the start of
  // the token that did not fit, so the message can name that token.
  template <tao::pegtl::apply_mode A, tao::pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput, typename... States>
  [[nodiscard]] static bool match(ParseInput& in, States&&... st) {
    constexpr auto mode = M == tao::pegtl::rewind_mode::dontcare ? tao::pegtl::rewind_mode::required : M;
    return tao::pegtl::normal<Rule>::template match<A, mode, Action, Control>(in, st...);
  }

  template <typename ParseInput>
  static void start(const ParseInput& in, parse_state& st) noexcept {
    if constexpr (begins_literal<Rule>) st.token_begin = in.current();
    if constexpr (std::is_same_v<Rule, g::escape>) st.escape_begin = in.current();
  }

  template <typename ParseInput>
  [[noreturn]] static void raise(const ParseInput& in, parse_state& st) {
    if constexpr (cannot_fail<Rule>) {
      throw std::logic_error("a rule that cannot fail failed");
    } else {
      static_assert(!error_message<Rule>.code.empty(), "every rule used inside must<> needs an error_message<> entry");
      throw syntax_failure{make_syntax_error(error_message<Rule>, expects_name<Rule> || error_message<Rule>.names,
                                             st.offset(in.current()), st)};
    }
  }
};

}  // namespace afterflow::grammar::parsing
