// Helpers for the input/output tests: a hand-built compiled program (the
// tests must not depend on the compiler), owned copies of reader records,
// temporary files and gzip.
#pragma once

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <initializer_list>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "interpreter/eventlog/event_log_reader.hpp"
#include "interpreter/ir/program.hpp"

namespace afterflow::eventlog::test_support {

/// A program with only what the readers look at: symbols, declared
/// fields, read properties and maps.
class test_program {
 public:
  test_program();
  /// The symbol for `name`: in the program while it is being built, then
  /// (once `names()` was called) in the replay's table over it.
  stdlib::symbol sym(std::string_view name) { return names_ ? names_->intern(name) : p.symbols.intern(name); }
  /// Declares `event`'s schema fields.
  test_program& declare(std::string_view event,
                        std::initializer_list<std::pair<std::string_view, stdlib::type_kind>> fields);
  /// Marks properties of `event` as read by some flow.
  test_program& reads(std::string_view event, std::initializer_list<std::string_view> properties);
  /// `map "external" to event { target: source, … }`.
  test_program& map(std::string_view external, std::string_view event,
                    std::initializer_list<std::pair<std::string_view, std::string_view>> renames = {});

  /// The replay's table over the program's (ir/symbol_table.hpp), made on
  /// first use: the program is read-only from then on.
  ir::symbol_table& names() {
    if (!names_) names_ = std::make_unique<ir::symbol_table>(ir::symbol_table::over(p.symbols));
    return *names_;
  }

  ir::program p;

 private:
  std::unique_ptr<ir::symbol_table> names_;
};

/// The `ecommerce` schema of the order events, as the checker would declare it.
void declare_ecommerce(test_program& t);

/// A record with its views turned into text: `name=value` pairs in order.
struct owned_record {
  log_record_kind kind = log_record_kind::event;
  grammar::instant time{};
  std::string customer;
  std::string event;
  std::vector<std::string> properties;  ///< "name=json"
  std::uint64_t line = 0;
};

[[nodiscard]] owned_record own(const log_record& r, const ir::symbol_table& symbols);

/// Every record of the log, and the error (rendered) if the read stopped.
struct read_all_result {
  std::vector<owned_record> records;
  std::string error;  ///< render_text of the error, empty when none
  event_log_counts counts;
};
[[nodiscard]] read_all_result read_all(event_log_reader reader, const ir::symbol_table& symbols);
[[nodiscard]] read_all_result read_text(std::string_view text, test_program& t, event_log_options options = {});

/// A file removed when the object dies.
class temp_file {
 public:
  explicit temp_file(std::string_view suffix);
  ~temp_file();
  temp_file(const temp_file&) = delete;
  temp_file& operator=(const temp_file&) = delete;
  [[nodiscard]] const std::string& path() const { return path_; }
  void write(std::string_view bytes) const;

 private:
  std::string path_;
};

/// `bytes` compressed with gzip.
[[nodiscard]] std::string gzip(std::string_view bytes);

/// The repository's `../shared/data` directory.
[[nodiscard]] std::filesystem::path shared_data();

}  // namespace afterflow::eventlog::test_support
