// Blocs: planted communities in simulated votes, consensus, modularity by hand,
// resolution scan, partition comparison, tracking through splits and merges.
#include "blocs/blocs.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "core/cancel.hpp"
#include "core/error.hpp"

namespace rostrum::blocs {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Roll calls where each group has its own yes-probability per vote and members vote
// independently with it; a state is absent with probability `absent`. The agreement
// matrix is built by the naive loop: share of joint votes with the same choice, NaN
// below `min_joint` joint votes.
struct Simulation {
  WeightMatrix matrix;
  std::vector<int> truth;
};

Simulation simulate_votes(const std::vector<int>& group_sizes, int votes, std::uint64_t seed, double absent = 0.1,
                          int min_joint = 10) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  Simulation sim;
  for (std::size_t g = 0; g < group_sizes.size(); ++g) {
    for (int i = 0; i < group_sizes[g]; ++i) {
      sim.matrix.states.push_back("S" + std::to_string(sim.truth.size()));
      sim.truth.push_back(static_cast<int>(g));
    }
  }
  const std::size_t n = sim.truth.size();
  std::vector<std::vector<int>> ballots(n, std::vector<int>(votes, -1));  // -1 absent, 0 no, 1 yes
  for (int v = 0; v < votes; ++v) {
    std::vector<double> yes(group_sizes.size());
    for (auto& p : yes) p = unit(rng);
    for (std::size_t s = 0; s < n; ++s) {
      if (unit(rng) < absent) continue;
      ballots[s][v] = unit(rng) < yes[sim.truth[s]] ? 1 : 0;
    }
  }
  sim.matrix.weights.assign(n * n, kNaN);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) {
      int joint = 0, same = 0;
      for (int v = 0; v < votes; ++v) {
        if (ballots[i][v] < 0 || ballots[j][v] < 0) continue;
        ++joint;
        same += ballots[i][v] == ballots[j][v];
      }
      if (joint >= min_joint) sim.matrix.weights[i * n + j] = static_cast<double>(same) / joint;
    }
  }
  return sim;
}

TEST(PartitionComparison, ByHand) {
  const std::vector<int> a{0, 0, 1, 1};
  EXPECT_DOUBLE_EQ(normalized_mutual_information(a, {5, 5, 2, 2}), 1.0);
  EXPECT_DOUBLE_EQ(adjusted_rand_index(a, {5, 5, 2, 2}), 1.0);
  // Crossed halves share no information; the Rand index is below chance:
  // index 0, expected 2 * 2 / 6, maximum 2 -> (0 - 2/3) / (2 - 2/3) = -1/2.
  EXPECT_NEAR(normalized_mutual_information(a, {0, 1, 0, 1}), 0.0, 1e-15);
  EXPECT_NEAR(adjusted_rand_index(a, {0, 1, 0, 1}), -0.5, 1e-15);
  // One side a single cluster: H = 0, so NMI = 0; both single: identical.
  EXPECT_NEAR(normalized_mutual_information(a, {3, 3, 3, 3}), 0.0, 1e-15);
  EXPECT_DOUBLE_EQ(normalized_mutual_information({1, 1, 1}, {0, 0, 0}), 1.0);
  EXPECT_DOUBLE_EQ(adjusted_rand_index({1, 1, 1}, {0, 0, 0}), 1.0);
  EXPECT_THROW(adjusted_rand_index(a, {0, 1}), UsageError);
}

TEST(DetectBlocs, ModularityOfTwoTrianglesByHand) {
  // Two disconnected unit-weight triangles: each bloc has inside weight 3 and strength
  // 6 of 2m = 12, so Q = 2 (6/12 - (6/12)^2) = 0.5, and at gamma = 2, 2 (0.5 - 0.5) = 0.
  WeightMatrix matrix;
  matrix.states = {"A", "B", "C", "D", "E", "F"};
  matrix.weights.assign(36, 0.0);
  for (int i = 0; i < 6; ++i) {
    for (int j = 0; j < 6; ++j) matrix.weights[i * 6 + j] = (i / 3 == j / 3) ? 1.0 : kNaN;
  }
  CommunityOptions options;
  options.graph.rule = EdgeRule::raw;
  options.resolution = 2.0;
  options.runs = 5;
  const Partition p = detect_blocs(matrix, options);
  EXPECT_EQ(p.bloc_count, 2);
  EXPECT_EQ(p.membership, (std::vector<int>{0, 0, 0, 1, 1, 1}));
  EXPECT_NEAR(p.modularity, 0.5, 1e-12);
  EXPECT_NEAR(p.quality, 0.0, 1e-12);
  EXPECT_DOUBLE_EQ(p.run_agreement, 1.0);
  EXPECT_EQ(p.consensus_rounds, 1);
  // All members equally central: the first of each bloc names it.
  EXPECT_EQ(p.cores, (std::vector<std::string>{"A", "D"}));
}

TEST(DetectBlocs, RecoversPlantedCommunities) {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    const Simulation sim = simulate_votes({15, 15, 15}, 120, seed);
    for (Algorithm algorithm : {Algorithm::leiden, Algorithm::multilevel}) {
      CommunityOptions options;
      options.algorithm = algorithm;
      const Partition p = detect_blocs(sim.matrix, options);
      EXPECT_GT(normalized_mutual_information(p.membership, sim.truth), 0.9) << "seed " << seed;
      EXPECT_EQ(p.bloc_count, 3);
      EXPECT_GT(p.modularity, 0.1);
      EXPECT_EQ(p.states, sim.matrix.states);
      EXPECT_GT(p.run_agreement, 0.5);
    }
  }
}

TEST(DetectBlocs, UnequalGroupsAndThresholdRule) {
  const Simulation sim = simulate_votes({25, 12, 8}, 150, 9);
  CommunityOptions options;
  options.graph.rule = EdgeRule::threshold;
  // Within-group agreement is about 2/3 and between-group about 1/2 here.
  options.graph.threshold = 0.6;
  // A hub: S1 agrees with its group more than anyone, so it names bloc 0.
  WeightMatrix matrix = sim.matrix;
  const std::size_t n = matrix.states.size();
  for (std::size_t j = 0; j < 25; ++j) {
    if (j != 1) matrix.weights[1 * n + j] = matrix.weights[j * n + 1] = 0.95;
  }
  const Partition p = detect_blocs(matrix, options);
  EXPECT_GT(normalized_mutual_information(p.membership, sim.truth), 0.9);
  // Blocs are numbered by decreasing size: the 25-state group is bloc 0.
  EXPECT_EQ(p.membership[0], 0);
  ASSERT_EQ(p.cores.size(), static_cast<std::size_t>(p.bloc_count));
  EXPECT_EQ(p.cores[0], "S1");
  for (int b = 0; b < p.bloc_count; ++b) {
    const auto at = std::find(p.states.begin(), p.states.end(), p.cores[b]) - p.states.begin();
    EXPECT_EQ(p.membership[at], b);
  }
}

TEST(DetectBlocs, DeterministicForASeedAndConsensusStabilizesNoise) {
  // No structure at all: the seeded runs disagree, so consensus needs further rounds,
  // and must still give the same answer twice.
  std::mt19937_64 rng(12);
  std::uniform_real_distribution<double> agreement(0.4, 0.9);
  WeightMatrix noise;
  const std::size_t n = 40;
  noise.weights.assign(n * n, 1.0);
  for (std::size_t i = 0; i < n; ++i) {
    noise.states.push_back("N" + std::to_string(i));
    for (std::size_t j = i + 1; j < n; ++j) noise.weights[i * n + j] = noise.weights[j * n + i] = agreement(rng);
  }
  CommunityOptions options;
  options.seed = 77;
  const Partition first = detect_blocs(noise, options);
  EXPECT_GE(first.consensus_rounds, 2);
  EXPECT_LT(first.run_agreement, 0.9);
  const Partition second = detect_blocs(noise, options);
  EXPECT_EQ(first.membership, second.membership);
  EXPECT_EQ(first.consensus_rounds, second.consensus_rounds);
  EXPECT_EQ(first.modularity, second.modularity);
  EXPECT_EQ(first.run_agreement, second.run_agreement);
  // Every membership is a bloc index in [0, bloc_count) and blocs shrink with the index.
  std::vector<int> size(first.bloc_count, 0);
  for (int bloc : first.membership) {
    ASSERT_GE(bloc, 0);
    ASSERT_LT(bloc, first.bloc_count);
    ++size[bloc];
  }
  for (int b = 1; b < first.bloc_count; ++b) EXPECT_GE(size[b - 1], size[b]);
}

TEST(DetectBlocs, StateWithoutDataIsItsOwnBloc) {
  Simulation sim = simulate_votes({12, 12}, 100, 5);
  const std::size_t n = sim.truth.size();
  sim.matrix.states.push_back("NEW");
  std::vector<double> grown((n + 1) * (n + 1), kNaN);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < n; ++j) grown[i * (n + 1) + j] = sim.matrix.weights[i * n + j];
  }
  sim.matrix.weights = grown;
  const Partition p = detect_blocs(sim.matrix);
  EXPECT_EQ(p.bloc_count, 3);
  const int alone = p.membership[n];
  for (std::size_t i = 0; i < n; ++i) EXPECT_NE(p.membership[i], alone);
}

TEST(DetectBlocs, RejectsMalformedInput) {
  WeightMatrix matrix;
  matrix.states = {"A", "B"};
  matrix.weights = {1, 0.5, 0.5};
  EXPECT_THROW(detect_blocs(matrix), UsageError);
  matrix.states = {"A", "A"};
  matrix.weights = {1, 0.5, 0.5, 1};
  EXPECT_THROW(detect_blocs(matrix), UsageError);
  matrix.states = {"A", "B"};
  CommunityOptions options;
  options.runs = 0;
  EXPECT_THROW(detect_blocs(matrix, options), UsageError);
}

TEST(Cancel, ConsensusRunsAndTheScanStopWhenTheTokenTrips) {
  const Simulation sim = simulate_votes({15, 15, 15}, 120, 6);
  ResolutionScanOptions options;
  options.gamma_min = 0.01;
  options.gamma_max = 20;
  options.gamma_step = 0.002;  // 10,000 grid points x 1,000 runs: hours if not stopped
  options.community.runs = 1000;
  CancelToken token;
  token.set_deadline(CancelToken::Clock::now() + std::chrono::milliseconds(50));
  CancelScope scope(&token);
  try {
    scan_resolution(sim.matrix, options);
    ADD_FAILURE() << "finished instead of stopping";
  } catch (const Cancelled& e) {
    EXPECT_EQ(e.reason(), CancelReason::deadline);
  }
  CancelToken gone;
  gone.cancel(CancelReason::shutdown);
  CancelScope inner(&gone);
  EXPECT_THROW(detect_blocs(sim.matrix, options.community), Cancelled);
}

TEST(ResolutionScan, FindsThePlantedPartitionAsTheMostStable) {
  const Simulation sim = simulate_votes({15, 15, 15}, 120, 6);
  ResolutionScanOptions options;
  options.gamma_min = 0.25;
  options.gamma_max = 2.5;
  options.gamma_step = 0.25;
  options.community.runs = 20;
  const ResolutionScan scan = scan_resolution(sim.matrix, options);
  ASSERT_EQ(scan.partitions.size(), 10u);
  EXPECT_NEAR(scan.partitions.front().resolution, 0.25, 1e-12);
  EXPECT_NEAR(scan.partitions.back().resolution, 2.5, 1e-12);
  // Ranges tile the grid in order, and every partition matches its range's first one.
  int covered = 0;
  std::size_t index = 0;
  for (const auto& range : scan.ranges) {
    EXPECT_NEAR(range.gamma_min, scan.partitions[index].resolution, 1e-12);
    for (int s = 0; s < range.steps; ++s, ++index) {
      EXPECT_GE(adjusted_rand_index(scan.partitions[index].membership, scan.partitions[index - s].membership),
                options.same_partition_ari);
    }
    EXPECT_NEAR(range.gamma_max, scan.partitions[index - 1].resolution, 1e-12);
    covered += range.steps;
  }
  EXPECT_EQ(covered, 10);
  const auto& best = scan.ranges.at(scan.most_stable);
  EXPECT_EQ(best.partition.bloc_count, 3);
  EXPECT_GT(normalized_mutual_information(best.partition.membership, sim.truth), 0.9);
  EXPECT_GE(best.steps, 3);
  // Higher resolution never gives fewer blocs on this clean structure.
  EXPECT_LE(scan.partitions.front().bloc_count, scan.partitions.back().bloc_count);
}

// ---- tracking ----------------------------------------------------------------------

std::vector<std::string> names(int from, int to) {
  std::vector<std::string> out;
  for (int i = from; i < to; ++i) out.push_back("S" + std::to_string(i));
  return out;
}

PeriodPartition period(const std::string& label, const std::vector<std::pair<std::vector<std::string>, int>>& blocs) {
  PeriodPartition p;
  p.period = label;
  for (const auto& [members, id] : blocs) {
    for (const auto& state : members) {
      p.states.push_back(state);
      p.membership.push_back(id);
    }
  }
  return p;
}

int label_of(const TrackedPeriod& tracked, const PeriodPartition& input, const std::string& state) {
  for (std::size_t i = 0; i < input.states.size(); ++i)
    if (input.states[i] == state) return tracked.labels[i];
  return -1;
}

TEST(TrackBlocs, KeepsLabelsThroughASplitAndAMerge) {
  // 1990: A = S0..S19, C = S20..S34. 1991: A splits, S0..S11 stay, S12..S19 leave
  // together. 1992: they merge back and a new member S35 joins them.
  auto s = [](int a, int b) { return names(a, b); };
  auto joined = [](std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
  };
  const std::vector<PeriodPartition> input{
      period("1990", {{s(0, 20), 7}, {s(20, 35), 3}}),
      // raw ids deliberately permuted: labels must come from overlap, not from ids
      period("1991", {{s(20, 35), 0}, {s(12, 20), 1}, {s(0, 12), 2}}),
      period("1992", {{joined(s(0, 20), {"S35"}), 4}, {s(20, 35), 9}}),
  };
  const auto tracked = track_blocs(input);
  ASSERT_EQ(tracked.size(), 3u);

  // First period: labels by decreasing size.
  EXPECT_EQ(label_of(tracked[0], input[0], "S0"), 1);
  EXPECT_EQ(label_of(tracked[0], input[0], "S20"), 2);
  EXPECT_EQ(tracked[0].born, (std::vector<int>{1, 2}));

  // The split: A keeps label 1 with its bigger part, the smaller part is new bloc 3.
  const auto& split = tracked[1];
  EXPECT_EQ(label_of(split, input[1], "S0"), 1);
  EXPECT_EQ(label_of(split, input[1], "S12"), 3);
  EXPECT_EQ(label_of(split, input[1], "S20"), 2);
  EXPECT_EQ(split.born, (std::vector<int>{3}));
  EXPECT_TRUE(split.ended.empty());
  ASSERT_EQ(split.splits.size(), 1u);
  EXPECT_EQ(split.splits[0].from, 1);
  EXPECT_EQ(split.splits[0].into, (std::vector<int>{1, 3}));
  EXPECT_TRUE(split.merges.empty());
  ASSERT_EQ(split.moves.size(), 8u);
  for (const auto& move : split.moves) {
    EXPECT_EQ(move.from, 1);
    EXPECT_EQ(move.to, 3);
  }
  ASSERT_EQ(split.blocs.size(), 3u);
  EXPECT_EQ(split.blocs[0].label, 1);
  EXPECT_NEAR(split.blocs[0].jaccard, 12.0 / 20.0, 1e-12);
  EXPECT_EQ(split.blocs[2].members.size(), 8u);

  // The merge: label 1 survives (it brings 12 of 20), 3 ends, the new member is no move.
  const auto& merge = tracked[2];
  EXPECT_EQ(label_of(merge, input[2], "S12"), 1);
  EXPECT_EQ(label_of(merge, input[2], "S35"), 1);
  EXPECT_EQ(label_of(merge, input[2], "S20"), 2);
  EXPECT_EQ(merge.ended, (std::vector<int>{3}));
  EXPECT_TRUE(merge.born.empty());
  ASSERT_EQ(merge.merges.size(), 1u);
  EXPECT_EQ(merge.merges[0].from, (std::vector<int>{1, 3}));
  EXPECT_EQ(merge.merges[0].into, 1);
  EXPECT_EQ(merge.moves.size(), 8u);
  for (const auto& move : merge.moves) EXPECT_NE(move.state, "S35");
}

TEST(TrackBlocs, DissolvedBlocEndsAndItsPiecesAreNew) {
  // A bloc dissolving into pieces that each hold only 20% of it (Jaccard 0.2 < 0.3): no
  // piece inherits its label, which ends; the pieces are new blocs and form a split.
  const std::vector<PeriodPartition> input{
      period("t0", {{names(0, 10), 0}, {names(10, 20), 1}}),
      period("t1", {{names(0, 2), 0},
                    {names(2, 4), 1},
                    {names(4, 6), 2},
                    {names(6, 8), 3},
                    {names(8, 10), 4},
                    {names(10, 20), 5}}),
  };
  const auto tracked = track_blocs(input);
  EXPECT_EQ(tracked[1].ended, (std::vector<int>{1}));
  EXPECT_EQ(tracked[1].born.size(), 5u);
  EXPECT_EQ(label_of(tracked[1], input[1], "S15"), 2);
  ASSERT_EQ(tracked[1].splits.size(), 1u);  // five parts of two states, each wholly from bloc 1
  EXPECT_EQ(tracked[1].splits[0].into.size(), 5u);
  EXPECT_EQ(tracked[1].moves.size(), 10u);
}

TEST(TrackBlocs, RejectsMismatchedInput) {
  PeriodPartition bad;
  bad.period = "x";
  bad.states = {"A", "B"};
  bad.membership = {0};
  EXPECT_THROW(track_blocs({bad}), UsageError);
}

}  // namespace
}  // namespace rostrum::blocs

namespace rostrum::blocs {
namespace {

// Two tight groups of ten and one state that agrees equally with both: the runs
// disagree about where it goes, so its stability is visibly below the members'.
TEST(DetectBlocs, StabilityMarksABorderlineMember) {
  WeightMatrix w;
  const int n = 21;
  for (int i = 0; i < n; ++i) w.states.push_back("S" + std::to_string(i));
  w.weights.assign(n * n, 0.0);
  auto group = [](int i) { return i < 10 ? 0 : i < 20 ? 1 : 2; };
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      if (i == j) continue;
      const int a = group(i), b = group(j);
      w.weights[i * n + j] = a == 2 || b == 2 ? 0.6 : a == b ? 0.9 : 0.3;
    }
  CommunityOptions o;
  o.runs = 40;
  const Partition p = detect_blocs(w, o);
  ASSERT_EQ(p.stability.size(), static_cast<std::size_t>(n));
  double least_member = 1;
  for (int i = 0; i < 20; ++i) least_member = std::min(least_member, p.stability[i]);
  EXPECT_GT(least_member, 0.9);
  EXPECT_LT(p.stability[20], least_member);
  EXPECT_LT(p.stability[20], 0.99);
  for (double s : p.stability) {
    EXPECT_GE(s, 0.0);
    EXPECT_LE(s, 1.0);
  }
}

}  // namespace
}  // namespace rostrum::blocs
