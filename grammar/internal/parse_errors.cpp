#include "grammar/internal/parse_errors.hpp"

#include <array>
#include <cctype>
#include <vector>

#include <fmt/format.h>

#include "grammar/internal/parse_scan.hpp"
#include "grammar/text/edit_distance.hpp"

namespace afterflow::grammar::parsing {

namespace {

constexpr std::array<std::string_view, 9> reserved_words = {"and",   "or",   "not", "in",  "true",
                                                            "false", "null", "if",  "else"};

bool is_reserved(std::string_view word) {
  for (const auto r : reserved_words) {
    if (r == word) return true;
  }
  return false;
}

std::string replace_subject(std::string_view message, std::string_view subject) {
  std::string out(message);
  if (const auto at = out.find("{}"); at != std::string::npos) out.replace(at, 2, subject);
  return out;
}

std::vector<std::string_view> split_words(std::string_view words) {
  std::vector<std::string_view> out;
  while (!words.empty()) {
    const auto space = words.find(' ');
    out.push_back(words.substr(0, space));
    if (space == std::string_view::npos) break;
    words.remove_prefix(space + 1);
  }
  return out;
}

// `closest_match`, also accepting one swap of adjacent letters (`sned`).
std::optional<std::string> suggest(std::string_view word, std::string_view words) {
  const auto candidates = split_words(words);
  if (auto match = closest_match(word, candidates)) return match;
  for (const auto candidate : candidates) {
    if (candidate.size() != word.size() || candidate == word) continue;
    std::size_t i = 0;
    while (candidate[i] == word[i]) ++i;
    if (i + 1 < word.size() && candidate[i] == word[i + 1] && candidate[i + 1] == word[i] &&
        candidate.substr(i + 2) == word.substr(i + 2)) {
      return std::string(candidate);
    }
  }
  return std::nullopt;
}

// A declaration keyword in column 1: most likely the next declaration,
// reached because a bracket before it was never closed.
bool starts_declaration(std::string_view text, const found_token& t) {
  if (t.what != found_token::kind::word || (t.begin > 0 && text[t.begin - 1] != '\n')) return false;
  for (const auto keyword : declaration_keywords) {
    if (keyword == t.text) return true;
  }
  return false;
}

// A hint for tokens that other languages use and afterflow spells otherwise.
std::string_view hint_for(const found_token& t) {
  if (t.text == "=") return "to compare two values, write `==`";
  if (t.text == "&&") return "write `and` for a logical and";
  if (t.text == "||") return "write `or` for a logical or";
  if (t.text == "!") return "write `not` for a negation";
  if (t.text == "'") return "strings are written in double quotes: `\"...\"`";
  if (t.text == ";") return "statements need no `;`; remove it";
  if (t.text == "\xEF\xBB\xBF") return "a byte-order mark is only allowed at the very start of a file; remove it";
  return {};
}

}  // namespace

diagnostic make_syntax_error(const error_text& e, bool name_expected, std::uint32_t offset, const parse_state& st) {
  const auto text = st.text;
  diagnostic d;
  d.code = std::string(e.code);
  d.label = std::string(e.label);
  d.help = std::string(e.help);
  switch (e.span) {
    case error_span::next_token: {
      const auto t = next_token(text, offset);
      d.where = span{st.file, t.begin, t.end};
      std::string subject = t.description;
      if (name_expected && t.what == found_token::kind::word && is_reserved(t.text)) {
        d.code = "E0007";
        subject = fmt::format("reserved word `{}`", t.text);
        d.help =
            "`and`, `or`, `not`, `in`, `true`, `false`, `null`, `if` and `else` are reserved "
            "and cannot be used as names";
      }
      d.message = replace_subject(e.message, subject);
      std::optional<std::string> suggestion;
      if (t.what == found_token::kind::word && !e.suggest.empty()) suggestion = suggest(t.text, e.suggest);
      if (suggestion) {
        d.help = fmt::format("did you mean `{}`?", *suggestion);
      } else if (const auto hint = hint_for(t); !hint.empty()) {
        d.help = std::string(hint);
      }
      if (e.closes && !st.opens.empty() && (t.what == found_token::kind::end_of_input || starts_declaration(text, t))) {
        // At the end of input, or at the next declaration, the question is
        // which bracket was left open.
        d.help.clear();
        const auto open = st.opens.back();
        d.with_note(fmt::format("unclosed `{}`", text.substr(open.begin, open.length())), open);
      }
      break;
    }
    case error_span::literal: {
      const auto begin = st.token_begin != nullptr ? st.offset(st.token_begin) : offset;
      const auto end = std::max(literal_run_end(text, begin), begin + 1);
      d.where = span{st.file, begin, end};
      d.message = replace_subject(e.message, fmt::format("`{}`", text.substr(begin, end - begin)));
      break;
    }
    case error_span::escape: {
      const auto begin = st.escape_begin != nullptr ? st.offset(st.escape_begin) : offset;
      auto end = offset;
      if (begin + 1 < text.size() && text[begin + 1] == 'u') {
        // `\u{...}`: the whole escape as far as it goes.
        end = begin + 2;
        while (end < text.size() && (std::isxdigit(static_cast<unsigned char>(text[end])) != 0 || text[end] == '{')) {
          ++end;
        }
        if (end < text.size() && text[end] == '}') ++end;
      } else if (end < text.size() && text[end] != '\n' && text[end] != '\r' && text[end] != '"') {
        end += static_cast<std::uint32_t>(std::max<std::size_t>(1, utf8_length(text, end)));
      }
      d.where = span{st.file, begin, end};
      d.message = replace_subject(e.message, fmt::format("`{}`", text.substr(begin, end - begin)));
      break;
    }
    case error_span::string_start: {
      const auto begin = st.token_begin != nullptr ? st.offset(st.token_begin) : offset;
      d.where = span{st.file, begin, begin + 1};
      d.message = replace_subject(e.message, "");
      break;
    }
  }
  return d;
}

}  // namespace afterflow::grammar::parsing
