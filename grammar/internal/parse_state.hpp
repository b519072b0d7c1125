// The state threaded through one PEGTL parse (one declaration at a time).
//
// It carries the text (to turn PEGTL's pointers into afterflow spans), the
// builder the actions feed, the nesting counter behind `nested<>`, and two
// markers the error table needs to place its spans: where the current
// literal began (an unterminated string is reported at its opening quote)
// and where the current escape began.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "grammar/internal/parse_builder.hpp"
#include "grammar/internal/parse_failure.hpp"
#include "grammar/parser.hpp"

namespace afterflow::grammar::parsing {

struct parse_state {
  parse_state(std::string_view source_text, file_id source_file, const parse_limits& limits)
      : text(source_text), file(source_file), max_nesting(limits.max_nesting), builder(limits.max_nesting) {}

  /// Leaves one level of `nested<>` when destroyed.
  class nesting_level {
   public:
    explicit nesting_level(parse_state& st) : st_(st) {}
    nesting_level(const nesting_level&) = delete;
    nesting_level& operator=(const nesting_level&) = delete;
    ~nesting_level() {
      --st_.depth;
      st_.opens.pop_back();
    }

   private:
    parse_state& st_;
  };

  /// Enters one level for the opening token [open, open_end); E0005 when
  /// that is one too many.
  [[nodiscard]] nesting_level enter_nesting(const char* open, const char* open_end) {
    const auto where = span_of(open, open_end);
    if (depth >= max_nesting) throw syntax_failure{nesting_too_deep(where, max_nesting)};
    ++depth;
    opens.push_back(where);
    return nesting_level(*this);
  }

  [[nodiscard]] std::uint32_t offset(const char* p) const { return static_cast<std::uint32_t>(p - text.data()); }
  [[nodiscard]] span span_of(const char* begin, const char* end) const { return {file, offset(begin), offset(end)}; }
  template <typename ActionInput>
  [[nodiscard]] span span_of(const ActionInput& in) const {
    return span_of(in.begin(), in.end());
  }

  /// Forgets a declaration abandoned after a syntax error.
  void reset() {
    builder.reset();
    depth = 0;
    opens.clear();
    token_begin = nullptr;
    escape_begin = nullptr;
  }

  std::string_view text;
  file_id file;
  std::size_t max_nesting;
  parse_builder builder;
  std::size_t depth = 0;
  std::vector<span> opens;  ///< opening tokens of the levels entered, innermost last
  const char* token_begin = nullptr;
  const char* escape_begin = nullptr;
};

}  // namespace afterflow::grammar::parsing
