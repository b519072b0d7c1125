#include "interpreter/check/module_loader.hpp"

#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "grammar/diagnostic_render.hpp"
#include "interpreter/check/check_codes.hpp"

namespace afterflow::check {

using grammar::diagnostic_list;
using grammar::render_text;
using grammar::severity;

namespace {

struct load_run {
  loaded_program program;
  diagnostic_list diagnostics;

  [[nodiscard]] std::vector<std::string> names() const {
    std::vector<std::string> out;
    for (const auto& f : program.files) out.push_back(program.sources.file(f.source).name());
    return out;
  }
  [[nodiscard]] std::string rendered() const { return render_text(diagnostics, program.sources); }
};

load_run load(std::map<std::string, std::string> files, std::vector<std::string> roots,
              const load_limits& limits = {}) {
  load_run run;
  run.program = load_program(roots, memory_file_reader(std::move(files)), run.diagnostics, limits);
  return run;
}

TEST(module_loader, follows_relative_imports_once_each) {
  const auto run = load(
      {
          {"flows/a.flow", "import \"lib/common.flow\"\nimport \"b.flow\"\n"},
          {"flows/b.flow", "import \"lib/common.flow\"\n"},
          {"flows/lib/common.flow", "import \"../b2.flow\"\n"},
          {"flows/b2.flow", ""},
      },
      {"flows/a.flow"});
  EXPECT_TRUE(run.diagnostics.empty()) << run.rendered();
  EXPECT_EQ(run.names(),
            (std::vector<std::string>{"flows/a.flow", "flows/lib/common.flow", "flows/b2.flow", "flows/b.flow"}));
  ASSERT_EQ(run.program.files.size(), 4U);
  EXPECT_EQ(run.program.files[0].imports, (std::vector<std::size_t>{1, 3}));
  EXPECT_EQ(run.program.files[1].imports, (std::vector<std::size_t>{2}));
  EXPECT_EQ(run.program.files[3].imports, (std::vector<std::size_t>{1}));
  EXPECT_EQ(run.program.roots, (std::vector<std::size_t>{0}));
  EXPECT_TRUE(run.program.files[0].root);
  EXPECT_FALSE(run.program.files[1].root);
}

TEST(module_loader, roots_keep_their_order_and_duplicates_collapse) {
  const auto run = load({{"a.flow", "import \"b.flow\""}, {"b.flow", ""}, {"c.flow", ""}},
                        {"c.flow", "a.flow", "./c.flow", "b.flow"});
  EXPECT_TRUE(run.diagnostics.empty()) << run.rendered();
  EXPECT_EQ(run.names(), (std::vector<std::string>{"c.flow", "a.flow", "b.flow"}));
  EXPECT_EQ(run.program.roots, (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_TRUE(run.program.files[2].root);
}

TEST(module_loader, standard_modules_are_embedded) {
  const auto run =
      load({{"a.flow", "import \"ecommerce\"\n"}, {"b.flow", "import \"ecommerce\""}}, {"a.flow", "b.flow"});
  EXPECT_TRUE(run.diagnostics.empty()) << run.rendered();
  ASSERT_EQ(run.names(), (std::vector<std::string>{"a.flow", "<stdlib>/ecommerce.flow", "b.flow"}));
  EXPECT_TRUE(run.program.files[1].from_stdlib);
  EXPECT_EQ(run.program.files[1].identity, "<stdlib>/ecommerce.flow");
  EXPECT_EQ(run.program.files[2].imports, (std::vector<std::size_t>{1}));
  EXPECT_FALSE(run.program.files[1].syntax.declarations.empty());
}

TEST(module_loader, unknown_module_suggests_a_close_name) {
  const auto run = load({{"a.flow", "import \"ecomerce\"\n"}}, {"a.flow"});
  EXPECT_EQ(run.rendered(),
            "error[E0102]: unknown standard module `ecomerce`\n"
            " --> a.flow:1:8\n"
            "  |\n"
            "1 | import \"ecomerce\"\n"
            "  |        ^^^^^^^^^^\n"
            "  = help: did you mean `ecommerce`?\n"
            "\n"
            "error: 1 error emitted\n");
}

TEST(module_loader, module_name_without_extension_hints_at_files) {
  const auto run = load({{"a.flow", "import \"common\"\n"}}, {"a.flow"});
  ASSERT_EQ(run.diagnostics.items().size(), 1U);
  EXPECT_EQ(run.diagnostics.items()[0].help,
            "to import a file, give its path with the `.flow` extension: `common.flow`");
}

TEST(module_loader, missing_import_points_at_the_import) {
  const auto run = load({{"dir/a.flow", "import \"missing.flow\"\n"}}, {"dir/a.flow"});
  EXPECT_EQ(run.rendered(),
            "error[E0100]: cannot read `dir/missing.flow`: no such file\n"
            " --> dir/a.flow:1:8\n"
            "  |\n"
            "1 | import \"missing.flow\"\n"
            "  |        ^^^^^^^^^^^^^^\n"
            "  = note: an imported path is relative to the directory of the importing file\n"
            "\n"
            "error: 1 error emitted\n");
}

TEST(module_loader, missing_root_has_no_location) {
  const auto run = load({}, {"nope.flow"});
  ASSERT_EQ(run.diagnostics.items().size(), 1U);
  const auto& d = run.diagnostics.items()[0];
  EXPECT_EQ(d.code, codes::cannot_read_file);
  EXPECT_EQ(d.message, "cannot read `nope.flow`: no such file");
  EXPECT_EQ(d.source_span()->file, no_file);
  EXPECT_TRUE(run.program.files.empty());
  EXPECT_EQ(run.rendered(),
            "error[E0100]: cannot read `nope.flow`: no such file\n\n"
            "error: 1 error emitted\n");
}

TEST(module_loader, cycle_is_reported_at_the_closing_import) {
  const auto run = load(
      {
          {"a.flow", "import \"b.flow\"\n"},
          {"b.flow", "import \"c.flow\"\n"},
          {"c.flow", "import \"a.flow\"\n"},
      },
      {"a.flow"});
  EXPECT_EQ(run.rendered(),
            "error[E0103]: importing `a.flow` here creates an import cycle\n"
            " --> c.flow:1:8\n"
            "  |\n"
            "1 | import \"a.flow\"\n"
            "  |        ^^^^^^^^\n"
            "  = note: the cycle is `a.flow` -> `b.flow` -> `c.flow` -> `a.flow`\n"
            "  = help: move the shared declarations into a file that both can import\n"
            "\n"
            "error: 1 error emitted\n");
  EXPECT_TRUE(run.program.files[2].imports.empty());
}

TEST(module_loader, self_import_is_a_cycle) {
  const auto run = load({{"a.flow", "import \"./a.flow\"\n"}}, {"a.flow"});
  ASSERT_EQ(run.diagnostics.items().size(), 1U);
  EXPECT_EQ(run.diagnostics.items()[0].code, codes::import_cycle);
  EXPECT_EQ(run.diagnostics.items()[0].notes[0].message, "the cycle is `a.flow` -> `a.flow`");
}

TEST(module_loader, a_diamond_is_not_a_cycle) {
  const auto run = load(
      {
          {"a.flow", "import \"b.flow\"\nimport \"c.flow\"\n"},
          {"b.flow", "import \"d.flow\"\n"},
          {"c.flow", "import \"d.flow\"\n"},
          {"d.flow", ""},
      },
      {"a.flow"});
  EXPECT_TRUE(run.diagnostics.empty()) << run.rendered();
  EXPECT_EQ(run.program.files.size(), 4U);
}

TEST(module_loader, long_import_chains_do_not_recurse) {
  std::map<std::string, std::string> files;
  constexpr int n = 5000;
  for (int i = 0; i < n; ++i) {
    files["f" + std::to_string(i) + ".flow"] = "import \"f" + std::to_string(i + 1) + ".flow\"\n";
  }
  files["f" + std::to_string(n) + ".flow"] = "import \"f0.flow\"\n";
  const auto run = load(std::move(files), {"f0.flow"});
  EXPECT_EQ(run.program.files.size(), static_cast<std::size_t>(n + 1));
  ASSERT_EQ(run.diagnostics.items().size(), 1U);
  EXPECT_EQ(run.diagnostics.items()[0].code, codes::import_cycle);
  EXPECT_EQ(run.diagnostics.items()[0].notes[0].message,
            "the cycle is `f0.flow` -> `f1.flow` -> `f2.flow` -> `f3.flow` -> (4993 more) -> "
            "`f4997.flow` -> `f4998.flow` -> `f4999.flow` -> `f5000.flow` -> `f0.flow`");
}

TEST(module_loader, duplicate_import_is_a_warning) {
  const auto run = load({{"a.flow", "import \"b.flow\"\nimport \"./b.flow\"\n"}, {"b.flow", ""}}, {"a.flow"});
  ASSERT_EQ(run.diagnostics.items().size(), 1U);
  EXPECT_EQ(run.diagnostics.items()[0].code, codes::duplicate_import);
  EXPECT_EQ(run.diagnostics.items()[0].level, severity::warning);
  EXPECT_EQ(run.program.files[0].imports.size(), 1U);
}

TEST(module_loader, oversized_files_are_errors) {
  load_limits limits;
  limits.max_file_bytes = 16;
  const auto run = load({{"a.flow", "import \"b.flow\""}, {"b.flow", std::string(17, '#')}}, {"a.flow"}, limits);
  ASSERT_EQ(run.diagnostics.items().size(), 1U);
  EXPECT_EQ(run.diagnostics.items()[0].code, codes::file_too_large);
  EXPECT_EQ(run.diagnostics.items()[0].message, "file `b.flow` is too large (17 bytes; the limit is 16 bytes)");
}

TEST(module_loader, syntax_errors_still_load_the_rest) {
  const auto run = load({{"a.flow", "import \"b.flow\"\nconst = \n"}, {"b.flow", "const x = 1\n"}}, {"a.flow"});
  EXPECT_TRUE(run.diagnostics.has_errors());
  EXPECT_EQ(run.program.files.size(), 2U);
  EXPECT_EQ(run.program.files[1].syntax.declarations.size(), 1U);
}

class disk_files : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = std::filesystem::temp_directory_path() /
            ("afterflow_loader_test_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(root_);
    std::filesystem::create_directories(root_ / "sub" / "deeper");
    write("b.flow", "import \"sub/c.flow\"\n");
    write("a.flow", "import \"b.flow\"\n");
    write("notes.txt", "not a flow");
    write("sub/c.flow", "");
    write("sub/deeper/d.flow", "");
  }
  void TearDown() override { std::filesystem::remove_all(root_); }
  void write(const std::string& path, const std::string& text) {
    std::ofstream(root_ / path, std::ios::binary) << text;
  }
  std::filesystem::path root_;
};

TEST_F(disk_files, collect_walks_directories_in_sorted_order) {
  const auto collected = collect_flow_files(root_.string());
  EXPECT_TRUE(collected.error.empty());
  const auto base = root_.generic_string();
  EXPECT_EQ(collected.files, (std::vector<std::string>{base + "/a.flow", base + "/b.flow", base + "/sub/c.flow",
                                                       base + "/sub/deeper/d.flow"}));
  const auto single = collect_flow_files((root_ / "notes.txt").string());
  EXPECT_EQ(single.files.size(), 1U);
}

TEST_F(disk_files, disk_reader_loads_and_identifies_files) {
  diagnostic_list diagnostics;
  const std::vector<std::string> roots{(root_ / "a.flow").string(), (root_ / "sub" / ".." / "b.flow").string(),
                                       (root_ / "sub").string()};
  const auto program = load_program(roots, disk_file_reader(), diagnostics);
  ASSERT_EQ(program.files.size(), 3U);
  EXPECT_EQ(program.roots, (std::vector<std::size_t>{0, 1}));
  ASSERT_EQ(diagnostics.items().size(), 1U);
  EXPECT_EQ(diagnostics.items()[0].message, "cannot read `" + (root_ / "sub").string() + "`: it is a directory");
}

}  // namespace
}  // namespace afterflow::check
