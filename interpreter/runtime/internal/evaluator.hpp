// Evaluating compiled expressions.
//
// A tree walk over the program's flat `node` vector: each node is 16 bytes,
// operands are indices, names are symbols, so evaluation never allocates
// except for values it must create (string concatenation, `lower()`, lists
// built at run time). Those live in a scratch arena owned by the evaluator,
// which the simulator clears at safe points (after each event or timer has
// been fully handled), once nothing can point at them any more.
//
// The operators and their null rules are stdlib/operators.hpp's, shared with
// the checker's constant folding.
#pragma once

#include <cstdint>
#include <deque>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interpreter/ir/program.hpp"
#include "interpreter/ir/record.hpp"
#include "interpreter/runtime/internal/history.hpp"
#include "interpreter/runtime/local_time.hpp"
#include "stdlib/operators.hpp"
#include "stdlib/value.hpp"

namespace afterflow::runtime {

/// The customer an expression is evaluated for.
struct customer_view {
  std::uint32_t index = 0;  ///< in the customer table and history store
  std::string_view id;
  const ir::record* attributes = nullptr;
  const std::vector<stdlib::symbol>* tags = nullptr;  ///< in the order added; null: none (read lazily)
  const time_zone* zone = nullptr;                    ///< the customer's zone, else the policy's, else UTC
  const std::byte* history = nullptr;                 ///< the customer's history block; null: none yet
};

/// Everything one evaluation can see besides the program.
struct eval_frame {
  grammar::instant now{};
  const customer_view* customer = nullptr;
  const stdlib::event_view* event = nullptr;            ///< `event` inside a `where`
  const stdlib::event_view* trigger = nullptr;          ///< the run's trigger
  std::span<const stdlib::event_view* const> bindings;  ///< `as` slots; null when unbound
};

class evaluator {
 public:
  /// `symbols` names what the program's own table does not (the replay's, symbol_table.hpp).
  evaluator(const ir::program& p, const ir::symbol_table& symbols, const history_store& history, zone_cache& zones);

  [[nodiscard]] stdlib::value eval(ir::node_index n, const eval_frame& frame);
  /// A condition: true only for the boolean true (null and non-bools are false).
  [[nodiscard]] bool holds(ir::node_index n, const eval_frame& frame) { return eval(n, frame).truthy(); }

  /// Frees values made during evaluation. Values returned earlier that
  /// point into the scratch arena become invalid.
  void clear_scratch();

  /// Why an operator gave `null` (division by zero, out of range) since the
  /// last call: a run-time error can then say "overflowed", not "is null".
  [[nodiscard]] stdlib::op_problem take_problem() { return std::exchange(problem_, stdlib::op_problem::none); }

 private:
  stdlib::value noted(const stdlib::op_result& r);
  stdlib::value eval_binary(const ir::node& n, const eval_frame& frame);
  stdlib::value eval_call(const ir::node& n, const eval_frame& frame);
  stdlib::value filtered_aggregate(std::uint32_t slot, const eval_frame& frame);
  stdlib::value make_string(std::string s);
  const time_zone* zone_argument(std::span<const stdlib::value> args, std::size_t index, const eval_frame& frame);

  const ir::program& program_;
  const ir::symbol_table& symbols_;
  const history_store& history_;
  zone_cache& zones_;
  std::deque<std::string> scratch_strings_;
  std::deque<std::vector<stdlib::value>> scratch_lists_;
  std::vector<stdlib::value> argument_stack_;
  stdlib::op_problem problem_ = stdlib::op_problem::none;
};

/// A value as plain text: strings as they are, everything else as in
/// `explain` (value_format.hpp). What `to_string` returns and how keys are
/// compared.
[[nodiscard]] std::string plain_text(const stdlib::value& v, const ir::symbol_table& symbols);

}  // namespace afterflow::runtime
