#include "tests/eventlog/io_test_support.hpp"
#include "grammar/diagnostic_render.hpp"

#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <fstream>
#include <stdexcept>

#include "interpreter/ir/value_format.hpp"

namespace afterflow::eventlog::test_support {

using grammar::render_text;

using ir::append_value_json;
using ir::mapping_program;
using ir::symbol_table;
using stdlib::no_symbol;
using stdlib::type_kind;

test_program::test_program() {
  p.tags_symbol = sym("tags");
  p.timezone_symbol = sym("timezone");
}

test_program& test_program::declare(std::string_view event,
                                    std::initializer_list<std::pair<std::string_view, stdlib::type_kind>> fields) {
  const auto e = sym(event);
  if (p.fields_by_event.size() <= e) p.fields_by_event.resize(e + 1);
  for (const auto& [name, kind] : fields) p.fields_by_event[e].emplace_back(sym(name), kind);
  return *this;
}

test_program& test_program::reads(std::string_view event, std::initializer_list<std::string_view> properties) {
  const auto e = sym(event);
  if (p.properties_by_event.size() <= e) p.properties_by_event.resize(e + 1);
  for (const auto name : properties) p.properties_by_event[e].push_back(sym(name));
  return *this;
}

test_program& test_program::map(std::string_view external, std::string_view event,
                                std::initializer_list<std::pair<std::string_view, std::string_view>> renames) {
  mapping_program m;
  m.external_name = std::string(external);
  m.event = sym(event);
  for (const auto& [target, source] : renames) m.renames.emplace_back(sym(target), std::string(source));
  p.mappings.push_back(std::move(m));
  return *this;
}

void declare_ecommerce(test_program& t) {
  using stdlib::type_kind;
  for (const auto* order_event :
       {"order_placed", "order_paid", "order_shipped", "order_delivered", "order_cancelled", "order_returned"}) {
    t.declare(order_event, {{"order_id", type_kind::string},
                            {"total", type_kind::number},
                            {"currency", type_kind::string},
                            {"category", type_kind::string}});
  }
  t.declare("order_placed", {{"item_count", type_kind::number},
                             {"skus", type_kind::list},
                             {"coupon", type_kind::string},
                             {"days_of_supply", type_kind::number}});
  t.declare("order_paid", {{"payment_method", type_kind::string}});
  t.declare("order_shipped", {{"carrier", type_kind::string},
                              {"tracking_number", type_kind::string},
                              {"tracking_url", type_kind::string},
                              {"estimated_delivery", type_kind::time}});
  t.declare("order_delivered", {{"late", type_kind::boolean}});
  t.declare("order_cancelled", {{"reason", type_kind::string}});
  t.declare("order_returned", {{"reason", type_kind::string}});
  t.declare("refund_issued",
            {{"order_id", type_kind::string}, {"amount", type_kind::number}, {"currency", type_kind::string}});
  t.declare("order_status_viewed", {{"order_id", type_kind::string}});
  t.declare("review_submitted", {{"order_id", type_kind::string},
                                 {"score", type_kind::number},
                                 {"product_id", type_kind::string},
                                 {"text", type_kind::string}});
  t.declare("nps_submitted", {{"score", type_kind::number}, {"comment", type_kind::string}});
  t.declare("csat_submitted", {{"score", type_kind::number}, {"ticket_id", type_kind::string}});
  t.declare("support_ticket_opened",
            {{"ticket_id", type_kind::string}, {"order_id", type_kind::string}, {"topic", type_kind::string}});
  t.declare("support_ticket_closed",
            {{"ticket_id", type_kind::string}, {"order_id", type_kind::string}, {"resolution", type_kind::string}});
}

owned_record own(const log_record& r, const symbol_table& symbols) {
  owned_record o;
  o.kind = r.kind;
  o.time = r.time;
  o.customer = std::string(r.customer);
  o.event = r.event == no_symbol ? "" : std::string(symbols.name(r.event));
  for (const auto& e : r.properties) {
    std::string text(symbols.name(e.name));
    text += '=';
    append_value_json(text, e.data);
    if (e.data.is(type_kind::time)) text += "(time)";
    if (e.data.is(type_kind::duration)) text += "(duration)";
    if (e.data.is(type_kind::time_of_day)) text += "(time_of_day)";
    o.properties.push_back(std::move(text));
  }
  o.line = r.line;
  return o;
}

read_all_result read_all(event_log_reader reader, const symbol_table& symbols) {
  read_all_result result;
  while (const auto r = reader.next()) result.records.push_back(own(*r, symbols));
  if (reader.error()) result.error = render_text(*reader.error());
  result.counts = reader.counts();
  return result;
}

read_all_result read_text(std::string_view text, test_program& t, event_log_options options) {
  return read_all(event_log_reader::from_text("events.jsonl", text, t.p, t.names(), options), t.names());
}

temp_file::temp_file(std::string_view suffix) {
  static std::atomic<int> counter{0};
  path_ = (std::filesystem::temp_directory_path() /
           ("afterflow_io_" + std::to_string(::getpid()) + "_" + std::to_string(counter++) + std::string(suffix)))
              .string();
}

temp_file::~temp_file() {
  std::error_code ignored;
  std::filesystem::remove(path_, ignored);
}

void temp_file::write(std::string_view bytes) const {
  std::ofstream out(path_, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + path_);
}

std::string gzip(std::string_view bytes) {
  z_stream zs{};
  if (deflateInit2(&zs, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw std::runtime_error("deflateInit2");
  }
  std::string out(deflateBound(&zs, static_cast<uLong>(bytes.size())), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  zs.avail_in = static_cast<uInt>(bytes.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  if (deflate(&zs, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("deflate");
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

std::filesystem::path shared_data() {
  return std::filesystem::path(AFTERFLOW_SOURCE_DIR).parent_path() / "shared" / "data";
}

}  // namespace afterflow::eventlog::test_support
