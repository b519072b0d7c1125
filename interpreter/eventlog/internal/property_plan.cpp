#include "interpreter/eventlog/internal/property_plan.hpp"

#include <algorithm>
#include <cstring>

#include <fmt/format.h>

#include "grammar/file_error.hpp"
#include "interpreter/eventlog/internal/json_syntax.hpp"
#include "interpreter/eventlog/log_codes.hpp"

namespace afterflow::eventlog::json_input {

using ir::program;
using ir::symbol_table;
using stdlib::no_symbol;
using stdlib::property_entry;
using stdlib::symbol;
using stdlib::type_kind;
using stdlib::value;

namespace {

using stdlib::type_kind;

std::string_view expected_text(type_kind k) {
  switch (k) {
    case type_kind::boolean: return "`true` or `false`";
    case type_kind::number: return "a number";
    case type_kind::string: return "a string";
    case type_kind::list: return "an array";
    case type_kind::time: return "an RFC 3339 time string";
    case type_kind::duration: return "a duration (a string such as `\"3d\"`, or a number of seconds)";
    case type_kind::time_of_day: return "a time of day (a string such as `\"10:00\"`)";
    default: return "a value";
  }
}

// Whether JSON of type `json` is already a value of the declared kind, with
// nothing to convert (the common case, decided without a call).
bool natural(type_kind declared, od::json_type json) {
  switch (json) {
    case od::json_type::string: return declared == type_kind::string || declared == type_kind::any;
    case od::json_type::number: return declared == type_kind::number || declared == type_kind::any;
    case od::json_type::boolean: return declared == type_kind::boolean || declared == type_kind::any;
    case od::json_type::array: return declared == type_kind::list || declared == type_kind::any;
    case od::json_type::null: return true;
    case od::json_type::object: return declared == type_kind::any;
  }
  return false;
}

std::string json_value_message(simdjson::error_code e) {
  switch (e) {
    case simdjson::NUMBER_ERROR:
    case simdjson::NUMBER_OUT_OF_RANGE: return "number out of range (beyond a 64-bit floating-point number)";
    case simdjson::STRING_ERROR: return "invalid string (an escaped UTF-16 surrogate without its pair?)";
    default: return fmt::format("malformed JSON ({})", simdjson::error_message(e));
  }
}

}  // namespace

problem json_problem(simdjson::error_code e, const converter& c) {
  problem p;
  p.code = codes::malformed_json;
  p.json = e == simdjson::SUCCESS ? simdjson::TAPE_ERROR : e;
  if (!c.ok()) p.at.offset = c.error_offset();
  return p;
}

problem line_too_long(std::size_t max_line) {
  problem p;
  p.code = codes::line_too_long;
  p.at = {max_line - 1, od::json_type::string};
  p.message = fmt::format("line is longer than {} bytes", max_line);
  p.note = "the rest of the line was not read";
  p.help = "one line holds one JSON record; if records this long are real, raise the limit with `--max-line-bytes`";
  return p;
}

grammar::diagnostic to_diagnostic(const problem& p, std::string_view file, std::uint64_t line_number,
                                  std::string_view line) {
  if (p.json != simdjson::SUCCESS) {
    if (const auto s = find_json_syntax_error(line)) {
      return grammar::make_line_error(s->code, s->message, file, line_number, line, s->offset, s->length);
    }
    // Valid JSON syntax that simdjson still refuses: a value it cannot hold.
    return grammar::make_line_error(codes::malformed_json, json_value_message(p.json), file, line_number, line,
                                    p.at.offset, token_length(line, p.at.offset));
  }
  auto e = grammar::make_line_error(p.code, p.message, file, line_number, line, p.at.offset,
                                    token_length(line, p.at.offset));
  if (!p.note.empty()) e.with_note(p.note);
  e.help = p.help;
  return e;
}

std::string describe_at(const place& at, std::string_view line) {
  const bool is_true = at.type == od::json_type::boolean && line.substr(at.offset, 4) == "true";
  return std::string(describe(at.type, is_true));
}

void event_plan::index() {
  slots_.fill(no_slot);
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const auto name = fields[i].json_name;
    if (name.empty()) continue;
    auto& slot = slots_[slot_of(name)];
    slot = slot == no_slot && i < shared_slot ? static_cast<std::uint8_t>(i) : shared_slot;
  }
}

const plan_field* event_plan::find_linear(std::string_view json_name) const {
  for (const auto& f : fields) {
    if (f.json_name == json_name) return &f;
  }
  return nullptr;
}

const plan_field* event_plan::find(symbol json_symbol) const {
  for (const auto& f : fields) {
    if (f.json_symbol == json_symbol) return &f;
  }
  return nullptr;
}

property_plans::property_plans(const program& p, symbol_table& symbols) : program_(p), symbols_(symbols) {
  for (std::uint32_t i = 0; i < p.mappings.size(); ++i) {
    const auto s = symbols_.intern(p.mappings[i].external_name);
    if (s >= mapping_by_symbol_.size()) mapping_by_symbol_.resize(s + 1, no_mapping);
    if (mapping_by_symbol_[s] == no_mapping) mapping_by_symbol_[s] = i;
  }
  mappings_.resize(p.mappings.size());
}

const event_plan& property_plans::for_event(symbol event) {
  if (event >= events_.size()) events_.resize(event + 1);
  auto& slot = events_[event];
  if (slot) return *slot;
  const auto& p = program_;
  slot = std::make_unique<event_plan>();
  slot->event = event;
  slot->keep_others = p.reads_all_properties;
  const std::vector<symbol>* read = event < p.properties_by_event.size() ? &p.properties_by_event[event] : nullptr;
  const auto wanted = [&](symbol s) {
    return p.reads_all_properties || (read != nullptr && std::find(read->begin(), read->end(), s) != read->end());
  };
  if (event < p.fields_by_event.size()) {
    for (const auto& [name, kind] : p.fields_by_event[event]) {
      slot->fields.push_back({symbols_.name(name), name, name, kind, true, wanted(name), false});
    }
  }
  if (read != nullptr) {
    for (const auto name : *read) {
      if (slot->find(name) == nullptr) {
        slot->fields.push_back({symbols_.name(name), name, name, type_kind::any, false, true, false});
      }
    }
  }
  slot->index();
  return *slot;
}

const event_plan& property_plans::for_mapping(std::uint32_t mapping) {
  auto& slot = mappings_[mapping];
  if (slot) return *slot;
  const auto& m = program_.mappings[mapping];
  const auto event = m.event != no_symbol ? m.event : symbols_.intern(m.external_name);
  auto plan = std::make_unique<event_plan>(for_event(event));
  const auto* read = event < program_.properties_by_event.size() ? &program_.properties_by_event[event] : nullptr;
  for (const auto& rename : m.renames) {
    const auto target = rename.first;
    const std::string_view external = rename.second;
    const auto external_symbol = symbols_.intern(external);
    auto it = std::find_if(plan->fields.begin(), plan->fields.end(),
                           [target](const plan_field& f) { return f.target == target; });
    if (it != plan->fields.end()) {
      it->json_name = external;
      it->json_symbol = external_symbol;
    } else {
      const bool wanted = program_.reads_all_properties ||
                          (read != nullptr && std::find(read->begin(), read->end(), target) != read->end());
      plan->fields.push_back({external, external_symbol, target, type_kind::any, false, wanted, false});
    }
  }
  plan->index();
  for (const auto& [target, external] : m.renames) {
    const auto own = symbols_.name(target);
    if (plan->find(own) == nullptr) {
      plan->fields.push_back({own, target, target, type_kind::any, false, false, true});
      plan->index();
    }
  }
  slot = std::move(plan);
  return *slot;
}

std::size_t token_length(std::string_view line, std::size_t offset) {
  if (offset >= line.size()) return 0;
  const char first = line[offset];
  if (first == '{' || first == '[') return 1;
  auto i = offset + 1;
  if (first == '"') {
    while (i < line.size() && line[i] != '"') i += line[i] == '\\' ? 2 : 1;
    return std::min(i + 1, line.size()) - offset;
  }
  while (i < line.size() && line[i] != ',' && line[i] != '}' && line[i] != ']' && line[i] != ' ' && line[i] != '\t' &&
         line[i] != '\r' && line[i] != '\n' && line[i] != ':') {
    ++i;
  }
  return i - offset;
}

void property_set::clear() {
  present = false;
  at = {};
  plan = nullptr;
  event_name = {};
  entries.clear();
  places.clear();
  issue.reset();
  repeated_.clear();
}

std::size_t property_set::capacity_bytes() const {
  return entries.capacity() * sizeof(property_entry) + places.capacity() * sizeof(place);
}

// A key given twice: JSON parsers disagree on which value wins, so the
// replay would be guessing. Only keys the program keeps are looked at; the
// values of others are checked but not named.
void property_set::report_repeated(std::string_view key, const place& at) {
  if (issue) return;
  problem p;
  p.code = codes::wrong_field_type;
  p.at = at;
  p.message = fmt::format("{} appears twice in one object", grammar::quote_excerpt(key));
  p.help = "JSON readers disagree on which of two equal keys wins; give each key once";
  issue = std::move(p);
}

void property_set::put(symbol name, value v, const place& where, std::string_view key, std::size_t key_at) {
  for (const auto& e : entries) {
    if (e.name == name) {
      repeated_.push_back({name, {key_at, od::json_type::string}, std::string(key)});
      return;
    }
  }
  entries.push_back({name, v});
  places.push_back(where);
}

void property_set::put_planned(symbol name, value v, std::string_view key, std::size_t key_at) {
  for (const auto& e : entries) {
    if (e.name == name) {
      report_repeated(key, {key_at, od::json_type::string});
      return;
    }
  }
  entries.push_back({name, v});
}

void property_set::keep_all() {
  if (!repeated_.empty()) report_repeated(repeated_.front().key, repeated_.front().at);
}

bool property_set::read(od::object& object, converter& c, property_plans& plans, std::string_view line) {
  converter::nesting level(c);
  if (!level.within_limit()) return false;
  for (auto field_result : object) {
    if (field_result.error()) return c.failed(field_result.error());
    auto& field = field_result.value_unsafe();
    // Where the key's opening quote is, taken before unescaping consumes it.
    const auto key_at = static_cast<std::size_t>(reinterpret_cast<const char*>(field.key().raw()) - 1 - line.data());
    const auto key = c.key(field);
    if (!c.ok()) return false;
    auto& v = field.value();
    const auto token = v.raw_json_token();
    if (plan != nullptr) {
      const auto* f = plan->find(key);
      if (f != nullptr && (f->wanted || f->is_declared) && !f->shadowed) {
        const auto where = place_of(token, line);
        const auto general = c.convert(v, token);
        if (!c.ok()) return false;
        value narrowed = general;
        if (f->is_declared && !natural(f->declared, where.type) && !check(*f, general, where, narrowed)) continue;
        if (f->wanted) put_planned(f->target, narrowed, key, key_at);
        continue;
      }
      if (f != nullptr || !plan->keep_others) {
        if (!c.skip(v, token)) return false;
        continue;
      }
    }
    const auto general = c.convert(v, token);
    if (!c.ok()) return false;
    if (plan != nullptr) put_planned(plans.symbols().intern(key), general, key, key_at);
    else put(plans.symbols().intern(key), general, place_of(token, line), key, key_at);
  }
  return true;
}

void property_set::apply(const event_plan& p) {
  plan = &p;
  for (const auto& r : repeated_) {
    const auto* f = p.find(r.name);
    if (f != nullptr ? f->wanted && !f->shadowed : p.keep_others) report_repeated(r.key, r.at);
  }
  std::size_t kept = 0;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const auto* f = p.find(entries[i].name);
    value v = entries[i].data;
    if (f != nullptr) {
      if (f->shadowed || (!f->wanted && !f->is_declared)) continue;
      value narrowed;
      if (f->is_declared && !check(*f, v, places[i], narrowed)) continue;
      if (!f->wanted) continue;
      entries[kept] = {f->target, f->is_declared ? narrowed : v};
    } else if (p.keep_others) {
      entries[kept] = entries[i];
    } else {
      continue;
    }
    places[kept] = places[i];
    ++kept;
  }
  entries.resize(kept);
  places.resize(kept);
}

bool property_set::check(const plan_field& f, const value& general, const place& where, value& out) {
  const auto r = narrow(general, where.type, f.declared, out);
  if (r == outcome::ok) return true;
  if (issue) return false;
  problem p;
  p.at = where;
  const auto property = fmt::format("property `{}` of `{}`", f.json_name, event_name);
  switch (r) {
    case outcome::bad_timestamp:
      p.code = codes::bad_timestamp;
      p.message = fmt::format("bad timestamp {} in {}", grammar::quote_excerpt(general.as_string()), property);
      p.help = "timestamps are RFC 3339, e.g. `2026-03-01T09:00:00Z`";
      break;
    case outcome::bad_text: {
      p.code = codes::bad_property;
      const bool duration = f.declared == type_kind::duration;
      const auto text = general.is(type_kind::string) ? general.as_string() : std::string_view("number");
      p.message = fmt::format("bad {} {} in {}", duration ? "duration" : "time of day",
                              general.is(type_kind::string) ? grammar::quote_excerpt(text) : "number", property);
      p.help = duration ? "durations are written like `3d`, `12h` or `1d12h`, or given as a number of seconds"
                        : "times of day are written `HH:MM` or `HH:MM:SS`";
      break;
    }
    default: {
      p.code = codes::bad_property;
      const auto found = describe(where.type, general.is(type_kind::boolean) && general.as_bool());
      p.message = fmt::format("{} must be {}, found {}", property, expected_text(f.declared), found);
      break;
    }
  }
  issue = std::move(p);
  return false;
}

}  // namespace afterflow::eventlog::json_input
