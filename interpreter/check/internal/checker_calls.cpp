// Calls of built-in functions (the registry is stdlib/builtins.hpp), and
// time zone names.
//
// Rules: E0201 unknown function, E0212 a segment or constant called like a
// function, E0406 argument count, E0407 argument types, E0409 `where` on a
// scalar, E0410/E0411 an aggregate's subject, E0412 `has` without a member,
// E0215/E0310 named arguments, E0505 a non-constant `within:`, E0205
// unknown time zones.
#include <algorithm>

#include <date/tz.h>
#include <fmt/format.h>

#include "interpreter/check/internal/checker_impl.hpp"
#include "interpreter/check/internal/type_rules.hpp"
#include "stdlib/time_zone_names.hpp"

namespace afterflow::check {

using grammar::span;
using stdlib::builtin;
using stdlib::builtin_id;
using stdlib::type;
using stdlib::type_kind;

namespace {

using stdlib::builtin;
using stdlib::builtin_id;
using stdlib::type;
using stdlib::type_kind;

expr_info error_info() {
  expr_info info;
  info.type = type::of(type_kind::error);
  return info;
}

bool accepts(const stdlib::type_set& set, const type& t) {
  if (t.is_dynamic() || t.is(type_kind::null) || set.accepts_all()) return true;
  return set.contains(t.kind);
}

std::string arity_text(std::size_t min, std::size_t max) {
  const auto plural = [](std::size_t n) { return fmt::format("{} argument{}", n, n == 1 ? "" : "s"); };
  if (max == SIZE_MAX) return fmt::format("at least {}", plural(min));
  if (min == max) return plural(min);
  return fmt::format("{} to {} arguments", min, max);
}

const ast::expr& unwrap(const ast::expr& e) {
  if (const auto* p = std::get_if<ast::paren_expr>(&e.node)) return unwrap(*p->inner);
  return e;
}

}  // namespace

expr_info checker::check_call(const ast::expr& e, const ast::call_expr& call, const expr_context& ctx) {
  const auto& name = call.callee.name;
  const auto* b = stdlib::find_builtin(name);
  if (b == nullptr) {
    for (const auto& a : call.arguments) record_unchecked(*a.value);
    if (call.filter) record_unchecked(*call.filter);
    const auto lookup = lookup_value(scopes_, program_.files, ctx.file, name);
    if (lookup.found.size() == 1) {
      const bool segment = lookup.found.front().what == value_symbol::kind::segment;
      (segment ? segment_used_ : constant_used_)[lookup.found.front().index] = true;
      error(codes::not_a_function, call.callee.where,
            fmt::format("`{}` is a {}, not a function", name, segment ? "segment" : "constant"))
          .with_help(fmt::format("use it without parentheses: `{}`", name));
      return error_info();
    }
    std::vector<std::string> names;
    for (const auto& each : stdlib::builtins()) names.emplace_back(each.name);
    auto& d = error(codes::unknown_function, call.callee.where, fmt::format("unknown function `{}`", name));
    suggest(d, name, names);
    return error_info();
  }
  if (b->kind == stdlib::builtin_kind::aggregate) return check_aggregate(e, call, *b, ctx);
  return check_scalar(e, call, *b, ctx);
}

// `count(E [where c], within: d)` and the other history aggregates.
expr_info checker::check_aggregate(const ast::expr& e, const ast::call_expr& call, const builtin& b,
                                   const expr_context& ctx) {
  std::vector<const ast::call_argument*> positional;
  std::vector<const ast::call_argument*> named;
  for (const auto& a : call.arguments) (a.name ? named : positional).push_back(&a);

  const auto give_up = [&] {
    for (const auto& a : call.arguments) record_unchecked(*a.value);
    if (call.filter) record_unchecked(*call.filter);
    return error_info();
  };
  const bool by_property = b.subject == stdlib::aggregate_subject::event_property;
  const auto example =
      by_property ? fmt::format("`{}(order_placed.total)`", b.name) : fmt::format("`{}(order_placed)`", b.name);
  if (positional.empty()) {
    error(
        codes::wrong_argument_count, e.where,
        fmt::format("`{}` needs {} as its first argument", b.name, by_property ? "an event property" : "an event name"))
        .with_help(fmt::format("for example {}", example));
    return give_up();
  }

  aggregate_info aggregate;
  const auto& subject = *positional.front()->value;
  const ast::name_expr* event_name = std::get_if<ast::name_expr>(&subject.node);
  const ast::member_expr* property = std::get_if<ast::member_expr>(&subject.node);
  const ast::name_expr* property_event =
      property != nullptr ? std::get_if<ast::name_expr>(&property->object->node) : nullptr;

  if (!by_property && event_name == nullptr) {
    auto& d = error(codes::invalid_aggregate_subject, subject.where,
                    fmt::format("`{}` expects an event name, such as {}", b.name, example));
    if (property_event != nullptr) {
      d.with_help(fmt::format("`{}` works on whole events: write `{}({})`", b.name, b.name, property_event->name.name));
    }
    return give_up();
  }
  if (by_property && property_event == nullptr) {
    auto& d = error(codes::invalid_aggregate_subject, subject.where,
                    fmt::format("`{}` expects an event property, such as {}", b.name, example));
    if (event_name != nullptr) {
      d.with_help(fmt::format("name the property to {}: `{}({}.<property>)`",
                              b.id == builtin_id::sum ? "add up" : "read", b.name, event_name->name.name));
    }
    return give_up();
  }

  const auto& event_id = by_property ? property_event->name : event_name->name;
  const auto& event_expr = by_property ? *property->object : subject;
  note_event_use(ctx.file, event_id);
  aggregate.event = event_id.name;
  aggregate.schema = schema_of(event_id.name);
  {
    expr_info info;
    info.type = type::event_of(event_id.name);
    info.meaning = name_info{name_kind::event_name, aggregate.schema};
    record(event_expr, std::move(info));
  }

  if (by_property) {
    const auto& member = property->member.name;
    expr_info info;
    info.type = type::of(type_kind::any);
    member_info m{member_kind::aggregate_property, aggregate.schema, no_index};
    if (const auto* s = aggregate.schema != no_index ? &program_.events[aggregate.schema] : nullptr) {
      std::optional<type_kind> kind;
      if (member == "time") kind = type_kind::time;
      else if (member == "customer") kind = type_kind::string;
      else if (const auto* field = s->field(member)) kind = field->type;
      if (!kind) {
        report_unknown_property(subject.where, member, *s);
        record(subject, error_info());
        return give_up();
      }
      if (*kind != type_kind::number && *kind != type_kind::any) {
        error(codes::aggregate_property_type, subject.where,
              fmt::format("`{}` needs a number property, but `{}.{}` is {}", b.name, s->name, member,
                          quoted(type::of(*kind))))
            .with_help(fmt::format("to test for any event, use `exists({})`", s->name));
        record(subject, error_info());
        return give_up();
      }
      m.field = s->field_index(member);
      info.type = type::of(*kind);
    }
    info.meaning = m;
    record(subject, std::move(info));
    aggregate.property = member;
  }

  bool ok = true;
  for (std::size_t i = 1; i < positional.size(); ++i) {
    if (i == 1) {
      error(codes::wrong_argument_count, positional[i]->value->where,
            fmt::format("`{}` takes one {} and named arguments, but {} positional arguments "
                        "were given",
                        b.name, by_property ? "event property" : "event name", positional.size()))
          .with_help(fmt::format("the signature is `{}`", b.signature));
    }
    record_unchecked(*positional[i]->value);
    ok = false;
  }
  std::map<std::string_view, span> seen;
  for (const auto* a : named) {
    const auto& arg_name = a->name->name;
    if (arg_name != "within") {
      auto& d = error(codes::unknown_named_argument, a->name->where,
                      fmt::format("`{}` has no argument named `{}`", b.name, arg_name));
      const std::vector<std::string> candidates{"within"};
      suggest(d, arg_name, candidates);
      if (d.help.empty()) d.with_help(fmt::format("the signature is `{}`", b.signature));
      record_unchecked(*a->value);
      ok = false;
      continue;
    }
    const auto [it, inserted] = seen.emplace(arg_name, a->name->where);
    if (!inserted) {
      error(codes::duplicate_argument, a->name->where, fmt::format("`{}` is given twice", arg_name))
          .with_note("first given here", it->second);
      record_unchecked(*a->value);
      ok = false;
      continue;
    }
    const auto& window = check_duration(*a->value, ctx, "`within:`");
    if (window.type.is_error()) {
      ok = false;
      continue;
    }
    if (!fits(window.type, type_kind::duration)) continue;
    if (!window.constant) {
      report_not_constant(*a->value, "`within:`", codes::window_not_constant);
      continue;
    }
    if (const auto* d = window.constant->get<grammar::duration>()) aggregate.window = *d;
  }

  if (call.filter) {
    auto inner = ctx;
    inner.event = type::event_of(event_id.name);
    check_condition(*call.filter, inner);
    aggregate.filter = call.filter.get();
  }

  expr_info info;
  switch (b.returns) {
    case stdlib::return_rule::subject_event: info.type = type::event_of(event_id.name); break;
    default: info.type = type::of(b.result); break;
  }
  if (!ok) info.type = type::of(type_kind::error);
  info.meaning = call_info{b.id, std::move(aggregate)};
  return info;
}

// Scalar built-ins: arity, argument types, the result type.
expr_info checker::check_scalar(const ast::expr& e, const ast::call_expr& call, const builtin& b,
                                const expr_context& ctx) {
  bool ok = true;
  if (call.filter) {
    error(codes::filter_not_allowed, call.where_keyword, fmt::format("`{}` does not take a `where` filter", b.name))
        .with_help(
            "`where` filters the events of history aggregates: `count`, `exists`, `sum`, "
            "`avg`, `min`, `max`, `first` and `last`");
    record_unchecked(*call.filter);
    ok = false;
  }
  std::vector<const ast::call_argument*> positional;
  for (const auto& a : call.arguments) {
    if (a.name) {
      error(codes::unknown_named_argument, a.name->where, fmt::format("`{}` takes no named arguments", b.name))
          .with_help(fmt::format("the signature is `{}`", b.signature));
      record_unchecked(*a.value);
      ok = false;
      continue;
    }
    positional.push_back(&a);
  }
  std::vector<const expr_info*> args;
  for (const auto* a : positional) args.push_back(&check_expr(*a->value, ctx));

  std::size_t min = 0;
  std::size_t max = b.parameters.size();
  for (const auto& p : b.parameters) {
    if (!p.optional) ++min;
    if (p.variadic) max = SIZE_MAX;
  }
  if (args.size() < min || args.size() > max) {
    error(codes::wrong_argument_count, e.where,
          fmt::format("`{}` takes {}, but {} {} given", b.name, arity_text(min, max), args.size(),
                      args.size() == 1 ? "was" : "were"))
        .with_help(fmt::format("the signature is `{}`", b.signature));
    return error_info();
  }

  if (b.id == builtin_id::has && !args.empty()) {
    const auto& arg = unwrap(*positional.front()->value);
    if (!std::holds_alternative<ast::member_expr>(arg.node) && !args.front()->type.is_error()) {
      error(codes::has_needs_member, arg.where, "`has` needs a property or an attribute, such as `has(customer.email)`")
          .with_help("to test any value for null, compare it: `!= null`");
      ok = false;
    }
  }
  for (std::size_t i = 0; i < args.size(); ++i) {
    const auto& param = b.parameters[std::min(i, b.parameters.size() - 1)];
    const auto& t = args[i]->type;
    if (t.is_error()) {
      ok = false;
      continue;
    }
    if (!accepts(param.accepts, t)) {
      error(codes::argument_type, positional[i]->value->where,
            fmt::format("`{}` expects {} for `{}`, found {}", b.name, param.accepts.describe(), param.name, quoted(t)))
          .with_help(fmt::format("the signature is `{}`", b.signature));
      ok = false;
    }
  }
  const bool zone_argument =
      b.id == builtin_id::local_hour || b.id == builtin_id::weekday || b.id == builtin_id::date_of;
  if (zone_argument && args.size() == 2 && args[1]->type.is(type_kind::string)) {
    check_time_zone(*positional[1]->value, *args[1]);
  }

  expr_info info;
  info.meaning = call_info{b.id, std::nullopt};
  if (!ok) {
    info.type = type::of(type_kind::error);
    return info;
  }
  if (b.returns == stdlib::return_rule::common_argument) {
    std::optional<type> common;
    for (std::size_t i = 0; i < args.size(); ++i) {
      const auto& t = args[i]->type;
      if (t.is_dynamic() || t.is(type_kind::null)) continue;
      if (!common) {
        common = t;
        continue;
      }
      if (common->kind != t.kind) {
        error(codes::argument_type, positional[i]->value->where,
              fmt::format("the arguments of `{}` must have one type, found {} and {}", b.name, quoted(*common),
                          quoted(t)));
        info.type = type::of(type_kind::error);
        return info;
      }
      if (common->event_name != t.event_name) common->event_name.clear();
    }
    info.type = common.value_or(type::of(type_kind::any));
    return info;
  }
  info.type = type::of(b.result);
  return info;
}

void checker::check_time_zone(const ast::expr& e, const expr_info& info) {
  if (!info.constant) return;
  if (const auto* zone = info.constant->get<std::string>()) check_time_zone_name(*zone, e.where);
}

// E0205: a zone name the tz database does not know, or one that depends on
// the machine. "" is no zone, as in the data (stdlib/time_zone_names.hpp).
void checker::check_time_zone_name(std::string_view zone, span where) {
  if (zone.empty()) return;
  if (!zone_names_) {
    zone_names_.emplace();
    try {
      const auto& db = date::get_tzdb();
      for (const auto& z : db.zones) {
        if (stdlib::is_portable_zone_name(z.name())) zone_names_->push_back(z.name());
      }
    } catch (const std::exception&) {
      // No tz database on this machine: names cannot be validated here.
    }
    std::sort(zone_names_->begin(), zone_names_->end());
  }
  if (zone_names_->empty()) return;
  if (stdlib::is_portable_zone_name(zone)) {
    if (std::binary_search(zone_names_->begin(), zone_names_->end(), zone)) return;
    try {
      (void)date::locate_zone(zone);
      return;
    } catch (const std::exception&) {
    }
  }
  auto& d = error(codes::unknown_time_zone, where, fmt::format("unknown time zone `{}`", zone));
  suggest(d, zone, *zone_names_);
  if (d.help.empty()) {
    d.with_help("time zones are IANA names such as `Europe/Prague` or `America/New_York`");
  }
}

}  // namespace afterflow::check
