#include "interpreter/runtime/internal/history.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <new>
#include <span>

namespace afterflow::runtime {

using ir::history_slot;
using ir::program;
using ir::stored_event;
using stdlib::builtin_id;
using stdlib::event_view;
using stdlib::no_symbol;
using stdlib::property_entry;
using stdlib::type_kind;
using stdlib::value;

namespace {

using stdlib::builtin_id;

struct counter_state {
  std::uint64_t count;
};
struct total_state {
  double sum;
  std::uint64_t count;
};
struct extreme_state {
  double value;
  std::uint64_t count;
};

// A window kept inline in its 16-byte slot: an array of (time, value)
// entries from the store's block pool, oldest first. Entries that left the
// window are skipped by moving `begin`, and the array is compacted (or grown)
// only when it is full: each entry is moved a constant number of times on
// average, so one customer's millions of events cost linear time, not the
// quadratic time of shifting the array at every expiry.
struct window_entry {
  grammar::instant time;
  double value;
};
struct window_slot {
  static constexpr std::uint32_t max_begin = (1U << 26) - 1;

  window_entry* data;
  std::uint32_t end;                ///< one past the newest entry
  std::uint32_t begin : 26;         ///< the oldest entry still in the window
  std::uint32_t log2_capacity : 6;  ///< 0: no array yet

  [[nodiscard]] std::uint32_t capacity() const { return log2_capacity == 0 ? 0 : 1U << log2_capacity; }
  [[nodiscard]] std::uint32_t size() const { return end - begin; }

  void push(grammar::instant time, double v, grammar::instant oldest_excluded, block_pool& pool) {
    std::uint32_t first = begin;
    while (first < end && data[first].time <= oldest_excluded) ++first;
    if (first == end) first = end = 0;  // all expired: start over in place
    const auto live = end - first;
    if (end == capacity() || first > max_begin) {
      if (first >= live && end > 0) {
        // At least half the array has expired: slide the rest to the front.
        std::memmove(data, data + first, live * sizeof(window_entry));
      } else {
        const std::uint32_t log2 = log2_capacity == 0 ? 1 : log2_capacity + 1;  // the smallest block holds two
        auto* bigger = static_cast<window_entry*>(pool.allocate((std::size_t{1} << log2) * sizeof(window_entry)));
        if (live > 0) std::memcpy(bigger, data + first, live * sizeof(window_entry));
        release(pool);
        data = bigger;
        log2_capacity = log2 & 63U;
      }
      first = 0;
      end = live;
    }
    begin = first & max_begin;
    data[end++] = {time, v};
  }
  void release(block_pool& pool) {
    if (capacity() > 0) pool.deallocate(data, capacity() * sizeof(window_entry));
  }
};
static_assert(sizeof(window_slot) == 16);

// Remembered events, oldest first, from `head` on: events that left a window
// are skipped by moving `head`, and erased once they are half the vector (a
// vector, not a deque: a deque's first allocation is a 512-byte chunk, paid
// per customer and slot).
struct window_events_state {
  std::vector<stored_event> events;
  std::size_t head = 0;

  [[nodiscard]] std::span<const stored_event> live() const {
    return std::span<const stored_event>(events).subspan(head);
  }
  void drop_before(grammar::instant oldest_excluded) {
    while (head < events.size() && events[head].view().time <= oldest_excluded) ++head;
    if (head > 0 && head * 2 >= events.size()) {
      events.erase(events.begin(), events.begin() + static_cast<std::ptrdiff_t>(head));
      head = 0;
    }
  }
};

// Slots are 16 bytes, pointer-aligned; out-of-line state hangs off a pointer.
constexpr std::size_t slot_bytes = 16;

slot_kind kind_of(const history_slot& s) {
  if (s.filter_at_read) return slot_kind::stored_events;
  const bool windowed = s.window.has_value();
  switch (s.function) {
    case builtin_id::count:
    case builtin_id::exists: return windowed ? slot_kind::window_times : slot_kind::counter;
    case builtin_id::sum:
    case builtin_id::avg: return windowed ? slot_kind::window_values : slot_kind::total;
    case builtin_id::min:
    case builtin_id::max: return windowed ? slot_kind::window_values : slot_kind::extreme;
    case builtin_id::first: return windowed ? slot_kind::window_events : slot_kind::first_event;
    case builtin_id::last: return slot_kind::last_event;
    default: return slot_kind::counter;
  }
}

template <typename T>
T*& pointer_at(std::byte* p) {
  return *std::launder(reinterpret_cast<T**>(p));
}
template <typename T>
T* const& pointer_at(const std::byte* p) {
  return *std::launder(reinterpret_cast<T* const*>(p));
}
template <typename T>
T& state_at(std::byte* p) {
  return *std::launder(reinterpret_cast<T*>(p));
}
template <typename T>
const T& state_at(const std::byte* p) {
  return *std::launder(reinterpret_cast<const T*>(p));
}

double number_of(const value& v) { return v.as_number(); }

// The event as a `first`/`last` slot keeps it: only the properties read from
// the aggregate's result (a customer's last order need not carry its skus).
stored_event remembered(const history_slot& s, const event_view& e) {
  constexpr std::size_t inline_capacity = 8;
  std::array<property_entry, inline_capacity> kept{};
  std::size_t n = 0;
  for (const auto& p : e.properties) {
    if (!std::binary_search(s.kept_properties.begin(), s.kept_properties.end(), p.name)) continue;
    if (n == inline_capacity) return stored_event::copy_of(e);  // many read: keep them all
    kept[n++] = p;
  }
  event_view trimmed = e;
  trimmed.properties = std::span<const property_entry>(kept.data(), n);
  return stored_event::copy_of(trimmed);
}

}  // namespace

history_layout::history_layout(const program& p) {
  for (const auto& s : p.history) {
    slots_.push_back({kind_of(s), block_size_});
    block_size_ += slot_bytes;
  }
}

void history_store::release(std::byte* b) {
  for (std::uint32_t slot = 0; slot < layout_.slot_count(); ++slot) {
    std::byte* p = b + layout_.offset(slot);
    switch (layout_.kind(slot)) {
      case slot_kind::window_times:
      case slot_kind::window_values: state_at<window_slot>(p).release(pool_); break;
      case slot_kind::first_event:
      case slot_kind::last_event: delete pointer_at<stored_event>(p); break;
      case slot_kind::window_events:
      case slot_kind::stored_events: delete pointer_at<window_events_state>(p); break;
      default: break;
    }
  }
}

void history_store::add(std::byte* block, std::uint32_t slot, const event_view& e) {
  const auto& s = program_.history[slot];
  std::byte* p = block + layout_.offset(slot);
  value v;
  if (s.property != no_symbol) {
    v = e.get(s.property);
    if (!v.is(type_kind::number)) return;  // sum/avg/min/max skip non-numbers and nulls
  }
  switch (layout_.kind(slot)) {
    case slot_kind::counter: ++state_at<counter_state>(p).count; break;
    case slot_kind::total: {
      auto& t = state_at<total_state>(p);
      t.sum += number_of(v);
      ++t.count;
      break;
    }
    case slot_kind::extreme: {
      auto& x = state_at<extreme_state>(p);
      const double n = number_of(v);
      const bool better = s.function == builtin_id::min ? n < x.value : n > x.value;
      if (x.count == 0 || better) x.value = n;
      ++x.count;
      break;
    }
    case slot_kind::window_times: state_at<window_slot>(p).push(e.time, 0, e.time - *s.window, pool_); break;
    case slot_kind::window_values:
      state_at<window_slot>(p).push(e.time, number_of(v), e.time - *s.window, pool_);
      break;
    case slot_kind::first_event: {
      auto*& ev = pointer_at<stored_event>(p);
      if (ev == nullptr) ev = new stored_event(remembered(s, e));
      break;
    }
    case slot_kind::last_event: {
      auto*& ev = pointer_at<stored_event>(p);
      if (ev == nullptr) ev = new stored_event(remembered(s, e));
      else *ev = remembered(s, e);
      break;
    }
    case slot_kind::window_events:
    case slot_kind::stored_events: {
      auto*& w = pointer_at<window_events_state>(p);
      if (w == nullptr) w = new window_events_state();
      if (s.window) w->drop_before(e.time - *s.window);
      // Only the properties the filter and the result read are kept.
      w->events.push_back(remembered(s, e));
      break;
    }
  }
}

std::span<const stored_event> history_store::events(const std::byte* b, std::uint32_t slot) const {
  if (b == nullptr || layout_.kind(slot) != slot_kind::stored_events) return {};
  const auto* w = pointer_at<window_events_state>(b + layout_.offset(slot));
  return w == nullptr ? std::span<const stored_event>() : w->live();
}

value history_store::read(const std::byte* b, std::uint32_t slot, grammar::instant now) const {
  const auto& s = program_.history[slot];
  const bool is_exists = s.function == builtin_id::exists;
  const auto empty_result = [&] {
    if (s.function == builtin_id::count) return value::number(0);
    if (is_exists) return value::boolean(false);
    return value::null();
  };
  if (b == nullptr) return empty_result();
  const std::byte* p = b + layout_.offset(slot);
  switch (layout_.kind(slot)) {
    case slot_kind::counter: {
      const auto n = state_at<counter_state>(p).count;
      return is_exists ? value::boolean(n > 0) : value::number(static_cast<double>(n));
    }
    case slot_kind::total: {
      const auto& t = state_at<total_state>(p);
      if (t.count == 0) return value::null();
      return value::number(s.function == builtin_id::avg ? t.sum / static_cast<double>(t.count) : t.sum);
    }
    case slot_kind::extreme: {
      const auto& x = state_at<extreme_state>(p);
      return x.count == 0 ? value::null() : value::number(x.value);
    }
    case slot_kind::window_times:
    case slot_kind::window_values: {
      const auto& w = state_at<window_slot>(p);
      const auto oldest_excluded = now - *s.window;
      // Entries are in time order: those inside (now - d, now], found by
      // binary search so that a count costs log(entries), not entries.
      const auto* all_begin = w.data + w.begin;
      const auto* all_end = w.data + w.end;
      const auto* first_in =
          std::partition_point(all_begin, all_end, [&](const window_entry& x) { return x.time <= oldest_excluded; });
      const auto* end_in =
          std::partition_point(first_in, all_end, [&](const window_entry& x) { return x.time <= now; });
      const auto first = static_cast<std::uint32_t>(first_in - w.data);
      const auto end = static_cast<std::uint32_t>(end_in - w.data);
      const auto n = end - first;
      if (s.function == builtin_id::count) return value::number(static_cast<double>(n));
      if (is_exists) return value::boolean(n > 0);
      if (n == 0) return value::null();
      double acc = s.function == builtin_id::min   ? std::numeric_limits<double>::infinity()
                   : s.function == builtin_id::max ? -std::numeric_limits<double>::infinity()
                                                   : 0.0;
      for (auto i = first; i < end; ++i) {
        const double x = w.data[i].value;
        if (s.function == builtin_id::min) acc = std::min(acc, x);
        else if (s.function == builtin_id::max) acc = std::max(acc, x);
        else acc += x;
      }
      if (s.function == builtin_id::avg) acc /= static_cast<double>(n);
      return value::number(acc);
    }
    case slot_kind::first_event: {
      const auto* ev = pointer_at<stored_event>(p);
      return ev == nullptr ? value::null() : value::event(&ev->view());
    }
    case slot_kind::last_event: {
      const auto* ev = pointer_at<stored_event>(p);
      if (ev == nullptr || ev->view().time > now) return value::null();
      if (s.window && ev->view().time <= now - *s.window) return value::null();
      return value::event(&ev->view());
    }
    case slot_kind::window_events: {
      const auto* w = pointer_at<window_events_state>(p);
      if (w == nullptr) return value::null();
      for (const auto& ev : w->live()) {
        if (ev.view().time > now - *s.window && ev.view().time <= now) return value::event(&ev.view());
      }
      return value::null();
    }
    case slot_kind::stored_events: return value::null();  // read by the evaluator
  }
  return value::null();
}

std::size_t history_store::heap_bytes(const std::byte* b) const {
  if (b == nullptr) return 0;
  std::size_t bytes = 0;
  for (std::uint32_t slot = 0; slot < layout_.slot_count(); ++slot) {
    const std::byte* p = b + layout_.offset(slot);
    switch (layout_.kind(slot)) {
      case slot_kind::first_event:
      case slot_kind::last_event:
        if (const auto* ev = pointer_at<stored_event>(p)) bytes += sizeof(stored_event) + ev->heap_bytes();
        break;
      case slot_kind::window_events:
      case slot_kind::stored_events:
        if (const auto* w = pointer_at<window_events_state>(p)) {
          bytes += sizeof(window_events_state);
          bytes += (w->events.capacity() - w->events.size()) * sizeof(stored_event);
          for (const auto& ev : w->events) bytes += sizeof(stored_event) + ev.heap_bytes();
        }
        break;
      default: break;
    }
  }
  return bytes;
}

}  // namespace afterflow::runtime
