// Reading logs as streams: gzip files, standard input, and a large
// generated log read without memory growth.
#include <sys/resource.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>

#include <gtest/gtest.h>

#include "grammar/diagnostic_render.hpp"
#include "interpreter/eventlog/event_log_reader.hpp"
#include "interpreter/tools/log_generator.hpp"
#include "tests/eventlog/io_test_support.hpp"

namespace afterflow::eventlog {

using grammar::render_text;

using tools::generate_log;
using tools::log_generator_options;

namespace {

using test_support::gzip;
using test_support::read_all;
using test_support::temp_file;
using test_support::test_program;

const std::string log_text =
    R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"order_placed","props":{"total":1}})"
    "\n"
    R"({"time":"2026-03-01T09:00:01Z","customer":"c2","event":"order_placed","props":{"total":2}})"
    "\n";

TEST(event_log_stream, reads_a_gzip_file) {
  test_program t;
  t.reads("order_placed", {"total"});
  temp_file file(".jsonl.gz");
  file.write(gzip(log_text));
  const auto r = read_all(event_log_reader::open(file.path(), t.p, t.names()), t.names());
  ASSERT_EQ(r.error, "");
  ASSERT_EQ(r.records.size(), 2U);
  EXPECT_EQ(r.records[1].customer, "c2");
  EXPECT_EQ(r.counts.bytes, log_text.size());
}

TEST(event_log_stream, detects_gzip_by_its_bytes_not_its_name) {
  test_program t;
  temp_file file(".jsonl");
  const std::string later = R"({"time":"2026-03-01T09:00:02Z","customer":"c3","event":"order_placed"})"
                            "\n";
  file.write(gzip(log_text) + gzip(later));  // two members, as `cat a.gz b.gz` makes
  const auto r = read_all(event_log_reader::open(file.path(), t.p, t.names()), t.names());
  ASSERT_EQ(r.error, "");
  EXPECT_EQ(r.records.size(), 3U);
}

TEST(event_log_stream, reports_cut_off_gzip_data) {
  test_program t;
  temp_file file(".jsonl.gz");
  const auto packed = gzip(log_text);
  file.write(std::string_view(packed).substr(0, packed.size() - 12));
  const auto r = read_all(event_log_reader::open(file.path(), t.p, t.names()), t.names());
  EXPECT_EQ(r.error,
            "error[E1020]: cannot read `" + file.path() + "`: the gzip data is cut off\n --> " + file.path() + "\n");
}

// Runs `body` with standard input reading `bytes`.
template <typename Body>
void with_stdin(std::string_view bytes, Body body) {
  temp_file file(".stdin");
  file.write(bytes);
  std::fflush(stdin);
  const int saved = ::dup(STDIN_FILENO);
  std::FILE* in = std::fopen(file.path().c_str(), "rb");
  ASSERT_NE(in, nullptr);
  ::dup2(::fileno(in), STDIN_FILENO);
  body();
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  std::fclose(in);
}

TEST(event_log_stream, reads_standard_input) {
  test_program t;
  with_stdin(log_text, [&] {
    const auto r = read_all(event_log_reader::open("-", t.p, t.names()), t.names());
    ASSERT_EQ(r.error, "");
    EXPECT_EQ(r.records.size(), 2U);
  });
}

TEST(event_log_stream, reads_gzip_on_standard_input) {
  test_program t;
  with_stdin(gzip(log_text), [&] {
    event_log_reader reader = event_log_reader::open("-", t.p, t.names());
    const auto first = reader.next();
    ASSERT_TRUE(first);
    EXPECT_EQ(first->customer, "c1");
    EXPECT_TRUE(reader.next());
    EXPECT_FALSE(reader.next());
    EXPECT_FALSE(reader.error());
  });
}

TEST(event_log_stream, names_standard_input_in_errors) {
  test_program t;
  with_stdin("{oops}\n", [&] {
    const auto r = read_all(event_log_reader::open("-", t.p, t.names()), t.names());
    EXPECT_NE(r.error.find(" --> <stdin>:1:2\n"), std::string::npos) << r.error;
  });
}

TEST(event_log_stream, a_line_longer_than_the_block_still_reads) {
  test_program t;
  t.p.reads_all_properties = true;
  const std::string big(300'000, 'x');
  const std::string text = R"({"time":"2026-03-01T09:00:00Z","customer":"c1","event":"a","props":{"blob":")" + big +
                           "\"}}\n" + R"({"time":"2026-03-01T09:00:00Z","customer":"c2","event":"a"})";
  event_log_options options;
  options.block_size = 4096;
  auto reader = event_log_reader::from_text("big.jsonl", text, t.p, t.names(), options);
  const auto first = reader.next();
  ASSERT_TRUE(first);
  ASSERT_EQ(first->properties.size(), 1U);
  EXPECT_EQ(first->properties[0].data.as_string().size(), big.size());
  EXPECT_TRUE(reader.next());
  EXPECT_FALSE(reader.error());
}

long max_rss_kib() {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// A million generated lines, written gzip-compressed to a file as they are
// generated and read back: neither step holds the log in memory.
TEST(event_log_stream, a_million_lines_in_bounded_memory) {
  temp_file file(".jsonl.gz");
  log_generator_options g;
  g.customers = 90'000;
  {
    gzFile out = gzopen(file.path().c_str(), "wb1");
    ASSERT_NE(out, nullptr);
    const auto stats = generate_log(
        g, [&](std::string_view chunk) { gzwrite(out, chunk.data(), static_cast<unsigned>(chunk.size())); });
    gzclose(out);
    ASSERT_GE(stats.lines, 1'000'000U);
  }
  test_program t;
  test_support::declare_ecommerce(t);
  t.reads("order_delivered", {"late", "order_id"});
  t.reads("review_submitted", {"score"});
  const auto rss_before = max_rss_kib();
  auto reader = event_log_reader::open(file.path(), t.p, t.names());
  std::uint64_t records = 0;
  std::size_t most_buffer = 0;
  grammar::instant last{};
  while (const auto r = reader.next()) {
    ++records;
    ASSERT_GE(r->time, last);
    last = r->time;
    if (records % 65'536 == 0) most_buffer = std::max(most_buffer, reader.buffer_bytes());
  }
  ASSERT_FALSE(reader.error()) << render_text(*reader.error());
  EXPECT_EQ(records, reader.counts().lines);
  EXPECT_GE(records, 1'000'000U);
  EXPECT_LT(most_buffer, std::size_t{8} << 20);
  // The log is over 200 MB; reading it may not cost more than a few MB.
  EXPECT_LT(max_rss_kib() - rss_before, 32 * 1024);
}

}  // namespace
}  // namespace afterflow::eventlog
