#include "interpreter/eventlog/byte_source.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <vector>

#include <fmt/format.h>
#include <lzma.h>
#include <zlib.h>

#include "interpreter/eventlog/log_codes.hpp"

namespace afterflow::eventlog {

namespace {

constexpr std::size_t raw_block = 256 * 1024;

enum class codec : unsigned char { plain, gzip, xz };

// Reads a file descriptor in blocks and decodes it with the codec its first
// bytes announce. gzip and xz streams may be concatenated, as their tools allow.
class file_source final : public byte_source {
 public:
  file_source(std::string name, int fd, bool owns_fd)
      : byte_source(std::move(name)), fd_(fd), owns_fd_(owns_fd), raw_(raw_block) {}

  ~file_source() override {
    if (codec_ == codec::gzip) inflateEnd(&zs_);
    if (codec_ == codec::xz) lzma_end(&xs_);
    if (owns_fd_) ::close(fd_);
  }
  file_source(const file_source&) = delete;
  file_source& operator=(const file_source&) = delete;

  // Reads the first block and picks the codec.
  bool start() {
    if (!fill()) return false;
    const auto* b = reinterpret_cast<const unsigned char*>(raw_.data());
    if (raw_end_ >= 2 && b[0] == 0x1F && b[1] == 0x8B) {
      codec_ = codec::gzip;
      zs_ = {};
      if (inflateInit2(&zs_, 16 + MAX_WBITS) != Z_OK) return fail_with("cannot start gzip decoding");
    } else if (raw_end_ >= 6 && std::memcmp(b,
                                            "\xFD"
                                            "7zXZ\0",
                                            6) == 0) {
      codec_ = codec::xz;
      xs_ = LZMA_STREAM_INIT;
      if (lzma_stream_decoder(&xs_, UINT64_MAX, LZMA_CONCATENATED) != LZMA_OK) {
        return fail_with("cannot start xz decoding");
      }
    }
    return true;
  }

  std::size_t read(char* out, std::size_t size) override {
    if (failed_ || size == 0) return 0;
    switch (codec_) {
      case codec::plain: return read_plain(out, size);
      case codec::gzip: return read_gzip(out, size);
      case codec::xz: return read_xz(out, size);
    }
    return 0;
  }

 private:
  bool fail_with(std::string message) {
    failed_ = true;
    fail(std::move(message));
    return false;
  }

  // Refills the raw buffer when it is used up; false at the end or on error.
  bool fill() {
    if (raw_pos_ < raw_end_) return true;
    if (eof_) return false;
    raw_pos_ = raw_end_ = 0;
    for (;;) {
      const auto n = ::read(fd_, raw_.data(), raw_.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return fail_with(std::strerror(errno));
      if (n == 0) {
        eof_ = true;
        return false;
      }
      raw_end_ = static_cast<std::size_t>(n);
      return true;
    }
  }

  std::size_t read_plain(char* out, std::size_t size) {
    if (!fill()) return 0;
    const auto n = std::min(size, raw_end_ - raw_pos_);
    std::memcpy(out, raw_.data() + raw_pos_, n);
    raw_pos_ += n;
    return n;
  }

  std::size_t read_gzip(char* out, std::size_t size) {
    zs_.next_out = reinterpret_cast<Bytef*>(out);
    zs_.avail_out = static_cast<uInt>(std::min<std::size_t>(size, 1U << 30));
    while (zs_.avail_out > 0) {
      if (zs_.avail_in == 0) {
        if (!fill()) {
          if (failed_) return 0;
          if (!stream_done_) fail_with("the gzip data is cut off");
          break;
        }
        zs_.next_in = reinterpret_cast<Bytef*>(raw_.data() + raw_pos_);
        zs_.avail_in = static_cast<uInt>(raw_end_ - raw_pos_);
        raw_pos_ = raw_end_;
      }
      if (stream_done_) {
        // Another gzip member may follow (as `cat a.gz b.gz` makes);
        // anything else after a member is ignored, as gzip(1) does.
        if (zs_.next_in[0] != 0x1F || (zs_.avail_in > 1 && zs_.next_in[1] != 0x8B)) {
          zs_.avail_in = 0;
          raw_pos_ = raw_end_;
          eof_ = true;
          break;
        }
        inflateReset(&zs_);
        stream_done_ = false;
      }
      const int rc = inflate(&zs_, Z_NO_FLUSH);
      if (rc == Z_STREAM_END) {
        stream_done_ = true;
      } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
        fail_with(fmt::format("corrupt gzip data ({})", zs_.msg != nullptr ? zs_.msg : "unknown error"));
        return 0;
      }
    }
    return size - zs_.avail_out;
  }

  std::size_t read_xz(char* out, std::size_t size) {
    xs_.next_out = reinterpret_cast<std::uint8_t*>(out);
    xs_.avail_out = size;
    while (xs_.avail_out > 0 && !stream_done_) {
      lzma_action action = LZMA_RUN;
      if (xs_.avail_in == 0) {
        if (fill()) {
          xs_.next_in = reinterpret_cast<const std::uint8_t*>(raw_.data() + raw_pos_);
          xs_.avail_in = raw_end_ - raw_pos_;
          raw_pos_ = raw_end_;
        } else if (failed_) {
          return 0;
        } else {
          action = LZMA_FINISH;
        }
      }
      const auto rc = lzma_code(&xs_, action);
      if (rc == LZMA_STREAM_END) {
        stream_done_ = true;
      } else if (rc == LZMA_BUF_ERROR && action == LZMA_FINISH) {
        fail_with("the xz data is cut off");
        return 0;
      } else if (rc != LZMA_OK) {
        fail_with(rc == LZMA_MEM_ERROR ? "out of memory while decoding xz data" : "corrupt xz data");
        return 0;
      }
    }
    return size - xs_.avail_out;
  }

  int fd_;
  bool owns_fd_;
  std::vector<char> raw_;
  std::size_t raw_pos_ = 0;
  std::size_t raw_end_ = 0;
  bool eof_ = false;
  bool failed_ = false;
  bool stream_done_ = false;
  codec codec_ = codec::plain;
  z_stream zs_{};
  lzma_stream xs_ = LZMA_STREAM_INIT;
};

class memory_source final : public byte_source {
 public:
  memory_source(std::string name, std::string_view text) : byte_source(std::move(name)), text_(text) {}

  std::size_t read(char* out, std::size_t size) override {
    const auto n = std::min(size, text_.size());
    if (n > 0) std::memcpy(out, text_.data(), n);
    text_.remove_prefix(n);
    return n;
  }

 private:
  std::string_view text_;
};

}  // namespace

void byte_source::fail(std::string message) {
  if (error_) return;
  error_ = grammar::make_file_error(codes::cannot_read, fmt::format("cannot read `{}`: {}", name_, message), name_);
}

opened_input open_input(const std::string& path) {
  opened_input result;
  std::unique_ptr<file_source> source;
  if (path == "-") {
    source = std::make_unique<file_source>("<stdin>", STDIN_FILENO, false);
  } else {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      result.error = grammar::make_file_error(codes::cannot_read,
                                              fmt::format("cannot open `{}`: {}", path, std::strerror(errno)), path);
      return result;
    }
    source = std::make_unique<file_source>(path, fd, true);
  }
  if (!source->start() && source->error()) {
    result.error = source->error();
    return result;
  }
  result.source = std::move(source);
  return result;
}

std::unique_ptr<byte_source> memory_input(std::string name, std::string_view text) {
  return std::make_unique<memory_source>(std::move(name), text);
}

}  // namespace afterflow::eventlog
