#include "grammar/file_error.hpp"

#include "grammar/text/display_text.hpp"
#include "grammar/text/utf8.hpp"

namespace afterflow::grammar {

namespace {

constexpr std::string_view ellipsis = "…";
constexpr std::string_view replacement = "\xEF\xBF\xBD";

}  // namespace

diagnostic make_line_error(std::string_view code, std::string message, std::string_view file, std::uint64_t line,
                           std::string_view line_text, std::size_t offset, std::size_t length) {
  auto d = make_file_error(code, std::move(message), file, line);
  auto& e = std::get<file_location>(d.where);
  auto shown = excerpt_of(line_text, offset, offset + length);
  e.column = shown.column;
  e.excerpt = std::move(shown.text);
  e.caret_begin = shown.caret_begin;
  e.caret_width = shown.caret_width;
  return d;
}

diagnostic make_file_error(std::string_view code, std::string message, std::string_view file, std::uint64_t line) {
  diagnostic d;
  d.code = std::string(code);
  d.message = std::move(message);
  file_location where;
  where.file = std::string(file);
  where.line = line;
  d.where = std::move(where);
  return d;
}

std::string quote_excerpt(std::string_view text, std::size_t max) {
  std::string out = "`";
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (points == max) {
      out += ellipsis;
      break;
    }
    const auto n = utf8_length(text, i);
    if (n == 0 || static_cast<unsigned char>(text[i]) < 0x20 || text[i] == 0x7F) {
      out += replacement;
      ++i;
    } else {
      out += text.substr(i, n);
      i += n;
    }
    ++points;
  }
  out += '`';
  return out;
}

}  // namespace afterflow::grammar
