// fuzz_profiles: bytes as a customer profiles file.
//
//   bytes -> profile_reader (memory, --on-bad-event skip)
//         -> simulator::update_profile for every profile read
//
// Properties: the simulator accepts every profile the reader accepted (the
// reader validates time zones; replay::load_profiles relies on it), and
// every diagnostic renders. The program is a small embedded one, compiled
// once per process. Odd sizes start the line reader at a 64-byte block,
// even ones at 64 KiB.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "interpreter/check/module_loader.hpp"
#include "interpreter/eventlog/profile_reader.hpp"
#include "interpreter/ir/symbol_table.hpp"
#include "interpreter/runtime/action.hpp"
#include "interpreter/runtime/simulator.hpp"
#include "tests/fuzz/fixed_program.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace afterflow::fuzz {
namespace {

constexpr std::string_view flows = R"(import "ecommerce"

segment vip = customer.vip == true

flow welcome "Greet in the customer's morning" {
  trigger order_placed
  when vip
  wait until 09:00 in customer.timezone
  send email "welcome" { name: customer.first_name, tags: customer.tags }
}
)";

const fixed_program& program() {
  static const fixed_program p =
      compile_fixed({"profiles.flow"}, check::memory_file_reader({{"profiles.flow", std::string(flows)}}));
  return p;
}

}  // namespace
}  // namespace afterflow::fuzz

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  (void)afterflow::fuzz::program();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace afterflow;
  const auto& fixed = fuzz::program();
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  auto symbols = ir::symbol_table::over(fixed.program->symbols);
  eventlog::profile_options options;
  options.on_bad_event = eventlog::bad_event_policy::skip;
  options.block_size = (size & 1) != 0 ? 64 : std::size_t{1} << 16;
  auto profiles = eventlog::profile_reader::from_text("profiles.jsonl", text, *fixed.program, symbols, options);

  runtime::action_counter sink;
  runtime::simulator sim(*fixed.program, symbols, sink);
  while (const auto p = profiles.next()) {
    const auto refused = sim.update_profile(p->customer, p->attributes);
    if (refused) {
      fuzz::violated("the simulator accepts every profile the reader accepted", *refused);
    }
  }
  if (profiles.error()) fuzz::render(*profiles.error());
  for (const auto& d : profiles.counts().skipped.examples) fuzz::render(d);
  sim.finish();
  return 0;
}
