// Small blocks that live as long as their customer (the entries of windowed
// history slots), carved from large chunks by power-of-two size class
// instead of one malloc each.
//
// Why: a malloc'd block carries a header and is rounded up, and, worse,
// long-lived history blocks would sit on the same pages as the short-lived
// allocations of runs, so when those runs end the pages stay resident
// half-empty. Here a freed block goes to its class's free list for the next
// block of that size, and the pages runs used become wholly free. Chunks are
// released when the pool is destroyed. Not thread-safe: one per simulator.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <vector>

namespace afterflow::runtime {

class block_pool {
 public:
  /// Blocks are powers of two from `min_block` to `max_block` bytes;
  /// larger requests go to operator new.
  static constexpr std::size_t min_block = 32;
  static constexpr std::size_t max_block = 4096;
  static constexpr std::size_t chunk_bytes = 256 * 1024;

  block_pool() = default;
  block_pool(const block_pool&) = delete;
  block_pool& operator=(const block_pool&) = delete;
  ~block_pool();

  /// The size a request for `bytes` is rounded up to.
  [[nodiscard]] static std::size_t block_size(std::size_t bytes);

  /// A block of at least `bytes` (> 0) bytes, aligned for any scalar type.
  [[nodiscard]] void* allocate(std::size_t bytes);
  /// Returns a block; `bytes` is what was asked of `allocate`.
  void deallocate(void* block, std::size_t bytes);

  /// Bytes held from the system: every chunk, whether handed out or not.
  [[nodiscard]] std::size_t reserved_bytes() const { return chunks_.size() * chunk_bytes; }

 private:
  static constexpr std::size_t class_count = 8;  // 32, 64, ..., 4096
  static_assert(min_block << (class_count - 1) == max_block);

  std::array<std::vector<std::byte*>, class_count> free_;
  std::vector<std::unique_ptr<std::byte[]>> chunks_;
  std::byte* next_ = nullptr;  ///< unused part of the newest chunk
  std::byte* end_ = nullptr;
};

}  // namespace afterflow::runtime
