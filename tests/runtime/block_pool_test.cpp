// The block pool behind windowed history: sizes round up to powers of two,
// blocks never overlap, freed blocks are reused, chunks are counted.
#include "interpreter/runtime/internal/block_pool.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <cstring>
#include <vector>

namespace afterflow::runtime {
namespace {

TEST(block_pool, sizes_round_up_to_powers_of_two) {
  EXPECT_EQ(block_pool::block_size(1), 32u);
  EXPECT_EQ(block_pool::block_size(32), 32u);
  EXPECT_EQ(block_pool::block_size(33), 64u);
  EXPECT_EQ(block_pool::block_size(1000), 1024u);
  EXPECT_EQ(block_pool::block_size(4096), 4096u);
  EXPECT_EQ(block_pool::block_size(4097), 8192u);
}

TEST(block_pool, blocks_are_aligned_and_do_not_overlap) {
  block_pool pool;
  struct held {
    unsigned char* data;
    std::size_t bytes;
  };
  std::vector<held> blocks;
  // Mixed sizes, enough to span several chunks.
  for (std::size_t i = 0; i < 2000; ++i) {
    const std::size_t bytes = 16 + (i * 37) % 3000;
    auto* p = static_cast<unsigned char*>(pool.allocate(bytes));
    ASSERT_EQ(reinterpret_cast<std::uintptr_t>(p) % alignof(std::max_align_t), 0u);
    std::memset(p, static_cast<int>(i % 251), bytes);
    blocks.push_back({p, bytes});
  }
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    for (std::size_t k = 0; k < blocks[i].bytes; ++k) {
      ASSERT_EQ(blocks[i].data[k], static_cast<unsigned char>(i % 251)) << "block " << i << " byte " << k;
    }
  }
  EXPECT_GT(pool.reserved_bytes(), block_pool::chunk_bytes);
  for (const auto& b : blocks) pool.deallocate(b.data, b.bytes);
}

TEST(block_pool, a_freed_block_serves_the_next_request_of_its_size) {
  block_pool pool;
  void* a = pool.allocate(48);
  void* b = pool.allocate(64);
  pool.deallocate(a, 48);
  EXPECT_NE(pool.allocate(100), a);  // another class
  EXPECT_EQ(pool.allocate(50), a);   // same class (64 bytes)
  pool.deallocate(b, 64);
}

TEST(block_pool, chunks_are_taken_only_when_full) {
  block_pool pool;
  EXPECT_EQ(pool.reserved_bytes(), 0u);
  const auto per_chunk = block_pool::chunk_bytes / block_pool::max_block;
  for (std::size_t i = 0; i < per_chunk; ++i) (void)pool.allocate(block_pool::max_block);
  EXPECT_EQ(pool.reserved_bytes(), block_pool::chunk_bytes);
  (void)pool.allocate(block_pool::max_block);
  EXPECT_EQ(pool.reserved_bytes(), 2 * block_pool::chunk_bytes);
}

TEST(block_pool, large_requests_bypass_the_chunks) {
  block_pool pool;
  void* big = pool.allocate(block_pool::max_block + 1);
  std::memset(big, 1, block_pool::max_block + 1);
  EXPECT_EQ(pool.reserved_bytes(), 0u);
  pool.deallocate(big, block_pool::max_block + 1);
  pool.deallocate(nullptr, 32);  // like operator delete, null is ignored
}

}  // namespace
}  // namespace afterflow::runtime
