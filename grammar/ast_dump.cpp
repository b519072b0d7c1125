// The dump format, one S-expression per node, no spans, no comments:
//
//   names          bare: `trigger`, `order_placed`
//   strings        quoted, escaped as in the language: "a \"b\"\n"
//   literals       as written when the text reads back to the stored value:
//                  `20`, `2.50`, `3d`, `10:00`, `2026-03-01T09:00:00Z`, `50%`;
//                  otherwise both, `(number 20 "20.0")`, `(duration 60 "2m")`,
//                  `(time 3600 "2:00")`, `(timestamp 0 "...")`, `(percent 50 "5")`
//   expressions    `(op lhs rhs)` with the operator's spelling (`not-in` for
//                  `not in`), `(not x)`, `(- x)`, `(. object member)`,
//                  `(list a b)`, `(paren x)`,
//                  `(call callee arg (name: arg) (where filter))`
//   steps          `(wait 3d)`, `(wait-until 10:00 (on mon..fri sat) (in tz))`,
//                  `(wait-for event (as b) (where c) (within 7d) (received block)
//                  (timeout block))`, `(if (branch c block) ... (else block))`,
//                  `(split "name" (arm 50% label block))`,
//                  `(send channel "template" (params (k v)))`,
//                  `(set customer attribute value)`, `(tag "t")`, `(untag "t")`,
//                  `(emit event (props (k v)))`, `(repeat n block)`,
//                  `(stop "reason")`, `(log "text")`, `(block step ...)`
//   declarations   `(import "m")`, `(const n v)`, `(event n (field f type)
//                  (field f? type))`, `(segment n c)`, `(policy (timezone "z")
//                  (quiet-hours from to (for email)) (limit email 2 7d))`,
//                  `(map "External" event (target source) (target "source"))`,
//                  `(flow n "description" (trigger e (where c)) (when c)
//                  (exit e) (goal e) (reentry after 30d) (key k) (transactional)
//                  block)`, `(test "name" item ...)`
//   test items     `(customer c1 (k v))`, `(at t event c1 (props ...))`,
//                  `(after 1d event c1)`, `(run-until t)`, `(allow-other-sends)`,
//                  `(expect-send email "tpl" (to c1) (at t) (between a b)
//                  (with ...))` (also expect-no-send, expect-suppressed,
//                  expect-deferred), `(expect-count email == 2)`,
//                  `(expect-exit flow c1 reason)`, `(expect-goal flow c1)`,
//                  `(expect-in c1 segment)`, `(expect-not-in c1 segment)`;
//                  a quoted customer id or reason prints as a string
//
// A `{ }` written after send/emit/test events/`with` shows as `(params)` /
// `(props)` / `(with)` even when empty. Optional parts print only when set.
// A file prints one declaration per line.
#include "grammar/ast_dump.hpp"

#include <type_traits>
#include <variant>

#include <fmt/format.h>

#include "grammar/text/json_writer.hpp"
#include "grammar/text/literals.hpp"

namespace afterflow::grammar::ast {

namespace {

template <typename... Fs>
struct overloaded : Fs... {
  using Fs::operator()...;
};
template <typename... Fs>
overloaded(Fs...) -> overloaded<Fs...>;

template <typename T>
bool reads_back(const parsing::literal_result<T>& parsed, const T& value) {
  const auto* v = std::get_if<T>(&parsed);
  return v != nullptr && *v == value;
}

class printer {
 public:
  explicit printer(std::string& out) : out_(out) {}

  void quoted(std::string_view s) {
    out_.push_back('"');
    for (const char c : s) {
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\n': out_ += "\\n"; break;
        case '\t': out_ += "\\t"; break;
        case '\r': out_ += "\\r"; break;
        default:
          if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            out_ += fmt::format("\\u{{{:x}}}", static_cast<unsigned char>(c));
          } else {
            out_.push_back(c);
          }
      }
    }
    out_.push_back('"');
  }

  void name(const identifier& id) { out_ += id.name; }

  void open(std::string_view head) {
    out_.push_back('(');
    out_ += head;
  }
  void close() { out_.push_back(')'); }
  void space() { out_.push_back(' '); }

  void literal(std::string_view kind, double value, const std::string& text, bool consistent) {
    if (consistent) {
      out_ += text;
      return;
    }
    open(kind);
    out_ += fmt::format(" {} ", format_number(value));
    quoted(text);
    close();
  }
  void literal(std::string_view kind, std::int64_t value, const std::string& text, bool consistent) {
    if (consistent) {
      out_ += text;
      return;
    }
    open(kind);
    out_ += fmt::format(" {} ", value);
    quoted(text);
    close();
  }

  void expression(const expr& e) {
    std::visit(overloaded{
                   [&](const null_literal&) { out_ += "null"; },
                   [&](const bool_literal& b) { out_ += b.value ? "true" : "false"; },
                   [&](const number_literal& n) {
                     literal("number", n.value, n.text, reads_back(parsing::number_value(n.text), n.value));
                   },
                   [&](const string_value& s) { quoted(s.value); },
                   [&](const duration_literal& d) {
                     // In whole seconds, as written (a literal has no fraction of a second).
                     const auto seconds = std::chrono::duration_cast<std::chrono::seconds>(d.value).count();
                     literal("duration", seconds, d.text, reads_back(parsing::duration_value(d.text), d.value));
                   },
                   [&](const time_of_day_literal& t) {
                     literal("time", std::int64_t{t.seconds}, t.text,
                             reads_back(parsing::time_of_day_seconds(t.text), t.seconds));
                   },
                   [&](const timestamp_literal& t) {
                     literal("timestamp", micros_since_epoch(t.value), t.text,
                             reads_back(parsing::timestamp_value(t.text), t.value));
                   },
                   [&](const list_expr& l) {
                     open("list");
                     for (const auto& item : l.items) {
                       space();
                       expression(item);
                     }
                     close();
                   },
                   [&](const name_expr& n) { name(n.name); },
                   [&](const member_expr& m) {
                     open(". ");
                     child(m.object);
                     space();
                     name(m.member);
                     close();
                   },
                   [&](const unary_expr& u) {
                     open(spelling(u.op));
                     space();
                     child(u.operand);
                     close();
                   },
                   [&](const binary_expr& b) {
                     open(b.op == binary_op::not_in ? "not-in" : spelling(b.op));
                     space();
                     child(b.lhs);
                     space();
                     child(b.rhs);
                     close();
                   },
                   [&](const call_expr& c) {
                     open("call ");
                     name(c.callee);
                     for (const auto& argument : c.arguments) {
                       space();
                       if (argument.name) {
                         out_.push_back('(');
                         name(*argument.name);
                         out_ += ": ";
                         child(argument.value);
                         close();
                       } else {
                         child(argument.value);
                       }
                     }
                     if (c.filter) {
                       out_ += " (where ";
                       child(c.filter);
                       close();
                     }
                     close();
                   },
                   [&](const paren_expr& p) {
                     open("paren ");
                     child(p.inner);
                     close();
                   },
               },
               e.node);
  }

  void child(const expr_ptr& e) {
    if (e) expression(*e);
    else out_ += "_";
  }

  // ` (head expr)` or ` (head (block …))` when set.
  template <typename T>
  void optional_child(std::string_view head, const std::optional<T>& child) {
    if (!child) return;
    out_ += " (";
    out_ += head;
    space();
    if constexpr (std::is_same_v<T, block>) body(*child);
    else expression(*child);
    close();
  }

  void properties(std::string_view head, const std::vector<property>& list, bool braced) {
    if (!braced && list.empty()) return;
    space();
    open(braced ? head : fmt::format("{}-unbraced", head));
    for (const auto& p : list) {
      out_ += " (";
      name(p.name);
      space();
      expression(p.value);
      close();
    }
    close();
  }

  void customer(const customer_ref& c) {
    if (c.quoted) quoted(c.id);
    else out_ += c.id;
  }

  void body(const block& b) {
    open("block");
    for (const auto& s : b.steps) {
      space();
      statement(s);
    }
    close();
  }

  void statement(const step& s) {
    std::visit(overloaded{
                   [&](const wait_step& w) {
                     open("wait ");
                     expression(w.duration);
                     close();
                   },
                   [&](const wait_until_step& w) {
                     open("wait-until ");
                     expression(w.time_of_day);
                     if (!w.days.empty()) {
                       out_ += " (on";
                       for (const auto& d : w.days) {
                         space();
                         out_ += spelling(d.first);
                         if (d.last != d.first) {
                           out_ += "..";
                           out_ += spelling(d.last);
                         }
                       }
                       close();
                     }
                     optional_child("in", w.time_zone);
                     close();
                   },
                   [&](const wait_for_step& w) {
                     open("wait-for ");
                     name(w.event);
                     if (w.binding) {
                       out_ += " (as ";
                       name(*w.binding);
                       close();
                     }
                     optional_child("where", w.condition);
                     out_ += " (within ";
                     expression(w.within);
                     close();
                     optional_child("received", w.received);
                     optional_child("timeout", w.timed_out);
                     close();
                   },
                   [&](const if_step& i) {
                     open("if");
                     for (const auto& branch : i.branches) {
                       out_ += " (branch ";
                       expression(branch.condition);
                       space();
                       body(branch.body);
                       close();
                     }
                     optional_child("else", i.otherwise);
                     close();
                   },
                   [&](const split_step& sp) {
                     open("split");
                     if (sp.name) {
                       space();
                       quoted(sp.name->value);
                     }
                     for (const auto& arm : sp.arms) {
                       out_ += " (arm ";
                       const bool consistent = reads_back(parsing::number_value(arm.percent_text), arm.percent);
                       if (consistent) {
                         out_ += arm.percent_text;
                         out_ += "%";
                       } else {
                         literal("percent", arm.percent, arm.percent_text, false);
                       }
                       space();
                       name(arm.label);
                       space();
                       body(arm.body);
                       close();
                     }
                     close();
                   },
                   [&](const send_step& se) {
                     open("send ");
                     name(se.channel);
                     space();
                     quoted(se.template_name.value);
                     properties("params", se.params, se.has_params_block);
                     close();
                   },
                   [&](const set_step& se) {
                     open("set ");
                     name(se.target);
                     space();
                     name(se.attribute);
                     space();
                     expression(se.value);
                     close();
                   },
                   [&](const tag_step& t) {
                     open(t.remove ? "untag " : "tag ");
                     quoted(t.tag.value);
                     close();
                   },
                   [&](const emit_step& e) {
                     open("emit ");
                     name(e.event);
                     properties("props", e.properties, e.has_properties_block);
                     close();
                   },
                   [&](const repeat_step& r) {
                     open("repeat ");
                     expression(r.count);
                     space();
                     body(r.body);
                     close();
                   },
                   [&](const stop_step& st) {
                     open("stop");
                     if (st.reason) {
                       space();
                       quoted(st.reason->value);
                     }
                     close();
                   },
                   [&](const log_step& l) {
                     open("log ");
                     quoted(l.text.value);
                     close();
                   },
               },
               s.node);
  }

  void pattern(std::string_view head, const event_pattern& p) {
    out_ += " (";
    out_ += head;
    space();
    name(p.event);
    optional_child("where", p.condition);
    close();
  }

  void test_line(const test_item& item) {
    std::visit(overloaded{
                   [&](const test_customer& c) {
                     open("customer ");
                     customer(c.customer);
                     for (const auto& p : c.attributes) {
                       out_ += " (";
                       name(p.name);
                       space();
                       expression(p.value);
                       close();
                     }
                     close();
                   },
                   [&](const test_event& e) {
                     open(e.time.anchor == time_anchor::at ? "at " : "after ");
                     expression(e.time.value);
                     space();
                     name(e.event);
                     space();
                     customer(e.customer);
                     properties("props", e.properties, e.has_properties_block);
                     close();
                   },
                   [&](const test_run_until& r) {
                     open("run-until ");
                     expression(r.until);
                     close();
                   },
                   [&](const test_allow_other_sends&) { out_ += "(allow-other-sends)"; },
                   [&](const expect_send& e) {
                     static constexpr std::string_view heads[] = {"expect-send", "expect-no-send", "expect-suppressed",
                                                                  "expect-deferred"};
                     open(heads[static_cast<std::size_t>(e.kind)]);
                     if (e.channel) {
                       space();
                       name(*e.channel);
                     }
                     if (e.template_name) {
                       space();
                       quoted(e.template_name->value);
                     }
                     if (e.customer) {
                       out_ += " (to ";
                       customer(*e.customer);
                       close();
                     }
                     optional_child("at", e.at);
                     if (e.between_start || e.between_end) {
                       out_ += " (between ";
                       if (e.between_start) expression(*e.between_start);
                       else out_ += "_";
                       space();
                       if (e.between_end) expression(*e.between_end);
                       else out_ += "_";
                       close();
                     }
                     properties("with", e.with, e.has_with);
                     close();
                   },
                   [&](const expect_count& e) {
                     open("expect-count ");
                     name(e.channel);
                     space();
                     out_ += spelling(e.op);
                     space();
                     expression(e.count);
                     close();
                   },
                   [&](const expect_exit& e) {
                     open("expect-exit ");
                     name(e.flow);
                     space();
                     customer(e.customer);
                     space();
                     if (e.reason_quoted) quoted(e.reason);
                     else out_ += e.reason;
                     close();
                   },
                   [&](const expect_goal& e) {
                     open("expect-goal ");
                     name(e.flow);
                     space();
                     customer(e.customer);
                     close();
                   },
                   [&](const expect_segment& e) {
                     open(e.negated ? "expect-not-in " : "expect-in ");
                     customer(e.customer);
                     space();
                     name(e.segment);
                     close();
                   },
               },
               item.node);
  }

  void declaration(const ast::declaration& d) {
    std::visit(overloaded{
                   [&](const import_decl& i) {
                     open("import ");
                     quoted(i.path.value);
                     close();
                   },
                   [&](const const_decl& c) {
                     open("const ");
                     name(c.name);
                     space();
                     expression(c.value);
                     close();
                   },
                   [&](const event_decl& e) {
                     open("event ");
                     name(e.name);
                     for (const auto& f : e.fields) {
                       out_ += " (field ";
                       name(f.name);
                       if (f.optional) out_ += "?";
                       space();
                       name(f.type);
                       close();
                     }
                     close();
                   },
                   [&](const segment_decl& s) {
                     open("segment ");
                     name(s.name);
                     space();
                     expression(s.condition);
                     close();
                   },
                   [&](const policy_decl& p) {
                     open("policy");
                     for (const auto& item : p.items) {
                       space();
                       policy_line(item);
                     }
                     close();
                   },
                   [&](const map_decl& m) {
                     open("map ");
                     quoted(m.external_name.value);
                     space();
                     name(m.event);
                     for (const auto& p : m.properties) {
                       out_ += " (";
                       name(p.target);
                       space();
                       if (p.source_quoted) quoted(p.source);
                       else out_ += p.source;
                       close();
                     }
                     close();
                   },
                   [&](const flow_decl& f) {
                     open("flow ");
                     name(f.name);
                     if (f.description) {
                       space();
                       quoted(f.description->value);
                     }
                     for (const auto& p : f.triggers) pattern("trigger", p);
                     for (const auto& w : f.filters) {
                       out_ += " (when ";
                       expression(w);
                       close();
                     }
                     for (const auto& p : f.exits) pattern("exit", p);
                     for (const auto& p : f.goals) pattern("goal", p);
                     if (f.reentry) {
                       static constexpr std::string_view kinds[] = {"never", "always", "after"};
                       out_ += " (reentry ";
                       out_ += kinds[static_cast<std::size_t>(f.reentry->kind)];
                       if (f.reentry->after) {
                         space();
                         expression(*f.reentry->after);
                       }
                       close();
                     }
                     optional_child("key", f.key);
                     if (f.transactional) out_ += " (transactional)";
                     space();
                     body(f.body);
                     close();
                   },
                   [&](const test_decl& t) {
                     open("test ");
                     quoted(t.name.value);
                     for (const auto& item : t.items) {
                       space();
                       test_line(item);
                     }
                     close();
                   },
               },
               d.node);
  }

  void policy_line(const policy_item& item) {
    std::visit(overloaded{
                   [&](const policy_timezone& t) {
                     open("timezone ");
                     quoted(t.zone.value);
                     close();
                   },
                   [&](const policy_quiet_hours& q) {
                     open("quiet-hours ");
                     expression(q.from);
                     space();
                     expression(q.to);
                     if (!q.channels.empty()) {
                       out_ += " (for";
                       for (const auto& c : q.channels) {
                         space();
                         name(c);
                       }
                       close();
                     }
                     close();
                   },
                   [&](const policy_limit& l) {
                     open("limit ");
                     name(l.channel);
                     space();
                     expression(l.count);
                     space();
                     expression(l.window);
                     close();
                   },
               },
               item.node);
  }

 private:
  std::string& out_;
};

}  // namespace

std::string dump(const file& f) {
  std::string out;
  printer p(out);
  for (const auto& d : f.declarations) {
    p.declaration(d);
    out.push_back('\n');
  }
  return out;
}

std::string dump(const declaration& d) {
  std::string out;
  printer(out).declaration(d);
  return out;
}

std::string dump(const step& s) {
  std::string out;
  printer(out).statement(s);
  return out;
}

std::string dump(const expr& e) {
  std::string out;
  printer(out).expression(e);
  return out;
}

}  // namespace afterflow::grammar::ast
