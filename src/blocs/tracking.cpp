// Tracking blocs across periods by Jaccard overlap (Greene, Doyle & Cunningham
// 2010, doi:10.1109/ASONAM.2010.17): a bloc keeps its label while it persists;
// splits, merges, births, deaths and movers are reported.
#include "blocs/blocs.hpp"
#include "blocs/graph.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>

#include <tuple>
#include <unordered_map>
#include "core/error.hpp"

namespace rostrum::blocs {

using detail::by_size;

std::vector<TrackedPeriod> track_blocs(const std::vector<PeriodPartition>& periods, const TrackingOptions& options) {
  if (!(options.min_jaccard >= 0 && options.min_jaccard <= 1) ||
      !(options.event_share > 0 && options.event_share <= 1)) {
    throw UsageError("blocs: tracking needs min_jaccard in [0, 1] and event_share in (0, 1]");
  }
  std::vector<TrackedPeriod> out;
  std::unordered_map<std::string, int> previous_label;  // state -> label, previous period
  std::vector<int> previous_blocs;                      // labels present in the previous period
  int next_label = 1;
  for (std::size_t p = 0; p < periods.size(); ++p) {
    const auto& period = periods[p];
    if (period.states.size() != period.membership.size()) {
      throw UsageError("blocs: period " + period.period + " has " + std::to_string(period.states.size()) +
                       " states but " + std::to_string(period.membership.size()) + " bloc ids");
    }
    if (std::set<std::string>(period.states.begin(), period.states.end()).size() != period.states.size()) {
      throw UsageError("blocs: duplicate state in period " + period.period);
    }
    const std::vector<int> raw = by_size(period.membership, nullptr);  // 0 = largest
    const int k = raw.empty() ? 0 : *std::max_element(raw.begin(), raw.end()) + 1;
    std::vector<int> label_of(k, 0);
    std::vector<double> jaccard_of(k, 0.0);

    // Overlaps on the states present in both periods.
    std::map<std::pair<int, int>, int> overlap;  // (raw bloc, previous label) -> shared states
    std::vector<int> raw_common(k, 0);
    std::map<int, int> previous_common;  // previous label -> its states still present
    for (std::size_t i = 0; i < period.states.size(); ++i) {
      auto found = previous_label.find(period.states[i]);
      if (found == previous_label.end()) continue;
      ++overlap[{raw[i], found->second}];
      ++raw_common[raw[i]];
      ++previous_common[found->second];
    }
    std::set<int> matched_previous;
    if (p > 0) {
      struct Candidate {
        double jaccard;
        int shared, bloc, label;
      };
      std::vector<Candidate> candidates;
      for (const auto& [key, shared] : overlap) {
        const auto [bloc, label] = key;
        const double j = shared / static_cast<double>(raw_common[bloc] + previous_common[label] - shared);
        if (j >= options.min_jaccard && j > 0) candidates.push_back({j, shared, bloc, label});
      }
      std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
        return std::tie(b.jaccard, b.shared, a.label, a.bloc) < std::tie(a.jaccard, a.shared, b.label, b.bloc);
      });
      std::vector<bool> bloc_done(k, false);
      for (const auto& c : candidates) {
        if (bloc_done[c.bloc] || matched_previous.count(c.label)) continue;
        bloc_done[c.bloc] = true;
        matched_previous.insert(c.label);
        label_of[c.bloc] = c.label;
        jaccard_of[c.bloc] = c.jaccard;
      }
    }
    TrackedPeriod tracked;
    tracked.period = period.period;
    for (int b = 0; b < k; ++b) {
      if (label_of[b] == 0) {
        label_of[b] = next_label++;
        tracked.born.push_back(label_of[b]);
      }
    }
    std::sort(tracked.born.begin(), tracked.born.end());
    tracked.labels.resize(period.states.size());
    std::map<int, TrackedBloc> blocs;
    for (std::size_t i = 0; i < period.states.size(); ++i) {
      const int label = label_of[raw[i]];
      tracked.labels[i] = label;
      auto& bloc = blocs[label];
      bloc.label = label;
      bloc.jaccard = jaccard_of[raw[i]];
      bloc.members.push_back(period.states[i]);
    }
    for (auto& [label, bloc] : blocs) tracked.blocs.push_back(std::move(bloc));
    for (int label : previous_blocs)
      if (!matched_previous.count(label)) tracked.ended.push_back(label);

    if (p > 0) {
      // Events, by label.
      std::map<int, std::vector<int>> split_parts, merge_sources;
      for (const auto& [key, shared] : overlap) {
        const auto [bloc, old_label] = key;
        if (shared < options.min_event_members) continue;
        if (shared >= options.event_share * raw_common[bloc]) split_parts[old_label].push_back(label_of[bloc]);
        if (shared >= options.event_share * previous_common[old_label])
          merge_sources[label_of[bloc]].push_back(old_label);
      }
      for (auto& [from, into] : split_parts) {
        if (into.size() < 2) continue;
        std::sort(into.begin(), into.end());
        tracked.splits.push_back({from, into});
      }
      for (auto& [into, from] : merge_sources) {
        if (from.size() < 2) continue;
        std::sort(from.begin(), from.end());
        tracked.merges.push_back({from, into});
      }
      for (std::size_t i = 0; i < period.states.size(); ++i) {
        auto found = previous_label.find(period.states[i]);
        if (found != previous_label.end() && found->second != tracked.labels[i]) {
          tracked.moves.push_back({period.states[i], found->second, tracked.labels[i]});
        }
      }
    }
    previous_label.clear();
    for (std::size_t i = 0; i < period.states.size(); ++i) previous_label[period.states[i]] = tracked.labels[i];
    previous_blocs.clear();
    for (const auto& bloc : tracked.blocs) previous_blocs.push_back(bloc.label);
    out.push_back(std::move(tracked));
  }
  return out;
}

}  // namespace rostrum::blocs
