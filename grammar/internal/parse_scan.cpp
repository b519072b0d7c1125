#include "grammar/internal/parse_scan.hpp"

#include <fmt/format.h>

namespace afterflow::grammar::parsing {

namespace {

bool is_ident_first(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ident_other(char c) { return is_ident_first(c) || is_digit(c); }
bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::uint32_t decode(std::string_view s, std::size_t i, std::size_t n) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  return cp;
}

// Skips whitespace and comments from `i`.
std::size_t skip_blanks(std::string_view text, std::size_t i) {
  while (i < text.size()) {
    if (is_blank(text[i])) {
      ++i;
    } else if (text[i] == '#') {
      while (i < text.size() && text[i] != '\n' && text[i] != '\r') ++i;
    } else {
      break;
    }
  }
  return i;
}

std::string describe_bad(std::string_view text, std::size_t i, std::size_t& length) {
  const auto c = static_cast<unsigned char>(text[i]);
  length = 1;
  if (c == 0) return "NUL byte";
  if (c < 0x20 || c == 0x7F) return fmt::format("control character U+{:04X}", c);
  return fmt::format("invalid UTF-8 byte `0x{:02X}`", c);
}

}  // namespace

std::optional<bad_byte> find_bad_byte(std::string_view text) {
  std::optional<bad_byte> first;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    const bool control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F;
    const auto n = control ? 0 : utf8_length(text, i);
    if (n > 0) {
      i += n;
      continue;
    }
    if (first) {
      ++first->more;
    } else {
      std::size_t length = 1;
      auto description = describe_bad(text, i, length);
      first = bad_byte{static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(length), std::move(description), 0};
    }
    ++i;
  }
  return first;
}

std::vector<ast::comment> collect_comments(std::string_view text, file_id file) {
  std::vector<ast::comment> comments;
  bool only_blanks_before = true;  // on the current line
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '\n') {
      only_blanks_before = true;
      ++i;
    } else if (c == ' ' || c == '\t') {
      ++i;
    } else if (c == '#') {
      const auto begin = i;
      while (i < text.size() && text[i] != '\n' && text[i] != '\r') ++i;
      comments.push_back(
          {span{file, static_cast<std::uint32_t>(begin), static_cast<std::uint32_t>(i)}, only_blanks_before});
      only_blanks_before = false;
    } else if (c == '"') {
      // A string ends at its closing quote or, unterminated, at the line end.
      ++i;
      while (i < text.size() && text[i] != '"' && text[i] != '\n' && text[i] != '\r') {
        i += text[i] == '\\' && i + 1 < text.size() && text[i + 1] != '\n' && text[i + 1] != '\r' ? 2 : 1;
      }
      if (i < text.size() && text[i] == '"') ++i;
      only_blanks_before = false;
    } else {
      only_blanks_before = c == '\r' && only_blanks_before;
      ++i;
    }
  }
  return comments;
}

std::uint32_t literal_run_end(std::string_view text, std::uint32_t offset) {
  auto i = static_cast<std::size_t>(offset);
  while (i < text.size()) {
    const char c = text[i];
    const bool inner = (c == '.' || c == ':' || c == '-' || c == '+') && i + 1 < text.size() &&
                       is_ident_other(text[i + 1]) && i > offset;
    if (!is_ident_other(c) && !inner) break;
    ++i;
  }
  return static_cast<std::uint32_t>(i);
}

found_token next_token(std::string_view text, std::uint32_t offset) {
  const auto begin = skip_blanks(text, offset);
  found_token t;
  if (begin >= text.size()) {
    auto end = static_cast<std::size_t>(offset);
    while (end > 0 && is_blank(text[end - 1])) --end;
    t.what = found_token::kind::end_of_input;
    t.description = "end of input";
    t.begin = t.end = static_cast<std::uint32_t>(end);
    return t;
  }
  auto end = begin + 1;
  const char c = text[begin];
  if (is_ident_first(c)) {
    while (end < text.size() && is_ident_other(text[end])) ++end;
    t.what = found_token::kind::word;
  } else if (is_digit(c)) {
    end = literal_run_end(text, static_cast<std::uint32_t>(begin));
  } else if (c == '"') {
    while (end < text.size() && text[end] != '"' && text[end] != '\n' && text[end] != '\r') {
      end += text[end] == '\\' && end + 1 < text.size() ? 2 : 1;
    }
    if (end < text.size() && text[end] == '"') ++end;
  } else if (static_cast<unsigned char>(c) >= 0x80) {
    end = begin + std::max<std::size_t>(1, utf8_length(text, begin));
  } else if (end < text.size()) {
    static constexpr std::string_view pairs[] = {"==", "!=", "<=", ">=", "..", "&&", "||"};
    for (const auto pair : pairs) {
      if (text.substr(begin, 2) == pair) end = begin + 2;
    }
  }
  end = std::min(end, text.size());
  t.text = std::string(text.substr(begin, end - begin));
  t.begin = static_cast<std::uint32_t>(begin);
  t.end = static_cast<std::uint32_t>(end);
  if (c == '"' && t.text.size() > 40) {
    t.description = "a string literal";
  } else if (static_cast<unsigned char>(c) >= 0x80) {
    const auto cp = decode(text, begin, end - begin);
    t.description =
        cp == 0xFEFF ? std::string("a byte-order mark (U+FEFF)") : fmt::format("`{}` (U+{:04X})", t.text, cp);
  } else {
    t.description = fmt::format("`{}`", t.text);
  }
  return t;
}

std::optional<std::uint32_t> recovery_point(std::string_view text, std::uint32_t declaration_begin,
                                            std::uint32_t error_at) {
  // Candidate line starts: every offset just after a '\n'.
  std::size_t line = error_at;
  if (line > 0 && text[line - 1] != '\n') {
    const auto nl = text.find('\n', line);
    if (nl == std::string_view::npos) return std::nullopt;
    line = nl + 1;
  }
  while (line < text.size()) {
    if (line > declaration_begin && is_ident_first(text[line])) {
      auto end = line;
      while (end < text.size() && is_ident_other(text[end])) ++end;
      const auto word = text.substr(line, end - line);
      for (const auto keyword : declaration_keywords) {
        if (word == keyword) return static_cast<std::uint32_t>(line);
      }
    }
    const auto nl = text.find('\n', line);
    if (nl == std::string_view::npos) break;
    line = nl + 1;
  }
  return std::nullopt;
}

}  // namespace afterflow::grammar::parsing
