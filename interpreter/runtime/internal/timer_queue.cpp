#include "interpreter/runtime/internal/timer_queue.hpp"

namespace afterflow::runtime {

namespace {

// A 4-ary min-heap: half the depth of a binary heap, and a node's children
// are adjacent, so a replay with hundreds of thousands of waiting runs takes
// fewer cache misses per pop.
constexpr std::size_t arity = 4;

bool earlier(const timer& a, const timer& b) { return a.due != b.due ? a.due < b.due : a.seq < b.seq; }

}  // namespace

std::uint64_t timer_queue::push(grammar::instant due, std::uint32_t run, std::uint32_t generation) {
  const auto seq = next_seq_++;
  const timer t{due, seq, run, generation};
  std::size_t i = heap_.size();
  heap_.push_back(t);
  while (i > 0) {
    const auto parent = (i - 1) / arity;
    if (!earlier(t, heap_[parent])) break;
    heap_[i] = heap_[parent];
    i = parent;
  }
  heap_[i] = t;
  return seq;
}

void timer_queue::pop() {
  const timer last = heap_.back();
  heap_.pop_back();
  const auto n = heap_.size();
  if (n == 0) return;
  std::size_t i = 0;
  while (true) {
    const auto first = i * arity + 1;
    if (first >= n) break;
    auto best = first;
    const auto end = first + arity < n ? first + arity : n;
    for (auto c = first + 1; c < end; ++c) {
      if (earlier(heap_[c], heap_[best])) best = c;
    }
    if (!earlier(heap_[best], last)) break;
    heap_[i] = heap_[best];
    i = best;
  }
  heap_[i] = last;
}

}  // namespace afterflow::runtime
