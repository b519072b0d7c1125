// afterflow: post-purchase flows as code, checked and replayed against a
// simulated clock. This file only dispatches to the subcommands.
#include <array>
#include <cstdio>
#include <new>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "cli/command.hpp"
#include "grammar/text/edit_distance.hpp"

namespace afterflow::cli {
namespace {

constexpr std::string_view version = "0.1.0";

int run_help(std::span<char*> args);
int run_version(std::span<char*>) {
  fmt::print("afterflow {}\n", version);
  return exit_ok;
}

constexpr std::array commands{
    command{"check", "check flow files and report every problem", run_check},
    command{"fmt", "print flow files in the canonical layout", run_fmt},
    command{"run", "replay an event log through flows and print the actions", run_run},
    command{"explain", "one customer's timeline in plain words", run_explain},
    command{"gen", "write a generated shop history (benchmark input)", run_gen},
    command{"convert", "turn a real shop export (uci, olist, cdnow) into an event log", run_convert},
    command{"test", "run the `test` blocks of flow files", run_test},
    command{"help", "show this help, or `afterflow help <command>`", run_help},
    command{"version", "print the version", run_version},
};

void print_usage(std::FILE* out) {
  fmt::print(out, "afterflow {}: post-purchase flows as code, replayed on a simulated clock\n\n", version);
  fmt::print(out, "usage: afterflow <command> [options] [arguments]\n\ncommands:\n");
  for (const auto& c : commands) fmt::print(out, "  {:<10} {}\n", c.name, c.summary);
  fmt::print(out, "\nRun `afterflow <command> --help` for a command's options.\n");
}

const command* find_command(std::string_view name) {
  for (const auto& c : commands) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

int run_help(std::span<char*> args) {
  if (args.size() > 1) {
    if (const auto* c = find_command(args[1])) {
      std::string self = fmt::format("afterflow {}", c->name);
      std::array<char*, 2> help_args{self.data(), const_cast<char*>("--help")};
      return c->run(help_args);
    }
  }
  print_usage(stdout);
  return exit_ok;
}

}  // namespace
}  // namespace afterflow::cli

int main(int argc, char** argv) {
  using namespace afterflow::cli;
  if (argc < 2) {
    print_usage(stderr);
    return exit_usage;
  }
  const std::string_view name = argv[1];
  if (name == "--help" || name == "-h") {
    print_usage(stdout);
    return exit_ok;
  }
  if (name == "--version") return run_version({});
  const auto* c = find_command(name);
  if (c == nullptr) {
    std::vector<std::string_view> names;
    for (const auto& each : commands) names.push_back(each.name);
    fmt::print(stderr, "error: unknown command `{}`\n", name);
    if (const auto suggestion = afterflow::grammar::closest_match(name, names)) {
      fmt::print(stderr, "  = help: did you mean `{}`?\n", *suggestion);
    } else {
      fmt::print(stderr, "  = help: run `afterflow help` to list the commands\n");
    }
    return exit_usage;
  }
  // The command sees "afterflow <name>" as its program name.
  std::string program = fmt::format("afterflow {}", c->name);
  std::vector<char*> args{program.data()};
  for (int i = 2; i < argc; ++i) args.push_back(argv[i]);
  try {
    return c->run(args);
  } catch (const std::bad_alloc&) {
    // Inputs are bounded (docs/semantics.md §15), but a machine can still
    // have less memory than a replay of millions of customers needs.
    std::fputs(
        "error: out of memory\n"
        "  = help: replay fewer customers at a time, or give the process more memory\n",
        stderr);
    return exit_failure;
  }
}
