// UCI Online Retail → afterflow events.
//
// One CSV line per invoice line. Lines are grouped by invoice (in the order
// invoices first appear); an invoice whose number starts with a digit is an
// order, with `C` a cancellation or return, with `A` a bad-debt adjustment
// (left out). Times are UK wall-clock and converted in Europe/London.

#include <algorithm>
#include <cctype>
#include <unordered_map>

#include <fmt/format.h>

#include "interpreter/eventlog/log_codes.hpp"
#include "interpreter/tools/internal/csv_reader.hpp"
#include "interpreter/tools/internal/event_buffer.hpp"

namespace afterflow::tools {

using eventlog::byte_source;
using eventlog::text_sink;
using runtime::time_zone;
using runtime::zone_cache;

namespace {

constexpr std::string_view shop_zone = "Europe/London";
constexpr std::string_view shop_currency = "GBP";

// Stock codes that are fees or adjustments, not products: they count in
// the total but neither in the items nor in the category.
constexpr std::array<std::string_view, 11> non_products{"POST", "DOT", "C2", "M", "BANK CHARGES", "AMAZONFEE", "CRUK",
                                                        "PADS", "D",   "S",  "B"};

// The category rule: the first keyword found in the description of the
// invoice's most valuable product line; "gifts" (the shop's trade) otherwise.
struct keyword_category {
  std::string_view keyword;
  std::string_view category;
};
constexpr std::array<keyword_category, 27> category_rules{{
    {"CHRISTMAS", "seasonal"},  {"EASTER", "seasonal"},    {"HALLOWEEN", "seasonal"},
    {"CANDLE", "home"},         {"T-LIGHT", "home"},       {"LANTERN", "home"},
    {"CUSHION", "home"},        {"FRAME", "home"},         {"CLOCK", "home"},
    {"MUG", "kitchen"},         {"CUP", "kitchen"},        {"PLATE", "kitchen"},
    {"BOWL", "kitchen"},        {"TEA", "kitchen"},        {"CAKE", "kitchen"},
    {"LUNCH", "kitchen"},       {"BAKING", "kitchen"},     {"BAG", "bags"},
    {"CARD", "stationery"},     {"WRAP", "stationery"},    {"PAPER", "stationery"},
    {"NOTEBOOK", "stationery"}, {"PENCIL", "stationery"},  {"TOY", "toys"},
    {"GAME", "toys"},           {"NECKLACE", "jewellery"}, {"GARDEN", "garden"},
}};

struct invoice_line {
  std::string sku;
  std::string description;
  double quantity = 0;
  double price = 0;
};

struct invoice {
  std::string number;
  std::string customer;
  std::string country;
  grammar::instant time{};
  std::vector<invoice_line> lines;
};

std::string_view category_of(std::string_view description) {
  std::string upper(description);
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  for (const auto& rule : category_rules) {
    if (upper.find(rule.keyword) != std::string::npos) return rule.category;
  }
  return "gifts";
}

bool is_product(std::string_view sku) {
  return std::find(non_products.begin(), non_products.end(), sku) == non_products.end();
}

// What an order or a return adds up to (returns have negative quantities).
struct invoice_totals {
  double total = 0;
  double items = 0;
  std::string_view category = "gifts";
  std::vector<std::string_view> skus;
};

invoice_totals totals_of(const std::vector<const invoice_line*>& lines) {
  invoice_totals t;
  double best = -1;
  for (const auto* l : lines) {
    const auto quantity = std::abs(l->quantity);
    t.total += quantity * l->price;
    if (!is_product(l->sku)) continue;
    t.items += quantity;
    if (std::find(t.skus.begin(), t.skus.end(), l->sku) == t.skus.end()) t.skus.push_back(l->sku);
    if (quantity * l->price > best) {
      best = quantity * l->price;
      t.category = category_of(l->description);
    }
  }
  t.total = round_cents(t.total);
  return t;
}

}  // namespace

convert_result convert_uci(std::unique_ptr<byte_source> input, const text_sink& write) {
  convert_result result;
  auto& stats = result.stats;
  for (const auto* name : {"csv_lines", "invoices", "customers", "order_placed", "order_returned", "refund_issued",
                           "lines_without_customer", "invoices_without_customer", "adjustment_invoices",
                           "negative_lines_without_c", "orders_without_lines"}) {
    stats.add(name, 0);
  }
  zone_cache zones;  // owns the zone for the whole conversion
  const time_zone* zone = zones.find(shop_zone);
  if (zone == nullptr) {
    result.error = grammar::make_file_error(eventlog::codes::cannot_read,
                                            fmt::format("the time zone database has no `{}`", shop_zone), "");
    return result;
  }
  csv_reader csv(std::move(input));
  const auto header = csv.next();
  if (!header) {
    result.error = csv.error()
                       ? *csv.error()
                       : grammar::make_file_error(eventlog::codes::missing_column, "the file is empty", csv.name());
    return result;
  }
  constexpr std::array<std::string_view, 8> column_names{"InvoiceNo",   "StockCode", "Description", "Quantity",
                                                         "InvoiceDate", "UnitPrice", "CustomerID",  "Country"};
  const auto columns = find_columns(*header, column_names, csv, result.error);
  if (!columns) return result;
  const auto& c = *columns;

  std::vector<invoice> invoices;
  std::unordered_map<std::string, std::size_t> index;  // looked up only, never iterated
  const auto bad = [&](std::string_view what, std::string_view text) {
    result.error = grammar::make_file_error(eventlog::codes::bad_csv_value, fmt::format("bad {} `{}`", what, text),
                                            csv.name(), csv.line());
    return result;
  };
  while (const auto record = csv.next()) {
    const auto& f = *record;
    stats.add("csv_lines");
    if (f.size() < column_names.size()) {
      result.error = grammar::make_file_error(
          eventlog::codes::malformed_csv, fmt::format("expected {} fields, found {}", column_names.size(), f.size()),
          csv.name(), csv.line());
      return result;
    }
    const auto number = f[c[0]];
    auto [it, added] = index.try_emplace(std::string(number), invoices.size());
    if (added) {
      invoice inv;
      inv.number = std::string(number);
      inv.customer = std::string(f[c[6]]);
      inv.country = std::string(f[c[7]]);
      const auto time = local_timestamp(f[c[4]], zone);
      if (!time) return bad("date and time", f[c[4]]);
      inv.time = *time;
      invoices.push_back(std::move(inv));
    }
    const auto quantity = parse_decimal(f[c[3]]);
    if (!quantity) return bad("quantity", f[c[3]]);
    const auto price = parse_decimal(f[c[5]]);
    if (!price) return bad("unit price", f[c[5]]);
    invoices[it->second].lines.push_back({std::string(f[c[1]]), std::string(f[c[2]]), *quantity, *price});
  }
  if (csv.error()) {
    result.error = *csv.error();
    return result;
  }

  event_buffer events;
  std::unordered_map<std::string, bool> customers;  // looked up only
  for (const auto& inv : invoices) {
    stats.add("invoices");
    const char kind = inv.number.empty() ? '?' : inv.number.front();
    if (kind == 'A') {
      stats.add("adjustment_invoices");
      continue;
    }
    if (inv.customer.empty()) {
      stats.add("invoices_without_customer");
      stats.add("lines_without_customer", inv.lines.size());
      continue;
    }
    std::vector<const invoice_line*> lines;
    for (const auto& l : inv.lines) {
      const bool negative = l.quantity < 0;
      if (kind != 'C' && negative) {
        stats.add("negative_lines_without_c");
        continue;
      }
      lines.push_back(&l);
    }
    if (lines.empty()) {
      stats.add("orders_without_lines");
      continue;
    }
    customers.try_emplace(inv.customer, true);
    const auto t = totals_of(lines);
    if (kind == 'C') {
      auto& w = events.begin(inv.time, inv.customer, "order_returned");
      w.key("order_id").string(inv.number).key("total").number(t.total).key("currency").string(shop_currency);
      w.key("category").string(t.category).key("reason").string("cancelled_or_returned");
      events.end();
      auto& r = events.begin(inv.time, inv.customer, "refund_issued");
      r.key("order_id").string(inv.number).key("amount").number(t.total).key("currency").string(shop_currency);
      events.end();
      continue;
    }
    auto& w = events.begin(inv.time, inv.customer, "order_placed");
    w.key("order_id").string(inv.number).key("total").number(t.total).key("currency").string(shop_currency);
    w.key("category").string(t.category).key("item_count").number(t.items);
    w.key("skus").begin_array();
    for (const auto sku : t.skus) w.string(sku);
    w.end_array();
    w.key("country").string(inv.country);
    events.end();
  }
  stats.add("customers", customers.size());
  events.write_sorted(write, stats);
  return result;
}

}  // namespace afterflow::tools
