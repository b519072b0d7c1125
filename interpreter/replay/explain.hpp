// `afterflow explain`: one customer's timeline in plain words.
//
// The simulator records trace entries for the chosen customer; this module
// turns them into one line each: the simulated time, then what happened —
// every event, every run started or refused (and why), every condition with
// the values it saw, every wait and wake-up, every send, suppression,
// deferral and end of a run.
#pragma once

#include <string>
#include <vector>

#include "interpreter/runtime/trace.hpp"

namespace afterflow::replay {

/// Keeps every trace entry it receives.
class trace_recorder final : public runtime::trace_sink {
 public:
  void on_trace(const runtime::trace_entry& entry) override { entries_.push_back(entry); }
  [[nodiscard]] const std::vector<runtime::trace_entry>& entries() const { return entries_; }

 private:
  std::vector<runtime::trace_entry> entries_;
};

/// One sentence for one entry, without the time.
[[nodiscard]] std::string describe(const runtime::trace_entry& e);
/// The whole timeline: `<time>  <sentence>` per line.
[[nodiscard]] std::string render_timeline(const std::vector<runtime::trace_entry>& entries);

}  // namespace afterflow::replay
