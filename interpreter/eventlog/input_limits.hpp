// The bounds on one line of input data (event logs and profiles), checked
// before anything recurses or buffers: a hostile line costs at most these,
// and breaking one is an error naming the line, like any bad record.
#pragma once

#include <cstddef>

namespace afterflow::eventlog {

/// Objects and arrays nest at most this deep; the line's own object is
/// level 1, so an event's properties may nest 126 more levels. Deeper is
/// malformed JSON (E1001), found before any recursion goes that deep.
inline constexpr std::size_t max_json_depth = 128;

/// The default longest line, in bytes (without its newline). A longer line
/// is an error (E1011) that costs no memory beyond this bound: its rest is
/// read through and dropped, never buffered.
inline constexpr std::size_t default_max_line_bytes = std::size_t{1} << 20;

}  // namespace afterflow::eventlog
