// AllianceData: the merged ties of every source, indexed by (year, a, b) for
// dyad lookups and by (year, state) for portfolios.
#include <algorithm>
#include <tuple>

#include "alliances/alliances.hpp"

namespace rostrum::alliances {
namespace {

std::uint64_t state_key(int year, int state) {
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(year)) << 32) | static_cast<std::uint32_t>(state);
}

}  // namespace

AllianceData::AllianceData(std::vector<Tie> ties, std::vector<Treaty> treaties, std::vector<Coverage> coverage)
    : ties_(std::move(ties)), treaties_(std::move(treaties)), coverage_(std::move(coverage)) {
  std::sort(ties_.begin(), ties_.end(), [](const Tie& x, const Tie& y) {
    return std::tie(x.year, x.a, x.b, x.treaty) < std::tie(y.year, y.a, y.b, y.treaty);
  });
  first_year_ = 0;
  last_year_ = 0;
  for (const auto& c : coverage_) {
    if (!first_year_ || c.first_year < first_year_) first_year_ = c.first_year;
    last_year_ = std::max(last_year_, c.last_year);
    if (c.complete) complete_years_.emplace_back(c.first_year, c.last_year);
  }
  struct Entry {
    std::uint64_t key;
    int partner;
    std::uint8_t mask;
  };
  std::vector<Entry> entries;
  entries.reserve(ties_.size() * 2);
  for (const Tie& t : ties_) {
    entries.push_back({state_key(t.year, t.a), t.b, t.obligations});
    entries.push_back({state_key(t.year, t.b), t.a, t.obligations});
  }
  std::sort(entries.begin(), entries.end(),
            [](const Entry& x, const Entry& y) { return std::tie(x.key, x.partner) < std::tie(y.key, y.partner); });
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    if (i > 0 && entries[i - 1].key == e.key && entries[i - 1].partner == e.partner) {
      adjacency_.back().obligations |= e.mask;
      continue;
    }
    if (by_state_.empty() || by_state_.back().first != e.key)
      by_state_.emplace_back(e.key, static_cast<std::uint32_t>(adjacency_.size()));
    adjacency_.push_back({e.partner, e.mask});
  }
}

bool AllianceData::complete(int year) const {
  for (const auto& [first, last] : complete_years_)
    if (year >= first && year <= last) return true;
  return false;
}

namespace {
auto tie_range(const std::vector<Tie>& ties, int a, int b, int year) {
  return std::equal_range(ties.begin(), ties.end(), Tie{year, a, b, 0, -1}, [](const Tie& x, const Tie& y) {
    return std::tie(x.year, x.a, x.b) < std::tie(y.year, y.a, y.b);
  });
}
}  // namespace

std::uint8_t AllianceData::directed(int a, int b, int year) const {
  std::uint8_t mask = 0;
  auto [lo, hi] = tie_range(ties_, a, b, year);
  for (auto it = lo; it != hi; ++it) mask |= it->obligations;
  return mask;
}

bool AllianceData::any_tie(int a, int b, int year) const {
  auto [l1, h1] = tie_range(ties_, a, b, year);
  if (l1 != h1) return true;
  auto [l2, h2] = tie_range(ties_, b, a, year);
  return l2 != h2;
}

std::vector<int> AllianceData::treaties_between(int a, int b, int year) const {
  std::vector<int> out;
  for (auto [x, y] : {std::pair{a, b}, std::pair{b, a}}) {
    auto [lo, hi] = tie_range(ties_, x, y, year);
    for (auto it = lo; it != hi; ++it)
      if (it->treaty >= 0) out.push_back(it->treaty);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<AllianceData::Partner> AllianceData::partners(int state, int year) const {
  const std::uint64_t key = state_key(year, state);
  auto it = std::lower_bound(by_state_.begin(), by_state_.end(), key,
                             [](const auto& entry, std::uint64_t k) { return entry.first < k; });
  if (it == by_state_.end() || it->first != key) return {};
  const std::size_t begin = it->second;
  const std::size_t end = (it + 1 == by_state_.end()) ? adjacency_.size() : (it + 1)->second;
  return {adjacency_.begin() + static_cast<std::ptrdiff_t>(begin),
          adjacency_.begin() + static_cast<std::ptrdiff_t>(end)};
}

}  // namespace rostrum::alliances
