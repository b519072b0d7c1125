#include "interpreter/eventlog/action_writer.hpp"

#include "grammar/text/json_writer.hpp"
#include "grammar/text/timestamp.hpp"
#include "interpreter/ir/value_format.hpp"

namespace afterflow::eventlog {

using grammar::append_json_string;
using grammar::append_timestamp;
using ir::append_value_json;
using ir::symbol_table;
using runtime::action;
using runtime::send_status;

namespace {

void quoted_time(std::string& out, grammar::instant t) {
  out.push_back('"');
  append_timestamp(out, t);
  out.push_back('"');
}

}  // namespace

void append_action_json(std::string& out, const action& a, const symbol_table& symbols) {
  out += "{\"time\":";
  quoted_time(out, a.time);
  out += R"(,"customer":)";
  append_json_string(out, a.customer);
  out += R"(,"flow":)";
  append_json_string(out, a.flow);
  out += R"(,"run":)";
  append_json_string(out, a.run);
  out += R"(,"step":)";
  append_json_string(out, a.step);
  out += R"(,"channel":)";
  append_json_string(out, a.channel);
  out += R"(,"template":)";
  append_json_string(out, a.template_name);
  out += R"(,"params":)";
  out.push_back('{');
  bool first = true;
  for (const auto& p : a.params) {
    if (!first) out.push_back(',');
    first = false;
    append_json_string(out, p.name < symbols.size() ? symbols.name(p.name) : std::string_view());
    out.push_back(':');
    append_value_json(out, p.data);
  }
  out.push_back('}');
  out += R"(,"status":)";
  out += a.status == send_status::sent ? "\"sent\"" : "\"suppressed\"";
  if (a.status == send_status::suppressed) {
    out += R"(,"reason":)";
    append_json_string(out, a.reason);
  }
  if (a.deferred_from) {
    out += R"(,"deferred_from":)";
    quoted_time(out, *a.deferred_from);
  }
  if (!a.splits.empty()) {
    out += R"(,"splits":)";
    out.push_back('{');
    first = true;
    for (const auto& s : a.splits) {
      if (!first) out.push_back(',');
      first = false;
      append_json_string(out, s.split);
      out.push_back(':');
      append_json_string(out, s.arm);
    }
    out.push_back('}');
  }
  out += "}\n";
}

action_writer::action_writer(std::FILE* out, std::size_t buffer) : file_(out), limit_(buffer) {
  buffer_.reserve(buffer + 1024);
}

action_writer::action_writer(std::ostream& out, std::size_t buffer) : stream_(&out), limit_(buffer) {
  buffer_.reserve(buffer + 1024);
}

action_writer::~action_writer() { (void)flush(); }

void action_writer::on_action(const action& a, const symbol_table& symbols) {
  append_action_json(buffer_, a, symbols);
  ++count_;
  if (buffer_.size() >= limit_) (void)flush();
}

bool action_writer::flush() {
  if (!buffer_.empty() && ok_) {
    if (file_ != nullptr) {
      ok_ = std::fwrite(buffer_.data(), 1, buffer_.size(), file_) == buffer_.size() && std::fflush(file_) == 0;
    } else if (stream_ != nullptr) {
      stream_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
      stream_->flush();
      ok_ = static_cast<bool>(*stream_);
    }
  }
  buffer_.clear();
  return ok_;
}

}  // namespace afterflow::eventlog
