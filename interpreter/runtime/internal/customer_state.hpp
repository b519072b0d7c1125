// What the simulator keeps per customer.
//
// Kept small on purpose (docs/design/runtime.md, "Memory"): a customer with no
// live run costs this struct plus its id in the customer table and its
// history block. Everything that only some customers need (tags, active
// runs, re-entry records, cap buffers) is an empty vector until used.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "interpreter/ir/record.hpp"
#include "interpreter/ir/symbol_table.hpp"
#include "interpreter/runtime/internal/key_groups.hpp"
#include "interpreter/runtime/local_time.hpp"

namespace afterflow::runtime {

/// Send times of one capped channel, newest last; at most the largest
/// `limit` count of the channel is kept.
struct cap_history {
  stdlib::symbol channel = stdlib::no_symbol;
  std::vector<grammar::instant> sent;
};

/// Everything a customer only has while flows are touching them; freed
/// again (simulator::impl::tidy) once nothing in it can matter any more.
struct customer_extras {
  std::vector<stdlib::symbol> tags;  ///< in the order added
  std::vector<std::uint32_t> runs;   ///< active runs, in creation order
  key_groups keys;
  std::vector<cap_history> caps;

  [[nodiscard]] bool empty() const { return tags.empty() && runs.empty() && keys.empty() && caps.empty(); }
};

/// One cache line per customer: attributes, zone, extras, and the history
/// slots when they fit in 32 bytes (two slots; otherwise the first 8 bytes
/// point to a heap block). The simulator owns what the history slots point
/// to and releases it (customer_state's destructor does not, because a
/// moved-from state still holds the same bytes).
struct alignas(64) customer_state {
  static constexpr std::size_t inline_history = 32;

  ir::record attributes;
  const time_zone* zone = nullptr;  ///< from the `timezone` attribute; null: none
  std::unique_ptr<customer_extras> extras;
  alignas(8) std::array<std::byte, inline_history> history{};

  customer_extras& more() {
    if (!extras) extras = std::make_unique<customer_extras>();
    return *extras;
  }
};

static_assert(sizeof(customer_state) == 64);

}  // namespace afterflow::runtime
