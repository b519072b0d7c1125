#include "interpreter/eventlog/internal/json_values.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <variant>

#include "grammar/text/literals.hpp"
#include "grammar/text/timestamp.hpp"
#include "interpreter/eventlog/internal/byte_scan.hpp"

namespace afterflow::eventlog::json_input {

using grammar::parse_timestamp;
using stdlib::type_kind;
using stdlib::value;

namespace {

constexpr std::size_t chunk_bytes = 256;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

value* value_arena::allocate(std::size_t n) {
  while (current_ < chunks_.size()) {
    auto& c = chunks_[current_];
    if (c.size - c.used >= n) {
      value* out = c.items.get() + c.used;
      c.used += n;
      return out;
    }
    ++current_;
  }
  const auto size = std::max(chunk_bytes, n);
  chunks_.push_back({std::make_unique<value[]>(size), size, n});
  current_ = chunks_.size() - 1;
  return chunks_.back().items.get();
}

void value_arena::reset() {
  for (std::size_t i = 0; i <= current_ && i < chunks_.size(); ++i) chunks_[i].used = 0;
  current_ = 0;
}

std::size_t value_arena::capacity_bytes() const {
  std::size_t n = 0;
  for (const auto& c : chunks_) n += c.size * sizeof(value);
  return n;
}

std::string_view describe(od::json_type t, bool boolean_value) {
  switch (t) {
    case od::json_type::array: return "an array";
    case od::json_type::object: return "an object";
    case od::json_type::number: return "a number";
    case od::json_type::string: return "a string";
    case od::json_type::boolean: return boolean_value ? "`true`" : "`false`";
    case od::json_type::null: return "`null`";
  }
  return "a value";
}

std::string_view token_of(od::value& v) {
  auto token = v.raw_json_token();
  while (!token.empty() && is_space(token.back())) token.remove_suffix(1);
  return token;
}

std::size_t converter::capacity_bytes() const { return arena_.capacity_bytes() + stack_.capacity() * sizeof(value); }

std::string_view converter::unescaped_string(od::value& v, const char* at) {
  std::string_view out;
  if (auto e = v.get_string().get(out)) fail(e, at);
  return out;
}

std::string_view converter::unescaped_key(od::field& f, const char* at) {
  std::string_view out;
  if (auto e = f.unescaped_key().get(out)) fail(e, at);
  return out;
}

value converter::convert_other(od::value& v, std::string_view token) {
  switch (type_of_token(token)) {
    case od::json_type::boolean: {
      bool b = false;
      if (auto e = v.get_bool().get(b)) return fail(e);
      return value::boolean(b);
    }
    case od::json_type::null: {
      bool is_null = false;
      if (auto e = v.is_null().get(is_null)) return fail(e);
      if (!is_null) return fail(simdjson::N_ATOM_ERROR);
      return value::null();
    }
    case od::json_type::array: {
      od::array a;
      if (auto e = v.get_array().get(a)) return fail(e);
      return convert_array(a);
    }
    case od::json_type::object: (void)skip(v, token); return value::null();
    default: {
      double d = 0;
      if (auto e = v.get_double().get(d)) return fail(e, token.data());
      return value::number(d);
    }
  }
}

value converter::convert_array(od::array a) {
  nesting level(*this);
  if (!level.within_limit()) return value::null();
  const auto base = stack_.size();
  for (auto element : a) {
    if (element.error()) {
      stack_.resize(base);
      return fail(element.error());
    }
    const auto item = convert(element.value_unsafe());
    if (!ok()) {
      stack_.resize(base);
      return value::null();
    }
    stack_.push_back(item);
  }
  const auto n = stack_.size() - base;
  value* items = n == 0 ? nullptr : arena_.allocate(n);
  std::copy(stack_.begin() + static_cast<std::ptrdiff_t>(base), stack_.end(), items);
  stack_.resize(base);
  return value::list({items, n});
}

outcome narrow(const value& general, od::json_type json, stdlib::type_kind declared, value& out) {
  using stdlib::type_kind;
  out = general;
  if (json == od::json_type::null) return outcome::ok;
  switch (declared) {
    case type_kind::boolean: return json == od::json_type::boolean ? outcome::ok : outcome::wrong_type;
    case type_kind::number: return json == od::json_type::number ? outcome::ok : outcome::wrong_type;
    case type_kind::string: return json == od::json_type::string ? outcome::ok : outcome::wrong_type;
    case type_kind::list: return json == od::json_type::array ? outcome::ok : outcome::wrong_type;
    case type_kind::time: {
      if (json != od::json_type::string) return outcome::wrong_type;
      const auto t = parse_timestamp(general.as_string());
      if (!t) return outcome::bad_timestamp;
      out = value::time(*t);
      return outcome::ok;
    }
    case type_kind::duration: {
      if (json == od::json_type::number) {
        const double micros = std::round(general.as_number() * 1e6);
        if (!(std::abs(micros) < 9.2e18)) return outcome::bad_text;
        out = value::duration(grammar::duration(static_cast<std::int64_t>(micros)));
        return outcome::ok;
      }
      if (json != od::json_type::string) return outcome::wrong_type;
      auto s = general.as_string();
      const bool negative = !s.empty() && s.front() == '-';
      if (negative) s.remove_prefix(1);
      if (s.empty()) return outcome::bad_text;
      const auto parsed = grammar::parsing::duration_value(s);
      const auto* d = std::get_if<grammar::duration>(&parsed);
      if (d == nullptr || *d > std::chrono::seconds(9'000'000'000'000)) return outcome::bad_text;
      out = value::duration(negative ? -*d : *d);
      return outcome::ok;
    }
    case type_kind::time_of_day: {
      if (json != od::json_type::string) return outcome::wrong_type;
      const auto parsed = grammar::parsing::time_of_day_seconds(general.as_string());
      const auto* seconds = std::get_if<std::int32_t>(&parsed);
      if (seconds == nullptr) return outcome::bad_text;
      out = value::time_of_day(*seconds);
      return outcome::ok;
    }
    default: return outcome::ok;
  }
}

bool converter::skip(od::value& v, std::string_view token) {
  switch (type_of_token(token)) {
    case od::json_type::object: {
      nesting level(*this);
      if (!level.within_limit()) return false;
      od::object o;
      if (auto e = v.get_object().get(o)) return failed(e);
      for (auto field : o) {
        if (field.error()) return failed(field.error());
        auto& f = field.value_unsafe();
        (void)key(f);
        if (!ok() || !skip(f.value())) return false;
      }
      return true;
    }
    case od::json_type::array: {
      nesting level(*this);
      if (!level.within_limit()) return false;
      od::array a;
      if (auto e = v.get_array().get(a)) return failed(e);
      for (auto element : a) {
        if (element.error()) return failed(element.error());
        if (!skip(element.value_unsafe())) return false;
      }
      return true;
    }
    case od::json_type::string:
      // Stage 1 has checked the quotes and UTF-8; only escapes remain.
      (void)string(v, token);
      return ok();
    default: (void)convert(v, token); return ok();
  }
}

}  // namespace afterflow::eventlog::json_input
