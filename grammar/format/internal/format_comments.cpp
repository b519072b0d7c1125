#include "grammar/format/internal/format_comments.hpp"

#include <algorithm>

namespace afterflow::format {

std::span<const ast::comment> comment_cursor::take_before(std::uint32_t offset) {
  const std::size_t first = next_;
  while (next_ < comments_.size() && comments_[next_].where.begin < offset) ++next_;
  return std::span<const ast::comment>(comments_).subspan(first, next_ - first);
}

const ast::comment* comment_cursor::take_trailing(std::uint32_t offset) {
  if (next_ == comments_.size()) return nullptr;
  const auto& c = comments_[next_];
  if (c.own_line || c.where.begin < offset) return nullptr;
  const auto gap = slice(offset, c.where.begin);
  if (gap.find_first_not_of(" \t,") != std::string_view::npos) return nullptr;
  ++next_;
  return &c;
}

bool comment_cursor::any_in(std::uint32_t from, std::uint32_t to) const {
  for (std::size_t i = next_; i < comments_.size() && comments_[i].where.begin < to; ++i) {
    if (comments_[i].where.begin >= from) return true;
  }
  return false;
}

bool comment_cursor::blank_line_in(std::uint32_t from, std::uint32_t to) const {
  const auto gap = slice(from, to);
  bool after_line_end = false;
  for (const char c : gap) {
    if (c == '\n') {
      if (after_line_end) return true;
      after_line_end = true;
    } else if (c != ' ' && c != '\t' && c != '\r') {
      after_line_end = false;
    }
  }
  return false;
}

bool comment_cursor::line_end_in(std::uint32_t from, std::uint32_t to) const {
  return slice(from, to).find('\n') != std::string_view::npos;
}

std::uint32_t comment_cursor::find_open_brace(std::uint32_t from) const {
  auto i = static_cast<std::size_t>(from);
  while (i < text_.size() && text_[i] != '{') {
    if (text_[i] == '#') {
      const auto line_end = text_.find('\n', i);
      if (line_end == std::string_view::npos) break;
      i = line_end;
    }
    ++i;
  }
  return static_cast<std::uint32_t>(std::min(i, text_.size()));
}

std::uint32_t comment_cursor::closing_brace(std::uint32_t end) const {
  auto i = std::min(static_cast<std::size_t>(end), text_.size());
  while (i > 0 && text_[i - 1] != '}' &&
         (text_[i - 1] == ' ' || text_[i - 1] == '\t' || text_[i - 1] == '\r' || text_[i - 1] == '\n')) {
    --i;
  }
  return i > 0 ? static_cast<std::uint32_t>(i - 1) : 0;
}

std::string_view comment_cursor::text(const ast::comment& c) const {
  auto t = slice(c.where.begin, c.where.end);
  const auto last = t.find_last_not_of(" \t\r\n");
  return last == std::string_view::npos ? std::string_view{} : t.substr(0, last + 1);
}

std::string_view comment_cursor::slice(std::uint32_t from, std::uint32_t to) const {
  const auto size = text_.size();
  const auto begin = std::min(static_cast<std::size_t>(from), size);
  const auto end = std::clamp(static_cast<std::size_t>(to), begin, size);
  return text_.substr(begin, end - begin);
}

}  // namespace afterflow::format
