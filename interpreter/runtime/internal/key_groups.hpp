// A customer's re-entry records, one per (flow, key) group
// (docs/semantics.md §5.2). Most customers have one or two, kept in a plain
// vector; a customer with many (a keyed flow over thousands of orders) also
// gets a hash index, so that each trigger and run end costs constant time,
// not the number of groups. Nothing iterates the index: the order of the
// records never reaches output (tidying and memory figures do not depend
// on it).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "grammar/time.hpp"

namespace afterflow::runtime {

/// Re-entry bookkeeping for one (flow, key) group of a customer.
struct key_record {
  std::uint32_t flow = 0;
  std::string key;                ///< the key as text; the customer id for the default key
  grammar::instant last_start{};  ///< when the group's newest run started
  std::uint32_t active = 0;       ///< active runs of the group
};

class key_groups {
 public:
  /// Groups up to this many are found by a scan.
  static constexpr std::size_t index_threshold = 16;

  [[nodiscard]] key_record* find(std::uint32_t flow, std::string_view key);
  key_record& insert(std::uint32_t flow, std::string key, grammar::instant now);
  void erase(key_record* record);

  /// Removes every record `forget` is true for.
  template <typename Predicate>
  void erase_if(Predicate forget) {
    for (std::size_t i = 0; i < records_.size();) {
      if (forget(records_[i])) {
        erase(&records_[i]);
      } else {
        ++i;
      }
    }
    scanned_size_ = records_.size();
  }
  /// Whether a tidy should scan the records now: always when few, else once
  /// their number has doubled since the last scan, so that scans cost
  /// constant amortised time per record. A record kept longer than needed
  /// changes nothing but memory: it refuses no trigger a missing one would
  /// not (simulator::impl::tidy).
  [[nodiscard]] bool due_for_scan() const {
    return records_.size() <= index_threshold || records_.size() >= 2 * scanned_size_;
  }

  [[nodiscard]] bool empty() const { return records_.empty(); }
  [[nodiscard]] std::size_t size() const { return records_.size(); }
  void shrink_to_fit();
  [[nodiscard]] std::size_t heap_bytes() const;

 private:
  struct group_hash {
    std::size_t operator()(const std::pair<std::uint32_t, std::string>& g) const;
  };
  using index = std::unordered_map<std::pair<std::uint32_t, std::string>, std::uint32_t, group_hash>;

  std::vector<key_record> records_;
  std::unique_ptr<index> index_;  ///< (flow, key) → position in records_; only when large
  std::size_t scanned_size_ = 0;  ///< size after the last erase_if
};

}  // namespace afterflow::runtime
