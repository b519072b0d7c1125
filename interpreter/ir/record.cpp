#include "interpreter/ir/record.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

namespace afterflow::ir {

using stdlib::property_entry;
using stdlib::symbol;
using stdlib::type_kind;
using stdlib::value;

namespace {

// Bytes needed for the items and strings that `v` points at (not for `v`).
std::size_t deep_size(const value& v, std::size_t& value_slots) {
  switch (v.kind()) {
    case type_kind::string: return v.as_string().size();
    case type_kind::list: {
      std::size_t bytes = 0;
      value_slots += v.as_list().size();
      for (const auto& item : v.as_list()) bytes += deep_size(item, value_slots);
      return bytes;
    }
    default: return 0;
  }
}

// Copies `v` into the block: list items go to `slots`, string bytes to `chars`.
value deep_copy(const value& v, value*& slots, char*& chars) {
  switch (v.kind()) {
    case type_kind::string: {
      const auto s = v.as_string();
      if (!s.empty()) std::memcpy(chars, s.data(), s.size());
      const auto copy = value::string({chars, s.size()});
      chars += s.size();
      return copy;
    }
    case type_kind::list: {
      const auto items = v.as_list();
      value* out = slots;
      slots += items.size();
      for (std::size_t i = 0; i < items.size(); ++i) out[i] = deep_copy(items[i], slots, chars);
      return value::list({out, items.size()});
    }
    case type_kind::event: return value::null();
    default: return v;
  }
}

}  // namespace

record record::from(std::span<const property_entry> input) {
  // The entry that survives for each name is the last one; it keeps the
  // position of the name's first appearance. Inputs are small (an event's
  // properties), so the quadratic scans beat a temporary map, and no
  // allocation happens besides the record's own block.
  const auto is_kept = [&](std::size_t i) {
    for (std::size_t j = i + 1; j < input.size(); ++j) {
      if (input[j].name == input[i].name) return false;
    }
    return true;
  };
  const auto first_of = [&](std::size_t i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (input[j].name == input[i].name) return j;
    }
    return i;
  };
  std::size_t count = 0;
  std::size_t slots = 0;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < input.size(); ++i) {
    if (!is_kept(i)) continue;
    ++count;
    chars += deep_size(input[i].data, slots);
  }
  record r;
  if (count == 0) return r;
  static_assert(alignof(property_entry) <= alignof(std::max_align_t));
  static_assert(sizeof(property_entry) % alignof(value) == 0);
  const std::size_t total = count * sizeof(property_entry) + slots * sizeof(value) + chars;
  r.storage_ = std::make_unique_for_overwrite<std::byte[]>(total);
  auto* out = reinterpret_cast<property_entry*>(r.storage_.get());
  auto* slot_cursor = reinterpret_cast<value*>(out + count);
  auto* char_cursor = reinterpret_cast<char*>(slot_cursor + slots);
  // Entries in order of first appearance, each with its last value.
  std::size_t written = 0;
  for (std::size_t i = 0; i < input.size(); ++i) {
    if (first_of(i) != i) continue;
    std::size_t last = i;
    for (std::size_t j = i + 1; j < input.size(); ++j) {
      if (input[j].name == input[i].name) last = j;
    }
    out[written].name = input[i].name;
    out[written].data = deep_copy(input[last].data, slot_cursor, char_cursor);
    ++written;
  }
  r.size_ = static_cast<std::uint32_t>(count);
  r.bytes_ = static_cast<std::uint32_t>(total);
  return r;
}

record record::with(symbol name, value v) const {
  std::vector<property_entry> entries(this->entries().begin(), this->entries().end());
  entries.push_back({name, v});
  return from(entries);
}

record record::without(symbol name) const {
  std::vector<property_entry> entries;
  for (const auto& e : this->entries()) {
    if (e.name != name) entries.push_back(e);
  }
  return from(entries);
}

value record::get(symbol name) const {
  for (const auto& e : entries()) {
    if (e.name == name) return e.data;
  }
  return value::null();
}

bool record::has(symbol name) const {
  const auto es = entries();
  return std::any_of(es.begin(), es.end(), [&](const property_entry& e) { return e.name == name; });
}

}  // namespace afterflow::ir
