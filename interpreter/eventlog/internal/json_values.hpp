// JSON values to runtime values (internal to the readers: it includes
// simdjson, which no public header may).
//
// A converter turns a simdjson on-demand value into a `value` view without
// allocating in steady state: strings point into the line itself (into the
// parser's string buffer when they hold escapes), list items go to a
// chunked arena whose chunks are kept and reused from line to line, and
// nested arrays are built on a reusable stack. Views stay valid until the
// next line is read.
//
// JSON maps to values as: string → string, number → number, true/false →
// boolean, null → null, array → list (nested arrays allowed), object → null
// (its content is still checked). A declared field type (`fields_by_event`)
// then narrows what is accepted and converts text: `time` from RFC 3339,
// `duration` from duration text or a number of seconds, `time_of_day` from
// `HH:MM[:SS]`. Values that are skipped are still read through, so a line is
// fully checked whatever the program happens to read.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>
#include <vector>

#include <simdjson.h>

#include "interpreter/eventlog/input_limits.hpp"
#include "interpreter/eventlog/internal/byte_scan.hpp"
#include "stdlib/types.hpp"
#include "stdlib/value.hpp"

namespace afterflow::eventlog::json_input {

namespace od = simdjson::ondemand;

/// Storage for the list items of one line.
class value_arena {
 public:
  /// `n` contiguous slots, valid until `reset`.
  [[nodiscard]] stdlib::value* allocate(std::size_t n);
  void reset();
  [[nodiscard]] std::size_t capacity_bytes() const;

 private:
  struct chunk {
    std::unique_ptr<stdlib::value[]> items;
    std::size_t size = 0;
    std::size_t used = 0;
  };
  std::vector<chunk> chunks_;
  std::size_t current_ = 0;
};

/// Whether a value fits a declared type (`narrow`).
enum class outcome : unsigned char {
  ok,
  wrong_type,     ///< the JSON type does not fit the declared type
  bad_timestamp,  ///< a `time` field's text is not RFC 3339
  bad_text,       ///< a `duration` / `time_of_day` field's text does not parse
};

/// "a string", "an array", "true"... for messages.
[[nodiscard]] std::string_view describe(od::json_type t, bool boolean_value = false);

// Values come back in registers and errors in a flag (`ok`): a value
// written through an out-parameter and read back at once stalls the CPU's
// store forwarding, which on this path costs more than the conversion.
class converter {
 public:
  /// Any JSON value, as described above. On malformed JSON: null, and
  /// `ok()` turns false.
  [[nodiscard]] stdlib::value convert(od::value& v) { return convert(v, v.raw_json_token()); }
  /// The same, given the value's `raw_json_token()`. Strings and numbers,
  /// most of a log, are converted inline.
  [[nodiscard]] stdlib::value convert(od::value& v, std::string_view token) {
    const char first = token.empty() ? 'n' : token.front();
    if (first == '"') return stdlib::value::string(string(v, token));
    if (first == '-' || (first >= '0' && first <= '9')) {
      double d = 0;
      if (auto e = v.get_double().get(d)) return fail(e, token.data());
      return stdlib::value::number(d);
    }
    return convert_other(v, token);
  }
  /// Reads through a value the program does not need; false when malformed.
  [[nodiscard]] bool skip(od::value& v) { return skip(v, v.raw_json_token()); }
  [[nodiscard]] bool skip(od::value& v, std::string_view token);
  /// A string value: a view into the line itself when it has no escapes
  /// (no copy), else into the parser's string buffer.
  [[nodiscard]] std::string_view string(od::value& v, std::string_view token) {
    // The token runs from the opening quote to the next structural
    // character: the closing quote, maybe followed by whitespace. Stage 1
    // has checked quotes and UTF-8; without a backslash nothing is escaped.
    if (!has_backslash(token.data(), token.size())) {
      while (token.size() > 2 && token.back() != '"') token.remove_suffix(1);
      return token.substr(1, token.size() - 2);
    }
    return unescaped_string(v, token.data());
  }
  /// A field's key, without copying when it has no escapes.
  [[nodiscard]] std::string_view key(od::field& f) {
    const char* raw = reinterpret_cast<const char*>(f.key().raw());
    const char* hit = find_quote_or_backslash(raw, line_end_);
    if (hit < line_end_ && *hit == '"') return {raw, static_cast<std::size_t>(hit - raw)};
    return unescaped_key(f, raw - 1);
  }

  /// False once something was malformed since `reset`.
  [[nodiscard]] bool ok() const { return error_ == simdjson::SUCCESS; }
  /// The simdjson error that made `ok()` false.
  [[nodiscard]] simdjson::error_code last_error() const { return error_; }
  /// Where in the line that error is, when known: the value or key whose
  /// conversion failed (a number out of range, a bad escape); else 0.
  [[nodiscard]] std::size_t error_offset() const { return error_offset_; }
  /// Records a simdjson error met by the caller; returns false.
  bool failed(simdjson::error_code e) {
    fail(e);
    return false;
  }

  /// Starts a new line (which simdjson is parsing): forgets the lists and
  /// the error of the previous one. The line's own object is open.
  void reset(std::string_view line) {
    arena_.reset();
    line_begin_ = line.data();
    line_end_ = line.data() + line.size();
    error_ = simdjson::SUCCESS;
    error_offset_ = 0;
    depth_ = 1;
  }

  /// One more level of nesting, for the span of a container the caller
  /// opened itself (an event's `props`); every container the converter
  /// opens counts too. Past `max_json_depth` the converter fails with
  /// DEPTH_ERROR instead of recursing further.
  class nesting {
   public:
    explicit nesting(converter& c) : c_(c) { ++c_.depth_; }
    ~nesting() { --c_.depth_; }
    nesting(const nesting&) = delete;
    nesting& operator=(const nesting&) = delete;
    /// False (and the converter failed) when this level is too deep.
    [[nodiscard]] bool within_limit() { return c_.depth_ <= max_json_depth || c_.failed(simdjson::DEPTH_ERROR); }

   private:
    converter& c_;
  };
  [[nodiscard]] std::size_t capacity_bytes() const;

 private:
  stdlib::value fail(simdjson::error_code e, const char* at = nullptr) {
    if (error_ == simdjson::SUCCESS) {
      error_ = e;
      if (at != nullptr && at >= line_begin_ && at < line_end_)
        error_offset_ = static_cast<std::size_t>(at - line_begin_);
    }
    return stdlib::value::null();
  }
  stdlib::value convert_other(od::value& v, std::string_view token);
  stdlib::value convert_array(od::array a);
  std::string_view unescaped_string(od::value& v, const char* at);
  std::string_view unescaped_key(od::field& f, const char* at);

  value_arena arena_;
  std::vector<stdlib::value> stack_;
  simdjson::error_code error_ = simdjson::SUCCESS;
  const char* line_begin_ = nullptr;
  const char* line_end_ = nullptr;
  std::size_t error_offset_ = 0;
  std::size_t depth_ = 1;
};

/// Narrows a converted value (`general`, read from JSON of type `json`) to
/// a declared field type: checks the JSON type and converts text for
/// `time`, `duration` and `time_of_day`. `null` fits every type.
[[nodiscard]] outcome narrow(const stdlib::value& general, od::json_type json, stdlib::type_kind declared,
                             stdlib::value& out);

/// The JSON type of a value, from the first character of its token (stage 1
/// has checked the structure; the rest is checked when the value is read).
[[nodiscard]] inline od::json_type type_of_token(std::string_view token) {
  switch (token.empty() ? 'n' : token.front()) {
    case '"': return od::json_type::string;
    case '{': return od::json_type::object;
    case '[': return od::json_type::array;
    case 't':
    case 'f': return od::json_type::boolean;
    case 'n': return od::json_type::null;
    default: return od::json_type::number;
  }
}

/// The raw text of a value's token (the whole of a scalar, the opening
/// bracket of a container) without trailing whitespace, for error positions.
[[nodiscard]] std::string_view token_of(od::value& v);

}  // namespace afterflow::eventlog::json_input
