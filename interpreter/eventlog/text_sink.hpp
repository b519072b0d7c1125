// Where generated and converted text goes: a callback taking consecutive
// chunks (whole lines), so producers need not know about files, pipes or
// strings, and tests collect the output in memory.
#pragma once

#include <functional>
#include <string_view>

namespace afterflow::eventlog {

/// Called with consecutive chunks of output, each made of whole lines.
using text_sink = std::function<void(std::string_view)>;

}  // namespace afterflow::eventlog
