#include "interpreter/runtime/internal/timer_queue.hpp"

#include <gtest/gtest.h>

namespace afterflow::runtime {
namespace {

TEST(timer_queue, earliest_first_then_creation_order) {
  timer_queue q;
  q.push(grammar::instant_from_micros(30), 1, 0);
  q.push(grammar::instant_from_micros(10), 2, 0);
  q.push(grammar::instant_from_micros(30), 3, 0);
  q.push(grammar::instant_from_micros(10), 4, 0);
  q.push(grammar::instant_from_micros(20), 5, 0);
  std::vector<std::uint32_t> order;
  while (!q.empty()) {
    order.push_back(q.top().run);
    q.pop();
  }
  EXPECT_EQ(order, (std::vector<std::uint32_t>{2, 4, 5, 1, 3}));
}

TEST(timer_queue, many_same_instant_timers_keep_creation_order) {
  timer_queue q;
  for (std::uint32_t i = 0; i < 1000; ++i) q.push(grammar::instant_from_micros(5), i, 0);
  for (std::uint32_t i = 0; i < 1000; ++i) {
    ASSERT_EQ(q.top().run, i);
    q.pop();
  }
}

TEST(timer_queue, carries_generation) {
  timer_queue q;
  const auto seq = q.push(grammar::instant_from_micros(1), 7, 42);
  EXPECT_EQ(q.top().generation, 42u);
  EXPECT_EQ(q.top().seq, seq);
}

}  // namespace
}  // namespace afterflow::runtime
