// Loading a program: root `.flow` files plus everything they import.
//
// The loader turns a list of root paths into one `loaded_program`: a single
// `source_set` holding every file's text, and each file's AST together with
// the files it imports. Imports are resolved here, once:
//
//   import "ecommerce"     a name without `.flow`: a standard module
//                          (stdlib::find_module), shown as
//                          `<stdlib>/ecommerce.flow`
//   import "common.flow"   a path relative to the importing file's directory
//
// Every file is loaded once, identified by its canonical path, so diamonds
// share one copy. Unreadable or missing files, unknown modules, files over
// the size limit and import cycles are diagnostics (E0100-E0103), never
// exceptions; the rest of the program still loads so the checker can report
// everything in one run.
//
// File access goes through `file_reader`, two function objects, so tests
// (and editors with unsaved buffers) can supply files from memory; the disk
// reader is the one the CLI uses. Loading is deterministic: files are listed
// in the order they are first reached (roots in the order given, each
// followed depth-first by its imports in source order).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "grammar/ast.hpp"
#include "grammar/diagnostic.hpp"
#include "grammar/parser.hpp"
#include "grammar/source.hpp"

namespace afterflow::check {

/// The file id of diagnostics about a file that could not be read at all
/// (a missing root): the renderer prints no snippet for it.
inline constexpr grammar::file_id no_file = std::numeric_limits<grammar::file_id>::max();

/// Why a file could not be read.
enum class read_failure_kind : unsigned char { not_found, not_a_file, too_large, unreadable };

struct read_failure {
  read_failure_kind kind = read_failure_kind::unreadable;
  std::string reason;      ///< e.g. "No such file or directory"
  std::uint64_t size = 0;  ///< for `too_large`: the file's size in bytes
};

/// A file's text, or why it could not be read.
using read_result = std::variant<std::string, read_failure>;

/// File access for the loader.
struct file_reader {
  /// A string that is equal for two paths exactly when they name the same
  /// file (the canonical path); never fails (falls back to the path).
  std::function<std::string(const std::string& path)> identity;
  /// Reads a whole file; a file larger than `max_bytes` is `too_large` and
  /// is not read.
  std::function<read_result(const std::string& path, std::uint64_t max_bytes)> read;
};

/// Reads the real file system; identities are `weakly_canonical` paths.
[[nodiscard]] file_reader disk_file_reader();

/// Serves `files` (path -> text) from memory; paths are compared after
/// lexical normalisation (`a/./b/../c.flow` is `a/c.flow`).
[[nodiscard]] file_reader memory_file_reader(std::map<std::string, std::string> files);

struct load_limits {
  std::uint64_t max_file_bytes = std::uint64_t{64} * 1024 * 1024;
  grammar::parse_limits parse;
};

/// One loaded file.
struct loaded_file {
  grammar::file_id source = 0;  ///< in `loaded_program::sources`; its name is the display path
  std::string identity;         ///< canonical path, or `<stdlib>/<name>.flow`
  bool from_stdlib = false;
  bool root = false;  ///< named on the command line (not only imported)
  ast::file syntax;
  /// The files this one imports directly, as indices into
  /// `loaded_program::files`, in source order, each once. An import that
  /// failed (missing, cyclic) is not listed.
  std::vector<std::size_t> imports;
};

struct loaded_program {
  grammar::source_set sources;
  std::vector<loaded_file> files;  ///< in load order (see the header comment)
  std::vector<std::size_t> roots;  ///< indices into `files`, in the order given, each once
};

/// Loads `roots` and their imports. Display names: a root keeps the path as
/// given; an imported file's name is its importer's directory joined with
/// the import path, lexically normalised.
[[nodiscard]] loaded_program load_program(std::span<const std::string> roots, const file_reader& reader,
                                          grammar::diagnostic_list& diagnostics, const load_limits& limits = {});

/// The `.flow` files to check for a command-line argument: `path` itself
/// when it is not a directory, otherwise every regular `*.flow` file below
/// it, recursively, sorted by path (byte order) so the result never depends
/// on directory order.
struct collected_files {
  std::vector<std::string> files;
  std::string error;  ///< non-empty when the directory could not be walked
};
[[nodiscard]] collected_files collect_flow_files(const std::string& path);

}  // namespace afterflow::check
