// `afterflow convert`: turn a real shop export into an afterflow event log.
#include <cstdio>

#include <fmt/format.h>

#include "cli/cli_support.hpp"
#include "cli/command.hpp"
#include "interpreter/tools/convert.hpp"

namespace afterflow::cli {

using grammar::render_text;

int run_convert(std::span<char*> raw) {
  CLI::App app{
      "Convert a public shop dataset into afterflow JSON Lines, sorted by time.\n"
      "  uci    UCI Online Retail: online_retail.csv[.xz]\n"
      "  olist  Olist e-commerce: a directory holding olist_*.csv[.xz]\n"
      "  cdnow  CDNOW cohort: CDNOW_master.txt[.xz]\n"
      "Counts of what was converted and left out (with reasons) go to stderr."};
  std::string dataset;
  std::string input;
  std::string out_path;
  app.add_option("dataset", dataset, "uci, olist or cdnow")
      ->required()
      ->check(CLI::IsMember(std::vector<std::string>(tools::dataset_names.begin(), tools::dataset_names.end())));
  app.add_option("input", input, "the export file (directory for olist; - for stdin)")->required();
  app.add_option("--out,-o", out_path, "write the log here instead of stdout");
  if (auto status = parse_arguments(app, raw)) return *status;

  std::FILE* out = stdout;
  if (!out_path.empty()) out = std::fopen(out_path.c_str(), "wb");
  if (out == nullptr) {
    fmt::print(stderr, "error: cannot write `{}`\n", out_path);
    return exit_usage;
  }
  bool written = true;
  const eventlog::text_sink write = [&](std::string_view chunk) {
    written = written && std::fwrite(chunk.data(), 1, chunk.size(), out) == chunk.size();
  };
  tools::convert_result result;
  if (dataset == "olist") {
    result = tools::convert_olist(tools::directory_tables(input), write);
  } else {
    auto opened = eventlog::open_input(input);
    if (opened.error) {
      fmt::print(stderr, "{}", render_text(*opened.error));
      return exit_failure;
    }
    result = dataset == "uci" ? tools::convert_uci(std::move(opened.source), write)
                              : tools::convert_cdnow(std::move(opened.source), write);
  }
  written = (out == stdout ? std::fflush(out) == 0 : std::fclose(out) == 0) && written;
  for (const auto& [name, n] : result.stats.counts) fmt::print(stderr, "{:>10}  {}\n", n, name);
  if (result.error) {
    fmt::print(stderr, "{}", render_text(*result.error));
    return exit_failure;
  }
  if (!written) {
    fmt::print(stderr, "error: writing the log failed\n");
    return exit_failure;
  }
  return exit_ok;
}

}  // namespace afterflow::cli
