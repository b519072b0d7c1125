#include "interpreter/eventlog/log_codes.hpp"

#include <algorithm>
#include <array>

namespace afterflow::eventlog {

using grammar::code_info;

namespace {

using namespace codes;

constexpr std::array table{
    code_info{malformed_json, "malformed JSON",
              "A line of the log is not one valid JSON value: a syntax error, a value cut off, "
              "or something after the closing brace. Each line must hold exactly one JSON "
              "object (JSON Lines); blank lines are allowed."},
    code_info{bad_timestamp, "bad timestamp",
              "A time is not RFC 3339 (`2026-03-01T09:00:00Z`, `2026-03-01T10:00:00.250+01:00`) "
              "or names a date or time that does not exist (month 13, February 30, 25:00). "
              "Every timestamp needs a `Z` or an offset."},
    code_info{missing_field, "missing field",
              "A record lacks a field it needs: `time`, `customer` and `event` (or `traits`) "
              "in afterflow's shape; `timestamp`, `userId` or `anonymousId`, and `event` for "
              "`track`, in the Segment shape; `id` in a profiles file. An empty customer id "
              "counts as missing."},
    code_info{wrong_field_type, "wrong field type",
              "A field of the record has the wrong JSON type: the line is not an object, "
              "`time` or `customer` is not a string, `props`, `properties` or `traits` is not "
              "an object, or a line has both `event` and `traits`."},
    code_info{bad_property, "bad property value",
              "A property declared in an `event` schema has a value of another type: "
              "`total: number` given as a string, `late: bool` given as a number. A `time` "
              "field accepts an RFC 3339 string, a `duration` field a duration such as `\"3d\"` "
              "or a number of seconds, a `time_of_day` field `\"10:00\"`. `null` is accepted "
              "for every field."},
    code_info{out_of_order, "event out of order",
              "An event is earlier than the one before it. The simulator applies events in "
              "time order, so the log must be sorted by time; pass `--sort` to have it sorted "
              "in memory first (stable: equal times keep their order)."},
    code_info{invalid_utf8, "invalid UTF-8",
              "A line contains bytes that are not valid UTF-8. JSON text is UTF-8; re-export "
              "the data with that encoding."},
    code_info{unknown_record_type, "unknown record type",
              "A Segment / RudderStack line has a `type` other than `track`, `identify`, "
              "`page`, `screen`, `group` and `alias`. Only `track` and `identify` carry data "
              "for the simulator; the other four are counted and skipped."},
    code_info{unknown_time_zone, "unknown time zone",
              "A `timezone` in a profile or an `identify` record is not a name of the IANA time "
              "zone database, such as `Europe/Prague` or `America/New_York`."},
    code_info{unknown_profile_field, "unknown profile field",
              "A line of the profiles file has a field other than `id`, `timezone` and "
              "`attributes`. Put custom data under `attributes`."},
    code_info{line_too_long, "line too long",
              "A line of the log or the profiles file is longer than the limit, 1 MiB unless "
              "`--max-line-bytes` says otherwise. Only the first bytes up to the limit are "
              "kept, for the message; the rest of the line is read through and dropped, so a "
              "hostile input costs no more memory than the limit. One line holds one JSON "
              "record; a longer one is usually a missing line break or a binary file."},
    code_info{duplicate_profile, "duplicate profile",
              "The profiles file has two lines for one customer `id`. Which one should hold? "
              "Rather than let the later line replace the earlier one silently, the second is "
              "an error naming the first; merge them into one line. (Profile changes over "
              "time belong in the event log, as `traits` lines or Segment `identify` records.)"},
    code_info{cannot_read, "cannot read input",
              "An input file does not exist, cannot be read, or its compressed data is "
              "corrupt or cut off. This stops the read even with `--on-bad-event=skip`."},
    code_info{malformed_csv, "malformed CSV",
              "A CSV file breaks RFC 4180: a quoted field is never closed, or a quote appears "
              "after the closing quote of a field."},
    code_info{missing_column, "missing column",
              "A CSV file lacks a column the converter needs; the message names it. Check "
              "that the right file was given and that its header row is intact."},
    code_info{bad_csv_value, "bad CSV value",
              "A field of a shop export cannot be read as what its column holds: a number, a "
              "date or a date and time."},
};

constexpr bool sorted_and_unique() {
  for (std::size_t i = 1; i < table.size(); ++i) {
    if (!(table[i - 1].code < table[i].code)) return false;
  }
  return true;
}
static_assert(sorted_and_unique(), "log codes must be listed in code order, once each");

}  // namespace

std::span<const code_info> log_code_table() { return table; }

const code_info* find_log_code(std::string_view code) {
  const auto it = std::find_if(table.begin(), table.end(), [&](const code_info& c) { return c.code == code; });
  return it == table.end() ? nullptr : &*it;
}

}  // namespace afterflow::eventlog
