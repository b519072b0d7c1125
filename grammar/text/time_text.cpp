#include "grammar/text/time_text.hpp"

#include <utility>

namespace afterflow::grammar {

namespace {

void append_number(std::string& out, std::uint64_t n, int width = 1) {
  char digits[20];
  int count = 0;
  do {
    digits[count++] = static_cast<char>('0' + n % 10);
    n /= 10;
  } while (n > 0);
  for (int i = count; i < width; ++i) out.push_back('0');
  while (count > 0) out.push_back(digits[--count]);
}

// Days, hours, minutes and seconds of a magnitude in seconds, then the
// fraction of a second in microseconds when there is one.
void append_magnitude(std::string& out, std::uint64_t seconds, std::uint64_t fraction) {
  constexpr std::pair<std::uint64_t, char> units[] = {{86'400, 'd'}, {3'600, 'h'}, {60, 'm'}};
  for (const auto& [size, unit] : units) {
    if (seconds >= size) {
      append_number(out, seconds / size);
      out.push_back(unit);
      seconds %= size;
    }
  }
  if (seconds == 0 && fraction == 0) return;
  append_number(out, seconds);
  if (fraction != 0) {
    int width = 6;
    while (fraction % 10 == 0) {
      fraction /= 10;
      --width;
    }
    out.push_back('.');
    append_number(out, fraction, width);
  }
  out.push_back('s');
}

// The magnitude as unsigned, so the most negative value does not overflow.
std::uint64_t magnitude(std::int64_t v) {
  return v < 0 ? 0 - static_cast<std::uint64_t>(v) : static_cast<std::uint64_t>(v);
}

}  // namespace

void append_duration(std::string& out, duration d) {
  const auto micros = d.count();
  if (micros == 0) {
    out += "0s";
    return;
  }
  if (micros < 0) out.push_back('-');
  const auto rest = magnitude(micros);
  append_magnitude(out, rest / 1'000'000, rest % 1'000'000);
}

std::string duration_text(duration d) {
  std::string out;
  append_duration(out, d);
  return out;
}

void append_time_of_day(std::string& out, std::int32_t seconds) {
  const auto s = static_cast<std::uint64_t>(seconds < 0 ? 0 : seconds);
  append_number(out, s / 3600, 2);
  out.push_back(':');
  append_number(out, s / 60 % 60, 2);
  if (s % 60 != 0) {
    out.push_back(':');
    append_number(out, s % 60, 2);
  }
}

std::string time_of_day_text(std::int32_t seconds) {
  std::string out;
  append_time_of_day(out, seconds);
  return out;
}

}  // namespace afterflow::grammar
