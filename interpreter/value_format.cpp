#include "interpreter/value_format.hpp"

#include <utility>

#include "grammar/json_writer.hpp"
#include "grammar/timestamp.hpp"
#include "interpreter/record.hpp"

namespace afterflow::interpreter {

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

void append_text(std::string& out, const value& v, const symbol_table& symbols) {
  switch (v.kind()) {
    case value_kind::string: append_json_string(out, v.as_string()); return;
    case value_kind::list: {
      out.push_back('[');
      bool first = true;
      for (const auto& item : v.as_list()) {
        if (!first) out += ", ";
        first = false;
        append_text(out, item, symbols);
      }
      out.push_back(']');
      return;
    }
    case value_kind::event: {
      const auto& e = v.as_event();
      out += e.name < symbols.size() ? symbols.name(e.name) : std::string_view("event");
      out += " at ";
      append_timestamp(out, e.time);
      return;
    }
    case value_kind::time: append_timestamp(out, v.as_integer()); return;
    case value_kind::duration: append_duration(out, v.as_integer()); return;
    case value_kind::time_of_day: append_time_of_day(out, static_cast<std::int32_t>(v.as_integer())); return;
    default: append_value_json(out, v); return;
  }
}

}  // namespace

void append_duration(std::string& out, std::int64_t micros) {
  if (micros == 0) {
    out += "0s";
    return;
  }
  // The magnitude as unsigned, so the most negative value does not overflow.
  auto rest = micros < 0 ? 0 - static_cast<std::uint64_t>(micros) : static_cast<std::uint64_t>(micros);
  if (micros < 0) out.push_back('-');
  constexpr std::uint64_t second = 1'000'000;
  constexpr std::pair<std::uint64_t, char> units[] = {
      {86'400 * second, 'd'}, {3'600 * second, 'h'}, {60 * second, 'm'}};
  for (const auto& [size, unit] : units) {
    if (rest >= size) {
      append_number(out, rest / size);
      out.push_back(unit);
      rest %= size;
    }
  }
  if (rest == 0) return;
  append_number(out, rest / second);
  if (auto fraction = rest % second; fraction != 0) {
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

std::string duration_text(std::int64_t micros) {
  std::string out;
  append_duration(out, micros);
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

void append_value_json(std::string& out, const value& v) {
  switch (v.kind()) {
    case value_kind::null:
    case value_kind::event: out += "null"; return;
    case value_kind::boolean: out += v.as_bool() ? "true" : "false"; return;
    case value_kind::number: append_json_number(out, v.as_number()); return;
    case value_kind::string: append_json_string(out, v.as_string()); return;
    case value_kind::time:
      out.push_back('"');
      append_timestamp(out, v.as_integer());
      out.push_back('"');
      return;
    case value_kind::duration:
      out.push_back('"');
      append_duration(out, v.as_integer());
      out.push_back('"');
      return;
    case value_kind::time_of_day:
      out.push_back('"');
      append_time_of_day(out, static_cast<std::int32_t>(v.as_integer()));
      out.push_back('"');
      return;
    case value_kind::list: {
      out.push_back('[');
      bool first = true;
      for (const auto& item : v.as_list()) {
        if (!first) out.push_back(',');
        first = false;
        append_value_json(out, item);
      }
      out.push_back(']');
      return;
    }
  }
}

std::string value_text(const value& v, const symbol_table& symbols) {
  std::string out;
  append_text(out, v, symbols);
  return out;
}

}  // namespace afterflow::interpreter
