#include "grammar/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace afterflow::grammar {

diagnostic& diagnostic_list::error(std::string code, span where, std::string message) {
  return add({severity::error, std::move(code), std::move(message), where, {}, {}, {}});
}

diagnostic& diagnostic_list::warning(std::string code, span where, std::string message) {
  return add({severity::warning, std::move(code), std::move(message), where, {}, {}, {}});
}

diagnostic& diagnostic_list::add(diagnostic d) {
  items_.push_back(std::move(d));
  return items_.back();
}

std::size_t diagnostic_list::error_count() const {
  return static_cast<std::size_t>(
      std::count_if(items_.begin(), items_.end(), [](const diagnostic& d) { return d.level == severity::error; }));
}

std::size_t diagnostic_list::warning_count() const { return items_.size() - error_count(); }

void diagnostic_list::sort() {
  std::stable_sort(items_.begin(), items_.end(), [](const diagnostic& a, const diagnostic& b) {
    const auto* x = a.source_span();
    const auto* y = b.source_span();
    if (x == nullptr || y == nullptr) return x != nullptr && y == nullptr;
    return std::tie(x->file, x->begin, x->end) < std::tie(y->file, y->begin, y->end);
  });
}

void diagnostic_list::append(const diagnostic_list& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

}  // namespace afterflow::grammar
