// `afterflow fmt`: print, check or rewrite files in the canonical layout.
#include <fmt/format.h>

#include "cli/cli_support.hpp"
#include "cli/command.hpp"
#include "grammar/diagnostic_render.hpp"
#include "grammar/format/formatter.hpp"
#include "grammar/parser.hpp"

namespace afterflow::cli {

using format::format_file;
using grammar::diagnostic_list;
using grammar::parse_file;
using grammar::render_text;
using grammar::source_set;

int run_fmt(std::span<char*> args) {
  CLI::App app{
      "Format flow files in the canonical layout (docs/formatting.md).\n"
      "Prints the formatted text; --check lists files that are not formatted "
      "(exit 1 if any); --write rewrites them in place."};
  std::vector<std::string> paths;
  bool check = false;
  bool write = false;
  color_mode color = color_mode::automatic;
  app.add_option("paths", paths, "files or directories")->required();
  auto* check_flag = app.add_flag("--check", check, "only report files whose layout differs");
  app.add_flag("--write,-w", write, "rewrite files in place")->excludes(check_flag);
  add_color_option(app, color);
  if (auto status = parse_arguments(app, args)) return *status;

  const auto files = expand_flow_paths(paths);
  if (!files) return exit_usage;
  int status = exit_ok;
  for (const auto& path : *files) {
    auto text = read_file(path);
    if (!text) return exit_usage;
    const std::string original = *text;
    source_set sources;
    const auto id = sources.add(path, std::move(*text));
    diagnostic_list diagnostics;
    const auto tree = parse_file(sources, id, diagnostics);
    if (diagnostics.has_errors()) {
      fmt::print(stderr, "{}", render_text(diagnostics, sources, {use_color(color, stderr)}));
      status = exit_failure;
      continue;
    }
    const auto& file = sources.file(id);
    const auto formatted = format_file(tree, file);
    const bool same = formatted == original;  // a byte-order mark or CR LF is a difference
    if (check) {
      if (!same) {
        fmt::print("{}\n", path);
        status = exit_failure;
      }
    } else if (write) {
      if (!same && !write_file(path, formatted)) return exit_failure;
    } else {
      fmt::print("{}", formatted);
    }
  }
  return status;
}

}  // namespace afterflow::cli
