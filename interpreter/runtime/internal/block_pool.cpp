#include "interpreter/runtime/internal/block_pool.hpp"

#include <bit>
#include <new>

// Under AddressSanitizer, blocks not handed out are poisoned, so a use after
// `deallocate` is reported as it would be for malloc'd memory.
#if defined(__SANITIZE_ADDRESS__)
#define AFTERFLOW_POOL_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define AFTERFLOW_POOL_ASAN 1
#endif
#endif
#ifdef AFTERFLOW_POOL_ASAN
#include <sanitizer/asan_interface.h>
#endif

namespace afterflow::runtime {

namespace {

void poison(void* p, std::size_t bytes) {
#ifdef AFTERFLOW_POOL_ASAN
  __asan_poison_memory_region(p, bytes);
#else
  (void)p;
  (void)bytes;
#endif
}

void unpoison(void* p, std::size_t bytes) {
#ifdef AFTERFLOW_POOL_ASAN
  __asan_unpoison_memory_region(p, bytes);
#else
  (void)p;
  (void)bytes;
#endif
}

std::size_t class_of(std::size_t block) {
  return static_cast<std::size_t>(std::countr_zero(block) - std::countr_zero(block_pool::min_block));
}

}  // namespace

block_pool::~block_pool() {
  for (auto& chunk : chunks_) unpoison(chunk.get(), chunk_bytes);
}

std::size_t block_pool::block_size(std::size_t bytes) { return bytes <= min_block ? min_block : std::bit_ceil(bytes); }

void* block_pool::allocate(std::size_t bytes) {
  const auto size = block_size(bytes);
  if (size > max_block) return ::operator new(bytes);
  auto& free = free_[class_of(size)];
  std::byte* block = nullptr;
  if (!free.empty()) {
    block = free.back();
    free.pop_back();
  } else {
    if (static_cast<std::size_t>(end_ - next_) < size) {
      // The rest of the current chunk (less than one block) is left unused.
      chunks_.push_back(std::unique_ptr<std::byte[]>(new std::byte[chunk_bytes]));
      next_ = chunks_.back().get();
      end_ = next_ + chunk_bytes;
      poison(next_, chunk_bytes);
    }
    block = next_;
    next_ += size;
  }
  unpoison(block, size);
  return block;
}

void block_pool::deallocate(void* block, std::size_t bytes) {
  if (block == nullptr) return;
  const auto size = block_size(bytes);
  if (size > max_block) {
    ::operator delete(block);
    return;
  }
  poison(block, size);
  free_[class_of(size)].push_back(static_cast<std::byte*>(block));
}

}  // namespace afterflow::runtime
