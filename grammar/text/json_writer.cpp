#include "grammar/text/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstring>
#include <iterator>

#include <fmt/format.h>

#include "grammar/text/utf8.hpp"

namespace afterflow::grammar {

void append_json_string(std::string& out, std::string_view s) {
  out.push_back('"');
  std::size_t i = 0;
  while (i < s.size()) {
    // Fast path: copy the longest run of printable ASCII that needs no
    // escape, testing eight bytes at a time (SWAR: a byte is flagged when it
    // is below 0x20, is `"` or `\\`, or has its high bit set).
    std::size_t run = i;
    constexpr std::uint64_t ones = 0x0101010101010101ULL;
    constexpr std::uint64_t highs = 0x8080808080808080ULL;
    while (run + 8 <= s.size()) {
      std::uint64_t w;
      std::memcpy(&w, s.data() + run, 8);
      const auto below_space = (w - ones * 0x20) & ~w & highs;
      const auto q = w ^ (ones * '"');
      const auto quote = (q - ones) & ~q & highs;
      const auto b = w ^ (ones * '\\');
      const auto backslash = (b - ones) & ~b & highs;
      const auto del = w ^ (ones * 0x7F);
      const auto delete_char = (del - ones) & ~del & highs;
      if ((below_space | quote | backslash | delete_char | (w & highs)) != 0) break;
      run += 8;
    }
    while (run < s.size()) {
      const auto c = static_cast<unsigned char>(s[run]);
      if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') break;
      ++run;
    }
    if (run > i) {
      out.append(s.data() + i, run - i);
      i = run;
      if (i == s.size()) break;
    }
    const char c = s[i];
    switch (c) {
      case '"':
        out += "\\\"";
        ++i;
        continue;
      case '\\':
        out += "\\\\";
        ++i;
        continue;
      case '\n':
        out += "\\n";
        ++i;
        continue;
      case '\r':
        out += "\\r";
        ++i;
        continue;
      case '\t':
        out += "\\t";
        ++i;
        continue;
      case '\b':
        out += "\\b";
        ++i;
        continue;
      case '\f':
        out += "\\f";
        ++i;
        continue;
      default: break;
    }
    const auto uc = static_cast<unsigned char>(c);
    if (uc < 0x20 || uc == 0x7F) {
      out += fmt::format("\\u{:04x}", uc);
      ++i;
      continue;
    }
    const auto n = utf8_length(s, i);
    if (n == 0) {
      out += "\\ufffd";
      ++i;
      continue;
    }
    out.append(s.substr(i, n));
    i += n;
  }
  out.push_back('"');
}

void append_json_number(std::string& out, double value) {
  if (!std::isfinite(value)) {
    out += "null";
  } else if (value == 0) {
    out.push_back('0');  // also folds -0 into 0
  } else if (std::trunc(value) == value && std::fabs(value) < 9007199254740992.0) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof(digits), static_cast<std::int64_t>(value)).ptr;
    out.append(digits, end);
  } else {
    fmt::format_to(std::back_inserter(out), "{}", value);
  }
}

std::string format_number(double value) {
  std::string out;
  append_json_number(out, value);
  return out;
}

void json_writer::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.empty()) {
    if (!first_.back()) out_.push_back(',');
    first_.back() = false;
  }
}

json_writer& json_writer::begin_object() {
  before_value();
  out_.push_back('{');
  first_.push_back(true);
  return *this;
}

json_writer& json_writer::end_object() {
  out_.push_back('}');
  first_.pop_back();
  return *this;
}

json_writer& json_writer::begin_array() {
  before_value();
  out_.push_back('[');
  first_.push_back(true);
  return *this;
}

json_writer& json_writer::end_array() {
  out_.push_back(']');
  first_.pop_back();
  return *this;
}

json_writer& json_writer::key(std::string_view name) {
  before_value();
  append_json_string(out_, name);
  out_.push_back(':');
  after_key_ = true;
  return *this;
}

json_writer& json_writer::string(std::string_view value) {
  before_value();
  append_json_string(out_, value);
  return *this;
}

json_writer& json_writer::number(double value) {
  before_value();
  append_json_number(out_, value);
  return *this;
}

json_writer& json_writer::integer(std::int64_t value) {
  before_value();
  out_ += fmt::format("{}", value);
  return *this;
}

json_writer& json_writer::boolean(bool value) {
  before_value();
  out_ += value ? "true" : "false";
  return *this;
}

json_writer& json_writer::null() {
  before_value();
  out_ += "null";
  return *this;
}

json_writer& json_writer::raw(std::string_view json) {
  before_value();
  out_.append(json);
  return *this;
}

}  // namespace afterflow::grammar
