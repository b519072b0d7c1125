// Edit distance and "did you mean" suggestions (after ninja's
// edit_distance.cc / SpellcheckString).
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace afterflow::grammar {

/// Levenshtein distance (insert, delete, replace each cost 1), stopping early
/// and returning `max_distance + 1` once the distance must exceed it.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max_distance = 1000);

/// Words longer than this get no suggestion (the cost would grow with them).
inline constexpr std::size_t max_suggested_length = 100;

/// The candidate closest to `word`, if any is close enough: within
/// max(1, word.size() / 3) edits. Ties go to the earliest candidate, so the
/// result depends only on the order of `candidates`. None for a word longer
/// than `max_suggested_length`.
[[nodiscard]] std::optional<std::string> closest_match(std::string_view word,
                                                       std::span<const std::string_view> candidates);

}  // namespace afterflow::grammar
