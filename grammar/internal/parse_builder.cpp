#include "grammar/internal/parse_builder.hpp"

#include <algorithm>

#include "grammar/internal/parse_failure.hpp"

namespace afterflow::grammar::parsing {

namespace {

template <typename T, typename Variant>
struct is_alternative;
template <typename T, typename... Ts>
struct is_alternative<T, std::variant<Ts...>> : std::bool_constant<(std::is_same_v<T, Ts> || ...)> {};

// Moves the node out of a frame into the variant `Node` of the tree, which
// must have it as an alternative (`if_frame` becomes its `if_step`).
template <typename Node>
Node frame_as(frame&& f) {
  return std::visit(
      [](auto&& node) -> Node {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, if_frame>) {
          if constexpr (is_alternative<ast::if_step, Node>::value) return std::move(node.step);
          else throw std::logic_error("parse_builder: an `if` where it does not belong");
        } else if constexpr (is_alternative<T, Node>::value) {
          return std::move(node);
        } else {
          throw std::logic_error("parse_builder: construct closed in the wrong place");
        }
      },
      std::move(f));
}

std::vector<ast::property>* property_list(frame& f) {
  return std::visit(
      [](auto& node) -> std::vector<ast::property>* {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, ast::send_step>) return &node.params;
        else if constexpr (std::is_same_v<T, ast::emit_step>) return &node.properties;
        else if constexpr (std::is_same_v<T, ast::test_customer>) return &node.attributes;
        else if constexpr (std::is_same_v<T, ast::test_event>) return &node.properties;
        else if constexpr (std::is_same_v<T, ast::expect_send>) return &node.with;
        else return nullptr;
      },
      f);
}

}  // namespace

parse_builder::parse_builder(std::size_t max_height)
    : max_height_(static_cast<std::uint32_t>(std::min<std::size_t>(max_height, UINT32_MAX))) {}

void parse_builder::reset() {
  frames_.clear();
  exprs_.clear();
  operators_.clear();
  done_.reset();
}

void parse_builder::broken(const char* what) { throw std::logic_error(std::string("parse_builder: ") + what); }

void parse_builder::push(ast::expr value, std::uint32_t height, span blame) {
  if (height > max_height_) throw syntax_failure{nesting_too_deep(blame, max_height_)};
  exprs_.push_back({std::move(value), height});
}

parse_builder::entry parse_builder::pop_entry() {
  if (exprs_.empty()) broken("expression stack empty");
  entry e = std::move(exprs_.back());
  exprs_.pop_back();
  return e;
}

void parse_builder::push_leaf(ast::expr_node node, span where) { push(ast::expr{where, std::move(node)}, 0, where); }

ast::expr parse_builder::pop_expr() { return pop_entry().value; }

void parse_builder::push_operator(ast::binary_op op, span where) { operators_.emplace_back(op, where); }

void parse_builder::fold_binary() {
  if (operators_.empty()) broken("operator stack empty");
  auto rhs = pop_entry();
  auto lhs = pop_entry();
  const auto [op, op_where] = operators_.back();
  operators_.pop_back();
  const auto where = lhs.value.where.to(rhs.value.where);
  const auto height = std::max(lhs.height, rhs.height) + 1;
  // Left-deep: a chain of operators, not brackets or nested calls.
  if (height > max_height_ && lhs.height > rhs.height) throw syntax_failure{chain_too_long(op_where, max_height_)};
  push(ast::expr{where, ast::binary_expr{op, op_where, std::make_unique<ast::expr>(std::move(lhs.value)),
                                         std::make_unique<ast::expr>(std::move(rhs.value))}},
       height, op_where);
}

void parse_builder::fold_unary(ast::unary_op op, span op_where, span whole) {
  auto operand = pop_entry();
  push(ast::expr{whole, ast::unary_expr{op, op_where, std::make_unique<ast::expr>(std::move(operand.value))}},
       operand.height + 1, op_where);
}

void parse_builder::fold_member(ast::identifier member) {
  auto object = pop_entry();
  const auto where = object.value.where.to(member.where);
  const auto blame = member.where;
  push(ast::expr{where, ast::member_expr{std::make_unique<ast::expr>(std::move(object.value)), std::move(member)}},
       object.height + 1, blame);
}

void parse_builder::fold_paren(span whole) {
  auto inner = pop_entry();
  push(ast::expr{whole, ast::paren_expr{std::make_unique<ast::expr>(std::move(inner.value))}}, inner.height + 1,
       span{whole.file, whole.begin, whole.begin + 1});
}

void parse_builder::open_call() {
  auto callee = pop_entry();
  auto* name = std::get_if<ast::name_expr>(&callee.value.node);
  if (name == nullptr) broken("callee is not a name");
  call_frame f;
  f.call.callee = std::move(name->name);
  open(std::move(f));
}

void parse_builder::set_argument_name(ast::identifier name) { top<call_frame>().pending_name = std::move(name); }

void parse_builder::add_argument() {
  auto value = pop_entry();
  auto& f = top<call_frame>();
  f.height = std::max(f.height, value.height);
  f.call.arguments.push_back(
      {std::exchange(f.pending_name, std::nullopt), std::make_unique<ast::expr>(std::move(value.value))});
}

void parse_builder::set_call_filter(span where_keyword) {
  auto filter = pop_entry();
  auto& f = top<call_frame>();
  f.height = std::max(f.height, filter.height);
  f.call.filter = std::make_unique<ast::expr>(std::move(filter.value));
  f.call.where_keyword = where_keyword;
}

void parse_builder::close_call(span args) {
  auto f = close<call_frame>();
  const auto where = f.call.callee.where.to(args);
  push(ast::expr{where, std::move(f.call)}, f.height + 1, span{args.file, args.begin, args.begin + 1});
}

void parse_builder::open_list() { open(list_frame{}); }

void parse_builder::add_list_item() {
  auto item = pop_entry();
  auto& f = top<list_frame>();
  f.height = std::max(f.height, item.height);
  f.list.items.push_back(std::move(item.value));
}

void parse_builder::close_list(span whole) {
  auto f = close<list_frame>();
  push(ast::expr{whole, std::move(f.list)}, f.height + 1, span{whole.file, whole.begin, whole.begin + 1});
}

void parse_builder::open_properties() {
  if (frames_.empty()) broken("properties outside a construct");
  std::visit(
      [](auto& node) {
        using T = std::decay_t<decltype(node)>;
        if constexpr (std::is_same_v<T, ast::send_step>) node.has_params_block = true;
        else if constexpr (std::is_same_v<T, ast::emit_step> || std::is_same_v<T, ast::test_event>)
          node.has_properties_block = true;
        else if constexpr (std::is_same_v<T, ast::expect_send>) node.has_with = true;
      },
      frames_.back());
}

void parse_builder::add_property(ast::identifier name) {
  if (frames_.empty()) broken("property outside a construct");
  auto* list = property_list(frames_.back());
  if (list == nullptr) broken("property in a construct without properties");
  list->push_back({std::move(name), ast::expr{}});
}

void parse_builder::set_property_value() {
  auto value = pop_expr();
  if (frames_.empty()) broken("property outside a construct");
  auto* list = property_list(frames_.back());
  if (list == nullptr || list->empty()) broken("property value without a name");
  list->back().value = std::move(value);
}

void parse_builder::finish_step(span whole) {
  if (frames_.empty()) broken("no step to finish");
  auto node = frame_as<ast::step_node>(std::move(frames_.back()));
  frames_.pop_back();
  top<ast::block>().steps.push_back({whole, std::move(node)});
}

void parse_builder::finish_policy_item(span whole) {
  if (frames_.empty()) broken("no policy item to finish");
  auto node = frame_as<ast::policy_item_node>(std::move(frames_.back()));
  frames_.pop_back();
  top<ast::policy_decl>().items.push_back({whole, std::move(node)});
}

void parse_builder::finish_test_item(span whole) {
  if (frames_.empty()) broken("no test item to finish");
  auto node = frame_as<ast::test_item_node>(std::move(frames_.back()));
  frames_.pop_back();
  top<ast::test_decl>().items.push_back({whole, std::move(node)});
}

void parse_builder::finish_pattern(std::vector<ast::event_pattern> ast::flow_decl::*list, span whole) {
  auto pattern = close<ast::event_pattern>();
  pattern.where = whole;
  (top<ast::flow_decl>().*list).push_back(std::move(pattern));
}

void parse_builder::finish_arm() {
  auto arm = close<ast::split_arm>();
  top<ast::split_step>().arms.push_back(std::move(arm));
}

void parse_builder::finish_declaration(span whole) {
  if (frames_.size() != 1) broken("declaration finished with constructs still open");
  auto node = frame_as<ast::declaration_node>(std::move(frames_.back()));
  frames_.pop_back();
  done_ = ast::declaration{whole, std::move(node)};
}

ast::declaration parse_builder::take_declaration() {
  if (!done_ || !frames_.empty() || !exprs_.empty() || !operators_.empty()) broken("unbalanced construction");
  auto d = std::move(*done_);
  done_.reset();
  return d;
}

}  // namespace afterflow::grammar::parsing
