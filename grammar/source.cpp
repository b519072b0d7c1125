#include "grammar/source.hpp"

#include <algorithm>

namespace afterflow::grammar {

namespace {
constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";
}

source_file::source_file(std::string name, std::string text) : name_(std::move(name)), text_(std::move(text)) {
  if (std::string_view(text_).starts_with(utf8_bom)) text_.erase(0, utf8_bom.size());
  line_starts_.push_back(0);
  for (std::uint32_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == '\n') line_starts_.push_back(i + 1);
  }
}

std::string_view source_file::text(span s) const {
  const auto size = static_cast<std::uint32_t>(text_.size());
  const auto begin = std::min(s.begin, size);
  const auto end = std::clamp(s.end, begin, size);
  return std::string_view(text_).substr(begin, end - begin);
}

line_col source_file::position(std::uint32_t offset) const {
  offset = std::min(offset, static_cast<std::uint32_t>(text_.size()));
  const auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(it - line_starts_.begin());
  const auto start = line_starts_[line - 1];
  const auto column = count_code_points(std::string_view(text_).substr(start, offset - start)) + 1;
  return {line, column};
}

std::uint32_t source_file::line_count() const {
  // A trailing newline does not open a new (empty) line.
  if (!text_.empty() && text_.back() == '\n') return static_cast<std::uint32_t>(line_starts_.size() - 1);
  return static_cast<std::uint32_t>(line_starts_.size());
}

std::uint32_t source_file::line_start(std::uint32_t line) const {
  if (line == 0) return 0;
  if (line > line_starts_.size()) return static_cast<std::uint32_t>(text_.size());
  return line_starts_[line - 1];
}

std::string_view source_file::line_text(std::uint32_t line) const {
  if (line == 0 || line > line_starts_.size()) return {};
  const auto begin = line_starts_[line - 1];
  auto end = line < line_starts_.size() ? line_starts_[line] - 1 : static_cast<std::uint32_t>(text_.size());
  if (end > begin && text_[end - 1] == '\r') --end;
  return std::string_view(text_).substr(begin, end - begin);
}

file_id source_set::add(std::string name, std::string text) {
  files_.push_back(std::make_unique<source_file>(std::move(name), std::move(text)));
  return static_cast<file_id>(files_.size() - 1);
}

std::uint32_t count_code_points(std::string_view bytes) {
  std::uint32_t n = 0;
  for (const unsigned char c : bytes) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

}  // namespace afterflow::grammar
