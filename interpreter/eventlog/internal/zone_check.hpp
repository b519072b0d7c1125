// Time zone names in input data: known or not, and what was meant.
//
// Profiles and `identify` records name customers' zones; an unknown name is
// bad input (semantics §10) and deserves a "did you mean". Lookups go
// through a `zone_cache`, so each distinct name meets the tz database once;
// the sorted list of all names for suggestions is built only when a name is
// wrong.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/runtime/local_time.hpp"

namespace afterflow::eventlog {

class zone_check {
 public:
  /// Whether the OS tz database knows `name`.
  [[nodiscard]] bool known(std::string_view name) { return cache_.find(name) != nullptr; }
  /// The closest known name, for "did you mean".
  [[nodiscard]] std::optional<std::string> suggestion(std::string_view name);

 private:
  runtime::zone_cache cache_;
  std::vector<std::string> names_;       // sorted; empty until the first suggestion
  std::vector<std::string_view> views_;  // of names_, for closest_match
};

}  // namespace afterflow::eventlog
