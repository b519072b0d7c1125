// Interned names.
//
// The compiler interns every name the program uses (events, properties,
// channels, templates, tags) into a dense `symbol`, so the runtime compares
// and indexes by integer. Names first seen at run time (an event type no flow
// mentions, a property of an undeclared event) are interned too; the table
// only grows with distinct names, never with the number of events.
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace afterflow::ir {

using symbol = std::uint32_t;
inline constexpr symbol no_symbol = 0xFFFFFFFFU;

class symbol_table {
 public:
  symbol_table() = default;
  symbol_table(const symbol_table&) = delete;
  symbol_table& operator=(const symbol_table&) = delete;
  symbol_table(symbol_table&&) = default;
  symbol_table& operator=(symbol_table&&) = default;

  /// The symbol for `name`, adding it when new.
  symbol intern(std::string_view name);
  /// The symbol for `name`, or no_symbol when it was never interned.
  [[nodiscard]] symbol find(std::string_view name) const;
  [[nodiscard]] std::string_view name(symbol s) const { return names_[s]; }
  [[nodiscard]] std::size_t size() const { return names_.size(); }

 private:
  std::deque<std::string> names_;  // a deque keeps the strings' addresses stable
  std::unordered_map<std::string_view, symbol> index_;  // lookups only, never iterated
};

}  // namespace afterflow::ir
