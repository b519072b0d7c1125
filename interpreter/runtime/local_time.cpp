#include "interpreter/runtime/local_time.hpp"

#include <chrono>
#include <fstream>
#include <iterator>
#include <optional>
#include <stdexcept>

#include <date/tz.h>

#include "interpreter/runtime/internal/posix_tz.hpp"
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

// Where the OS keeps its zone files (as date/tz reads them on Linux).
constexpr std::string_view zoneinfo = "/usr/share/zoneinfo/";

std::optional<posix_tz::footer> footer_of(std::string_view name) {
  std::ifstream in(std::string(zoneinfo) + std::string(name), std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes;
  constexpr std::size_t max_bytes = 1 << 20;  // zone files are a few KB
  bytes.resize(max_bytes);
  in.read(bytes.data(), static_cast<std::streamsize>(max_bytes));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return posix_tz::read_footer(bytes);
}

}  // namespace

/// A zone: date/tz's answers up to the last transition its file lists, the
/// file's POSIX TZ rule after it.
class time_zone {
 public:
  time_zone(const date::time_zone* tz, std::optional<posix_tz::footer> footer) : tz_(tz), footer_(std::move(footer)) {}

  [[nodiscard]] std::chrono::seconds offset(date::sys_seconds t) const {
    if (footer_ && t.time_since_epoch().count() > footer_->from) {
      return posix_tz::offset_at(footer_->r, t.time_since_epoch().count());
    }
    return tz_->get_info(t).offset;
  }

  /// How a local time maps to UTC: `first` is the offset of its only or
  /// first occurrence, or, in a gap, the offset before the gap; `second`
  /// the offset of a second occurrence.
  struct local_lookup {
    int result;  // date::local_info::unique, nonexistent or ambiguous
    std::chrono::seconds first;
    std::chrono::seconds second;
  };
  [[nodiscard]] local_lookup lookup(date::local_seconds l) const {
    constexpr std::int64_t two_days = 2 * 86400;
    const auto local = l.time_since_epoch().count();
    if (!footer_ || local - two_days <= footer_->from) {
      const auto info = tz_->get_info(l);
      return {info.result, info.first.offset, info.second.offset};
    }
    // A local time L happens at L - o for each offset o in effect then;
    // the rule's changes are months apart, so a day earlier has the offset
    // before any change near L.
    const auto& r = footer_->r;
    const auto at = [&](std::chrono::seconds o) { return posix_tz::offset_at(r, local - o.count()); };
    const auto before = posix_tz::offset_at(r, local - r.std_offset.count() - two_days / 2);
    const auto other = r.dst_offset && *r.dst_offset != before ? *r.dst_offset : r.std_offset;
    const bool before_holds = at(before) == before;
    const bool other_holds = other != before && at(other) == other;
    if (before_holds && other_holds) {
      const auto earlier = std::max(before, other);  // the larger offset is the earlier instant
      return {date::local_info::ambiguous, earlier, std::min(before, other)};
    }
    if (before_holds) return {date::local_info::unique, before, {}};
    if (other_holds) return {date::local_info::unique, other, {}};
    return {date::local_info::nonexistent, before, other};
  }

 private:
  const date::time_zone* tz_;
  std::optional<posix_tz::footer> footer_;
};

zone_cache::zone_cache() = default;
zone_cache::~zone_cache() = default;
zone_cache::zone_cache(zone_cache&&) noexcept = default;
zone_cache& zone_cache::operator=(zone_cache&&) noexcept = default;

const time_zone* zone_cache::find(std::string_view name) {
  if (const auto it = zones_.find(name); it != zones_.end()) return it->second.get();
  std::unique_ptr<const time_zone> zone;
  if (stdlib::is_portable_zone_name(name)) {
    try {
      zone = std::make_unique<const time_zone>(date::locate_zone(name), footer_of(name));
    } catch (const std::runtime_error&) {
      zone = nullptr;
    }
  }
  const auto* found = zone.get();
  zones_.emplace(std::string(name), std::move(zone));
  return found;
}

const time_zone* utc_zone() {
  static const time_zone utc(date::locate_zone("UTC"), std::nullopt);
  return &utc;
}

duration utc_offset(const time_zone* zone, instant t) {
  return zone->offset(std::chrono::floor<std::chrono::seconds>(t));
}

instant local_to_instant(const time_zone* zone, std::int64_t days, std::int32_t seconds_of_day) {
  const auto local_seconds = days * 86400 + seconds_of_day;
  const date::local_seconds local{std::chrono::seconds{local_seconds}};
  const auto info = zone->lookup(local);
  // unique: first is the only offset. nonexistent: `first` is the offset
  // before the gap, so the result lands after the gap by exactly its length.
  // ambiguous: `first` is the earlier occurrence.
  return instant_from_micros((local_seconds - info.first.count()) * micros_per_s);
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
    const auto info = zone->lookup(date::local_seconds{std::chrono::seconds{local_seconds}});
    const auto first = instant_from_micros((local_seconds - info.first.count()) * micros_per_s);
    if (first > now) return first;
    if (info.result == date::local_info::ambiguous) {
      const auto second = instant_from_micros((local_seconds - info.second.count()) * micros_per_s);
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
