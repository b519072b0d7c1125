// A canonical, span-free printing of the AST as S-expressions.
//
// Two trees are equal, ignoring positions and comments, exactly when their
// dumps are equal: this is how tests state `parse(fmt(x)) == parse(x)` and how
// table-driven parser tests write down the tree they expect.
#pragma once

#include <string>

#include "grammar/ast.hpp"

namespace afterflow::grammar::ast {

[[nodiscard]] std::string dump(const file& f);
[[nodiscard]] std::string dump(const declaration& d);
[[nodiscard]] std::string dump(const step& s);
[[nodiscard]] std::string dump(const expr& e);

}  // namespace afterflow::grammar::ast
