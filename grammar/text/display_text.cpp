#include "grammar/text/display_text.hpp"

#include <algorithm>

#include "grammar/text/utf8.hpp"

namespace afterflow::grammar {

namespace {

constexpr std::string_view ellipsis = "…";
constexpr std::string_view replacement = "\xEF\xBF\xBD";

// One code point of a line, or one byte that is not valid UTF-8.
struct cell {
  std::size_t size = 1;      // bytes
  std::string_view display;  // what is shown for it
  std::uint32_t width = 1;   // display columns
};

cell cell_at(std::string_view line, std::size_t i) {
  const char c = line[i];
  if (c == '\t') return {1, "    ", 4};
  if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return {1, replacement, 1};
  if (const auto n = utf8_length(line, i); n > 0) return {n, line.substr(i, n), 1};
  return {1, replacement, 1};
}

// The byte offset where cell number `index` starts (or the line's size).
std::size_t byte_of_cell(std::string_view line, std::size_t index) {
  std::size_t i = 0;
  for (std::size_t k = 0; k < index && i < line.size(); ++k) i += cell_at(line, i).size;
  return i;
}

// The number of cells that start before byte `offset`.
std::size_t cells_before(std::string_view line, std::size_t offset) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < offset && i < line.size(); i += cell_at(line, i).size) ++n;
  return n;
}

}  // namespace

line_excerpt excerpt_of(std::string_view line, std::size_t begin, std::size_t end, const excerpt_widths& widths) {
  begin = std::min(begin, line.size());
  end = std::clamp(end, begin, line.size());
  const auto first = cells_before(line, begin);
  const auto last = cells_before(line, end);
  const auto total = cells_before(line, line.size());

  std::size_t from = 0;
  std::size_t to = total;
  if (total > widths.whole_line) {
    from = first > widths.before ? first - widths.before : 0;
    to = std::min(total, first + std::min(last - first, widths.span) + widths.after);
  }
  line_excerpt out;
  out.column = static_cast<std::uint32_t>(first + 1);
  if (from > 0) out.text += ellipsis;
  std::uint32_t columns = from > 0 ? 1 : 0;
  std::uint32_t caret_end = 0;
  std::size_t i = byte_of_cell(line, from);
  for (std::size_t k = from; k < to; ++k) {
    if (k == first) out.caret_begin = columns;
    const auto c = cell_at(line, i);
    out.text += c.display;
    columns += c.width;
    if (k < last) caret_end = columns;
    i += c.size;
  }
  if (first >= to) out.caret_begin = columns;
  if (to < total) out.text += ellipsis;
  out.caret_width = caret_end > out.caret_begin ? caret_end - out.caret_begin : 1;
  return out;
}

std::string display_message(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool quoted = false;
  std::size_t run = 0;  // code points of the current quoted run
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    if (c == '`') {
      quoted = !quoted;
      run = 0;
      out += c;
      ++i;
      continue;
    }
    if (quoted && run == max_quoted) {
      // Skip to the closing backtick: the rest of a long name adds nothing.
      out += ellipsis;
      const auto close = text.find('`', i);
      i = close == std::string_view::npos ? text.size() : close;
      ++run;
      continue;
    }
    if (quoted && run > max_quoted) {
      ++i;
      continue;
    }
    const auto n = utf8_length(text, i);
    if (c == '\t') out += ' ';
    else if (n == 0 || static_cast<unsigned char>(c) < 0x20 || c == 0x7F) out += replacement;
    else out += text.substr(i, n);
    i += n == 0 ? 1 : n;
    if (quoted) ++run;
  }
  return out;
}

}  // namespace afterflow::grammar
