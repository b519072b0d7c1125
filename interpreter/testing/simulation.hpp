// The C++ API: compile flows, feed events, advance the clock, read the
// actions. For engineers who unit-test campaigns from GoogleTest, and for
// afterflow's own tests and `afterflow test`.
//
//   auto sim = afterflow::testing::simulation::from_files({"flows/review_request.flow"});
//   sim.customer("c1", {{"timezone", "Europe/Prague"}})
//      .event("2026-03-01T09:00:00Z", "c1", "order_delivered", {{"order_id", "o1"}, {"total", 40}})
//      .run();
//   ASSERT_EQ(sim.actions().size(), 1);
//   EXPECT_EQ(sim.actions()[0].template_name, "review_request");
//
// Everything is deterministic: the same calls give the same actions.
// Errors in the flows throw `flow_error` (its what() is the rendered
// diagnostics); misuse (a malformed time, time going backwards) throws
// std::invalid_argument.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "interpreter/runtime/action.hpp"
#include "interpreter/runtime/simulator.hpp"

namespace afterflow::testing {

/// The flows did not compile; what() holds every diagnostic, rendered.
class flow_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// A property value written in C++: null, bool, number, string, a time
/// (`property_value::time("2026-03-01T09:00:00Z")`), a duration
/// (`property_value::seconds(86400)`, `property_value::of(std::chrono::hours(36))`)
/// or a list.
class property_value {
 public:
  property_value(std::nullptr_t) {}
  property_value(bool b) : data_(b) {}
  property_value(int n) : data_(static_cast<double>(n)) {}
  property_value(double n) : data_(n) {}
  property_value(const char* s) : data_(std::string(s)) {}
  property_value(std::string s) : data_(std::move(s)) {}
  property_value(std::string_view s) : data_(std::string(s)) {}
  property_value(std::vector<property_value> items) : data_(std::move(items)) {}

  [[nodiscard]] static property_value time(std::string_view rfc3339);
  [[nodiscard]] static property_value seconds(std::int64_t s);
  [[nodiscard]] static property_value of(grammar::duration d);

  struct time_value {
    grammar::instant at;
  };
  struct duration_value {
    grammar::duration length;
  };
  using data =
      std::variant<std::monostate, bool, double, std::string, time_value, duration_value, std::vector<property_value>>;
  [[nodiscard]] const data& get() const { return data_; }

 private:
  property_value() = default;
  data data_;
};

using properties = std::vector<std::pair<std::string, property_value>>;

class simulation {
 public:
  /// Loads, checks and compiles flow files (directories are expanded).
  [[nodiscard]] static simulation from_files(const std::vector<std::string>& paths,
                                             runtime::simulator_options options = {});
  /// Compiles flows given as text, as if in a file called `name`; it may
  /// `import "ecommerce"` and other standard modules.
  [[nodiscard]] static simulation from_source(std::string_view source, std::string name = "inline.flow",
                                              runtime::simulator_options options = {});

  simulation(simulation&&) noexcept;
  simulation& operator=(simulation&&) noexcept;
  ~simulation();

  /// Sets customer attributes (`timezone` must name a zone of the tz database).
  simulation& customer(std::string_view id, const properties& attributes);
  /// Feeds one event; `time` is RFC 3339 and must not be before the
  /// simulated clock. An event after `simulator_options::until` is ignored.
  simulation& event(std::string_view time, std::string_view customer, std::string_view event,
                    const properties& props = {});
  /// Fires every timer due at or before `time` and moves the clock there.
  simulation& advance_to(std::string_view time);
  /// Fires every remaining timer: the campaign plays out to the end (or to
  /// `simulator_options::until`).
  simulation& run();
  /// Records a timeline of every customer from now on (see `timeline`).
  simulation& record_timelines();

  [[nodiscard]] const std::vector<runtime::owned_action>& actions() const;
  /// How every run that ended so far ended.
  [[nodiscard]] const std::vector<runtime::run_end>& run_ends() const;
  [[nodiscard]] std::vector<runtime::waiting_run> waiting() const;
  [[nodiscard]] const std::vector<runtime::runtime_error_record>& errors() const;
  /// The summary counts of the flow called `flow` (runs started, refused,
  /// ended, sends...); throws std::invalid_argument when there is none.
  [[nodiscard]] runtime::flow_stats stats(std::string_view flow) const;
  /// Whether `customer` is in `segment` now.
  [[nodiscard]] bool in_segment(std::string_view customer, std::string_view segment);
  /// One customer's timeline in plain words (needs `record_timelines()`).
  [[nodiscard]] std::string timeline(std::string_view customer) const;
  [[nodiscard]] grammar::instant now() const;

  /// The engine underneath, for what this facade does not cover.
  [[nodiscard]] runtime::simulator& engine();

 private:
  struct state;
  explicit simulation(std::unique_ptr<state> s);
  std::unique_ptr<state> state_;
};

/// The value of an action's parameter, or null when it has none by that name.
[[nodiscard]] stdlib::value param(const runtime::owned_action& a, std::string_view name);

}  // namespace afterflow::testing
