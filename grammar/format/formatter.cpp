#include "grammar/format/formatter.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <type_traits>

#include "grammar/format/format_text.hpp"
#include "grammar/format/internal/format_printer.hpp"

namespace afterflow::format {

using grammar::count_code_points;
using grammar::source_file;

std::string format_file(const ast::file& tree, const source_file& source) {
  return format::printer(tree, source).run();
}

namespace {

constexpr auto end_of_text = std::numeric_limits<std::uint32_t>::max();

[[nodiscard]] std::string pattern_text(const ast::event_pattern& p) {
  std::string out = p.event.name;
  if (p.condition) out += " where " + expr_text(*p.condition);
  return out;
}

[[nodiscard]] std::string policy_item_text(const ast::policy_item& item) {
  return std::visit(
      [](const auto& node) -> std::string {
        using node_type = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<node_type, ast::policy_timezone>) {
          return "timezone " + quote(node.zone.value);
        } else if constexpr (std::is_same_v<node_type, ast::policy_quiet_hours>) {
          std::string out = "quiet_hours " + expr_text(node.from) + " to " + expr_text(node.to);
          for (std::size_t i = 0; i < node.channels.size(); ++i) {
            out += i == 0 ? " for " : ", ";
            out += node.channels[i].name;
          }
          return out;
        } else {
          static_assert(std::is_same_v<node_type, ast::policy_limit>);
          return "limit " + node.channel.name + " " + expr_text(node.count) + " per " + expr_text(node.window);
        }
      },
      item.node);
}

[[nodiscard]] std::vector<list_item> map_items(const ast::map_decl& m) {
  std::vector<list_item> items;
  for (const auto& p : m.properties) {
    items.push_back({p.target.where.begin, p.source_where.end,
                     p.target.name + ": " + (p.source_quoted ? quote(p.source) : p.source)});
  }
  return items;
}

[[nodiscard]] std::string map_prefix(const ast::map_decl& m) {
  return "map " + quote(m.external_name.value) + " to " + m.event.name;
}

}  // namespace

std::vector<list_item> property_items(const std::vector<ast::property>& properties) {
  std::vector<list_item> items;
  items.reserve(properties.size());
  for (const auto& p : properties) {
    items.push_back({p.name.where.begin, p.value.where.end, p.name.name + ": " + expr_text(p.value)});
  }
  return items;
}

std::string inline_list(const std::vector<list_item>& items) {
  if (items.empty()) return "{ }";
  std::string out = "{ ";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    out += items[i].text;
  }
  out += " }";
  return out;
}

// ---------------------------------------------------------------------------
// The file

std::string printer::run() {
  std::size_t previous_kind = 0;
  bool previous_single = false;
  for (std::size_t i = 0; i < tree_.declarations.size(); ++i) {
    const auto& d = tree_.declarations[i];
    const bool single = single_line(d);
    // Consecutive one-line declarations of a kind form a group; every other
    // pair of declarations is a paragraph apart.
    if (i > 0 && !(single && previous_single && d.node.index() == previous_kind)) {
      out_.request_blank();
    }
    declaration(d);
    previous_kind = d.node.index();
    previous_single = single;
  }
  leading(text_size_, end_of_text);  // comments after the last declaration
  return out_.finish();
}

bool printer::single_line(const ast::declaration& d) const {
  if (std::holds_alternative<ast::import_decl>(d.node) || std::holds_alternative<ast::const_decl>(d.node) ||
      std::holds_alternative<ast::segment_decl>(d.node)) {
    return true;
  }
  if (const auto* m = std::get_if<ast::map_decl>(&d.node)) {
    if (m->properties.empty()) return true;
    return !list_breaks(map_prefix(*m), map_items(*m), comments_.find_open_brace(m->event.where.end),
                        comments_.closing_brace(d.where.end));
  }
  return false;
}

void printer::declaration(const ast::declaration& d) {
  const auto begin = d.where.begin;
  const auto end = d.where.end;
  std::visit(
      [&](const auto& node) {
        using node_type = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<node_type, ast::import_decl>) {
          line(begin, end, "import " + quote(node.path.value));
        } else if constexpr (std::is_same_v<node_type, ast::const_decl>) {
          line(begin, end, "const " + node.name.name + " = " + expr_text(node.value));
        } else if constexpr (std::is_same_v<node_type, ast::segment_decl>) {
          line(begin, end, "segment " + node.name.name + " = " + expr_text(node.condition));
        } else if constexpr (std::is_same_v<node_type, ast::event_decl>) {
          std::vector<list_item> items;
          for (const auto& f : node.fields) {
            items.push_back(
                {f.name.where.begin, f.type.where.end, f.name.name + (f.optional ? "?: " : ": ") + f.type.name});
          }
          braced_lines("event " + node.name.name, begin, end, comments_.find_open_brace(node.name.where.end), items);
        } else if constexpr (std::is_same_v<node_type, ast::policy_decl>) {
          std::vector<list_item> items;
          for (const auto& item : node.items) {
            items.push_back({item.where.begin, item.where.end, policy_item_text(item)});
          }
          braced_lines("policy", begin, end, comments_.find_open_brace(begin), items);
        } else if constexpr (std::is_same_v<node_type, ast::map_decl>) {
          list_line(begin, end, map_prefix(node), map_items(node), !node.properties.empty(), node.event.where.end);
        } else if constexpr (std::is_same_v<node_type, ast::flow_decl>) {
          flow(d, node);
        } else {
          static_assert(std::is_same_v<node_type, ast::test_decl>);
          test(d, node);
        }
      },
      d.node);
}

// ---------------------------------------------------------------------------
// Flows

void printer::flow(const ast::declaration& d, const ast::flow_decl& f) {
  const auto open = f.body.where.begin;
  const auto close = comments_.closing_brace(f.body.where.end);
  leading(d.where.begin, open);
  std::string header = "flow " + f.name.name;
  if (f.description) header += " " + quote(f.description->value);
  out_.append(header);
  const bool has_clauses = !f.triggers.empty() || !f.filters.empty() || !f.exits.empty() || !f.goals.empty() ||
                           f.reentry || f.key || f.transactional;
  if (!has_clauses && f.body.steps.empty() && !comments_.any_in(open, close)) {
    out_.append(" { }");
    finish_line(d.where.end);
    return;
  }
  open_brace(open, {});
  flow_clauses(f);
  if (has_clauses && !f.body.steps.empty()) out_.request_blank();
  step_list(f.body.steps);
  close_brace(close);
  finish_line(d.where.end);
}

void printer::flow_clauses(const ast::flow_decl& f) {
  struct clause {
    std::uint32_t end = 0;
    std::string text;
    std::span<const ast::comment> above;
    const ast::comment* trailing = nullptr;
  };
  // Canonical order: trigger, when, exit on, goal, reentry, key, transactional.
  std::vector<clause> clauses;
  const auto add = [&clauses](std::uint32_t end, std::string text) {
    clauses.push_back({end, std::move(text), {}, nullptr});
  };
  for (const auto& p : f.triggers) add(p.where.end, "trigger " + pattern_text(p));
  for (const auto& e : f.filters) add(e.where.end, "when " + expr_text(e));
  for (const auto& p : f.exits) add(p.where.end, "exit on " + pattern_text(p));
  for (const auto& p : f.goals) add(p.where.end, "goal " + pattern_text(p));
  if (f.reentry) {
    std::string text = "reentry ";
    switch (f.reentry->kind) {
      case ast::reentry_kind::never: text += "never"; break;
      case ast::reentry_kind::always: text += "always"; break;
      case ast::reentry_kind::after:
        text += "after";
        if (f.reentry->after) text += " " + expr_text(*f.reentry->after);
        break;
    }
    add(f.reentry->where.end, std::move(text));
  }
  if (f.key) add(f.key->where.end, "key " + expr_text(*f.key));
  if (f.transactional) add(f.transactional->end, "transactional");

  // Comments belong to the clause they precede or end the line of, taken in
  // source order so that each moves with its clause.
  std::vector<std::size_t> source_order(clauses.size());
  std::iota(source_order.begin(), source_order.end(), std::size_t{0});
  std::stable_sort(source_order.begin(), source_order.end(),
                   [&](std::size_t a, std::size_t b) { return clauses[a].end < clauses[b].end; });
  for (const auto i : source_order) {
    auto& c = clauses[i];
    c.above = comments_.take_before(c.end);
    c.trailing = comments_.take_trailing(c.end);
    last_end_ = std::max({last_end_, c.end, c.trailing ? c.trailing->where.end : 0U});
    for (const auto& a : c.above) last_end_ = std::max(last_end_, a.where.end);
  }
  for (const auto& c : clauses) {
    for (const auto& a : c.above) out_.comment_line(comments_.text(a));
    out_.append(c.text);
    if (c.trailing) out_.set_trailing(comments_.text(*c.trailing));
    out_.end_line();
  }
}

// ---------------------------------------------------------------------------
// The line protocol

void printer::leading(std::uint32_t begin, std::uint32_t header_end) {
  for (const auto& c : comments_.take_before(header_end)) {
    if (comments_.blank_line_in(last_end_, c.where.begin)) out_.request_blank();
    out_.comment_line(comments_.text(c));
    last_end_ = std::max(last_end_, c.where.end);
  }
  if (comments_.blank_line_in(last_end_, begin)) out_.request_blank();
}

void printer::finish_line(std::uint32_t end) {
  last_end_ = std::max(last_end_, end);
  if (const auto* c = comments_.take_trailing(end)) {
    out_.set_trailing(comments_.text(*c));
    last_end_ = std::max(last_end_, c->where.end);
  }
  out_.end_line();
}

void printer::line(std::uint32_t begin, std::uint32_t end, std::string_view text) {
  leading(begin, end);
  out_.append(text);
  finish_line(end);
}

void printer::open_brace(std::uint32_t open, std::span<const ast::comment> head) {
  out_.append(" {");
  if (head.empty()) {
    finish_line(open + 1);
  } else {
    last_end_ = std::max(last_end_, open + 1);
    out_.end_line();
  }
  out_.indent();
  for (const auto& c : head) out_.comment_line(comments_.text(c));
}

void printer::close_brace(std::uint32_t close) {
  leading(close, close);
  out_.dedent();
  out_.cancel_blank();
  out_.append("}");
  last_end_ = std::max(last_end_, close + 1);
}

void printer::braced_lines(std::string_view prefix, std::uint32_t begin, std::uint32_t end, std::uint32_t open,
                           const std::vector<list_item>& items) {
  const auto close = comments_.closing_brace(end);
  leading(begin, open);
  out_.append(prefix);
  if (items.empty() && !comments_.any_in(open, close)) {
    out_.append(" { }");
  } else {
    open_brace(open, {});
    for (const auto& item : items) line(item.begin, item.end, item.text);
    close_brace(close);
  }
  finish_line(end);
}

bool printer::list_breaks(std::string_view prefix, const std::vector<list_item>& items, std::uint32_t open,
                          std::uint32_t close) const {
  if (comments_.any_in(open, close)) return true;
  return out_.column() + count_code_points(prefix) + 1 + count_code_points(inline_list(items)) > max_width;
}

void printer::list_line(std::uint32_t begin, std::uint32_t end, const std::string& prefix,
                        const std::vector<list_item>& items, bool has_list, std::uint32_t search_from) {
  if (!has_list) {
    line(begin, end, prefix);
    return;
  }
  const auto open = comments_.find_open_brace(search_from);
  const auto close = comments_.closing_brace(end);
  if (!list_breaks(prefix, items, open, close)) {
    line(begin, end, prefix + " " + inline_list(items));
    return;
  }
  leading(begin, open);
  out_.append(prefix);
  open_brace(open, {});
  for (const auto& item : items) line(item.begin, item.end, item.text + ",");
  close_brace(close);
  finish_line(end);
}

}  // namespace afterflow::format
