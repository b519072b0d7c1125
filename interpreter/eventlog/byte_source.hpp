// Where input bytes come from: a file (plain, gzip or xz), standard input,
// or memory.
//
// Readers pull large blocks through one small interface so that a log is
// streamed, never loaded whole, and so that gzip (zlib) and xz (liblzma)
// stay out of every other header. `open_input` decides by the magic bytes,
// not the extension: `events.jsonl.gz` renamed to `events.jsonl` still reads.
// zlib's gzread also passes plain data through, so standard input may be
// either. xz is for the shop exports the converters read.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "grammar/file_error.hpp"

namespace afterflow::eventlog {

class byte_source {
 public:
  virtual ~byte_source() = default;
  /// Reads up to `size` bytes into `out`; 0 at the end of the data or on an
  /// error (see `error`).
  [[nodiscard]] virtual std::size_t read(char* out, std::size_t size) = 0;
  /// Set once a read failed (corrupt or truncated compressed data, I/O).
  [[nodiscard]] const std::optional<grammar::diagnostic>& error() const { return error_; }
  /// The name used in messages: the path, or "<stdin>".
  [[nodiscard]] const std::string& name() const { return name_; }

 protected:
  explicit byte_source(std::string name) : name_(std::move(name)) {}
  void fail(std::string message);

 private:
  std::string name_;
  std::optional<grammar::diagnostic> error_;
};

/// The result of opening an input: a source, or why it could not be opened.
struct opened_input {
  std::unique_ptr<byte_source> source;
  std::optional<grammar::diagnostic> error;
};

/// Opens `path` ("-" for standard input); gzip and xz data are decompressed.
[[nodiscard]] opened_input open_input(const std::string& path);

/// A source over bytes in memory (not copied: `text` must outlive it).
[[nodiscard]] std::unique_ptr<byte_source> memory_input(std::string name, std::string_view text);

}  // namespace afterflow::eventlog
