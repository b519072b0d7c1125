// Which properties of a line to keep, and under what names (internal to the
// readers).
//
// For each event name the reader builds, once, an `event_plan` from the
// compiled program: the properties the program reads (kept), the declared
// schema fields (type-checked whether kept or not), and, for a Segment name
// with a `map`, the renames (afterflow property ← external property; the
// afterflow name itself is then ignored in the input, so a rename cannot be
// shadowed by a stray property of the same name). Plans are built on first
// use and live as long as the reader, so the hot path only compares keys.
//
// A `property_set` is one properties object of the current line (`props`,
// `properties`, `traits`, profile `attributes`), read either through a plan
// or, when the event name is not known yet (it came after the properties),
// kept whole and filtered through the plan afterwards.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "grammar/file_error.hpp"
#include "interpreter/eventlog/internal/json_values.hpp"
#include "interpreter/ir/program.hpp"
#include "interpreter/ir/record.hpp"

namespace afterflow::eventlog::json_input {

/// Where a value sits in the line, and its JSON type. The length of the
/// token is computed only when an error needs it (`token_length`).
struct place {
  std::size_t offset = 0;
  od::json_type type = od::json_type::null;
};

/// What is wrong with a line, before it is turned into a `grammar::diagnostic`.
struct problem {
  std::string_view code;
  std::string message;
  place at;
  std::string note;
  std::string help;
  /// Set when simdjson refused the line: it is located and described by
  /// json_syntax.hpp instead of the fields above.
  simdjson::error_code json = simdjson::SUCCESS;
};

/// The problem of a line simdjson or the converter refused with `e`.
[[nodiscard]] problem json_problem(simdjson::error_code e, const json_input::converter& c);

/// The problem of a line longer than `max_line` bytes (it was cut there).
[[nodiscard]] problem line_too_long(std::size_t max_line);

/// The error for a bad line. A simdjson failure is located and described
/// by json_syntax.hpp.
[[nodiscard]] grammar::diagnostic to_diagnostic(const problem& p, std::string_view file, std::uint64_t line_number,
                                                std::string_view line);

/// "a string", "`true`"... for the value at `at` of `line`.
[[nodiscard]] std::string describe_at(const place& at, std::string_view line);

struct plan_field {
  std::string_view json_name;  ///< the key in the input
  stdlib::symbol json_symbol = stdlib::no_symbol;
  stdlib::symbol target = stdlib::no_symbol;  ///< the afterflow property
  stdlib::type_kind declared = stdlib::type_kind::any;
  bool is_declared = false;
  bool wanted = false;
  bool shadowed = false;  ///< the afterflow name of a renamed property: ignored
};

struct event_plan {
  stdlib::symbol event = stdlib::no_symbol;
  bool keep_others = false;  ///< `reads_all_properties`: keep unknown keys under their names
  std::vector<plan_field> fields;

  /// Builds the lookup table; call once `fields` is complete.
  void index();
  [[nodiscard]] const plan_field* find(std::string_view json_name) const {
    if (json_name.empty()) return find_linear(json_name);
    const auto slot = slots_[slot_of(json_name)];
    if (slot == no_slot) return nullptr;
    if (slot == shared_slot) return find_linear(json_name);
    const auto& f = fields[slot];
    return f.json_name == json_name ? &f : nullptr;
  }
  [[nodiscard]] const plan_field* find(stdlib::symbol json_symbol) const;

 private:
  // A key's slot mixes its length and its first and last bytes: the few
  // keys of one event rarely share one, and a shared slot falls back to a scan.
  static constexpr std::uint8_t no_slot = 0xFF;
  static constexpr std::uint8_t shared_slot = 0xFE;
  static std::size_t slot_of(std::string_view key) {
    return (key.size() * 7 + static_cast<unsigned char>(key.front()) * 31 + static_cast<unsigned char>(key.back())) &
           63;
  }
  [[nodiscard]] const plan_field* find_linear(std::string_view json_name) const;

  std::array<std::uint8_t, 64> slots_{};
};

inline constexpr std::uint32_t no_mapping = 0xFFFFFFFFU;

class property_plans {
 public:
  /// `symbols` is the replay's table over the program's: names the program
  /// does not know (undeclared events and properties) are interned there.
  property_plans(const ir::program& p, ir::symbol_table& symbols);

  [[nodiscard]] const event_plan& for_event(stdlib::symbol event);
  [[nodiscard]] const event_plan& for_mapping(std::uint32_t mapping);
  /// The `map` whose external name is the symbol `external`, or no_mapping.
  [[nodiscard]] std::uint32_t mapping_of(stdlib::symbol external) const {
    return external < mapping_by_symbol_.size() ? mapping_by_symbol_[external] : no_mapping;
  }
  [[nodiscard]] ir::symbol_table& symbols() { return symbols_; }

 private:
  const ir::program& program_;
  ir::symbol_table& symbols_;
  std::vector<std::unique_ptr<event_plan>> events_;
  std::vector<std::unique_ptr<event_plan>> mappings_;
  std::vector<std::uint32_t> mapping_by_symbol_;
};

/// The place of a value with raw token `token` in `line` (which holds it).
[[nodiscard]] inline place place_of(std::string_view token, std::string_view line) {
  return {static_cast<std::size_t>(token.data() - line.data()), type_of_token(token)};
}
/// The length of the JSON token at `offset` of `line`: a whole string,
/// number or literal, or the opening bracket of a container.
[[nodiscard]] std::size_t token_length(std::string_view line, std::size_t offset);

class property_set {
 public:
  bool present = false;
  place at;                          ///< the object itself (or the wrongly typed value)
  const event_plan* plan = nullptr;  ///< set before `read` to filter while reading
  std::string_view event_name;       ///< as written in the line, for messages
  std::vector<stdlib::property_entry> entries;
  std::vector<place> places;     ///< parallel to `entries` when read without a plan
  std::optional<problem> issue;  ///< the first badly typed declared property, or a key the program reads given twice

  void clear();
  /// Reads the object's properties; false when the line is malformed
  /// (the converter has the error).
  [[nodiscard]] bool read(od::object& object, converter& c, property_plans& plans, std::string_view line);
  /// Filters properties read without a plan through `plan`; a key that
  /// `plan` keeps and the object gave twice becomes the `issue`.
  void apply(const event_plan& plan);
  /// Read without a plan and never filtered (traits, profile attributes):
  /// every key is kept, so any key given twice is the `issue`.
  void keep_all();
  [[nodiscard]] std::size_t capacity_bytes() const;

 private:
  // `key_at`: where the key's opening quote is, for the error of a repeat.
  void put(stdlib::symbol name, stdlib::value v, const place& at, std::string_view key, std::size_t key_at);
  // Under a plan: positions are not kept (an issue records its own).
  void put_planned(stdlib::symbol name, stdlib::value v, std::string_view key, std::size_t key_at);
  void report_repeated(std::string_view key, const place& at);

  struct repeated_key {
    stdlib::symbol name;
    place at;
    std::string key;
  };
  // Keys given twice while reading without a plan (rare; kept until the
  // plan says whether they matter).
  std::vector<repeated_key> repeated_;
  // Narrows `general` to the field's declared type; records an issue if it cannot.
  bool check(const plan_field& f, const stdlib::value& general, const place& at, stdlib::value& out);
};

}  // namespace afterflow::eventlog::json_input
