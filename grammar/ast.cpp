#include "grammar/ast.hpp"

namespace afterflow::grammar::ast {

const char* spelling(binary_op op) {
  switch (op) {
    case binary_op::logical_or: return "or";
    case binary_op::logical_and: return "and";
    case binary_op::equal: return "==";
    case binary_op::not_equal: return "!=";
    case binary_op::less: return "<";
    case binary_op::less_equal: return "<=";
    case binary_op::greater: return ">";
    case binary_op::greater_equal: return ">=";
    case binary_op::in: return "in";
    case binary_op::not_in: return "not in";
    case binary_op::add: return "+";
    case binary_op::subtract: return "-";
    case binary_op::multiply: return "*";
    case binary_op::divide: return "/";
    case binary_op::remainder: return "%";
  }
  return "?";
}

const char* spelling(unary_op op) {
  switch (op) {
    case unary_op::logical_not: return "not";
    case unary_op::negate: return "-";
  }
  return "?";
}

bool is_null_literal(const expr& e) {
  const expr* inner = &e;
  while (const auto* p = std::get_if<paren_expr>(&inner->node)) inner = p->inner.get();
  return std::holds_alternative<null_literal>(inner->node);
}

const char* spelling(weekday day) {
  switch (day) {
    case weekday::mon: return "mon";
    case weekday::tue: return "tue";
    case weekday::wed: return "wed";
    case weekday::thu: return "thu";
    case weekday::fri: return "fri";
    case weekday::sat: return "sat";
    case weekday::sun: return "sun";
  }
  return "?";
}

const char* spelling(send_expectation kind) {
  switch (kind) {
    case send_expectation::send: return "send";
    case send_expectation::no_send: return "no send";
    case send_expectation::suppressed: return "suppressed";
    case send_expectation::deferred: return "deferred";
  }
  return "send";
}

}  // namespace afterflow::grammar::ast
