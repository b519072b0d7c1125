// The documentation cannot drift from the code: every diagnostic code and
// every built-in function is documented in docs/language.md.
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "cli/code_catalog.hpp"
#include "stdlib/builtins.hpp"

namespace afterflow::cli {
namespace {

const std::string language_md = std::string(AFTERFLOW_SOURCE_DIR) + "/docs/language.md";

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(docs, error_code_reference_is_generated_from_the_code_tables) {
  auto text = read(language_md);
  const auto begin = text.find(code_reference_begin);
  const auto end = text.find(code_reference_end);
  ASSERT_NE(begin, std::string::npos) << "missing marker in docs/language.md";
  ASSERT_NE(end, std::string::npos) << "missing marker in docs/language.md";
  const auto from = begin + code_reference_begin.size() + 1;
  const auto expected = "\n" + render_code_reference() + "\n";
  const auto actual = text.substr(from - 1, end - from + 1);
  const char* update = std::getenv("AFTERFLOW_UPDATE_GOLDEN");
  if (update != nullptr && std::string_view(update) == "1") {
    text.replace(from - 1, end - from + 1, expected);
    std::ofstream(language_md, std::ios::binary | std::ios::trunc) << text;
    return;
  }
  EXPECT_EQ(actual, expected)
      << "docs/language.md's error codes are stale: run AFTERFLOW_UPDATE_GOLDEN=1 ctest -R docs\\.";
}

TEST(docs, every_code_is_unique) {
  const auto codes = all_codes();
  for (std::size_t i = 1; i < codes.size(); ++i) EXPECT_NE(codes[i - 1].code, codes[i].code);
  EXPECT_GE(codes.size(), 80u);
}

TEST(docs, every_builtin_is_documented) {
  const auto text = read(language_md);
  for (const auto& b : stdlib::builtins()) {
    EXPECT_NE(text.find(std::string("`") + std::string(b.name) + "("), std::string::npos)
        << "docs/language.md does not document `" << b.name << "`";
  }
}

// The README's GoogleTest example is the one the suite compiles and runs.
TEST(docs, readme_shows_the_compiled_cpp_example) {
  const auto readme = read(std::string(AFTERFLOW_SOURCE_DIR) + "/README.md");
  auto example = read(std::string(AFTERFLOW_SOURCE_DIR) + "/tests/testing/docs_example_test.cpp");
  example = example.substr(example.find("#include <gmock/gmock.h>"));
  EXPECT_NE(readme.find(example), std::string::npos)
      << "README.md must show tests/testing/docs_example_test.cpp verbatim (from its first #include)";
}

}  // namespace
}  // namespace afterflow::cli
