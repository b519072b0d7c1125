// CDNOW → afterflow events.
//
// `customer_id date number_of_cds dollar_value`, whitespace separated, one
// header line, dates at day resolution: each purchase becomes an
// `order_placed` at noon UTC of its day, numbered per customer.

#include <charconv>
#include <unordered_map>

#include <fmt/format.h>

#include "grammar/text/timestamp.hpp"
#include "interpreter/eventlog/line_reader.hpp"
#include "interpreter/eventlog/log_codes.hpp"
#include "interpreter/tools/internal/event_buffer.hpp"

namespace afterflow::tools {

using eventlog::byte_source;
using eventlog::line_reader;
using eventlog::text_sink;
using grammar::days_from_civil;
using grammar::days_in_month;

namespace {

std::vector<std::string_view> split_words(std::string_view line) {
  std::vector<std::string_view> words;
  std::size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    const auto start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) words.push_back(line.substr(start, i - start));
  }
  return words;
}

// `YYYYMMDD` as days since the epoch.
std::optional<std::int64_t> day_of(std::string_view text) {
  if (text.size() != 8) return std::nullopt;
  unsigned value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + 8, value);
  if (ec != std::errc() || ptr != text.data() + 8) return std::nullopt;
  const auto year = static_cast<std::int64_t>(value / 10000);
  const auto month = value / 100 % 100;
  const auto day = value % 100;
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month)) return std::nullopt;
  return days_from_civil(year, month, day);
}

}  // namespace

convert_result convert_cdnow(std::unique_ptr<byte_source> input, const text_sink& write) {
  convert_result result;
  auto& stats = result.stats;
  for (const auto* name : {"purchases", "customers", "order_placed"}) stats.add(name, 0);
  line_reader lines(std::move(input));
  event_buffer events;
  std::unordered_map<std::string, std::uint32_t> purchases;  // per customer; looked up only
  bool first = true;
  while (const auto line = lines.next()) {
    const auto words = split_words(*line);
    if (words.empty()) continue;
    if (first) {
      first = false;
      if (words[0] == "customer_id") continue;  // the header
    }
    const auto bad = [&](std::string message) {
      result.error = grammar::make_file_error(eventlog::codes::bad_csv_value, std::move(message), lines.name(),
                                              lines.line_number());
    };
    if (words.size() != 4) {
      bad(fmt::format("expected 4 fields (customer, date, CDs, dollars), found {}", words.size()));
      return result;
    }
    const auto day = day_of(words[1]);
    if (!day) {
      bad(fmt::format("bad date `{}`", words[1]));
      return result;
    }
    const auto cds = parse_decimal(words[2]);
    const auto dollars = parse_decimal(words[3]);
    if (!cds || !dollars) {
      bad(fmt::format("bad number `{}`", !cds ? words[2] : words[3]));
      return result;
    }
    stats.add("purchases");
    const std::string customer(words[0]);
    const auto n = ++purchases[customer];
    const auto time = grammar::instant(std::chrono::days(*day) + std::chrono::hours(12));
    auto& w = events.begin(time, customer, "order_placed");
    w.key("order_id").string(fmt::format("cdnow-{}-{}", customer, n));
    w.key("total").number(round_cents(*dollars)).key("currency").string("USD").key("category").string("music");
    w.key("item_count").number(*cds);
    events.end();
  }
  if (lines.error()) {
    result.error = *lines.error();
    return result;
  }
  stats.add("customers", purchases.size());
  events.write_sorted(write, stats);
  return result;
}

}  // namespace afterflow::tools
