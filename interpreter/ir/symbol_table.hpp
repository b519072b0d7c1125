// Interned names.
//
// The compiler interns every name the program uses (events, properties,
// channels, templates, tags) into a dense `symbol`, so the runtime compares
// and indexes by integer. The program's table is read-only once lowered.
// Names first met during a replay (an event type no flow mentions, a
// property of an undeclared event, a mapped external name) go into a table
// laid `over` the program's: it answers for the program's names with their
// own symbols and numbers new ones after them, so one symbol means one name
// to the program, the readers and the simulator of that replay. The replay
// owns that table; it only grows with distinct names, never with events.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "stdlib/value.hpp"

namespace afterflow::ir {

class symbol_table {
 public:
  symbol_table() = default;
  symbol_table(const symbol_table&) = delete;
  symbol_table& operator=(const symbol_table&) = delete;
  symbol_table(symbol_table&&) = default;
  symbol_table& operator=(symbol_table&&) = default;

  /// A table for the names a replay adds to `base`'s; `base` must outlive
  /// it and not grow any more.
  [[nodiscard]] static symbol_table over(const symbol_table& base);

  /// The symbol for `name`, adding it when new.
  stdlib::symbol intern(std::string_view name);
  /// The symbol for `name`, or no_symbol when it was never interned.
  [[nodiscard]] stdlib::symbol find(std::string_view name) const;
  [[nodiscard]] std::string_view name(stdlib::symbol s) const {
    return s < base_size_ ? base_->name(s) : std::string_view(names_[s - base_size_]);
  }
  [[nodiscard]] std::size_t size() const { return base_size_ + names_.size(); }

 private:
  const symbol_table* base_ = nullptr;
  stdlib::symbol base_size_ = 0;
  std::deque<std::string> names_;                               // a deque keeps the strings' addresses stable
  std::unordered_map<std::string_view, stdlib::symbol> index_;  // lookups only, never iterated
};

}  // namespace afterflow::ir
