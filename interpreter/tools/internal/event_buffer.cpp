#include "interpreter/tools/internal/event_buffer.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "grammar/text/timestamp.hpp"

namespace afterflow::tools {

using eventlog::text_sink;
using grammar::append_timestamp;
using grammar::json_writer;
using grammar::parse_timestamp;
using runtime::local_to_instant;
using runtime::time_zone;

json_writer& event_buffer::begin(grammar::instant time, std::string_view customer, std::string_view event) {
  line_.clear();
  writer_.emplace(line_);
  time_ = time;
  name_ = event;
  writer_->begin_object();
  std::string stamp;
  append_timestamp(stamp, time);
  writer_->key("time").string(stamp);
  writer_->key("customer").string(customer);
  writer_->key("event").string(event);
  writer_->key("props").begin_object();
  return *writer_;
}

void event_buffer::end() {
  writer_->end_object().end_object();
  writer_.reset();
  line_.push_back('\n');
  events_.push_back({time_, name_, std::move(line_)});
  line_ = std::string();
}

void event_buffer::write_sorted(const text_sink& write, convert_stats& stats) {
  std::stable_sort(events_.begin(), events_.end(), [](const event& a, const event& b) { return a.time < b.time; });
  std::string chunk;
  for (const auto& e : events_) {
    stats.add(e.name);
    chunk += e.line;
    if (chunk.size() >= 64 * 1024) {
      write(chunk);
      chunk.clear();
    }
  }
  if (!chunk.empty()) write(chunk);
}

std::optional<grammar::instant> local_timestamp(std::string_view text, const time_zone* zone) {
  // The RFC 3339 parser accepts a space for `T`; read the wall-clock time as
  // if it were UTC, then place it in the zone.
  std::string utc(text);
  utc += 'Z';
  const auto naive = parse_timestamp(utc);
  if (!naive) return std::nullopt;
  const auto day = std::chrono::floor<std::chrono::days>(*naive);
  const auto in_day = *naive - day;
  const auto seconds = std::chrono::floor<std::chrono::seconds>(in_day);
  return local_to_instant(zone, day.time_since_epoch().count(), static_cast<std::int32_t>(seconds.count())) +
         (in_day - seconds);
}

std::optional<double> parse_decimal(std::string_view text) {
  double value = 0;
  const auto* begin = text.data();
  const auto* end = text.data() + text.size();
  if (begin != end && *begin == '+') ++begin;
  const auto [ptr, ec] = std::from_chars(begin, end, value);
  if (ec != std::errc() || ptr != end || begin == end || !std::isfinite(value)) return std::nullopt;
  return value;
}

double round_cents(double amount) { return std::round(amount * 100.0) / 100.0; }

}  // namespace afterflow::tools
