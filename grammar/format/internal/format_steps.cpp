// The layout of flow steps (see format_printer.hpp).
#include <algorithm>
#include <type_traits>

#include "grammar/format/format_text.hpp"
#include "grammar/format/internal/format_printer.hpp"

namespace afterflow::format {

using grammar::count_code_points;

namespace {

[[nodiscard]] std::string days_text(const std::vector<ast::day_range>& days) {
  std::string out;
  for (std::size_t i = 0; i < days.size(); ++i) {
    if (i > 0) out += ", ";
    out += ast::spelling(days[i].first);
    if (days[i].last != days[i].first) {
      out += "..";
      out += ast::spelling(days[i].last);
    }
  }
  return out;
}

[[nodiscard]] std::string wait_until_text(const ast::wait_until_step& w) {
  std::string out = "wait until " + expr_text(w.time_of_day);
  if (!w.days.empty()) out += " on " + days_text(w.days);
  if (w.time_zone) out += " in " + expr_text(*w.time_zone);
  return out;
}

/// `wait for <event> [as <name>] [where <expr>] within <duration>`
[[nodiscard]] std::string wait_for_text(const ast::wait_for_step& w) {
  std::string out = "wait for " + w.event.name;
  if (w.binding) out += " as " + w.binding->name;
  if (w.condition) out += " where " + expr_text(*w.condition);
  out += " within " + expr_text(w.within);
  return out;
}

[[nodiscard]] std::string send_prefix(const ast::send_step& s) {
  return "send " + s.channel.name + " " + quote(s.template_name.value);
}

}  // namespace

std::optional<std::string> printer::one_line(const ast::step& s) {
  return std::visit(
      [](const auto& node) -> std::optional<std::string> {
        using node_type = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<node_type, ast::wait_step>) {
          return "wait " + expr_text(node.duration);
        } else if constexpr (std::is_same_v<node_type, ast::wait_until_step>) {
          return wait_until_text(node);
        } else if constexpr (std::is_same_v<node_type, ast::wait_for_step>) {
          if (node.received || node.timed_out) return std::nullopt;
          return wait_for_text(node);
        } else if constexpr (std::is_same_v<node_type, ast::send_step>) {
          auto out = send_prefix(node);
          if (node.has_params_block) out += " " + inline_list(property_items(node.params));
          return out;
        } else if constexpr (std::is_same_v<node_type, ast::set_step>) {
          return "set " + node.target.name + "." + node.attribute.name + " = " + expr_text(node.value);
        } else if constexpr (std::is_same_v<node_type, ast::tag_step>) {
          return (node.remove ? "untag " : "tag ") + quote(node.tag.value);
        } else if constexpr (std::is_same_v<node_type, ast::emit_step>) {
          auto out = "emit " + node.event.name;
          if (node.has_properties_block) out += " " + inline_list(property_items(node.properties));
          return out;
        } else if constexpr (std::is_same_v<node_type, ast::stop_step>) {
          return node.reason ? "stop " + quote(node.reason->value) : std::string("stop");
        } else if constexpr (std::is_same_v<node_type, ast::log_step>) {
          return "log " + quote(node.text.value);
        } else {
          static_assert(std::is_same_v<node_type, ast::if_step> || std::is_same_v<node_type, ast::split_step> ||
                        std::is_same_v<node_type, ast::repeat_step>);
          return std::nullopt;
        }
      },
      s.node);
}

void printer::step_list(const std::vector<ast::step>& steps) {
  for (const auto& s : steps) step(s);
}

namespace {

/// `a b`, or nothing if either part is missing.
[[nodiscard]] std::optional<std::string> joined(const std::optional<std::string>& a, std::string_view separator,
                                                const std::optional<std::string>& b) {
  if (!a || !b) return std::nullopt;
  return *a + std::string(separator) + *b;
}

}  // namespace

void printer::step(const ast::step& s) {
  const auto begin = s.where.begin;
  const auto end = s.where.end;
  std::visit(
      [&](const auto& node) {
        using node_type = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<node_type, ast::send_step>) {
          list_line(begin, end, send_prefix(node), property_items(node.params), node.has_params_block,
                    node.template_name.where.end);
        } else if constexpr (std::is_same_v<node_type, ast::emit_step>) {
          list_line(begin, end, "emit " + node.event.name, property_items(node.properties), node.has_properties_block,
                    node.event.where.end);
        } else if constexpr (std::is_same_v<node_type, ast::wait_for_step>) {
          if (!node.received && !node.timed_out) {
            line(begin, end, wait_for_text(node));
            return;
          }
          const auto first_open = node.received ? node.received->where.begin : node.timed_out->where.begin;
          std::optional<std::string> compact = wait_for_text(node);
          if (node.received) compact = joined(compact, " ", inline_block(*node.received));
          if (node.timed_out) compact = joined(compact, " timeout ", inline_block(*node.timed_out));
          if (compact_line(begin, first_open, end, compact)) return;
          leading(begin, first_open);
          out_.append(wait_for_text(node));
          if (node.received) block(*node.received, {});
          if (node.timed_out) {
            const auto head =
                node.received ? comments_.take_before(node.timed_out->where.begin) : std::span<const ast::comment>{};
            out_.append(" timeout");
            block(*node.timed_out, head);
          }
          finish_line(end);
        } else if constexpr (std::is_same_v<node_type, ast::if_step>) {
          const auto first_open = node.branches.front().body.where.begin;
          std::optional<std::string> compact;
          for (std::size_t i = 0; i < node.branches.size(); ++i) {
            const auto& branch = node.branches[i];
            const auto condition = (i == 0 ? "if " : " else if ") + expr_text(branch.condition);
            compact = joined(i == 0 ? condition : joined(compact, "", condition), " ", inline_block(branch.body));
            // Longer than a line already: it will not be used, and building
            // it on would copy it once per arm (quadratic in the arms).
            if (compact && compact->size() > max_width) {
              compact.reset();
              break;
            }
          }
          if (node.otherwise) compact = joined(compact, " else ", inline_block(*node.otherwise));
          if (compact_line(begin, first_open, end, compact)) return;
          for (std::size_t i = 0; i < node.branches.size(); ++i) {
            const auto& branch = node.branches[i];
            if (i == 0) {
              leading(begin, first_open);
              out_.append("if " + expr_text(branch.condition));
              block(branch.body, {});
            } else {
              const auto head = comments_.take_before(branch.body.where.begin);
              out_.append(" else if " + expr_text(branch.condition));
              block(branch.body, head);
            }
          }
          if (node.otherwise) {
            const auto head = comments_.take_before(node.otherwise->where.begin);
            out_.append(" else");
            block(*node.otherwise, head);
          }
          finish_line(end);
        } else if constexpr (std::is_same_v<node_type, ast::split_step>) {
          const auto open = comments_.find_open_brace(node.name ? node.name->where.end : begin);
          const auto close = comments_.closing_brace(end);
          leading(begin, open);
          out_.append(node.name ? "split " + quote(node.name->value) : std::string("split"));
          if (node.arms.empty() && !comments_.any_in(open, close)) {
            out_.append(" { }");
          } else {
            open_brace(open, {});
            for (const auto& arm : node.arms) {
              const auto arm_end = arm.body.where.end;
              const auto label = arm.percent_text + "% " + arm.label.name;
              if (compact_line(arm.percent_where.begin, arm.body.where.begin, arm_end,
                               joined(label, " ", inline_block(arm.body)))) {
                continue;
              }
              leading(arm.percent_where.begin, arm.body.where.begin);
              out_.append(label);
              block(arm.body, {});
              finish_line(arm_end);
            }
            close_brace(close);
          }
          finish_line(end);
        } else if constexpr (std::is_same_v<node_type, ast::repeat_step>) {
          const auto header = "repeat " + expr_text(node.count) + " times";
          if (compact_line(begin, node.body.where.begin, end, joined(header, " ", inline_block(node.body)))) {
            return;
          }
          leading(begin, node.body.where.begin);
          out_.append(header);
          block(node.body, {});
          finish_line(end);
        } else {
          line(begin, end, *one_line(s));
        }
      },
      s.node);
}

std::optional<std::string> printer::inline_block(const ast::block& b) const {
  const auto open = b.where.begin;
  const auto close = comments_.closing_brace(b.where.end);
  if (comments_.any_in(open, close)) return std::nullopt;
  if (b.steps.empty()) return "{ }";
  if (b.steps.size() != 1 || comments_.line_end_in(open, close)) return std::nullopt;
  const auto text = one_line(b.steps.front());
  if (!text) return std::nullopt;
  return "{ " + *text + " }";
}

bool printer::compact_line(std::uint32_t begin, std::uint32_t first_open, std::uint32_t end,
                           const std::optional<std::string>& text) {
  if (!text || comments_.any_in(first_open, end) || out_.column() + count_code_points(*text) > max_width) {
    return false;
  }
  line(begin, end, *text);
  return true;
}

void printer::block(const ast::block& b, std::span<const ast::comment> head) {
  const auto open = b.where.begin;
  const auto close = comments_.closing_brace(b.where.end);
  if (head.empty() && b.steps.empty() && !comments_.any_in(open, close)) {
    out_.append(" { }");
    last_end_ = std::max(last_end_, b.where.end);
    return;
  }
  open_brace(open, head);
  step_list(b.steps);
  close_brace(close);
}

}  // namespace afterflow::format
