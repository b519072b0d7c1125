#include "tests/runtime/sim_support.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "grammar/text/timestamp.hpp"
#include "interpreter/ir/value_format.hpp"

namespace afterflow::testing {

using grammar::format_timestamp;
using grammar::parse_timestamp;

grammar::instant instant(std::string_view rfc3339) {
  const auto t = parse_timestamp(rfc3339);
  if (!t) throw std::invalid_argument(fmt::format("`{}` is not RFC 3339", rfc3339));
  return *t;
}

std::string describe(const runtime::owned_action& a) {
  auto out = fmt::format("{} {} {} {}", format_timestamp(a.time), a.customer, a.channel, a.template_name);
  if (a.status == runtime::send_status::suppressed) out += fmt::format(" suppressed: {}", a.reason);
  if (a.deferred_from) out += fmt::format(" deferred from {}", format_timestamp(*a.deferred_from));
  return out;
}

std::vector<std::string> sends(const simulation& sim) {
  std::vector<std::string> out;
  for (const auto& a : sim.actions()) out.push_back(describe(a));
  return out;
}

std::string params(const runtime::owned_action& a) {
  const ir::symbol_table no_symbols;
  std::string out;
  const auto entries = a.params.entries();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (!out.empty()) out += ' ';
    out += fmt::format("{}={}", a.param_names.at(i), ir::value_text(entries[i].data, no_symbols));
  }
  return out;
}

std::string splits(const runtime::owned_action& a) {
  std::string out;
  for (const auto& [split, arm] : a.splits) {
    if (!out.empty()) out += ' ';
    out += fmt::format("{}={}", split, arm);
  }
  return out;
}

std::vector<std::string> ends(const simulation& sim) {
  std::vector<std::string> out;
  for (const auto& e : sim.run_ends())
    out.push_back(fmt::format("{} {} at {}", e.run, e.reason, format_timestamp(e.ended)));
  return out;
}

std::vector<std::string> waiting(const simulation& sim) {
  std::vector<std::string> out;
  for (const auto& w : sim.waiting()) out.push_back(fmt::format("{} {}", w.run, w.waiting_for));
  return out;
}

std::vector<std::string> errors(const simulation& sim) {
  std::vector<std::string> out;
  for (const auto& e : sim.errors()) {
    out.push_back(fmt::format("{} {} {} {}: {}", e.code, e.flow, e.customer, e.step, e.message));
  }
  return out;
}

}  // namespace afterflow::testing
