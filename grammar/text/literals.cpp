#include "grammar/text/literals.hpp"

#include <charconv>
#include <limits>
#include <optional>

#include "grammar/text/timestamp.hpp"

namespace afterflow::grammar::parsing {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads `count` decimal digits at `pos` (the grammar guarantees they exist).
unsigned read_fixed(std::string_view text, std::size_t pos, std::size_t count) {
  unsigned value = 0;
  for (std::size_t i = 0; i < count; ++i) value = value * 10 + static_cast<unsigned>(text[pos + i] - '0');
  return value;
}

// Reads a run of digits at `pos`, advancing it; nullopt when it overflows.
std::optional<std::uint64_t> read_digits(std::string_view text, std::size_t& pos) {
  std::uint64_t value = 0;
  const auto begin = pos;
  while (pos < text.size() && is_digit(text[pos])) ++pos;
  const auto [ptr, ec] = std::from_chars(text.data() + begin, text.data() + pos, value);
  if (ec != std::errc() || ptr != text.data() + pos) return std::nullopt;
  return value;
}

constexpr std::string_view month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                            "July",    "August",   "September", "October", "November", "December"};

literal_problem problem(std::string label, std::size_t offset = 0, std::size_t length = 0) {
  return {std::move(label), static_cast<std::uint32_t>(offset), static_cast<std::uint32_t>(length)};
}

// Checks HH:MM[:SS] at `pos` (two-digit or one-digit hours as allowed by the
// grammar); returns seconds since midnight.
literal_result<std::int32_t> clock_seconds(std::string_view text, std::size_t pos, std::size_t hour_digits,
                                           bool has_seconds) {
  const unsigned hour = read_fixed(text, pos, hour_digits);
  const auto minute_pos = pos + hour_digits + 1;
  const unsigned minute = read_fixed(text, minute_pos, 2);
  unsigned second = 0;
  if (hour > 23) return problem("hours run from 0 to 23", pos, hour_digits);
  if (minute > 59) return problem("minutes run from 00 to 59", minute_pos, 2);
  if (has_seconds) {
    second = read_fixed(text, minute_pos + 3, 2);
    if (second > 59) return problem("seconds run from 00 to 59", minute_pos + 3, 2);
  }
  return static_cast<std::int32_t>(hour * 3600 + minute * 60 + second);
}

void append_utf8(std::string& out, std::uint32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace

literal_result<double> number_value(std::string_view text) {
  double value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec == std::errc::result_out_of_range) return problem("this number is too large");
  if (ec != std::errc() || ptr != text.data() + text.size()) return problem("not a number");
  return value;
}

literal_result<duration> duration_value(std::string_view text) {
  static constexpr std::string_view units = "wdhms";
  static constexpr std::int64_t unit_micros[] = {604'800'000'000, 86'400'000'000, 3'600'000'000, 60'000'000, 1'000'000};
  constexpr auto max = std::numeric_limits<std::int64_t>::max();
  std::int64_t total = 0;
  std::size_t next_unit = 0;  // units must appear in the order of `units`
  std::size_t pos = 0;
  while (pos < text.size()) {
    const auto part_begin = pos;
    const auto amount = read_digits(text, pos);
    const auto unit = units.find(text[pos]);
    if (unit == std::string_view::npos) return problem("not a duration");
    if (unit < next_unit) {
      return problem("units go from the largest to the smallest (`w d h m s`), each at most once", pos, 1);
    }
    next_unit = unit + 1;
    ++pos;
    const auto scale = unit_micros[unit];
    if (!amount || *amount > static_cast<std::uint64_t>(max / scale) ||
        static_cast<std::int64_t>(*amount) * scale > max - total) {
      return problem("this duration is too long", part_begin, pos - part_begin);
    }
    total += static_cast<std::int64_t>(*amount) * scale;
  }
  return duration(total);
}

literal_result<std::int32_t> time_of_day_seconds(std::string_view text) {
  const auto colon = text.find(':');
  return clock_seconds(text, 0, colon, text.size() > colon + 3);
}

literal_result<instant> timestamp_value(std::string_view text) {
  // YYYY-MM-DDTHH:MM[:SS[.f+]](Z|±HH:MM), shape guaranteed by the grammar.
  const std::int64_t year = read_fixed(text, 0, 4);
  const unsigned month = read_fixed(text, 5, 2);
  const unsigned day = read_fixed(text, 8, 2);
  if (month < 1 || month > 12) return problem("months run from 01 to 12", 5, 2);
  if (day < 1 || day > days_in_month(year, month)) {
    return problem(std::string(month_names[month - 1]) + " " + std::to_string(year) + " has " +
                       std::to_string(days_in_month(year, month)) + " days",
                   8, 2);
  }
  std::size_t pos = 16;  // after HH:MM
  const bool has_seconds = pos < text.size() && text[pos] == ':';
  const auto clock = clock_seconds(text, 11, 2, has_seconds);
  if (const auto* p = std::get_if<literal_problem>(&clock)) return *p;
  std::int64_t micros_of_second = 0;
  if (has_seconds) {
    pos += 3;
    if (pos < text.size() && text[pos] == '.') {
      const auto fraction_begin = ++pos;
      while (pos < text.size() && is_digit(text[pos])) ++pos;
      const auto digit_count = pos - fraction_begin;
      if (digit_count > 6) {
        return problem("timestamps are precise to the microsecond (at most 6 fractional digits)", fraction_begin,
                       digit_count);
      }
      micros_of_second = read_fixed(text, fraction_begin, digit_count);
      for (auto i = digit_count; i < 6; ++i) micros_of_second *= 10;
    }
  }
  std::int64_t offset_seconds = 0;
  if (text[pos] != 'Z') {
    const unsigned offset_hours = read_fixed(text, pos + 1, 2);
    const unsigned offset_minutes = read_fixed(text, pos + 4, 2);
    if (offset_hours > 23) return problem("offset hours run from 00 to 23", pos + 1, 2);
    if (offset_minutes > 59) return problem("offset minutes run from 00 to 59", pos + 4, 2);
    offset_seconds = (text[pos] == '-' ? -1 : 1) * static_cast<std::int64_t>(offset_hours * 3600 + offset_minutes * 60);
  }
  const auto local_seconds = days_from_civil(year, month, day) * 86400 + std::get<std::int32_t>(clock);
  return instant_from_micros((local_seconds - offset_seconds) * 1000000 + micros_of_second);
}

literal_result<std::string> unescape_string(std::string_view quoted) {
  std::string out;
  const auto body_end = quoted.size() - 1;
  out.reserve(body_end);
  for (std::size_t i = 1; i < body_end; ++i) {
    const char c = quoted[i];
    if (c != '\\') {
      out.push_back(c);
      continue;
    }
    const auto escape_begin = i;
    const char e = quoted[++i];
    switch (e) {
      case '"': out.push_back('"'); break;
      case '\\': out.push_back('\\'); break;
      case 'n': out.push_back('\n'); break;
      case 't': out.push_back('\t'); break;
      case 'r': out.push_back('\r'); break;
      case 'u': {
        // \u{H...}: the grammar guarantees 1 to 6 hex digits and the braces.
        i += 2;
        std::uint32_t cp = 0;
        while (quoted[i] != '}') {
          const char h = quoted[i++];
          cp = cp * 16 + static_cast<std::uint32_t>(is_digit(h) ? h - '0' : (h | 0x20) - 'a' + 10);
        }
        if (cp > 0x10FFFF) {
          return problem("not a Unicode code point (the largest is `10FFFF`)", escape_begin, i + 1 - escape_begin);
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
          return problem("a surrogate is not a Unicode scalar value", escape_begin, i + 1 - escape_begin);
        }
        append_utf8(out, cp);
        break;
      }
      default: return problem("unknown escape", escape_begin, 2);
    }
  }
  return out;
}

}  // namespace afterflow::grammar::parsing
