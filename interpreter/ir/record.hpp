// Owned property sets: stored events and customer attributes.
//
// A `record` holds `(symbol, value)` entries and everything they point at
// (string bytes, list items) in one heap block, so it costs one pointer and
// one count when it lives inside a customer or a run, and moving it never
// invalidates the views its values hand out. Records are immutable: `with`
// builds a new one. That suits what they store — a run's trigger is copied
// once, a customer attribute changes rarely.
//
// Values of kind `event` cannot be stored (an event is not an attribute);
// they are stored as null.
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string_view>

#include "interpreter/ir/symbol_table.hpp"
#include "stdlib/value.hpp"

namespace afterflow::ir {

class record {
 public:
  record() = default;
  record(record&&) noexcept = default;
  record& operator=(record&&) noexcept = default;
  record(const record&) = delete;
  record& operator=(const record&) = delete;

  /// A deep copy of `entries` (later duplicates of a name replace earlier ones).
  [[nodiscard]] static record from(std::span<const stdlib::property_entry> entries);
  [[nodiscard]] record clone() const { return from(entries()); }
  /// A copy with `name` set to `v` (added, or replaced in place).
  [[nodiscard]] record with(stdlib::symbol name, stdlib::value v) const;
  /// A copy without `name`.
  [[nodiscard]] record without(stdlib::symbol name) const;

  [[nodiscard]] stdlib::value get(stdlib::symbol name) const;
  [[nodiscard]] bool has(stdlib::symbol name) const;
  [[nodiscard]] std::span<const stdlib::property_entry> entries() const {
    return {reinterpret_cast<const stdlib::property_entry*>(storage_.get()), size_};
  }
  [[nodiscard]] bool empty() const { return size_ == 0; }
  /// Bytes owned on the heap, for memory accounting.
  [[nodiscard]] std::size_t heap_bytes() const { return bytes_; }

 private:
  std::unique_ptr<std::byte[]> storage_;
  std::uint32_t size_ = 0;
  std::uint32_t bytes_ = 0;
};

/// An event that outlives the log line it came from. It carries a ready
/// `event_view` of itself, so `value::event(&stored.view)` can be handed to
/// the evaluator; the view points into the record's heap block and the
/// customer table's arena, so it stays valid when the stored_event moves.
class stored_event {
 public:
  stored_event() = default;
  [[nodiscard]] static stored_event copy_of(const stdlib::event_view& e) {
    stored_event s;
    s.properties_ = record::from(e.properties);
    s.view_ = {e.time, e.name, e.customer, s.properties_.entries()};
    return s;
  }
  [[nodiscard]] const stdlib::event_view& view() const { return view_; }
  [[nodiscard]] std::size_t heap_bytes() const { return properties_.heap_bytes(); }

 private:
  record properties_;
  stdlib::event_view view_;
};

}  // namespace afterflow::ir
