// What happens to bad input lines, and the record of those skipped.
//
// Both readers (events and profiles) either stop at the first bad line or,
// with `skip`, go on and count it by error code, keeping the first few
// errors so the command line can show what was skipped: nothing is lost
// silently.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "grammar/file_error.hpp"

namespace afterflow::eventlog {

enum class bad_event_policy : unsigned char {
  fail,  ///< the first bad line stops the read with its error
  skip,  ///< bad lines are counted by code and skipped
};

struct skipped_lines {
  static constexpr std::size_t max_examples = 10;

  /// Count per code, in code order.
  std::vector<std::pair<std::string, std::uint64_t>> by_code;
  /// The first `max_examples` errors, in input order.
  std::vector<grammar::diagnostic> examples;

  void add(grammar::diagnostic e);
  [[nodiscard]] std::uint64_t total() const;
  /// The count for one code (0 when none).
  [[nodiscard]] std::uint64_t count(std::string_view code) const;
};

}  // namespace afterflow::eventlog
