// The codes of the errors found in input data: event logs, profiles files
// and the shop exports the converters read.
//
// Input errors are E1001-E1099 so they never collide with the language's
// codes (E00xx syntax, E01xx-E09xx checker). Each kind of bad input has its
// own code, because `--on-bad-event=skip` counts skipped lines by code and
// the summary reports those counts. The constants below are the only place a
// code is spelled; `log_code_table()` documents them all, in code order
// (docs/event-log.md lists the same table).
#pragma once

#include <span>
#include <string_view>

#include "grammar/diagnostic.hpp"

namespace afterflow::eventlog::codes {

// One line of JSON (event_log_reader.cpp, profile_reader.cpp)
inline constexpr std::string_view malformed_json = "E1001";
inline constexpr std::string_view bad_timestamp = "E1002";
inline constexpr std::string_view missing_field = "E1003";
inline constexpr std::string_view wrong_field_type = "E1004";
inline constexpr std::string_view bad_property = "E1005";
inline constexpr std::string_view out_of_order = "E1006";
inline constexpr std::string_view invalid_utf8 = "E1007";
inline constexpr std::string_view unknown_record_type = "E1008";
inline constexpr std::string_view unknown_time_zone = "E1009";
inline constexpr std::string_view unknown_profile_field = "E1010";
inline constexpr std::string_view line_too_long = "E1011";
inline constexpr std::string_view duplicate_profile = "E1012";

// Files (byte_source.cpp)
inline constexpr std::string_view cannot_read = "E1020";

// Shop exports (converters/)
inline constexpr std::string_view malformed_csv = "E1030";
inline constexpr std::string_view missing_column = "E1031";
inline constexpr std::string_view bad_csv_value = "E1032";

}  // namespace afterflow::eventlog::codes

namespace afterflow::eventlog {

/// Every input-data code with its title and explanation, in code order.
[[nodiscard]] std::span<const grammar::code_info> log_code_table();
/// The entry for `code`, or nullptr.
[[nodiscard]] const grammar::code_info* find_log_code(std::string_view code);

}  // namespace afterflow::eventlog
