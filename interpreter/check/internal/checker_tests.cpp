// `test` declarations: the flows a test runs, its times, its references.
//
// Rules: E0203/E0216 flows that do not exist or are not visible,
// E0204/E0216 segments likewise, E0800 exit reasons, E0801 times out of
// order, E0802 `expect goal` for a flow without goals, E0416 timestamps,
// E0504 counts; test values must be constants (E0500). W0106 a customer
// that appears only in an expectation.
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "interpreter/check/internal/checker_impl.hpp"
#include "interpreter/check/internal/type_rules.hpp"

namespace afterflow::check {

using grammar::span;
using stdlib::type_kind;

namespace {

using stdlib::type_kind;

void collect_stop_texts(const ast::block& b, std::vector<std::string>& out) {
  for (const auto& s : b.steps) {
    std::visit(overloaded{
                   [&](const ast::stop_step& st) {
                     if (st.reason && std::find(out.begin(), out.end(), st.reason->value) == out.end()) {
                       out.push_back(st.reason->value);
                     }
                   },
                   [&](const ast::wait_for_step& w) {
                     if (w.received) collect_stop_texts(*w.received, out);
                     if (w.timed_out) collect_stop_texts(*w.timed_out, out);
                   },
                   [&](const ast::if_step& i) {
                     for (const auto& branch : i.branches) collect_stop_texts(branch.body, out);
                     if (i.otherwise) collect_stop_texts(*i.otherwise, out);
                   },
                   [&](const ast::split_step& sp) {
                     for (const auto& arm : sp.arms) collect_stop_texts(arm.body, out);
                   },
                   [&](const ast::repeat_step& r) { collect_stop_texts(r.body, out); },
                   [](const auto&) {},
               },
               s.node);
  }
}

}  // namespace

void checker::check_test(test_index t) {
  auto& test = program_.tests[t];
  const auto& decl = *test.decl;
  const auto file = test.file;

  // Flows visible to the test: its file's and those of every file it
  // imports, directly or not; in run order.
  std::vector<bool> reachable(program_.files.size(), false);
  std::vector<file_index> pending{file};
  reachable[file] = true;
  while (!pending.empty()) {
    const auto f = pending.back();
    pending.pop_back();
    for (const auto i : program_.files[f].imports) {
      if (!reachable[i]) {
        reachable[i] = true;
        pending.push_back(i);
      }
    }
  }
  for (flow_index f = 0; f < program_.flows.size(); ++f) {
    if (reachable[program_.flows[f].file]) test.flows.push_back(f);
  }

  std::set<std::string, std::less<>> customers;
  for (const auto& item : decl.items) {
    if (const auto* c = std::get_if<ast::test_customer>(&item.node)) customers.insert(c->customer.id);
    if (const auto* e = std::get_if<ast::test_event>(&item.node)) customers.insert(e->customer.id);
  }
  std::set<std::string, std::less<>> warned_customers;
  const auto check_customer = [&](const ast::customer_ref& c) {
    if (customers.contains(c.id) || warned_customers.contains(c.id)) return;
    warned_customers.insert(c.id);
    warning(codes::unknown_test_customer, c.where, fmt::format("customer `{}` does not appear in this test", c.id))
        .with_help("customers come from `customer` lines and from the test's events");
  };

  expr_context ctx;
  ctx.in = expr_context::owner::test;
  ctx.file = file;

  const auto timestamp = [&](const ast::expr& e) -> std::optional<grammar::instant> {
    const auto& info = check_expr(e, ctx);
    if (!expect_type(e, info, type_kind::time, codes::expected_timestamp,
                     info.type.is(type_kind::duration)
                         ? "write an RFC 3339 time such as `2026-03-01T09:00:00Z`, or `after` "
                           "with a duration for a time relative to the previous line"
                         : "write an RFC 3339 time such as `2026-03-01T09:00:00Z`")) {
      return std::nullopt;
    }
    const auto value = check_constant(e, ctx, "a test time");
    if (!value) return std::nullopt;
    if (const auto* tv = value->get<grammar::instant>()) return *tv;
    return std::nullopt;
  };

  // How this file would import `target`: its path relative to this file.
  const auto import_path = [&](file_index target) {
    const auto& to = program_.files[target];
    const auto& name = sources().file(to.source).name();
    if (to.from_stdlib) return std::string(name.substr(name.find('/') + 1, name.size() - name.find('/') - 6));
    const auto from = std::filesystem::path(sources().file(program_.files[file].source).name());
    auto relative = std::filesystem::path(name).lexically_relative(from.parent_path());
    return relative.empty() ? name : relative.generic_string();
  };

  const auto resolve_flow = [&](const ast::identifier& id) -> flow_index {
    const auto global = program_.find_flow(id.name);
    if (global != no_index && std::find(test.flows.begin(), test.flows.end(), global) != test.flows.end()) {
      return global;
    }
    if (global != no_index) {
      const auto& flow = program_.flows[global];
      error(codes::not_visible, id.where, fmt::format("flow `{}` is not visible from this test", id.name))
          .with_note("defined here", flow.decl->name.where)
          .with_help(fmt::format("a test runs the flows of its file and its imports: add "
                                 "`import \"{}\"`",
                                 import_path(flow.file)));
      return no_index;
    }
    std::vector<std::string> names;
    for (const auto f : test.flows) names.push_back(program_.flows[f].name);
    auto& d = error(codes::unknown_flow, id.where, fmt::format("unknown flow `{}`", id.name));
    suggest(d, id.name, names);
    return no_index;
  };

  const auto resolve_segment = [&](const ast::identifier& id) -> segment_index {
    const auto lookup = lookup_value(scopes_, program_.files, file, id.name);
    if (lookup.found.size() > 1) {
      error(codes::ambiguous_name, id.where, fmt::format("`{}` is ambiguous", id.name))
          .with_help("two imported files define this name: rename one of them");
      return no_index;
    }
    if (lookup.found.size() == 1) {
      const auto symbol = lookup.found.front();
      if (symbol.what == value_symbol::kind::segment) {
        segment_used_[symbol.index] = true;
        return symbol.index;
      }
      error(codes::unknown_segment, id.where, fmt::format("`{}` is a constant, not a segment", id.name));
      return no_index;
    }
    for (const auto& s : program_.segments) {
      if (s.name != id.name) continue;
      error(codes::not_visible, id.where, fmt::format("segment `{}` is not visible from this test", id.name))
          .with_note("defined here", s.decl->name.where)
          .with_help(fmt::format("add `import \"{}\"` to this file", import_path(s.file)));
      return no_index;
    }
    std::vector<std::string> names;
    if (visible_names(file).size() <= suggestion_budget_) {
      for (const auto& name : visible_names(file)) {
        const auto found = lookup_value(scopes_, program_.files, file, name).found;
        if (found.size() == 1 && found.front().what == value_symbol::kind::segment) {
          names.push_back(name);
        }
      }
    }
    auto& d = error(codes::unknown_segment, id.where, fmt::format("unknown segment `{}`", id.name));
    suggest(d, id.name, names);
    return no_index;
  };

  std::optional<grammar::instant> now;
  span now_where{};
  for (const auto& item : decl.items) {
    test_item_entry entry;
    std::visit(
        overloaded{
            [&](const ast::test_customer& c) {
              check_properties(c.attributes, ctx, true);
              for (const auto& p : c.attributes) {
                if (p.name.name != "timezone") continue;
                const auto& info = recorded(p.value);
                if (info.constant) {
                  if (const auto* zone = info.constant->get<std::string>()) {
                    check_time_zone_name(*zone, p.value.where);
                  }
                }
              }
            },
            [&](const ast::test_event& e) {
              std::optional<grammar::instant> at;
              if (e.time.anchor == ast::time_anchor::at) {
                at = timestamp(e.time.value);
                if (at && now && *at < *now) {
                  error(codes::events_out_of_order, e.time.value.where, "this event is earlier than the previous one")
                      .with_note("the previous event is here", now_where)
                      .with_help("list a test's events in time order");
                  at.reset();
                }
              } else {
                const auto& d = check_duration(e.time.value, ctx, "`after`", true);
                const auto value =
                    fits(d.type, type_kind::duration) ? check_constant(e.time.value, ctx, "a test time") : std::nullopt;
                if (!now) {
                  error(codes::events_out_of_order, item.where, "`after` needs an earlier event to count from")
                      .with_help("give the first event an absolute time with `at`");
                } else if (value) {
                  if (const auto* dv = value->get<grammar::duration>(); dv && dv->count() >= 0) {
                    at = *now + *dv;
                  }
                }
              }
              if (at) {
                now = at;
                now_where = e.time.value.where;
                entry.time = at;
              }
              note_event_use(file, e.event);
              check_properties(e.properties, ctx, true);
              check_properties_against_schema(e.properties, e.event);
            },
            [&](const ast::test_run_until& r) {
              const auto until = timestamp(r.until);
              if (until && now && *until < *now) {
                error(codes::events_out_of_order, r.until.where, "`run until` is earlier than the previous event")
                    .with_note("the previous event is here", now_where);
              }
              entry.time = until;
            },
            [&](const ast::test_allow_other_sends&) {},
            [&](const ast::expect_send& x) {
              if (x.customer) check_customer(*x.customer);
              std::optional<grammar::instant> start;
              std::optional<grammar::instant> end;
              if (x.at) (void)timestamp(*x.at);
              if (x.between_start) start = timestamp(*x.between_start);
              if (x.between_end) end = timestamp(*x.between_end);
              if (start && end && *end < *start) {
                error(codes::events_out_of_order, x.between_start->where.to(x.between_end->where),
                      "this time window ends before it starts")
                    .with_help("write the earlier time first");
              }
              check_properties(x.with, ctx, true);
            },
            [&](const ast::expect_count& x) {
              const auto& info = check_expr(x.count, ctx);
              if (!expect_type(x.count, info, type_kind::number, codes::type_mismatch)) return;
              const auto value = check_constant(x.count, ctx, "an expected count");
              if (!value) return;
              const auto* n = value->get<double>();
              if (n != nullptr && (*n < 0 || *n != std::floor(*n))) {
                error(codes::invalid_count, x.count.where,
                      fmt::format("an expected count must be a whole number, found `{}`", to_source_text(*value)));
              }
            },
            [&](const ast::expect_exit& x) {
              check_customer(x.customer);
              entry.flow = resolve_flow(x.flow);
              if (entry.flow == no_index) return;
              const auto& flow = program_.flows[entry.flow];
              if (x.reason_quoted) {
                std::vector<std::string> texts;
                collect_stop_texts(flow.decl->body, texts);
                if (std::find(texts.begin(), texts.end(), x.reason) != texts.end()) return;
                auto& d = error(codes::invalid_exit_reason, x.reason_where,
                                fmt::format("flow `{}` has no `stop \"{}\"`", flow.name, x.reason));
                suggest(d, x.reason, texts);
                if (d.help.empty()) {
                  d.with_help("a quoted reason is the text of one of the flow's `stop` steps");
                }
                return;
              }
              std::vector<std::string> reasons;
              for (const auto& p : flow.decl->exits) {
                if (std::find(reasons.begin(), reasons.end(), p.event.name) == reasons.end()) {
                  reasons.push_back(p.event.name);
                }
              }
              if (x.reason == "goal" || x.reason == "finished" ||
                  std::find(reasons.begin(), reasons.end(), x.reason) != reasons.end()) {
                return;
              }
              reasons.emplace_back("goal");
              reasons.emplace_back("finished");
              auto& d = error(codes::invalid_exit_reason, x.reason_where,
                              fmt::format("`{}` is not an exit reason of flow `{}`", x.reason, flow.name));
              suggest(d, x.reason, reasons);
              if (d.help.empty()) {
                d.with_help(
                    "a reason is an `exit on` event of the flow, `goal`, `finished`, or "
                    "the quoted text of a `stop`");
              }
            },
            [&](const ast::expect_goal& x) {
              check_customer(x.customer);
              entry.flow = resolve_flow(x.flow);
              if (entry.flow == no_index) return;
              const auto& flow = program_.flows[entry.flow];
              if (flow.decl->goals.empty()) {
                error(codes::flow_without_goal, x.flow.where, fmt::format("flow `{}` has no `goal`", flow.name))
                    .with_note("defined here", flow.decl->name.where)
                    .with_help(
                        "expect an exit instead: `expect exit <flow> for <customer> "
                        "reason ...`");
              }
            },
            [&](const ast::expect_segment& x) {
              check_customer(x.customer);
              entry.segment = resolve_segment(x.segment);
            },
        },
        item.node);
    test.items.push_back(entry);
  }
}

}  // namespace afterflow::check
