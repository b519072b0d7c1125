// Olist (Brazilian e-commerce) → afterflow events.
//
// The orders table drives the conversion; customers, items, products (with
// the category translation) and payments are joined to it by id, reviews
// are joined to their order. Each timestamp an order has becomes an event:
// purchase → order_placed, approval → order_paid, carrier handoff →
// order_shipped, delivery → order_delivered (late when delivered on a day
// after the estimated date); a `canceled` or `unavailable` order ends with
// order_cancelled at its latest known timestamp. Times are naive Brazilian
// local times, converted in America/Sao_Paulo. The customer is
// customer_unique_id (customer_id differs per order).

#include <algorithm>
#include <unordered_map>

#include <fmt/format.h>

#include "grammar/text/timestamp.hpp"
#include "interpreter/eventlog/log_codes.hpp"
#include "interpreter/tools/internal/csv_reader.hpp"
#include "interpreter/tools/internal/event_buffer.hpp"

namespace afterflow::tools {

using eventlog::text_sink;
using grammar::append_timestamp;
using grammar::json_writer;
using runtime::time_zone;
using runtime::zone_cache;

namespace {

constexpr std::string_view shop_zone = "America/Sao_Paulo";
constexpr std::string_view shop_currency = "BRL";

struct item {
  std::string product;
  double price = 0;
  double freight = 0;
};

using string_map = std::unordered_map<std::string, std::string>;  // looked up only, never iterated

// Reads a table, calling `row` with the wanted columns of every record.
template <std::size_t N, typename Row>
bool read_table(const table_opener& tables, const std::string& name, const std::array<std::string_view, N>& wanted,
                convert_result& result, Row&& row) {
  auto opened = tables(name);
  if (opened.error) {
    result.error = std::move(opened.error);
    return false;
  }
  csv_reader csv(std::move(opened.source));
  const auto header = csv.next();
  if (!header) {
    result.error = csv.error()
                       ? *csv.error()
                       : grammar::make_file_error(eventlog::codes::missing_column, "the file is empty", csv.name());
    return false;
  }
  const auto columns = find_columns(*header, wanted, csv, result.error);
  if (!columns) return false;
  std::array<std::string_view, N> values;
  while (const auto record = csv.next()) {
    const auto& f = *record;
    for (std::size_t i = 0; i < N; ++i) {
      const auto at = (*columns)[i];
      if (at >= f.size()) {
        result.error = grammar::make_file_error(eventlog::codes::malformed_csv,
                                                fmt::format("expected {} fields, found {}", header->size(), f.size()),
                                                csv.name(), csv.line());
        return false;
      }
      values[i] = f[at];
    }
    if (!row(values, csv)) return false;
  }
  if (csv.error()) {
    result.error = *csv.error();
    return false;
  }
  return true;
}

}  // namespace

convert_result convert_olist(const table_opener& tables, const text_sink& write) {
  convert_result result;
  auto& stats = result.stats;
  for (const auto* name : {"orders", "items", "reviews", "customers", "order_placed", "order_paid", "order_shipped",
                           "order_delivered", "order_cancelled", "review_submitted", "orders_without_customer",
                           "reviews_without_order", "reviews_without_answer"}) {
    stats.add(name, 0);
  }
  zone_cache zones;  // owns the zone for the whole conversion
  const time_zone* zone = zones.find(shop_zone);
  if (zone == nullptr) {
    result.error = grammar::make_file_error(eventlog::codes::cannot_read,
                                            fmt::format("the time zone database has no `{}`", shop_zone), "");
    return result;
  }
  const auto bad = [&](const csv_reader& csv, std::string_view what, std::string_view text) {
    result.error = grammar::make_file_error(eventlog::codes::bad_csv_value, fmt::format("bad {} `{}`", what, text),
                                            csv.name(), csv.line());
    return false;
  };
  // An optional naive local time; `ok` turns false on a malformed one.
  const auto time_of = [&](std::string_view text, const csv_reader& csv, bool& ok) -> std::optional<grammar::instant> {
    if (text.empty()) return std::nullopt;
    const auto t = local_timestamp(text, zone);
    if (!t) ok = bad(csv, "date and time", text);
    return t;
  };

  string_map english;
  if (!read_table(tables, "product_category_name_translation.csv",
                  std::array<std::string_view, 2>{"product_category_name", "product_category_name_english"}, result,
                  [&](const auto& v, const csv_reader&) {
                    english.emplace(v[0], v[1]);
                    return true;
                  })) {
    return result;
  }
  string_map category;  // product → English category
  if (!read_table(
          tables, "olist_products_dataset.csv", std::array<std::string_view, 2>{"product_id", "product_category_name"},
          result, [&](const auto& v, const csv_reader&) {
            const auto it = english.find(std::string(v[1]));
            category.emplace(v[0], it != english.end() ? it->second : v[1].empty() ? "other" : std::string(v[1]));
            return true;
          })) {
    return result;
  }
  string_map person;  // customer_id → customer_unique_id
  if (!read_table(tables, "olist_customers_dataset.csv",
                  std::array<std::string_view, 2>{"customer_id", "customer_unique_id"}, result,
                  [&](const auto& v, const csv_reader&) {
                    person.emplace(v[0], v[1]);
                    return true;
                  })) {
    return result;
  }
  std::unordered_map<std::string, std::vector<item>> items;  // by order; looked up only
  if (!read_table(tables, "olist_order_items_dataset.csv",
                  std::array<std::string_view, 4>{"order_id", "product_id", "price", "freight_value"}, result,
                  [&](const auto& v, const csv_reader& csv) {
                    const auto price = parse_decimal(v[2]);
                    if (!price) return bad(csv, "price", v[2]);
                    const auto freight = parse_decimal(v[3]);
                    if (!freight) return bad(csv, "freight value", v[3]);
                    items[std::string(v[0])].push_back({std::string(v[1]), *price, *freight});
                    stats.add("items");
                    return true;
                  })) {
    return result;
  }
  // The first payment (lowest payment_sequential) gives the method.
  std::unordered_map<std::string, std::pair<double, std::string>> payment;  // looked up only
  if (!read_table(tables, "olist_order_payments_dataset.csv",
                  std::array<std::string_view, 3>{"order_id", "payment_sequential", "payment_type"}, result,
                  [&](const auto& v, const csv_reader& csv) {
                    const auto sequential = parse_decimal(v[1]);
                    if (!sequential) return bad(csv, "payment_sequential", v[1]);
                    auto [it, added] = payment.try_emplace(std::string(v[0]), *sequential, std::string(v[2]));
                    if (!added && *sequential < it->second.first) it->second = {*sequential, std::string(v[2])};
                    return true;
                  })) {
    return result;
  }

  event_buffer events;
  string_map order_customer;                     // order_id → customer_unique_id, for the reviews
  std::unordered_map<std::string, bool> people;  // looked up only
  if (!read_table(
          tables, "olist_orders_dataset.csv",
          std::array<std::string_view, 8>{"order_id", "customer_id", "order_status", "order_purchase_timestamp",
                                          "order_approved_at", "order_delivered_carrier_date",
                                          "order_delivered_customer_date", "order_estimated_delivery_date"},
          result, [&](const auto& v, const csv_reader& csv) {
            stats.add("orders");
            const auto who = person.find(std::string(v[1]));
            if (who == person.end()) {
              stats.add("orders_without_customer");
              return true;
            }
            const auto& customer = who->second;
            bool ok = true;
            const auto placed = time_of(v[3], csv, ok);
            const auto paid = time_of(v[4], csv, ok);
            const auto shipped = time_of(v[5], csv, ok);
            const auto delivered = time_of(v[6], csv, ok);
            const auto estimated = time_of(v[7], csv, ok);
            if (!ok) return false;
            if (!placed) return bad(csv, "order_purchase_timestamp", v[3]);
            people.try_emplace(customer, true);
            order_customer.emplace(v[0], customer);

            const std::string order_id(v[0]);
            double total = 0;
            std::string_view top_category = "other";
            double top_price = -1;
            std::vector<std::string_view> products;
            if (const auto it = items.find(order_id); it != items.end()) {
              for (const auto& i : it->second) {
                total += i.price + i.freight;
                products.push_back(i.product);
                if (i.price > top_price) {
                  top_price = i.price;
                  const auto c = category.find(i.product);
                  top_category = c != category.end() ? std::string_view(c->second) : "other";
                }
              }
            }
            total = round_cents(total);
            const auto common = [&](json_writer& w) {
              w.key("order_id").string(order_id).key("total").number(total).key("currency").string(shop_currency);
              w.key("category").string(top_category);
            };
            {
              auto& w = events.begin(*placed, customer, "order_placed");
              common(w);
              w.key("item_count").number(static_cast<double>(products.size()));
              w.key("skus").begin_array();
              for (const auto p : products) w.string(p);
              w.end_array();
              events.end();
            }
            if (paid) {
              auto& w = events.begin(*paid, customer, "order_paid");
              common(w);
              if (const auto p = payment.find(order_id); p != payment.end()) {
                w.key("payment_method").string(p->second.second);
              }
              events.end();
            }
            if (shipped) {
              auto& w = events.begin(*shipped, customer, "order_shipped");
              common(w);
              if (estimated) {
                std::string text;
                append_timestamp(text, *estimated);
                w.key("estimated_delivery").string(text);
              }
              events.end();
            }
            if (delivered) {
              auto& w = events.begin(*delivered, customer, "order_delivered");
              common(w);
              // Late: delivered on a later local day than the estimated date.
              if (estimated) w.key("late").boolean(v[6].substr(0, 10) > v[7].substr(0, 10));
              events.end();
            }
            if (v[2] == "canceled" || v[2] == "unavailable") {
              const auto at =
                  std::max({*placed, paid.value_or(*placed), shipped.value_or(*placed), delivered.value_or(*placed)});
              auto& w = events.begin(at, customer, "order_cancelled");
              common(w);
              w.key("reason").string(v[2]);
              events.end();
            }
            return true;
          })) {
    return result;
  }
  if (!read_table(tables, "olist_order_reviews_dataset.csv",
                  std::array<std::string_view, 4>{"order_id", "review_score", "review_comment_message",
                                                  "review_answer_timestamp"},
                  result, [&](const auto& v, const csv_reader& csv) {
                    stats.add("reviews");
                    const auto who = order_customer.find(std::string(v[0]));
                    if (who == order_customer.end()) {
                      stats.add("reviews_without_order");
                      return true;
                    }
                    bool ok = true;
                    const auto answered = time_of(v[3], csv, ok);
                    if (!ok) return false;
                    if (!answered) {
                      stats.add("reviews_without_answer");
                      return true;
                    }
                    const auto score = parse_decimal(v[1]);
                    if (!score) return bad(csv, "review_score", v[1]);
                    auto& w = events.begin(*answered, who->second, "review_submitted");
                    w.key("order_id").string(v[0]).key("score").number(*score);
                    if (!v[2].empty()) w.key("text").string(v[2]);
                    events.end();
                    return true;
                  })) {
    return result;
  }
  stats.add("customers", people.size());
  events.write_sorted(write, stats);
  return result;
}

}  // namespace afterflow::tools
