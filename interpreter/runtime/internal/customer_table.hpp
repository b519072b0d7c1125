// Customer ids to dense indices.
//
// Replays touch millions of customers, so the table is built for memory and
// for cache misses: ids live back to back in 64 KiB arena blocks (no per-id
// allocation, and the string_views handed out stay valid forever), and the
// index is open addressing over 24-byte slots holding a hash fragment, the
// customer's index and, for ids of up to 15 bytes (nearly all real ids),
// the id itself, so a lookup usually touches a single cache line. About 64
// bytes per customer plus the id.
// Indices are assigned in first-seen order and never reused; the hash table
// is only probed, never iterated, so nothing about it reaches output.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace afterflow::runtime {

using customer_index = std::uint32_t;
inline constexpr customer_index no_customer = 0xFFFFFFFFU;

class customer_table {
 public:
  /// The index of `id`, adding it when new (`added` tells which).
  customer_index find_or_add(std::string_view id, bool& added);
  [[nodiscard]] customer_index find(std::string_view id) const;
  [[nodiscard]] std::string_view id(customer_index index) const { return ids_[index]; }
  [[nodiscard]] std::size_t size() const { return ids_.size(); }
  /// Heap bytes held, for memory accounting.
  [[nodiscard]] std::size_t heap_bytes() const;

 private:
  [[nodiscard]] std::string_view store(std::string_view id);
  void grow();

  std::vector<std::string_view> ids_;
  // key[0] is the id's length (0xFF: too long to inline), key[1..] the id,
  // zero-padded: equal keys compare as two 8-byte words.
  using inline_key = std::array<char, 16>;
  struct slot {
    std::uint32_t hash = 0;
    std::uint32_t index_plus_one = 0;  // 0: empty
    inline_key key = {};
  };
  [[nodiscard]] static inline_key make_key(std::string_view id);
  [[nodiscard]] bool same(const slot& s, std::uint32_t hash, const inline_key& key, std::string_view id) const;

  std::vector<slot> slots_;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t block_used_ = 0;
  std::size_t block_size_ = 0;
};

}  // namespace afterflow::runtime
