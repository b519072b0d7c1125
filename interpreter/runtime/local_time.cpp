#include "interpreter/runtime/local_time.hpp"

#include <chrono>
#include <stdexcept>

#include <date/tz.h>

#include "stdlib/time_zone_names.hpp"

namespace afterflow::runtime {

using grammar::duration;
using grammar::instant;
using grammar::instant_from_micros;
using grammar::micros_since_epoch;

namespace {

constexpr std::int64_t micros_per_s = 1'000'000;
constexpr std::int64_t micros_per_day = 86'400 * micros_per_s;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// 1970-01-01 was a Thursday (3 when Monday is 0).
int weekday_of(std::int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7); }

}  // namespace

const time_zone* zone_cache::find(std::string_view name) {
  if (const auto it = zones_.find(name); it != zones_.end()) return it->second;
  const time_zone* zone = nullptr;
  if (stdlib::is_portable_zone_name(name)) {
    try {
      zone = date::locate_zone(name);
    } catch (const std::runtime_error&) {
      zone = nullptr;
    }
  }
  zones_.emplace(std::string(name), zone);
  return zone;
}

const time_zone* utc_zone() {
  static const time_zone* utc = date::locate_zone("UTC");
  return utc;
}

duration utc_offset(const time_zone* zone, instant t) {
  return zone->get_info(std::chrono::floor<std::chrono::seconds>(t)).offset;
}

instant local_to_instant(const time_zone* zone, std::int64_t days, std::int32_t seconds_of_day) {
  const auto local_seconds = days * 86400 + seconds_of_day;
  const date::local_seconds local{std::chrono::seconds{local_seconds}};
  const auto info = zone->get_info(local);
  // unique: first is the only offset. nonexistent: `first` is the offset
  // before the gap, so the result lands after the gap by exactly its length.
  // ambiguous: `first` is the earlier occurrence.
  return instant_from_micros((local_seconds - info.first.offset.count()) * micros_per_s);
}

local_clock to_local(const time_zone* zone, instant t) {
  const auto local = micros_since_epoch(t) + utc_offset(zone, t).count();
  const auto days = floor_div(local, micros_per_day);
  const auto in_day = local - days * micros_per_day;
  return {days, static_cast<std::int32_t>(in_day / micros_per_s), weekday_of(days)};
}

instant next_local_time(const time_zone* zone, instant now, std::int32_t seconds_of_day, weekday_mask days) {
  if ((days & every_day) == 0) days = every_day;
  const auto today = to_local(zone, now).days;
  // From today's local date: an earlier date's time, even one a gap has
  // moved past midnight into today, is that earlier day's and is past.
  // Eight days always contain an allowed weekday whose time is not past.
  for (std::int64_t d = today; d <= today + 8; ++d) {
    if ((days & (1U << weekday_of(d))) == 0) continue;
    const auto candidate = local_to_instant(zone, d, seconds_of_day);
    if (candidate >= now) return candidate;
  }
  return now;  // unreachable for a valid zone and mask
}

instant quiet_window_end(const time_zone* zone, instant now, std::int32_t to) {
  const auto today = to_local(zone, now).days;
  for (std::int64_t d = today; d <= today + 2; ++d) {
    const auto local_seconds = d * 86400 + to;
    const auto info = zone->get_info(date::local_seconds{std::chrono::seconds{local_seconds}});
    const auto first = instant_from_micros((local_seconds - info.first.offset.count()) * micros_per_s);
    if (first > now) return first;
    if (info.result == date::local_info::ambiguous) {
      const auto second = instant_from_micros((local_seconds - info.second.offset.count()) * micros_per_s);
      if (second > now) return second;
    }
  }
  return now + std::chrono::seconds(1);  // unreachable for a window that contains `now`
}

bool in_window(std::int32_t seconds_of_day, std::int32_t from, std::int32_t to) {
  if (from == to) return false;
  if (from < to) return seconds_of_day >= from && seconds_of_day < to;
  return seconds_of_day >= from || seconds_of_day < to;
}

}  // namespace afterflow::runtime
