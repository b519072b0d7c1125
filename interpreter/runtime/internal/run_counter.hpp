// How many runs each (customer, flow) pair has started: the `n` of run ids
// `<flow>:<customer>:<n>`.
//
// Kept apart from the customer's other state because it is the one thing a
// customer must keep forever once any run started (ids must stay stable),
// and it is tiny: an open-addressing table of 16-byte entries keyed by
// (customer, flow), never iterated.
#pragma once

#include <cstdint>
#include <vector>

namespace afterflow::runtime {

class run_counter {
 public:
  /// Counts one more run for the pair and returns the new count (from 1).
  std::uint32_t next(std::uint32_t customer, std::uint32_t flow);
  [[nodiscard]] std::size_t heap_bytes() const { return slots_.capacity() * sizeof(slot); }

 private:
  struct slot {
    std::uint64_t key = 0;  // (customer << 32 | flow) + 1; 0: empty
    std::uint32_t count = 0;
  };
  void grow();

  std::vector<slot> slots_;
  std::size_t used_ = 0;
};

}  // namespace afterflow::runtime
