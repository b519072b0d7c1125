#include "interpreter/record.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

namespace afterflow::interpreter {

namespace {

// Bytes needed for the items and strings that `v` points at (not for `v`).
std::size_t deep_size(const value& v, std::size_t& value_slots) {
  switch (v.kind()) {
    case value_kind::string: return v.as_string().size();
    case value_kind::list: {
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
    case value_kind::string: {
      const auto s = v.as_string();
      if (!s.empty()) std::memcpy(chars, s.data(), s.size());
      const auto copy = value::string({chars, s.size()});
      chars += s.size();
      return copy;
    }
    case value_kind::list: {
      const auto items = v.as_list();
      value* out = slots;
      slots += items.size();
      for (std::size_t i = 0; i < items.size(); ++i) out[i] = deep_copy(items[i], slots, chars);
      return value::list({out, items.size()});
    }
    case value_kind::event: return value::null();
    default: return v;
  }
}

}  // namespace

value event_view::get(symbol property) const {
  for (const auto& p : properties) {
    if (p.name == property) return p.data;
  }
  return value::null();
}

record record::from(std::span<const property_entry> input) {
  // Keep the last entry of each name, in first-appearance order.
  std::vector<property_entry> entries;
  entries.reserve(input.size());
  for (const auto& e : input) {
    auto it = std::find_if(entries.begin(), entries.end(),
                           [&](const property_entry& x) { return x.name == e.name; });
    if (it != entries.end()) it->data = e.data;
    else entries.push_back(e);
  }
  record r;
  if (entries.empty()) return r;
  std::size_t slots = 0;
  std::size_t chars = 0;
  for (const auto& e : entries) chars += deep_size(e.data, slots);
  static_assert(alignof(property_entry) <= alignof(std::max_align_t));
  static_assert(sizeof(property_entry) % alignof(value) == 0);
  const std::size_t total = entries.size() * sizeof(property_entry) + slots * sizeof(value) + chars;
  r.storage_ = std::make_unique<std::byte[]>(total);
  auto* out = reinterpret_cast<property_entry*>(r.storage_.get());
  auto* slot_cursor = reinterpret_cast<value*>(out + entries.size());
  auto* char_cursor = reinterpret_cast<char*>(slot_cursor + slots);
  for (std::size_t i = 0; i < entries.size(); ++i) {
    out[i].name = entries[i].name;
    out[i].data = deep_copy(entries[i].data, slot_cursor, char_cursor);
  }
  r.size_ = static_cast<std::uint32_t>(entries.size());
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

}  // namespace afterflow::interpreter
