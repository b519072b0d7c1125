// The customer profiles file.
#include "interpreter/eventlog/profile_reader.hpp"
#include "grammar/diagnostic_render.hpp"

#include <gtest/gtest.h>

#include "interpreter/ir/value_format.hpp"
#include "tests/eventlog/io_test_support.hpp"

namespace afterflow::eventlog {

using grammar::render_text;

using ir::append_value_json;

namespace {

using test_support::test_program;

struct owned_profile {
  std::string customer;
  std::string zone;
  std::vector<std::string> attributes;
  std::uint64_t line = 0;
};

struct read_result {
  std::vector<owned_profile> profiles;
  std::string error;
  profile_counts counts;
};

read_result read(std::string_view text, test_program& t, profile_options options = {}) {
  auto reader = profile_reader::from_text("profiles.jsonl", text, t.p, t.names(), options);
  read_result result;
  while (const auto p = reader.next()) {
    owned_profile o{std::string(p->customer), std::string(p->time_zone), {}, p->line};
    for (const auto& a : p->attributes) {
      std::string text(t.names().name(a.name));
      text += '=';
      append_value_json(text, a.data);
      o.attributes.push_back(std::move(text));
    }
    result.profiles.push_back(std::move(o));
  }
  if (reader.error()) result.error = render_text(*reader.error());
  result.counts = reader.counts();
  return result;
}

TEST(profile_reader, reads_profiles) {
  test_program t;
  const auto r = read(
      R"({"id":"c1","timezone":"Europe/Prague","attributes":{"vip":true,"first_name":"Jana","address":{"city":"Brno"}}})"
      "\n\n"
      R"({"attributes":{"timezone":"Asia/Tokyo"},"id":17})"
      "\n"
      R"({"id":"c3"})",
      t);
  ASSERT_EQ(r.error, "");
  ASSERT_EQ(r.profiles.size(), 3U);
  EXPECT_EQ(r.profiles[0].customer, "c1");
  EXPECT_EQ(r.profiles[0].zone, "Europe/Prague");
  EXPECT_EQ(r.profiles[0].attributes, (std::vector<std::string>{"vip=true", "first_name=\"Jana\"", "address=null",
                                                                "timezone=\"Europe/Prague\""}));
  EXPECT_EQ(r.profiles[1].customer, "17");
  EXPECT_EQ(r.profiles[1].zone, "Asia/Tokyo");
  EXPECT_EQ(r.profiles[1].line, 3U);
  EXPECT_EQ(r.profiles[2].zone, "");
  EXPECT_TRUE(r.profiles[2].attributes.empty());
  EXPECT_EQ(r.counts.profiles, 3U);
  EXPECT_EQ(r.counts.blank, 1U);
}

TEST(profile_reader, a_zone_given_twice_must_agree) {
  test_program t;
  auto r = read(R"({"id":"c1","attributes":{"timezone":"Europe/London","a":1},"timezone":"Europe/London"})", t);
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.profiles[0].zone, "Europe/London");
  EXPECT_EQ(r.profiles[0].attributes, (std::vector<std::string>{"timezone=\"Europe/London\"", "a=1"}));
  // Before, the top-level zone won silently.
  test_program u;
  r = read(R"({"id":"c1","attributes":{"timezone":"Asia/Tokyo","a":1},"timezone":"Europe/London"})", u);
  EXPECT_TRUE(r.profiles.empty());
  EXPECT_EQ(r.error.substr(0, r.error.find('\n')),
            "error[E1004]: `attributes.timezone` is `Asia/Tokyo`, but the profile's `timezone` is `Europe/London`");
  EXPECT_NE(r.error.find(" --> profiles.jsonl:1:37\n"), std::string::npos) << r.error;
  EXPECT_NE(
      r.error.find("  = note: `timezone` is at column 68\n  = help: give the zone once, as the top-level `timezone`\n"),
      std::string::npos)
      << r.error;
}

TEST(profile_reader, an_empty_zone_is_no_zone) {
  test_program t;
  const auto r = read(R"({"id":"c1","timezone":"","attributes":{"timezone":"Asia/Tokyo","tier":"gold"}})"
                      "\n"
                      R"({"id":"c2","attributes":{"timezone":"","tier":"gold"}})",
                      t);
  ASSERT_EQ(r.error, "");
  ASSERT_EQ(r.profiles.size(), 2U);
  EXPECT_EQ(r.profiles[0].zone, "Asia/Tokyo");  // the empty top-level zone is absent
  EXPECT_EQ(r.profiles[1].zone, "");
  EXPECT_EQ(r.profiles[1].attributes, (std::vector<std::string>{"timezone=\"\"", "tier=\"gold\""}));
}

TEST(profile_reader, one_line_per_customer) {
  test_program t;
  const auto r = read("{\"id\":\"c1\"}\n{\"id\":\"c2\"}\n{\"id\":\"c1\",\"attributes\":{\"vip\":true}}\n", t);
  EXPECT_EQ(r.profiles.size(), 2U);
  EXPECT_EQ(r.error,
            "error[E1012]: a second profile for customer `c1`\n"
            " --> profiles.jsonl:3:7\n"
            "  |\n"
            "3 | {\"id\":\"c1\",\"attributes\":{\"vip\":true}}\n"
            "  |       ^^^^\n"
            "  = help: the first is on line 1; give each customer one line\n");
  // A number id and the same text are one customer; a skipped line claims no id.
  profile_options skip;
  skip.on_bad_event = bad_event_policy::skip;
  test_program u;
  const auto s = read("{\"id\":17,\"timezone\":\"Nowhere\"}\n{\"id\":17}\n{\"id\":\"17\"}\n", u, skip);
  EXPECT_EQ(s.profiles.size(), 1U);
  EXPECT_EQ(s.counts.skipped.by_code, (std::vector<std::pair<std::string, std::uint64_t>>{{"E1009", 1}, {"E1012", 1}}));
}

TEST(profile_reader, an_attribute_given_twice_is_an_error) {
  test_program t;
  const auto r = read(R"({"id":"c1","attributes":{"tier":"gold","tier":"silver"}})", t);
  EXPECT_TRUE(r.profiles.empty());
  EXPECT_EQ(r.error.substr(0, r.error.find('\n')), "error[E1004]: `tier` appears twice in one object");
  EXPECT_NE(r.error.find("profiles.jsonl:1:40"), std::string::npos) << r.error;
}

TEST(profile_reader, reports_bad_profiles) {
  const std::pair<std::string_view, std::string_view> cases[] = {
      {R"({"timezone":"Europe/Prague"})", "error[E1003]: missing `id`"},
      {R"({"id":""})", "error[E1003]: `id` is empty"},
      {R"({"id":[1]})", "error[E1004]: `id` must be a string or a number, found an array"},
      {R"({"id":"c1","timezone":3})", "error[E1004]: `timezone` must be a string, found a number"},
      {R"({"id":"c1","attributes":"vip"})", "error[E1004]: `attributes` must be an object, found a string"},
      {R"({"id":"c1","id":"c2"})", "error[E1004]: `id` appears twice"},
      {R"({"id":"c1","timezone":"Mars/Olympus"})", "error[E1009]: unknown time zone `Mars/Olympus`"},
      {R"({"id":"c1","timezone":"localtime"})", "error[E1009]: unknown time zone `localtime`"},
      {R"({"id":"c1","attributes":{"timezone":"posix/Europe/Prague"}})",
       "error[E1009]: unknown time zone `posix/Europe/Prague`"},
      {R"({"id":"c1","attributes":{"timezone":false}})",
       "error[E1005]: attribute `timezone` must be a string, found `false`"},
      {R"({"id":"c1","timezon":"Europe/Prague"})", "error[E1010]: unknown profile field `timezon`"},
      {R"({"id":"c1",})", "error[E1001]: expected a property name in double quotes, found `}`"},
      {R"("c1")", "error[E1004]: expected a JSON object, found a string"},
  };
  for (const auto& [line, first] : cases) {
    test_program t;
    const auto r = read(line, t);
    EXPECT_TRUE(r.profiles.empty()) << line;
    EXPECT_EQ(r.error.substr(0, r.error.find('\n')), first) << line;
  }
}

TEST(profile_reader, renders_an_unknown_field) {
  test_program t;
  const auto r = read(R"({"id":"c1","timezon":"Europe/Prague"})", t);
  EXPECT_EQ(r.error,
            "error[E1010]: unknown profile field `timezon`\n"
            " --> profiles.jsonl:1:12\n"
            "  |\n"
            "1 | {\"id\":\"c1\",\"timezon\":\"Europe/Prague\"}\n"
            "  |            ^^^^^^^^^\n"
            "  = help: did you mean `timezone`?\n");
}

TEST(profile_reader, skips_bad_lines_when_asked) {
  test_program t;
  profile_options options;
  options.on_bad_event = bad_event_policy::skip;
  const auto r = read("{\"id\":\"c1\"}\n{\"id\":\"c2\",\"timezone\":\"Nowhere\"}\n{\"id\":\"c3\"}\n", t, options);
  EXPECT_EQ(r.error, "");
  EXPECT_EQ(r.profiles.size(), 2U);
  EXPECT_EQ(r.counts.skipped.count("E1009"), 1U);
  EXPECT_EQ(r.counts.skipped.examples.at(0).in_file()->line, 2U);
}

}  // namespace
}  // namespace afterflow::eventlog
