// Small byte scans for the JSON hot path (internal to the readers).
//
// Keys and short strings are a dozen bytes: a call to memchr costs more than
// the scan. These read whole 16-byte (SSE2) or 8-byte blocks, so up to 15
// bytes past `end` must be readable — the line buffer guarantees 64 bytes
// of padding after every line. Long runs go to memchr, which is faster there.
#pragma once

#include <bit>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace afterflow::eventlog::json_input {

/// The first `"` or `\` in [p, end), or `end`.
inline const char* find_quote_or_backslash(const char* p, const char* end) {
#if defined(__SSE2__)
  const __m128i quote = _mm_set1_epi8('"');
  const __m128i slash = _mm_set1_epi8('\\');
  for (; p < end; p += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
    const auto hits = static_cast<unsigned>(
        _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(block, quote), _mm_cmpeq_epi8(block, slash))));
    if (hits != 0) {
      const char* hit = p + std::countr_zero(hits);
      return hit < end ? hit : end;
    }
  }
  return end;
#else
  static_assert(std::endian::native == std::endian::little, "the word scan assumes little endian");
  constexpr std::uint64_t ones = 0x0101010101010101ULL;
  constexpr std::uint64_t highs = 0x8080808080808080ULL;
  for (; p < end; p += 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, 8);
    const std::uint64_t quotes = word ^ (ones * '"');
    const std::uint64_t slashes = word ^ (ones * '\\');
    const std::uint64_t hits = ((quotes - ones) & ~quotes & highs) | ((slashes - ones) & ~slashes & highs);
    if (hits != 0) {
      const char* hit = p + (std::countr_zero(hits) >> 3);
      return hit < end ? hit : end;
    }
  }
  return end;
#endif
}

/// Whether [p, p + n) holds a backslash.
inline bool has_backslash(const char* p, std::size_t n) {
  if (n > 48) return std::memchr(p, '\\', n) != nullptr;
#if defined(__SSE2__)
  const __m128i slash = _mm_set1_epi8('\\');
  for (std::size_t i = 0; i < n; i += 16) {
    const __m128i block = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    auto hits = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(block, slash)));
    if (n - i < 16) hits &= (1U << (n - i)) - 1;
    if (hits != 0) return true;
  }
  return false;
#else
  return std::memchr(p, '\\', n) != nullptr;
#endif
}

}  // namespace afterflow::eventlog::json_input
