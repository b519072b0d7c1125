#include "interpreter/runtime/internal/key_groups.hpp"

#include <algorithm>
#include <functional>

namespace afterflow::runtime {

std::size_t key_groups::group_hash::operator()(const std::pair<std::uint32_t, std::string>& g) const {
  return std::hash<std::string>{}(g.second) * 31 + g.first;
}

key_record* key_groups::find(std::uint32_t flow, std::string_view key) {
  if (index_) {
    // A lookup key must be a std::string (no heterogeneous lookup in C++20's
    // unordered_map with a pair key); only large customers pay for it.
    const auto it = index_->find({flow, std::string(key)});
    return it == index_->end() ? nullptr : &records_[it->second];
  }
  const auto it = std::find_if(records_.begin(), records_.end(),
                               [&](const key_record& r) { return r.flow == flow && r.key == key; });
  return it == records_.end() ? nullptr : &*it;
}

key_record& key_groups::insert(std::uint32_t flow, std::string key, grammar::instant now) {
  records_.push_back({flow, std::move(key), now, 0});
  const auto position = static_cast<std::uint32_t>(records_.size() - 1);
  if (index_) {
    index_->emplace(std::pair{flow, records_.back().key}, position);
  } else if (records_.size() > index_threshold) {
    index_ = std::make_unique<index>();
    index_->reserve(records_.size() * 2);
    for (std::uint32_t i = 0; i < records_.size(); ++i)
      index_->emplace(std::pair{records_[i].flow, records_[i].key}, i);
  }
  return records_.back();
}

void key_groups::erase(key_record* record) {
  // Swap with the last and pop: positions of the others do not move.
  const auto position = static_cast<std::uint32_t>(record - records_.data());
  const auto last = static_cast<std::uint32_t>(records_.size() - 1);
  if (index_) {
    index_->erase({record->flow, record->key});
    if (position != last) (*index_)[{records_[last].flow, records_[last].key}] = position;
  }
  if (position != last) records_[position] = std::move(records_[last]);
  records_.pop_back();
  if (index_ && records_.size() <= index_threshold / 2) index_.reset();
}

void key_groups::shrink_to_fit() { records_.shrink_to_fit(); }

std::size_t key_groups::heap_bytes() const {
  std::size_t bytes = records_.capacity() * sizeof(key_record);
  for (const auto& r : records_) bytes += r.key.capacity() > 15 ? r.key.capacity() : 0;
  if (index_) {
    // Buckets plus one node (the pair, a position, a next pointer) per group.
    bytes += index_->bucket_count() * sizeof(void*) +
             index_->size() * (sizeof(std::pair<std::uint32_t, std::string>) + 2 * sizeof(void*));
  }
  return bytes;
}

}  // namespace afterflow::runtime
