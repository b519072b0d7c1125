// The facade: every call goes to the state in internal/simulator_impl.hpp.
#include "interpreter/runtime/simulator.hpp"

#include "interpreter/runtime/internal/simulator_impl.hpp"

namespace afterflow::runtime {

simulator::simulator(const ir::program& p, ir::symbol_table& symbols, action_sink& sink, simulator_options options)
    : impl_(std::make_unique<impl>(p, symbols, sink, options)) {}

grammar::instant simulator::until() const { return impl_->options_.until; }

simulator::~simulator() = default;

void simulator::set_trace(trace_sink* sink, std::string customer_filter) {
  impl_->trace_ = sink;
  impl_->trace_customer_ = std::move(customer_filter);
}

void simulator::keep_run_ends(bool keep) { impl_->keep_run_ends_ = keep; }

std::optional<std::string> simulator::update_profile(std::string_view customer,
                                                     std::span<const stdlib::property_entry> attributes) {
  return impl_->update_profile(customer, attributes);
}

void simulator::feed(const stdlib::event_view& e) { impl_->feed(e); }
void simulator::advance_to(grammar::instant t) { impl_->advance_to(t); }
void simulator::finish() { impl_->finish(); }

grammar::instant simulator::now() const { return impl_->now_; }
std::vector<flow_stats> simulator::stats() const { return impl_->stats(); }
const std::vector<runtime_error_record>& simulator::errors() const { return impl_->errors_; }
const std::vector<run_end>& simulator::run_ends() const { return impl_->run_ends_; }
std::vector<waiting_run> simulator::waiting_runs() const { return impl_->waiting_runs(); }
bool simulator::segment_holds(std::string_view customer, std::uint32_t segment) {
  return impl_->segment_holds(customer, segment);
}
std::size_t simulator::customer_count() const { return impl_->customer_count(); }
memory_usage simulator::memory() const { return impl_->memory(); }

}  // namespace afterflow::runtime
