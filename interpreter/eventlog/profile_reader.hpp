// The customer profiles file: JSON Lines, one customer a line.
//
//   {"id":"c1","timezone":"Europe/Prague","attributes":{"vip":true,"first_name":"Jana"}}
//
// Profiles give customers their attributes from the start of the replay
// (semantics §10). `id` is required (a string, or a number taken as
// written); `timezone` must name a zone of the OS tz database;
// `attributes` is an object whose values convert as in the event log
// (nested objects become null). Any other key is an error, with a "did you
// mean", because a misspelt `timezone` would otherwise be lost silently.
// Errors, codes, the skip policy and the streaming are those of the event
// log reader (event_log_reader.hpp).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "grammar/file_error.hpp"
#include "interpreter/eventlog/byte_source.hpp"
#include "interpreter/eventlog/input_limits.hpp"
#include "interpreter/eventlog/skipped_lines.hpp"
#include "interpreter/ir/program.hpp"
#include "interpreter/ir/record.hpp"

namespace afterflow::eventlog {

struct profile_options {
  bad_event_policy on_bad_event = bad_event_policy::fail;
  std::size_t block_size = std::size_t{1} << 20;
  /// A longer line is an error (E1011, input_limits.hpp).
  std::size_t max_line_bytes = default_max_line_bytes;
};

/// One profile. Views are valid until the next `next()`.
struct profile_record {
  std::string_view customer;
  /// The `timezone` (empty when absent); also in `attributes`.
  std::string_view time_zone;
  /// Every attribute, with `timezone` among them when given.
  std::span<const stdlib::property_entry> attributes;
  std::uint64_t line = 0;
};

struct profile_counts {
  std::uint64_t lines = 0;
  std::uint64_t blank = 0;
  std::uint64_t profiles = 0;
  std::uint64_t bytes = 0;
  skipped_lines skipped;
};

class profile_reader {
 public:
  /// Reads `path` ("-" for standard input; gzip is detected).
  [[nodiscard]] static profile_reader open(const std::string& path, const ir::program& p, ir::symbol_table& symbols,
                                           profile_options options = {});
  /// Reads `text`, which must outlive the reader.
  [[nodiscard]] static profile_reader from_text(std::string name, std::string_view text, const ir::program& p,
                                                ir::symbol_table& symbols, profile_options options = {});

  profile_reader(std::unique_ptr<byte_source> source, const ir::program& p, ir::symbol_table& symbols,
                 profile_options options);
  ~profile_reader();
  profile_reader(profile_reader&&) noexcept;
  profile_reader& operator=(profile_reader&&) noexcept;

  /// The next profile; nullopt at the end or at an error that stops the
  /// read (then `error()` is set).
  [[nodiscard]] std::optional<profile_record> next();
  [[nodiscard]] const std::optional<grammar::diagnostic>& error() const;
  [[nodiscard]] const profile_counts& counts() const;

 private:
  class impl;
  explicit profile_reader(std::unique_ptr<impl> i);
  std::unique_ptr<impl> impl_;
};

}  // namespace afterflow::eventlog
