#include "interpreter/eventlog/internal/zone_check.hpp"

#include <algorithm>

#include <date/tz.h>

#include "grammar/text/edit_distance.hpp"
#include "stdlib/time_zone_names.hpp"

namespace afterflow::eventlog {

using grammar::closest_match;

std::optional<std::string> zone_check::suggestion(std::string_view name) {
  if (names_.empty()) {
    try {
      const auto& db = date::get_tzdb();
      for (const auto& z : db.zones) {
        if (stdlib::is_portable_zone_name(z.name())) names_.push_back(z.name());
      }
    } catch (const std::runtime_error&) {
      return std::nullopt;
    }
    std::sort(names_.begin(), names_.end());
    views_.assign(names_.begin(), names_.end());
  }
  return closest_match(name, views_);
}

}  // namespace afterflow::eventlog
