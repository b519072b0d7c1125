// `afterflow test`: run the `test` blocks of flow files (docs/testing.md).
#include <fmt/format.h>

#include "cli/cli_support.hpp"
#include "cli/command.hpp"
#include "grammar/diagnostic_render.hpp"
#include "interpreter/check/checker.hpp"
#include "interpreter/testing/test_report.hpp"
#include "interpreter/testing/test_runner.hpp"
#include "interpreter/testing/test_selection.hpp"

namespace afterflow::cli {

using grammar::diagnostic_list;
using grammar::render_text;
using ir::program;
using testing::render_text;
using testing::run_test;

int run_test(std::span<char*> args) {
  CLI::App app{
      "Run the `test` blocks of flow files, each in a fresh simulator with the flows\n"
      "its file can see. Prints one line per test and, last, `N passed, N failed`.\n"
      "Exit status: 0 all passed, 1 a test failed or the flows have errors, 2 usage."};
  std::vector<std::string> paths;
  std::vector<std::string> filters;
  std::string format = "text";
  std::string junit;
  color_mode color = color_mode::automatic;
  app.add_option("paths", paths, "files or directories (default: the current directory)");
  app.add_option("--filter,-k", filters,
                 "run only tests whose name contains PATTERN, or matches it as a glob (`*`, `?`, `[…]`); "
                 "repeat for several")
      ->type_name("PATTERN");
  app.add_option("--format", format, "text or json")->check(CLI::IsMember({"text", "json"}));
  app.add_option("--junit", junit, "also write the results as JUnit XML to FILE")->type_name("FILE");
  add_color_option(app, color);
  if (auto status = parse_arguments(app, args)) return *status;

  if (paths.empty()) paths.emplace_back(".");
  const auto files = require_flow_files(paths);
  if (!files) return exit_usage;

  diagnostic_list diagnostics;
  const auto program = check::load_and_check(*files, check::disk_file_reader(), diagnostics);
  diagnostics.sort();
  fmt::print(stderr, "{}", render_text(diagnostics, program.sources, {use_color(color, stderr)}));
  if (diagnostics.has_errors()) return exit_failure;

  const auto selected = testing::select_tests(program, filters);
  if (selected.empty()) {
    if (filters.empty()) {
      fmt::print(stderr, "note: no `test` blocks in {}\n", fmt::join(paths, ", "));
    } else {
      fmt::print(stderr, "note: no test name matches {}\n", fmt::join(filters, " or "));
    }
  }

  const bool text = format == "text";
  const bool colored = text && use_color(color, stdout);
  std::size_t width = 0;
  for (const auto t : selected) {
    const auto& test = program.tests[t];
    const auto& file = program.sources.file(test.decl->name.where.file);
    width = std::max(width, fmt::formatted_size("{}:{}", file.name(), file.position(test.decl->name.where.begin).line));
  }
  std::vector<testing::test_result> results;
  results.reserve(selected.size());
  for (const auto t : selected) {
    results.push_back(testing::run_test(program, t));
    if (text) {
      fmt::print("{}{}", testing::render_test_line(results.back(), width, colored),
                 testing::render_failure_details(results.back(), colored));
      std::fflush(stdout);
    }
  }
  if (text) {
    if (!results.empty()) fmt::print("\n");
    fmt::print("{}", testing::render_summary(results, colored));
  } else {
    fmt::print("{}", testing::render_json(results));
  }
  if (!junit.empty() && !write_file(junit, testing::render_junit(results))) return exit_usage;
  return testing::count_results(results).failed > 0 ? exit_failure : exit_ok;
}

}  // namespace afterflow::cli
