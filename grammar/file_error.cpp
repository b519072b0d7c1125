#include "grammar/file_error.hpp"

#include <algorithm>
#include <vector>

#include "grammar/text/utf8.hpp"

namespace afterflow::grammar {

namespace {

// Lines up to `whole_line_max` code points are shown whole; longer ones are
// cut to `shown_before` code points before the problem, at most `shown_span`
// of it and `shown_after` after.
constexpr std::size_t whole_line_max = 80;
constexpr std::size_t shown_before = 24;
constexpr std::size_t shown_span = 48;
constexpr std::size_t shown_after = 17;
constexpr std::string_view ellipsis = "…";
constexpr std::string_view replacement = "\xEF\xBF\xBD";

// One code point of the line: where it starts, and how it is displayed.
struct cell {
  std::size_t byte = 0;
  std::string_view display;
  std::uint32_t width = 1;
};

std::vector<cell> cells_of(std::string_view line) {
  std::vector<cell> cells;
  cells.reserve(line.size());
  for (std::size_t i = 0; i < line.size();) {
    const char c = line[i];
    if (c == '\t') {
      cells.push_back({i, "    ", 4});
      ++i;
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
      cells.push_back({i, replacement, 1});
      ++i;
    } else if (const auto n = utf8_length(line, i); n > 0) {
      cells.push_back({i, line.substr(i, n), 1});
      i += n;
    } else {
      cells.push_back({i, replacement, 1});
      ++i;
    }
  }
  return cells;
}

// Index of the first cell starting at or after byte `offset`.
std::size_t cell_at(const std::vector<cell>& cells, std::size_t offset) {
  return static_cast<std::size_t>(
      std::lower_bound(cells.begin(), cells.end(), offset, [](const cell& c, std::size_t o) { return c.byte < o; }) -
      cells.begin());
}

std::uint32_t width_of(const std::vector<cell>& cells, std::size_t from, std::size_t to) {
  std::uint32_t w = 0;
  for (std::size_t i = from; i < to; ++i) w += cells[i].width;
  return w;
}

}  // namespace

diagnostic make_line_error(std::string_view code, std::string message, std::string_view file, std::uint64_t line,
                           std::string_view line_text, std::size_t offset, std::size_t length) {
  auto d = make_file_error(code, std::move(message), file, line);
  auto& e = std::get<file_location>(d.where);
  const auto cells = cells_of(line_text);
  offset = std::min(offset, line_text.size());
  const auto first = cell_at(cells, offset);
  auto last = cell_at(cells, std::min(line_text.size(), offset + length));
  e.column = static_cast<std::uint32_t>(first + 1);

  std::size_t from = 0;
  std::size_t to = cells.size();
  if (cells.size() > whole_line_max) {
    from = first > shown_before ? first - shown_before : 0;
    to = std::min(cells.size(), first + std::min(last - first, shown_span) + shown_after);
  }
  last = std::min(last, to);
  if (from > 0) e.excerpt += ellipsis;
  for (std::size_t i = from; i < to; ++i) e.excerpt += cells[i].display;
  if (to < cells.size()) e.excerpt += ellipsis;
  e.caret_begin = (from > 0 ? 1 : 0) + width_of(cells, from, first);
  e.caret_width = std::max<std::uint32_t>(1, width_of(cells, first, std::max(first, last)));
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
    if (n == 0 || static_cast<unsigned char>(text[i]) < 0x20) {
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
