#include "interpreter/runtime/internal/simulator_impl.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "grammar/text/timestamp.hpp"
#include "interpreter/ir/value_format.hpp"
#include "interpreter/runtime/runtime_codes.hpp"

namespace afterflow::runtime {

using grammar::format_timestamp;
using ir::no_node;
using ir::pattern;
using ir::program;
using ir::record;
using ir::reentry_mode;
using ir::stored_event;
using ir::symbol_table;
using ir::value_text;
using stdlib::event_view;
using stdlib::property_entry;
using stdlib::symbol;
using stdlib::type_kind;

namespace {

// A zone given as null or as the empty string is no zone (stdlib/time_zone_names.hpp).
bool absent_zone(const stdlib::value& v) { return v.is_null() || (v.is(type_kind::string) && v.as_string().empty()); }

}  // namespace

simulator::impl::impl(const program& p, symbol_table& symbols, action_sink& sink, simulator_options options)
    : program_(p),
      symbols_(symbols),
      sink_(sink),
      options_(options),
      layout_(p),
      history_(p, layout_),
      eval_(p, symbols, history_, zones_),
      stats_(p.flows.size()) {
  if (!p.policy.time_zone.empty()) policy_zone_ = zones_.find(p.policy.time_zone);
  for (const auto& f : p.flows) sent_counts_.emplace_back(f.sends.size(), 0);
}

simulator::impl::~impl() {
  const auto size = layout_.block_size();
  if (size == 0) return;
  for (customer_index c = 0; c < customers_.size(); ++c) {
    if (find_history_block(c) != nullptr) history_.release(history_block(c));
    if (size > customer_state::inline_history) {
      delete[] * reinterpret_cast<std::byte**>(customers_[c].history.data());
    }
  }
}

std::byte* simulator::impl::history_block(customer_index c) {
  const auto size = layout_.block_size();
  if (size == 0) return nullptr;
  auto* inline_area = customers_[c].history.data();
  if (size <= customer_state::inline_history) return inline_area;
  auto*& spilled = *reinterpret_cast<std::byte**>(inline_area);
  if (spilled == nullptr) spilled = new std::byte[size]{};
  return spilled;
}

const std::byte* simulator::impl::find_history_block(customer_index c) const {
  const auto size = layout_.block_size();
  if (size == 0) return nullptr;
  const auto* inline_area = customers_[c].history.data();
  if (size <= customer_state::inline_history) return inline_area;
  return *reinterpret_cast<const std::byte* const*>(inline_area);
}

// ---------------------------------------------------------------------------
// Customers

customer_index simulator::impl::ensure_customer(std::string_view id) {
  bool added = false;
  const auto c = customer_ids_.find_or_add(id, added);
  if (added) {
    // A quarter more at a time: per-customer memory is what the replay of a
    // big shop is made of, and doubling would leave a third of it unused.
    if (customers_.size() == customers_.capacity())
      customers_.reserve(customers_.capacity() + customers_.capacity() / 4 + 16);
    customers_.emplace_back();
  }
  return c;
}

const time_zone* simulator::impl::zone_of(customer_index c) const {
  if (customers_[c].zone != nullptr) return customers_[c].zone;
  return policy_zone_ != nullptr ? policy_zone_ : utc_zone();
}

customer_view simulator::impl::view_of(customer_index c) const {
  const auto& state = customers_[c];
  customer_view v;
  v.index = c;
  v.id = customer_ids_.id(c);
  v.attributes = &state.attributes;
  if (state.extras) v.tags = &state.extras->tags;  // no dereference on the hot path
  v.zone = zone_of(c);
  v.history = find_history_block(c);
  return v;
}

std::optional<std::string> simulator::impl::update_profile(std::string_view customer,
                                                           std::span<const property_entry> attributes) {
  const time_zone* zone = nullptr;
  bool zone_set = false;
  for (const auto& a : attributes) {
    if (a.name != program_.timezone_symbol) continue;
    zone_set = true;
    if (absent_zone(a.data)) continue;
    if (!a.data.is(type_kind::string)) return std::string("`timezone` must be a string");
    zone = zones_.find(a.data.as_string());
    if (zone == nullptr) {
      return fmt::format("unknown time zone `{}`", a.data.as_string());
    }
  }
  const auto c = ensure_customer(customer);
  auto& state = customers_[c];
  // Only attributes some expression reads are kept (memory grows with what
  // the program needs, not with what profiles carry).
  const auto& read = program_.customer_attributes_read;
  const auto wanted = [&](symbol name) { return std::binary_search(read.begin(), read.end(), name); };
  if (std::any_of(attributes.begin(), attributes.end(), [&](const property_entry& a) { return wanted(a.name); })) {
    auto updated = state.attributes.clone();
    for (const auto& a : attributes) {
      if (!wanted(a.name)) continue;
      const bool absent = a.data.is_null() || (a.name == program_.timezone_symbol && absent_zone(a.data));
      updated = absent ? updated.without(a.name) : updated.with(a.name, a.data);
    }
    state.attributes = std::move(updated);
  }
  if (zone_set) state.zone = zone;
  return std::nullopt;
}

std::vector<flow_stats> simulator::impl::stats() const {
  auto out = stats_;
  // Sends are counted per send step on the hot path; named here.
  for (std::size_t f = 0; f < out.size(); ++f) {
    const auto& flow = program_.flows[f];
    for (std::size_t s = 0; s < flow.sends.size(); ++s) {
      const auto n = sent_counts_[f][s];
      if (n == 0) continue;
      out[f].sent[{std::string(name(flow.sends[s].channel)), std::string(name(flow.sends[s].template_name))}] += n;
    }
  }
  return out;
}

bool simulator::impl::segment_holds(std::string_view customer, std::uint32_t segment) {
  const auto c = ensure_customer(customer);
  const auto view = view_of(c);
  const eval_frame frame{now_, &view, nullptr, nullptr, {}};
  const bool result = eval_.holds(program_.segments[segment].condition, frame);
  eval_.clear_scratch();
  return result;
}

memory_usage simulator::impl::memory() const {
  memory_usage u;
  u.customer_ids = customer_ids_.heap_bytes();
  u.customers = customers_.capacity() * sizeof(customer_state);
  for (customer_index c = 0; c < customers_.size(); ++c) {
    const auto* block = find_history_block(c);
    u.history += history_.heap_bytes(block);
    if (block != nullptr && layout_.block_size() > customer_state::inline_history) u.history += layout_.block_size();
  }
  u.history += history_.pool_bytes();
  u.runs = runs_.capacity() * sizeof(run_state) + timers_.size() * sizeof(timer) + run_counts_.heap_bytes();
  for (const auto& c : customers_) {
    u.customers += c.attributes.heap_bytes();
    if (!c.extras) continue;
    u.extras += sizeof(customer_extras) + c.extras->tags.capacity() * sizeof(symbol) +
                c.extras->runs.capacity() * sizeof(std::uint32_t) + c.extras->keys.heap_bytes() +
                c.extras->caps.capacity() * sizeof(cap_history);
    for (const auto& cap : c.extras->caps) u.extras += cap.sent.capacity() * sizeof(grammar::instant);
  }
  return u;
}

// ---------------------------------------------------------------------------
// The loop

void simulator::impl::feed(const event_view& e) {
  if (e.time > options_.until) return;  // beyond the end of the replay
  fire_due(e.time);
  now_ = std::max(now_, e.time);
  begin_input();
  handle_event(e, 0, std::nullopt);
  after_input();
}

void simulator::impl::advance_to(grammar::instant t) {
  const auto limit = std::min(t, options_.until);
  fire_due(limit);
  now_ = std::max(now_, limit);
}

void simulator::impl::finish() {
  if (options_.until == grammar::no_end) {
    fire_due(options_.until);  // the clock stays at the last input
  } else {
    advance_to(options_.until);
  }
  for (auto& s : stats_) s.waiting = 0;
  for (const auto& r : runs_) {
    if (r.in_use) ++stats_[r.flow].waiting;
  }
  // Everything the clock has made stale goes now, for every customer (the
  // sweep only visits a slice at a time). Outputs cannot change: only
  // records no future decision could consult are dropped.
  for (customer_index c = 0; c < customers_.size(); ++c) {
    if (customers_[c].extras && customers_[c].extras->runs.empty()) tidy(c, true);
  }
  if (free_runs_.size() == runs_.size()) {
    std::vector<run_state>().swap(runs_);
    std::vector<std::uint32_t>().swap(free_runs_);
  }
}

std::vector<waiting_run> simulator::impl::waiting_runs() const {
  std::vector<const run_state*> active;
  for (const auto& r : runs_) {
    if (r.in_use) active.push_back(&r);
  }
  std::sort(active.begin(), active.end(), [](const run_state* a, const run_state* b) { return a->seq < b->seq; });
  std::vector<waiting_run> out;
  for (const auto* r : active) {
    const auto& f = program_.flows[r->flow];
    std::string what;
    switch (r->waiting) {
      case wait_kind::timer: what = fmt::format("timer until {}", format_timestamp(r->due)); break;
      case wait_kind::event:
        what = fmt::format("{} or timeout at {}", name(f.waits[r->wait_index].awaited.event), format_timestamp(r->due));
        break;
      case wait_kind::deferred_send: what = fmt::format("quiet hours until {}", format_timestamp(r->due)); break;
      case wait_kind::none: what = "running"; break;
    }
    out.push_back({f.name, std::string(customer_ids_.id(r->customer)), run_id(*r), std::move(what), r->waiting_since});
  }
  return out;
}

void simulator::impl::fire_due(grammar::instant limit) {
  while (!timers_.empty() && timers_.top().due <= limit) {
    const auto next = timers_.top();
    timers_.pop();
    fire(next);
  }
}

void simulator::impl::begin_input() {
  current_depth_ = 0;
  budget_ = {};
}

void simulator::impl::after_input() {
  process_emitted();
  close_storm();
  eval_.clear_scratch();
  if (++inputs_ % 4096 == 0) sweep();
}

void simulator::impl::fire(const timer& t) {
  auto& run = runs_[t.run];
  if (!run.in_use || run.generation != t.generation) return;  // cancelled
  now_ = t.due;
  begin_input();
  const auto& f = program_.flows[run.flow];
  const auto slot = t.run;
  switch (run.waiting) {
    case wait_kind::timer:
      if (tracing(run.customer)) trace(run.customer, &run, trace_kind::woke, "timer");
      run.waiting = wait_kind::none;
      ++run.generation;
      ++run.pc;
      execute(slot);
      break;
    case wait_kind::event: {
      const auto& w = f.waits[run.wait_index];
      if (tracing(run.customer))
        trace(run.customer, &run, trace_kind::woke, fmt::format("timeout waiting for {}", name(w.awaited.event)));
      run.waiting = wait_kind::none;
      ++run.generation;
      if (w.binding < run.bindings.size()) {
        run.bindings[w.binding].reset();
        run.binding_views[w.binding] = nullptr;
      }
      run.pc = w.timeout_pc;
      execute(slot);
      break;
    }
    case wait_kind::deferred_send: {
      run.waiting = wait_kind::none;
      ++run.generation;
      auto params = std::move(run.pending_params);
      if (!send(slot, run.pending_send, std::move(params), run.deferred_from)) {
        if (runs_[slot].in_use) {
          ++runs_[slot].pc;
          execute(slot);
        }
      }
      break;
    }
    case wait_kind::none: break;
  }
  after_input();
}

void simulator::impl::process_emitted() {
  while (!emitted_.empty()) {
    auto next = std::move(emitted_.front());
    emitted_.pop_front();
    current_depth_ = next.depth;
    handle_event(next.event.view(), next.depth, next.emitter_seq);
  }
  current_depth_ = 0;
}

void simulator::impl::stop_storm(std::uint32_t slot, std::string_view what, std::uint64_t limit) {
  if (!budget_.storm_error) {
    error(&runs_[slot], std::string(codes::input_budget),
          fmt::format("one input set off more than {} {}; the rest of its work is not done", limit, what));
    budget_.storm_error = errors_.size() - 1;
  } else {
    ++budget_.stopped_runs;
  }
  budget_.dropped_events += emitted_.size();
  emitted_.clear();
  end_run(slot, "error");
}

void simulator::impl::close_storm() {
  if (budget_.depth_error && budget_.more_depth_errors > 0) {
    errors_[*budget_.depth_error].message +=
        fmt::format(" (and {} more emits refused the same way for this input)", budget_.more_depth_errors);
  }
  if (budget_.storm_error) {
    auto& message = errors_[*budget_.storm_error].message;
    message +=
        fmt::format(" ({} emitted events dropped, {} more runs ended)", budget_.dropped_events, budget_.stopped_runs);
  }
  budget_ = {};
}

// ---------------------------------------------------------------------------
// Events

bool simulator::impl::matches(const pattern& p, const event_view& e, const run_state* run, customer_index c,
                              std::uint32_t flow) {
  if (p.event != e.name) return false;
  if (p.condition == no_node) return true;
  const auto view = view_of(c);
  eval_frame frame = run != nullptr ? frame_for(*run, view) : eval_frame{now_, &view, nullptr, nullptr, {}};
  frame.event = &e;
  if (run == nullptr) frame.trigger = nullptr;
  const bool result = eval_.holds(p.condition, frame);
  if (tracing(c)) trace_condition(c, run, p.condition, frame, result, p.location, flow);
  return result;
}

eval_frame simulator::impl::frame_for(const run_state& run, const customer_view& customer) const {
  return {now_, &customer, nullptr, &run.trigger.view(), run.binding_views};
}

void simulator::impl::handle_event(const event_view& input, std::uint32_t depth,
                                   std::optional<std::uint64_t> exclude_run) {
  const auto c = ensure_customer(input.customer);
  // Nothing can react to this event: it only makes its customer known.
  const bool matters = input.name < program_.event_matters.size() && program_.event_matters[input.name];
  if (!matters && !tracing(c)) return;
  event_view e = input;
  e.customer = customer_ids_.id(c);  // stable storage for anything that keeps the event
  current_depth_ = depth;

  if (tracing(c)) {
    std::vector<std::pair<std::string, std::string>> props;
    for (const auto& p : e.properties) props.emplace_back(name(p.name), value_text(p.data, symbols_));
    trace(c, nullptr, trace_kind::event, std::string(name(e.name)), {}, std::move(props));
  }

  // 1. History: the event is part of what everyone looks at from now on.
  if (e.name < program_.history_by_event.size()) {
    for (const auto slot : program_.history_by_event[e.name]) {
      const auto filter = program_.history[slot].filter;
      if (filter != no_node && !program_.history[slot].filter_at_read) {
        const auto view = view_of(c);
        const eval_frame frame{now_, &view, &e, nullptr, {}};
        if (!eval_.holds(filter, frame)) continue;
      }
      history_.add(history_block(c), slot, e);
    }
  }
  // 2. Live runs, in creation order.
  offer_to_runs(c, e, exclude_run);
  // 3. Triggers, in flow order.
  try_triggers(c, e);
}

void simulator::impl::offer_to_runs(customer_index c, const event_view& e, std::optional<std::uint64_t> exclude_run) {
  if (!customers_[c].extras || customers_[c].extras->runs.empty()) return;
  // A snapshot: runs started or ended while offering do not disturb the walk.
  // Not re-entrant: running a run never hands an event to other runs (emitted
  // events wait in `emitted_`), so one reused buffer is enough.
  snapshot_.assign(customers_[c].extras->runs.begin(), customers_[c].extras->runs.end());
  for (const auto slot : snapshot_) {
    auto* run = &runs_[slot];
    if (!run->in_use) continue;
    if (exclude_run && *exclude_run == run->seq) continue;  // never its own emitted event
    const auto& f = program_.flows[run->flow];
    // Exit first: it wins over everything.
    bool ended = false;
    for (const auto& x : f.exits) {
      if (matches(x, e, run, c, run->flow)) {
        end_run(slot, name(x.event));
        ended = true;
        break;
      }
    }
    if (ended) continue;
    bool goal = false;
    for (const auto& g : f.goals) {
      if (matches(g, e, run, c, run->flow)) {
        goal = true;
        break;
      }
    }
    run = &runs_[slot];
    if (run->waiting == wait_kind::event) {
      const auto& w = f.waits[run->wait_index];
      if (w.awaited.event == e.name) {
        // The `as` name is the candidate inside its own `where`.
        bool received = true;
        if (w.awaited.condition != no_node) {
          const auto view = view_of(c);
          std::vector<const event_view*> bindings = run->binding_views;
          if (w.binding < bindings.size()) bindings[w.binding] = &e;
          eval_frame frame = frame_for(*run, view);
          frame.event = &e;
          frame.bindings = bindings;
          received = eval_.holds(w.awaited.condition, frame);
          if (tracing(c)) trace_condition(c, run, w.awaited.condition, frame, received, w.awaited.location);
        }
        if (received) {
          run->waiting = wait_kind::none;
          ++run->generation;  // cancels the timeout
          if (w.binding < run->bindings.size()) {
            run->bindings[w.binding] = std::make_unique<stored_event>(stored_event::copy_of(e));
            run->binding_views[w.binding] = &run->bindings[w.binding]->view();
          }
          if (tracing(c)) trace(c, run, trace_kind::woke, std::string(name(e.name)));
          run->pc = w.received_pc;
          if (goal) {
            run->goal_pending = true;
            run->goal_end_pc = w.received_end_pc;
          }
          execute(slot);
          continue;
        }
      }
    }
    if (goal) end_run(slot, "goal");
  }
}

void simulator::impl::try_triggers(customer_index c, const event_view& e) {
  if (e.name >= program_.triggers_by_event.size()) return;
  std::uint32_t last_flow = 0xFFFFFFFFU;
  for (const auto& entry : program_.triggers_by_event[e.name]) {
    const auto flow = entry.first;  // not a structured binding: clang 14 cannot capture those
    const auto trigger = entry.second;
    if (flow == last_flow) continue;  // one run per flow per event
    const auto& f = program_.flows[flow];
    if (!matches(f.triggers[trigger], e, nullptr, c, flow)) continue;
    last_flow = flow;
    auto& stats = stats_of(flow);
    const auto view = view_of(c);
    eval_frame frame{now_, &view, nullptr, &e, {}};
    bool admitted = true;
    for (std::size_t i = 0; i < f.filters.size(); ++i) {
      const auto filter = f.filters[i];
      const bool ok = eval_.holds(filter, frame);
      if (tracing(c)) trace_condition(c, nullptr, filter, frame, ok, f.filter_locations[i], flow);
      if (!ok) {
        admitted = false;
        break;
      }
    }
    const auto refuse = [&](std::string_view reason) {
      bump(stats.refused, reason);
      if (tracing(c)) {
        trace_entry t;
        t.kind = trace_kind::run_refused;
        t.time = now_;
        t.customer = std::string(customer_ids_.id(c));
        t.flow = f.name;
        t.step = program_.locations[f.location];
        t.subject = std::string(reason);
        trace_->on_trace(t);
      }
    };
    if (!admitted) {
      refuse("filtered");
      continue;
    }
    std::string key;  // the default key (the customer) is kept as the empty string
    if (f.key != no_node) {
      const auto k = eval_.eval(f.key, frame);
      if (k.is_null()) {
        refuse("null_key");
        continue;
      }
      key = plain_text(k, symbols_);
    }
    // Re-entry, per (flow, key) group of this customer.
    auto& keys = customers_[c].more().keys;
    auto* rec = keys.find(flow, key);
    const bool exists = rec != nullptr;
    std::string_view refusal;
    switch (f.reentry) {
      case reentry_mode::single:
        if (exists && rec->active > 0) refusal = "active";
        break;
      case reentry_mode::never:
        if (exists) refusal = "reentry_never";
        break;
      case reentry_mode::always: break;
      case reentry_mode::after:
        if (exists && rec->active > 0) refusal = "active";
        else if (exists && now_ - rec->last_start < f.reentry_after) refusal = "reentry_after";
        break;
    }
    if (!refusal.empty()) {
      refuse(refusal);
      continue;
    }
    if (!exists) {
      rec = &keys.insert(flow, key, now_);
    }
    rec->last_start = now_;
    ++rec->active;
    start_run(flow, c, e, std::move(key));
  }
}

void simulator::impl::start_run(std::uint32_t flow, customer_index c, const event_view& e, std::string key) {
  std::uint32_t slot = 0;
  if (!free_runs_.empty()) {
    slot = free_runs_.back();
    free_runs_.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(runs_.size());
    runs_.emplace_back();
  }
  const auto& f = program_.flows[flow];
  auto& extras = customers_[c].more();
  const auto number = run_counts_.next(c, flow);
  extras.runs.push_back(slot);

  auto& run = runs_[slot];
  run.in_use = true;
  ++run.generation;
  run.seq = next_run_seq_++;
  run.flow = flow;
  run.customer = c;
  run.pc = 0;
  run.waiting = wait_kind::none;
  run.goal_pending = false;
  run.started = now_;
  run.waiting_since = now_;
  run.number = number;
  run.key = std::move(key);
  run.trigger = stored_event::copy_of(e);
  run.bindings.clear();
  run.bindings.resize(f.binding_slots);
  run.binding_views.assign(f.binding_slots, nullptr);
  run.counters.assign(f.counter_slots, 0);
  run.splits.clear();
  ++stats_of(flow).started;
  if (tracing(c)) trace(c, &run, trace_kind::run_started, std::string(name(e.name)), {}, {}, f.location);
  execute(slot);
}

void simulator::impl::end_run(std::uint32_t slot, std::string_view reason) {
  auto& run = runs_[slot];
  if (!run.in_use) return;
  const auto& f = program_.flows[run.flow];
  const auto c = run.customer;
  if (run.waiting == wait_kind::deferred_send) {
    // The held message is not lost silently: it is written as suppressed.
    const auto why = fmt::format("run ended: {}", reason);
    write_action(run, f.sends[run.pending_send], run.pending_params, send_status::suppressed, why, run.deferred_from);
    bump(stats_of(run.flow).suppressed, why);
  }
  bump(stats_of(run.flow).ended, reason);
  if (tracing(c)) trace(c, &run, trace_kind::run_ended, std::string(reason));
  if (keep_run_ends_) {
    run_ends_.push_back(
        {f.name, std::string(customer_ids_.id(c)), run_id(run), std::string(reason), run.started, now_});
  }
  auto& extras = customers_[c].more();
  extras.runs.erase(std::find(extras.runs.begin(), extras.runs.end(), slot));
  if (auto* rec = extras.keys.find(run.flow, run.key)) {
    if (rec->active > 0) --rec->active;
    // Forget groups nothing will ask about again.
    const bool forget =
        rec->active == 0 && (f.reentry == reentry_mode::single || f.reentry == reentry_mode::always ||
                             (f.reentry == reentry_mode::after && now_ - rec->last_start >= f.reentry_after));
    if (forget) extras.keys.erase(rec);
  }
  run.in_use = false;
  run.waiting = wait_kind::none;
  ++run.generation;
  run.trigger = stored_event();
  run.bindings.clear();
  run.binding_views.clear();
  run.pending_params = record();
  run.key.clear();
  free_runs_.push_back(slot);
  if (extras.runs.empty()) tidy(c);
}

void simulator::impl::tidy(customer_index c, bool thorough) {
  auto& state = customers_[c];
  if (!state.extras) return;
  auto& extras = *state.extras;
  const auto now = now_;
  // Re-entry records that no future trigger can be refused by.
  if (thorough || extras.keys.due_for_scan()) {
    extras.keys.erase_if([&](const key_record& r) {
      if (r.active > 0) return false;
      const auto& f = program_.flows[r.flow];
      if (f.reentry == reentry_mode::never) return false;
      return f.reentry != reentry_mode::after || now - r.last_start >= f.reentry_after;
    });
  }
  // Send times that no future cap window can reach.
  for (auto& cap : extras.caps) {
    const auto longest = longest_window(cap.channel);
    std::erase_if(cap.sent, [&](grammar::instant t) { return t <= now - longest; });
  }
  std::erase_if(extras.caps, [](const cap_history& h) { return h.sent.empty(); });
  if (extras.empty()) {
    state.extras.reset();
    return;
  }
  if (extras.runs.empty()) extras.runs.shrink_to_fit();
  if (extras.keys.empty()) extras.keys.shrink_to_fit();
  if (extras.caps.empty()) extras.caps.shrink_to_fit();
}

grammar::duration simulator::impl::longest_window(symbol channel) const {
  grammar::duration longest{};
  for (const auto& limit : program_.policy.limits) {
    if (limit.channel == channel) longest = std::max(longest, limit.window);
  }
  return longest;
}

void simulator::impl::sweep() {
  // A slice of customers per call, round robin: state nothing can consult
  // any more is freed even for customers who are never seen again. Only
  // the simulated clock decides what is stale, so outputs cannot change.
  constexpr std::size_t slice = 256;
  if (customers_.empty()) return;
  for (std::size_t i = 0; i < slice && i < customers_.size(); ++i) {
    if (sweep_cursor_ >= customers_.size()) sweep_cursor_ = 0;
    const auto c = static_cast<customer_index>(sweep_cursor_++);
    if (customers_[c].extras && customers_[c].extras->runs.empty()) tidy(c);
  }
}

std::string simulator::impl::run_id(const run_state& run) const {
  std::string id;
  append_run_id(id, program_.flows[run.flow].name, customer_ids_.id(run.customer), run.number);
  return id;
}

void simulator::impl::error(const run_state* run, std::string code, std::string message) {
  runtime_error_record r;
  r.code = std::move(code);
  r.time = now_;
  r.message = std::move(message);
  if (run != nullptr) {
    const auto& f = program_.flows[run->flow];
    r.flow = f.name;
    r.customer = std::string(customer_ids_.id(run->customer));
    const auto pc = std::min<std::size_t>(run->pc, f.code.size() - 1);
    r.step = program_.locations[f.code[pc].location];
    if (tracing(run->customer)) trace(run->customer, run, trace_kind::error, r.message);
  }
  errors_.push_back(std::move(r));
}

}  // namespace afterflow::runtime
