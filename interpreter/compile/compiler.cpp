#include "interpreter/compile/compiler.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include <fmt/format.h>

#include "grammar/ast_dump.hpp"

namespace afterflow::compile {

using check::aggregate_info;
using check::call_info;
using check::checked_program;
using check::constant_value;
using check::expr_info;
using check::flow_entry;
using check::flow_index;
using check::member_info;
using check::member_kind;
using check::name_info;
using check::name_kind;
using check::no_index;
using check::null_value;
using check::split_entry;
using check::time_of_day_value;
using grammar::span;
using ir::flow_program;
using ir::history_slot;
using ir::instr;
using ir::mapping_program;
using ir::no_node;
using ir::node;
using ir::node_index;
using ir::op;
using ir::pattern;
using ir::program;
using ir::property_program;
using ir::quiet_hours_program;
using ir::reentry_mode;
using ir::send_program;
using ir::split_arm_program;
using ir::split_program;
using ir::wait_for_program;
using stdlib::builtin_id;
using stdlib::no_symbol;
using stdlib::symbol;
using stdlib::value;
using stdlib::value_storage;

namespace {

using stdlib::builtin_id;

class compiler {
 public:
  compiler(const checked_program& checked, const compile_scope* scope) : checked_(checked), scope_(scope) {}

  program run();

 private:
  // Expressions (the flow being compiled supplies binding slots).
  node_index expr(const ast::expr& e);
  node_index expr_node(const ast::expr& e);
  node_index add(node n);
  node_index constant(value v);
  value constant_of(const constant_value& c);
  node_index member(const ast::expr& e, const ast::member_expr& m, const expr_info& info);
  node_index call(const ast::expr& e, const ast::call_expr& c, const expr_info& info);
  node_index binary(const ast::binary_expr& b);
  std::uint32_t slot_for(const ast::call_expr& c, const aggregate_info& a, builtin_id fn);
  void note_property(const stdlib::type& object_type, symbol property);
  [[nodiscard]] bool reads_more_than_event(node_index n) const;
  void event_properties_read(node_index n, std::set<symbol>& out) const;

  // Flows and steps.
  void flow(const flow_entry& entry);
  void block(const ast::block& b);
  void step(const ast::step& s);
  std::uint32_t emit(instr code, std::uint32_t a = 0, std::uint32_t b = 0, std::uint32_t c = 0);
  [[nodiscard]] std::uint32_t pc() const { return static_cast<std::uint32_t>(flow_->code.size()); }
  std::uint32_t location(span where);
  std::uint32_t text(std::string_view s);
  pattern compile_pattern(const ast::event_pattern& p);
  std::vector<property_program> properties(const std::vector<ast::property>& props);

  void indexes();
  void policy();

  [[nodiscard]] bool policy_applies(span where) const;

  const checked_program& checked_;
  const compile_scope* scope_;
  program out_;
  flow_program* flow_ = nullptr;
  const flow_entry* flow_entry_ = nullptr;
  std::uint32_t split_counter_ = 0;
  std::uint32_t current_location_ = 0;
  std::string_view current_source_;
  std::map<std::string, std::uint32_t, std::less<>> locations_;
  std::map<std::string, std::uint32_t, std::less<>> history_keys_;
  std::set<std::pair<symbol, symbol>> properties_read_;  // (event, property)
  std::vector<symbol> every_event_properties_;
  std::set<symbol> attributes_read_;
};

node_index compiler::add(node n) {
  out_.nodes.push_back(n);
  out_.node_source.emplace_back(current_source_);
  return static_cast<node_index>(out_.nodes.size() - 1);
}

value compiler::constant_of(const constant_value& c) { return check::to_value(c, out_.constant_storage); }

node_index compiler::constant(value v) {
  out_.constants.push_back(v);
  return add({op::constant, static_cast<std::uint32_t>(out_.constants.size() - 1), 0, 0});
}

void compiler::note_property(const stdlib::type& object_type, symbol property) {
  if (object_type.kind == stdlib::type_kind::event && !object_type.event_name.empty()) {
    properties_read_.emplace(out_.symbols.intern(object_type.event_name), property);
  } else if (object_type.kind == stdlib::type_kind::event) {
    if (std::find(every_event_properties_.begin(), every_event_properties_.end(), property) ==
        every_event_properties_.end()) {
      every_event_properties_.push_back(property);
    }
  } else {
    out_.reads_all_properties = true;
  }
}

node_index compiler::expr(const ast::expr& e) {
  // Every node made for `e` (and not by a sub-expression) shows `e`'s text.
  const auto saved_source = current_source_;
  current_source_ = checked_.sources.text(e.where);
  const auto result = expr_node(e);
  current_source_ = saved_source;
  return result;
}

node_index compiler::expr_node(const ast::expr& e) {
  const auto& info = checked_.info(e);
  if (info.constant) return constant(constant_of(*info.constant));
  return std::visit(
      [&](const auto& n) -> node_index {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ast::paren_expr>) {
          return expr(*n.inner);
        } else if constexpr (std::is_same_v<T, ast::name_expr>) {
          const auto* name = std::get_if<name_info>(&info.meaning);
          if (name == nullptr) return constant(value::null());
          switch (name->kind) {
            case name_kind::segment: return add({op::segment, name->index, 0, 0});
            case name_kind::constant: {
              const auto& c = checked_.constants[name->index];
              return constant(c.value ? constant_of(*c.value) : value::null());
            }
            case name_kind::trigger: return add({op::trigger, 0, 0, 0});
            case name_kind::event: return add({op::event, 0, 0, 0});
            case name_kind::binding: {
              const auto& slots = flow_entry_->bindings;
              const auto it = std::find(slots.begin(), slots.end(), name->index);
              return add({op::binding, static_cast<std::uint32_t>(it - slots.begin()), 0, 0});
            }
            case name_kind::now: return add({op::now, 0, 0, 0});
            case name_kind::customer:
            case name_kind::event_name: return constant(value::null());
          }
          return constant(value::null());
        } else if constexpr (std::is_same_v<T, ast::member_expr>) {
          return member(e, n, info);
        } else if constexpr (std::is_same_v<T, ast::unary_expr>) {
          const auto operand = expr(*n.operand);
          return add({n.op == ast::unary_op::logical_not ? op::logical_not : op::negate, operand, 0, 0});
        } else if constexpr (std::is_same_v<T, ast::binary_expr>) {
          return binary(n);
        } else if constexpr (std::is_same_v<T, ast::call_expr>) {
          return call(e, n, info);
        } else if constexpr (std::is_same_v<T, ast::list_expr>) {
          std::vector<node_index> items;
          for (const auto& item : n.items) items.push_back(expr(item));
          const auto first = static_cast<std::uint32_t>(out_.arguments.size());
          out_.arguments.insert(out_.arguments.end(), items.begin(), items.end());
          return add({op::list, first, 0, static_cast<std::uint32_t>(items.size())});
        } else {
          // A literal without a folded value cannot happen after a clean check.
          return constant(value::null());
        }
      },
      e.node);
}

node_index compiler::member(const ast::expr&, const ast::member_expr& m, const expr_info& info) {
  const auto* mi = std::get_if<member_info>(&info.meaning);
  const auto kind = mi != nullptr ? mi->kind : member_kind::dynamic_property;
  const auto& name = m.member.name;
  switch (kind) {
    case member_kind::customer_attribute:
      if (name == "id") return add({op::customer_id, 0, 0, 0});
      if (name == "timezone") {
        attributes_read_.insert(out_.symbols.intern(name));
        return add({op::customer_timezone, 0, 0, 0});
      }
      if (name == "tags") return add({op::customer_tags, 0, 0, 0});
      attributes_read_.insert(out_.symbols.intern(name));
      return add({op::customer_attribute, out_.symbols.intern(name), 0, 0});
    case member_kind::event_time: return add({op::event_time, expr(*m.object), 0, 0});
    case member_kind::event_customer: return add({op::event_customer, expr(*m.object), 0, 0});
    case member_kind::event_property:
    case member_kind::dynamic_property:
    case member_kind::aggregate_property: {
      const auto property = out_.symbols.intern(name);
      note_property(checked_.info(*m.object).type, property);
      const auto object = expr(*m.object);
      if (out_.nodes[object].code == op::aggregate) {
        // `last(E).p`: the remembered event needs `p`, and nothing it does not read.
        auto& kept = out_.history[out_.nodes[object].a].kept_properties;
        if (!std::binary_search(kept.begin(), kept.end(), property)) {
          kept.insert(std::upper_bound(kept.begin(), kept.end(), property), property);
        }
      }
      return add({op::event_property, object, property, 0});
    }
  }
  return constant(value::null());
}

node_index compiler::binary(const ast::binary_expr& b) {
  using ast_op = ast::binary_op;
  if (b.op == ast_op::logical_and || b.op == ast_op::logical_or) {
    const auto lhs = expr(*b.lhs);
    const auto rhs = expr(*b.rhs);
    return add({b.op == ast_op::logical_and ? op::logical_and : op::logical_or, lhs, rhs, 0});
  }
  // `x == null` / `x != null` are presence tests; every other comparison
  // with null is false (docs/language.md, "Null").
  using ast::is_null_literal;
  if (b.op == ast_op::equal || b.op == ast_op::not_equal) {
    const ast::expr* tested = nullptr;
    if (is_null_literal(*b.rhs)) tested = b.lhs.get();
    else if (is_null_literal(*b.lhs)) tested = b.rhs.get();
    if (tested != nullptr) {
      return add({b.op == ast_op::equal ? op::is_null : op::is_not_null, expr(*tested), 0, 0});
    }
  }
  const auto lhs = expr(*b.lhs);
  const auto rhs = expr(*b.rhs);
  return add({op::binary, lhs, rhs, static_cast<std::uint32_t>(b.op)});
}

std::uint32_t compiler::slot_for(const ast::call_expr& c, const aggregate_info& a, builtin_id fn) {
  // Identical aggregates share a slot: same function, event, property,
  // window and (textually) the same filter.
  const auto key = fmt::format("{}|{}|{}|{}|{}", static_cast<int>(fn), a.event, a.property,
                               a.window ? a.window->count() : -1, c.filter ? ast::dump(*c.filter) : "");
  if (const auto it = history_keys_.find(key); it != history_keys_.end()) return it->second;
  history_slot slot;
  slot.function = fn;
  slot.event = out_.symbols.intern(a.event);
  if (!a.property.empty()) {
    slot.property = out_.symbols.intern(a.property);
    properties_read_.emplace(slot.event, slot.property);
  }
  if (c.filter) {
    slot.filter = expr(*c.filter);
    slot.filter_at_read = reads_more_than_event(slot.filter);
  }
  // What a remembered event must keep: the filter's `event.x`, the summed
  // property, and (added by `member`) what is read from a first/last result.
  std::set<symbol> kept;
  if (slot.filter != no_node) event_properties_read(slot.filter, kept);
  if (slot.property != no_symbol) kept.insert(slot.property);
  slot.kept_properties.assign(kept.begin(), kept.end());
  slot.window = a.window;
  const auto index = static_cast<std::uint32_t>(out_.history.size());
  out_.history.push_back(slot);
  history_keys_.emplace(key, index);
  return index;
}

// The properties of `event` that an aggregate filter reads (`event.order_id`).
void compiler::event_properties_read(node_index n, std::set<symbol>& out) const {
  const auto& nd = out_.nodes[n];
  switch (nd.code) {
    case op::event_property:
      if (out_.nodes[nd.a].code == op::event) out.insert(nd.b);
      event_properties_read(nd.a, out);
      return;
    case op::event_time:
    case op::event_customer:
    case op::logical_not:
    case op::is_null:
    case op::is_not_null:
    case op::negate: event_properties_read(nd.a, out); return;
    case op::logical_and:
    case op::logical_or:
    case op::binary:
      event_properties_read(nd.a, out);
      event_properties_read(nd.b, out);
      return;
    case op::list:
    case op::call:
      for (std::uint32_t i = 0; i < nd.c; ++i) event_properties_read(out_.arguments[nd.a + i], out);
      return;
    default: return;  // other slots' events, segments, bindings: not this `event`
  }
}

// Whether an aggregate filter depends on anything but the candidate event
// and constants, i.e. on what may differ between the moment the event
// arrives and the moment the aggregate is read.
bool compiler::reads_more_than_event(node_index n) const {
  const auto& nd = out_.nodes[n];
  const auto operands = [&](std::uint32_t first, std::uint32_t count) {
    for (std::uint32_t i = 0; i < count; ++i) {
      if (reads_more_than_event(out_.arguments[first + i])) return true;
    }
    return false;
  };
  switch (nd.code) {
    case op::constant:
    case op::event: return false;
    case op::event_property:
    case op::event_time:
    case op::event_customer:
    case op::logical_not:
    case op::is_null:
    case op::is_not_null:
    case op::negate: return reads_more_than_event(nd.a);
    case op::logical_and:
    case op::logical_or:
    case op::binary: return reads_more_than_event(nd.a) || reads_more_than_event(nd.b);
    case op::list: return operands(nd.a, nd.c);
    case op::call:
      switch (static_cast<builtin_id>(nd.b)) {
        case builtin_id::days_since:
        case builtin_id::hours_since:
        case builtin_id::minutes_since:
        case builtin_id::has_tag: return true;  // read `now` or the customer
        case builtin_id::local_hour:
        case builtin_id::weekday:
        case builtin_id::date_of:
          if (nd.c < 2) return true;  // the customer's zone
          return operands(nd.a, nd.c);
        default: return operands(nd.a, nd.c);
      }
    default: return true;  // now, trigger, bindings, customer, segments, aggregates
  }
}

node_index compiler::call(const ast::expr&, const ast::call_expr& c, const expr_info& info) {
  const auto* ci = std::get_if<call_info>(&info.meaning);
  if (ci == nullptr) return constant(value::null());
  if (ci->aggregate) return add({op::aggregate, slot_for(c, *ci->aggregate, ci->builtin), 0, 0});
  if (ci->builtin == builtin_id::has && !c.arguments.empty()) {
    return add({op::is_not_null, expr(*c.arguments.front().value), 0, 0});
  }
  std::vector<node_index> args;
  for (const auto& a : c.arguments) args.push_back(expr(*a.value));
  const auto first = static_cast<std::uint32_t>(out_.arguments.size());
  out_.arguments.insert(out_.arguments.end(), args.begin(), args.end());
  return add({op::call, first, static_cast<std::uint32_t>(ci->builtin), static_cast<std::uint32_t>(args.size())});
}

// ---------------------------------------------------------------------------

std::uint32_t compiler::location(span where) {
  const auto& file = checked_.sources.file(where.file);
  auto text = fmt::format("{}:{}", file.name(), file.position(where.begin).line);
  if (const auto it = locations_.find(text); it != locations_.end()) return it->second;
  const auto index = static_cast<std::uint32_t>(out_.locations.size());
  out_.locations.push_back(text);
  locations_.emplace(std::move(text), index);
  return index;
}

std::uint32_t compiler::text(std::string_view s) {
  out_.texts.emplace_back(s);
  return static_cast<std::uint32_t>(out_.texts.size() - 1);
}

std::uint32_t compiler::emit(instr code, std::uint32_t a, std::uint32_t b, std::uint32_t c) {
  flow_->code.push_back({.code = code, .a = a, .b = b, .c = c, .location = current_location_});
  return pc() - 1;
}

pattern compiler::compile_pattern(const ast::event_pattern& p) {
  return {out_.symbols.intern(p.event.name), p.condition ? expr(*p.condition) : no_node, location(p.where)};
}

std::vector<property_program> compiler::properties(const std::vector<ast::property>& props) {
  std::vector<property_program> out;
  for (const auto& p : props) out.push_back({out_.symbols.intern(p.name.name), expr(p.value)});
  return out;
}

void compiler::block(const ast::block& b) {
  for (const auto& s : b.steps) step(s);
}

void compiler::step(const ast::step& s) {
  const auto saved_location = current_location_;
  current_location_ = location(s.where);
  const auto first = pc();
  std::visit(
      [&](const auto& n) {
        using T = std::decay_t<decltype(n)>;
        if constexpr (std::is_same_v<T, ast::wait_step>) {
          emit(instr::wait, expr(n.duration));
        } else if constexpr (std::is_same_v<T, ast::wait_until_step>) {
          std::uint32_t mask = 0;
          for (const auto& r : n.days) {
            auto d = static_cast<unsigned>(r.first);
            const auto last = static_cast<unsigned>(r.last);
            // A range may wrap around the week: `fri..mon`.
            while (true) {
              mask |= 1U << d;
              if (d == last) break;
              d = (d + 1) % 7;
            }
          }
          if (mask == 0) mask = 0x7F;
          emit(instr::wait_until, expr(n.time_of_day), mask, n.time_zone ? expr(*n.time_zone) : no_node);
        } else if constexpr (std::is_same_v<T, ast::wait_for_step>) {
          wait_for_program w;
          w.awaited = {out_.symbols.intern(n.event.name), n.condition ? expr(*n.condition) : no_node,
                       current_location_};
          w.within = expr(n.within);
          const auto binding = checked_.binding_of(n);
          if (binding != no_index) {
            const auto& slots = flow_entry_->bindings;
            w.binding = static_cast<std::uint32_t>(std::find(slots.begin(), slots.end(), binding) - slots.begin());
          }
          const auto index = static_cast<std::uint32_t>(flow_->waits.size());
          flow_->waits.push_back(w);
          emit(instr::wait_for, index);
          flow_->waits[index].received_pc = pc();
          if (n.received) block(*n.received);
          const auto jump_over_timeout = emit(instr::jump);
          flow_->waits[index].received_end_pc = jump_over_timeout;
          flow_->waits[index].timeout_pc = pc();
          if (n.timed_out) block(*n.timed_out);
          flow_->code[jump_over_timeout].a = pc();
        } else if constexpr (std::is_same_v<T, ast::if_step>) {
          std::vector<std::uint32_t> exits;
          for (const auto& branch : n.branches) {
            const auto test = emit(instr::jump_if_not, expr(branch.condition));
            block(branch.body);
            exits.push_back(emit(instr::jump));
            flow_->code[test].b = pc();
          }
          if (n.otherwise) block(*n.otherwise);
          for (const auto e : exits) flow_->code[e].a = pc();
        } else if constexpr (std::is_same_v<T, ast::split_step>) {
          split_program sp;
          const auto& entries = flow_entry_->splits;
          const auto it =
              std::find_if(entries.begin(), entries.end(), [&](const split_entry& x) { return x.step == &n; });
          sp.name = it != entries.end() ? it->name : fmt::format("#{}", ++split_counter_);
          const auto index = static_cast<std::uint32_t>(flow_->splits.size());
          flow_->splits.push_back(std::move(sp));
          emit(instr::split, index);
          std::vector<std::uint32_t> exits;
          double cumulative = 0;
          for (std::size_t i = 0; i < n.arms.size(); ++i) {
            const auto& arm = n.arms[i];
            cumulative += arm.percent;
            split_arm_program a;
            a.label = out_.symbols.intern(arm.label.name);
            a.upper_bucket = i + 1 == n.arms.size()
                                 ? 10000U
                                 : static_cast<std::uint32_t>(std::llround(std::min(cumulative, 100.0) * 100));
            a.pc = pc();
            flow_->splits[index].arms.push_back(a);
            block(arm.body);
            exits.push_back(emit(instr::jump));
          }
          for (const auto e : exits) flow_->code[e].a = pc();
        } else if constexpr (std::is_same_v<T, ast::send_step>) {
          send_program sp{out_.symbols.intern(n.channel.name), out_.symbols.intern(n.template_name.value),
                          properties(n.params)};
          flow_->sends.push_back(std::move(sp));
          emit(instr::send, static_cast<std::uint32_t>(flow_->sends.size() - 1));
        } else if constexpr (std::is_same_v<T, ast::set_step>) {
          emit(instr::set_attribute, out_.symbols.intern(n.attribute.name), expr(n.value));
        } else if constexpr (std::is_same_v<T, ast::tag_step>) {
          emit(n.remove ? instr::untag : instr::tag, out_.symbols.intern(n.tag.value));
        } else if constexpr (std::is_same_v<T, ast::emit_step>) {
          flow_->emits.push_back({out_.symbols.intern(n.event.name), properties(n.properties)});
          emit(instr::emit, static_cast<std::uint32_t>(flow_->emits.size() - 1));
        } else if constexpr (std::is_same_v<T, ast::repeat_step>) {
          const auto slot = flow_->counter_slots++;
          const auto start = emit(instr::repeat_start, slot, expr(n.count));
          const auto body = pc();
          block(n.body);
          emit(instr::repeat_next, slot, body);
          flow_->code[start].c = pc();
        } else if constexpr (std::is_same_v<T, ast::stop_step>) {
          emit(instr::stop, n.reason ? text(n.reason->value) : no_symbol);
        } else if constexpr (std::is_same_v<T, ast::log_step>) {
          emit(instr::log, text(n.text.value));
        }
      },
      s.node);
  if (pc() > first) flow_->code[first].starts_step = true;
  current_location_ = saved_location;
}

void compiler::flow(const flow_entry& entry) {
  const auto& decl = *entry.decl;
  flow_program f;
  f.name = entry.name;
  f.name_symbol = out_.symbols.intern(entry.name);
  f.location = location(decl.name.where);
  out_.flows.push_back(std::move(f));
  flow_ = &out_.flows.back();
  flow_entry_ = &entry;
  split_counter_ = 0;
  current_location_ = flow_->location;

  for (const auto& t : decl.triggers) flow_->triggers.push_back(compile_pattern(t));
  for (const auto& w : decl.filters) {
    flow_->filters.push_back(expr(w));
    flow_->filter_locations.push_back(location(w.where));
  }
  for (const auto& x : decl.exits) flow_->exits.push_back(compile_pattern(x));
  for (const auto& g : decl.goals) flow_->goals.push_back(compile_pattern(g));
  if (decl.reentry) {
    switch (decl.reentry->kind) {
      case ast::reentry_kind::never: flow_->reentry = reentry_mode::never; break;
      case ast::reentry_kind::always: flow_->reentry = reentry_mode::always; break;
      case ast::reentry_kind::after:
        flow_->reentry = reentry_mode::after;
        flow_->reentry_after = entry.reentry_after.value_or(grammar::duration{});
        break;
    }
  }
  if (decl.key) flow_->key = expr(*decl.key);
  flow_->transactional = decl.transactional.has_value();
  flow_->binding_slots = static_cast<std::uint32_t>(entry.bindings.size());
  block(decl.body);
  current_location_ =
      location({decl.body.where.file, decl.body.where.end > 0 ? decl.body.where.end - 1 : 0, decl.body.where.end});
  emit(instr::finish);
}

bool compiler::policy_applies(span where) const {
  if (scope_ == nullptr) return true;
  const auto& files = scope_->policy_files;
  return std::find(files.begin(), files.end(), where.file) != files.end();
}

void compiler::policy() {
  const auto& p = checked_.policy;
  if (p.time_zone && policy_applies(p.time_zone_where)) out_.policy.time_zone = *p.time_zone;
  if (p.quiet_hours && policy_applies(p.quiet_hours->where)) {
    out_.policy.quiet_hours = quiet_hours_program{p.quiet_hours->from, p.quiet_hours->to};
  }
  for (const auto& q : p.channel_quiet_hours) {
    if (!policy_applies(q.where)) continue;
    out_.policy.channel_quiet_hours.emplace_back(out_.symbols.intern(q.channel), quiet_hours_program{q.from, q.to});
  }
  for (const auto& l : p.limits) {
    if (!policy_applies(l.where)) continue;
    out_.policy.limits.push_back({out_.symbols.intern(l.channel), static_cast<std::uint32_t>(l.count), l.window});
  }
}

void compiler::indexes() {
  const auto grow = [&](auto& table) {
    if (table.size() < out_.symbols.size()) table.resize(out_.symbols.size());
  };
  grow(out_.triggers_by_event);
  grow(out_.history_by_event);
  grow(out_.properties_by_event);
  grow(out_.fields_by_event);
  for (std::uint32_t f = 0; f < out_.flows.size(); ++f) {
    for (std::uint32_t t = 0; t < out_.flows[f].triggers.size(); ++t) {
      out_.triggers_by_event[out_.flows[f].triggers[t].event].emplace_back(f, t);
    }
  }
  for (std::uint32_t h = 0; h < out_.history.size(); ++h) {
    out_.history_by_event[out_.history[h].event].push_back(h);
  }
  out_.event_matters.assign(out_.symbols.size(), false);
  for (symbol e = 0; e < out_.symbols.size(); ++e) {
    out_.event_matters[e] = !out_.triggers_by_event[e].empty() || !out_.history_by_event[e].empty();
  }
  for (const auto& f : out_.flows) {
    for (const auto& x : f.exits) out_.event_matters[x.event] = true;
    for (const auto& g : f.goals) out_.event_matters[g.event] = true;
    for (const auto& w : f.waits) out_.event_matters[w.awaited.event] = true;
  }
  for (const auto& [event, property] : properties_read_) {
    out_.properties_by_event[event].push_back(property);
  }
  out_.properties_of_every_event = every_event_properties_;
  out_.customer_attributes_read.assign(attributes_read_.begin(), attributes_read_.end());
  for (const auto& schema : checked_.events) {
    const auto event = out_.symbols.find(schema.name);
    if (event == no_symbol || event >= out_.fields_by_event.size()) continue;
    for (const auto& field : schema.fields) {
      out_.fields_by_event[event].emplace_back(out_.symbols.intern(field.name), field.type);
    }
  }
  // Interning field names may have grown the table: keep every index as long.
  grow(out_.triggers_by_event);
  grow(out_.history_by_event);
  grow(out_.properties_by_event);
  grow(out_.fields_by_event);
}

program compiler::run() {
  out_.tags_symbol = out_.symbols.intern("tags");
  out_.timezone_symbol = out_.symbols.intern("timezone");
  // Declared events first, so their symbols are small and stable.
  for (const auto& schema : checked_.events) out_.symbols.intern(schema.name);
  for (const auto& s : checked_.segments) out_.segments.push_back({s.name, no_node});
  for (std::size_t i = 0; i < checked_.segments.size(); ++i) {
    out_.segments[i].condition = expr(checked_.segments[i].decl->condition);
  }
  std::vector<flow_index> flows;
  if (scope_ != nullptr) {
    flows = scope_->flows;
  } else {
    for (flow_index i = 0; i < checked_.flows.size(); ++i) flows.push_back(i);
  }
  out_.flows.reserve(flows.size());
  for (const auto i : flows) flow(checked_.flows[i]);
  flow_ = nullptr;
  flow_entry_ = nullptr;
  for (const auto& m : checked_.mappings) {
    mapping_program mp{m.external_name, out_.symbols.intern(m.event), {}};
    for (const auto& [target, source] : m.renames) mp.renames.emplace_back(out_.symbols.intern(target), source);
    out_.mappings.push_back(std::move(mp));
  }
  policy();
  indexes();
  return std::move(out_);
}

}  // namespace

program compile(const checked_program& checked) { return compiler(checked, nullptr).run(); }

program compile(const checked_program& checked, const compile_scope& scope) { return compiler(checked, &scope).run(); }

}  // namespace afterflow::compile
