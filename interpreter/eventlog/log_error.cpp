#include "interpreter/eventlog/log_error.hpp"

#include <algorithm>
#include <vector>

#include <fmt/format.h>

#include "grammar/text/utf8.hpp"
#include "grammar/text/json_writer.hpp"

namespace afterflow::eventlog {

using grammar::json_writer;
using grammar::render_options;
using grammar::utf8_length;

namespace {

// Lines up to this many code points are shown whole; longer ones are cut to
// kBefore code points before the problem, at most kSpan of it and kAfter after.
constexpr std::size_t kWhole = 80;
constexpr std::size_t kBefore = 24;
constexpr std::size_t kSpan = 48;
constexpr std::size_t kAfter = 17;
constexpr std::string_view kEllipsis = "…";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

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
      cells.push_back({i, kReplacement, 1});
      ++i;
    } else if (const auto n = utf8_length(line, i); n > 0) {
      cells.push_back({i, line.substr(i, n), 1});
      i += n;
    } else {
      cells.push_back({i, kReplacement, 1});
      ++i;
    }
  }
  return cells;
}

// Index of the first cell starting at or after byte `offset`.
std::size_t cell_at(const std::vector<cell>& cells, std::size_t offset) {
  return static_cast<std::size_t>(
      std::lower_bound(cells.begin(), cells.end(), offset,
                       [](const cell& c, std::size_t o) { return c.byte < o; }) -
      cells.begin());
}

std::uint32_t width_of(const std::vector<cell>& cells, std::size_t from, std::size_t to) {
  std::uint32_t w = 0;
  for (std::size_t i = from; i < to; ++i) w += cells[i].width;
  return w;
}

}  // namespace

log_error make_log_error(std::string_view code, std::string message, std::string_view file,
                         std::uint64_t line, std::string_view line_text, std::size_t offset,
                         std::size_t length) {
  auto e = make_file_error(code, std::move(message), file, line);
  const auto cells = cells_of(line_text);
  offset = std::min(offset, line_text.size());
  const auto first = cell_at(cells, offset);
  auto last = cell_at(cells, std::min(line_text.size(), offset + length));
  e.column = static_cast<std::uint32_t>(first + 1);

  std::size_t from = 0;
  std::size_t to = cells.size();
  if (cells.size() > kWhole) {
    from = first > kBefore ? first - kBefore : 0;
    to = std::min(cells.size(), first + std::min(last - first, kSpan) + kAfter);
  }
  last = std::min(last, to);
  if (from > 0) e.excerpt += kEllipsis;
  for (std::size_t i = from; i < to; ++i) e.excerpt += cells[i].display;
  if (to < cells.size()) e.excerpt += kEllipsis;
  e.caret_begin = (from > 0 ? 1 : 0) + width_of(cells, from, first);
  e.caret_width = std::max<std::uint32_t>(1, width_of(cells, first, std::max(first, last)));
  return e;
}

log_error make_file_error(std::string_view code, std::string message, std::string_view file,
                          std::uint64_t line) {
  log_error e;
  e.code = std::string(code);
  e.message = std::move(message);
  e.file = std::string(file);
  e.line = line;
  return e;
}

std::string quote_excerpt(std::string_view text, std::size_t max) {
  std::string out = "`";
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (points == max) {
      out += kEllipsis;
      break;
    }
    const auto n = utf8_length(text, i);
    if (n == 0 || static_cast<unsigned char>(text[i]) < 0x20) {
      out += kReplacement;
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

std::string render_text(const log_error& e, const render_options& options) {
  const bool color = options.color;
  const std::string_view red = color ? "\x1b[1;31m" : "";
  const std::string_view blue = color ? "\x1b[1;34m" : "";
  const std::string_view cyan = color ? "\x1b[1;36m" : "";
  const std::string_view green = color ? "\x1b[1;32m" : "";
  const std::string_view bold = color ? "\x1b[1m" : "";
  const std::string_view reset = color ? "\x1b[0m" : "";

  std::string out = fmt::format("{}error[{}]{}{}: {}{}\n", red, e.code, reset, bold, e.message, reset);
  std::string gutter = " ";
  if (e.line > 0 && e.column == 0) {  // a line without a snippet (a CSV record)
    out += fmt::format("{}{}-->{} {}:{}\n", gutter, blue, reset, e.file, e.line);
  } else if (e.line > 0) {
    const auto number = fmt::format("{}", e.line);
    gutter = std::string(number.size(), ' ');
    out += fmt::format("{}{}-->{} {}:{}:{}\n", gutter, blue, reset, e.file, e.line, e.column);
    out += fmt::format("{} {}|{}\n", gutter, blue, reset);
    out += fmt::format("{}{} |{} {}\n", blue, number, reset, e.excerpt);
    out += fmt::format("{} {}|{} {}{}{}{}\n", gutter, blue, reset, std::string(e.caret_begin, ' '),
                       red, std::string(e.caret_width, '^'), reset);
  } else if (!e.file.empty()) {
    out += fmt::format("{}{}-->{} {}\n", gutter, blue, reset, e.file);
  }
  if (!e.note.empty()) {
    out += fmt::format("{} {}={} {}note{}: {}\n", gutter, blue, reset, green, reset, e.note);
  }
  if (!e.help.empty()) {
    out += fmt::format("{} {}={} {}help{}: {}\n", gutter, blue, reset, cyan, reset, e.help);
  }
  return out;
}

std::string render_json(const log_error& e) {
  std::string out;
  json_writer w(out);
  w.begin_object();
  w.key("severity").string("error");
  w.key("code").string(e.code);
  w.key("message").string(e.message);
  w.key("file").string(e.file);
  if (e.line > 0) w.key("line").integer(static_cast<std::int64_t>(e.line));
  if (e.column > 0) w.key("column").integer(e.column);
  if (!e.note.empty()) w.key("note").string(e.note);
  if (!e.help.empty()) w.key("help").string(e.help);
  w.end_object();
  out += '\n';
  return out;
}

}  // namespace afterflow::eventlog
