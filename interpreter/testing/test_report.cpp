#include "interpreter/testing/test_report.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "grammar/text/json_writer.hpp"
#include "grammar/text/time_text.hpp"
#include "grammar/text/timestamp.hpp"
#include "interpreter/ir/value_format.hpp"

namespace afterflow::testing {

using grammar::duration_text;
using grammar::format_timestamp;
using grammar::json_writer;

namespace {

struct palette {
  std::string_view pass, fail, warn, dim, bold, reset;
};

palette make_palette(bool color) {
  if (!color) return {};
  return {"\x1b[1;32m", "\x1b[1;31m", "\x1b[1;33m", "\x1b[2m", "\x1b[1m", "\x1b[0m"};
}

char mark_char(row_mark m) {
  switch (m) {
    case row_mark::matched: return '=';
    case row_mark::missing: return '-';
    case row_mark::unexpected: return '+';
    case row_mark::other: return ' ';
  }
  return ' ';
}

void trim_right(std::string& line) {
  while (!line.empty() && line.back() == ' ') line.pop_back();
}

void render_rows(std::string& out, const test_result& r, const palette& p) {
  std::size_t line_width = 4;
  std::size_t expected_width = 8;
  bool legend_needed = false;
  for (const auto& row : r.rows) {
    if (row.line != 0) line_width = std::max(line_width, fmt::formatted_size("{}", row.line));
    expected_width = std::max(expected_width, row.expected.size());
    legend_needed = legend_needed || row.mark != row_mark::other;
  }
  std::string header =
      fmt::format("      {:<20}  {:<{}}  {:<{}}  actual", "time", "line", line_width, "expected", expected_width);
  trim_right(header);
  out += fmt::format("{}{}{}\n", p.dim, header, p.reset);
  for (const auto& row : r.rows) {
    const auto time = row.time ? format_timestamp(*row.time) : std::string("any time");
    const auto line = row.line != 0 ? fmt::format("{}", row.line) : std::string();
    std::string text =
        fmt::format("{:<20}  {:<{}}  {:<{}}  {}", time, line, line_width, row.expected, expected_width, row.actual);
    trim_right(text);
    const auto color = row.mark == row_mark::missing      ? p.fail
                       : row.mark == row_mark::unexpected ? p.warn
                                                          : std::string_view();
    out += fmt::format("    {}{}{} {}{}{}\n", color, mark_char(row.mark), color.empty() ? "" : p.reset, color, text,
                       color.empty() ? "" : p.reset);
  }
  if (legend_needed) {
    out += fmt::format("      {}(= matched, - expected but not found, + found but not expected){}\n", p.dim, p.reset);
  }
}

std::string dotted_class_name(std::string_view file) {
  std::string name(file);
  while (name.starts_with("./")) name.erase(0, 2);
  if (name.ends_with(".flow")) name.resize(name.size() - 5);
  std::replace(name.begin(), name.end(), '/', '.');
  std::replace(name.begin(), name.end(), '\\', '.');
  return name;
}

}  // namespace

test_totals count_results(std::span<const test_result> results) {
  test_totals t;
  for (const auto& r : results) {
    if (r.status == test_status::passed) {
      ++t.passed;
    } else {
      ++t.failed;
    }
  }
  return t;
}

std::string location_of(const test_result& r) { return fmt::format("{}:{}", r.file, r.line); }

std::string render_test_line(const test_result& r, std::size_t location_width, bool color) {
  const auto p = make_palette(color);
  const bool passed = r.status == test_status::passed;
  return fmt::format("{}{}{}  {:<{}}  {}  {}(simulated {}){}\n", passed ? p.pass : p.fail, passed ? "PASS" : "FAIL",
                     p.reset, location_of(r), location_width, r.name, p.dim, duration_text(r.simulated), p.reset);
}

std::string render_failure_details(const test_result& r, bool color) {
  if (r.status == test_status::passed) return {};
  const auto p = make_palette(color);
  std::string out;
  for (const auto& f : r.failures) {
    out += fmt::format("    {}{}:{}:{} {}\n", p.bold, r.file, f.line, p.reset, f.message);
    for (const auto& note : f.notes) out += fmt::format("      {}\n", note);
  }
  if (!r.rows.empty()) {
    out += '\n';
    render_rows(out, r, p);
  }
  for (const auto& [customer, timeline] : r.timelines) {
    out += fmt::format("\n    {}timeline of {}:{}\n", p.bold, customer, p.reset);
    std::size_t start = 0;
    while (start < timeline.size()) {
      const auto end = timeline.find('\n', start);
      const auto line = std::string_view(timeline).substr(start, end == std::string::npos ? end : end - start);
      out += fmt::format("      {}\n", line);
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  out += '\n';
  return out;
}

std::string render_summary(std::span<const test_result> results, bool color) {
  const auto p = make_palette(color);
  const auto totals = count_results(results);
  std::string out;
  if (totals.failed > 0) {
    std::size_t width = 0;
    for (const auto& r : results) width = std::max(width, location_of(r).size());
    out += fmt::format("{}failed:{}\n", p.fail, p.reset);
    for (const auto& r : results) {
      if (r.status == test_status::failed) out += fmt::format("  {:<{}}  {}\n", location_of(r), width, r.name);
    }
  }
  out += fmt::format("{} passed, {} failed\n", totals.passed, totals.failed);
  return out;
}

std::string render_text(std::span<const test_result> results, bool color) {
  std::size_t width = 0;
  for (const auto& r : results) width = std::max(width, location_of(r).size());
  std::string out;
  for (const auto& r : results) {
    out += render_test_line(r, width, color);
    out += render_failure_details(r, color);
  }
  if (!results.empty()) out += '\n';
  out += render_summary(results, color);
  return out;
}

std::string render_json(std::span<const test_result> results) {
  std::string out;
  json_writer w(out);
  w.begin_object().key("tests").begin_array();
  for (const auto& r : results) {
    w.begin_object();
    w.key("name").string(r.name);
    w.key("file").string(r.file);
    w.key("line").integer(r.line);
    w.key("status").string(r.status == test_status::passed ? "passed" : "failed");
    w.key("simulated").string(duration_text(r.simulated));
    w.key("failures").begin_array();
    for (const auto& f : r.failures) {
      w.begin_object().key("line").integer(f.line).key("message").string(f.message).key("notes").begin_array();
      for (const auto& note : f.notes) w.string(note);
      w.end_array().end_object();
    }
    w.end_array().end_object();
  }
  const auto totals = count_results(results);
  w.end_array().key("totals").begin_object();
  w.key("passed").integer(static_cast<std::int64_t>(totals.passed));
  w.key("failed").integer(static_cast<std::int64_t>(totals.failed));
  w.key("skipped").integer(0);
  w.end_object().end_object();
  out += '\n';
  return out;
}

std::string xml_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char ch : s) {
    const auto c = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\n': out += "&#10;"; break;
      case '\t': out += "&#9;"; break;
      case '\r': out += "&#13;"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += "\xEF\xBF\xBD";
        } else {
          out += ch;
        }
    }
  }
  return out;
}

std::string render_junit(std::span<const test_result> results) {
  // Suites by file, in order of first appearance.
  std::vector<std::string> files;
  for (const auto& r : results) {
    if (std::find(files.begin(), files.end(), r.file) == files.end()) files.push_back(r.file);
  }
  const auto totals = count_results(results);
  std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out += fmt::format("<testsuites name=\"afterflow\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n",
                     results.size(), totals.failed);
  for (const auto& file : files) {
    std::size_t tests = 0;
    std::size_t failures = 0;
    for (const auto& r : results) {
      if (r.file != file) continue;
      ++tests;
      if (r.status == test_status::failed) ++failures;
    }
    out += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">\n",
                       xml_escape(file), tests, failures);
    for (const auto& r : results) {
      if (r.file != file) continue;
      const auto attributes = fmt::format("name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\"", xml_escape(r.name),
                                          xml_escape(dotted_class_name(r.file)), xml_escape(r.file), r.line);
      if (r.status == test_status::passed) {
        out += fmt::format("    <testcase {}/>\n", attributes);
        continue;
      }
      auto message = r.failures.empty() ? std::string("failed") : r.failures.front().message;
      if (r.failures.size() > 1) message += fmt::format(" (and {} more)", r.failures.size() - 1);
      // Element text keeps its line ends; only attributes need them escaped.
      auto body = xml_escape(render_failure_details(r, false));
      for (std::size_t at = body.find("&#10;"); at != std::string::npos; at = body.find("&#10;", at + 1)) {
        body.replace(at, 5, "\n");
      }
      out += fmt::format(
          "    <testcase {}>\n      <failure message=\"{}\" type=\"expectation\">{}</failure>\n"
          "    </testcase>\n",
          attributes, xml_escape(message), body);
    }
    out += "  </testsuite>\n";
  }
  out += "</testsuites>\n";
  return out;
}

}  // namespace afterflow::testing
