#include "grammar/text/edit_distance.hpp"

#include <algorithm>
#include <vector>

namespace afterflow::grammar {

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t max_distance) {
  const auto diff = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
  if (diff > max_distance) return max_distance + 1;
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    std::size_t best = row[0];
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      const std::size_t replace = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({replace, row[j - 1] + 1, above + 1});
      diagonal = above;
      best = std::min(best, row[j]);
    }
    if (best > max_distance) return max_distance + 1;
  }
  return row[b.size()];
}

std::optional<std::string> closest_match(std::string_view word, std::span<const std::string_view> candidates) {
  // Nobody mistypes a name this long, and the cost of comparing grows with
  // its length times the candidates': a hostile megabyte-long zone name in
  // every line of a log must not turn each line into seconds of work.
  if (word.size() > max_suggested_length) return std::nullopt;
  const std::size_t limit = std::max<std::size_t>(1, word.size() / 3);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const auto candidate : candidates) {
    if (candidate == word) continue;
    const auto d = edit_distance(word, candidate, limit);
    if (d < best_distance) {
      best_distance = d;
      best = std::string(candidate);
    }
  }
  return best;
}

}  // namespace afterflow::grammar
