// The layout as a test: one folder per stage, linked only forward.
//
// From every source file's include lines, checks that
//   - a stage includes only itself and the stages before it (the table below
//     is the one graph; docs/design/stages.md draws it);
//   - a stage's `internal/` headers are included only by that stage, its own
//     tests (tests/<stage>/) and its own benchmarks (bench/<stage>/);
//   - a public header includes no internal header (what is installed stands
//     alone);
//   - each stage's README lists exactly its public headers, and each header
//     of a stage opens that stage's namespace;
//   - no folder of sources holds more than 25 source files directly;
//   - each stage's CMakeLists links only the stages it may include.
// The rules are plain functions, and a first group of tests shows they fail
// on hand-made violations (a test that cannot fail is a defect).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace afterflow::layout {
namespace {

namespace fs = std::filesystem;

struct stage {
  std::string name;                      ///< as in the namespace: afterflow::<name>
  std::string folder;                    ///< from the repository root
  std::vector<std::string> may_include;  ///< earlier stages (itself implied)
};

// The pipeline, in order. Nothing may include a stage listed after it.
const std::vector<stage>& stages() {
  static const std::vector<stage> all = {
      {"grammar", "grammar", {}},
      {"format", "grammar/format", {"grammar"}},
      {"stdlib", "stdlib", {"grammar"}},
      {"check", "interpreter/check", {"grammar", "format", "stdlib"}},
      {"ir", "interpreter/ir", {"grammar", "stdlib"}},
      {"compile", "interpreter/compile", {"grammar", "stdlib", "check", "ir"}},
      {"runtime", "interpreter/runtime", {"grammar", "stdlib", "ir"}},
      {"eventlog", "interpreter/eventlog", {"grammar", "stdlib", "ir", "runtime"}},
      {"replay", "interpreter/replay", {"grammar", "stdlib", "ir", "runtime", "eventlog"}},
      {"testing",
       "interpreter/testing",
       {"grammar", "stdlib", "check", "ir", "compile", "runtime", "eventlog", "replay"}},
      {"tools", "interpreter/tools", {"grammar", "stdlib", "ir", "runtime", "eventlog"}},
      {"cli",
       "cli",
       {"grammar", "format", "stdlib", "check", "ir", "compile", "runtime", "eventlog", "replay", "testing", "tools"}},
  };
  return all;
}

// The stage a path belongs to (the longest folder that is a prefix), or null.
const stage* stage_of(const std::string& path) {
  const stage* best = nullptr;
  for (const auto& s : stages()) {
    if (path.rfind(s.folder + "/", 0) == 0 && (best == nullptr || s.folder.size() > best->folder.size())) best = &s;
  }
  return best;
}

bool is_internal(const std::string& path) { return path.find("/internal/") != std::string::npos; }

// The stage whose white-box tests or benchmarks live at `path`
// (tests/<stage>/..., bench/<stage>/...), or null.
const stage* white_box_owner(const std::string& path) {
  for (const auto& root : {std::string("tests/"), std::string("bench/")}) {
    if (path.rfind(root, 0) != 0) continue;
    const auto rest = path.substr(root.size());
    const auto slash = rest.find('/');
    if (slash == std::string::npos) return nullptr;
    const auto name = rest.substr(0, slash);
    for (const auto& s : stages()) {
      if (s.name == name) return &s;
    }
  }
  return nullptr;
}

struct include_line {
  std::string file;
  int line = 0;
  std::string target;
};

/// What is wrong with one include, or empty.
std::string check_include(const include_line& inc) {
  const auto* to = stage_of(inc.target);
  if (to == nullptr) return {};  // tests/ helpers, generated files
  const auto* from = stage_of(inc.file);
  const auto where = inc.file + ":" + std::to_string(inc.line) + ": ";
  if (is_internal(inc.target)) {
    const bool own = (from == to) || white_box_owner(inc.file) == to;
    if (!own) return where + "includes `" + inc.target + "`, internal to " + to->name;
    if (from == to && !is_internal(inc.file) && inc.file.ends_with(".hpp")) {
      return where + "public header includes `" + inc.target + "`, internal to " + to->name;
    }
  }
  if (from != nullptr && from != to &&
      std::find(from->may_include.begin(), from->may_include.end(), to->name) == from->may_include.end()) {
    return where + from->name + " includes `" + inc.target + "` of " + to->name + ", which comes after it";
  }
  return {};
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

const fs::path root = AFTERFLOW_SOURCE_DIR;

std::vector<std::string> source_files() {
  std::vector<std::string> out;
  for (const auto* top : {"grammar", "stdlib", "interpreter", "cli", "tests", "bench"}) {
    for (const auto& e : fs::recursive_directory_iterator(root / top)) {
      if (!e.is_regular_file()) continue;
      const auto ext = e.path().extension();
      if (ext == ".cpp" || ext == ".hpp") out.push_back(fs::relative(e.path(), root).generic_string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<include_line> includes_of(const std::string& file) {
  std::vector<include_line> out;
  std::istringstream in(read(root / file));
  std::string text;
  static const std::regex include(R"re(^\s*#\s*include\s*"([^"]+)")re");
  for (int n = 1; std::getline(in, text); ++n) {
    std::smatch m;
    if (std::regex_search(text, m, include)) out.push_back({file, n, m[1]});
  }
  return out;
}

// ---------------------------------------------------------------------------
// The rules fail when they should.

TEST(layout_rules, an_include_of_a_later_stage_is_reported) {
  EXPECT_EQ(check_include({"interpreter/check/checker.cpp", 3, "interpreter/runtime/simulator.hpp"}),
            "interpreter/check/checker.cpp:3: check includes `interpreter/runtime/simulator.hpp` of runtime, which "
            "comes after it");
  EXPECT_NE(check_include({"grammar/ast.hpp", 1, "stdlib/types.hpp"}), "");
  EXPECT_NE(check_include({"interpreter/runtime/simulator.cpp", 1, "interpreter/eventlog/action_writer.hpp"}), "");
  EXPECT_EQ(check_include({"interpreter/eventlog/action_writer.cpp", 1, "interpreter/runtime/action.hpp"}), "");
}

TEST(layout_rules, internal_headers_are_the_stages_own) {
  EXPECT_EQ(check_include({"cli/command_run.cpp", 9, "interpreter/runtime/internal/evaluator.hpp"}),
            "cli/command_run.cpp:9: includes `interpreter/runtime/internal/evaluator.hpp`, internal to runtime");
  EXPECT_NE(check_include({"tests/golden/x.cpp", 1, "grammar/internal/flow_grammar.hpp"}), "");
  EXPECT_NE(check_include({"tests/check/x.cpp", 1, "interpreter/runtime/internal/history.hpp"}), "");
  EXPECT_EQ(check_include({"tests/runtime/x.cpp", 1, "interpreter/runtime/internal/history.hpp"}), "");
  EXPECT_EQ(check_include({"bench/runtime/x.cpp", 1, "interpreter/runtime/internal/evaluator.hpp"}), "");
  EXPECT_EQ(check_include({"interpreter/runtime/internal/a.cpp", 1, "interpreter/runtime/internal/b.hpp"}), "");
  EXPECT_EQ(check_include({"interpreter/runtime/simulator.cpp", 1, "interpreter/runtime/internal/b.hpp"}), "");
  EXPECT_NE(check_include({"interpreter/runtime/simulator.hpp", 1, "interpreter/runtime/internal/b.hpp"}), "");
  // grammar/format is a stage of its own inside grammar/.
  EXPECT_NE(check_include({"grammar/parser.cpp", 1, "grammar/format/internal/format_printer.hpp"}), "");
  EXPECT_NE(check_include({"grammar/parser.cpp", 1, "grammar/format/formatter.hpp"}), "");
}

// ---------------------------------------------------------------------------
// The tree follows them.

TEST(layout, every_include_runs_forward_and_internals_stay_inside) {
  std::vector<std::string> problems;
  std::size_t checked = 0;
  for (const auto& file : source_files()) {
    for (const auto& inc : includes_of(file)) {
      ++checked;
      if (auto p = check_include(inc); !p.empty()) problems.push_back(p);
    }
  }
  EXPECT_GT(checked, 500U);  // the tree was found
  for (const auto& p : problems) ADD_FAILURE() << p;
}

TEST(layout, every_source_file_belongs_to_a_stage_or_to_tests_and_benchmarks) {
  for (const auto& file : source_files()) {
    if (file.rfind("tests/", 0) == 0 || file.rfind("bench/", 0) == 0) continue;
    EXPECT_NE(stage_of(file), nullptr) << file << " is in no stage's folder";
  }
}

TEST(layout, each_header_opens_its_stages_namespace) {
  for (const auto& file : source_files()) {
    const auto* s = stage_of(file);
    if (s == nullptr || !file.ends_with(".hpp")) continue;
    const auto text = read(root / file);
    const auto ns = "namespace afterflow::" + s->name;
    const auto at = text.find(ns);
    EXPECT_TRUE(at != std::string::npos && (text[at + ns.size()] == ' ' || text[at + ns.size()] == ':'))
        << file << " does not open " << ns;
  }
}

TEST(layout, no_folder_holds_more_than_25_source_files) {
  std::map<std::string, int> per_folder;
  for (const auto& file : source_files()) ++per_folder[fs::path(file).parent_path().generic_string()];
  for (const auto& [folder, n] : per_folder) EXPECT_LE(n, 25) << folder;
}

TEST(layout, each_stage_readme_lists_exactly_its_public_headers) {
  for (const auto& s : stages()) {
    const auto readme = root / s.folder / "README.md";
    ASSERT_TRUE(fs::exists(readme)) << s.folder << " has no README.md";
    const auto text = read(readme);
    // The listed headers: "- `<path>`" lines.
    std::set<std::string> listed;
    static const std::regex item(R"(^- `([^`]+\.hpp)`)");
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      std::smatch m;
      if (std::regex_search(line, m, item)) listed.insert(m[1]);
    }
    std::set<std::string> public_headers;
    for (const auto& file : source_files()) {
      if (stage_of(file) == &s && file.ends_with(".hpp") && !is_internal(file)) public_headers.insert(file);
    }
    EXPECT_EQ(listed, public_headers) << s.folder << "/README.md must list its public headers as \"- `path`\"";
  }
}

TEST(layout, each_stage_links_only_the_stages_it_may_include) {
  static const std::regex library(R"(afterflow_(\w+))");
  for (const auto& s : stages()) {
    const auto text = read(root / s.folder / "CMakeLists.txt");
    for (std::sregex_iterator it(text.begin(), text.end(), library), end; it != end; ++it) {
      const std::string name = (*it)[1];
      const bool is_stage =
          std::any_of(stages().begin(), stages().end(), [&](const stage& x) { return x.name == name; });
      if (!is_stage || name == s.name) continue;
      EXPECT_TRUE(std::find(s.may_include.begin(), s.may_include.end(), name) != s.may_include.end())
          << s.folder << "/CMakeLists.txt links afterflow_" << name << ", which comes after " << s.name;
    }
  }
}

}  // namespace
}  // namespace afterflow::layout
