#include "grammar/format/internal/format_writer.hpp"

#include <algorithm>

#include "grammar/source.hpp"

namespace afterflow::format {

using grammar::count_code_points;

namespace {

constexpr std::size_t indent_width = 2;

[[nodiscard]] std::size_t width(std::size_t depth, std::string_view code) {
  return depth * indent_width + count_code_points(code);
}

}  // namespace

void writer::open_line() {
  if (open_) return;
  if (blank_pending_ && !lines_.empty()) {
    const auto& previous = lines_.back();
    const bool opens_block = !previous.own_comment && previous.code.ends_with('{');
    if (!previous.code.empty() && !opens_block) lines_.push_back({});
  }
  blank_pending_ = false;
  current_ = line{depth_, {}, {}, false};
  open_ = true;
}

void writer::append(std::string_view code) {
  open_line();
  current_.code += code;
}

std::size_t writer::column() const { return open_ ? width(current_.depth, current_.code) : depth_ * indent_width; }

void writer::set_trailing(std::string_view comment) {
  open_line();
  current_.comment = std::string(comment);
}

void writer::end_line() {
  if (!open_) return;
  lines_.push_back(std::move(current_));
  current_ = {};
  open_ = false;
}

void writer::comment_line(std::string_view comment) {
  end_line();
  append(comment);
  current_.own_comment = true;
  end_line();
}

std::string writer::finish() {
  end_line();
  // Align the trailing comments of each run of consecutive lines at one depth.
  for (std::size_t first = 0; first < lines_.size();) {
    if (lines_[first].comment.empty()) {
      ++first;
      continue;
    }
    std::size_t last = first;
    std::size_t column = 0;
    while (last < lines_.size() && !lines_[last].comment.empty() && lines_[last].depth == lines_[first].depth) {
      column = std::max(column, width(lines_[last].depth, lines_[last].code));
      ++last;
    }
    for (std::size_t i = first; i < last; ++i) {
      auto& l = lines_[i];
      l.code.append(column + 1 - width(l.depth, l.code), ' ');
      l.code += l.comment;
      l.comment.clear();
    }
    first = last;
  }
  std::string out;
  for (const auto& l : lines_) {
    if (!l.code.empty()) {
      out.append(l.depth * indent_width, ' ');
      out += l.code;
    }
    out += '\n';
  }
  return out;
}

}  // namespace afterflow::format
