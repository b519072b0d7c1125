#include "interpreter/runtime/run_report.hpp"

#include <charconv>

#include <fmt/format.h>

#include "grammar/text/timestamp.hpp"

namespace afterflow::runtime {

grammar::diagnostic to_diagnostic(const runtime_error_record& e) {
  grammar::diagnostic d;
  d.code = e.code;
  d.message = e.message;
  // The step is "file.flow:12": a line of a flow file the runtime does not hold.
  grammar::file_location where;
  const auto colon = e.step.rfind(':');
  std::uint64_t line = 0;
  if (colon != std::string::npos &&
      std::from_chars(e.step.data() + colon + 1, e.step.data() + e.step.size(), line).ec == std::errc{}) {
    where.file = e.step.substr(0, colon);
    where.line = line;
  } else {
    where.file = e.step;
  }
  d.where = std::move(where);
  d.with_note(fmt::format("flow `{}`, customer `{}`, at {}", e.flow, e.customer, grammar::format_timestamp(e.time)));
  return d;
}

void append_run_id(std::string& out, std::string_view flow, std::string_view customer, std::uint32_t number) {
  char digits[12];
  const auto end = std::to_chars(digits, digits + sizeof(digits), number).ptr;
  out.append(flow).append(1, ':').append(customer).append(1, ':').append(digits, end);
}

}  // namespace afterflow::runtime
