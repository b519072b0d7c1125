#include "interpreter/tools/internal/csv_reader.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "interpreter/eventlog/log_codes.hpp"

namespace afterflow::tools {

using eventlog::byte_source;

namespace {

constexpr std::size_t block = 256 * 1024;

}  // namespace

csv_reader::csv_reader(std::unique_ptr<byte_source> source) : source_(std::move(source)), block_(block) {}

const std::optional<grammar::diagnostic>& csv_reader::error() const { return error_ ? error_ : source_->error(); }

bool csv_reader::fill() {
  if (pos_ < end_) return true;
  if (eof_) return false;
  pos_ = 0;
  end_ = source_->read(block_.data(), block_.size());
  if (end_ == 0) {
    eof_ = true;
    return false;
  }
  if (!started_) {
    started_ = true;
    if (end_ >= 3 && std::equal(block_.begin(), block_.begin() + 3, "\xEF\xBB\xBF")) pos_ = 3;
  }
  return pos_ < end_;
}

std::optional<std::span<const std::string_view>> csv_reader::next() {
  if (error_ || source_->error()) return std::nullopt;
  enum class state : unsigned char { field_start, unquoted, quoted, quote_in_quoted };
  for (;;) {
    text_.clear();
    ends_.clear();
    record_line_ = line_;
    auto s = state::field_start;
    bool any = false;  // whether the record has any byte (empty lines are skipped)
    bool done = false;
    while (!done) {
      if (!fill()) {
        if (source_->error()) return std::nullopt;
        if (s == state::quoted) {
          error_ = grammar::make_file_error(eventlog::codes::malformed_csv, "a quoted field is never closed", name(),
                                            record_line_);
          error_->help = "every `\"` that opens a field needs a closing `\"`; a quote inside a field is written `\"\"`";
          return std::nullopt;
        }
        if (!any) return std::nullopt;
        done = true;
        break;
      }
      const char c = block_[pos_++];
      switch (s) {
        case state::field_start:
        case state::unquoted:
          if (c == ',') {
            ends_.push_back(text_.size());
            s = state::field_start;
            any = true;
          } else if (c == '\n') {
            ++line_;
            done = true;
          } else if (c == '\r') {
            // part of CR LF; a lone CR is dropped as well
          } else if (c == '"' && s == state::field_start) {
            s = state::quoted;
            any = true;
          } else {
            text_.push_back(c);
            s = state::unquoted;
            any = true;
          }
          break;
        case state::quoted:
          if (c == '"') {
            s = state::quote_in_quoted;
          } else {
            if (c == '\n') ++line_;
            text_.push_back(c);
          }
          break;
        case state::quote_in_quoted:
          if (c == '"') {
            text_.push_back('"');
            s = state::quoted;
          } else if (c == ',') {
            ends_.push_back(text_.size());
            s = state::field_start;
          } else if (c == '\n') {
            ++line_;
            done = true;
          } else if (c == '\r') {
            // before LF
          } else {
            error_ = grammar::make_file_error(
                eventlog::codes::malformed_csv,
                fmt::format("expected `,` or a line end after a quoted field, found `{}`", std::string_view(&c, 1)),
                name(), line_);
            return std::nullopt;
          }
          break;
      }
    }
    if (!any) continue;  // an empty line
    ends_.push_back(text_.size());
    fields_.clear();
    std::size_t begin = 0;
    for (const auto end : ends_) {
      fields_.emplace_back(text_.data() + begin, end - begin);
      begin = end;
    }
    return std::span<const std::string_view>(fields_);
  }
}

std::optional<std::vector<std::size_t>> find_columns(std::span<const std::string_view> header,
                                                     std::span<const std::string_view> wanted, const csv_reader& reader,
                                                     std::optional<grammar::diagnostic>& error) {
  std::vector<std::size_t> indices;
  for (const auto name : wanted) {
    const auto it = std::find(header.begin(), header.end(), name);
    if (it == header.end()) {
      error = grammar::make_file_error(eventlog::codes::missing_column, fmt::format("missing column `{}`", name),
                                       reader.name(), reader.line());
      return std::nullopt;
    }
    indices.push_back(static_cast<std::size_t>(it - header.begin()));
  }
  return indices;
}

}  // namespace afterflow::tools
