// Every expression of every checked file has an entry in the side table,
// whether or not the program has errors: the compiler relies on it.
#include <algorithm>
#include <filesystem>

#include <gtest/gtest.h>

#include "interpreter/check/checker.hpp"
#include "tests/check/check_helpers.hpp"

namespace afterflow::check {

using grammar::diagnostic_list;

namespace {

namespace fs = std::filesystem;

template <typename... F>
struct visitor : F... {
  using F::operator()...;
};
template <typename... F>
visitor(F...) -> visitor<F...>;

class coverage {
 public:
  explicit coverage(const checked_program& p) : program_(p) {}

  void file(const ast::file& f) {
    for (const auto& d : f.declarations) declaration(d);
  }
  std::vector<std::string> missing;

 private:
  void expr(const ast::expr& e) {
    if (program_.find_info(e) == nullptr) {
      missing.push_back(std::string(program_.sources.text(e.where)));
    }
    std::visit(visitor{
                   [&](const ast::list_expr& l) {
                     for (const auto& i : l.items) expr(i);
                   },
                   [&](const ast::member_expr& m) { expr(*m.object); },
                   [&](const ast::unary_expr& u) { expr(*u.operand); },
                   [&](const ast::binary_expr& b) {
                     expr(*b.lhs);
                     expr(*b.rhs);
                   },
                   [&](const ast::call_expr& c) {
                     for (const auto& a : c.arguments) expr(*a.value);
                     if (c.filter) expr(*c.filter);
                   },
                   [&](const ast::paren_expr& p) { expr(*p.inner); },
                   [](const auto&) {},
               },
               e.node);
  }
  void props(const std::vector<ast::property>& ps) {
    for (const auto& p : ps) expr(p.value);
  }
  void opt(const std::optional<ast::expr>& e) {
    if (e) expr(*e);
  }
  void block(const ast::block& b) {
    for (const auto& s : b.steps) step(s);
  }
  void step(const ast::step& s) {
    std::visit(visitor{
                   [&](const ast::wait_step& w) { expr(w.duration); },
                   [&](const ast::wait_until_step& w) {
                     expr(w.time_of_day);
                     opt(w.time_zone);
                   },
                   [&](const ast::wait_for_step& w) {
                     opt(w.condition);
                     expr(w.within);
                     if (w.received) block(*w.received);
                     if (w.timed_out) block(*w.timed_out);
                   },
                   [&](const ast::if_step& i) {
                     for (const auto& b : i.branches) {
                       expr(b.condition);
                       block(b.body);
                     }
                     if (i.otherwise) block(*i.otherwise);
                   },
                   [&](const ast::split_step& sp) {
                     for (const auto& a : sp.arms) block(a.body);
                   },
                   [&](const ast::send_step& send) { props(send.params); },
                   [&](const ast::set_step& set) { expr(set.value); },
                   [&](const ast::emit_step& emit) { props(emit.properties); },
                   [&](const ast::repeat_step& r) {
                     expr(r.count);
                     block(r.body);
                   },
                   [](const auto&) {},
               },
               s.node);
  }
  void declaration(const ast::declaration& d) {
    std::visit(visitor{
                   [&](const ast::const_decl& c) { expr(c.value); },
                   [&](const ast::segment_decl& s) { expr(s.condition); },
                   [&](const ast::policy_decl& p) {
                     for (const auto& item : p.items) {
                       std::visit(visitor{
                                      [&](const ast::policy_quiet_hours& q) {
                                        expr(q.from);
                                        expr(q.to);
                                      },
                                      [&](const ast::policy_limit& l) {
                                        expr(l.count);
                                        expr(l.window);
                                      },
                                      [](const auto&) {},
                                  },
                                  item.node);
                     }
                   },
                   [&](const ast::flow_decl& f) {
                     for (const auto& t : f.triggers) opt(t.condition);
                     for (const auto& w : f.filters) expr(w);
                     for (const auto& x : f.exits) opt(x.condition);
                     for (const auto& g : f.goals) opt(g.condition);
                     if (f.reentry) opt(f.reentry->after);
                     opt(f.key);
                     block(f.body);
                   },
                   [&](const ast::test_decl& t) {
                     for (const auto& item : t.items) {
                       std::visit(visitor{
                                      [&](const ast::test_customer& c) { props(c.attributes); },
                                      [&](const ast::test_event& e) {
                                        expr(e.time.value);
                                        props(e.properties);
                                      },
                                      [&](const ast::test_run_until& r) { expr(r.until); },
                                      [&](const ast::expect_send& x) {
                                        opt(x.at);
                                        opt(x.between_start);
                                        opt(x.between_end);
                                        props(x.with);
                                      },
                                      [&](const ast::expect_count& x) { expr(x.count); },
                                      [](const auto&) {},
                                  },
                                  item.node);
                     }
                   },
                   [](const auto&) {},
               },
               d.node);
  }

  const checked_program& program_;
};

std::vector<fs::path> golden_files() {
  std::vector<fs::path> out;
  for (const auto* dir : {"errors", "ok"}) {
    for (const auto& entry : fs::recursive_directory_iterator(fs::path(AFTERFLOW_GOLDEN_CHECK_DIR) / dir)) {
      if (entry.path().extension() == ".flow") out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(expression_coverage, every_expression_of_every_golden_input_has_an_entry) {
  const auto files = golden_files();
  ASSERT_FALSE(files.empty());
  for (const auto& path : files) {
    diagnostic_list diagnostics;
    const std::vector<std::string> roots{path.string()};
    const auto program = load_and_check(roots, disk_file_reader(), diagnostics);
    coverage c(program);
    for (const auto& f : program.files) c.file(f.syntax);
    EXPECT_TRUE(c.missing.empty()) << path.filename().string() << ": first missing `"
                                   << (c.missing.empty() ? "" : c.missing.front()) << "`";
  }
}

TEST(expression_coverage, unit_test_sources_with_errors) {
  const auto run = test_support::check_with_ecommerce(R"(
const a = nope(1, [2, x.y]) + count(order_placed.total where event.x, 3, bogus: 1)
segment s = sum(order_placed, within: customer.w) > lower(1 where true, named: 2)
flow f {
  trigger order_placed where trigger.x and event.total
  when order_paid.total > 1 and vip()
  wait for order_paid as p where p.nothing within 0 { send email "x" { a: p.total } } timeout { log "t" }
  repeat "x" times { emit order_paid { order_id: 1 } }
}
test "t" {
  after 1 order_placed c1 { total: customer.x }
  expect send email to c1 between 1 and now with { x: trigger }
  expect count send email == "two"
}
)");
  EXPECT_TRUE(run.diagnostics.has_errors());
  coverage c(run.program);
  for (const auto& f : run.program.files) c.file(f.syntax);
  EXPECT_TRUE(c.missing.empty()) << c.missing.front();
}

}  // namespace
}  // namespace afterflow::check
