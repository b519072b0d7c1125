#include "interpreter/eventlog/internal/json_syntax.hpp"

#include <fmt/format.h>

#include "grammar/text/utf8.hpp"
#include "interpreter/eventlog/log_codes.hpp"

namespace afterflow::eventlog {

using grammar::utf8_length;

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_word(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || is_digit(c) || c == '_'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

class checker {
 public:
  checker(std::string_view text, std::size_t max_depth) : s_(text), max_depth_(max_depth) {}

  std::optional<json_syntax_error> run() {
    for (std::size_t i = 0; i < s_.size();) {
      const auto n = utf8_length(s_, i);
      if (n == 0) {
        return json_syntax_error{codes::invalid_utf8, i, 1,
                                 fmt::format("invalid UTF-8 byte `0x{:02X}`", static_cast<unsigned char>(s_[i]))};
      }
      i += n;
    }
    skip_space();
    if (!value(0)) return error_;
    skip_space();
    if (pos_ < s_.size()) {
      fail(pos_, token_length(pos_), fmt::format("unexpected {} after the JSON value", found(pos_)));
      return error_;
    }
    return std::nullopt;
  }

 private:
  void skip_space() {
    while (pos_ < s_.size() && is_space(s_[pos_])) ++pos_;
  }

  bool fail(std::size_t at, std::size_t length, std::string message) {
    error_ = json_syntax_error{codes::malformed_json, at, length, std::move(message)};
    return false;
  }

  // How long the token at `at` is, for the carets: a word, or one character.
  std::size_t token_length(std::size_t at) const {
    if (at >= s_.size()) return 0;
    if (!is_word(s_[at])) return utf8_length(s_, at);
    auto end = at;
    while (end < s_.size() && is_word(s_[end])) ++end;
    return end - at;
  }

  // "`x`", "`word`" or "end of line", for "expected X, found Y".
  std::string found(std::size_t at) const {
    if (at >= s_.size()) return "end of line";
    return fmt::format("`{}`", s_.substr(at, token_length(at)));
  }

  bool expect_failed(std::string_view expected) {
    return fail(pos_, token_length(pos_), fmt::format("expected {}, found {}", expected, found(pos_)));
  }

  bool value(std::size_t depth) {
    if (pos_ >= s_.size()) return expect_failed("a JSON value");
    const char c = s_[pos_];
    if (c == '{' || c == '[') {
      if (depth >= max_depth_) {
        return fail(pos_, 1, fmt::format("JSON nested deeper than {} levels", max_depth_));
      }
      return c == '{' ? object(depth + 1) : array(depth + 1);
    }
    if (c == '"') return string();
    if (c == '-' || is_digit(c)) return number();
    if (is_word(c)) return literal();
    return expect_failed("a JSON value");
  }

  bool object(std::size_t depth) {
    ++pos_;  // {
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == '}') {
      ++pos_;
      return true;
    }
    bool first = true;
    for (;;) {
      if (pos_ >= s_.size() || s_[pos_] != '"') {
        return expect_failed(first ? "a property name or `}`" : "a property name in double quotes");
      }
      first = false;
      if (!string()) return false;
      skip_space();
      if (pos_ >= s_.size() || s_[pos_] != ':') return expect_failed("`:` after a property name");
      ++pos_;
      skip_space();
      if (!value(depth)) return false;
      if (const auto after = after_item('}'); after != item_end::more) return after == item_end::closed;
    }
  }

  bool array(std::size_t depth) {
    ++pos_;  // [
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == ']') {
      ++pos_;
      return true;
    }
    for (;;) {
      if (!value(depth)) return false;
      if (const auto after = after_item(']'); after != item_end::more) return after == item_end::closed;
    }
  }

  enum class item_end { more, closed, failed };

  // After an object's or array's item: a `,` (another item follows) or the
  // closing bracket; anything else is the error.
  item_end after_item(char closing) {
    skip_space();
    if (pos_ < s_.size() && s_[pos_] == ',') {
      ++pos_;
      skip_space();
      return item_end::more;
    }
    if (pos_ < s_.size() && s_[pos_] == closing) {
      ++pos_;
      return item_end::closed;
    }
    (void)expect_failed(closing == '}' ? "`,` or `}`" : "`,` or `]`");
    return item_end::failed;
  }

  bool string() {
    const auto open = pos_++;
    while (pos_ < s_.size()) {
      const char c = s_[pos_];
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        return fail(pos_, 1, "unescaped control character in a string");
      }
      if (c != '\\') {
        ++pos_;
        continue;
      }
      if (pos_ + 1 >= s_.size()) break;
      const char e = s_[pos_ + 1];
      if (e == 'u') {
        std::size_t k = 0;
        while (k < 4 && pos_ + 2 + k < s_.size() && is_hex(s_[pos_ + 2 + k])) ++k;
        if (k < 4) {
          const auto len = 2 + k + (pos_ + 2 + k < s_.size() ? 1 : 0);
          return fail(pos_, len, fmt::format("invalid escape `{}` in a string", s_.substr(pos_, len)));
        }
        pos_ += 6;
      } else if (e == '"' || e == '\\' || e == '/' || e == 'b' || e == 'f' || e == 'n' || e == 'r' || e == 't') {
        pos_ += 2;
      } else {
        const auto len = 1 + utf8_length(s_, pos_ + 1);
        return fail(pos_, len, fmt::format("invalid escape `{}` in a string", s_.substr(pos_, len)));
      }
    }
    return fail(open, s_.size() - open, "unterminated string");
  }

  bool number() {
    const auto start = pos_;
    bool ok = true;
    if (s_[pos_] == '-') ++pos_;
    if (pos_ < s_.size() && s_[pos_] == '0') {
      ++pos_;
      if (pos_ < s_.size() && is_digit(s_[pos_])) ok = false;  // leading zero
    } else if (pos_ < s_.size() && is_digit(s_[pos_])) {
      while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
    } else {
      ok = false;
    }
    if (ok && pos_ < s_.size() && s_[pos_] == '.') {
      ++pos_;
      if (pos_ >= s_.size() || !is_digit(s_[pos_])) ok = false;
      while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
    }
    if (ok && pos_ < s_.size() && (s_[pos_] == 'e' || s_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < s_.size() && (s_[pos_] == '+' || s_[pos_] == '-')) ++pos_;
      if (pos_ >= s_.size() || !is_digit(s_[pos_])) ok = false;
      while (pos_ < s_.size() && is_digit(s_[pos_])) ++pos_;
    }
    if (ok && (pos_ >= s_.size() || !(is_word(s_[pos_]) || s_[pos_] == '.'))) return true;
    auto end = pos_;
    while (end < s_.size() && (is_word(s_[end]) || s_[end] == '.' || s_[end] == '+' || s_[end] == '-')) {
      ++end;
    }
    return fail(start, end - start, fmt::format("invalid number `{}`", s_.substr(start, end - start)));
  }

  bool literal() {
    const auto length = token_length(pos_);
    const auto word = s_.substr(pos_, length);
    if (word == "true" || word == "false" || word == "null") {
      pos_ += length;
      return true;
    }
    return expect_failed("a JSON value");
  }

  std::string_view s_;
  std::size_t max_depth_;
  std::size_t pos_ = 0;
  std::optional<json_syntax_error> error_;
};

}  // namespace

std::optional<json_syntax_error> find_json_syntax_error(std::string_view text, std::size_t max_depth) {
  return checker(text, max_depth).run();
}

}  // namespace afterflow::eventlog
