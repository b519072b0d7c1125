#include "interpreter/runtime/internal/customer_table.hpp"

#include <cstring>

namespace afterflow::runtime {

namespace {

constexpr std::size_t arena_block = 64 * 1024;

// FNV-1a, 64 bits, folded: stable across platforms (not that it matters for
// output, but it keeps replays reproducible under a debugger too).
std::uint64_t hash_id(std::string_view s) {
  std::uint64_t h = 14695981039346656037ULL;
  for (const unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  return h ^ (h >> 32);
}

}  // namespace

std::string_view customer_table::store(std::string_view id) {
  if (id.size() > arena_block / 4) {
    // A very long id gets a block of its own.
    blocks_.push_back(std::make_unique<char[]>(id.size()));
    std::memcpy(blocks_.back().get(), id.data(), id.size());
    const std::string_view stored(blocks_.back().get(), id.size());
    // Keep filling the previous block afterwards.
    if (blocks_.size() >= 2) std::swap(blocks_[blocks_.size() - 1], blocks_[blocks_.size() - 2]);
    return stored;
  }
  if (blocks_.empty() || block_used_ + id.size() > block_size_) {
    blocks_.push_back(std::make_unique<char[]>(arena_block));
    block_used_ = 0;
    block_size_ = arena_block;
  }
  char* out = blocks_.back().get() + block_used_;
  if (!id.empty()) std::memcpy(out, id.data(), id.size());
  block_used_ += id.size();
  return {out, id.size()};
}

customer_table::inline_key customer_table::make_key(std::string_view id) {
  inline_key key{};
  if (id.size() < key.size()) {
    key[0] = static_cast<char>(id.size());
    if (!id.empty()) std::memcpy(key.data() + 1, id.data(), id.size());
  } else {
    key[0] = static_cast<char>(0xFF);
  }
  return key;
}

bool customer_table::same(const slot& s, std::uint32_t hash, const inline_key& key, std::string_view id) const {
  if (s.hash != hash || s.key != key) return false;
  return key[0] != static_cast<char>(0xFF) || ids_[s.index_plus_one - 1] == id;
}

void customer_table::grow() {
  const std::size_t capacity = slots_.empty() ? 1024 : slots_.size() * 2;
  std::vector<slot> slots(capacity);
  const std::size_t mask = capacity - 1;
  for (const auto& s : slots_) {
    if (s.index_plus_one == 0) continue;
    std::size_t i = s.hash & mask;
    while (slots[i].index_plus_one != 0) i = (i + 1) & mask;
    slots[i] = s;
  }
  slots_ = std::move(slots);
}

customer_index customer_table::find(std::string_view id) const {
  if (slots_.empty()) return no_customer;
  const auto h = static_cast<std::uint32_t>(hash_id(id));
  const auto key = make_key(id);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = h & mask;; i = (i + 1) & mask) {
    const auto& s = slots_[i];
    if (s.index_plus_one == 0) return no_customer;
    if (same(s, h, key, id)) return s.index_plus_one - 1;
  }
}

customer_index customer_table::find_or_add(std::string_view id, bool& added) {
  // Linear probing stays short up to a load of 0.8 with inline keys.
  if ((ids_.size() + 1) * 5 > slots_.size() * 4) grow();
  // Grow the id list by a quarter at a time: it is most of the memory of a
  // table with millions of customers, and doubling would waste a third.
  if (ids_.size() == ids_.capacity()) ids_.reserve(ids_.capacity() + ids_.capacity() / 4 + 16);
  const auto h = static_cast<std::uint32_t>(hash_id(id));
  const auto key = make_key(id);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = h & mask;
  for (;; i = (i + 1) & mask) {
    const auto& s = slots_[i];
    if (s.index_plus_one == 0) break;
    if (same(s, h, key, id)) {
      added = false;
      return s.index_plus_one - 1;
    }
  }
  const auto index = static_cast<customer_index>(ids_.size());
  ids_.push_back(store(id));
  auto& s = slots_[i];
  s.hash = h;
  s.index_plus_one = index + 1;
  s.key = key;
  added = true;
  return index;
}

std::size_t customer_table::heap_bytes() const {
  return ids_.capacity() * sizeof(std::string_view) + slots_.capacity() * sizeof(slot) + blocks_.size() * arena_block;
}

}  // namespace afterflow::runtime
