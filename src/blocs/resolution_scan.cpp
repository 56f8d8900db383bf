// Scanning the resolution gamma: the ranges over which the consensus partition
// stays the same (adjusted Rand index), and the most stable one.
#include "blocs/blocs.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>

#include "core/cancel.hpp"
#include "core/error.hpp"

namespace rostrum::blocs {

ResolutionScan scan_resolution(const WeightMatrix& matrix, const ResolutionScanOptions& options) {
  if (!(options.gamma_step > 0) || !(options.gamma_min >= 0) || !(options.gamma_max >= options.gamma_min) ||
      !std::isfinite(options.gamma_max)) {
    throw UsageError("blocs: resolution scan needs 0 <= gamma_min <= gamma_max and gamma_step > 0");
  }
  const int steps =
      static_cast<int>(std::floor((options.gamma_max - options.gamma_min) / options.gamma_step + 1e-9)) + 1;
  if (steps > 10000) throw UsageError("blocs: resolution scan grid too fine (more than 10000 points)");
  ResolutionScan scan;
  for (int i = 0; i < steps; ++i) {
    throw_if_cancelled();
    CommunityOptions community = options.community;
    community.resolution = options.gamma_min + i * options.gamma_step;
    scan.partitions.push_back(detect_blocs(matrix, community));
  }
  std::size_t start = 0;
  for (std::size_t i = 1; i <= scan.partitions.size(); ++i) {
    const bool close = i == scan.partitions.size() ||
                       adjusted_rand_index(scan.partitions[i].membership, scan.partitions[start].membership) <
                           options.same_partition_ari;
    if (!close) continue;
    StableRange range;
    range.gamma_min = scan.partitions[start].resolution;
    range.gamma_max = scan.partitions[i - 1].resolution;
    range.steps = static_cast<int>(i - start);
    range.partition = scan.partitions[start + (i - 1 - start) / 2];
    scan.ranges.push_back(range);
    start = i;
  }
  const int states = static_cast<int>(matrix.states.size());
  auto better = [&](std::size_t candidate, std::size_t incumbent, bool require_nontrivial) {
    const auto& c = scan.ranges[candidate];
    if (require_nontrivial && (c.partition.bloc_count < 2 || c.partition.bloc_count >= states)) return false;
    return c.steps > scan.ranges[incumbent].steps;
  };
  std::optional<std::size_t> best;
  for (std::size_t r = 0; r < scan.ranges.size(); ++r) {
    const auto& p = scan.ranges[r].partition;
    if (p.bloc_count < 2 || p.bloc_count >= states) continue;
    if (!best || better(r, *best, true)) best = r;
  }
  if (!best) {
    best = 0;
    for (std::size_t r = 1; r < scan.ranges.size(); ++r)
      if (better(r, *best, false)) best = r;
  }
  scan.most_stable = *best;
  return scan;
}

}  // namespace rostrum::blocs
