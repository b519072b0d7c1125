// Executing a run's instructions, and the send policies (quiet hours,
// frequency caps). See docs/semantics.md §5.5 and §7.
#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "grammar/text/time_text.hpp"
#include "grammar/text/timestamp.hpp"
#include "interpreter/ir/value_format.hpp"
#include "interpreter/runtime/internal/simulator_impl.hpp"
#include "interpreter/runtime/runtime_codes.hpp"

namespace afterflow::runtime {

using grammar::duration_text;
using grammar::format_timestamp;
using grammar::time_of_day_text;
using ir::instr;
using ir::no_node;
using ir::property_program;
using ir::quiet_hours_program;
using ir::record;
using ir::send_program;
using ir::stored_event;
using ir::value_text;
using stdlib::event_view;
using stdlib::no_symbol;
using stdlib::property_entry;
using stdlib::symbol;
using stdlib::type_kind;

namespace {

// FNV-1a 64 of "flow \x1f split \x1f customer" (docs/semantics.md §9).
std::uint64_t split_hash(std::string_view flow, std::string_view split, std::string_view customer) {
  std::uint64_t h = 14695981039346656037ULL;
  const auto mix = [&](std::string_view s) {
    for (const unsigned char c : s) {
      h ^= c;
      h *= 1099511628211ULL;
    }
  };
  mix(flow);
  mix("\x1f");
  mix(split);
  mix("\x1f");
  mix(customer);
  return h;
}

std::string window_text(const quiet_hours_program& q) {
  return fmt::format("quiet_hours {} to {}", time_of_day_text(q.from), time_of_day_text(q.to));
}

}  // namespace

std::optional<grammar::instant> simulator::impl::wait_due(std::uint32_t slot, const stdlib::value& d,
                                                          std::string_view what, ir::node_index source) {
  const auto problem = eval_.take_problem();
  if (!d.is(type_kind::duration)) {
    const auto why =
        problem != stdlib::op_problem::none
            ? fmt::format("computing `{}` failed: {}", program_.node_source[source], stdlib::message_of(problem))
            : fmt::format("`{}` is {}", program_.node_source[source], value_text(d, symbols_));
    error(&runs_[slot], std::string(codes::null_duration), fmt::format("{} needs a duration, but {}", what, why));
    end_run(slot, "error");
    return std::nullopt;
  }
  // A negative wait is no wait. The comparison comes first so that the sum
  // cannot overflow: a time in range plus the longest duration fits.
  const auto length = std::max(d.as_duration(), grammar::duration{});
  if (length > grammar::longest_duration || now_ + length > grammar::last_instant) {
    error(&runs_[slot], std::string(codes::beyond_time),
          fmt::format("{} of `{}` ({}) would end after {}, the last time afterflow represents", what,
                      program_.node_source[source], value_text(d, symbols_), format_timestamp(grammar::last_instant)));
    end_run(slot, "error");
    return std::nullopt;
  }
  return now_ + length;
}

bool simulator::impl::due_in_range(std::uint32_t slot, grammar::instant due, std::string_view what) {
  if (due <= grammar::last_instant) return true;
  error(&runs_[slot], std::string(codes::beyond_time),
        fmt::format("{} would end after {}, the last time afterflow represents", what,
                    format_timestamp(grammar::last_instant)));
  end_run(slot, "error");
  return false;
}

void simulator::impl::schedule(run_state& run, grammar::instant due, wait_kind kind) {
  run.waiting = kind;
  run.waiting_since = now_;
  run.due = due;
  ++run.generation;
  timers_.push(due, static_cast<std::uint32_t>(&run - runs_.data()), run.generation);
}

record simulator::impl::evaluate_properties(const std::vector<property_program>& props, const eval_frame& frame) {
  scratch_entries_.clear();
  for (const auto& p : props) scratch_entries_.push_back({p.name, eval_.eval(p.value, frame)});
  return record::from(scratch_entries_);
}

void simulator::impl::execute(std::uint32_t slot) {
  std::uint32_t steps = 0;
  while (runs_[slot].in_use) {
    auto& run = runs_[slot];
    const auto& f = program_.flows[run.flow];
    const auto& in = f.code[run.pc];
    // A goal matched while a `wait for` received: the run ends when its
    // received block is done.
    if (run.goal_pending && run.pc == run.goal_end_pc) {
      end_run(slot, "goal");
      return;
    }
    if (in.starts_step && (++budget_.steps > options_.max_steps_per_input || budget_.storm_error)) {
      stop_storm(slot, "steps", options_.max_steps_per_input);
      return;
    }
    if (in.starts_step && ++steps > options_.max_steps) {
      error(&run, std::string(codes::step_limit),
            fmt::format("flow `{}` ran {} steps without waiting", f.name, options_.max_steps));
      end_run(slot, "error");
      return;
    }
    const auto c = run.customer;
    const auto view = view_of(c);
    const auto frame = frame_for(run, view);
    switch (in.code) {
      case instr::wait: {
        (void)eval_.take_problem();
        const auto d = eval_.eval(in.a, frame);
        const auto due_or_error = wait_due(slot, d, "`wait`", in.a);
        if (!due_or_error) return;
        const auto due = *due_or_error;
        schedule(run, due, wait_kind::timer);
        if (tracing(c))
          trace(c, &run, trace_kind::waiting, fmt::format("wait {}", program_.node_source[in.a]), format_timestamp(due),
                {}, in.location);
        return;
      }
      case instr::wait_until: {
        const auto tod = eval_.eval(in.a, frame);
        const time_zone* zone = zone_of(c);
        if (in.c != no_node) {
          const auto z = eval_.eval(in.c, frame);
          // null and "" are no zone: the customer's applies.
          if (z.is(type_kind::string) && !z.as_string().empty()) {
            zone = zones_.find(z.as_string());
            if (zone == nullptr) {
              error(&run, std::string(codes::unknown_zone),
                    fmt::format("unknown time zone `{}` in `wait until`", z.as_string()));
              end_run(slot, "error");
              return;
            }
          }
        }
        if (!tod.is(type_kind::time_of_day)) {
          error(&run, std::string(codes::null_time_of_day),
                fmt::format("`wait until` needs a time of day, but `{}` is {}", program_.node_source[in.a],
                            value_text(tod, symbols_)));
          end_run(slot, "error");
          return;
        }
        const auto due =
            next_local_time(zone, now_, static_cast<std::int32_t>(tod.as_integer()), static_cast<weekday_mask>(in.b));
        if (!due_in_range(slot, due, fmt::format("`wait until {}`", program_.node_source[in.a]))) return;
        schedule(run, due, wait_kind::timer);
        if (tracing(c))
          trace(c, &run, trace_kind::waiting, fmt::format("wait until {}", program_.node_source[in.a]),
                format_timestamp(due), {}, in.location);
        return;
      }
      case instr::wait_for: {
        const auto& w = f.waits[in.a];
        (void)eval_.take_problem();
        const auto d = eval_.eval(w.within, frame);
        const auto due_or_error = wait_due(slot, d, "`wait for … within`", w.within);
        if (!due_or_error) return;
        const auto due = *due_or_error;
        run.wait_index = in.a;
        schedule(run, due, wait_kind::event);
        if (tracing(c))
          trace(c, &run, trace_kind::waiting, fmt::format("wait for {}", name(w.awaited.event)), format_timestamp(due),
                {}, in.location);
        return;
      }
      case instr::jump: run.pc = in.a; break;
      case instr::jump_if_not: {
        const bool holds = eval_.holds(in.a, frame);
        if (tracing(c)) trace_condition(c, &run, in.a, frame, holds, in.location);
        run.pc = holds ? run.pc + 1 : in.b;
        break;
      }
      case instr::split: {
        const auto& sp = f.splits[in.a];
        const auto bucket = static_cast<std::uint32_t>(split_hash(f.name, sp.name, view.id) % 10000);
        std::uint32_t arm = static_cast<std::uint32_t>(sp.arms.size() - 1);
        for (std::uint32_t i = 0; i < sp.arms.size(); ++i) {
          if (bucket < sp.arms[i].upper_bucket) {
            arm = i;
            break;
          }
        }
        run.splits.emplace_back(in.a, arm);
        if (tracing(c))
          trace(c, &run, trace_kind::split, sp.name, std::string(name(sp.arms[arm].label)),
                {{"bucket", fmt::format("{}", bucket)}}, in.location);
        run.pc = sp.arms[arm].pc;
        break;
      }
      case instr::send: {
        auto params = evaluate_properties(f.sends[in.a].params, frame);
        if (send(slot, in.a, std::move(params), std::nullopt)) return;  // deferred
        if (!runs_[slot].in_use) return;
        ++runs_[slot].pc;
        break;
      }
      case instr::set_attribute: {
        const auto v = eval_.eval(in.b, frame);
        const property_entry entry{in.a, v};
        if (auto problem = update_profile(view.id, std::span(&entry, 1))) {
          error(&run, std::string(codes::bad_attribute),
                fmt::format("cannot set `customer.{}`: {}", name(in.a), *problem));
          end_run(slot, "error");
          return;
        }
        if (tracing(c)) {
          trace(c, &run, trace_kind::attribute, fmt::format("customer.{}", name(in.a)), value_text(v, symbols_), {},
                in.location);
        }
        ++run.pc;
        break;
      }
      case instr::tag:
      case instr::untag: {
        auto& tags = customers_[c].more().tags;
        const auto it = std::find(tags.begin(), tags.end(), in.a);
        if (in.code == instr::tag && it == tags.end()) tags.push_back(in.a);
        if (in.code == instr::untag && it != tags.end()) tags.erase(it);
        if (tracing(c))
          trace(c, &run, trace_kind::tag, std::string(name(in.a)), in.code == instr::tag ? "added" : "removed", {},
                in.location);
        ++run.pc;
        break;
      }
      case instr::emit: {
        const auto& em = f.emits[in.a];
        if (current_depth_ + 1 > options_.max_emit_depth) {
          // One message per input: a fan-out that reaches the limit on
          // many branches is one mistake, not thousands.
          if (budget_.depth_error) {
            ++budget_.more_depth_errors;
          } else {
            error(&run, std::string(codes::emit_depth),
                  fmt::format("`emit {}` would nest emitted events deeper than {}", name(em.event),
                              options_.max_emit_depth));
            budget_.depth_error = errors_.size() - 1;
          }
          end_run(slot, "error");
          return;
        }
        if (++budget_.emits > options_.max_emits_per_input) {
          stop_storm(slot, "emitted events", options_.max_emits_per_input);
          return;
        }
        auto props = evaluate_properties(em.properties, frame);
        const event_view e{now_, em.event, view.id, props.entries()};
        emitted_.push_back({stored_event::copy_of(e), current_depth_ + 1, run.seq});
        if (tracing(c)) trace(c, &run, trace_kind::emitted, std::string(name(em.event)), {}, {}, in.location);
        ++run.pc;
        break;
      }
      case instr::repeat_start: {
        const auto n = eval_.eval(in.b, frame);
        const double count = n.is(type_kind::number) ? std::floor(n.as_number()) : 0;
        if (count < 1) {
          run.pc = in.c;
        } else {
          run.counters[in.a] = static_cast<std::int64_t>(std::min(count, 1e15));
          ++run.pc;
        }
        break;
      }
      case instr::repeat_next:
        if (--run.counters[in.a] > 0) run.pc = in.b;
        else ++run.pc;
        break;
      case instr::stop: end_run(slot, in.a == no_symbol ? std::string("stop") : program_.texts[in.a]); return;
      case instr::log:
        if (tracing(c)) trace(c, &run, trace_kind::log, program_.texts[in.a], {}, {}, in.location);
        ++run.pc;
        break;
      case instr::finish: end_run(slot, "finished"); return;
    }
  }
}

const quiet_hours_program* simulator::impl::quiet_hours_for(symbol channel) const {
  for (const auto& [ch, window] : program_.policy.channel_quiet_hours) {
    if (ch == channel) return &window;
  }
  return program_.policy.quiet_hours ? &*program_.policy.quiet_hours : nullptr;
}

std::optional<std::string> simulator::impl::limit_reached(customer_index c, symbol channel) {
  const cap_history* history = nullptr;
  if (customers_[c].extras) {
    for (const auto& cap : customers_[c].extras->caps) {
      if (cap.channel == channel) history = &cap;
    }
  }
  for (const auto& limit : program_.policy.limits) {
    if (limit.channel != channel) continue;
    std::uint32_t recent = 0;
    if (history != nullptr) {
      for (const auto t : history->sent) {
        if (t > now_ - limit.window && t <= now_) ++recent;
      }
    }
    if (recent >= limit.count) {
      return fmt::format("limit {} {} per {}", name(channel), limit.count, duration_text(limit.window));
    }
  }
  return std::nullopt;
}

void simulator::impl::count_send(customer_index c, symbol channel) {
  std::uint32_t keep = 0;
  grammar::duration longest{};
  for (const auto& limit : program_.policy.limits) {
    if (limit.channel != channel) continue;
    keep = std::max(keep, limit.count);
    longest = std::max(longest, limit.window);
  }
  if (keep == 0) return;  // not capped: nothing to remember
  auto& caps = customers_[c].more().caps;
  auto it = std::find_if(caps.begin(), caps.end(), [&](const cap_history& h) { return h.channel == channel; });
  if (it == caps.end()) {
    caps.push_back({channel, {}});
    it = caps.end() - 1;
  }
  auto& sent = it->sent;
  sent.push_back(now_);
  // Only the newest `keep` sends inside the longest window can ever count.
  const auto stale = std::find_if(sent.begin(), sent.end(), [&](grammar::instant t) { return t > now_ - longest; });
  sent.erase(sent.begin(), stale);
  if (sent.size() > keep) sent.erase(sent.begin(), sent.end() - keep);
}

bool simulator::impl::send(std::uint32_t slot, std::uint32_t send_index, record params,
                           std::optional<grammar::instant> deferred_from) {
  auto& run = runs_[slot];
  const auto& f = program_.flows[run.flow];
  const auto& s = f.sends[send_index];
  const auto c = run.customer;
  auto& stats = stats_of(run.flow);
  if (!f.transactional) {
    if (const auto* quiet = quiet_hours_for(s.channel)) {
      const auto* zone = zone_of(c);
      const auto local = to_local(zone, now_);
      if (in_window(local.seconds_of_day, quiet->from, quiet->to)) {
        const auto due = quiet_window_end(zone, now_, quiet->to);
        // Ending the run here is what a send that waits does: the caller stops.
        if (!due_in_range(slot, due, "a send deferred by quiet hours")) return true;
        run.pending_send = send_index;
        run.pending_params = std::move(params);
        run.deferred_from = deferred_from.value_or(now_);
        schedule(run, due, wait_kind::deferred_send);
        bump(stats.deferred, window_text(*quiet));
        if (tracing(c))
          trace(c, &run, trace_kind::deferred, fmt::format("{} \"{}\"", name(s.channel), name(s.template_name)),
                format_timestamp(due), {}, f.code[run.pc].location);
        return true;
      }
    }
    if (auto reason = limit_reached(c, s.channel)) {
      write_action(run, s, params, send_status::suppressed, *reason, deferred_from);
      bump(stats.suppressed, *reason);
      if (tracing(c))
        trace(c, &run, trace_kind::suppressed, fmt::format("{} \"{}\"", name(s.channel), name(s.template_name)),
              *reason, {}, f.code[run.pc].location);
      return false;
    }
    count_send(c, s.channel);
  }
  write_action(run, s, params, send_status::sent, {}, deferred_from);
  ++sent_counts_[run.flow][send_index];
  if (tracing(c)) {
    std::vector<std::pair<std::string, std::string>> values;
    for (const auto& p : params.entries()) values.emplace_back(name(p.name), value_text(p.data, symbols_));
    trace(c, &run, trace_kind::sent, fmt::format("{} \"{}\"", name(s.channel), name(s.template_name)), {},
          std::move(values), f.code[run.pc].location);
  }
  return false;
}

void simulator::impl::write_action(const run_state& run, const send_program& s, const record& params,
                                   send_status status, std::string_view reason,
                                   std::optional<grammar::instant> deferred_from) {
  const auto& f = program_.flows[run.flow];
  scratch_splits_.clear();
  for (const auto& [split, arm] : run.splits) {
    scratch_splits_.push_back({f.splits[split].name, name(f.splits[split].arms[arm].label)});
  }
  action a;
  a.time = now_;
  a.customer = customer_ids_.id(run.customer);
  a.flow = f.name;
  scratch_run_id_.clear();  // reused: this runs once per send
  append_run_id(scratch_run_id_, f.name, a.customer, run.number);
  a.run = scratch_run_id_;
  a.step = program_.locations[f.code[run.pc].location];
  a.channel = name(s.channel);
  a.template_name = name(s.template_name);
  a.params = params.entries();
  a.status = status;
  a.reason = reason;
  a.deferred_from = deferred_from;
  a.splits = scratch_splits_;
  sink_.on_action(a, symbols_);
}

}  // namespace afterflow::runtime
