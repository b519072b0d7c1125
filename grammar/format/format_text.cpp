#include "grammar/format/format_text.hpp"

#include <fmt/format.h>

#include <type_traits>

namespace afterflow::format {

namespace {

void append_expr(std::string& out, const ast::expr& e);

void append_call(std::string& out, const ast::call_expr& call) {
  out += call.callee.name;
  out += '(';
  for (std::size_t i = 0; i < call.arguments.size(); ++i) {
    const auto& argument = call.arguments[i];
    if (i > 0) out += ", ";
    if (argument.name) {
      out += argument.name->name;
      out += ": ";
    }
    if (argument.value) append_expr(out, *argument.value);
    if (i == 0 && call.filter) {
      out += " where ";
      append_expr(out, *call.filter);
    }
  }
  out += ')';
}

void append_expr(std::string& out, const ast::expr& e) {
  std::visit(
      [&out](const auto& node) {
        using node_type = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<node_type, ast::null_literal>) {
          out += "null";
        } else if constexpr (std::is_same_v<node_type, ast::bool_literal>) {
          out += node.value ? "true" : "false";
        } else if constexpr (std::is_same_v<node_type, ast::string_value>) {
          out += quote(node.value);
        } else if constexpr (std::is_same_v<node_type, ast::number_literal> ||
                             std::is_same_v<node_type, ast::duration_literal> ||
                             std::is_same_v<node_type, ast::time_of_day_literal> ||
                             std::is_same_v<node_type, ast::timestamp_literal>) {
          out += node.text;
        } else if constexpr (std::is_same_v<node_type, ast::list_expr>) {
          out += '[';
          for (std::size_t i = 0; i < node.items.size(); ++i) {
            if (i > 0) out += ", ";
            append_expr(out, node.items[i]);
          }
          out += ']';
        } else if constexpr (std::is_same_v<node_type, ast::name_expr>) {
          out += node.name.name;
        } else if constexpr (std::is_same_v<node_type, ast::member_expr>) {
          if (node.object) append_expr(out, *node.object);
          out += '.';
          out += node.member.name;
        } else if constexpr (std::is_same_v<node_type, ast::unary_expr>) {
          if (node.op == ast::unary_op::logical_not) {
            out += "not ";
          } else {
            // `- -x`, never `--x`.
            const bool nested_negate = node.operand && std::holds_alternative<ast::unary_expr>(node.operand->node) &&
                                       std::get<ast::unary_expr>(node.operand->node).op == ast::unary_op::negate;
            out += nested_negate ? "- " : "-";
          }
          if (node.operand) append_expr(out, *node.operand);
        } else if constexpr (std::is_same_v<node_type, ast::binary_expr>) {
          if (node.lhs) append_expr(out, *node.lhs);
          out += ' ';
          out += ast::spelling(node.op);
          out += ' ';
          if (node.rhs) append_expr(out, *node.rhs);
        } else if constexpr (std::is_same_v<node_type, ast::call_expr>) {
          append_call(out, node);
        } else if constexpr (std::is_same_v<node_type, ast::paren_expr>) {
          out += '(';
          if (node.inner) append_expr(out, *node.inner);
          out += ')';
        } else {
          static_assert(!sizeof(node_type), "every expression node is printed");
        }
      },
      e.node);
}

}  // namespace

std::string quote(std::string_view value) {
  std::string out;
  out.reserve(value.size() + 2);
  out += '"';
  for (const char c : value) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default: {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F) {
          out += fmt::format("\\u{{{:x}}}", byte);
        } else {
          out += c;
        }
      }
    }
  }
  out += '"';
  return out;
}

std::string expr_text(const ast::expr& e) {
  std::string out;
  append_expr(out, e);
  return out;
}

std::string customer_text(const ast::customer_ref& c) { return c.quoted ? quote(c.id) : c.id; }

}  // namespace afterflow::format
