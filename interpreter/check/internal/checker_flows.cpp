// Flows: header clauses and steps.
//
// Rules: E0600 no trigger, E0417 key type, E0602/E0603/E0306/E0308 splits, E0604 `repeat`
// without a wait on every path, E0504 repeat counts, E0605 steps after
// `stop`, E0507 backward day ranges, E0415 `set` targets, E0414 `emit`
// without a required field; W0104 constant `when` conditions. Binding
// scopes (E0211) are enforced by the frames built here.
#include <cmath>

#include <fmt/format.h>

#include "grammar/text/json_writer.hpp"
#include "interpreter/check/internal/checker_impl.hpp"
#include "interpreter/check/internal/type_rules.hpp"

namespace afterflow::check {

using grammar::format_number;
using grammar::span;
using stdlib::type;
using stdlib::type_kind;

namespace {

using stdlib::type;
using stdlib::type_kind;

std::string day_range_text(ast::weekday first, ast::weekday last) {
  if (first == last) return ast::spelling(first);
  return fmt::format("{}..{}", ast::spelling(first), ast::spelling(last));
}

// The span of the keyword a step starts with.
span keyword_span(const ast::step& s, std::uint32_t length) {
  return {s.where.file, s.where.begin, std::min(s.where.end, s.where.begin + length)};
}

}  // namespace

void checker::collect_bindings(const ast::block& b, flow_index f) {
  for (const auto& s : b.steps) {
    std::visit(overloaded{
                   [&](const ast::wait_for_step& w) {
                     if (w.binding) {
                       check_reserved(*w.binding, "a binding");
                       const auto index = static_cast<binding_index>(program_.bindings.size());
                       program_.bindings.push_back({w.binding->name, w.event.name, f, &w});
                       program_.binding_index_by_step.emplace(&w, index);
                       program_.flows[f].bindings.push_back(index);
                       binding_used_.push_back(false);
                     }
                     if (w.received) collect_bindings(*w.received, f);
                     if (w.timed_out) collect_bindings(*w.timed_out, f);
                   },
                   [&](const ast::if_step& i) {
                     for (const auto& branch : i.branches) collect_bindings(branch.body, f);
                     if (i.otherwise) collect_bindings(*i.otherwise, f);
                   },
                   [&](const ast::split_step& sp) {
                     for (const auto& arm : sp.arms) collect_bindings(arm.body, f);
                   },
                   [&](const ast::repeat_step& r) { collect_bindings(r.body, f); },
                   [](const auto&) {},
               },
               s.node);
  }
}

void checker::check_flow(flow_index f) {
  current_flow_ = f;
  auto& flow = program_.flows[f];
  const auto& decl = *flow.decl;
  collect_bindings(decl.body, f);

  if (decl.triggers.empty()) {
    error(codes::missing_trigger, decl.name.where, fmt::format("flow `{}` has no trigger", decl.name.name))
        .with_help("add a line such as `trigger order_placed` to say which event starts a run");
  }
  for (const auto& t : decl.triggers) {
    note_event_use(flow.file, t.event);
    if (std::find(flow.trigger_events.begin(), flow.trigger_events.end(), t.event.name) == flow.trigger_events.end()) {
      flow.trigger_events.push_back(t.event.name);
    }
  }
  flow.trigger_type =
      flow.trigger_events.size() == 1 ? type::event_of(flow.trigger_events[0]) : type::of(type_kind::event);
  if (flow.trigger_events.empty()) flow.trigger_type = type::of(type_kind::any);

  expr_context base;
  base.in = expr_context::owner::flow;
  base.file = flow.file;
  base.flow = f;
  check_patterns(flow, base);

  for (const auto& filter : decl.filters) {
    const auto& info = check_condition(filter, base);
    if (info.constant && !info.type.is_error()) {
      const bool value = is_truthy(*info.constant);
      warning(codes::constant_condition, filter.where,
              fmt::format("this `when` condition is always {}", value ? "true" : "false"))
          .with_help(value ? "remove it: it admits every run"
                           : "no run can ever start: remove the condition or the flow");
    }
  }
  if (decl.reentry && decl.reentry->kind == ast::reentry_kind::after) {
    if (decl.reentry->after) {
      const auto& info = check_duration(*decl.reentry->after, base, "`reentry after`");
      if (fits(info.type, type_kind::duration)) {
        if (!info.constant) {
          report_not_constant(*decl.reentry->after, "`reentry after`", codes::not_constant);
        } else if (const auto* d = info.constant->get<grammar::duration>(); d && d->count() > 0) {
          flow.reentry_after = *d;
        }
      }
    } else {
      error(codes::non_positive_duration, decl.reentry->where, "`reentry after` needs a positive duration")
          .with_help("write how long to wait before a new run, such as `reentry after 30d`");
    }
  }
  if (decl.key) {
    const auto& info = check_expr(*decl.key, base);
    const auto& t = info.type;
    if (!t.is_dynamic() && !t.is(type_kind::null) && !t.is(type_kind::string) && !t.is(type_kind::number)) {
      error(codes::invalid_key, decl.key->where,
            fmt::format("a flow key must be a `string` or a `number`, found {}", quoted(t)))
          .with_help("use an identifier of the trigger, such as `key trigger.order_id`");
    }
  }

  split_names_.clear();
  unnamed_splits_ = 0;
  check_block(decl.body, base);
  current_flow_ = no_index;
}

// `trigger`, `exit on` and `goal` patterns. An `exit on` the trigger's own
// event is legitimate (docs/semantics.md: a win-back flow restarts on every
// new order), so it is not reported.
void checker::check_patterns(const flow_entry& flow, const expr_context& base) {
  const auto& decl = *flow.decl;
  for (const auto& t : decl.triggers) {
    if (!t.condition) continue;
    auto ctx = base;
    ctx.trigger_where = true;
    ctx.event = type::event_of(t.event.name);
    check_condition(*t.condition, ctx);
  }
  const auto check_clause = [&](const ast::event_pattern& p) {
    note_event_use(flow.file, p.event);
    if (p.condition) {
      auto ctx = base;
      ctx.event = type::event_of(p.event.name);
      check_condition(*p.condition, ctx);
    }
  };
  for (const auto& p : decl.exits) check_clause(p);
  for (const auto& p : decl.goals) check_clause(p);
}

bool checker::check_block(const ast::block& b, const expr_context& outer) {
  auto ctx = outer;
  std::deque<binding_frame> frames;
  const ast::step* stopper = nullptr;
  bool reported = false;
  for (const auto& s : b.steps) {
    if (stopper != nullptr && !reported) {
      reported = true;
      auto& d = error(codes::unreachable_step, s.where, "unreachable step");
      if (std::holds_alternative<ast::stop_step>(stopper->node)) {
        d.with_note("the run stops here", stopper->where);
      } else {
        d.with_note("every path through this step ends with `stop`", stopper->where);
      }
      d.with_help("remove it, or move it before the `stop`");
    }
    if (check_step(s, ctx, frames) && stopper == nullptr) stopper = &s;
  }
  return stopper != nullptr;
}

bool checker::check_step(const ast::step& s, expr_context& ctx, std::deque<binding_frame>& frames) {
  bool terminates = false;
  std::visit(
      overloaded{
          [&](const ast::wait_step& w) { check_duration(w.duration, ctx, "`wait`"); },
          [&](const ast::wait_until_step& w) {
            const auto& t = check_expr(w.time_of_day, ctx);
            expect_type(w.time_of_day, t, type_kind::time_of_day, codes::expected_time_of_day,
                        "write a time of day such as `10:00`");
            for (const auto& range : w.days) {
              if (range.last < range.first) {
                error(codes::backward_day_range, range.where,
                      fmt::format("the day range `{}..{}` runs backwards", ast::spelling(range.first),
                                  ast::spelling(range.last)))
                    .with_help(fmt::format("list the days in week order, such as `{}, {}`",
                                           day_range_text(range.first, ast::weekday::sun),
                                           day_range_text(ast::weekday::mon, range.last)));
              }
            }
            if (w.time_zone) {
              const auto& zone = check_expr(*w.time_zone, ctx);
              if (expect_type(*w.time_zone, zone, type_kind::string, codes::type_mismatch,
                              "write a time zone name such as `\"Europe/Prague\"`")) {
                check_time_zone(*w.time_zone, zone);
              }
            }
          },
          [&](const ast::wait_for_step& w) {
            note_event_use(ctx.file, w.event);
            const auto binding = program_.binding_of(w);
            binding_frame own{};
            if (binding != no_index) own = {program_.bindings[binding].name, binding, ctx.bindings};
            if (w.condition) {
              auto inner = ctx;
              inner.event = type::event_of(w.event.name);
              if (binding != no_index) inner.bindings = &own;
              check_condition(*w.condition, inner);
            }
            check_duration(w.within, ctx, "`wait for ... within`");
            bool received_stops = false;
            bool timeout_stops = false;
            if (w.received) {
              auto inner = ctx;
              if (binding != no_index) inner.bindings = &own;
              received_stops = check_block(*w.received, inner);
            }
            if (w.timed_out) {
              auto inner = ctx;
              binding_frame timed_out{};
              if (binding != no_index) {
                timed_out = {program_.bindings[binding].name, binding, ctx.timed_out};
                inner.timed_out = &timed_out;
              }
              timeout_stops = check_block(*w.timed_out, inner);
            }
            terminates = received_stops && timeout_stops;
            if (binding != no_index) {
              frames.push_back(own);
              ctx.bindings = &frames.back();
            }
          },
          [&](const ast::if_step& i) {
            bool all = true;
            for (const auto& branch : i.branches) {
              check_condition(branch.condition, ctx);
              all = check_block(branch.body, ctx) && all;
            }
            if (i.otherwise) {
              all = check_block(*i.otherwise, ctx) && all;
            }
            terminates = all && i.otherwise.has_value();
          },
          [&](const ast::split_step& sp) { check_split(s, sp, ctx, terminates); },
          [&](const ast::send_step& send) {
            std::map<std::string_view, span> seen;
            for (const auto& p : send.params) {
              const auto [it, inserted] = seen.emplace(p.name.name, p.name.where);
              if (!inserted) {
                error(codes::duplicate_property, p.name.where,
                      fmt::format("the parameter `{}` is given twice", p.name.name))
                    .with_note("first given here", it->second);
              }
              const auto& info = check_expr(p.value, ctx);
              expect_plain_value(p.value, info, "a send parameter");
            }
          },
          [&](const ast::set_step& set) {
            if (set.target.name != "customer") {
              error(codes::invalid_set_target, set.target.where,
                    fmt::format("cannot set `{}.{}`: only customer attributes can be set", set.target.name,
                                set.attribute.name))
                  .with_help(fmt::format("write `set customer.{} = ...`", set.attribute.name));
            }
            const auto& info = check_expr(set.value, ctx);
            expect_plain_value(set.value, info, "a customer attribute");
            // `customer.timezone` is where local times come from: check it.
            if (set.attribute.name == "timezone" && info.type.is(type_kind::string)) {
              check_time_zone(set.value, info);
            }
          },
          [&](const ast::tag_step&) {},
          [&](const ast::emit_step& emit) {
            note_event_use(ctx.file, emit.event);
            check_properties(emit.properties, ctx, false);
            check_properties_against_schema(emit.properties, emit.event);
            if (const auto* schema_entry = schema(emit.event.name)) {
              std::vector<std::string> missing;
              for (const auto& field : schema_entry->fields) {
                if (field.optional) continue;
                const bool given = std::any_of(emit.properties.begin(), emit.properties.end(),
                                               [&](const ast::property& p) { return p.name.name == field.name; });
                if (!given) missing.push_back(field.name);
              }
              if (!missing.empty()) {
                error(codes::missing_field, emit.event.where,
                      fmt::format("`emit {}` is missing {} {}", emit.event.name,
                                  missing.size() == 1 ? "the field" : "the fields", join_names(missing)))
                    .with_note(fmt::format("`{}` is declared here", emit.event.name), schema_entry->decl->name.where)
                    .with_help("give every field that is not marked optional with `?`");
              }
            }
          },
          [&](const ast::repeat_step& r) {
            const auto& count = check_expr(r.count, ctx);
            if (expect_type(r.count, count, type_kind::number, codes::type_mismatch,
                            "write how many times, such as `3`") &&
                count.constant) {
              const auto* n = count.constant->get<double>();
              if (n != nullptr && (*n < 1 || *n != std::floor(*n))) {
                error(codes::invalid_count, r.count.where,
                      fmt::format("`repeat` needs a positive whole number of times, found `{}`",
                                  to_source_text(*count.constant)))
                    .with_help("write how many rounds, such as `3`");
              }
            }
            check_block(r.body, ctx);
            if (!always_waits(r.body)) {
              error(codes::repeat_without_wait, keyword_span(s, 6), "the body of `repeat` does not wait on every path")
                  .with_label("every round would run at the same instant")
                  .with_help(
                      "add a `wait`, `wait until` or `wait for` that every path through "
                      "the body passes");
            }
          },
          [&](const ast::stop_step&) { terminates = true; },
          [&](const ast::log_step&) {},
      },
      s.node);
  return terminates;
}

// `split ["name"] { N% label { } ... }`: E0602 total, E0603 percentages,
// E0306 labels, E0308 names.
void checker::check_split(const ast::step& s, const ast::split_step& split, const expr_context& ctx, bool& terminates) {
  auto& flow = program_.flows[current_flow_];
  std::string name;
  if (split.name) {
    name = split.name->value;
    const auto it =
        std::find_if(split_names_.begin(), split_names_.end(), [&](const auto& entry) { return entry.first == name; });
    if (it != split_names_.end()) {
      error(codes::duplicate_split_name, split.name->where,
            fmt::format("split \"{}\" is defined twice in flow `{}`", name, flow.name))
          .with_note("first defined here", it->second)
          .with_help(
              "each split of a flow needs its own name, or customers land in the same "
              "arm of both");
    } else {
      split_names_.emplace_back(name, split.name->where);
    }
  } else {
    name = fmt::format("#{}", ++unnamed_splits_);
  }
  flow.splits.push_back({&split, name});

  double total = 0;
  bool percentages_ok = true;
  std::map<std::string_view, span> labels;
  bool all_stop = !split.arms.empty();
  for (const auto& arm : split.arms) {
    if (!(arm.percent > 0)) {
      error(codes::split_percent, arm.percent_where,
            fmt::format("a split arm needs a positive percentage, found `{}%`", arm.percent_text))
          .with_help("remove the arm, or give it a share of the customers");
      percentages_ok = false;
    }
    total += arm.percent;
    const auto [it, inserted] = labels.emplace(arm.label.name, arm.label.where);
    if (!inserted) {
      error(codes::duplicate_split_label, arm.label.where,
            fmt::format("the split arm `{}` is defined twice", arm.label.name))
          .with_note("first defined here", it->second)
          .with_help("give each arm its own label");
    }
    all_stop = check_block(arm.body, ctx) && all_stop;
  }
  if (percentages_ok && std::fabs(total - 100.0) > 1e-9) {
    error(codes::split_total, keyword_span(s, 5),
          fmt::format("the arms of this split add up to {}%, not 100%", format_number(total)))
        .with_help(
            "every customer must land in exactly one arm: make the percentages add up "
            "to 100");
  }
  terminates = all_stop;
}

bool checker::always_waits(const ast::block& b) const {
  return std::any_of(b.steps.begin(), b.steps.end(), [&](const ast::step& s) { return step_waits(s); });
}

bool checker::step_waits(const ast::step& s) const {
  return std::visit(overloaded{
                        [](const ast::wait_step&) { return true; },
                        [](const ast::wait_until_step&) { return true; },
                        [](const ast::wait_for_step&) { return true; },
                        [](const ast::stop_step&) { return true; },
                        [&](const ast::if_step& i) {
                          if (!i.otherwise || !always_waits(*i.otherwise)) return false;
                          return std::all_of(i.branches.begin(), i.branches.end(),
                                             [&](const ast::if_branch& b) { return always_waits(b.body); });
                        },
                        [&](const ast::split_step& sp) {
                          return !sp.arms.empty() &&
                                 std::all_of(sp.arms.begin(), sp.arms.end(),
                                             [&](const ast::split_arm& arm) { return always_waits(arm.body); });
                        },
                        [&](const ast::repeat_step& r) {
                          const auto& count = recorded(r.count);
                          const auto* n = count.constant ? count.constant->get<double>() : nullptr;
                          return n != nullptr && *n >= 1 && always_waits(r.body);
                        },
                        [](const auto&) { return false; },
                    },
                    s.node);
}

}  // namespace afterflow::check
