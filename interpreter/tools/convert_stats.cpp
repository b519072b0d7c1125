#include <filesystem>

#include "interpreter/tools/convert.hpp"

namespace afterflow::tools {

using eventlog::open_input;

void convert_stats::add(std::string_view name, std::uint64_t n) {
  for (auto& [key, count] : counts) {
    if (key == name) {
      count += n;
      return;
    }
  }
  counts.emplace_back(std::string(name), n);
}

std::uint64_t convert_stats::count(std::string_view name) const {
  for (const auto& [key, count] : counts) {
    if (key == name) return count;
  }
  return 0;
}

table_opener directory_tables(std::string directory) {
  return [directory = std::move(directory)](const std::string& name) {
    const auto base = (std::filesystem::path(directory) / name).string();
    for (const auto* suffix : {"", ".xz", ".gz"}) {
      const auto path = base + suffix;
      if (std::filesystem::exists(path)) return open_input(path);
    }
    return open_input(base);  // reports the file as missing
  };
}

}  // namespace afterflow::tools
