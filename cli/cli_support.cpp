#include "cli/cli_support.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unistd.h>

#include "cli/command.hpp"
#include "interpreter/check/module_loader.hpp"

namespace afterflow::cli {

std::optional<std::vector<std::string>> expand_flow_paths(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const auto& p : paths) {
    auto collected = check::collect_flow_files(p);
    if (!collected.error.empty()) {
      fmt::print(stderr, "error: {}\n", collected.error);
      return std::nullopt;
    }
    files.insert(files.end(), collected.files.begin(), collected.files.end());
  }
  return files;
}

std::optional<std::vector<std::string>> require_flow_files(const std::vector<std::string>& paths) {
  auto files = expand_flow_paths(paths);
  if (files && files->empty()) {
    fmt::print(stderr, "error: no `.flow` files in {}\n", fmt::join(paths, ", "));
    return std::nullopt;
  }
  return files;
}

bool use_color(color_mode mode, std::FILE* stream) {
  if (mode == color_mode::always) return true;
  if (mode == color_mode::never) return false;
  if (const char* no_color = std::getenv("NO_COLOR"); no_color != nullptr && *no_color != '\0') return false;
  if (const char* term = std::getenv("TERM"); term != nullptr && std::string_view(term) == "dumb") return false;
  return isatty(fileno(stream)) != 0;
}

void add_color_option(CLI::App& app, color_mode& mode) {
  app.add_option_function<std::string>(
         "--color",
         [&mode](const std::string& v) {
           mode = v == "always" ? color_mode::always : v == "never" ? color_mode::never : color_mode::automatic;
         },
         "colour output: auto (on a terminal), always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->type_name("WHEN");
}

std::optional<int> parse_arguments(CLI::App& app, std::span<char*> args) {
  try {
    app.parse(static_cast<int>(args.size()), args.data());
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    (void)app.exit(e);
    return exit_usage;
  }
  return std::nullopt;
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    fmt::print(stderr, "error: cannot read `{}`\n", path);
    return std::nullopt;
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

bool write_file(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) {
    fmt::print(stderr, "error: cannot write `{}`\n", path);
    return false;
  }
  return true;
}

}  // namespace afterflow::cli
