#include "interpreter/eventlog/line_reader.hpp"

#include <algorithm>
#include <cstring>

namespace afterflow::eventlog {

namespace {

std::string_view without_cr(std::string_view line) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

}  // namespace

line_reader::line_reader(std::unique_ptr<byte_source> source, std::size_t block)
    : source_(std::move(source)), capacity_(std::max<std::size_t>(block, 4096)) {
  buffer_ = std::make_unique<char[]>(capacity_ + padding);
}

std::optional<std::string_view> line_reader::next() {
  for (;;) {
    const char* from = buffer_.get() + begin_ + scanned_;
    const auto* lf = static_cast<const char*>(std::memchr(from, '\n', end_ - begin_ - scanned_));
    if (lf != nullptr) {
      const auto stop = static_cast<std::size_t>(lf - buffer_.get());
      const std::string_view line(buffer_.get() + begin_, stop - begin_);
      begin_ = stop + 1;
      scanned_ = 0;
      ++line_number_;
      return without_cr(line);
    }
    scanned_ = end_ - begin_;
    if (eof_) {
      // After a read error the unfinished line is not a line.
      if (begin_ == end_ || source_->error()) return std::nullopt;
      const std::string_view line(buffer_.get() + begin_, end_ - begin_);
      begin_ = end_;
      scanned_ = 0;
      ++line_number_;
      return without_cr(line);
    }
    refill();
  }
}

void line_reader::refill() {
  const auto kept = end_ - begin_;
  if (begin_ > 0) {
    std::memmove(buffer_.get(), buffer_.get() + begin_, kept);
    begin_ = 0;
    end_ = kept;
  }
  if (end_ == capacity_) {  // one line fills the buffer: make room for it
    const auto bigger = capacity_ * 2;
    auto grown = std::make_unique<char[]>(bigger + padding);
    std::memcpy(grown.get(), buffer_.get(), end_);
    buffer_ = std::move(grown);
    capacity_ = bigger;
  }
  do {
    const auto n = source_->read(buffer_.get() + end_, capacity_ - end_);
    if (n == 0) eof_ = true;
    end_ += n;
    bytes_read_ += n;
  } while (at_start_ && end_ < 3 && !eof_);
  if (at_start_) {
    at_start_ = false;
    if (end_ >= 3 && std::memcmp(buffer_.get(), "\xEF\xBB\xBF", 3) == 0) begin_ = 3;
  }
}

}  // namespace afterflow::eventlog
