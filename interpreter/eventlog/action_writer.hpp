// Actions as JSON Lines: the output of `afterflow run`.
//
// One line per send attempt, keys always in this order (semantics §14):
//
//   time, customer, flow, run, step, channel, template, params, status,
//   reason (only when suppressed), deferred_from (only when set),
//   splits (only when the run took a split)
//
// `params` keeps the order written in the flow; `splits` is an object of
// split name to arm label in the order taken. Values are written by
// value_format.hpp. The writer appends to one large buffer and hands it to
// a `FILE*` or an ostream when full, so a replay that sends millions of
// messages makes few system calls.
#pragma once

#include <cstdint>
#include <cstdio>
#include <ostream>
#include <string>

#include "interpreter/runtime/action.hpp"

namespace afterflow::eventlog {

/// The JSON line of one action (with its final newline), appended to `out`.
void append_action_json(std::string& out, const runtime::action& a, const ir::symbol_table& symbols);

class action_writer final : public runtime::action_sink {
 public:
  static constexpr std::size_t default_buffer = std::size_t{1} << 16;

  /// Writes to `out` (not closed by the writer).
  explicit action_writer(std::FILE* out, std::size_t buffer = default_buffer);
  explicit action_writer(std::ostream& out, std::size_t buffer = default_buffer);
  ~action_writer() override;
  action_writer(const action_writer&) = delete;
  action_writer& operator=(const action_writer&) = delete;

  void on_action(const runtime::action& a, const ir::symbol_table& symbols) override;
  /// Writes what is buffered; false once any write has failed.
  [[nodiscard]] bool flush();
  /// Actions written so far.
  [[nodiscard]] std::uint64_t count() const { return count_; }
  /// False once a write has failed (a full disk, a closed pipe).
  [[nodiscard]] bool ok() const { return ok_; }

 private:
  std::FILE* file_ = nullptr;
  std::ostream* stream_ = nullptr;
  std::string buffer_;
  std::size_t limit_;
  std::uint64_t count_ = 0;
  bool ok_ = true;
};

}  // namespace afterflow::eventlog
