#include "grammar/diagnostic_render.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "grammar/text/display_text.hpp"
#include "grammar/text/json_writer.hpp"

namespace afterflow::grammar {

namespace {

struct palette {
  std::string_view error, warning, note, help, blue, bold, reset;
};

palette make_palette(bool color) {
  if (!color) return {};
  return {"\x1b[1;31m", "\x1b[1;33m", "\x1b[1;32m", "\x1b[1;36m", "\x1b[1;34m", "\x1b[1m", "\x1b[0m"};
}

std::string_view level_name(severity s) { return s == severity::error ? "error" : "warning"; }

// Renders the `--> file:line:col` header and the source snippet with a
// marker run (`^` for the primary span, `-` for notes) under the span.
void render_snippet(std::string& out, const source_set& sources, span where, char marker, std::string_view label,
                    const palette& p, std::string_view marker_color, std::size_t gutter_width) {
  if (where.file >= sources.size()) return;
  const auto& file = sources.file(where.file);
  const auto begin = file.position(where.begin);
  const auto end = file.position(std::max(where.begin, where.end));
  const auto gutter = std::string(gutter_width, ' ');
  out += fmt::format("{}{}-->{} {}:{}:{}\n", gutter, p.blue, p.reset, file.name(), begin.line, begin.column);
  const auto line = file.line_text(begin.line);
  const auto line_start = file.line_start(begin.line);
  const auto start_byte = std::min<std::size_t>(where.begin - line_start, line.size());
  std::size_t end_byte = line.size();  // a span running past this line is cut at its end
  if (end.line == begin.line) end_byte = std::min<std::size_t>(where.end - line_start, line.size());
  const auto shown = excerpt_of(line, start_byte, end_byte, source_line_widths);
  out += fmt::format("{} {}|{}\n", gutter, p.blue, p.reset);
  out += fmt::format("{}{:>{}} |{} {}\n", p.blue, begin.line, gutter_width, p.reset, shown.text);
  out += fmt::format("{} {}|{} {}{}{}", gutter, p.blue, p.reset, std::string(shown.caret_begin, ' '), marker_color,
                     std::string(shown.caret_width, marker));
  if (!label.empty()) out += fmt::format(" {}", display_message(label));
  out += fmt::format("{}\n", p.reset);
}

// The `-->` line and the excerpt of a place in a file the renderer does not
// hold; laid out exactly like a source snippet.
void render_file_location(std::string& out, const file_location& where, std::string_view label, const palette& p,
                          std::string_view marker_color, std::size_t gutter_width) {
  const auto gutter = std::string(gutter_width, ' ');
  if (where.line == 0) {
    if (!where.file.empty()) out += fmt::format("{}{}-->{} {}\n", gutter, p.blue, p.reset, where.file);
    return;
  }
  if (where.column == 0) {  // a line without an excerpt (a CSV record, a step of a flow)
    out += fmt::format("{}{}-->{} {}:{}\n", gutter, p.blue, p.reset, where.file, where.line);
    return;
  }
  out += fmt::format("{}{}-->{} {}:{}:{}\n", gutter, p.blue, p.reset, where.file, where.line, where.column);
  out += fmt::format("{} {}|{}\n", gutter, p.blue, p.reset);
  out += fmt::format("{}{:>{}} |{} {}\n", p.blue, where.line, gutter_width, p.reset, where.excerpt);
  out += fmt::format("{} {}|{} {}{}{}", gutter, p.blue, p.reset, std::string(where.caret_begin, ' '), marker_color,
                     std::string(where.caret_width, '^'));
  if (!label.empty()) out += fmt::format(" {}", display_message(label));
  out += fmt::format("{}\n", p.reset);
}

std::size_t digits(std::uint64_t n) { return fmt::formatted_size("{}", n); }

}  // namespace

std::string render_text(const diagnostic& d, const source_set& sources, const render_options& options) {
  const auto p = make_palette(options.color);
  const auto level_color = d.level == severity::error ? p.error : p.warning;
  std::string out;
  out += fmt::format("{}{}[{}]{}{}: {}{}\n", level_color, level_name(d.level), d.code, p.reset, p.bold,
                     display_message(d.message), p.reset);
  // One gutter width for the whole diagnostic, as wide as its largest line
  // number, so the snippets of the notes line up with the main one.
  std::size_t width = 1;
  const auto widen = [&](span s) {
    if (s.file >= sources.size()) return;
    width = std::max(width, digits(sources.file(s.file).position(s.begin).line));
  };
  if (const auto* s = d.source_span()) widen(*s);
  if (const auto* f = d.in_file(); f != nullptr && f->line > 0) width = digits(f->line);
  for (const auto& note : d.notes) {
    if (note.where) widen(*note.where);
  }
  if (const auto* s = d.source_span()) {
    render_snippet(out, sources, *s, '^', d.label, p, level_color, width);
  } else {
    render_file_location(out, *d.in_file(), d.label, p, level_color, width);
  }
  const std::string gutter(width, ' ');
  for (const auto& note : d.notes) {
    if (note.where) {
      out += fmt::format("{}note{}: {}\n", p.note, p.reset, display_message(note.message));
      render_snippet(out, sources, *note.where, '-', "", p, p.blue, width);
    } else {
      out += fmt::format("{} {}={} {}note{}: {}\n", gutter, p.blue, p.reset, p.note, p.reset,
                         display_message(note.message));
    }
  }
  if (!d.help.empty()) {
    out += fmt::format("{} {}={} {}help{}: {}\n", gutter, p.blue, p.reset, p.help, p.reset, display_message(d.help));
  }
  return out;
}

std::string render_text(const diagnostic_list& list, const source_set& sources, const render_options& options) {
  std::string out;
  for (const auto& d : list.items()) {
    out += render_text(d, sources, options);
    out += '\n';
  }
  const auto errors = list.error_count();
  const auto warnings = list.warning_count();
  if (errors > 0 || warnings > 0) {
    const auto p = make_palette(options.color);
    const auto plural = [](std::size_t n, std::string_view word) {
      return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
    };
    std::string counts;
    if (errors > 0) counts = plural(errors, "error");
    if (warnings > 0) counts += fmt::format("{}{}", errors > 0 ? " and " : "", plural(warnings, "warning"));
    out += fmt::format("{}{}{}: {}{} emitted{}\n", errors > 0 ? p.error : p.warning, errors > 0 ? "error" : "warning",
                       p.reset, p.bold, counts, p.reset);
  }
  return out;
}

std::string render_text(const diagnostic& d, const render_options& options) {
  static const source_set no_sources;
  return render_text(d, no_sources, options);
}

std::string render_json(const diagnostic_list& list, const source_set& sources) {
  std::string out;
  json_writer w(out);
  const auto write_location = [&](span s) {
    if (s.file >= sources.size()) return;
    const auto& file = sources.file(s.file);
    const auto b = file.position(s.begin);
    const auto e = file.position(std::max(s.begin, s.end));
    w.key("file").string(file.name());
    w.key("line").integer(b.line).key("column").integer(b.column);
    w.key("end_line").integer(e.line).key("end_column").integer(e.column);
    w.key("byte_begin").integer(s.begin).key("byte_end").integer(s.end);
  };
  w.begin_object().key("diagnostics").begin_array();
  for (const auto& d : list.items()) {
    w.begin_object();
    w.key("severity").string(level_name(d.level));
    w.key("code").string(d.code);
    w.key("message").string(display_message(d.message));
    if (const auto* s = d.source_span()) {
      write_location(*s);
    } else if (const auto* f = d.in_file()) {
      w.key("file").string(f->file);
      if (f->line > 0) w.key("line").integer(static_cast<std::int64_t>(f->line));
      if (f->column > 0) w.key("column").integer(f->column);
    }
    if (!d.label.empty()) w.key("label").string(display_message(d.label));
    if (!d.help.empty()) w.key("help").string(display_message(d.help));
    if (!d.notes.empty()) {
      w.key("notes").begin_array();
      for (const auto& note : d.notes) {
        w.begin_object().key("message").string(display_message(note.message));
        if (note.where) write_location(*note.where);
        w.end_object();
      }
      w.end_array();
    }
    w.end_object();
  }
  w.end_array();
  w.key("errors").integer(static_cast<std::int64_t>(list.error_count()));
  w.key("warnings").integer(static_cast<std::int64_t>(list.warning_count()));
  w.end_object();
  out += '\n';
  return out;
}

}  // namespace afterflow::grammar
