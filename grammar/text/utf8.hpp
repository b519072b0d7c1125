// UTF-8, decided in one place: what a valid sequence is (no overlong forms,
// no surrogates, nothing above U+10FFFF). Used by the parser, the JSON
// writer, the event log reader and its error excerpts.
#pragma once

#include <cstddef>
#include <string_view>

namespace afterflow::grammar {

/// The length of the valid UTF-8 sequence starting at `s[i]` (1 for ASCII),
/// or 0 when the bytes there are not valid UTF-8. `i` must be < s.size().
[[nodiscard]] constexpr std::size_t utf8_length(std::string_view s, std::size_t i) {
  const auto b = static_cast<unsigned char>(s[i]);
  if (b < 0x80) return 1;
  std::size_t n = 0;
  unsigned min = 0;
  unsigned cp = 0;
  if ((b & 0xE0) == 0xC0) n = 2, min = 0x80, cp = b & 0x1FU;
  else if ((b & 0xF0) == 0xE0) n = 3, min = 0x800, cp = b & 0x0FU;
  else if ((b & 0xF8) == 0xF0) n = 4, min = 0x10000, cp = b & 0x07U;
  else return 0;
  if (i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(s[i + k]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (c & 0x3FU);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

}  // namespace afterflow::grammar
