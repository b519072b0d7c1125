// Private to the simulator: all the state behind the `simulator` facade,
// which only forwards (simulator.cpp). simulator_impl.cpp holds the loop,
// events, triggers and the run lifecycle; simulator_steps.cpp executes
// instructions, sends and policies; simulator_trace.cpp writes the trace.
#pragma once

#include <deque>
#include <optional>

#include "interpreter/runtime/internal/customer_state.hpp"
#include "interpreter/runtime/internal/customer_table.hpp"
#include "interpreter/runtime/internal/evaluator.hpp"
#include "interpreter/runtime/internal/history.hpp"
#include "interpreter/runtime/internal/input_budget.hpp"
#include "interpreter/runtime/internal/run_counter.hpp"
#include "interpreter/runtime/internal/timer_queue.hpp"
#include "interpreter/runtime/local_time.hpp"
#include "interpreter/runtime/simulator.hpp"

namespace afterflow::runtime {

enum class wait_kind : unsigned char {
  none,           ///< running, or just created
  timer,          ///< `wait` / `wait until`: resume at pc + 1
  event,          ///< `wait for`: an event, or the timeout
  deferred_send,  ///< a send held back by quiet hours
};

struct run_state {
  bool in_use = false;
  std::uint32_t generation = 0;  ///< bumped whenever a pending timer must be ignored
  std::uint64_t seq = 0;         ///< creation order, over the whole replay
  std::uint32_t flow = 0;
  customer_index customer = 0;
  std::uint32_t pc = 0;
  wait_kind waiting = wait_kind::none;
  std::uint32_t wait_index = 0;  ///< `wait for`: index into flow_program::waits
  grammar::instant waiting_since{};
  grammar::instant due{};     ///< when the pending timer fires
  bool goal_pending = false;  ///< a goal matched while a `wait for` received: end at block end
  std::uint32_t goal_end_pc = 0;
  grammar::instant started{};
  std::uint32_t number = 0;  ///< n in the run id `<flow>:<customer>:<n>`
  std::string key;
  ir::stored_event trigger;
  std::vector<std::unique_ptr<ir::stored_event>> bindings;
  std::vector<const stdlib::event_view*> binding_views;
  std::vector<std::int64_t> counters;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> splits;  ///< (split, arm) taken
  // A send deferred by quiet hours.
  std::uint32_t pending_send = 0;
  ir::record pending_params;
  grammar::instant deferred_from{};
};

/// An event made by `emit`, waiting to be handled.
struct emitted_event {
  ir::stored_event event;
  std::uint32_t depth = 0;
  std::uint64_t emitter_seq = 0;  ///< the run that emitted it (its seq), never offered it
};

struct simulator::impl {
  impl(const ir::program& p, ir::symbol_table& symbols, action_sink& sink, simulator_options options);
  ~impl();

  // What the facade forwards to (simulator_impl.cpp).
  [[nodiscard]] std::optional<std::string> update_profile(std::string_view customer,
                                                          std::span<const stdlib::property_entry> attributes);
  void feed(const stdlib::event_view& e);
  void advance_to(grammar::instant t);
  void finish();
  [[nodiscard]] std::vector<flow_stats> stats() const;
  [[nodiscard]] std::vector<waiting_run> waiting_runs() const;
  [[nodiscard]] bool segment_holds(std::string_view customer, std::uint32_t segment);
  [[nodiscard]] std::size_t customer_count() const { return customers_.size(); }
  [[nodiscard]] memory_usage memory() const;

  // simulator_impl.cpp: the loop, events, triggers, run lifecycle.
  customer_index ensure_customer(std::string_view id);
  /// The customer's history block, made (zeroed) if needed; null when the
  /// program has no history slots.
  std::byte* history_block(customer_index c);
  /// The same, or null when the customer has none yet.
  [[nodiscard]] const std::byte* find_history_block(customer_index c) const;
  customer_view view_of(customer_index c) const;
  void handle_event(const stdlib::event_view& e, std::uint32_t depth, std::optional<std::uint64_t> exclude_run);
  void offer_to_runs(customer_index c, const stdlib::event_view& e, std::optional<std::uint64_t> exclude_run);
  void try_triggers(customer_index c, const stdlib::event_view& e);
  void start_run(std::uint32_t flow, customer_index c, const stdlib::event_view& e, std::string key);
  void end_run(std::uint32_t slot, std::string_view reason);
  /// Drops what can no longer matter for a customer without live runs
  /// (stale re-entry records and cap entries), and their extras if empty.
  /// Unless `thorough`, many re-entry records are scanned only now and then
  /// (key_groups::due_for_scan): a run end must not cost O(groups).
  void tidy(customer_index c, bool thorough = false);
  void sweep();
  [[nodiscard]] grammar::duration longest_window(stdlib::symbol channel) const;
  /// Fires every timer due at or before `limit`, in (due, seq) order.
  void fire_due(grammar::instant limit);
  void fire(const timer& t);
  void process_emitted();
  /// Starts a new input's budget (a log event or a timer firing).
  void begin_input();
  void after_input();
  /// The input's budget ran out in `slot`: one error for the storm, the
  /// queued emitted events dropped, the run ended.
  void stop_storm(std::uint32_t slot, std::string_view what, std::uint64_t limit);
  /// Adds what a stopped storm stopped after its error to the error.
  void close_storm();
  /// Whether `e` matches `p`; `run` is the run offered the event, or null
  /// for a trigger of flow `flow`.
  bool matches(const ir::pattern& p, const stdlib::event_view& e, const run_state* run, customer_index c,
               std::uint32_t flow);
  eval_frame frame_for(const run_state& run, const customer_view& customer) const;
  void error(const run_state* run, std::string code, std::string message);
  /// `<flow>:<customer>:<n>`, made when needed rather than kept per run.
  [[nodiscard]] std::string run_id(const run_state& run) const;
  flow_stats& stats_of(std::uint32_t flow) { return stats_[flow]; }
  std::string_view name(stdlib::symbol s) const { return symbols_.name(s); }

  // simulator_steps.cpp: executing instructions, sends and policies.
  void execute(std::uint32_t slot);
  void schedule(run_state& run, grammar::instant due, wait_kind kind);
  /// When a wait of `d` (the value of `source`) started now ends; or, when
  /// `d` is not a duration or ends after the last time, the run-time error,
  /// the end of the run and nullopt. `what` names the step for the message.
  std::optional<grammar::instant> wait_due(std::uint32_t slot, const stdlib::value& d, std::string_view what,
                                           ir::node_index source);
  /// Whether `due` is within the times afterflow represents; if not, the
  /// run-time error and the end of the run.
  bool due_in_range(std::uint32_t slot, grammar::instant due, std::string_view what);
  /// Returns true when the send suspended the run (deferred).
  bool send(std::uint32_t slot, std::uint32_t send_index, ir::record params,
            std::optional<grammar::instant> deferred_from);
  void write_action(const run_state& run, const ir::send_program& s, const ir::record& params, send_status status,
                    std::string_view reason, std::optional<grammar::instant> deferred_from);
  const ir::quiet_hours_program* quiet_hours_for(stdlib::symbol channel) const;
  const time_zone* zone_of(customer_index c) const;
  std::optional<std::string> limit_reached(customer_index c, stdlib::symbol channel);
  void count_send(customer_index c, stdlib::symbol channel);
  ir::record evaluate_properties(const std::vector<ir::property_program>& props, const eval_frame& frame);

  // simulator_trace.cpp: trace entries (only when tracing this customer).
  [[nodiscard]] bool tracing(customer_index c) const;
  void trace(customer_index c, const run_state* run, trace_kind kind, std::string subject, std::string detail = {},
             std::vector<std::pair<std::string, std::string>> values = {}, std::uint32_t location = no_location,
             std::uint32_t flow = no_flow);
  void trace_condition(customer_index c, const run_state* run, ir::node_index condition, const eval_frame& frame,
                       bool result, std::uint32_t location, std::uint32_t flow = no_flow);
  std::vector<std::pair<std::string, std::string>> operand_values(ir::node_index n, const eval_frame& frame);

  static constexpr std::uint32_t no_location = 0xFFFFFFFFU;
  static constexpr std::uint32_t no_flow = 0xFFFFFFFFU;

  const ir::program& program_;
  ir::symbol_table& symbols_;  ///< the replay's, over the program's
  action_sink& sink_;
  simulator_options options_;
  zone_cache zones_;
  history_layout layout_;
  history_store history_;
  evaluator eval_;
  customer_table customer_ids_;
  std::vector<customer_state> customers_;
  std::vector<run_state> runs_;
  std::vector<std::uint32_t> free_runs_;
  run_counter run_counts_;
  std::uint64_t inputs_ = 0;
  std::size_t sweep_cursor_ = 0;
  std::uint64_t next_run_seq_ = 0;
  timer_queue timers_;
  std::deque<emitted_event> emitted_;
  std::uint32_t current_depth_ = 0;
  input_budget budget_;
  const time_zone* policy_zone_ = nullptr;
  trace_sink* trace_ = nullptr;
  std::string trace_customer_;
  std::vector<std::vector<std::uint64_t>> sent_counts_;  ///< per flow, per send step
  std::vector<std::uint32_t> snapshot_;                  ///< offer_to_runs' copy of a customer's runs
  // Reused per send, to avoid allocating on the hot path.
  std::vector<stdlib::property_entry> scratch_entries_;
  std::vector<split_choice> scratch_splits_;
  std::string scratch_run_id_;

  // What the replay reports.
  grammar::instant now_ = grammar::earliest;
  std::vector<flow_stats> stats_;
  std::vector<runtime_error_record> errors_;
  std::vector<run_end> run_ends_;
  bool keep_run_ends_ = false;
};

}  // namespace afterflow::runtime
