#include "interpreter/replay/summary.hpp"

#include <algorithm>
#include <numeric>

#include <fmt/format.h>

#include "grammar/text/json_writer.hpp"

namespace afterflow::replay {

using eventlog::event_log_counts;
using grammar::json_writer;
using ir::program;
using runtime::count_map;
using runtime::flow_stats;
using runtime::simulator;

namespace {

std::uint64_t total(const count_map& m) {
  return std::accumulate(m.begin(), m.end(), std::uint64_t{0},
                         [](std::uint64_t acc, const auto& kv) { return acc + kv.second; });
}

// "1 line", "2 lines"
std::string counted(std::uint64_t n, std::string_view one, std::string_view many = {}) {
  if (n == 1) return fmt::format("1 {}", one);
  return many.empty() ? fmt::format("{} {}s", n, one) : fmt::format("{} {}", n, many);
}

// "E1001 2, E1009 1"
std::string by_code(const eventlog::skipped_lines& skipped) {
  std::string codes;
  for (const auto& [code, n] : skipped.by_code) codes += fmt::format("{}{} {}", codes.empty() ? "" : ", ", code, n);
  return codes;
}

std::uint64_t count_of(const count_map& m, const std::string& key) {
  const auto it = m.find(key);
  return it == m.end() ? 0 : it->second;
}

// "goal 4, order_returned 2"
std::string breakdown(const count_map& m) {
  std::string out;
  for (const auto& [name, n] : m) out += fmt::format("{}{} {}", out.empty() ? "" : ", ", name, n);
  return out;
}

// Rows of cells, the first column left-aligned, the others right-aligned.
std::string table(const std::vector<std::vector<std::string>>& rows) {
  std::vector<std::size_t> widths;
  for (const auto& row : rows) {
    widths.resize(std::max(widths.size(), row.size()));
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], row[i].size());
  }
  std::string out;
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (i == 0) line += fmt::format("{:<{}}", row[i], widths[i]);
      else line += fmt::format("  {:>{}}", row[i], widths[i]);
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  return out;
}

}  // namespace

replay_summary summarize(const program& p, const simulator& sim, const event_log_counts& input,
                         std::uint64_t after_until, std::uint64_t actions) {
  replay_summary s;
  for (const auto& f : p.flows) s.flow_names.push_back(f.name);
  s.flows = sim.stats();
  s.actions = actions;
  s.runtime_errors = sim.errors().size();
  s.input = input;
  s.after_until = after_until;
  s.customers = sim.customer_count();
  return s;
}

std::string render_summary_text(const replay_summary& s) {
  std::string out;
  // "ended" counts exits and stops; the breakdown below names them.
  std::vector<std::vector<std::string>> rows{{"flow", "started", "refused", "converted", "finished", "ended", "errors",
                                              "waiting", "sent", "suppressed", "deferred"}};
  for (std::size_t i = 0; i < s.flows.size(); ++i) {
    const auto& f = s.flows[i];
    const auto converted = count_of(f.ended, "goal");
    const auto finished = count_of(f.ended, "finished");
    const auto errors = count_of(f.ended, "error");
    std::uint64_t sent = 0;
    for (const auto& [key, n] : f.sent) sent += n;
    const auto number = [](std::uint64_t n) { return fmt::format("{}", n); };
    rows.push_back({s.flow_names[i], number(f.started), number(total(f.refused)), number(converted), number(finished),
                    number(total(f.ended) - converted - finished - errors), number(errors), number(f.waiting),
                    number(sent), number(total(f.suppressed)), number(total(f.deferred))});
  }
  out += table(rows);

  const auto section = [&](std::string_view title, auto&& lines) {
    std::string body;
    for (std::size_t i = 0; i < s.flows.size(); ++i) {
      const auto text = lines(s.flows[i]);
      if (!text.empty()) body += fmt::format("  {}: {}\n", s.flow_names[i], text);
    }
    if (!body.empty()) out += fmt::format("\n{}:\n{}", title, body);
  };
  section("refused", [](const flow_stats& f) { return breakdown(f.refused); });
  section("ended", [](const flow_stats& f) { return breakdown(f.ended); });
  section("suppressed", [](const flow_stats& f) { return breakdown(f.suppressed); });
  section("deferred", [](const flow_stats& f) { return breakdown(f.deferred); });

  // Sends per channel and template, over all flows.
  std::map<std::pair<std::string, std::string>, std::uint64_t> sends;
  for (const auto& f : s.flows) {
    for (const auto& [key, n] : f.sent) sends[key] += n;
  }
  if (!sends.empty()) {
    std::vector<std::vector<std::string>> send_rows{{"channel", "template", "sent"}};
    for (const auto& [key, n] : sends) send_rows.push_back({key.first, key.second, fmt::format("{}", n)});
    out += "\nsends:\n" + table(send_rows);
  }

  out += fmt::format("\ninput: {}, {}, {}, {}", counted(s.input.lines, "line"), counted(s.input.events, "event"),
                     counted(s.input.identifies, "identify", "identifies"), counted(s.customers, "customer"));
  if (s.input.blank > 0) out += fmt::format(", {} blank", s.input.blank);
  if (s.input.ignored_total() > 0)
    out += fmt::format(", {} ignored (page/screen/group/alias)", s.input.ignored_total());
  if (s.input.skipped.total() > 0) {
    out += fmt::format(", {} skipped ({})", s.input.skipped.total(), by_code(s.input.skipped));
  }
  if (s.after_until > 0) out += fmt::format(", {} after --until", s.after_until);
  if (s.profiles) {
    out +=
        fmt::format("\nprofiles: {}, {}", counted(s.profiles->lines, "line"), counted(s.profiles->profiles, "profile"));
    if (s.profiles->blank > 0) out += fmt::format(", {} blank", s.profiles->blank);
    if (s.profiles->skipped.total() > 0) {
      out += fmt::format(", {} skipped ({})", s.profiles->skipped.total(), by_code(s.profiles->skipped));
    }
  }
  out += fmt::format("\noutput: {} actions, {} run-time errors\n", s.actions, s.runtime_errors);
  return out;
}

std::string render_summary_json(const replay_summary& s) {
  std::string out;
  json_writer w(out);
  const auto counts = [&](const count_map& m) {
    w.begin_object();
    for (const auto& [name, n] : m) w.key(name).integer(static_cast<std::int64_t>(n));
    w.end_object();
  };
  w.begin_object().key("flows").begin_array();
  for (std::size_t i = 0; i < s.flows.size(); ++i) {
    const auto& f = s.flows[i];
    w.begin_object();
    w.key("flow").string(s.flow_names[i]);
    w.key("started").integer(static_cast<std::int64_t>(f.started));
    w.key("refused");
    counts(f.refused);
    w.key("ended");
    counts(f.ended);
    w.key("converted").integer(static_cast<std::int64_t>(count_of(f.ended, "goal")));
    w.key("waiting").integer(static_cast<std::int64_t>(f.waiting));
    w.key("sent").begin_array();
    for (const auto& [key, n] : f.sent) {
      w.begin_object().key("channel").string(key.first).key("template").string(key.second);
      w.key("count").integer(static_cast<std::int64_t>(n)).end_object();
    }
    w.end_array();
    w.key("suppressed");
    counts(f.suppressed);
    w.key("deferred");
    counts(f.deferred);
    w.end_object();
  }
  w.end_array();
  w.key("input").begin_object();
  w.key("lines").integer(static_cast<std::int64_t>(s.input.lines));
  w.key("events").integer(static_cast<std::int64_t>(s.input.events));
  w.key("identifies").integer(static_cast<std::int64_t>(s.input.identifies));
  w.key("blank").integer(static_cast<std::int64_t>(s.input.blank));
  w.key("ignored").integer(static_cast<std::int64_t>(s.input.ignored_total()));
  const auto skipped = [&](const eventlog::skipped_lines& lines) {
    w.key("skipped").begin_object();
    for (const auto& [code, n] : lines.by_code) w.key(code).integer(static_cast<std::int64_t>(n));
    w.end_object();
  };
  skipped(s.input.skipped);
  w.key("after_until").integer(static_cast<std::int64_t>(s.after_until));
  w.key("customers").integer(static_cast<std::int64_t>(s.customers));
  w.end_object();
  if (s.profiles) {
    w.key("profiles").begin_object();
    w.key("lines").integer(static_cast<std::int64_t>(s.profiles->lines));
    w.key("profiles").integer(static_cast<std::int64_t>(s.profiles->profiles));
    w.key("blank").integer(static_cast<std::int64_t>(s.profiles->blank));
    skipped(s.profiles->skipped);
    w.end_object();
  }
  w.key("actions").integer(static_cast<std::int64_t>(s.actions));
  w.key("runtime_errors").integer(static_cast<std::int64_t>(s.runtime_errors));
  w.end_object();
  out += '\n';
  return out;
}

std::string render_skipped(const eventlog::skipped_lines& skipped, std::string_view input,
                           const grammar::render_options& options) {
  const auto n = skipped.total();
  if (n == 0) return {};
  std::string out;
  for (const auto& e : skipped.examples) out += grammar::render_text(e, options);
  out += fmt::format("note: {} bad line{} of {} skipped", n, n == 1 ? "" : "s", input);
  if (n > skipped.examples.size()) out += fmt::format(", the first {} shown above", skipped.examples.size());
  out += "; the replay ran without them (exit status 1)\n";
  return out;
}

}  // namespace afterflow::replay
