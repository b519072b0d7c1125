// A small streaming JSON writer with one fixed output form.
//
// Used for every JSON afterflow prints (diagnostics, actions, summaries), so
// that escaping and number formatting are decided in exactly one place:
// keys appear in the order written, no whitespace is added, numbers that are
// whole and below 2^53 print without a fraction, other numbers use the
// shortest form that reads back to the same double, and invalid UTF-8 is
// replaced by U+FFFD so the output is always valid JSON.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace afterflow::grammar {

/// Appends `s` as a quoted JSON string.
void append_json_string(std::string& out, std::string_view s);
/// Appends a number in afterflow's fixed format (`null` for NaN/infinity).
void append_json_number(std::string& out, double value);
/// The same fixed number format, as text (used for display too).
[[nodiscard]] std::string format_number(double value);

class json_writer {
 public:
  explicit json_writer(std::string& out) : out_(out) {}

  json_writer& begin_object();
  json_writer& end_object();
  json_writer& begin_array();
  json_writer& end_array();
  json_writer& key(std::string_view name);
  json_writer& string(std::string_view value);
  json_writer& number(double value);
  json_writer& integer(std::int64_t value);
  json_writer& boolean(bool value);
  json_writer& null();
  /// Inserts already-encoded JSON as one value.
  json_writer& raw(std::string_view json);

 private:
  void before_value();

  std::string& out_;
  std::vector<bool> first_;  // one entry per open container
  bool after_key_ = false;
};

}  // namespace afterflow::grammar
