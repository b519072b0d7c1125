// `afterflow gen`: write a generated shop history (the benchmark input).
#include <cstdio>

#include <fmt/format.h>

#include "cli/cli_support.hpp"
#include "cli/command.hpp"
#include "grammar/text/timestamp.hpp"
#include "interpreter/tools/log_generator.hpp"

namespace afterflow::cli {

using grammar::parse_timestamp;

int run_gen(std::span<char*> raw) {
  CLI::App app{
      "Write a generated shop history as afterflow JSON Lines: customers with orders,\n"
      "payments, shipments, deliveries, returns, reviews, NPS and support tickets.\n"
      "The same options always give the same bytes."};
  tools::log_generator_options options;
  std::string start = "2026-01-01T00:00:00Z";
  std::string out_path;
  std::string profiles_path;
  app.add_option("--customers,-n", options.customers, "number of customers")->default_val(1000);
  app.add_option("--seed", options.seed, "generator seed")->default_val(1);
  app.add_option("--start", start, "first day (RFC 3339)")->default_val(start);
  app.add_option("--days", options.days, "days over which orders are placed")->default_val(365);
  app.add_option("--out,-o", out_path, "write the log here instead of stdout");
  app.add_option("--profiles", profiles_path, "also write a matching profiles file");
  if (auto status = parse_arguments(app, raw)) return *status;
  const auto t = parse_timestamp(start);
  if (!t) {
    fmt::print(stderr, "error: `--start {}` is not an RFC 3339 instant\n", start);
    return exit_usage;
  }
  options.start = *t;

  const auto write_to = [](const std::string& path, auto&& produce) {
    std::FILE* out = stdout;
    if (!path.empty()) out = std::fopen(path.c_str(), "wb");
    if (out == nullptr) {
      fmt::print(stderr, "error: cannot write `{}`\n", path);
      return false;
    }
    bool ok = true;
    produce(
        [&](std::string_view chunk) { ok = ok && std::fwrite(chunk.data(), 1, chunk.size(), out) == chunk.size(); });
    if (out != stdout) ok = std::fclose(out) == 0 && ok;
    else ok = std::fflush(out) == 0 && ok;
    if (!ok) fmt::print(stderr, "error: writing `{}` failed\n", path.empty() ? "<stdout>" : path);
    return ok;
  };
  if (!write_to(out_path, [&](const auto& sink) { (void)tools::generate_log(options, sink); })) return exit_failure;
  if (!profiles_path.empty() &&
      !write_to(profiles_path, [&](const auto& sink) { tools::generate_profiles(options, sink); })) {
    return exit_failure;
  }
  return exit_ok;
}

}  // namespace afterflow::cli
