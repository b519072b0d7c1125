#include "interpreter/runtime/internal/customer_table.hpp"

#include <string>

#include <gtest/gtest.h>

namespace afterflow::runtime {
namespace {

TEST(customer_table, indices_in_first_seen_order) {
  customer_table t;
  bool added = false;
  EXPECT_EQ(t.find_or_add("c2", added), 0u);
  EXPECT_TRUE(added);
  EXPECT_EQ(t.find_or_add("c1", added), 1u);
  EXPECT_EQ(t.find_or_add("c2", added), 0u);
  EXPECT_FALSE(added);
  EXPECT_EQ(t.find("c1"), 1u);
  EXPECT_EQ(t.find("c3"), no_customer);
  EXPECT_EQ(t.id(0), "c2");
}

TEST(customer_table, grows_and_keeps_ids_valid) {
  customer_table t;
  bool added = false;
  const auto first = t.id(t.find_or_add("customer-0", added));
  for (int i = 0; i < 200000; ++i) t.find_or_add("customer-" + std::to_string(i), added);
  EXPECT_EQ(t.size(), 200000u);
  EXPECT_EQ(first, "customer-0");
  for (int i = 0; i < 200000; i += 997) {
    EXPECT_EQ(t.find("customer-" + std::to_string(i)), static_cast<customer_index>(i));
  }
}

TEST(customer_table, empty_and_long_ids) {
  customer_table t;
  bool added = false;
  const auto empty = t.find_or_add("", added);
  const std::string long_id(100000, 'z');
  const auto long_index = t.find_or_add(long_id, added);
  const auto after = t.find_or_add("short", added);
  EXPECT_EQ(t.id(empty), "");
  EXPECT_EQ(t.id(long_index), long_id);
  EXPECT_EQ(t.id(after), "short");
  EXPECT_EQ(t.find(long_id), long_index);
}

}  // namespace
}  // namespace afterflow::runtime
