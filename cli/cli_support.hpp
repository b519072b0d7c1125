// Small helpers shared by the subcommands: expanding path arguments into
// `.flow` files, terminal detection, writing files.
#pragma once

#include <cstdio>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "grammar/diagnostic_render.hpp"

namespace afterflow::cli {

/// Expands files and directories into `.flow` files (directories recursively,
/// sorted); an argument that cannot be walked is reported on stderr and
/// makes the result empty.
[[nodiscard]] std::optional<std::vector<std::string>> expand_flow_paths(const std::vector<std::string>& paths);
/// The same, and an error on stderr when no `.flow` file is found at all
/// (for commands that need a program: check, test, run, explain).
[[nodiscard]] std::optional<std::vector<std::string>> require_flow_files(const std::vector<std::string>& paths);

enum class color_mode { automatic, always, never };

/// Whether to colour output written to `stream`: `--color`, then NO_COLOR,
/// then whether it is a terminal.
[[nodiscard]] bool use_color(color_mode mode, std::FILE* stream);

/// Adds `--color auto|always|never` to `app`.
void add_color_option(CLI::App& app, color_mode& mode);

/// Parses a command's arguments; returns an exit status when the command
/// must stop here (help shown: 0, usage error: 2).
[[nodiscard]] std::optional<int> parse_arguments(CLI::App& app, std::span<char*> args);

/// Reads a whole file; nullopt (and a message on stderr) when it cannot.
[[nodiscard]] std::optional<std::string> read_file(const std::string& path);
/// Writes a whole file; false (and a message on stderr) when it cannot.
[[nodiscard]] bool write_file(const std::string& path, const std::string& text);

}  // namespace afterflow::cli
