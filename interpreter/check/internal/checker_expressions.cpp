// Expressions: literals, names, member access, operators; constant folding
// and the "must be constant" rule.
#include <cmath>

#include <fmt/format.h>

#include "grammar/text/time_text.hpp"
#include "interpreter/check/internal/checker_impl.hpp"
#include "interpreter/check/internal/type_rules.hpp"

namespace afterflow::check {

using grammar::duration_text;
using grammar::span;
using stdlib::builtin;
using stdlib::type;
using stdlib::type_kind;

namespace {

using stdlib::type;
using stdlib::type_kind;

expr_info constant_info(type_kind kind, constant_value value) {
  expr_info info;
  info.type = type::of(kind);
  info.constant = std::move(value);
  return info;
}

expr_info error_info() {
  expr_info info;
  info.type = type::of(type_kind::error);
  return info;
}

// "the trigger's `where`" etc.: where `event` is available, for help text.
constexpr std::string_view event_help =
    "`event` is the event being matched inside the `where` of `trigger`, `exit on`, `goal`, "
    "`wait for` and history aggregates";

}  // namespace

const expr_info& checker::record(const ast::expr& e, expr_info info) {
  info.node = &e;
  const auto index = static_cast<expr_index>(infos_.size());
  infos_.push_back(std::move(info));
  program_.expression_index.emplace(&e, index);
  return infos_.back();
}

const expr_info& checker::recorded(const ast::expr& e) const { return infos_[program_.expression_index.at(&e)]; }

void checker::record_unchecked(const ast::expr& e) {
  if (program_.expression_index.contains(&e)) return;
  std::visit(overloaded{
                 [&](const ast::list_expr& l) {
                   for (const auto& item : l.items) record_unchecked(item);
                 },
                 [&](const ast::member_expr& m) { record_unchecked(*m.object); },
                 [&](const ast::unary_expr& u) { record_unchecked(*u.operand); },
                 [&](const ast::binary_expr& b) {
                   record_unchecked(*b.lhs);
                   record_unchecked(*b.rhs);
                 },
                 [&](const ast::call_expr& c) {
                   for (const auto& a : c.arguments) record_unchecked(*a.value);
                   if (c.filter) record_unchecked(*c.filter);
                 },
                 [&](const ast::paren_expr& p) { record_unchecked(*p.inner); },
                 [](const auto&) {},
             },
             e.node);
  record(e, error_info());
}

const expr_info& checker::check_expr(const ast::expr& e, const expr_context& ctx) {
  if (const auto it = program_.expression_index.find(&e); it != program_.expression_index.end()) {
    return infos_[it->second];
  }
  auto info =
      std::visit(overloaded{
                     [&](const ast::null_literal&) { return constant_info(type_kind::null, {null_value{}}); },
                     [&](const ast::bool_literal& b) { return constant_info(type_kind::boolean, {b.value}); },
                     [&](const ast::number_literal& n) { return constant_info(type_kind::number, {n.value}); },
                     [&](const ast::string_value& s) { return constant_info(type_kind::string, {s.value}); },
                     [&](const ast::duration_literal& d) { return constant_info(type_kind::duration, {d.value}); },
                     [&](const ast::time_of_day_literal& t) {
                       return constant_info(type_kind::time_of_day, {time_of_day_value{t.seconds}});
                     },
                     [&](const ast::timestamp_literal& t) { return constant_info(type_kind::time, {t.value}); },
                     [&](const ast::list_expr& l) { return check_list(l, ctx); },
                     [&](const ast::name_expr& n) { return check_name(e, n, ctx); },
                     [&](const ast::member_expr& m) { return check_member(e, m, ctx); },
                     [&](const ast::unary_expr& u) { return check_unary(e, u, ctx); },
                     [&](const ast::binary_expr& b) { return check_binary(e, b, ctx); },
                     [&](const ast::call_expr& c) { return check_call(e, c, ctx); },
                     [&](const ast::paren_expr& p) {
                       const auto& inner = check_expr(*p.inner, ctx);
                       expr_info info;
                       info.type = inner.type;
                       info.constant = inner.constant;
                       return info;
                     },
                 },
                 e.node);
  return record(e, std::move(info));
}

expr_info checker::check_list(const ast::list_expr& l, const expr_context& ctx) {
  expr_info info;
  info.type = type::of(type_kind::list);
  constant_value::list values;
  bool all_constant = true;
  for (const auto& item : l.items) {
    const auto& item_info = check_expr(item, ctx);
    if (item_info.type.is(type_kind::event) || item_info.type.is(type_kind::customer)) {
      error(codes::type_mismatch, item.where, fmt::format("a list cannot hold {}", quoted(item_info.type)))
          .with_help("use one of its properties instead");
    }
    if (item_info.constant) values.push_back(*item_info.constant);
    else all_constant = false;
  }
  if (all_constant) info.constant = constant_value{std::move(values)};
  return info;
}

// Bare names. Lookup order: the fixed names (`trigger`, `event`,
// `customer`, `now`), `as` bindings in scope (innermost first), then the
// file's segments and constants and those of its direct imports. Rules:
// E0209 (`event` outside a `where`), E0210 (`trigger` where there is none),
// E0211 (binding out of scope), E0208 (ambiguous), E0207 (event name as a
// value), E0212 (function as a value), E0200 (unknown).
expr_info checker::check_name(const ast::expr& e, const ast::name_expr& n, const expr_context& ctx) {
  const auto& name = n.name.name;
  expr_info info;
  if (name == "trigger") {
    if (ctx.flow == no_index) {
      const auto owner = ctx.in == expr_context::owner::segment    ? "a segment"
                         : ctx.in == expr_context::owner::constant ? "a constant"
                         : ctx.in == expr_context::owner::test     ? "a test"
                                                                   : "a policy";
      error(codes::trigger_unavailable, e.where, fmt::format("`trigger` is not available in {}", owner))
          .with_note("`trigger` is the event that started a flow's run; it exists only in flows")
          .with_help(ctx.in == expr_context::owner::segment
                         ? "segments describe the customer; put conditions on the trigger in the "
                           "flow's `when` clause"
                         : "use a literal or a constant here");
      return error_info();
    }
    if (ctx.trigger_where) {
      error(codes::trigger_unavailable, e.where, "`trigger` cannot be used in the trigger's own `where`")
          .with_note("the run does not exist yet while its trigger is being matched")
          .with_help("use `event` for the event being matched");
      return error_info();
    }
    const auto& flow = program_.flows[ctx.flow];
    info.type = flow.trigger_type;
    info.meaning =
        name_info{name_kind::trigger, flow.trigger_events.size() == 1 ? schema_of(flow.trigger_events[0]) : no_index};
    return info;
  }
  if (name == "event") {
    if (!ctx.event) {
      auto& d = error(codes::event_outside_where, e.where, "`event` is only available inside a `where` condition");
      d.with_note(std::string(event_help));
      if (ctx.flow != no_index) d.with_help("use `trigger` for the event that started the run");
      return error_info();
    }
    info.type = *ctx.event;
    info.meaning = name_info{name_kind::event, schema_of(ctx.event->event_name)};
    return info;
  }
  if (name == "customer") {
    info.type = type::of(type_kind::customer);
    info.meaning = name_info{name_kind::customer, no_index};
    return info;
  }
  if (name == "now") {
    info.type = type::of(type_kind::time);
    info.meaning = name_info{name_kind::now, no_index};
    return info;
  }
  if (const auto* frame = find_binding(ctx.bindings, name)) {
    const auto& binding = program_.bindings[frame->binding];
    binding_used_[frame->binding] = true;
    info.type = type::event_of(binding.event);
    info.meaning = name_info{name_kind::binding, frame->binding};
    return info;
  }
  const auto lookup = lookup_value(scopes_, program_.files, ctx.file, name);
  if (lookup.found.size() > 1) {
    auto& d = error(codes::ambiguous_name, e.where, fmt::format("`{}` is ambiguous", name));
    for (const auto& symbol : lookup.found) {
      const bool segment = symbol.what == value_symbol::kind::segment;
      (segment ? segment_used_ : constant_used_)[symbol.index] = true;
      const auto& where = segment ? program_.segments[symbol.index].decl->name.where
                                  : program_.constants[symbol.index].decl->name.where;
      const auto file = segment ? program_.segments[symbol.index].file : program_.constants[symbol.index].file;
      d.with_note(fmt::format("`{}` is defined in `{}`", name, sources().file(program_.files[file].source).name()),
                  where);
    }
    d.with_help("two imported files define this name: rename one of them, or define it here");
    return error_info();
  }
  if (lookup.found.size() == 1) {
    const auto symbol = lookup.found.front();
    if (symbol.what == value_symbol::kind::constant) {
      constant_used_[symbol.index] = true;
      ensure_constant(symbol.index, e.where);
      const auto& constant = program_.constants[symbol.index];
      info.type = constant.type;
      info.constant = constant.value;
      info.meaning = name_info{name_kind::constant, symbol.index};
      return info;
    }
    segment_used_[symbol.index] = true;
    const bool cyclic = segments_.in_progress(symbol.index);
    ensure_segment(symbol.index, e.where);
    info.type = type::of(cyclic ? type_kind::error : type_kind::boolean);
    info.meaning = name_info{name_kind::segment, symbol.index};
    return info;
  }

  // Unknown here: say what the name is elsewhere, when it is something.
  if (ctx.flow != no_index) {
    for (const auto b : program_.flows[ctx.flow].bindings) {
      const auto& binding = program_.bindings[b];
      if (binding.name != name) continue;
      auto& d = error(codes::binding_out_of_scope, e.where, fmt::format("binding `{}` is not in scope here", name));
      d.with_note(fmt::format("`{}` is bound here", name), binding.step->binding->where);
      bool in_timeout = false;
      for (const auto* frame = ctx.timed_out; frame != nullptr; frame = frame->parent) {
        in_timeout = in_timeout || frame->binding == b;
      }
      if (in_timeout) {
        d.with_help(
            fmt::format("no `{}` arrived when the `timeout` block runs, so `{}` has no "
                        "value there",
                        binding.event, name));
      } else {
        d.with_help(
            "a binding is visible in its `where`, its block and the rest of the block "
            "that holds the `wait for`");
      }
      binding_used_[b] = true;
      return error_info();
    }
  }
  if (const auto* builtin = stdlib::find_builtin(name)) {
    error(codes::not_a_function, e.where, fmt::format("`{}` is a function, not a value", name))
        .with_help(fmt::format("call it, as in `{}`", builtin->example));
    return error_info();
  }
  if (schema_of(name) != no_index) {
    error(codes::event_name_as_value, e.where, fmt::format("`{}` is an event name, not a value", name))
        .with_help(fmt::format("use `exists({0})`, `count({0})` or `last({0})`", name));
    return error_info();
  }
  std::vector<std::string> local;
  for (const auto* frame = ctx.bindings; frame != nullptr; frame = frame->parent) {
    local.emplace_back(frame->name);
  }
  if (ctx.event) local.emplace_back("event");
  if (ctx.flow != no_index && !ctx.trigger_where) local.emplace_back("trigger");
  local.emplace_back("customer");
  local.emplace_back("now");
  auto& d = error(codes::unknown_name, e.where, fmt::format("unknown name `{}`", name));
  suggest(d, name, visible_names(ctx.file), local);
  if (d.help.empty() && ctx.flow != no_index) {
    d.with_help("a name is a segment, a constant, an `as` binding, `trigger`, `customer` or `now`");
  }
  return error_info();
}

// `object.member` (E0202 unknown property of a declared event, E0214 no
// members, E0207 `event_name.property` outside an aggregate).
expr_info checker::check_member(const ast::expr& e, const ast::member_expr& m, const expr_context& ctx) {
  const auto& member = m.member.name;
  // `order_placed.total` outside an aggregate: an event name is not a value.
  if (const auto* object_name = std::get_if<ast::name_expr>(&m.object->node)) {
    const auto& name = object_name->name.name;
    const bool value_name = name == "trigger" || name == "event" || name == "customer" || name == "now" ||
                            find_binding(ctx.bindings, name) != nullptr ||
                            !lookup_value(scopes_, program_.files, ctx.file, name).found.empty();
    if (!value_name && schema_of(name) != no_index) {
      record_unchecked(*m.object);
      error(codes::event_name_as_value, e.where, fmt::format("`{}` is an event name, not a value", name))
          .with_help(fmt::format("to read the newest `{0}`, write `last({0}).{1}`", name, member));
      return error_info();
    }
  }
  const auto& object = check_expr(*m.object, ctx);
  expr_info info;
  const auto& t = object.type;
  switch (t.kind) {
    case type_kind::error: return error_info();
    case type_kind::any:
      info.type = type::of(type_kind::any);
      info.meaning = member_info{member_kind::dynamic_property, no_index, no_index};
      return info;
    case type_kind::customer:
      info.type = type::of(type_kind::any);
      info.meaning = member_info{member_kind::customer_attribute, no_index, no_index};
      return info;
    case type_kind::event: {
      if (member == "time") {
        info.type = type::of(type_kind::time);
        info.meaning = member_info{member_kind::event_time, schema_of(t.event_name), no_index};
        return info;
      }
      if (member == "customer") {
        info.type = type::of(type_kind::string);
        info.meaning = member_info{member_kind::event_customer, schema_of(t.event_name), no_index};
        return info;
      }
      // The events this value may be: one, or (for `trigger` in a flow with
      // triggers on different events) each trigger event.
      std::vector<std::string> events;
      if (!t.event_name.empty()) {
        events.push_back(t.event_name);
      } else if (const auto* n = std::get_if<ast::name_expr>(&m.object->node);
                 n != nullptr && n->name.name == "trigger" && ctx.flow != no_index) {
        events = program_.flows[ctx.flow].trigger_events;
      }
      bool all_declared = !events.empty();
      std::optional<type_kind> agreed;
      bool disagree = false;
      bool found_somewhere = false;
      for (const auto& event : events) {
        const auto* s = schema(event);
        if (s == nullptr) {
          all_declared = false;
          continue;
        }
        if (const auto* field = s->field(member)) {
          found_somewhere = true;
          if (agreed && *agreed != field->type) disagree = true;
          agreed = field->type;
        }
      }
      if (all_declared && !found_somewhere) {
        if (events.size() == 1) {
          report_unknown_property(e.where, member, *schema(events.front()));
          return error_info();
        }
        std::vector<std::string> names;
        for (const auto& event : events) {
          for (const auto& f : schema(event)->fields) names.push_back(f.name);
        }
        auto& d = error(codes::unknown_property, e.where,
                        fmt::format("unknown property `{}` on the trigger events {}", member, join_names(events)));
        suggest(d, member, names);
        return error_info();
      }
      const auto schema_index = events.size() == 1 ? schema_of(events.front()) : no_index;
      const auto field_index = schema_index != no_index ? program_.events[schema_index].field_index(member) : no_index;
      info.type = type::of(all_declared && agreed && !disagree ? *agreed : type_kind::any);
      info.meaning = member_info{member_kind::event_property, schema_index, field_index};
      return info;
    }
    case type_kind::null:
      error(codes::no_such_member, e.where, fmt::format("`null` has no property `{}`", member));
      return error_info();
    default:
      error(codes::no_such_member, e.where, fmt::format("{} has no property `{}`", quoted(t), member))
          .with_help("only events and `customer` have properties");
      return error_info();
  }
}

expr_info checker::check_unary(const ast::expr& e, const ast::unary_expr& u, const expr_context& ctx) {
  const auto& operand = check_expr(*u.operand, ctx);
  const auto typed = type_unary(u.op, operand.type);
  expr_info info;
  if (!typed.ok()) {
    error(typed.code, e.where, typed.message);
    return error_info();
  }
  info.type = typed.result;
  if (operand.constant) {
    auto folded = fold_unary(u.op, *operand.constant);
    if (auto* value = std::get_if<constant_value>(&folded)) {
      info.constant = std::move(*value);
    } else if (auto* failure = std::get_if<fold_failure>(&folded)) {
      error(codes::constant_evaluation, e.where, failure->message);
      return error_info();
    }
  }
  return info;
}

expr_info checker::check_binary(const ast::expr& e, const ast::binary_expr& b, const expr_context& ctx) {
  const auto& lhs = check_expr(*b.lhs, ctx);
  const auto& rhs = check_expr(*b.rhs, ctx);
  const auto typed = type_binary(b.op, lhs.type, rhs.type);
  if (!typed.ok()) {
    span where = e.where;
    if (typed.where == blame::lhs) where = b.lhs->where;
    if (typed.where == blame::rhs) where = b.rhs->where;
    auto& d = error(typed.code, where, typed.message);
    if (!typed.help.empty()) d.with_help(typed.help);
    // A wrong operand of `and`/`or` still leaves a bool.
    if (b.op == ast::binary_op::logical_and || b.op == ast::binary_op::logical_or) {
      expr_info info;
      info.type = type::of(type_kind::boolean);
      return info;
    }
    return error_info();
  }
  expr_info info;
  info.type = typed.result;
  // `x == null` is a presence test, folded when `x` is known (as lowered).
  if (b.op == ast::binary_op::equal || b.op == ast::binary_op::not_equal) {
    const ast::expr* tested = nullptr;
    const expr_info* tested_info = nullptr;
    if (ast::is_null_literal(*b.rhs)) tested = b.lhs.get(), tested_info = &lhs;
    else if (ast::is_null_literal(*b.lhs)) tested = b.rhs.get(), tested_info = &rhs;
    if (tested != nullptr) {
      if (tested_info->constant) info.constant = fold_presence(b.op, *tested_info->constant);
      return info;
    }
  }
  if (lhs.constant && rhs.constant) {
    auto folded = fold_binary(b.op, *lhs.constant, *rhs.constant);
    if (auto* value = std::get_if<constant_value>(&folded)) {
      info.constant = std::move(*value);
      // `null + 1` is null whatever the static type said.
      if (info.constant->kind() == type_kind::null && !info.type.is_error()) {
        info.type = type::of(type_kind::null);
      }
    } else if (auto* failure = std::get_if<fold_failure>(&folded)) {
      error(codes::constant_evaluation, e.where, failure->message);
      return error_info();
    }
  }
  return info;
}

const expr_info& checker::check_condition(const ast::expr& e, const expr_context& ctx) {
  const auto& info = check_expr(e, ctx);
  const auto& t = info.type;
  if (t.is_dynamic() || t.is(type_kind::null) || t.is(type_kind::boolean)) return info;
  auto& d = error(codes::condition_not_bool, e.where, fmt::format("expected a `bool` condition, found {}", quoted(t)));
  switch (t.kind) {
    case type_kind::number: d.with_help("compare it with something, such as `> 0`"); break;
    case type_kind::string: d.with_help("compare it with something, such as `== \"...\"`"); break;
    case type_kind::event:
      d.with_help(t.event_name.empty() ? "test it against `null`: `!= null`"
                                       : fmt::format("to test whether there is one, use "
                                                     "`exists({})`",
                                                     t.event_name));
      break;
    case type_kind::list: d.with_help("to test for an item, use `x in list`"); break;
    default: break;
  }
  return info;
}

bool checker::expect_type(const ast::expr& e, const expr_info& info, type_kind expected, std::string_view code,
                          std::string help) {
  if (stdlib::assignable(info.type, type::of(expected))) return true;
  // Kinds with a literal form are named by what the user writes.
  std::string wanted = quoted(type::of(expected));
  if (expected == type_kind::time_of_day) wanted = "a time of day";
  if (expected == type_kind::time) wanted = "a timestamp";
  if (expected == type_kind::duration) wanted = "a duration";
  auto& d = error(code, e.where, fmt::format("expected {}, found {}", wanted, quoted(info.type)));
  if (!help.empty()) d.with_help(std::move(help));
  return false;
}

const expr_info& checker::check_duration(const ast::expr& e, const expr_context& ctx, std::string_view what,
                                         bool allow_zero) {
  const auto& info = check_expr(e, ctx);
  if (!stdlib::assignable(info.type, type::of(type_kind::duration))) {
    std::string help = "a duration has a unit, such as `30m`, `12h` or `3d`";
    if (const auto* n = std::get_if<ast::number_literal>(&e.node)) {
      const bool whole = n->value == std::floor(n->value) && n->value >= 0 && n->value < 1e9;
      help = whole ? fmt::format("write a duration such as `{}d`", n->text)
                   : std::string("write a duration such as `3d` or `1d12h`");
    } else if (info.type.is(type_kind::number)) {
      help = "multiply the number by a unit to get a duration, such as `n * 1d`";
    }
    error(codes::expected_duration, e.where, fmt::format("expected a duration, found {}", quoted(info.type)))
        .with_help(std::move(help));
    return info;
  }
  if (info.constant) {
    if (const auto* d = info.constant->get<grammar::duration>()) {
      if (*d > grammar::longest_duration) {
        error(codes::duration_too_long, e.where,
              fmt::format("{} of `{}` is longer than the span of times afterflow represents", what, duration_text(*d)))
            .with_help("times run from 0001-01-01 to 9999-12-31; write a duration shorter than 9999 years");
      } else if (d->count() < 0 || (d->count() == 0 && !allow_zero)) {
        error(codes::non_positive_duration, e.where,
              fmt::format("{} needs a {} duration, found `{}`", what, allow_zero ? "non-negative" : "positive",
                          duration_text(*d)))
            .with_help(allow_zero ? "write `after 0s` for the same instant as the previous line"
                                  : "write a duration greater than zero, such as `1d`");
      }
    }
  }
  return info;
}

std::optional<constant_value> checker::check_constant(const ast::expr& e, const expr_context& ctx,
                                                      std::string_view what, std::string_view code) {
  const auto& info = check_expr(e, ctx);
  if (info.constant) return info.constant;
  if (info.type.is_error()) return std::nullopt;
  report_not_constant(e, what, code);
  return std::nullopt;
}

namespace {

// The first part of `e` (pre-order) that has no constant value and is not
// made of constant parts; null when an error below explains it already.
const ast::expr* first_non_constant(const checked_program& program, const std::deque<expr_info>& infos,
                                    const ast::expr& e) {
  const auto& info = infos[program.expression_index.at(&e)];
  if (info.constant) return nullptr;
  if (info.type.is_error()) return nullptr;
  const ast::expr* found = nullptr;
  bool children_explain = false;
  const auto visit_child = [&](const ast::expr& child) {
    if (found != nullptr || children_explain) return;
    const auto& child_info = infos[program.expression_index.at(&child)];
    if (child_info.type.is_error()) {
      children_explain = true;
      return;
    }
    found = first_non_constant(program, infos, child);
  };
  std::visit(overloaded{
                 [&](const ast::list_expr& l) {
                   for (const auto& item : l.items) visit_child(item);
                 },
                 [&](const ast::unary_expr& u) { visit_child(*u.operand); },
                 [&](const ast::binary_expr& b) {
                   visit_child(*b.lhs);
                   visit_child(*b.rhs);
                 },
                 [&](const ast::paren_expr& p) { visit_child(*p.inner); },
                 [](const auto&) {},
             },
             e.node);
  if (children_explain) return nullptr;
  return found != nullptr ? found : &e;
}

}  // namespace

void checker::report_not_constant(const ast::expr& e, std::string_view what, std::string_view code) {
  const auto* culprit = first_non_constant(program_, infos_, e);
  if (culprit == nullptr) return;
  error(code, culprit->where, fmt::format("{} must be a constant", what))
      .with_label("this is only known while flows run")
      .with_help("use literals, lists, constants and operators on them");
}

void checker::expect_plain_value(const ast::expr& e, const expr_info& info, std::string_view where) {
  if (!info.type.is(type_kind::event) && !info.type.is(type_kind::customer)) return;
  error(codes::type_mismatch, e.where, fmt::format("{} must be a plain value, found {}", where, quoted(info.type)))
      .with_help(info.type.is(type_kind::event) ? "use one of the event's properties, such as `trigger.order_id`"
                                                : "use one of the customer's attributes, such as `customer.email`");
}

void checker::check_properties(std::span<const ast::property> properties, const expr_context& ctx, bool constant) {
  std::map<std::string_view, span> seen;
  for (const auto& p : properties) {
    const auto [it, inserted] = seen.emplace(p.name.name, p.name.where);
    if (!inserted) {
      error(codes::duplicate_property, p.name.where, fmt::format("the property `{}` is given twice", p.name.name))
          .with_note("first given here", it->second);
    }
    if (constant) {
      (void)check_constant(p.value, ctx, "a test value");
    } else {
      const auto& info = check_expr(p.value, ctx);
      expect_plain_value(p.value, info, "a property value");
    }
  }
}

void checker::report_unknown_property(span where, std::string_view property, const event_schema& s) {
  std::vector<std::string> names;
  for (const auto& f : s.fields) names.push_back(f.name);
  auto& d = error(codes::unknown_property, where, fmt::format("unknown property `{}` on event `{}`", property, s.name));
  suggest(d, property, names);
  if (!d.help.empty()) return;
  if (names.empty()) {
    d.with_note(fmt::format("`{}` declares no properties; every event has `time` and `customer`", s.name));
  } else {
    d.with_note(fmt::format("`{}` has {}", s.name, join_names(names)));
  }
}

void checker::check_properties_against_schema(std::span<const ast::property> properties, const ast::identifier& event) {
  const auto* s = schema(event.name);
  if (s == nullptr) return;
  for (const auto& p : properties) {
    const auto* field = s->field(p.name.name);
    if (field == nullptr) {
      report_unknown_property(p.name.where, p.name.name, *s);
      continue;
    }
    const auto& info = recorded(p.value);
    if (field->type == type_kind::any) continue;
    if (stdlib::assignable(info.type, type::of(field->type))) continue;
    auto& d = error(codes::field_type_mismatch, p.value.where,
                    fmt::format("property `{}` of `{}` is {}, found {}", p.name.name, event.name,
                                quoted(type::of(field->type)), quoted(info.type)));
    d.with_note("declared here", field->where);
    const auto* text = std::get_if<ast::string_value>(&p.value.node);
    if (text != nullptr && field->type == type_kind::number && !text->value.empty() &&
        text->value.find_first_not_of("0123456789.") == std::string::npos) {
      d.with_help("write the number without quotes");
    }
  }
}

}  // namespace afterflow::check
