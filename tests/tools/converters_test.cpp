// Converters from real shop exports: small inline samples with exact
// output, then the real datasets (skipped when ../shared/data is absent).
#include "grammar/diagnostic_render.hpp"
#include "interpreter/tools/convert.hpp"

#include <map>

#include <gtest/gtest.h>

#include "interpreter/eventlog/event_log_reader.hpp"
#include "tests/eventlog/io_test_support.hpp"

namespace afterflow::tools {

using eventlog::event_log_reader;
using eventlog::memory_input;
using eventlog::open_input;
using eventlog::opened_input;
using grammar::render_text;

namespace {

using lines = std::vector<std::string>;

struct converted {
  lines output;
  std::string error;
  convert_stats stats;
};

converted finish(convert_result r, const std::string& text) {
  converted c;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    c.output.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  if (r.error) c.error = render_text(*r.error);
  c.stats = std::move(r.stats);
  return c;
}

converted run_uci(std::string_view csv) {
  std::string text;
  auto r = convert_uci(memory_input("retail.csv", csv), [&](std::string_view s) { text += s; });
  return finish(std::move(r), text);
}

converted run_cdnow(std::string_view data) {
  std::string text;
  auto r = convert_cdnow(memory_input("cdnow.txt", data), [&](std::string_view s) { text += s; });
  return finish(std::move(r), text);
}

converted run_olist(const std::map<std::string, std::string>& tables) {
  std::string text;
  const table_opener open = [&](const std::string& name) {
    opened_input in;
    const auto it = tables.find(name);
    if (it == tables.end()) {
      in.error = grammar::make_file_error("E1020", "cannot open `" + name + "`", name);
    } else {
      in.source = memory_input(name, it->second);
    }
    return in;
  };
  auto r = convert_olist(open, [&](std::string_view s) { text += s; });
  return finish(std::move(r), text);
}

TEST(uci_converter, converts_invoices) {
  const auto c = run_uci(
      R"("InvoiceNo","StockCode","Description","Quantity","InvoiceDate","UnitPrice","CustomerID","Country")"
      "\n"
      R"("536365","85123A","WHITE HANGING HEART T-LIGHT HOLDER","6","2010-12-01 08:26:00","2.55","17850","United Kingdom")"
      "\n"
      R"("536365","71053","WHITE METAL LANTERN","6","2010-12-01 08:26:00","3.39","17850","United Kingdom")"
      "\n"
      R"("536366","22633","HAND WARMER UNION JACK","6","2011-06-01 08:28:00","1.85","","United Kingdom")"
      "\n"
      R"("C536379","D","Discount","-1","2011-06-01 09:41:00","27.5","14527","United Kingdom")"
      "\n"
      R"("536380","22961","JAM MAKING SET PRINTED","-24","2010-12-01 09:45:00","1.45","","United Kingdom")"
      "\n"
      R"("A563185","B","Adjust bad debt","1","2011-08-12 14:50:00","11062.06","","United Kingdom")"
      "\n"
      R"("536381","POST","POSTAGE","1","2011-06-02 10:00:00","18","12583","France")"
      "\n"
      R"("536381","22726","ALARM CLOCK BAKELIKE GREEN","4","2011-06-02 10:00:00","3.75","12583","France")"
      "\n"
      R"("536382","22726","ALARM CLOCK BAKELIKE GREEN","-2","2011-06-03 10:00:00","3.75","12583","France")"
      "\n"
      R"("536382","22727","ALARM CLOCK BAKELIKE RED","2","2011-06-03 10:00:00","3.75","12583","France")"
      "\n");
  ASSERT_EQ(c.error, "");
  EXPECT_EQ(
      c.output,
      (lines{
          R"({"time":"2010-12-01T08:26:00Z","customer":"17850","event":"order_placed","props":{"order_id":"536365","total":35.64,"currency":"GBP","category":"home","item_count":12,"skus":["85123A","71053"],"country":"United Kingdom"}})",
          // British summer time: 09:41 in London is 08:41 UTC.
          R"({"time":"2011-06-01T08:41:00Z","customer":"14527","event":"order_returned","props":{"order_id":"C536379","total":27.5,"currency":"GBP","category":"gifts","reason":"cancelled_or_returned"}})",
          R"({"time":"2011-06-01T08:41:00Z","customer":"14527","event":"refund_issued","props":{"order_id":"C536379","amount":27.5,"currency":"GBP"}})",
          R"({"time":"2011-06-02T09:00:00Z","customer":"12583","event":"order_placed","props":{"order_id":"536381","total":33,"currency":"GBP","category":"home","item_count":4,"skus":["22726"],"country":"France"}})",
          R"({"time":"2011-06-03T09:00:00Z","customer":"12583","event":"order_placed","props":{"order_id":"536382","total":7.5,"currency":"GBP","category":"home","item_count":2,"skus":["22727"],"country":"France"}})",
      }));
  EXPECT_EQ(c.stats.counts, (std::vector<std::pair<std::string, std::uint64_t>>{
                                {"csv_lines", 10},
                                {"invoices", 7},
                                {"customers", 3},
                                {"order_placed", 3},
                                {"order_returned", 1},
                                {"refund_issued", 1},
                                {"lines_without_customer", 2},
                                {"invoices_without_customer", 2},
                                {"adjustment_invoices", 1},
                                {"negative_lines_without_c", 1},
                                {"orders_without_lines", 0},
                            }));
}

TEST(uci_converter, reports_bad_values_and_missing_columns) {
  EXPECT_EQ(run_uci("\"InvoiceNo\",\"Quantity\"\n").error,
            "error[E1031]: missing column `StockCode`\n --> retail.csv:1\n");
  const auto c =
      run_uci(R"("InvoiceNo","StockCode","Description","Quantity","InvoiceDate","UnitPrice","CustomerID","Country")"
              "\n"
              R"("1","a","b","six","2010-12-01 08:26:00","2.55","1","UK")"
              "\n");
  EXPECT_EQ(c.error, "error[E1032]: bad quantity `six`\n --> retail.csv:2\n");
}

TEST(olist_converter, converts_orders_and_reviews) {
  const std::map<std::string, std::string> tables{
      {"olist_orders_dataset.csv",
       "order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at,order_delivered_carrier_date,"
       "order_delivered_customer_date,order_estimated_delivery_date\n"
       "o1,k1,delivered,2017-10-02 10:56:33,2017-10-02 11:07:15,2017-10-04 19:55:00,2017-10-10 21:25:13,2017-10-18 "
       "00:00:00\n"
       "o2,k2,canceled,2018-02-13 21:18:39,2018-02-13 22:20:29,,,2018-03-09 00:00:00\n"
       "o3,k3,delivered,2018-01-01 10:00:00,2018-01-01 10:10:00,2018-01-02 10:00:00,2018-01-20 12:00:00,2018-01-15 "
       "00:00:00\n"},
      {"olist_customers_dataset.csv",
       "customer_id,customer_unique_id,customer_zip_code_prefix,customer_city,customer_state\n"
       "k1,u1,1,a,SP\nk2,u2,2,b,RJ\nk3,u1,1,a,SP\n"},
      {"olist_order_items_dataset.csv",
       "order_id,order_item_id,product_id,seller_id,shipping_limit_date,price,freight_value\n"
       "o1,1,p1,s,2017-10-06 11:07:15,29.99,8.72\n"
       "o1,2,p2,s,2017-10-06 11:07:15,99.90,10.00\n"
       "o2,1,p2,s,2018-02-19 22:20:29,99.90,10.00\n"
       "o3,1,p3,s,2018-01-05 10:10:00,10.00,5.00\n"},
      {"olist_products_dataset.csv",
       "product_id,product_category_name,product_name_lenght\np1,beleza_saude,10\np2,moveis_decoracao,20\np3,,5\n"},
      {"product_category_name_translation.csv",
       "product_category_name,product_category_name_english\nbeleza_saude,health_beauty\nmoveis_decoracao,furniture_"
       "decor\n"},
      {"olist_order_payments_dataset.csv",
       "order_id,payment_sequential,payment_type,payment_installments,payment_value\n"
       "o1,2,voucher,1,10\no1,1,credit_card,3,138.61\no3,1,boleto,1,15\n"},
      {"olist_order_reviews_dataset.csv",
       "review_id,order_id,review_score,review_comment_title,review_comment_message,review_creation_date,"
       "review_answer_timestamp\n"
       "r1,o1,4,,\"Chegou antes do prazo.\r\nRecomendo\",2017-10-11 00:00:00,2017-10-12 03:43:48\r\n"
       "r2,o3,1,,,2018-01-21 00:00:00,2018-01-22 10:00:00\r\n"
       "r3,o9,5,,,2018-01-21 00:00:00,2018-01-22 10:00:00\r\n"},
  };
  const auto c = run_olist(tables);
  ASSERT_EQ(c.error, "");
  // Sao Paulo was on UTC-3, and on UTC-2 from 2017-10-15 to 2018-02-18.
  EXPECT_EQ(
      c.output,
      (lines{
          R"({"time":"2017-10-02T13:56:33Z","customer":"u1","event":"order_placed","props":{"order_id":"o1","total":148.61,"currency":"BRL","category":"furniture_decor","item_count":2,"skus":["p1","p2"]}})",
          R"({"time":"2017-10-02T14:07:15Z","customer":"u1","event":"order_paid","props":{"order_id":"o1","total":148.61,"currency":"BRL","category":"furniture_decor","payment_method":"credit_card"}})",
          R"({"time":"2017-10-04T22:55:00Z","customer":"u1","event":"order_shipped","props":{"order_id":"o1","total":148.61,"currency":"BRL","category":"furniture_decor","estimated_delivery":"2017-10-18T02:00:00Z"}})",
          R"({"time":"2017-10-11T00:25:13Z","customer":"u1","event":"order_delivered","props":{"order_id":"o1","total":148.61,"currency":"BRL","category":"furniture_decor","late":false}})",
          R"({"time":"2017-10-12T06:43:48Z","customer":"u1","event":"review_submitted","props":{"order_id":"o1","score":4,"text":"Chegou antes do prazo.\r\nRecomendo"}})",
          R"({"time":"2018-01-01T12:00:00Z","customer":"u1","event":"order_placed","props":{"order_id":"o3","total":15,"currency":"BRL","category":"other","item_count":1,"skus":["p3"]}})",
          R"({"time":"2018-01-01T12:10:00Z","customer":"u1","event":"order_paid","props":{"order_id":"o3","total":15,"currency":"BRL","category":"other","payment_method":"boleto"}})",
          R"({"time":"2018-01-02T12:00:00Z","customer":"u1","event":"order_shipped","props":{"order_id":"o3","total":15,"currency":"BRL","category":"other","estimated_delivery":"2018-01-15T02:00:00Z"}})",
          R"({"time":"2018-01-20T14:00:00Z","customer":"u1","event":"order_delivered","props":{"order_id":"o3","total":15,"currency":"BRL","category":"other","late":true}})",
          R"({"time":"2018-01-22T12:00:00Z","customer":"u1","event":"review_submitted","props":{"order_id":"o3","score":1}})",
          R"({"time":"2018-02-13T23:18:39Z","customer":"u2","event":"order_placed","props":{"order_id":"o2","total":109.9,"currency":"BRL","category":"furniture_decor","item_count":1,"skus":["p2"]}})",
          R"({"time":"2018-02-14T00:20:29Z","customer":"u2","event":"order_paid","props":{"order_id":"o2","total":109.9,"currency":"BRL","category":"furniture_decor"}})",
          R"({"time":"2018-02-14T00:20:29Z","customer":"u2","event":"order_cancelled","props":{"order_id":"o2","total":109.9,"currency":"BRL","category":"furniture_decor","reason":"canceled"}})",
      }));
  EXPECT_EQ(c.stats.count("orders"), 3U);
  EXPECT_EQ(c.stats.count("customers"), 2U);
  EXPECT_EQ(c.stats.count("reviews"), 3U);
  EXPECT_EQ(c.stats.count("reviews_without_order"), 1U);
  EXPECT_EQ(c.stats.count("order_cancelled"), 1U);
}

TEST(olist_converter, reports_a_missing_table) {
  const auto c = run_olist({});
  EXPECT_EQ(c.error,
            "error[E1020]: cannot open `product_category_name_translation.csv`\n"
            " --> product_category_name_translation.csv\n");
}

TEST(cdnow_converter, converts_purchases) {
  const auto c = run_cdnow(
      "customer_id date number_of_cds dollar_value\r\n"
      " 00001 19970101 1 11.77\r\n"
      " 00002 19970112 1 12.00\r\n"
      " 00002 19970112 5 77.00\r\n"
      " 00003 19970102 2 20.76\r\n");
  ASSERT_EQ(c.error, "");
  EXPECT_EQ(
      c.output,
      (lines{
          R"({"time":"1997-01-01T12:00:00Z","customer":"00001","event":"order_placed","props":{"order_id":"cdnow-00001-1","total":11.77,"currency":"USD","category":"music","item_count":1}})",
          R"({"time":"1997-01-02T12:00:00Z","customer":"00003","event":"order_placed","props":{"order_id":"cdnow-00003-1","total":20.76,"currency":"USD","category":"music","item_count":2}})",
          R"({"time":"1997-01-12T12:00:00Z","customer":"00002","event":"order_placed","props":{"order_id":"cdnow-00002-1","total":12,"currency":"USD","category":"music","item_count":1}})",
          R"({"time":"1997-01-12T12:00:00Z","customer":"00002","event":"order_placed","props":{"order_id":"cdnow-00002-2","total":77,"currency":"USD","category":"music","item_count":5}})",
      }));
  EXPECT_EQ(c.stats.count("purchases"), 4U);
  EXPECT_EQ(c.stats.count("customers"), 3U);
}

TEST(cdnow_converter, reports_a_bad_date) {
  EXPECT_EQ(run_cdnow("00001 19971301 1 11.77\n").error, "error[E1032]: bad date `19971301`\n --> cdnow.txt:1\n");
}

// ---- the real datasets -------------------------------------------------------

bool have(const std::filesystem::path& p) { return std::filesystem::exists(p); }

// Reads a converted log back: it must be valid input, in time order.
std::uint64_t read_back(const std::string& text) {
  eventlog::test_support::test_program t;
  eventlog::test_support::declare_ecommerce(t);
  t.p.reads_all_properties = true;
  auto reader = event_log_reader::from_text("converted.jsonl", text, t.p, t.names());
  std::uint64_t n = 0;
  while (reader.next()) ++n;
  EXPECT_FALSE(reader.error()) << render_text(*reader.error());
  return n;
}

TEST(real_data, uci_online_retail) {
  const auto path = eventlog::test_support::shared_data() / "uci-online-retail" / "online_retail.csv.xz";
  if (!have(path)) GTEST_SKIP() << "needs " << path;
  auto in = open_input(path.string());
  ASSERT_FALSE(in.error);
  std::string text;
  const auto r = convert_uci(std::move(in.source), [&](std::string_view s) { text += s; });
  ASSERT_FALSE(r.error) << render_text(*r.error);
  EXPECT_EQ(r.stats.count("csv_lines"), 541'909U);
  EXPECT_EQ(r.stats.count("invoices"), 25'900U);
  EXPECT_EQ(r.stats.count("order_placed"), 18'536U);  // invoices with a customer
  EXPECT_EQ(r.stats.count("customers"), 4'372U);
  EXPECT_EQ(r.stats.count("adjustment_invoices"), 3U);
  EXPECT_EQ(r.stats.count("lines_without_customer") + 3, 135'080U);  // the README counts the A lines too
  EXPECT_EQ(read_back(text), 18'536U + 2 * r.stats.count("order_returned"));
}

TEST(real_data, olist_sample) {
  const auto dir = eventlog::test_support::shared_data() / "olist-sample";
  if (!have(dir)) GTEST_SKIP() << "needs " << dir;
  std::string text;
  const auto r = convert_olist(directory_tables(dir.string()), [&](std::string_view s) { text += s; });
  ASSERT_FALSE(r.error) << render_text(*r.error);
  EXPECT_EQ(r.stats.count("orders"), 8'135U);
  EXPECT_EQ(r.stats.count("order_placed"), 8'135U);
  EXPECT_EQ(r.stats.count("order_cancelled"), 625U + 609U);  // canceled + unavailable
  EXPECT_EQ(r.stats.count("orders_without_customer"), 0U);
  EXPECT_EQ(r.stats.count("reviews_without_order"), 0U);
  EXPECT_GT(r.stats.count("review_submitted"), 8'000U);
  EXPECT_EQ(read_back(text), r.stats.count("order_placed") + r.stats.count("order_paid") +
                                 r.stats.count("order_shipped") + r.stats.count("order_delivered") +
                                 r.stats.count("order_cancelled") + r.stats.count("review_submitted"));
}

TEST(real_data, cdnow) {
  const auto path = eventlog::test_support::shared_data() / "cdnow" / "CDNOW_master.txt.xz";
  if (!have(path)) GTEST_SKIP() << "needs " << path;
  auto in = open_input(path.string());
  ASSERT_FALSE(in.error);
  std::string text;
  const auto r = convert_cdnow(std::move(in.source), [&](std::string_view s) { text += s; });
  ASSERT_FALSE(r.error) << render_text(*r.error);
  EXPECT_EQ(r.stats.count("purchases"), 69'659U);
  EXPECT_EQ(r.stats.count("customers"), 23'570U);
  EXPECT_EQ(read_back(text), 69'659U);
}

}  // namespace
}  // namespace afterflow::tools
