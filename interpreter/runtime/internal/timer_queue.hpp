// The simulated clock's pending wake-ups.
//
// A 4-ary min-heap ordered by (due, seq): `seq` is a global creation
// counter, so timers due at the same instant fire in creation order — a
// total order, hence deterministic. Cancelling is lazy: a timer carries the
// generation of the run state it was set for, and the simulator ignores a
// popped timer whose generation no longer matches (the run moved on or
// ended). That keeps cancel O(1) and the heap free of search.
#pragma once

#include <cstdint>
#include <vector>

#include "grammar/time.hpp"

namespace afterflow::runtime {

struct timer {
  grammar::instant due{};
  std::uint64_t seq = 0;  ///< creation order
  std::uint32_t run = 0;  ///< the run to resume
  std::uint32_t generation = 0;
};

class timer_queue {
 public:
  /// Schedules a wake-up; returns its sequence number.
  std::uint64_t push(grammar::instant due, std::uint32_t run, std::uint32_t generation);
  [[nodiscard]] bool empty() const { return heap_.empty(); }
  [[nodiscard]] std::size_t size() const { return heap_.size(); }
  /// The earliest timer; the queue must not be empty.
  [[nodiscard]] const timer& top() const { return heap_.front(); }
  void pop();

 private:
  std::vector<timer> heap_;
  std::uint64_t next_seq_ = 0;
};

}  // namespace afterflow::runtime
