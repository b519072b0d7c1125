// The event log reader: JSON Lines in, one record at a time out.
//
// A log line is either in afterflow's shape
//
//   {"time":"2026-03-01T09:00:00Z","customer":"c1","event":"order_placed","props":{"total":150}}
//   {"time":"2026-03-01T09:00:00Z","customer":"c1","traits":{"timezone":"Europe/Prague"}}
//
// or in the Segment / RudderStack shape (any line with a `type` key):
// `track` is an event, `identify` a profile update, `page`, `screen`,
// `group` and `alias` are counted and skipped. A `track` name is renamed
// through the program's `map` declarations (with their property renames).
//
// The reader is built for the replay's hot path. It streams the input in
// large blocks (gzip detected by its magic bytes, `-` for standard input),
// parses each line with simdjson On Demand straight into `value` views,
// extracts only the properties the program reads (`properties_by_event`,
// or all of them when `reads_all_properties`; identify traits always all),
// and reuses every buffer, so a line costs no heap allocation once the
// buffers have grown to fit. The views in a record stay valid until the
// next call to `next`.
//
// Every line is checked in full whether or not its values are used:
// malformed JSON, missing or mistyped fields, bad timestamps, wrongly typed
// declared properties, out-of-order times and invalid UTF-8 are errors that
// name file, line and column (codes in log_codes.hpp). With
// `on_bad_event = skip` a bad line is counted by code and reading goes on.
// With `sort`, the whole log is read into memory first and handed out in
// time order (stable), so memory then grows with the log.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "grammar/file_error.hpp"
#include "interpreter/eventlog/byte_source.hpp"
#include "interpreter/eventlog/input_limits.hpp"
#include "interpreter/eventlog/skipped_lines.hpp"
#include "interpreter/ir/program.hpp"
#include "interpreter/ir/record.hpp"

namespace afterflow::eventlog {

struct event_log_options {
  bad_event_policy on_bad_event = bad_event_policy::fail;
  /// Read the whole log, then hand it out sorted by time (stable).
  bool sort = false;
  /// Bytes read from the input at a time.
  std::size_t block_size = std::size_t{1} << 20;
  /// A longer line is an error (E1011, input_limits.hpp).
  std::size_t max_line_bytes = default_max_line_bytes;
};

enum class log_record_kind : unsigned char {
  event,     ///< an event (afterflow line, or Segment `track`)
  identify,  ///< a profile update (afterflow `traits` line, or Segment `identify`)
};

/// One record of the log. Views are valid until the next `next()`.
struct log_record {
  log_record_kind kind = log_record_kind::event;
  grammar::instant time{};
  std::string_view customer;
  stdlib::symbol event = stdlib::no_symbol;  ///< the afterflow event; no_symbol for identify
  /// The event's properties (only those the program reads), or every trait
  /// of an identify.
  std::span<const stdlib::property_entry> properties;
  std::uint64_t line = 0;  ///< 1-based line in the input

  /// The event as the evaluator sees it.
  [[nodiscard]] stdlib::event_view view() const { return {time, event, customer, properties}; }
};

/// The Segment record types that carry nothing for the simulator.
inline constexpr std::array<std::string_view, 4> ignored_segment_types{"page", "screen", "group", "alias"};

struct event_log_counts {
  std::uint64_t lines = 0;  ///< lines read, blank and bad ones included
  std::uint64_t blank = 0;  ///< empty or whitespace-only lines
  std::uint64_t events = 0;
  std::uint64_t identifies = 0;
  std::uint64_t bytes = 0;  ///< input bytes read (after decompression)
  /// Bad lines skipped (with `on_bad_event = skip`).
  skipped_lines skipped;
  /// Segment lines skipped by type, as in `ignored_segment_types`.
  std::array<std::uint64_t, 4> ignored{};

  [[nodiscard]] std::uint64_t ignored_total() const;
};

class event_log_reader {
 public:
  /// Reads `path` ("-" for standard input). A file that cannot be opened is
  /// reported by the first `next()` (which returns nullopt) through `error()`.
  [[nodiscard]] static event_log_reader open(const std::string& path, const ir::program& p, ir::symbol_table& symbols,
                                             event_log_options options = {});
  /// Reads `text`, which must outlive the reader; `name` is used in messages.
  [[nodiscard]] static event_log_reader from_text(std::string name, std::string_view text, const ir::program& p,
                                                  ir::symbol_table& symbols, event_log_options options = {});

  event_log_reader(std::unique_ptr<byte_source> source, const ir::program& p, ir::symbol_table& symbols,
                   event_log_options options);
  ~event_log_reader();
  event_log_reader(event_log_reader&&) noexcept;
  event_log_reader& operator=(event_log_reader&&) noexcept;

  /// The next record; nullopt at the end of the log or at an error that
  /// stops the read (then `error()` is set).
  [[nodiscard]] std::optional<log_record> next();
  [[nodiscard]] const std::optional<grammar::diagnostic>& error() const;
  [[nodiscard]] const event_log_counts& counts() const;
  /// Heap bytes held by the reader's buffers (the line buffer, simdjson's
  /// parser, the value arena), for tests of bounded memory.
  [[nodiscard]] std::size_t buffer_bytes() const;

 private:
  class impl;
  explicit event_log_reader(std::unique_ptr<impl> i);
  std::unique_ptr<impl> impl_;
};

}  // namespace afterflow::eventlog
