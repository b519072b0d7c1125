// Builds the AST of one declaration from the parser's actions.
//
// The grammar's actions call this object in source order; it knows nothing
// about PEGTL. Two stacks carry the tree under construction:
//
//   - frames: constructs that are still open, from the declaration down to
//     the innermost step, test line, call or list. The action on a
//     construct's deciding token opens its frame, actions on its parts fill
//     the frame on top, and the action on the whole construct closes it and
//     hands the node to the frame below (a step to its block, an arm to its
//     split, a declaration to the result).
//   - expressions: finished expressions, each with its height. Operands are
//     pushed, operators fold the top entries, and whatever takes an
//     expression pops exactly one.
//
// Because the grammar commits at every deciding token, an action never runs
// for a branch that is later abandoned, so the stacks only ever grow in the
// order of the finished tree. `take_declaration` checks that they end empty.
//
// Expression heights are bounded here (E0005): a chain such as
// `1 + 1 + ... + 1` nests no brackets but builds a tree as deep as it is
// long, and every later stage walks trees recursively.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "grammar/ast.hpp"

namespace afterflow::grammar::parsing {

/// An `if` step under construction: the branch whose condition has been
/// read but whose body has not.
struct if_frame {
  ast::if_step step;
  span keyword;  ///< `if` or `else if` of the pending branch
  std::optional<ast::expr> condition;
};

struct call_frame {
  ast::call_expr call;
  std::optional<ast::identifier> pending_name;  ///< `name:` read, value not yet
  std::uint32_t height = 0;                     ///< of the tallest argument
};

struct list_frame {
  ast::list_expr list;
  std::uint32_t height = 0;  ///< of the tallest item
};

using frame =
    std::variant<ast::import_decl, ast::const_decl, ast::event_decl, ast::segment_decl, ast::policy_decl, ast::map_decl,
                 ast::flow_decl, ast::test_decl, ast::policy_timezone, ast::policy_quiet_hours, ast::policy_limit,
                 ast::event_pattern, ast::block, ast::wait_step, ast::wait_until_step, ast::wait_for_step, if_frame,
                 ast::split_step, ast::split_arm, ast::send_step, ast::set_step, ast::tag_step, ast::emit_step,
                 ast::repeat_step, ast::stop_step, ast::log_step, ast::test_customer, ast::test_event,
                 ast::test_run_until, ast::test_allow_other_sends, ast::expect_send, ast::expect_count,
                 ast::expect_exit, ast::expect_goal, ast::expect_segment, call_frame, list_frame>;

class parse_builder {
 public:
  /// `max_height`: the tallest expression tree accepted (E0005 beyond).
  explicit parse_builder(std::size_t max_height);

  /// Forgets a declaration abandoned after a syntax error.
  void reset();

  // -- Frames ---------------------------------------------------------------

  template <typename T>
  void open(T node) {
    frames_.emplace_back(std::in_place_type<T>, std::move(node));
  }

  /// The open construct on top, which must be a `T`.
  template <typename T>
  [[nodiscard]] T& top() {
    if (frames_.empty()) broken("no open construct");
    auto* node = std::get_if<T>(&frames_.back());
    if (node == nullptr) broken("unexpected open construct");
    return *node;
  }

  /// Removes the open construct on top, which must be a `T`.
  template <typename T>
  [[nodiscard]] T close() {
    T node = std::move(top<T>());
    frames_.pop_back();
    return node;
  }

  // -- Expressions ----------------------------------------------------------

  void push_leaf(ast::expr_node node, span where);
  [[nodiscard]] ast::expr pop_expr();
  void push_operator(ast::binary_op op, span where);
  /// Folds `lhs op rhs` from the two top expressions and the top operator.
  void fold_binary();
  void fold_unary(ast::unary_op op, span op_where, span whole);
  void fold_member(ast::identifier member);
  void fold_paren(span whole);
  /// The name on top of the expression stack becomes a callee.
  void open_call();
  void set_argument_name(ast::identifier name);
  void add_argument();
  void set_call_filter(span where_keyword);
  /// `args` runs from `(` to `)`.
  void close_call(span args);
  void open_list();
  void add_list_item();
  void close_list(span whole);

  // -- `name: value` lists of the construct on top --------------------------

  void open_properties();
  void add_property(ast::identifier name);
  void set_property_value();

  // -- Finishing constructs -------------------------------------------------

  void finish_step(span whole);
  void finish_policy_item(span whole);
  void finish_test_item(span whole);
  void finish_pattern(std::vector<ast::event_pattern> ast::flow_decl::*list, span whole);
  void finish_arm();
  void finish_declaration(span whole);
  /// The declaration just finished; the builder is empty afterwards.
  [[nodiscard]] ast::declaration take_declaration();

 private:
  // `height` counts the operator and bracket levels above the leaves.
  struct entry {
    ast::expr value;
    std::uint32_t height = 0;
  };

  [[noreturn]] static void broken(const char* what);
  [[nodiscard]] entry pop_entry();
  void push(ast::expr value, std::uint32_t height, span blame);

  std::uint32_t max_height_;
  std::vector<frame> frames_;
  std::vector<entry> exprs_;
  std::vector<std::pair<ast::binary_op, span>> operators_;
  std::optional<ast::declaration> done_;
};

}  // namespace afterflow::grammar::parsing
