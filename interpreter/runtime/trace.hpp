// What the simulator did, step by step, for `afterflow explain` and for the
// timelines failing campaign tests print.
//
// Tracing is off unless a `trace_sink` is set, and then only for the chosen
// customer, so the hot path pays one pointer test per step. Entries carry
// facts, already turned to text (values, times); explain.hpp turns them
// into sentences.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "grammar/time.hpp"

namespace afterflow::runtime {

enum class trace_kind : unsigned char {
  event,        ///< subject: event name; values: its properties
  run_started,  ///< subject: trigger event
  run_refused,  ///< subject: reason
  condition,    ///< subject: source text; detail: "true"/"false"; values: operands seen
  waiting,      ///< subject: what for; detail: until when
  woke,         ///< subject: why (timer, event name, timeout)
  sent,         ///< subject: "channel \"template\""; values: params
  suppressed,   ///< subject: "channel \"template\""; detail: reason
  deferred,     ///< subject: "channel \"template\""; detail: until when
  split,        ///< subject: split name; detail: arm label
  attribute,    ///< subject: `set customer.x`; detail: value
  tag,          ///< subject: tag; detail: "added"/"removed"
  emitted,      ///< subject: event name
  log,          ///< subject: the text
  run_ended,    ///< subject: reason
  error,        ///< subject: message
};

struct trace_entry {
  trace_kind kind = trace_kind::event;
  grammar::instant time{};
  std::string customer;
  std::string flow;  ///< empty for customer-level entries (events)
  std::string run;
  std::string step;  ///< "file.flow:12" where it applies
  std::string subject;
  std::string detail;
  std::vector<std::pair<std::string, std::string>> values;  ///< (source or name, value text)
};

class trace_sink {
 public:
  virtual ~trace_sink() = default;
  virtual void on_trace(const trace_entry& entry) = 0;
};

}  // namespace afterflow::runtime
