// Every IANA zone, every UTC offset change from 2020 to 2100, checked
// against an oracle on another code path: glibc's `zdump`, which reads the
// zone files (and their POSIX TZ footers) with glibc's own tz code, not
// date/tz. The zones are found by walking /usr/share/zoneinfo, not through
// date's database. Before the footer was read, 3,260 of these cases were
// wrong after 2037 (New York in August 2038 read as EST).
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "grammar/text/timestamp.hpp"
#include "interpreter/runtime/local_time.hpp"
#include "stdlib/time_zone_names.hpp"

namespace afterflow::runtime {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view zoneinfo = "/usr/share/zoneinfo";

std::vector<std::string> zone_names() {
  std::vector<std::string> out;
  if (!fs::is_directory(zoneinfo)) return out;
  for (const auto& entry : fs::recursive_directory_iterator(zoneinfo)) {
    if (!entry.is_regular_file()) continue;
    const auto name = fs::relative(entry.path(), zoneinfo).generic_string();
    if (!stdlib::is_portable_zone_name(name)) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::array<char, 4> magic{};
    in.read(magic.data(), 4);
    if (std::string_view(magic.data(), 4) == "TZif") out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string run(const std::string& command) {
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), &pclose);
  if (!pipe) return {};
  std::string out;
  std::array<char, 4096> buffer{};
  while (const auto n = std::fread(buffer.data(), 1, buffer.size(), pipe.get())) out.append(buffer.data(), n);
  return out;
}

int month_number(std::string_view m) {
  constexpr std::array<std::string_view, 12> months{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  for (std::size_t i = 0; i < months.size(); ++i) {
    if (months[i] == m) return static_cast<int>(i) + 1;
  }
  return 0;
}

TEST(zone_oracle, every_offset_change_2020_to_2100_agrees_with_glibc) {
  if (run("command -v zdump").empty()) GTEST_SKIP() << "zdump (glibc's libc-bin) is not installed";
  const auto names = zone_names();
  if (names.empty()) GTEST_SKIP() << "no zone files in " << zoneinfo;
  zone_cache zones;
  std::size_t cases = 0;
  std::size_t after_2037 = 0;
  std::size_t disagreements = 0;
  std::vector<std::string> wrong;
  for (const auto& name : names) {
    const auto* zone = zones.find(name);
    if (zone == nullptr) {
      wrong.push_back(name + ": not found");
      continue;
    }
    const auto out = run("zdump -v -c 2020,2101 '" + name + "'");
    std::size_t at = 0;
    while (at < out.size()) {
      const auto end = out.find('\n', at);
      const std::string line = out.substr(at, end - at);
      at = end == std::string::npos ? out.size() : end + 1;
      // "Zone  Sun Mar 31 00:59:59 2024 UT = Sat Mar 30 22:59:59 2024 -02 isdst=0 gmtoff=-7200"
      char weekday[4] = {}, month[4] = {};
      int day = 0, h = 0, m = 0, s = 0, year = 0;
      const auto fields = line.substr(name.size());
      if (std::sscanf(fields.c_str(), " %3s %3s %d %d:%d:%d %d UT", weekday, month, &day, &h, &m, &s, &year) != 7)
        continue;  // the NULL lines for the ends of time
      const auto g = line.rfind("gmtoff=");
      ASSERT_NE(g, std::string::npos) << line;
      const long expected = std::stol(line.substr(g + 7));
      const auto text = fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", year, month_number(month), day, h, m, s);
      const auto t = grammar::parse_timestamp(text);
      ASSERT_TRUE(t) << line;
      ++cases;
      if (year > 2037) ++after_2037;
      const auto actual = std::chrono::duration_cast<std::chrono::seconds>(utc_offset(zone, *t)).count();
      if (actual != expected) ++disagreements;
      if (actual != expected && wrong.size() < 30) {
        wrong.push_back(fmt::format("{} at {}: {} s, zdump says {} s", name, text, actual, expected));
      }
    }
  }
  EXPECT_GT(names.size(), 400U);
  EXPECT_GT(cases, 60'000U);
  EXPECT_GT(after_2037, 20'000U) << "of " << cases;
  std::string shown;
  for (const auto& w : wrong) shown += w + "\n";
  EXPECT_TRUE(wrong.empty()) << disagreements << " of " << cases << " cases disagree, the first:\n" << shown;
}

}  // namespace
}  // namespace afterflow::runtime
