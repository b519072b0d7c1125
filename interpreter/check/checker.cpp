#include "interpreter/check/checker.hpp"

#include <algorithm>

#include "grammar/text/edit_distance.hpp"
#include "interpreter/check/internal/checker_impl.hpp"

namespace afterflow::check {

using grammar::closest_match;
using grammar::diagnostic;
using grammar::diagnostic_list;
using grammar::span;

checker::checker(loaded_program loaded, diagnostic_list& diagnostics) : diagnostics_(diagnostics) {
  program_.sources = std::move(loaded.sources);
  program_.files.reserve(loaded.files.size());
  for (auto& f : loaded.files) {
    checked_file file;
    file.source = f.source;
    file.identity = std::move(f.identity);
    file.from_stdlib = f.from_stdlib;
    file.root = f.root;
    file.syntax = std::move(f.syntax);
    for (const auto i : f.imports) file.imports.push_back(static_cast<file_index>(i));
    program_.files.push_back(std::move(file));
  }
  for (const auto r : loaded.roots) program_.roots.push_back(static_cast<file_index>(r));
  scopes_.resize(program_.files.size());
  visible_names_.resize(program_.files.size());
}

diagnostic& checker::error(std::string_view code, span where, std::string message) {
  return diagnostics_.error(std::string(code), where, std::move(message));
}

diagnostic& checker::warning(std::string_view code, span where, std::string message) {
  return diagnostics_.warning(std::string(code), where, std::move(message));
}

void checker::suggest(diagnostic& d, std::string_view word, std::span<const std::string> candidates,
                      std::span<const std::string> more) {
  const auto cost = candidates.size() + more.size();
  if (cost > suggestion_budget_) {
    suggestion_budget_ = 0;
    return;
  }
  suggestion_budget_ -= cost;
  std::vector<std::string_view> views(candidates.begin(), candidates.end());
  views.insert(views.end(), more.begin(), more.end());
  if (const auto match = closest_match(word, views)) {
    d.with_help("did you mean `" + *match + "`?");
  }
}

const std::vector<std::string>& checker::visible_names(file_index file) {
  auto& cached = visible_names_[file];
  if (!cached) cached = visible_value_names(scopes_, program_.files, file);
  return *cached;
}

checked_program checker::run() {
  // Run order (flows): roots as given, then the imported files in load
  // order. Dependency order (everything else): each file after the files it
  // imports, so a declaration that clashes with an imported one (a standard
  // module's event, an imported policy) is the one reported.
  std::vector<file_index> run_order = program_.roots;
  for (file_index f = 0; f < program_.files.size(); ++f) {
    if (std::find(run_order.begin(), run_order.end(), f) == run_order.end()) run_order.push_back(f);
  }
  std::vector<file_index> order;
  std::vector<bool> visited(program_.files.size(), false);
  const auto visit = [&](const auto& self, file_index f) -> void {
    if (visited[f]) return;
    visited[f] = true;
    for (const auto i : program_.files[f].imports) self(self, i);
    order.push_back(f);
  };
  for (const auto f : run_order) visit(visit, f);
  for (const auto f : order) collect_declarations(f, false);
  for (const auto f : run_order) collect_declarations(f, true);

  for (const auto& e : program_.events) event_names_.push_back(e.name);
  std::sort(event_names_.begin(), event_names_.end());
  constants_.state.assign(program_.constants.size(), definition_walk::progress::not_started);
  segments_.state.assign(program_.segments.size(), definition_walk::progress::not_started);
  constant_used_.assign(program_.constants.size(), false);
  segment_used_.assign(program_.segments.size(), false);

  for (event_index e = 0; e < program_.events.size(); ++e) check_event_schema(e);
  for (const auto c : definition_order(value_symbol::kind::constant, constants_.component)) {
    ensure_constant(c, std::nullopt);
  }
  for (const auto s : definition_order(value_symbol::kind::segment, segments_.component)) {
    ensure_segment(s, std::nullopt);
  }
  for (const auto c : constants_.deferred) {
    expr_context ctx;
    ctx.in = expr_context::owner::constant;
    ctx.file = program_.constants[c].file;
    (void)check_expr(program_.constants[c].decl->value, ctx);
  }
  for (const auto s : segments_.deferred) {
    expr_context ctx;
    ctx.in = expr_context::owner::segment;
    ctx.file = program_.segments[s].file;
    (void)check_condition(program_.segments[s].decl->condition, ctx);
  }
  for (const auto f : order) {
    for (const auto& d : program_.files[f].syntax.declarations) {
      if (const auto* policy = std::get_if<ast::policy_decl>(&d.node)) check_policy(f, *policy);
      if (const auto* map = std::get_if<ast::map_decl>(&d.node)) check_map(f, *map);
    }
  }
  for (flow_index f = 0; f < program_.flows.size(); ++f) check_flow(f);
  for (test_index t = 0; t < program_.tests.size(); ++t) check_test(t);
  report_unused();

  program_.expressions.assign(std::make_move_iterator(infos_.begin()), std::make_move_iterator(infos_.end()));
  infos_.clear();
  return std::move(program_);
}

checked_program check_program(loaded_program program, diagnostic_list& diagnostics) {
  return checker(std::move(program), diagnostics).run();
}

checked_program load_and_check(std::span<const std::string> roots, const file_reader& reader,
                               diagnostic_list& diagnostics, const load_limits& limits) {
  return check_program(load_program(roots, reader, diagnostics, limits), diagnostics);
}

}  // namespace afterflow::check
