// Declarations: event schemas, segments, constants, policy, maps; duplicate
// and reserved names; unused declarations and undeclared events.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "grammar/text/time_text.hpp"
#include "interpreter/check/internal/checker_impl.hpp"
#include "interpreter/check/internal/type_rules.hpp"

namespace afterflow::check {

using grammar::duration_text;
using grammar::span;
using stdlib::name_of;
using stdlib::type;
using stdlib::type_kind;

namespace {

using stdlib::type;
using stdlib::type_kind;

// How deep checking one constant or segment may recurse into the ones it
// names. Definitions are checked in dependency order, so only a cycle
// recurses; a longer cycle is reported where the limit is reached.
constexpr std::size_t max_definition_depth = 64;

// The bare names an expression mentions, in source order.
void collect_names(const ast::expr& e, std::vector<const ast::identifier*>& out) {
  std::visit(overloaded{
                 [&](const ast::name_expr& n) { out.push_back(&n.name); },
                 [&](const ast::list_expr& l) {
                   for (const auto& item : l.items) collect_names(item, out);
                 },
                 [&](const ast::member_expr& m) { collect_names(*m.object, out); },
                 [&](const ast::unary_expr& u) { collect_names(*u.operand, out); },
                 [&](const ast::binary_expr& b) {
                   collect_names(*b.lhs, out);
                   collect_names(*b.rhs, out);
                 },
                 [&](const ast::call_expr& c) {
                   for (const auto& a : c.arguments) collect_names(*a.value, out);
                   if (c.filter) collect_names(*c.filter, out);
                 },
                 [&](const ast::paren_expr& p) { collect_names(*p.inner, out); },
                 [](const auto&) {},
             },
             e.node);
}

std::string cycle_text(std::span<const std::string> names) {
  std::string out;
  for (const auto& n : names) out += fmt::format("`{}` -> ", n);
  return out + fmt::format("`{}`", names.front());
}

}  // namespace

std::string join_names(std::span<const std::string> names) {
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += fmt::format("`{}`", names[i]);
  }
  return out;
}

void checker::check_reserved(const ast::identifier& name, std::string_view what) {
  const auto meaning = reserved_meaning(name.name);
  if (meaning.empty()) return;
  error(codes::reserved_name, name.where, fmt::format("{} cannot be called `{}`", what, name.name))
      .with_label("reserved name")
      .with_note(fmt::format("`{}` is {}", name.name, meaning))
      .with_help("choose another name");
}

// Registers what a file declares: events and flows in the global tables,
// segments and constants in the file's scope, tests. Duplicates are
// reported here (E0300-E0304), at the later declaration; the declarations
// themselves are checked by later passes.
void checker::collect_declarations(file_index f, bool run_ordered) {
  std::map<std::string, span, std::less<>> test_names;
  for (const auto& d : program_.files[f].syntax.declarations) {
    const bool flow_or_test =
        std::holds_alternative<ast::flow_decl>(d.node) || std::holds_alternative<ast::test_decl>(d.node);
    if (run_ordered != flow_or_test) continue;
    std::visit(
        overloaded{
            [&](const ast::event_decl& e) {
              if (const auto* first = schema(e.name.name)) {
                error(codes::duplicate_event, e.name.where, fmt::format("event `{}` is declared twice", e.name.name))
                    .with_note("first declared here", first->decl->name.where)
                    .with_help("an event has one schema: remove one of the declarations");
                return;
              }
              const auto index = static_cast<event_index>(program_.events.size());
              program_.events.push_back({e.name.name, f, &e, {}});
              program_.event_by_name.emplace(e.name.name, index);
              program_.files[f].events.push_back(index);
            },
            [&](const ast::segment_decl& s) {
              check_reserved(s.name, "a segment");
              const auto index = static_cast<segment_index>(program_.segments.size());
              program_.segments.push_back({s.name.name, f, &s});
              program_.files[f].segments.push_back(index);
              const auto [it, inserted] =
                  scopes_[f].own.emplace(s.name.name, value_symbol{value_symbol::kind::segment, index});
              if (!inserted) {
                const auto& other = it->second;
                const auto where = other.what == value_symbol::kind::segment
                                       ? program_.segments[other.index].decl->name.where
                                       : program_.constants[other.index].decl->name.where;
                error(codes::duplicate_name, s.name.where,
                      fmt::format("the name `{}` is defined twice in this file", s.name.name))
                    .with_note("first defined here", where)
                    .with_help("segments and constants share one namespace: rename one of them");
              }
            },
            [&](const ast::const_decl& c) {
              check_reserved(c.name, "a constant");
              const auto index = static_cast<constant_index>(program_.constants.size());
              program_.constants.push_back({c.name.name, f, &c, type::of(type_kind::error), {}});
              program_.files[f].constants.push_back(index);
              const auto [it, inserted] =
                  scopes_[f].own.emplace(c.name.name, value_symbol{value_symbol::kind::constant, index});
              if (!inserted) {
                const auto& other = it->second;
                const auto where = other.what == value_symbol::kind::segment
                                       ? program_.segments[other.index].decl->name.where
                                       : program_.constants[other.index].decl->name.where;
                error(codes::duplicate_name, c.name.where,
                      fmt::format("the name `{}` is defined twice in this file", c.name.name))
                    .with_note("first defined here", where)
                    .with_help("segments and constants share one namespace: rename one of them");
              }
            },
            [&](const ast::flow_decl& fl) {
              const auto index = static_cast<flow_index>(program_.flows.size());
              flow_entry entry;
              entry.name = fl.name.name;
              entry.file = f;
              entry.decl = &fl;
              program_.flows.push_back(std::move(entry));
              program_.files[f].flows.push_back(index);
              const auto [it, inserted] = program_.flow_by_name.emplace(fl.name.name, index);
              if (!inserted) {
                error(codes::duplicate_flow, fl.name.where, fmt::format("flow `{}` is defined twice", fl.name.name))
                    .with_note("first defined here", program_.flows[it->second].decl->name.where)
                    .with_help("flow names are global to the program: rename one of them");
              }
            },
            [&](const ast::test_decl& t) {
              const auto index = static_cast<test_index>(program_.tests.size());
              program_.tests.push_back({t.name.value, f, &t, {}, {}});
              program_.files[f].tests.push_back(index);
              const auto [it, inserted] = test_names.emplace(t.name.value, t.name.where);
              if (!inserted) {
                error(codes::duplicate_test, t.name.where,
                      fmt::format("test \"{}\" is defined twice in this file", t.name.value))
                    .with_note("first defined here", it->second)
                    .with_help("give each test of a file its own name");
              }
            },
            [](const auto&) {},
        },
        d.node);
  }
}

event_index checker::schema_of(std::string_view event) const {
  const auto it = program_.event_by_name.find(event);
  return it == program_.event_by_name.end() ? no_index : it->second;
}

const event_schema* checker::schema(std::string_view event) const {
  const auto i = schema_of(event);
  return i == no_index ? nullptr : &program_.events[i];
}

void checker::note_event_use(file_index file, const ast::identifier& event) {
  if (schema_of(event.name) != no_index) return;
  if (undeclared_warned_.contains(std::pair{file, event.name})) return;
  undeclared_warned_.emplace(file, event.name);
  auto& d = warning(codes::undeclared_event, event.where, fmt::format("event `{}` is not declared", event.name));
  suggest(d, event.name, event_names_);
  if (d.help.empty()) {
    d.with_note("undeclared events are allowed, but their properties are not checked");
    d.with_help(fmt::format("declare it with `event {} {{ ... }}`, or import a module that does", event.name));
  }
}

// Field names, types and duplicates of one schema (E0206, E0303, E0309).
void checker::check_event_schema(event_index e) {
  auto& schema = program_.events[e];
  std::vector<std::string> type_names(stdlib::field_type_names().begin(), stdlib::field_type_names().end());
  for (const auto& field : schema.decl->fields) {
    if (field.name.name == "time" || field.name.name == "customer") {
      error(codes::reserved_field, field.name.where,
            fmt::format("every event already has a `{}` property", field.name.name))
          .with_help("choose another name for this field");
      continue;
    }
    if (const auto* first = schema.field(field.name.name)) {
      error(codes::duplicate_field, field.name.where,
            fmt::format("field `{}` is declared twice in event `{}`", field.name.name, schema.name))
          .with_note("first declared here", first->where);
      continue;
    }
    auto kind = stdlib::field_type_from_name(field.type.name);
    if (!kind) {
      auto& d =
          error(codes::unknown_field_type, field.type.where, fmt::format("unknown field type `{}`", field.type.name));
      suggest(d, field.type.name, type_names);
      if (d.help.empty()) {
        d.with_help(fmt::format("the field types are {}", join_names(type_names)));
      }
      kind = type_kind::any;
    }
    schema.fields.push_back({field.name.name, *kind, field.optional, field.name.where});
  }
}

std::vector<std::uint32_t> checker::definition_order(value_symbol::kind what,
                                                     std::vector<std::uint32_t>& component) const {
  const bool constants = what == value_symbol::kind::constant;
  const auto count = constants ? program_.constants.size() : program_.segments.size();
  std::vector<std::vector<std::uint32_t>> uses(count);
  for (std::uint32_t i = 0; i < count; ++i) {
    const auto file = constants ? program_.constants[i].file : program_.segments[i].file;
    const auto& e = constants ? program_.constants[i].decl->value : program_.segments[i].decl->condition;
    std::vector<const ast::identifier*> names;
    collect_names(e, names);
    for (const auto* name : names) {
      const auto found = lookup_value(scopes_, program_.files, file, name->name).found;
      if (found.size() == 1 && found.front().what == what) uses[i].push_back(found.front().index);
    }
  }
  // Strongly connected components (Tarjan's algorithm, iteratively), which
  // come out dependencies first. Within a component (a cycle), members go
  // in declaration order, so the cycle is reported from its first member.
  std::vector<std::uint32_t> order;
  constexpr std::uint32_t unvisited = no_index;
  std::vector<std::uint32_t> index(count, unvisited);
  std::vector<std::uint32_t> low(count, 0);
  std::vector<char> on_stack(count, 0);
  std::vector<std::uint32_t> component_stack;
  std::vector<std::pair<std::uint32_t, std::size_t>> calls;
  std::uint32_t counter = 0;
  std::uint32_t components = 0;
  component.assign(count, 0);
  const auto open = [&](std::uint32_t v) {
    index[v] = low[v] = counter++;
    component_stack.push_back(v);
    on_stack[v] = 1;
    calls.emplace_back(v, 0);
  };
  for (std::uint32_t start = 0; start < count; ++start) {
    if (index[start] != unvisited) continue;
    open(start);
    while (!calls.empty()) {
      const auto v = calls.back().first;
      auto& next = calls.back().second;
      if (next < uses[v].size()) {
        const auto w = uses[v][next++];
        if (index[w] == unvisited) {
          open(w);
        } else if (on_stack[w] != 0) {
          low[v] = std::min(low[v], index[w]);
        }
        continue;
      }
      calls.pop_back();
      if (!calls.empty()) {
        const auto u = calls.back().first;
        low[u] = std::min(low[u], low[v]);
      }
      if (low[v] != index[v]) continue;
      const auto first = order.size();
      std::uint32_t w = 0;
      do {
        w = component_stack.back();
        component_stack.pop_back();
        on_stack[w] = 0;
        component[w] = components;
        order.push_back(w);
      } while (w != v);
      ++components;
      std::sort(order.begin() + static_cast<std::ptrdiff_t>(first), order.end());
    }
  }
  return order;
}

template <typename NameOf>
bool checker::walk_begin(definition_walk& walk, std::uint32_t i, const cycle_report& report, NameOf name_of,
                         span where) {
  using progress = definition_walk::progress;
  if (walk.state[i] == progress::done) return false;
  if (walk.state[i] == progress::not_started && walk.stack.size() >= max_definition_depth) {
    if (walk.long_cycles.insert(walk.component[i]).second) {
      error(report.code, where, fmt::format("{} `{}` depends on itself", report.kind, name_of(i)))
          .with_note(fmt::format("the cycle runs through more than {} {}s", max_definition_depth, report.kind));
    }
    // Settled as failed now; its own expression is checked later, from a
    // shallow stack.
    walk.state[i] = progress::done;
    walk.deferred.push_back(i);
    return false;
  }
  if (walk.state[i] == progress::in_progress) {
    const auto at = std::find(walk.stack.begin(), walk.stack.end(), i);
    std::vector<std::string> cycle;
    for (auto it = at; it != walk.stack.end(); ++it) cycle.push_back(name_of(*it));
    error(report.code, where, fmt::format("{} `{}` depends on itself", report.kind, name_of(i)))
        .with_note(fmt::format("the cycle is {}", cycle_text(cycle)))
        .with_help(std::string(report.help));
    return false;
  }
  walk.state[i] = progress::in_progress;
  walk.stack.push_back(i);
  return true;
}

void checker::walk_end(definition_walk& walk, std::uint32_t i) {
  walk.stack.pop_back();
  walk.state[i] = definition_walk::progress::done;
}

// A constant's value, folded once; cycles between constants are E0501.
void checker::ensure_constant(constant_index c, std::optional<span> reference) {
  static constexpr cycle_report report{codes::constant_cycle, "constant",
                                       "a constant must be computable from literals and earlier constants"};
  const auto name_of = [&](std::uint32_t k) -> const std::string& { return program_.constants[k].name; };
  if (!walk_begin(constants_, c, report, name_of, reference.value_or(program_.constants[c].decl->name.where))) {
    return;
  }
  const auto& decl = *program_.constants[c].decl;
  expr_context ctx;
  ctx.in = expr_context::owner::constant;
  ctx.file = program_.constants[c].file;
  auto value = check_constant(decl.value, ctx, fmt::format("the value of constant `{}`", decl.name.name));
  auto& entry = program_.constants[c];
  if (value) {
    entry.type = recorded(decl.value).type;
    entry.value = std::move(value);
  }
  walk_end(constants_, c);
}

// A segment's condition, checked once; cycles between segments are E0502.
void checker::ensure_segment(segment_index s, std::optional<span> reference) {
  static constexpr cycle_report report{codes::segment_cycle, "segment",
                                       "a segment cannot be defined in terms of itself"};
  const auto name_of = [&](std::uint32_t k) -> const std::string& { return program_.segments[k].name; };
  if (!walk_begin(segments_, s, report, name_of, reference.value_or(program_.segments[s].decl->name.where))) {
    return;
  }
  expr_context ctx;
  ctx.in = expr_context::owner::segment;
  ctx.file = program_.segments[s].file;
  check_condition(program_.segments[s].decl->condition, ctx);
  walk_end(segments_, s);
}

// The policy blocks of all files merged into one (E0700-E0703).
void checker::check_policy(file_index file, const ast::policy_decl& policy) {
  expr_context ctx;
  ctx.in = expr_context::owner::policy;
  ctx.file = file;
  auto& merged = program_.policy;
  for (const auto& item : policy.items) {
    std::visit(
        overloaded{
            [&](const ast::policy_timezone& tz) {
              check_time_zone_name(tz.zone.value, tz.zone.where);
              if (merged.time_zone && *merged.time_zone != tz.zone.value) {
                error(
                    codes::conflicting_time_zone, tz.zone.where,
                    fmt::format("the policy time zone is set to both `{}` and `{}`", *merged.time_zone, tz.zone.value))
                    .with_note("first set here", time_zone_where_)
                    .with_help("a program has one policy time zone: keep one `timezone` line");
                return;
              }
              if (!merged.time_zone) {
                merged.time_zone = tz.zone.value;
                merged.time_zone_where = tz.zone.where;
                time_zone_where_ = tz.zone.where;
              }
            },
            [&](const ast::policy_quiet_hours& q) {
              const auto& from = check_expr(q.from, ctx);
              const auto& to = check_expr(q.to, ctx);
              const bool from_ok = expect_type(q.from, from, type_kind::time_of_day, codes::expected_time_of_day,
                                               "write a time of day such as `21:00`");
              const bool to_ok = expect_type(q.to, to, type_kind::time_of_day, codes::expected_time_of_day,
                                             "write a time of day such as `08:00`");
              if (!from_ok || !to_ok) return;
              const auto from_value = check_constant(q.from, ctx, "a quiet hours time");
              const auto to_value = check_constant(q.to, ctx, "a quiet hours time");
              if (!from_value || !to_value) return;
              const auto* a = from_value->get<time_of_day_value>();
              const auto* b = to_value->get<time_of_day_value>();
              if (a == nullptr || b == nullptr) return;
              if (a->seconds == b->seconds) {
                error(codes::empty_quiet_hours, q.from.where.to(q.to.where),
                      fmt::format("quiet hours from `{}` to `{}` are empty", to_source_text(*from_value),
                                  to_source_text(*to_value)))
                    .with_help("give two different times, such as `21:00 to 08:00`");
                return;
              }
              quiet_hours_entry entry{a->seconds, b->seconds, {}, item.where};
              if (q.channels.empty()) {
                if (merged.quiet_hours) {
                  error(codes::conflicting_quiet_hours, item.where, "quiet hours for every channel are set twice")
                      .with_note("first set here", merged.quiet_hours->where)
                      .with_help("keep one `quiet_hours` line without `for`");
                  return;
                }
                merged.quiet_hours = entry;
                return;
              }
              for (const auto& channel : q.channels) {
                const auto existing =
                    std::find_if(merged.channel_quiet_hours.begin(), merged.channel_quiet_hours.end(),
                                 [&](const quiet_hours_entry& e) { return e.channel == channel.name; });
                if (existing != merged.channel_quiet_hours.end()) {
                  error(codes::conflicting_quiet_hours, channel.where,
                        fmt::format("quiet hours for `{}` are set twice", channel.name))
                      .with_note("first set here", existing->where)
                      .with_help("a channel has one quiet hours window");
                  continue;
                }
                entry.channel = channel.name;
                merged.channel_quiet_hours.push_back(entry);
              }
            },
            [&](const ast::policy_limit& l) {
              const auto& count = check_expr(l.count, ctx);
              const auto& window = check_duration(l.window, ctx, "a frequency limit");
              if (!expect_type(l.count, count, type_kind::number, codes::type_mismatch,
                               "write how many sends are allowed, such as `2`")) {
                return;
              }
              const auto count_value = check_constant(l.count, ctx, "a frequency limit");
              const auto window_value = fits(window.type, type_kind::duration)
                                            ? check_constant(l.window, ctx, "a frequency limit")
                                            : std::nullopt;
              if (!count_value) return;
              const auto* n = count_value->get<double>();
              if (n == nullptr) return;
              if (*n < 1 || *n != std::floor(*n) || *n > 1e9) {
                error(codes::invalid_count, l.count.where,
                      fmt::format("a frequency limit must be a positive whole number, found `{}`",
                                  to_source_text(*count_value)))
                    .with_help("write how many sends are allowed per window, such as `2`");
                return;
              }
              if (!window_value) return;
              const auto* d = window_value->get<grammar::duration>();
              if (d == nullptr || d->count() <= 0) return;
              for (const auto& existing : merged.limits) {
                if (existing.channel == l.channel.name && existing.window == *d) {
                  error(codes::conflicting_limit, item.where,
                        fmt::format("`{}` has two limits per `{}`", l.channel.name, duration_text(*d)))
                      .with_note("first set here", existing.where)
                      .with_help("keep one limit per channel and window");
                  return;
                }
              }
              merged.limits.push_back({l.channel.name, static_cast<std::int64_t>(*n), *d, item.where});
            },
        },
        item.node);
  }
}

// `map "External" to event { target: source }` (E0307, E0305, E0202).
void checker::check_map(file_index file, const ast::map_decl& map) {
  note_event_use(file, map.event);
  const auto [it, inserted] = mapping_names_.emplace(map.external_name.value, map.external_name.where);
  if (!inserted) {
    error(codes::duplicate_mapping, map.external_name.where,
          fmt::format("the external event \"{}\" is mapped twice", map.external_name.value))
        .with_note("first mapped here", it->second)
        .with_help("an external event maps to one afterflow event");
    return;
  }
  event_mapping mapping{map.external_name.value, map.event.name, {}, file, &map};
  const auto* target_schema = schema(map.event.name);
  std::map<std::string, span, std::less<>> seen;
  for (const auto& p : map.properties) {
    const auto [at, fresh] = seen.emplace(p.target.name, p.target.where);
    if (!fresh) {
      error(codes::duplicate_property, p.target.where, fmt::format("the property `{}` is given twice", p.target.name))
          .with_note("first given here", at->second);
      continue;
    }
    if (target_schema != nullptr && target_schema->field(p.target.name) == nullptr) {
      report_unknown_property(p.target.where, p.target.name, *target_schema);
      continue;
    }
    mapping.renames.emplace_back(p.target.name, p.source);
  }
  program_.mappings.push_back(std::move(mapping));
}

// W0101-W0103: declarations nobody uses, outside the standard modules.
void checker::report_unused() {
  for (segment_index s = 0; s < program_.segments.size(); ++s) {
    const auto& entry = program_.segments[s];
    if (segment_used_[s] || program_.files[entry.file].from_stdlib) continue;
    if (!reserved_meaning(entry.name).empty()) continue;  // already an error
    const auto& own = scopes_[entry.file].own;
    const auto it = own.find(entry.name);
    if (it == own.end() || it->second != value_symbol{value_symbol::kind::segment, s}) continue;
    warning(codes::unused_segment, entry.decl->name.where, fmt::format("segment `{}` is never used", entry.name))
        .with_help("remove it, or use it in a flow, a segment or a test");
  }
  for (constant_index c = 0; c < program_.constants.size(); ++c) {
    const auto& entry = program_.constants[c];
    if (constant_used_[c] || program_.files[entry.file].from_stdlib) continue;
    if (!reserved_meaning(entry.name).empty()) continue;
    const auto& own = scopes_[entry.file].own;
    const auto it = own.find(entry.name);
    if (it == own.end() || it->second != value_symbol{value_symbol::kind::constant, c}) continue;
    warning(codes::unused_constant, entry.decl->name.where, fmt::format("constant `{}` is never used", entry.name))
        .with_help("remove it, or use it");
  }
  for (binding_index b = 0; b < program_.bindings.size(); ++b) {
    const auto& entry = program_.bindings[b];
    if (binding_used_[b] || !reserved_meaning(entry.name).empty()) continue;
    warning(codes::unused_binding, entry.step->binding->where, fmt::format("binding `{}` is never used", entry.name))
        .with_help(fmt::format("remove `as {}`", entry.name));
  }
}

}  // namespace afterflow::check
