#include "interpreter/ir/record.hpp"

#include <array>
#include <string>

#include <gtest/gtest.h>

namespace afterflow::ir {

using stdlib::event_view;
using stdlib::property_entry;
using stdlib::type_kind;
using stdlib::value;

namespace {

TEST(record, copies_strings_and_lists_deeply) {
  std::string order = "o-1";
  std::string sku = "sku-9";
  const std::array items{value::string(sku), value::number(2)};
  const std::array entries{property_entry{1, value::string(order)}, property_entry{2, value::list(items)},
                           property_entry{3, value::number(150)}};
  const auto r = record::from(entries);
  order = "XXX";
  sku = "YYYYY";
  EXPECT_EQ(r.get(1).as_string(), "o-1");
  ASSERT_TRUE(r.get(2).is(type_kind::list));
  EXPECT_EQ(r.get(2).as_list()[0].as_string(), "sku-9");
  EXPECT_EQ(r.get(3).as_number(), 150);
  EXPECT_TRUE(r.get(4).is_null());
  EXPECT_TRUE(r.has(3));
  EXPECT_FALSE(r.has(4));
}

TEST(record, views_survive_moves) {
  std::string text(100, 'x');
  const std::array entries{property_entry{1, value::string(text)}};
  auto r = record::from(entries);
  const auto before = r.get(1).as_string();
  std::vector<record> many;
  many.push_back(std::move(r));
  for (int i = 0; i < 100; ++i) many.push_back(record{});
  EXPECT_EQ(before.data(), many[0].get(1).as_string().data());
  EXPECT_EQ(many[0].get(1).as_string(), text);
}

TEST(record, with_replaces_or_adds_and_without_removes) {
  const std::array entries{property_entry{1, value::number(1)}, property_entry{2, value::number(2)}};
  const auto r = record::from(entries);
  const auto r2 = r.with(1, value::string("one"));
  EXPECT_EQ(r2.get(1).as_string(), "one");
  EXPECT_EQ(r2.entries().size(), 2u);
  EXPECT_EQ(r2.entries()[0].name, 1u);  // replaced in place, order kept
  const auto r3 = r2.with(7, value::boolean(true)).without(2);
  EXPECT_EQ(r3.entries().size(), 2u);
  EXPECT_TRUE(r3.get(7).as_bool());
  EXPECT_TRUE(r3.get(2).is_null());
  EXPECT_EQ(r.get(1).as_number(), 1);  // the original is untouched
}

TEST(record, later_duplicates_win) {
  const std::array entries{property_entry{1, value::number(1)}, property_entry{1, value::number(2)}};
  const auto r = record::from(entries);
  EXPECT_EQ(r.entries().size(), 1u);
  EXPECT_EQ(r.get(1).as_number(), 2);
}

TEST(record, empty_record_owns_nothing) {
  const auto r = record::from({});
  EXPECT_TRUE(r.empty());
  EXPECT_EQ(r.heap_bytes(), 0u);
  EXPECT_TRUE(r.get(1).is_null());
}

TEST(stored_event, keeps_the_event_after_the_source_is_gone) {
  std::string id = "o-5";
  std::array props{property_entry{4, value::string(id)}};
  const event_view e{grammar::instant_from_micros(123), 9, "c1", props};
  const auto stored = stored_event::copy_of(e);
  id = "gone";
  props[0].data = value::null();
  const auto& v = stored.view();
  EXPECT_EQ(v.time, grammar::instant_from_micros(123));
  EXPECT_EQ(v.name, 9u);
  EXPECT_EQ(v.get(4).as_string(), "o-5");
}

}  // namespace
}  // namespace afterflow::ir
