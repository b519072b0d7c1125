#include "interpreter/check/module_loader.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <string_view>
#include <system_error>

#include <fmt/format.h>

#include "grammar/text/edit_distance.hpp"
#include "interpreter/check/check_codes.hpp"
#include "stdlib/modules.hpp"

namespace afterflow::check {

using grammar::closest_match;
using grammar::diagnostic_list;
using grammar::parse_file;
using grammar::span;

namespace fs = std::filesystem;

namespace {

constexpr std::string_view flow_extension = ".flow";
constexpr std::string_view stdlib_prefix = "<stdlib>/";

bool ends_with_flow(std::string_view path) {
  return path.size() >= flow_extension.size() && path.substr(path.size() - flow_extension.size()) == flow_extension;
}

std::string format_bytes(std::uint64_t bytes) {
  if (bytes % (1024 * 1024) == 0) return fmt::format("{} MiB", bytes / (1024 * 1024));
  return fmt::format("{} bytes", bytes);
}

// One loading run; the recursion state lives here.
class loader {
 public:
  loader(const file_reader& reader, diagnostic_list& diagnostics, const load_limits& limits)
      : reader_(reader), diagnostics_(diagnostics), limits_(limits) {}

  loaded_program run(std::span<const std::string> roots) {
    for (const auto& path : roots) {
      const auto identity = reader_.identity(path);
      auto index = find(identity);
      if (!index) {
        index = load_file(path, identity, std::nullopt);
        if (index) follow_imports(*index);
      }
      if (!index) continue;
      program_.files[*index].root = true;
      if (std::find(program_.roots.begin(), program_.roots.end(), *index) == program_.roots.end()) {
        program_.roots.push_back(*index);
      }
    }
    return std::move(program_);
  }

 private:
  std::optional<std::size_t> find(const std::string& identity) const {
    const auto it = by_identity_.find(identity);
    if (it == by_identity_.end()) return std::nullopt;
    return it->second;
  }

  // Reads, parses and follows the imports of a (non-standard) file.
  // `import_site` is the span of the import string when it is imported.
  std::optional<std::size_t> load_file(const std::string& display, const std::string& identity,
                                       std::optional<span> import_site) {
    auto result = reader_.read(display, limits_.max_file_bytes);
    if (auto* failure = std::get_if<read_failure>(&result)) {
      report_read_failure(display, *failure, import_site);
      return std::nullopt;
    }
    auto& text = std::get<std::string>(result);
    if (text.size() > limits_.max_file_bytes) {
      report_read_failure(display, {read_failure_kind::too_large, {}, static_cast<std::uint64_t>(text.size())},
                          import_site);
      return std::nullopt;
    }
    return add_file(display, identity, std::move(text), false);
  }

  // Adds and parses a file; its imports are followed by `follow_imports`.
  std::size_t add_file(const std::string& display, const std::string& identity, std::string text, bool from_stdlib) {
    const auto id = program_.sources.add(display, std::move(text));
    const auto index = program_.files.size();
    program_.files.push_back({});
    auto& file = program_.files.back();
    file.source = id;
    file.identity = identity;
    file.from_stdlib = from_stdlib;
    by_identity_.emplace(identity, index);
    file.syntax = parse_file(program_.sources, id, diagnostics_, limits_.parse);
    return index;
  }

  // Loads the imports of `root`, depth-first in source order, with an
  // explicit stack: a chain of thousands of imports cannot overflow the
  // call stack. `stack_` holds the files being loaded, for cycles.
  void follow_imports(std::size_t root) {
    struct frame {
      std::size_t file;
      std::vector<const ast::import_decl*> imports;  // point into the file's AST
      std::size_t next = 0;
    };
    std::vector<frame> frames;
    const auto enter = [&](std::size_t file) {
      std::vector<const ast::import_decl*> imports;
      for (const auto& d : program_.files[file].syntax.declarations) {
        if (const auto* import = std::get_if<ast::import_decl>(&d.node)) imports.push_back(import);
      }
      frames.push_back({file, std::move(imports), 0});
      stack_.push_back(file);
    };
    enter(root);
    while (!frames.empty()) {
      auto& top = frames.back();
      if (top.next == top.imports.size()) {
        frames.pop_back();
        stack_.pop_back();
        continue;
      }
      const auto* import = top.imports[top.next++];
      const auto importer = top.file;
      const auto loaded_before = program_.files.size();
      const auto target = resolve(importer, *import);
      if (!target) continue;
      auto& edges = program_.files[importer].imports;
      if (std::find(edges.begin(), edges.end(), *target) != edges.end()) {
        diagnostics_
            .warning(std::string(codes::duplicate_import), import->path.where,
                     fmt::format("`{}` is imported twice", import->path.value))
            .with_help("remove this import");
        continue;
      }
      edges.push_back(*target);
      if (*target >= loaded_before) enter(*target);
    }
  }

  // The file an import names, loaded if needed; nothing when the import
  // failed (reported here).
  std::optional<std::size_t> resolve(std::size_t importer, const ast::import_decl& import) {
    const auto& path = import.path.value;
    const auto site = import.path.where;
    if (!ends_with_flow(path)) return resolve_module(path, site);

    const auto& importer_file = program_.files[importer];
    if (importer_file.from_stdlib) {
      diagnostics_.error(std::string(codes::cannot_read_file), site,
                         fmt::format("a standard module cannot import the file `{}`", path));
      return std::nullopt;
    }
    const auto& importer_name = program_.sources.file(importer_file.source).name();
    const auto display = (fs::path(importer_name).parent_path() / fs::path(path)).lexically_normal().generic_string();
    const auto identity = reader_.identity(display);
    if (const auto existing = find(identity)) {
      if (!check_cycle(*existing, site)) return std::nullopt;
      return existing;
    }
    return load_file(display, identity, site);
  }

  std::optional<std::size_t> resolve_module(const std::string& name, span site) {
    const auto identity = fmt::format("{}{}.flow", stdlib_prefix, name);
    if (const auto existing = find(identity)) {
      if (!check_cycle(*existing, site)) return std::nullopt;
      return existing;
    }
    const auto module = stdlib::find_module(name);
    if (!module) {
      auto& d = diagnostics_.error(std::string(codes::unknown_module), site,
                                   fmt::format("unknown standard module `{}`", name));
      std::vector<std::string_view> names;
      for (const auto& m : stdlib::embedded_modules()) names.push_back(m.name);
      if (const auto suggestion = closest_match(name, names)) {
        d.with_help(fmt::format("did you mean `{}`?", *suggestion));
      } else {
        d.with_help(
            fmt::format("to import a file, give its path with the `.flow` extension: "
                        "`{}.flow`",
                        name));
      }
      return std::nullopt;
    }
    return add_file(identity, identity, std::string(module->source), true);
  }

  // False (and an error at `site`) when `target` is still being loaded,
  // i.e. importing it closes a cycle.
  bool check_cycle(std::size_t target, span site) {
    const auto at = std::find(stack_.begin(), stack_.end(), target);
    if (at == stack_.end()) return true;
    // Long cycles show their ends: the first and last few files.
    std::string chain;
    const auto length = static_cast<std::size_t>(stack_.end() - at);
    std::size_t position = 0;
    for (auto it = at; it != stack_.end(); ++it, ++position) {
      if (length > 10 && position >= 4 && position < length - 4) {
        if (position == 4) chain += fmt::format("({} more) -> ", length - 8);
        continue;
      }
      chain += fmt::format("`{}` -> ", program_.sources.file(program_.files[*it].source).name());
    }
    chain += fmt::format("`{}`", program_.sources.file(program_.files[target].source).name());
    const auto& name = program_.sources.file(program_.files[target].source).name();
    diagnostics_
        .error(std::string(codes::import_cycle), site, fmt::format("importing `{}` here creates an import cycle", name))
        .with_note(fmt::format("the cycle is {}", chain))
        .with_help("move the shared declarations into a file that both can import");
    return false;
  }

  void report_read_failure(const std::string& display, const read_failure& failure, std::optional<span> import_site) {
    const auto where = import_site.value_or(span{no_file, 0, 0});
    if (failure.kind == read_failure_kind::too_large) {
      diagnostics_.error(std::string(codes::file_too_large), where,
                         fmt::format("file `{}` is too large ({} bytes; the limit is {})", display, failure.size,
                                     format_bytes(limits_.max_file_bytes)));
      return;
    }
    const auto reason = failure.reason.empty() ? std::string("cannot be read") : failure.reason;
    auto& d = diagnostics_.error(std::string(codes::cannot_read_file), where,
                                 fmt::format("cannot read `{}`: {}", display, reason));
    if (failure.kind == read_failure_kind::not_found && import_site) {
      d.with_note("an imported path is relative to the directory of the importing file");
    }
  }

  const file_reader& reader_;
  diagnostic_list& diagnostics_;
  const load_limits& limits_;
  loaded_program program_;
  std::vector<std::size_t> stack_;  // files whose imports are being loaded
  std::map<std::string, std::size_t> by_identity_;
};

}  // namespace

file_reader disk_file_reader() {
  file_reader reader;
  reader.identity = [](const std::string& path) {
    std::error_code ec;
    auto canonical = fs::weakly_canonical(fs::path(path), ec);
    if (ec) return fs::path(path).lexically_normal().generic_string();
    return canonical.generic_string();
  };
  reader.read = [](const std::string& path, std::uint64_t max_bytes) -> read_result {
    std::error_code ec;
    const auto status = fs::status(path, ec);
    if (ec || !fs::exists(status)) {
      return read_failure{read_failure_kind::not_found, "no such file", 0};
    }
    if (fs::is_directory(status)) {
      return read_failure{read_failure_kind::not_a_file, "it is a directory", 0};
    }
    if (!fs::is_regular_file(status)) {
      return read_failure{read_failure_kind::not_a_file, "not a regular file", 0};
    }
    const auto size = fs::file_size(path, ec);
    if (ec) return read_failure{read_failure_kind::unreadable, ec.message(), 0};
    if (size > max_bytes) return read_failure{read_failure_kind::too_large, {}, size};
    std::ifstream in(path, std::ios::binary);
    if (!in) return read_failure{read_failure_kind::unreadable, "permission denied or I/O error", 0};
    std::string text(static_cast<std::size_t>(size), '\0');
    in.read(text.data(), static_cast<std::streamsize>(size));
    if (in.bad()) return read_failure{read_failure_kind::unreadable, "I/O error", 0};
    text.resize(static_cast<std::size_t>(in.gcount()));
    return text;
  };
  return reader;
}

file_reader memory_file_reader(std::map<std::string, std::string> files) {
  std::map<std::string, std::string> normalised;
  for (auto& [path, text] : files) {
    normalised.emplace(fs::path(path).lexically_normal().generic_string(), std::move(text));
  }
  auto shared = std::make_shared<const std::map<std::string, std::string>>(std::move(normalised));
  file_reader reader;
  reader.identity = [](const std::string& path) { return fs::path(path).lexically_normal().generic_string(); };
  reader.read = [shared](const std::string& path, std::uint64_t max_bytes) -> read_result {
    const auto it = shared->find(fs::path(path).lexically_normal().generic_string());
    if (it == shared->end()) return read_failure{read_failure_kind::not_found, "no such file", 0};
    if (it->second.size() > max_bytes) {
      return read_failure{read_failure_kind::too_large, {}, it->second.size()};
    }
    return it->second;
  };
  return reader;
}

loaded_program load_program(std::span<const std::string> roots, const file_reader& reader, diagnostic_list& diagnostics,
                            const load_limits& limits) {
  return loader(reader, diagnostics, limits).run(roots);
}

collected_files collect_flow_files(const std::string& path) {
  collected_files out;
  std::error_code ec;
  if (!fs::is_directory(path, ec)) {
    out.files.push_back(path);
    return out;
  }
  fs::recursive_directory_iterator it(path, fs::directory_options::none, ec);
  const fs::recursive_directory_iterator end;
  for (; !ec && it != end; it.increment(ec)) {
    const auto& entry = *it;
    std::error_code type_ec;
    if (entry.is_regular_file(type_ec) && entry.path().extension() == flow_extension) {
      out.files.push_back(entry.path().generic_string());
    }
  }
  if (ec) out.error = fmt::format("cannot read directory `{}`: {}", path, ec.message());
  std::sort(out.files.begin(), out.files.end());
  return out;
}

}  // namespace afterflow::check
