// Converters: real shop exports → afterflow event logs (`afterflow convert`).
//
// Each converter reads one public dataset (see /work/shared/data/README.md
// for where they come from) and writes afterflow's JSON Lines shape, sorted
// by time (stably: events of one order keep their order). Naive local
// times are converted to UTC in the shop's zone with the OS tz database
// (local_time.hpp's rules for gaps and repeats).
//
//   uci    UCI Online Retail (online_retail.csv[.xz]): invoices → order_placed;
//          `C` invoices → order_returned + refund_issued; Europe/London.
//   olist  Olist Brazilian e-commerce (a directory of olist_*.csv[.xz]):
//          orders → order_placed / order_paid / order_shipped /
//          order_delivered / order_cancelled, reviews → review_submitted;
//          America/Sao_Paulo.
//   cdnow  CDNOW (CDNOW_master.txt[.xz]): purchases → order_placed at noon UTC.
//
// Converters hold the converted events in memory to sort them (these
// datasets have at most a few hundred thousand events). Every record left
// out is counted under a named reason in the result's stats.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "grammar/file_error.hpp"
#include "interpreter/eventlog/byte_source.hpp"
#include "interpreter/eventlog/text_sink.hpp"

namespace afterflow::tools {

/// The datasets `afterflow convert` knows, in the order its help lists them.
inline constexpr std::array<std::string_view, 3> dataset_names{"uci", "olist", "cdnow"};

/// Opens one table of a dataset by its file name ("olist_orders_dataset.csv").
using table_opener = std::function<eventlog::opened_input(const std::string& name)>;
/// Tables in `directory`: `name`, else `name.xz`, else `name.gz`.
[[nodiscard]] table_opener directory_tables(std::string directory);

/// Named counts, in the order the converter lists them: input records,
/// events written (by name), records left out (by reason).
struct convert_stats {
  std::vector<std::pair<std::string, std::uint64_t>> counts;

  void add(std::string_view name, std::uint64_t n = 1);
  [[nodiscard]] std::uint64_t count(std::string_view name) const;
};

struct convert_result {
  std::optional<grammar::diagnostic> error;  ///< set when the conversion stopped
  convert_stats stats;
};

[[nodiscard]] convert_result convert_uci(std::unique_ptr<eventlog::byte_source> input,
                                         const eventlog::text_sink& write);
[[nodiscard]] convert_result convert_olist(const table_opener& tables, const eventlog::text_sink& write);
[[nodiscard]] convert_result convert_cdnow(std::unique_ptr<eventlog::byte_source> input,
                                           const eventlog::text_sink& write);

}  // namespace afterflow::tools
