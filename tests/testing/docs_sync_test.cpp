// docs/testing.md shows real files and real output: the C++ example is
// docs_example_test.cpp verbatim, the first test is fixtures/docs/
// review_request.flow verbatim, and the report shown is what the runner
// prints for it today.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>

#include "grammar/diagnostic_render.hpp"
#include "interpreter/testing/test_report.hpp"
#include "tests/testing/test_runner_support.hpp"

namespace afterflow::testing {
namespace {

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

const std::filesystem::path here = source_dir();
const std::filesystem::path doc_path = here.parent_path().parent_path() / "docs" / "testing.md";

TEST(docs_testing_md, shows_the_cpp_example_verbatim) {
  const auto doc = read(doc_path);
  auto example = read(here / "docs_example_test.cpp");
  ASSERT_FALSE(example.empty());
  EXPECT_NE(doc.find("```cpp\n" + example + "```\n"), std::string::npos)
      << "docs/testing.md must show tests/testing/docs_example_test.cpp verbatim";
}

TEST(docs_testing_md, shows_the_first_test_and_its_real_report) {
  const auto doc = read(doc_path);
  const auto flow = read(here / "fixtures" / "docs" / "review_request.flow");
  ASSERT_FALSE(flow.empty());
  EXPECT_NE(doc.find("```\n" + flow + "```\n"), std::string::npos)
      << "docs/testing.md must show tests/testing/fixtures/docs/review_request.flow verbatim";

  const auto loaded = load_source(flow, "review_request.flow");
  ASSERT_FALSE(loaded.diagnostics.has_errors()) << render_text(loaded.diagnostics, loaded.program->sources);
  const auto report = testing::render_text(run_all(*loaded.program), false);
  EXPECT_NE(doc.find("$ afterflow test review_request.flow\n" + report + "```\n"), std::string::npos)
      << "docs/testing.md must show the runner's output for review_request.flow:\n"
      << report;
}

}  // namespace
}  // namespace afterflow::testing
