// The layout of `test` declarations: one item per line (see format_printer.hpp).
#include <algorithm>
#include <type_traits>

#include "grammar/format/format_text.hpp"
#include "grammar/format/internal/format_printer.hpp"

namespace afterflow::format {

namespace {

/// `expect send ...` up to, not including, the `with` property list.
[[nodiscard]] std::string expect_send_prefix(const ast::expect_send& e) {
  std::string out = "expect ";
  out += ast::spelling(e.kind);
  if (e.channel) out += " " + e.channel->name;
  if (e.template_name) out += " " + quote(e.template_name->value);
  if (e.customer) out += " to " + customer_text(*e.customer);
  if (e.at) out += " at " + expr_text(*e.at);
  if (e.between_start && e.between_end) {
    out += " between " + expr_text(*e.between_start) + " and " + expr_text(*e.between_end);
  }
  if (e.has_with) out += " with";
  return out;
}

/// Where to look for the `{` of `with { ... }`: after every other part.
[[nodiscard]] std::uint32_t expect_send_list_search(const ast::expect_send& e, std::uint32_t begin) {
  std::uint32_t from = begin;
  if (e.channel) from = std::max(from, e.channel->where.end);
  if (e.template_name) from = std::max(from, e.template_name->where.end);
  if (e.customer) from = std::max(from, e.customer->where.end);
  if (e.at) from = std::max(from, e.at->where.end);
  if (e.between_end) from = std::max(from, e.between_end->where.end);
  return from;
}

}  // namespace

void printer::test(const ast::declaration& d, const ast::test_decl& t) {
  const auto open = comments_.find_open_brace(t.name.where.end);
  const auto close = comments_.closing_brace(d.where.end);
  leading(d.where.begin, open);
  out_.append("test " + quote(t.name.value));
  if (t.items.empty() && !comments_.any_in(open, close)) {
    out_.append(" { }");
  } else {
    open_brace(open, {});
    for (const auto& item : t.items) test_item(item);
    close_brace(close);
  }
  finish_line(d.where.end);
}

void printer::test_item(const ast::test_item& item) {
  const auto begin = item.where.begin;
  const auto end = item.where.end;
  std::visit(
      [&](const auto& node) {
        using node_type = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<node_type, ast::test_customer>) {
          list_line(begin, end, "customer " + customer_text(node.customer), property_items(node.attributes),
                    !node.attributes.empty(), node.customer.where.end);
        } else if constexpr (std::is_same_v<node_type, ast::test_event>) {
          const char* anchor = node.time.anchor == ast::time_anchor::at ? "at " : "after ";
          list_line(begin, end,
                    anchor + expr_text(node.time.value) + " " + node.event.name + " " + customer_text(node.customer),
                    property_items(node.properties), node.has_properties_block, node.customer.where.end);
        } else if constexpr (std::is_same_v<node_type, ast::test_run_until>) {
          line(begin, end, "run until " + expr_text(node.until));
        } else if constexpr (std::is_same_v<node_type, ast::test_allow_other_sends>) {
          line(begin, end, "allow other sends");
        } else if constexpr (std::is_same_v<node_type, ast::expect_send>) {
          list_line(begin, end, expect_send_prefix(node), property_items(node.with), node.has_with,
                    expect_send_list_search(node, begin));
        } else if constexpr (std::is_same_v<node_type, ast::expect_count>) {
          line(begin, end,
               "expect count send " + node.channel.name + " " + ast::spelling(node.op) + " " + expr_text(node.count));
        } else if constexpr (std::is_same_v<node_type, ast::expect_exit>) {
          line(begin, end,
               "expect exit " + node.flow.name + " for " + customer_text(node.customer) + " reason " +
                   (node.reason_quoted ? quote(node.reason) : node.reason));
        } else if constexpr (std::is_same_v<node_type, ast::expect_goal>) {
          line(begin, end, "expect goal " + node.flow.name + " for " + customer_text(node.customer));
        } else {
          static_assert(std::is_same_v<node_type, ast::expect_segment>);
          line(begin, end,
               "expect " + customer_text(node.customer) + (node.negated ? " not in " : " in ") + node.segment.name);
        }
      },
      item.node);
}

}  // namespace afterflow::format
