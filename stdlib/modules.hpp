// The standard modules: `.flow` sources compiled into the binary.
//
// `import "ecommerce"` resolves here before the file system is consulted:
// a module name without `.flow` names a standard module. The sources are
// ordinary afterflow code (stdlib/modules/*.flow), so the standard events
// and the external-name mapping table are documented by their own text.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace afterflow::stdlib {

struct embedded_module {
  std::string_view name;    ///< "ecommerce"
  std::string_view source;  ///< the module's `.flow` text
};

/// Every standard module, in name order.
[[nodiscard]] const std::vector<embedded_module>& embedded_modules();

/// The module called `name`, if there is one.
[[nodiscard]] std::optional<embedded_module> find_module(std::string_view name);

}  // namespace afterflow::stdlib
