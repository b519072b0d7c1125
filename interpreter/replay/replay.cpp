#include "interpreter/replay/replay.hpp"

#include <fmt/format.h>

#include "interpreter/eventlog/log_codes.hpp"

namespace afterflow::replay {

using eventlog::event_log_reader;
using eventlog::log_record_kind;
using eventlog::profile_reader;
using runtime::simulator;

std::optional<grammar::diagnostic> load_profiles(profile_reader& profiles, simulator& sim) {
  while (const auto p = profiles.next()) {
    // The reader has validated the zone already; a refusal here would be a bug.
    (void)sim.update_profile(p->customer, p->attributes);
  }
  return profiles.error();
}

replay_result run(event_log_reader& log, simulator& sim, const replay_options& options) {
  replay_result result;
  std::uint64_t events = 0;
  const auto until = sim.until();
  while (const auto r = log.next()) {
    if (r->time > until) {
      if (r->kind == log_record_kind::event) ++result.after_until;
      continue;
    }
    if (r->kind == log_record_kind::identify) {
      sim.advance_to(r->time);
      (void)sim.update_profile(r->customer, r->properties);
      continue;
    }
    sim.feed(r->view());
    if (options.on_progress && ++events % options.progress_every == 0) {
      options.on_progress({events, log.counts().bytes, sim.now()});
    }
  }
  if (log.error()) {
    result.error = log.error();
    return result;
  }
  sim.finish();
  return result;
}

}  // namespace afterflow::replay
