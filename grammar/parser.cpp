#include "grammar/parser.hpp"

#include <fmt/format.h>

#include <tao/pegtl.hpp>

#include "grammar/internal/flow_grammar.hpp"
#include "grammar/internal/parse_actions.hpp"
#include "grammar/internal/parse_errors.hpp"
#include "grammar/internal/parse_scan.hpp"
#include "grammar/internal/parse_state.hpp"

namespace afterflow::grammar {

namespace {

namespace pegtl = tao::pegtl;

// Positions are only ever turned into byte offsets, so PEGTL need not count
// lines as it goes.
using input = pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf, const char*>;

input input_from(std::string_view text, std::uint32_t at) {
  return input(text.data() + at, text.data() + text.size(), "");
}

// Blanks and comments from `at`; returns the offset after them.
std::uint32_t skip_separators(const parsing::parse_state& st, std::uint32_t at) {
  auto in = input_from(st.text, at);
  (void)pegtl::parse<flow_grammar::sep>(in);
  return st.offset(in.current());
}

void report_bad_byte(diagnostic_list& diagnostics, file_id file, const parsing::bad_byte& bad) {
  auto& d = diagnostics.error("E0006", span{file, bad.offset, bad.offset + bad.length},
                              fmt::format("{} in source file", bad.description));
  d.with_label("source files must be UTF-8 text");
  if (bad.more > 0) d.with_note(fmt::format("{} more byte{} like it follow", bad.more, bad.more == 1 ? "" : "s"));
  d.with_help("is this a binary file, or saved in another encoding? save it as UTF-8");
}

}  // namespace

ast::file parse_file(const source_set& sources, file_id file, diagnostic_list& diagnostics,
                     const parse_limits& limits) {
  ast::file result;
  result.id = file;
  const auto text = sources.file(file).text();

  if (text.size() > limits.max_file_bytes) {
    diagnostics
        .error("E0008", span{file, 0, 0},
               fmt::format("file too large: {} bytes, the limit is {} bytes", text.size(), limits.max_file_bytes))
        .with_help("split the declarations over several files and `import` them");
    return result;
  }
  if (const auto bad = parsing::find_bad_byte(text)) {
    report_bad_byte(diagnostics, file, *bad);
    return result;
  }
  result.comments = parsing::collect_comments(text, file);

  // One declaration at a time: a syntax error abandons only the declaration
  // it is in, and parsing resumes at the next one (see parser.hpp).
  parsing::parse_state st(text, file, limits);
  std::size_t errors = 0;
  auto at = skip_separators(st, 0);
  while (at < text.size()) {
    auto in = input_from(text, at);
    try {
      (void)pegtl::parse<flow_grammar::next_declaration, parsing::action, parsing::control>(in, st);
      result.declarations.push_back(st.builder.take_declaration());
      at = st.offset(in.current());
    } catch (parsing::syntax_failure& failure) {
      const auto error_at = failure.error.source_span()->begin;
      diagnostics.add(std::move(failure.error));
      st.reset();
      if (++errors >= limits.max_errors) break;
      const auto resume = parsing::recovery_point(text, at, error_at);
      if (!resume) break;
      at = *resume;
    }
  }
  return result;
}

}  // namespace afterflow::grammar
