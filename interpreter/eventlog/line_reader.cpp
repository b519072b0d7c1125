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

line_reader::line_reader(std::unique_ptr<byte_source> source, std::size_t block, std::size_t max_line)
    : source_(std::move(source)),
      capacity_(std::max<std::size_t>(block, 4096)),
      max_line_(std::max<std::size_t>(max_line, 1)) {
  buffer_ = std::make_unique<char[]>(capacity_ + padding);
}

std::optional<std::string_view> line_reader::next() {
  too_long_ = false;
  if (discarding_) discard_rest_of_line();
  for (;;) {
    const char* from = buffer_.get() + begin_ + scanned_;
    const auto* lf = static_cast<const char*>(std::memchr(from, '\n', end_ - begin_ - scanned_));
    if (lf != nullptr) {
      const auto stop = static_cast<std::size_t>(lf - buffer_.get());
      const auto line = without_cr({buffer_.get() + begin_, stop - begin_});
      begin_ = stop + 1;
      scanned_ = 0;
      ++line_number_;
      if (line.size() <= max_line_) return line;
      too_long_ = true;
      return line.substr(0, max_line_);
    }
    scanned_ = end_ - begin_;
    if (eof_) {
      // After a read error the unfinished line is not a line.
      if (begin_ == end_ || source_->error()) return std::nullopt;
      const auto line = without_cr({buffer_.get() + begin_, end_ - begin_});
      begin_ = end_;
      scanned_ = 0;
      ++line_number_;
      if (line.size() <= max_line_) return line;
      too_long_ = true;
      return line.substr(0, max_line_);
    }
    // Past the limit, and a CR, without an LF: cut here, drop the rest later.
    if (scanned_ > max_line_ + 1) {
      const std::string_view line(buffer_.get() + begin_, max_line_);
      begin_ += max_line_;
      scanned_ = 0;
      ++line_number_;
      too_long_ = discarding_ = true;
      return line;
    }
    refill();
  }
}

void line_reader::discard_rest_of_line() {
  discarding_ = false;
  for (;;) {
    const char* from = buffer_.get() + begin_;
    const auto* lf = static_cast<const char*>(std::memchr(from, '\n', end_ - begin_));
    if (lf != nullptr) {
      begin_ = static_cast<std::size_t>(lf - buffer_.get()) + 1;
      return;
    }
    begin_ = end_;
    if (eof_) return;
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
