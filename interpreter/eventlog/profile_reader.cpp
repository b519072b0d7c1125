#include "interpreter/eventlog/profile_reader.hpp"

#include <array>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>
#include <simdjson.h>

#include "grammar/text/edit_distance.hpp"
#include "interpreter/eventlog/internal/json_syntax.hpp"
#include "interpreter/eventlog/internal/json_values.hpp"
#include "interpreter/eventlog/internal/property_plan.hpp"
#include "interpreter/eventlog/internal/zone_check.hpp"
#include "interpreter/eventlog/line_reader.hpp"
#include "interpreter/eventlog/log_codes.hpp"

namespace afterflow::eventlog {

using grammar::closest_match;
using ir::program;
using ir::symbol_table;
using stdlib::no_symbol;
using stdlib::symbol;
using stdlib::type;
using stdlib::type_kind;
using stdlib::value;

namespace {

using namespace json_input;

constexpr std::array<std::string_view, 3> keys{"id", "timezone", "attributes"};
constexpr std::string_view shape_help =
    "a profile looks like `{\"id\":\"c1\",\"timezone\":\"Europe/Prague\",\"attributes\":{}}`";

}  // namespace

class profile_reader::impl {
 public:
  impl(std::unique_ptr<byte_source> source, const program& p, symbol_table& symbols, profile_options options)
      : options_(options), plans_(p, symbols), lines_(std::move(source), options.block_size, options.max_line_bytes) {
    timezone_symbol_ = p.timezone_symbol != no_symbol ? p.timezone_symbol : symbols.intern("timezone");
  }

  impl(grammar::diagnostic open_failure, const program& p, symbol_table& symbols)
      : plans_(p, symbols), lines_(memory_input("", {}), 4096) {
    error_ = std::move(open_failure);
  }

  std::optional<profile_record> next() {
    while (!error_) {
      const auto line = lines_.next();
      if (!line) {
        counts_.bytes = lines_.bytes_read();
        if (lines_.error()) error_ = lines_.error();
        break;
      }
      ++counts_.lines;
      if (lines_.too_long()) {
        problem_ = line_too_long(lines_.max_line());
      } else if (line->find_first_not_of(" \t\r") == std::string_view::npos) {
        ++counts_.blank;
        continue;
      } else if (parse(*line)) {
        ++counts_.profiles;
        return record_;
      }
      auto e = to_diagnostic(problem_, lines_.name(), lines_.line_number(), *line);
      if (options_.on_bad_event == bad_event_policy::fail) {
        error_ = std::move(e);
        counts_.bytes = lines_.bytes_read();
        break;
      }
      counts_.skipped.add(std::move(e));
    }
    return std::nullopt;
  }

  const std::optional<grammar::diagnostic>& error() const { return error_; }
  const profile_counts& counts() const { return counts_; }

 private:
  bool parse(std::string_view line) {
    line_ = line;
    converter_.reset(line);
    attributes_.clear();
    bool has_id = false;
    bool has_zone = false;
    place id_at;
    place zone_at;
    std::string_view id;
    std::string_view zone;

    od::document doc;
    if (auto e = parser_.iterate(line.data(), line.size(), line.size() + simdjson::SIMDJSON_PADDING).get(doc)) {
      return json_failure(e);
    }
    od::object object;
    if (auto e = doc.get_object().get(object)) {
      if (e == simdjson::INCORRECT_TYPE && !find_json_syntax_error(line)) {
        od::json_type type{};
        const auto first = line.find_first_not_of(" \t\r");
        if (doc.type().get(type) == simdjson::SUCCESS) {
          return fail(codes::wrong_field_type, {first, type},
                      fmt::format("expected a JSON object, found {}", describe_at({first, type}, line)),
                      std::string(shape_help));
        }
      }
      return json_failure(e);
    }
    for (auto field_result : object) {
      if (field_result.error()) return json_failure(field_result.error());
      auto& field = field_result.value_unsafe();
      // Where the key starts, taken before unescaping it consumes the key.
      const auto* key_quote = reinterpret_cast<const char*>(field.key().raw()) - 1;
      const auto key = converter_.key(field);
      if (!converter_.ok()) return json_failure(converter_.last_error());
      auto& v = field.value();
      const auto token = v.raw_json_token();
      const auto at = place_of(token, line);
      if (key == "id" || key == "timezone") {
        const bool is_id = key == "id";
        if (is_id ? has_id : has_zone) {
          return fail(codes::wrong_field_type, at, fmt::format("`{}` appears twice", key));
        }
        (is_id ? has_id : has_zone) = true;
        (is_id ? id_at : zone_at) = at;
        auto& text = is_id ? id : zone;
        if (at.type == od::json_type::string) {
          text = converter_.string(v, token);
          if (!converter_.ok()) return json_failure(converter_.last_error());
        } else {
          if (at.type == od::json_type::number && is_id) text = token_of(v);
          if (!converter_.skip(v, token)) return json_failure(converter_.last_error());
        }
      } else if (key == "attributes") {
        if (attributes_.present) return fail(codes::wrong_field_type, at, "`attributes` appears twice");
        attributes_.present = true;
        attributes_.at = at;
        if (at.type == od::json_type::object) {
          od::object attributes;
          if (auto e = v.get_object().get(attributes)) return json_failure(e);
          if (!attributes_.read(attributes, converter_, plans_, line)) return json_failure(converter_.last_error());
        } else if (!converter_.skip(v, token)) {
          return json_failure(converter_.last_error());
        }
      } else {
        fail(codes::unknown_profile_field, {static_cast<std::size_t>(key_quote - line.data()), od::json_type::string},
             fmt::format("unknown profile field {}", grammar::quote_excerpt(key)));
        if (const auto s = closest_match(key, keys)) problem_.help = fmt::format("did you mean `{}`?", *s);
        else problem_.help = "a profile has `id`, `timezone` and `attributes`; put custom data under `attributes`";
        return false;
      }
    }
    if (!doc.current_location().error()) return json_failure(simdjson::TRAILING_CONTENT);

    if (!has_id || id_at.type == od::json_type::null) {
      return fail(codes::missing_field, {line.find_first_not_of(" \t\r"), od::json_type::object}, "missing `id`",
                  std::string(shape_help));
    }
    if (id_at.type != od::json_type::string && id_at.type != od::json_type::number) {
      return fail(codes::wrong_field_type, id_at,
                  fmt::format("`id` must be a string or a number, found {}", describe_at(id_at, line)));
    }
    if (id.empty()) return fail(codes::missing_field, id_at, "`id` is empty");
    if (attributes_.present && attributes_.at.type != od::json_type::object &&
        attributes_.at.type != od::json_type::null) {
      return fail(codes::wrong_field_type, attributes_.at,
                  fmt::format("`attributes` must be an object, found {}", describe_at(attributes_.at, line)));
    }
    attributes_.keep_all();
    if (attributes_.issue) {
      problem_ = *attributes_.issue;
      return false;
    }
    // A top-level `timezone` and one among the attributes must agree. An
    // empty one is no zone, like null (stdlib/time_zone_names.hpp).
    if (has_zone && zone_at.type != od::json_type::null && !(zone_at.type == od::json_type::string && zone.empty())) {
      if (zone_at.type != od::json_type::string) {
        return fail(codes::wrong_field_type, zone_at,
                    fmt::format("`timezone` must be a string, found {}", describe_at(zone_at, line)));
      }
      if (const auto other = attribute_zone(); other && other->first != zone) {
        fail(codes::wrong_field_type, other->second,
             fmt::format("`attributes.timezone` is {}, but the profile's `timezone` is {}",
                         grammar::quote_excerpt(other->first), grammar::quote_excerpt(zone)));
        problem_.note = fmt::format("`timezone` is at column {}", zone_at.offset + 1);
        problem_.help = "give the zone once, as the top-level `timezone`";
        return false;
      }
      set_attribute(timezone_symbol_, value::string(zone), zone_at);
    }
    std::string_view effective_zone;
    for (std::size_t i = 0; i < attributes_.entries.size(); ++i) {
      const auto& e = attributes_.entries[i];
      if (e.name != timezone_symbol_ || e.data.is_null()) continue;
      zone_at = attributes_.places[i];
      if (!e.data.is(type_kind::string)) {
        return fail(codes::bad_property, zone_at,
                    fmt::format("attribute `timezone` must be a string, found {}", describe_at(zone_at, line)));
      }
      effective_zone = e.data.as_string();
    }
    if (!effective_zone.empty() && !zones_.known(effective_zone)) {
      fail(codes::unknown_time_zone, zone_at,
           fmt::format("unknown time zone {}", grammar::quote_excerpt(effective_zone)));
      if (const auto s = zones_.suggestion(effective_zone)) problem_.help = fmt::format("did you mean `{}`?", *s);
      else problem_.help = "time zones are IANA names such as `Europe/Prague`";
      return false;
    }
    // One line per customer: a second would silently replace the first.
    const auto [first, added] = first_line_of_.try_emplace(std::string(id), lines_.line_number());
    if (!added) {
      return fail(codes::duplicate_profile, id_at,
                  fmt::format("a second profile for customer {}", grammar::quote_excerpt(id)),
                  fmt::format("the first is on line {}; give each customer one line", first->second));
    }
    record_.customer = id;
    record_.time_zone = effective_zone;
    record_.attributes = attributes_.entries;
    record_.line = lines_.line_number();
    return true;
  }

  // The string value of a `timezone` among the attributes, and its place.
  std::optional<std::pair<std::string_view, place>> attribute_zone() const {
    for (std::size_t i = 0; i < attributes_.entries.size(); ++i) {
      const auto& e = attributes_.entries[i];
      if (e.name == timezone_symbol_ && e.data.is(type_kind::string))
        return std::pair{e.data.as_string(), attributes_.places[i]};
    }
    return std::nullopt;
  }

  void set_attribute(symbol name, value v, const place& at) {
    for (std::size_t i = 0; i < attributes_.entries.size(); ++i) {
      if (attributes_.entries[i].name == name) {
        attributes_.entries[i].data = v;
        attributes_.places[i] = at;
        return;
      }
    }
    attributes_.entries.push_back({name, v});
    attributes_.places.push_back(at);
  }

  bool fail(std::string_view code, const place& at, std::string message, std::string help = {}) {
    problem_ = {};
    problem_.code = code;
    problem_.at = at;
    problem_.message = std::move(message);
    problem_.help = std::move(help);
    return false;
  }

  bool json_failure(simdjson::error_code e) {
    problem_ = json_problem(e, converter_);
    return false;
  }

  profile_options options_;
  property_plans plans_;
  line_reader lines_;
  od::parser parser_;
  converter converter_;
  zone_check zones_;
  symbol timezone_symbol_ = no_symbol;

  std::string_view line_;
  property_set attributes_;
  problem problem_;
  profile_record record_;
  std::optional<grammar::diagnostic> error_;
  profile_counts counts_;
  std::unordered_map<std::string, std::uint64_t> first_line_of_;  // customer → line; looked up, never iterated
};

profile_reader profile_reader::open(const std::string& path, const program& p, symbol_table& symbols,
                                    profile_options options) {
  auto opened = open_input(path);
  if (opened.error) return profile_reader(std::make_unique<impl>(std::move(*opened.error), p, symbols));
  return profile_reader(std::move(opened.source), p, symbols, options);
}

profile_reader profile_reader::from_text(std::string name, std::string_view text, const program& p,
                                         symbol_table& symbols, profile_options options) {
  return profile_reader(memory_input(std::move(name), text), p, symbols, options);
}

profile_reader::profile_reader(std::unique_ptr<byte_source> source, const program& p, symbol_table& symbols,
                               profile_options options)
    : impl_(std::make_unique<impl>(std::move(source), p, symbols, options)) {}

profile_reader::profile_reader(std::unique_ptr<impl> i) : impl_(std::move(i)) {}

profile_reader::~profile_reader() = default;
profile_reader::profile_reader(profile_reader&&) noexcept = default;
profile_reader& profile_reader::operator=(profile_reader&&) noexcept = default;

std::optional<profile_record> profile_reader::next() { return impl_->next(); }
const std::optional<grammar::diagnostic>& profile_reader::error() const { return impl_->error(); }
const profile_counts& profile_reader::counts() const { return impl_->counts(); }

}  // namespace afterflow::eventlog
