// What a replay produces: one `action` per send attempt.
//
// Actions are handed to an `action_sink` synchronously, as they happen;
// their string views and values point into the simulator's state and are
// valid only during the call. A sink that keeps actions copies them
// (`owned_action`). The JSON form and its fixed key order live in
// action_writer.hpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "grammar/time.hpp"
#include "interpreter/ir/record.hpp"
#include "stdlib/value.hpp"

namespace afterflow::runtime {

enum class send_status : unsigned char { sent, suppressed };

struct split_choice {
  std::string_view split;  ///< the split's name as hashed
  std::string_view arm;    ///< the arm's label
};

struct action {
  grammar::instant time{};  ///< when it was delivered (or suppressed)
  std::string_view customer;
  std::string_view flow;
  std::string_view run;   ///< the run's stable id
  std::string_view step;  ///< "file.flow:12"
  std::string_view channel;
  std::string_view template_name;
  std::span<const stdlib::property_entry> params;  ///< in the order written in the flow
  send_status status = send_status::sent;
  std::string_view reason;                        ///< why it was suppressed; empty when sent
  std::optional<grammar::instant> deferred_from;  ///< the time quiet hours moved it from
  std::span<const split_choice> splits;           ///< variants the run took, in order
};

/// Receives actions as they happen.
class action_sink {
 public:
  virtual ~action_sink() = default;
  virtual void on_action(const action& a, const ir::symbol_table& symbols) = 0;
};

/// Counts actions and keeps nothing: for `run --summary`, `explain` and
/// benchmarks, where no action is written.
class action_counter final : public action_sink {
 public:
  void on_action(const action&, const ir::symbol_table&) override { ++count_; }
  [[nodiscard]] std::uint64_t count() const { return count_; }

 private:
  std::uint64_t count_ = 0;
};

/// An action that owns its data, for sinks that keep what they receive.
struct owned_action {
  grammar::instant time{};
  std::string customer;
  std::string flow;
  std::string run;
  std::string step;
  std::string channel;
  std::string template_name;
  std::vector<std::string> param_names;
  ir::record params;  ///< the values, same order as param_names
  send_status status = send_status::sent;
  std::string reason;
  std::optional<grammar::instant> deferred_from;
  std::vector<std::pair<std::string, std::string>> splits;

  [[nodiscard]] static owned_action copy_of(const action& a, const ir::symbol_table& symbols);
};

/// Keeps a copy of every action, in order: for the C++ API and the test runner.
class action_collector final : public action_sink {
 public:
  void on_action(const action& a, const ir::symbol_table& symbols) override {
    actions.push_back(owned_action::copy_of(a, symbols));
  }
  std::vector<owned_action> actions;
};

}  // namespace afterflow::runtime
