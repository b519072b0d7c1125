// Shared by the libFuzzer harnesses: stopping on a violated property, and
// rendering diagnostics (user bytes end up in them, so rendering is fuzzed too).
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "grammar/diagnostic.hpp"
#include "grammar/diagnostic_render.hpp"

namespace afterflow::fuzz {

/// Reports a violated property on stderr and stops the run, so libFuzzer
/// saves the input as a crash.
[[noreturn]] inline void violated(std::string_view property, std::string_view detail = {}) {
  std::fprintf(stderr, "fuzz property violated: %.*s\n%.*s\n", static_cast<int>(property.size()), property.data(),
               static_cast<int>(detail.size()), detail.data());
  __builtin_trap();
}

/// Renders one diagnostic the way the command line does (plain and coloured)
/// and checks what every rendering must be: non-empty text.
inline void render(const grammar::diagnostic& d) {
  const auto plain = grammar::render_text(d);
  const auto coloured = grammar::render_text(d, {.color = true});
  if (plain.empty() || coloured.empty()) violated("a rendered diagnostic is never empty", d.code + " " + d.message);
}

}  // namespace afterflow::fuzz
