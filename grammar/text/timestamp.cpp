#include "grammar/text/timestamp.hpp"

namespace afterflow::grammar {

namespace {

// Floor division and modulo for negative instants (before 1970).
constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads exactly `n` digits at `pos`, advancing it.
bool read_digits(std::string_view s, std::size_t& pos, std::size_t n, unsigned& out) {
  if (pos + n > s.size()) return false;
  unsigned v = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const char c = s[pos + i];
    if (!is_digit(c)) return false;
    v = v * 10 + static_cast<unsigned>(c - '0');
  }
  pos += n;
  out = v;
  return true;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
  if (pos >= s.size() || s[pos] != c) return false;
  ++pos;
  return true;
}

void append_digits(std::string& out, std::int64_t value, int width) {
  char buffer[24];
  int n = 0;
  auto v = value < 0 ? -value : value;
  do {
    buffer[n++] = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v > 0);
  if (value < 0) out.push_back('-');
  for (int i = n; i < width; ++i) out.push_back('0');
  while (n > 0) out.push_back(buffer[--n]);
}

}  // namespace

civil_date civil_from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return {y + (m <= 2 ? 1 : 0), m, d};
}

unsigned days_in_month(std::int64_t year, unsigned month) {
  static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return days[month - 1];
}

namespace {

constexpr std::int64_t micros_per_second = 1'000'000;
constexpr std::int64_t micros_per_day = 86'400 * micros_per_second;

// `YYYY-MM-DDTHH:MM:SSZ`, the form nearly every log line uses, read with
// fixed offsets; anything else goes to the general reader below.
std::optional<instant> parse_canonical(std::string_view s) {
  if (s.size() != 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z') {
    return std::nullopt;
  }
  constexpr int digits[] = {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18};
  for (const int i : digits) {
    if (!is_digit(s[i])) return std::nullopt;
  }
  const auto d = [&](int i) { return static_cast<unsigned>(s[i] - '0'); };
  const unsigned year = d(0) * 1000 + d(1) * 100 + d(2) * 10 + d(3);
  const unsigned month = d(5) * 10 + d(6), day = d(8) * 10 + d(9);
  const unsigned hour = d(11) * 10 + d(12), minute = d(14) * 10 + d(15), second = d(17) * 10 + d(18);
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour > 23 || minute > 59 ||
      second > 59) {
    return std::nullopt;
  }
  const auto days = days_from_civil(year, month, day);
  return instant_from_micros((days * 86400 + hour * 3600 + minute * 60 + second) * micros_per_second);
}

}  // namespace

std::optional<instant> parse_timestamp(std::string_view s) {
  if (s.size() == 20) {
    if (const auto t = parse_canonical(s)) return t;
  }
  std::size_t pos = 0;
  unsigned year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  if (!read_digits(s, pos, 4, year) || !expect(s, pos, '-') || !read_digits(s, pos, 2, month) || !expect(s, pos, '-') ||
      !read_digits(s, pos, 2, day)) {
    return std::nullopt;
  }
  if (pos >= s.size() || (s[pos] != 'T' && s[pos] != 't' && s[pos] != ' ')) return std::nullopt;
  ++pos;
  if (!read_digits(s, pos, 2, hour) || !expect(s, pos, ':') || !read_digits(s, pos, 2, minute)) {
    return std::nullopt;
  }
  std::int64_t fraction_micros = 0;
  if (pos < s.size() && s[pos] == ':') {
    ++pos;
    if (!read_digits(s, pos, 2, second)) return std::nullopt;
    if (pos < s.size() && s[pos] == '.') {
      ++pos;
      const auto start = pos;
      std::int64_t scale = 100000;
      while (pos < s.size() && is_digit(s[pos])) {
        fraction_micros += (s[pos] - '0') * scale;
        scale /= 10;
        ++pos;
      }
      if (pos == start) return std::nullopt;
    }
  }
  if (month < 1 || month > 12 || day < 1 || day > days_in_month(year, month) || hour > 23 || minute > 59 ||
      second > 59) {
    return std::nullopt;
  }
  std::int64_t offset_seconds = 0;
  if (pos >= s.size()) return std::nullopt;
  if (s[pos] == 'Z' || s[pos] == 'z') {
    ++pos;
  } else if (s[pos] == '+' || s[pos] == '-') {
    const bool negative = s[pos] == '-';
    ++pos;
    unsigned oh = 0, om = 0;
    if (!read_digits(s, pos, 2, oh) || !expect(s, pos, ':') || !read_digits(s, pos, 2, om) || oh > 23 || om > 59) {
      return std::nullopt;
    }
    offset_seconds = (static_cast<std::int64_t>(oh) * 3600 + om * 60) * (negative ? -1 : 1);
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;
  const auto days = days_from_civil(year, month, day);
  const auto seconds = days * 86400 + hour * 3600 + minute * 60 + second - offset_seconds;
  return instant_from_micros(seconds * micros_per_second + fraction_micros);
}

void append_timestamp(std::string& out, instant t) {
  const auto micros = micros_since_epoch(t);
  const auto days = floor_div(micros, micros_per_day);
  const auto in_day = micros - days * micros_per_day;
  const auto date = civil_from_days(days);
  const auto seconds = in_day / micros_per_second;
  const auto fraction = in_day % micros_per_second;
  append_digits(out, date.year, 4);
  out.push_back('-');
  append_digits(out, date.month, 2);
  out.push_back('-');
  append_digits(out, date.day, 2);
  out.push_back('T');
  append_digits(out, seconds / 3600, 2);
  out.push_back(':');
  append_digits(out, seconds / 60 % 60, 2);
  out.push_back(':');
  append_digits(out, seconds % 60, 2);
  if (fraction != 0) {
    out.push_back('.');
    if (fraction % 1000 == 0) append_digits(out, fraction / 1000, 3);
    else append_digits(out, fraction, 6);
  }
  out.push_back('Z');
}

std::string format_timestamp(instant t) {
  std::string out;
  append_timestamp(out, t);
  return out;
}

}  // namespace afterflow::grammar
