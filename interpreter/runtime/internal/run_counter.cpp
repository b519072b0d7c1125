#include "interpreter/runtime/internal/run_counter.hpp"

namespace afterflow::runtime {

namespace {
std::uint64_t mix(std::uint64_t x) {
  // splitmix64's finaliser: a good spread for sequential customer indices.
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}
}  // namespace

void run_counter::grow() {
  std::vector<slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const auto& s : old) {
    if (s.key == 0) continue;
    std::size_t i = mix(s.key) & mask;
    while (slots_[i].key != 0) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

std::uint32_t run_counter::next(std::uint32_t customer, std::uint32_t flow) {
  if ((used_ + 1) * 5 > slots_.size() * 4) grow();  // load at most 0.8
  const std::uint64_t key = ((static_cast<std::uint64_t>(customer) << 32) | flow) + 1;
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = mix(key) & mask;
  while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask;
  if (slots_[i].key == 0) {
    slots_[i].key = key;
    ++used_;
  }
  return ++slots_[i].count;
}

}  // namespace afterflow::runtime
