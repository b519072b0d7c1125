#include "stdlib/builtins.hpp"

#include <set>
#include <string>

#include <gtest/gtest.h>

namespace afterflow::stdlib {
namespace {

TEST(builtins, table_follows_ids_and_names_are_unique) {
  std::set<std::string_view> names;
  std::size_t i = 0;
  for (const auto& b : builtins()) {
    EXPECT_EQ(static_cast<std::size_t>(b.id), i++) << b.name;
    EXPECT_TRUE(names.insert(b.name).second) << "duplicate " << b.name;
    EXPECT_EQ(&builtin_info(b.id), &b);
  }
  EXPECT_EQ(names.size(), 31U);
}

TEST(builtins, every_entry_is_documented) {
  for (const auto& b : builtins()) {
    EXPECT_FALSE(b.summary.empty()) << b.name;
    EXPECT_FALSE(b.example.empty()) << b.name;
    EXPECT_TRUE(b.signature.starts_with(std::string(b.name) + "(")) << b.name;
    EXPECT_NE(b.example.find(std::string(b.name) + "("), std::string_view::npos) << b.name;
  }
}

TEST(builtins, documented_order_is_aggregates_first) {
  const auto all = builtins();
  ASSERT_GE(all.size(), 8U);
  for (std::size_t i = 0; i < all.size(); ++i) {
    EXPECT_EQ(all[i].kind == builtin_kind::aggregate, i < 8) << all[i].name;
  }
  EXPECT_EQ(all.front().name, "count");
  EXPECT_EQ(all[8].name, "days_since");
}

TEST(builtins, lookup_by_name) {
  const auto* count = find_builtin("count");
  ASSERT_NE(count, nullptr);
  EXPECT_EQ(count->id, builtin_id::count);
  EXPECT_EQ(count->result, type_kind::number);
  ASSERT_EQ(count->parameters.size(), 1U);
  EXPECT_EQ(count->parameters[0].name, "within");
  EXPECT_TRUE(count->parameters[0].named);
  EXPECT_TRUE(count->parameters[0].optional);

  const auto* last = find_builtin("last");
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(last->returns, return_rule::subject_event);
  EXPECT_EQ(find_builtin("sum")->subject, aggregate_subject::event_property);
  EXPECT_EQ(find_builtin("exists")->result, type_kind::boolean);

  const auto* round = find_builtin("round");
  ASSERT_NE(round, nullptr);
  EXPECT_EQ(round->kind, builtin_kind::scalar);
  ASSERT_EQ(round->parameters.size(), 2U);
  EXPECT_TRUE(round->parameters[1].optional);

  EXPECT_TRUE(find_builtin("coalesce")->parameters[1].variadic);
  EXPECT_EQ(find_builtin("nope"), nullptr);
  EXPECT_EQ(find_builtin(""), nullptr);
}

TEST(type_set, describes_its_members_in_kind_order) {
  EXPECT_EQ((type_set{type_kind::number}.describe()), "`number`");
  EXPECT_EQ((type_set{type_kind::list, type_kind::string}.describe()), "`string` or `list`");
  EXPECT_EQ((type_set{type_kind::number, type_kind::string, type_kind::duration}.describe()),
            "`number`, `string` or `duration`");
  EXPECT_EQ((type_set{type_kind::any}.describe()), "any value");
  EXPECT_TRUE((type_set{type_kind::time}.contains(type_kind::time)));
  EXPECT_FALSE((type_set{type_kind::time}.contains(type_kind::duration)));
}

TEST(types, names_and_assignability) {
  EXPECT_EQ(display_name(type::of(type_kind::time_of_day)), "time_of_day");
  EXPECT_EQ(display_name(type::of(type_kind::boolean)), "bool");
  EXPECT_EQ(display_name(type::event_of("order_placed")), "event order_placed");
  EXPECT_EQ(display_name(type::of(type_kind::event)), "event");
  EXPECT_EQ(field_type_from_name("bool"), type_kind::boolean);
  EXPECT_EQ(field_type_from_name("strng"), std::nullopt);
  EXPECT_EQ(field_type_names().size(), 8U);

  EXPECT_TRUE(assignable(type::of(type_kind::any), type::of(type_kind::number)));
  EXPECT_TRUE(assignable(type::of(type_kind::null), type::of(type_kind::duration)));
  EXPECT_TRUE(assignable(type::of(type_kind::error), type::of(type_kind::string)));
  EXPECT_FALSE(assignable(type::of(type_kind::number), type::of(type_kind::duration)));
  EXPECT_TRUE(assignable(type::event_of("a"), type::of(type_kind::event)));
  EXPECT_FALSE(assignable(type::event_of("a"), type::event_of("b")));
}

}  // namespace
}  // namespace afterflow::stdlib
