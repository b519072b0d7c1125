// Byte sources and the line reader beneath the readers.
#include "interpreter/eventlog/byte_source.hpp"

#include <lzma.h>

#include <gtest/gtest.h>

#include "interpreter/eventlog/line_reader.hpp"
#include "tests/eventlog/io_test_support.hpp"

namespace afterflow::eventlog {
namespace {

using test_support::gzip;
using test_support::temp_file;

std::string read_everything(byte_source& source) {
  std::string out;
  char block[7];  // an odd size, to cross every boundary
  while (const auto n = source.read(block, sizeof block)) out.append(block, n);
  return out;
}

std::string xz(std::string_view bytes) {
  std::string out(lzma_stream_buffer_bound(bytes.size()), '\0');
  std::size_t written = 0;
  const auto rc =
      lzma_easy_buffer_encode(1, LZMA_CHECK_CRC64, nullptr, reinterpret_cast<const std::uint8_t*>(bytes.data()),
                              bytes.size(), reinterpret_cast<std::uint8_t*>(out.data()), &written, out.size());
  EXPECT_EQ(rc, LZMA_OK);
  out.resize(written);
  return out;
}

TEST(byte_source, reads_plain_gzip_and_xz_files) {
  const std::string text = "line one\nline two\n";
  for (const auto& [suffix, bytes] :
       {std::pair<std::string, std::string>{".txt", text}, {".gz", gzip(text)}, {".xz", xz(text)}}) {
    temp_file file(suffix);
    file.write(bytes);
    auto opened = open_input(file.path());
    ASSERT_FALSE(opened.error) << suffix;
    EXPECT_EQ(read_everything(*opened.source), text) << suffix;
    EXPECT_FALSE(opened.source->error()) << suffix;
  }
}

TEST(byte_source, reads_an_empty_file) {
  temp_file file(".txt");
  file.write("");
  auto opened = open_input(file.path());
  ASSERT_FALSE(opened.error);
  EXPECT_EQ(read_everything(*opened.source), "");
}

TEST(byte_source, reports_corrupt_xz) {
  temp_file file(".xz");
  auto bytes = xz(std::string(1000, 'a'));
  bytes[bytes.size() / 2] = static_cast<char>(bytes[bytes.size() / 2] ^ 0x55);
  file.write(bytes);
  auto opened = open_input(file.path());
  ASSERT_FALSE(opened.error);
  (void)read_everything(*opened.source);
  ASSERT_TRUE(opened.source->error());
  EXPECT_EQ(opened.source->error()->code, "E1020");
  EXPECT_EQ(opened.source->error()->message, "cannot read `" + file.path() + "`: corrupt xz data");
}

TEST(byte_source, reports_a_directory) {
  auto opened = open_input(std::filesystem::temp_directory_path().string());
  if (opened.error) {
    EXPECT_EQ(opened.error->code, "E1020");
  } else {
    (void)read_everything(*opened.source);
    ASSERT_TRUE(opened.source->error());
    EXPECT_NE(opened.source->error()->message.find("Is a directory"), std::string::npos);
  }
}

TEST(line_reader, splits_lines_across_blocks) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "line " + std::to_string(i) + (i % 3 == 0 ? "\r\n" : "\n");
  line_reader lines(memory_input("m", text), 4096);
  int n = 0;
  while (const auto line = lines.next()) {
    EXPECT_EQ(*line, "line " + std::to_string(n));
    EXPECT_EQ(lines.line_number(), static_cast<std::uint64_t>(n + 1));
    ++n;
  }
  EXPECT_EQ(n, 2000);
  EXPECT_EQ(lines.capacity(), 4096U);
  EXPECT_EQ(lines.bytes_read(), text.size());
}

TEST(line_reader, drops_the_byte_order_mark_only_at_the_start) {
  line_reader lines(memory_input("m",
                                 "\xEF\xBB\xBF"
                                 "a\n\xEF\xBB\xBF"
                                 "b"),
                    4096);
  EXPECT_EQ(lines.next(), "a");
  EXPECT_EQ(lines.next(),
            "\xEF\xBB\xBF"
            "b");
  EXPECT_EQ(lines.next(), std::nullopt);
}

TEST(line_reader, grows_for_a_long_line_only) {
  const std::string text = std::string(10'000, 'x') + "\nshort\n";
  line_reader lines(memory_input("m", text), 4096);
  EXPECT_EQ(lines.next()->size(), 10'000U);
  EXPECT_EQ(lines.next(), "short");
  EXPECT_EQ(lines.capacity(), 16384U);
}

}  // namespace
}  // namespace afterflow::eventlog
