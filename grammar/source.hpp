// Source files and spans.
//
// Every AST node and every diagnostic points into source text through a
// `span`: a file id plus a half-open byte range. Lines and columns are not
// stored anywhere; they are computed only when a diagnostic is rendered, from
// a line-start table built once per file (the cel-cpp / rustc approach). This
// keeps spans small (12 bytes) and makes "where" a pure value.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace afterflow::grammar {

using file_id = std::uint32_t;

/// A half-open byte range [begin, end) in one source file.
struct span {
  file_id file = 0;
  std::uint32_t begin = 0;
  std::uint32_t end = 0;

  [[nodiscard]] std::uint32_t length() const { return end - begin; }
  /// The smallest span covering both (same file assumed).
  [[nodiscard]] span to(span other) const {
    return {file, begin < other.begin ? begin : other.begin, end > other.end ? end : other.end};
  }
  friend bool operator==(const span&, const span&) = default;
};

/// 1-based line and column; the column counts UTF-8 code points, not bytes.
struct line_col {
  std::uint32_t line = 1;
  std::uint32_t column = 1;
  friend bool operator==(const line_col&, const line_col&) = default;
};

/// One source file: its display name and its full text, owned.
/// A leading UTF-8 byte-order mark is removed on construction; CR LF line
/// ends are kept in the text and hidden by `line_text`.
class source_file {
 public:
  source_file(std::string name, std::string text);

  [[nodiscard]] const std::string& name() const { return name_; }
  [[nodiscard]] std::string_view text() const { return text_; }
  [[nodiscard]] std::string_view text(span s) const;

  /// Line and column of a byte offset (clamped to the end of the text).
  [[nodiscard]] line_col position(std::uint32_t offset) const;
  /// Number of lines (a final line without a newline counts).
  [[nodiscard]] std::uint32_t line_count() const;
  /// The text of a 1-based line, without its line end.
  [[nodiscard]] std::string_view line_text(std::uint32_t line) const;
  /// Byte offset where a 1-based line starts.
  [[nodiscard]] std::uint32_t line_start(std::uint32_t line) const;

 private:
  std::string name_;
  std::string text_;
  std::vector<std::uint32_t> line_starts_;
};

/// All source files of one compilation, addressed by `file_id`.
/// Files are never removed, so references and string_views into them stay
/// valid for the lifetime of the set.
class source_set {
 public:
  file_id add(std::string name, std::string text);
  [[nodiscard]] const source_file& file(file_id id) const { return *files_.at(id); }
  [[nodiscard]] std::size_t size() const { return files_.size(); }
  [[nodiscard]] std::string_view text(span s) const { return file(s.file).text(s); }

 private:
  std::vector<std::unique_ptr<source_file>> files_;
};

/// Counts UTF-8 code points in `bytes` (continuation bytes do not count).
[[nodiscard]] std::uint32_t count_code_points(std::string_view bytes);

}  // namespace afterflow::grammar
