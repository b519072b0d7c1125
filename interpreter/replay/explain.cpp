#include "interpreter/replay/explain.hpp"

#include <fmt/format.h>

#include "grammar/text/timestamp.hpp"

namespace afterflow::replay {

using grammar::format_timestamp;
using runtime::trace_entry;
using runtime::trace_kind;

namespace {

std::string listing(const std::vector<std::pair<std::string, std::string>>& values, std::string_view separator) {
  std::string out;
  for (const auto& [name, text] : values)
    out += fmt::format("{}{}{}{}", out.empty() ? "" : ", ", name, separator, text);
  return out;
}

std::string refusal(std::string_view reason) {
  if (reason == "filtered") return "a `when` condition does not hold";
  if (reason == "active") return "a run for the same key is still active";
  if (reason == "reentry_never") return "`reentry never` and a run for this key has already started";
  if (reason == "reentry_after") return "`reentry after`: the last run for this key started too recently";
  if (reason == "null_key") return "the flow's `key` is null";
  return std::string(reason);
}

std::string ending(std::string_view reason) {
  if (reason == "goal") return "reached its goal (converted)";
  if (reason == "finished") return "finished its steps";
  if (reason == "error") return "stopped by a run-time error";
  return fmt::format("ended: {}", reason);
}

}  // namespace

std::string describe(const trace_entry& e) {
  const auto where = e.step.empty() ? std::string() : fmt::format(" [{}]", e.step);
  const auto who = e.flow.empty() ? std::string() : fmt::format("{}: ", e.flow);
  switch (e.kind) {
    case trace_kind::event:
      return e.values.empty() ? fmt::format("event {}", e.subject)
                              : fmt::format("event {} ({})", e.subject, listing(e.values, " "));
    case trace_kind::run_started: return fmt::format("{}run {} started by {}{}", who, e.run, e.subject, where);
    case trace_kind::run_refused: return fmt::format("{}not started: {}{}", who, refusal(e.subject), where);
    case trace_kind::condition:
      return e.values.empty()
                 ? fmt::format("{}`{}` is {}{}", who, e.subject, e.detail, where)
                 : fmt::format("{}`{}` is {} ({}){}", who, e.subject, e.detail, listing(e.values, " = "), where);
    case trace_kind::waiting: return fmt::format("{}{}: waits until {}{}", who, e.subject, e.detail, where);
    case trace_kind::woke: return fmt::format("{}wakes: {}", who, e.subject);
    case trace_kind::sent:
      return e.values.empty() ? fmt::format("{}sends {}{}", who, e.subject, where)
                              : fmt::format("{}sends {} ({}){}", who, e.subject, listing(e.values, " "), where);
    case trace_kind::suppressed: return fmt::format("{}{} suppressed: {}{}", who, e.subject, e.detail, where);
    case trace_kind::deferred:
      return fmt::format("{}{} deferred by quiet hours until {}{}", who, e.subject, e.detail, where);
    case trace_kind::split:
      return fmt::format("{}split `{}` takes `{}` ({}){}", who, e.subject, e.detail, listing(e.values, " "), where);
    case trace_kind::attribute: return fmt::format("{}sets {} = {}{}", who, e.subject, e.detail, where);
    case trace_kind::tag: return fmt::format("{}tag \"{}\" {}{}", who, e.subject, e.detail, where);
    case trace_kind::emitted: return fmt::format("{}emits {}{}", who, e.subject, where);
    case trace_kind::log: return fmt::format("{}log: {}{}", who, e.subject, where);
    case trace_kind::run_ended: return fmt::format("{}run {} {}", who, e.run, ending(e.subject));
    case trace_kind::error: return fmt::format("{}error: {}{}", who, e.subject, where);
  }
  return e.subject;
}

std::string render_timeline(const std::vector<trace_entry>& entries) {
  std::string out;
  for (const auto& e : entries) {
    const auto time = format_timestamp(e.time);
    out += fmt::format("{:<20}  {}\n", time, describe(e));
  }
  return out;
}

}  // namespace afterflow::replay
