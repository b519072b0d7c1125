#include "interpreter/testing/simulation.hpp"

#include <deque>
#include <map>

#include <fmt/format.h>

#include "grammar/diagnostic_render.hpp"
#include "grammar/text/timestamp.hpp"
#include "interpreter/check/checker.hpp"
#include "interpreter/compile/compiler.hpp"
#include "interpreter/replay/explain.hpp"

namespace afterflow::testing {

using check::checked_program;
using check::collect_flow_files;
using check::disk_file_reader;
using check::file_reader;
using check::load_and_check;
using check::memory_file_reader;
using compile::compile;
using grammar::diagnostic_list;
using grammar::format_timestamp;
using grammar::parse_timestamp;
using grammar::render_text;
using ir::program;
using ir::symbol_table;
using replay::render_timeline;
using replay::trace_recorder;
using runtime::action_collector;
using runtime::flow_stats;
using runtime::owned_action;
using runtime::run_end;
using runtime::runtime_error_record;
using runtime::simulator;
using runtime::simulator_options;
using runtime::trace_entry;
using runtime::waiting_run;
using stdlib::property_entry;
using stdlib::value;

property_value property_value::time(std::string_view rfc3339) {
  const auto t = parse_timestamp(rfc3339);
  if (!t) throw std::invalid_argument(fmt::format("`{}` is not an RFC 3339 time", rfc3339));
  property_value v;
  v.data_ = time_value{*t};
  return v;
}

property_value property_value::seconds(std::int64_t s) { return of(std::chrono::seconds(s)); }

property_value property_value::of(grammar::duration d) {
  property_value v;
  v.data_ = duration_value{d};
  return v;
}

namespace {

// Turns C++ property values into runtime values; strings and lists live in
// this object until it is destroyed (after the simulator has copied them).
class value_builder {
 public:
  explicit value_builder(symbol_table& symbols) : symbols_(symbols) {}

  std::vector<property_entry> entries(const properties& props) {
    std::vector<property_entry> out;
    for (const auto& [name, v] : props) out.push_back({symbols_.intern(name), convert(v)});
    return out;
  }

 private:
  value convert(const property_value& v) {
    return std::visit(
        [&](const auto& x) -> value {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, std::monostate>) return value::null();
          else if constexpr (std::is_same_v<T, bool>) return value::boolean(x);
          else if constexpr (std::is_same_v<T, double>) return value::number(x);
          else if constexpr (std::is_same_v<T, std::string>) {
            strings_.push_back(x);
            return value::string(strings_.back());
          } else if constexpr (std::is_same_v<T, property_value::time_value>) return value::time(x.at);
          else if constexpr (std::is_same_v<T, property_value::duration_value>) return value::duration(x.length);
          else {
            auto& items = lists_.emplace_back();
            for (const auto& item : x) items.push_back(convert(item));
            return value::list(items);
          }
        },
        v.get());
  }

  symbol_table& symbols_;
  std::deque<std::string> strings_;
  std::deque<std::vector<value>> lists_;
};

grammar::instant parse_time_argument(std::string_view text) {
  const auto t = parse_timestamp(text);
  if (!t) throw std::invalid_argument(fmt::format("`{}` is not an RFC 3339 time", text));
  return *t;
}

}  // namespace

struct simulation::state {
  std::unique_ptr<checked_program> checked;
  std::unique_ptr<program> compiled;      ///< read-only once compiled
  std::unique_ptr<symbol_table> symbols;  ///< the names events and customers add
  action_collector actions;
  std::unique_ptr<simulator> engine;
  std::unique_ptr<trace_recorder> timelines;
};

simulation::simulation(std::unique_ptr<state> s) : state_(std::move(s)) {}
simulation::simulation(simulation&&) noexcept = default;
simulation& simulation::operator=(simulation&&) noexcept = default;
simulation::~simulation() = default;

namespace {

std::unique_ptr<checked_program> check_or_throw(const std::vector<std::string>& roots, const file_reader& reader) {
  diagnostic_list diagnostics;
  auto checked = std::make_unique<checked_program>(load_and_check(roots, reader, diagnostics));
  if (diagnostics.has_errors()) {
    diagnostics.sort();
    throw flow_error(render_text(diagnostics, checked->sources));
  }
  return checked;
}

}  // namespace

simulation simulation::from_files(const std::vector<std::string>& paths, simulator_options options) {
  std::vector<std::string> roots;
  for (const auto& p : paths) {
    auto collected = collect_flow_files(p);
    if (!collected.error.empty()) throw flow_error(collected.error);
    roots.insert(roots.end(), collected.files.begin(), collected.files.end());
  }
  auto s = std::make_unique<state>();
  s->checked = check_or_throw(roots, disk_file_reader());
  s->compiled = std::make_unique<program>(compile(*s->checked));
  s->symbols = std::make_unique<symbol_table>(symbol_table::over(s->compiled->symbols));
  s->engine = std::make_unique<simulator>(*s->compiled, *s->symbols, s->actions, options);
  s->engine->keep_run_ends(true);
  return simulation(std::move(s));
}

simulation simulation::from_source(std::string_view source, std::string name, simulator_options options) {
  auto s = std::make_unique<state>();
  s->checked = check_or_throw({name}, memory_file_reader({{name, std::string(source)}}));
  s->compiled = std::make_unique<program>(compile(*s->checked));
  s->symbols = std::make_unique<symbol_table>(symbol_table::over(s->compiled->symbols));
  s->engine = std::make_unique<simulator>(*s->compiled, *s->symbols, s->actions, options);
  s->engine->keep_run_ends(true);
  return simulation(std::move(s));
}

simulation& simulation::customer(std::string_view id, const properties& attributes) {
  value_builder builder(*state_->symbols);
  const auto entries = builder.entries(attributes);
  if (auto problem = state_->engine->update_profile(id, entries)) {
    throw std::invalid_argument(fmt::format("customer `{}`: {}", id, *problem));
  }
  return *this;
}

simulation& simulation::event(std::string_view time, std::string_view customer, std::string_view event,
                              const properties& props) {
  const auto t = parse_time_argument(time);
  if (t < state_->engine->now()) {
    throw std::invalid_argument(fmt::format("event `{}` at {} is before the simulated clock ({})", event, time,
                                            format_timestamp(state_->engine->now())));
  }
  value_builder builder(*state_->symbols);
  const auto entries = builder.entries(props);
  const auto name = state_->symbols->intern(event);
  state_->engine->feed({t, name, customer, entries});
  return *this;
}

simulation& simulation::advance_to(std::string_view time) {
  state_->engine->advance_to(parse_time_argument(time));
  return *this;
}

simulation& simulation::run() {
  state_->engine->finish();
  return *this;
}

simulation& simulation::record_timelines() {
  if (!state_->timelines) state_->timelines = std::make_unique<trace_recorder>();
  state_->engine->set_trace(state_->timelines.get());
  return *this;
}

const std::vector<owned_action>& simulation::actions() const { return state_->actions.actions; }
const std::vector<run_end>& simulation::run_ends() const { return state_->engine->run_ends(); }
std::vector<waiting_run> simulation::waiting() const { return state_->engine->waiting_runs(); }
const std::vector<runtime_error_record>& simulation::errors() const { return state_->engine->errors(); }
grammar::instant simulation::now() const { return state_->engine->now(); }
simulator& simulation::engine() { return *state_->engine; }

flow_stats simulation::stats(std::string_view flow) const {
  const auto& flows = state_->compiled->flows;
  for (std::size_t i = 0; i < flows.size(); ++i) {
    if (flows[i].name == flow) return state_->engine->stats()[i];
  }
  throw std::invalid_argument(fmt::format("no flow called `{}`", flow));
}

bool simulation::in_segment(std::string_view customer, std::string_view segment) {
  const auto& segments = state_->compiled->segments;
  for (std::uint32_t i = 0; i < segments.size(); ++i) {
    if (segments[i].name == segment) return state_->engine->segment_holds(customer, i);
  }
  throw std::invalid_argument(fmt::format("no segment called `{}`", segment));
}

std::string simulation::timeline(std::string_view customer) const {
  if (!state_->timelines) return {};
  std::vector<trace_entry> mine;
  for (const auto& e : state_->timelines->entries()) {
    if (e.customer == customer) mine.push_back(e);
  }
  return render_timeline(mine);
}

value param(const owned_action& a, std::string_view name) {
  const auto entries = a.params.entries();
  for (std::size_t i = 0; i < a.param_names.size() && i < entries.size(); ++i) {
    if (a.param_names[i] == name) return entries[i].data;
  }
  return value::null();
}

}  // namespace afterflow::testing
