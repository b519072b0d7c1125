// The codes of the diagnostics the module loader and the checker emit.
//
// Each kind of problem has its own code so users (and the golden tests) can
// tell them apart and `docs/language.md` can explain each one. Errors are
// E0100-E0999, grouped by hundreds (loading, names, duplicates, types,
// constants, flows, policy, tests); warnings are W0100 and up. Syntax codes
// (E00xx) live in grammar/. The constants below are the only place a code
// is spelled; `check_code_table()` documents them all, in code order.
#pragma once

#include <span>
#include <string_view>

#include "grammar/diagnostic.hpp"

namespace afterflow::check::codes {

// Each group says which file emits its codes.

// Loading (module_loader.cpp)
inline constexpr std::string_view cannot_read_file = "E0100";
inline constexpr std::string_view file_too_large = "E0101";
inline constexpr std::string_view unknown_module = "E0102";
inline constexpr std::string_view import_cycle = "E0103";

// Names (checker_expressions.cpp; E0201/E0212/E0215 also checker_calls.cpp;
// E0203/E0204/E0216 checker_tests.cpp; E0205 checker_calls.cpp;
// E0206/E0213 checker_declarations.cpp)
inline constexpr std::string_view unknown_name = "E0200";
inline constexpr std::string_view unknown_function = "E0201";
inline constexpr std::string_view unknown_property = "E0202";
inline constexpr std::string_view unknown_flow = "E0203";
inline constexpr std::string_view unknown_segment = "E0204";
inline constexpr std::string_view unknown_time_zone = "E0205";
inline constexpr std::string_view unknown_field_type = "E0206";
inline constexpr std::string_view event_name_as_value = "E0207";
inline constexpr std::string_view ambiguous_name = "E0208";
inline constexpr std::string_view event_outside_where = "E0209";
inline constexpr std::string_view trigger_unavailable = "E0210";
inline constexpr std::string_view binding_out_of_scope = "E0211";
inline constexpr std::string_view not_a_function = "E0212";
inline constexpr std::string_view reserved_name = "E0213";
inline constexpr std::string_view no_such_member = "E0214";
inline constexpr std::string_view unknown_named_argument = "E0215";
inline constexpr std::string_view not_visible = "E0216";

// Duplicates (checker_declarations.cpp; E0305 also checker_expressions.cpp and
// checker_flows.cpp; E0306/E0308 checker_flows.cpp; E0310 checker_calls.cpp)
inline constexpr std::string_view duplicate_name = "E0300";
inline constexpr std::string_view duplicate_flow = "E0301";
inline constexpr std::string_view duplicate_event = "E0302";
inline constexpr std::string_view duplicate_field = "E0303";
inline constexpr std::string_view duplicate_test = "E0304";
inline constexpr std::string_view duplicate_property = "E0305";
inline constexpr std::string_view duplicate_split_label = "E0306";
inline constexpr std::string_view duplicate_mapping = "E0307";
inline constexpr std::string_view duplicate_split_name = "E0308";
inline constexpr std::string_view reserved_field = "E0309";
inline constexpr std::string_view duplicate_argument = "E0310";

// Types (operator rules in type_rules.cpp, reported by checker_expressions.cpp;
// E0406/E0407/E0409-E0412 checker_calls.cpp; E0413 checker_expressions.cpp;
// E0414/E0415/E0417 checker_flows.cpp; E0416 checker_tests.cpp)
inline constexpr std::string_view type_mismatch = "E0400";
inline constexpr std::string_view expected_duration = "E0401";
inline constexpr std::string_view expected_time_of_day = "E0402";
inline constexpr std::string_view incomparable_types = "E0403";
inline constexpr std::string_view invalid_operands = "E0404";
inline constexpr std::string_view in_needs_list = "E0405";
inline constexpr std::string_view wrong_argument_count = "E0406";
inline constexpr std::string_view argument_type = "E0407";
inline constexpr std::string_view condition_not_bool = "E0408";
inline constexpr std::string_view filter_not_allowed = "E0409";
inline constexpr std::string_view invalid_aggregate_subject = "E0410";
inline constexpr std::string_view aggregate_property_type = "E0411";
inline constexpr std::string_view has_needs_member = "E0412";
inline constexpr std::string_view field_type_mismatch = "E0413";
inline constexpr std::string_view missing_field = "E0414";
inline constexpr std::string_view invalid_set_target = "E0415";
inline constexpr std::string_view expected_timestamp = "E0416";
inline constexpr std::string_view invalid_key = "E0417";

// Constants (E0500/E0503/E0506 checker_expressions.cpp, folding in
// checker_constants.cpp; E0501/E0502 checker_declarations.cpp; E0504 and E0507
// checker_flows.cpp, checker_declarations.cpp, checker_tests.cpp; E0505
// checker_calls.cpp; E0508 checker_expressions.cpp)
inline constexpr std::string_view not_constant = "E0500";
inline constexpr std::string_view constant_cycle = "E0501";
inline constexpr std::string_view segment_cycle = "E0502";
inline constexpr std::string_view non_positive_duration = "E0503";
inline constexpr std::string_view invalid_count = "E0504";
inline constexpr std::string_view window_not_constant = "E0505";
inline constexpr std::string_view constant_evaluation = "E0506";
inline constexpr std::string_view backward_day_range = "E0507";
inline constexpr std::string_view duration_too_long = "E0508";

// Flows (checker_flows.cpp)
inline constexpr std::string_view missing_trigger = "E0600";
// E0601 is retired: an `exit on` the trigger's own event is legitimate.
inline constexpr std::string_view split_total = "E0602";
inline constexpr std::string_view split_percent = "E0603";
inline constexpr std::string_view repeat_without_wait = "E0604";
inline constexpr std::string_view unreachable_step = "E0605";

// Policy and maps (checker_declarations.cpp)
inline constexpr std::string_view conflicting_time_zone = "E0700";
inline constexpr std::string_view conflicting_limit = "E0701";
inline constexpr std::string_view conflicting_quiet_hours = "E0702";
inline constexpr std::string_view empty_quiet_hours = "E0703";

// Tests (checker_tests.cpp)
inline constexpr std::string_view invalid_exit_reason = "E0800";
inline constexpr std::string_view events_out_of_order = "E0801";
inline constexpr std::string_view flow_without_goal = "E0802";

// Warnings (W0100-W0103 checker_declarations.cpp, W0104 checker_flows.cpp,
// W0105 module_loader.cpp, W0106 checker_tests.cpp)
inline constexpr std::string_view undeclared_event = "W0100";
inline constexpr std::string_view unused_segment = "W0101";
inline constexpr std::string_view unused_constant = "W0102";
inline constexpr std::string_view unused_binding = "W0103";
inline constexpr std::string_view constant_condition = "W0104";
inline constexpr std::string_view duplicate_import = "W0105";
inline constexpr std::string_view unknown_test_customer = "W0106";

}  // namespace afterflow::check::codes

namespace afterflow::check {

/// Every loader and checker code with its title and explanation, in code
/// order (errors, then warnings).
[[nodiscard]] std::span<const grammar::code_info> check_code_table();

/// The entry for `code`, or null.
[[nodiscard]] const grammar::code_info* find_check_code(std::string_view code);

}  // namespace afterflow::check
