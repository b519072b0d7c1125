// A streaming RFC 4180 CSV reader, for the shop exports the converters read.
//
// Fields are separated by commas and records by CR LF or LF; a field in
// double quotes may hold commas, quotes (written twice) and line breaks —
// Olist's review texts carry CR LF inside quoted fields, which is why a
// line splitter will not do. The input is read in blocks, so memory is
// bounded by the longest record. A UTF-8 byte-order mark at the start is
// dropped and empty lines are skipped. A quote that opens a field and is
// never closed, or text after a closing quote, is an error (E1030) naming
// the line where the record starts.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "interpreter/eventlog/byte_source.hpp"

namespace afterflow::tools {

class csv_reader {
 public:
  explicit csv_reader(std::unique_ptr<eventlog::byte_source> source);

  /// The next record's fields, valid until the next call; nullopt at the
  /// end of the input or on an error (see `error`).
  [[nodiscard]] std::optional<std::span<const std::string_view>> next();
  /// The line on which the record last returned starts (1-based).
  [[nodiscard]] std::uint64_t line() const { return record_line_; }
  [[nodiscard]] const std::optional<grammar::diagnostic>& error() const;
  [[nodiscard]] const std::string& name() const { return source_->name(); }

 private:
  bool fill();

  std::unique_ptr<eventlog::byte_source> source_;
  std::vector<char> block_;
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
  bool eof_ = false;
  bool started_ = false;
  std::uint64_t line_ = 1;
  std::uint64_t record_line_ = 0;
  std::string text_;               // the current record's field bytes
  std::vector<std::size_t> ends_;  // end offset of each field in text_
  std::vector<std::string_view> fields_;
  std::optional<grammar::diagnostic> error_;
};

/// The index of each named column in a header row, in the order asked;
/// nullopt and an E1031 error naming the first one missing.
[[nodiscard]] std::optional<std::vector<std::size_t>> find_columns(std::span<const std::string_view> header,
                                                                   std::span<const std::string_view> wanted,
                                                                   const csv_reader& reader,
                                                                   std::optional<grammar::diagnostic>& error);

}  // namespace afterflow::tools
