// Lines out of a byte source, in large blocks, with JSON padding.
//
// The reader keeps one buffer: a block is read into it, complete lines are
// handed out as views into it, and the unfinished tail is moved to the
// front before the next block is read. A line longer than `max_line`
// bytes is handed out cut to that length and flagged (`too_long`); the rest
// of it is read through and dropped, never buffered. Memory is bounded by
// the block size or about twice `max_line`, whichever is larger, never by
// the size of the input or of one line. Every line handed out is followed, inside the buffer, by at least
// `padding` readable bytes: simdjson reads a little past the end of what it
// parses and needs no copy then.
//
// A UTF-8 byte-order mark at the very start is dropped; a line ends at LF,
// and a CR before the LF is removed. The last line may lack its LF.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

#include "interpreter/eventlog/byte_source.hpp"
#include "interpreter/eventlog/input_limits.hpp"

namespace afterflow::eventlog {

class line_reader {
 public:
  static constexpr std::size_t padding = 64;
  static constexpr std::size_t default_block = 1 << 20;

  explicit line_reader(std::unique_ptr<byte_source> source, std::size_t block = default_block,
                       std::size_t max_line = default_max_line_bytes);

  /// The next line (without its line end), valid until the next call;
  /// nullopt at the end of the input or when reading failed (see `error`).
  [[nodiscard]] std::optional<std::string_view> next();
  /// Whether the line last returned was longer than `max_line` bytes (it
  /// was returned cut to its first `max_line` bytes).
  [[nodiscard]] bool too_long() const { return too_long_; }
  [[nodiscard]] std::size_t max_line() const { return max_line_; }
  /// The 1-based number of the line last returned.
  [[nodiscard]] std::uint64_t line_number() const { return line_number_; }
  [[nodiscard]] const std::optional<grammar::diagnostic>& error() const { return source_->error(); }
  [[nodiscard]] const std::string& name() const { return source_->name(); }
  /// Bytes of buffer held, for tests of bounded memory.
  [[nodiscard]] std::size_t capacity() const { return capacity_; }
  /// Bytes consumed from the source so far (after decompression).
  [[nodiscard]] std::uint64_t bytes_read() const { return bytes_read_; }

 private:
  void refill();
  /// Drops the rest of an overlong line, through its LF.
  void discard_rest_of_line();

  std::unique_ptr<byte_source> source_;
  std::unique_ptr<char[]> buffer_;
  std::size_t capacity_ = 0;  // usable bytes; `padding` more are allocated
  std::size_t begin_ = 0;     // first byte not yet handed out
  std::size_t scanned_ = 0;   // bytes from begin_ known to hold no LF
  std::size_t end_ = 0;       // end of the data in the buffer
  std::uint64_t line_number_ = 0;
  std::uint64_t bytes_read_ = 0;
  std::size_t max_line_;
  bool at_start_ = true;
  bool eof_ = false;
  bool too_long_ = false;    // the line last returned was cut
  bool discarding_ = false;  // and the rest of it is still to be dropped
};

}  // namespace afterflow::eventlog
