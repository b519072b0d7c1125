// `afterflow check`: load, parse and check flow files; print every problem.
#include <fmt/format.h>

#include "cli/cli_support.hpp"
#include "cli/code_catalog.hpp"
#include "cli/command.hpp"
#include "grammar/diagnostic_render.hpp"
#include "interpreter/check/checker.hpp"

namespace afterflow::cli {

using grammar::diagnostic_list;
using grammar::render_json;
using grammar::render_text;

namespace {

int explain_code(const std::string& code) {
  const auto info = find_code(code);
  if (!info) {
    fmt::print(stderr, "error: no diagnostic has the code `{}`\n", code);
    return exit_usage;
  }
  fmt::print("{}: {}\n\n{}\n", info->code, info->title, info->explanation);
  return exit_ok;
}

}  // namespace

int run_check(std::span<char*> args) {
  CLI::App app{
      "Check flow files: syntax, names, types and every static rule.\n"
      "Prints all problems found, rustc-style. Exit status: 0 clean, 1 errors "
      "(or warnings with --werror), 2 usage."};
  std::vector<std::string> paths;
  std::string format = "text";
  bool werror = false;
  std::string explain;
  color_mode color = color_mode::automatic;
  app.add_option("paths", paths, "files or directories (default: the current directory)");
  app.add_option("--format", format, "text or json")->check(CLI::IsMember({"text", "json"}));
  app.add_flag("--werror", werror, "treat warnings as errors");
  app.add_option("--explain", explain, "print the explanation of a diagnostic code, e.g. E0202");
  add_color_option(app, color);
  if (auto status = parse_arguments(app, args)) return *status;
  if (!explain.empty()) return explain_code(explain);

  if (paths.empty()) paths.emplace_back(".");
  const auto files = require_flow_files(paths);
  if (!files) return exit_usage;

  diagnostic_list diagnostics;
  const auto program = check::load_and_check(*files, check::disk_file_reader(), diagnostics);
  diagnostics.sort();
  const bool failed = diagnostics.has_errors() || (werror && diagnostics.warning_count() > 0);
  if (format == "json") {
    fmt::print("{}", render_json(diagnostics, program.sources));
  } else {
    fmt::print(stderr, "{}", render_text(diagnostics, program.sources, {use_color(color, stderr)}));
    if (!failed) {
      fmt::print("checked {} file{}: {} flow{}, {} test{}{}\n", files->size(), files->size() == 1 ? "" : "s",
                 program.flows.size(), program.flows.size() == 1 ? "" : "s", program.tests.size(),
                 program.tests.size() == 1 ? "" : "s", diagnostics.warning_count() > 0 ? "" : ", no problems");
    }
  }
  return failed ? exit_failure : exit_ok;
}

}  // namespace afterflow::cli
