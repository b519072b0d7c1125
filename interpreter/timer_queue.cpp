#include "interpreter/timer_queue.hpp"

#include <algorithm>

namespace afterflow::interpreter {

namespace {
// std::*_heap build a max-heap; "greater" puts the earliest timer on top.
bool later(const timer& a, const timer& b) {
  return a.due != b.due ? a.due > b.due : a.seq > b.seq;
}
}  // namespace

std::uint64_t timer_queue::push(std::int64_t due, std::uint32_t run, std::uint32_t generation) {
  const auto seq = next_seq_++;
  heap_.push_back({due, seq, run, generation});
  std::push_heap(heap_.begin(), heap_.end(), later);
  return seq;
}

void timer_queue::pop() {
  std::pop_heap(heap_.begin(), heap_.end(), later);
  heap_.pop_back();
}

}  // namespace afterflow::interpreter
