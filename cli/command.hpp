// The `afterflow` subcommands, in one static table (after ninja.cc): the
// table drives `afterflow help` and "unknown command `chek`, did you mean
// `check`?", and each entry's function parses its own options with CLI11.
//
// Exit status, for every command: 0 success, 1 the input has errors (or a
// test failed), 2 usage error (bad options, unreadable arguments).
#pragma once

#include <span>
#include <string_view>

namespace afterflow::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;
inline constexpr int exit_usage = 2;

/// `args[0]` is "afterflow <name>"; the rest are the command's arguments.
using command_function = int (*)(std::span<char*> args);

struct command {
  std::string_view name;
  std::string_view summary;
  command_function run;
};

int run_check(std::span<char*> args);
int run_fmt(std::span<char*> args);
int run_run(std::span<char*> args);
int run_explain(std::span<char*> args);
int run_gen(std::span<char*> args);
int run_convert(std::span<char*> args);
int run_test(std::span<char*> args);

}  // namespace afterflow::cli
