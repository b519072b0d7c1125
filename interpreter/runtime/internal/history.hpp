// What the program remembers of each customer's past.
//
// Flows ask about history through aggregates (`count(order_placed) >= 2`,
// `sum(order_placed.total, within: 365d)`, `last(nps_submitted).score`).
// Instead of keeping every event, each distinct aggregate is a slot that is
// updated once, when an event of its type arrives, and read in O(1) or
// O(entries in its window):
//
//   count / exists                a counter
//   sum / avg / min / max         a running total and count (or min/max)
//   ... with `within:`            the (time, value) entries inside the window
//   first / last                  one stored event
//   first ... with `within:`      the stored events inside the window
//   any, when the `where` filter  the stored events (inside the window, if
//   reads more than `event`       any); the evaluator filters and
//                                 aggregates them when it reads the slot
//
// A customer's slots are 16 bytes each, kept with the customer's state;
// windowed entries live out of line, one array per customer and slot from
// the store's block pool, pruned as time moves. A window is the interval (now − d, now].
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <vector>

#include "interpreter/ir/program.hpp"
#include "interpreter/ir/record.hpp"
#include "interpreter/runtime/internal/block_pool.hpp"
#include "stdlib/value.hpp"

namespace afterflow::runtime {

enum class slot_kind : unsigned char {
  counter,        ///< count/exists without a window
  total,          ///< sum/avg without a window
  extreme,        ///< min/max without a window
  window_times,   ///< count/exists with a window
  window_values,  ///< sum/avg/min/max with a window
  first_event,    ///< first without a window
  last_event,     ///< last, with or without a window
  window_events,  ///< first with a window
  stored_events,  ///< a filter evaluated at read time (history_slot::filter_at_read)
};

/// Where each slot lives in a customer's block; computed once per program.
class history_layout {
 public:
  explicit history_layout(const ir::program& p);
  [[nodiscard]] std::size_t block_size() const { return block_size_; }
  [[nodiscard]] slot_kind kind(std::uint32_t slot) const { return slots_[slot].kind; }
  [[nodiscard]] std::size_t offset(std::uint32_t slot) const { return slots_[slot].offset; }
  [[nodiscard]] std::size_t slot_count() const { return slots_.size(); }

 private:
  struct slot_place {
    slot_kind kind;
    std::size_t offset;
  };
  std::vector<slot_place> slots_;
  std::size_t block_size_ = 0;
};

/// The operations on a customer's history block: `layout.block_size()`
/// zeroed bytes that the caller owns and keeps beside the customer's other
/// state (so one cache line usually holds both). The block only holds raw
/// slots; `release` frees what they point to.
class history_store {
 public:
  history_store(const ir::program& p, const history_layout& layout) : program_(p), layout_(layout) {}

  /// Feeds slot `slot` of `block` with event `e` (its filter, if any,
  /// already passed). `e.time` is the current time.
  void add(std::byte* block, std::uint32_t slot, const stdlib::event_view& e);
  /// The aggregate's value at `now` (`block` may be null: no history yet);
  /// not for `stored_events` slots.
  [[nodiscard]] stdlib::value read(const std::byte* block, std::uint32_t slot, grammar::instant now) const;
  /// The events a `stored_events` slot holds, oldest first (null when none
  /// arrived yet); they may include events that have left the window.
  [[nodiscard]] std::span<const ir::stored_event> events(const std::byte* block, std::uint32_t slot) const;
  /// Frees what the block's slots point to (the block itself stays).
  void release(std::byte* block);
  /// Heap bytes the block's slots point to outside the pool, for memory
  /// accounting.
  [[nodiscard]] std::size_t heap_bytes(const std::byte* block) const;
  /// Bytes the pool of window arrays holds, for memory accounting.
  [[nodiscard]] std::size_t pool_bytes() const { return pool_.reserved_bytes(); }

 private:
  const ir::program& program_;
  const history_layout& layout_;
  block_pool pool_;
};

}  // namespace afterflow::runtime
