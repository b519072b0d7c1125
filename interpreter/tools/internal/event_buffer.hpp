// Converted events, held until they can be written in time order (internal
// to the converters), plus the small helpers every converter needs.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/text/json_writer.hpp"
#include "interpreter/runtime/local_time.hpp"
#include "interpreter/tools/convert.hpp"

namespace afterflow::tools {

class event_buffer {
 public:
  /// Starts an event line; add its properties to the returned writer (it is
  /// inside `props`), then call `end`.
  grammar::json_writer& begin(grammar::instant time, std::string_view customer, std::string_view event);
  void end();
  /// Writes every event sorted by time (stable) and counts them by name.
  void write_sorted(const eventlog::text_sink& write, convert_stats& stats);
  [[nodiscard]] std::size_t size() const { return events_.size(); }

 private:
  struct event {
    grammar::instant time{};
    std::string_view name;  // static storage: the converters' literals
    std::string line;
  };
  std::vector<event> events_;
  std::string line_;
  std::optional<grammar::json_writer> writer_;
  grammar::instant time_{};
  std::string_view name_;
};

/// A naive local `YYYY-MM-DD HH:MM[:SS]` in `zone`, as UTC microseconds.
[[nodiscard]] std::optional<grammar::instant> local_timestamp(std::string_view text, const runtime::time_zone* zone);
/// A decimal number (`3.39`, `-6`), or nullopt.
[[nodiscard]] std::optional<double> parse_decimal(std::string_view text);
/// Money rounded to cents.
[[nodiscard]] double round_cents(double amount);

}  // namespace afterflow::tools
