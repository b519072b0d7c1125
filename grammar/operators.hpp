// The operators of the language, as the parser reads them. One enum from the
// AST to the runtime: the compiled program's nodes carry these codes, and
// stdlib/operators.hpp gives each its one meaning.
#pragma once

namespace afterflow::grammar {

enum class unary_op : unsigned char { logical_not, negate };

enum class binary_op : unsigned char {
  logical_or,
  logical_and,
  equal,
  not_equal,
  less,
  less_equal,
  greater,
  greater_equal,
  in,
  not_in,
  add,
  subtract,
  multiply,
  divide,
  remainder,
};

}  // namespace afterflow::grammar
