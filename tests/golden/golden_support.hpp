// Shared plumbing of the golden tests: finding inputs, comparing with (or,
// under AFTERFLOW_UPDATE_GOLDEN=1, rewriting) the expected files.
#pragma once

#include <string>
#include <vector>

namespace afterflow::golden {

/// The golden directory (tests/golden in the source tree).
[[nodiscard]] std::string root();

/// Files below `root()/dir` whose name ends with `suffix`, as paths relative
/// to `root()/dir`, sorted.
[[nodiscard]] std::vector<std::string> files_under(const std::string& dir, const std::string& suffix);

/// Compares `actual` with the file at `expected_path` (absolute). Returns an
/// empty string when equal (or when the file was rewritten in update mode),
/// else a readable description of the difference.
[[nodiscard]] std::string compare_with_file(const std::string& expected_path, const std::string& actual);

[[nodiscard]] std::string read_text(const std::string& path);

}  // namespace afterflow::golden
