// Voting blocs: communities in the agreement graph of one period, consensus over
// many seeded runs, a resolution scan, and tracking of bloc identity over periods
// (DESIGN.md section 6). The input is a plain weight matrix, so this stage does not
// depend on how agreement was measured. Method notes: docs/methods-blocs-shifts.md.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rostrum::blocs {

// A symmetric n x n matrix of pairwise weights (agreement in [0, 1]) over `states`,
// row-major. NaN marks a pair with too few joint votes: no edge. The diagonal is ignored.
struct WeightMatrix {
  std::vector<std::string> states;
  std::vector<double> weights;  // states.size() squared
  double at(std::size_t i, std::size_t j) const { return weights[i * states.size() + j]; }
};

// Which pairs become edges of the agreement graph, and with what weight.
enum class EdgeRule {
  // weight - mean of all finite off-diagonal weights, positive part only: the signed
  // graph of DESIGN.md with its negative edges dropped. In the UNGA most pairs agree
  // 60-90% of the time; without centring, the graph is nearly complete and uniform
  // and modularity sees little structure. Default.
  above_mean,
  threshold,  // weight itself where weight >= threshold
  raw,        // weight itself where weight > 0 (complete weighted graph)
};

struct GraphOptions {
  EdgeRule rule = EdgeRule::above_mean;
  double threshold = 0.5;  // only for EdgeRule::threshold
};

enum class Algorithm {
  leiden,      // Traag, Waltman & van Eck 2019 (default; guarantees connected communities)
  multilevel,  // Blondel et al. 2008 (Louvain), the fallback
};

struct CommunityOptions {
  GraphOptions graph;
  Algorithm algorithm = Algorithm::leiden;
  double resolution = 1.0;           // gamma in Q = 1/2m sum_ij (A_ij - gamma k_i k_j / 2m) delta(c_i, c_j)
  int runs = 50;                     // seeded runs per consensus round
  std::uint64_t seed = 1;            // run r of round q uses seed + q * runs + r
  double consensus_threshold = 0.5;  // tau: co-assignment fractions below it are dropped
  int max_consensus_rounds = 10;
};

// A partition of the states of one period into blocs.
struct Partition {
  std::vector<std::string> states;  // as in the input matrix
  std::vector<int> membership;      // bloc per state: 0 = largest bloc, 1 = next, ...
  int bloc_count = 0;
  // Per bloc, the member with the largest edge weight to its bloc-mates (ties: first in
  // input order): a readable name for the bloc ("the bloc around DEU").
  std::vector<std::string> cores;
  double resolution = 1.0;
  double modularity = 0;  // Newman-Girvan Q (gamma = 1) of the partition on the graph
  double quality = 0;     // Q at `resolution`, the objective that was maximized
  // Mean adjusted Rand index between the first round's runs and the final partition:
  // 1 when every seed finds the same blocs.
  double run_agreement = 0;
  int consensus_rounds = 0;  // rounds until all runs agreed (max_consensus_rounds if never)
  // Per state, how firmly it belongs to its bloc: the mean over the first round's
  // runs of the share of its bloc-mates that the run put in the same community as
  // the state (1 for a bloc of one). A borderline member scores well below 1.
  std::vector<double> stability;
};

// Blocs of one period: builds the agreement graph (GraphOptions), runs the algorithm
// `runs` times with consecutive seeds and reduces the runs to a consensus partition
// (Lancichinetti & Fortunato 2012, Sci. Rep. 2:336, section "Consensus clustering":
// co-assignment matrix, entries below tau dropped, re-clustered until all runs agree).
// Deterministic for a given seed. Cost: rounds * runs * (one Leiden run, about
// O(edges) per iteration) + rounds * runs * n^2 for the co-assignment matrix (OpenMP).
// Serializes its igraph calls on a process-wide mutex (igraph is built without
// thread safety). Throws UsageError on a malformed matrix or options.
Partition detect_blocs(const WeightMatrix& matrix, const CommunityOptions& options = {});

struct ResolutionScanOptions {
  CommunityOptions community;  // its resolution is replaced by each gamma of the grid
  double gamma_min = 0.5;
  double gamma_max = 2.0;
  double gamma_step = 0.1;
  double same_partition_ari = 0.95;  // partitions at least this close count as the same
};

// A run of consecutive gammas whose partitions match the range's first partition.
struct StableRange {
  double gamma_min = 0;
  double gamma_max = 0;
  int steps = 0;        // grid points in the range
  Partition partition;  // the partition at the range's middle grid point
};

struct ResolutionScan {
  std::vector<Partition> partitions;  // one per grid gamma, increasing
  std::vector<StableRange> ranges;    // consecutive, covering the grid
  // Index into ranges of the longest range with 2 <= blocs < states (ties: lower
  // gamma); the longest range overall if none is non-trivial.
  std::size_t most_stable = 0;
};

// Resolution scan (Reichardt & Bornholdt 2006 gamma; stability over gamma as in
// Lambiotte, Delvenne & Barahona 2014): detect_blocs at every gamma of the grid,
// grouped into ranges of the same partition by adjusted Rand index. Cost: grid size
// times detect_blocs.
ResolutionScan scan_resolution(const WeightMatrix& matrix, const ResolutionScanOptions& options = {});

// Normalized mutual information 2 I(X;Y) / (H(X) + H(Y)) of two labelings of the same
// items (Danon et al. 2005); 1 when both are a single cluster. O(n + k_x k_y).
double normalized_mutual_information(const std::vector<int>& a, const std::vector<int>& b);

// Adjusted Rand index (Hubert & Arabie 1985); 1 for identical partitions up to labels,
// about 0 for independent ones. O(n + k_x k_y).
double adjusted_rand_index(const std::vector<int>& a, const std::vector<int>& b);

// ---- Tracking blocs across periods -------------------------------------------------

struct PeriodPartition {
  std::string period;               // e.g. "1991"
  std::vector<std::string> states;  // states present in the period
  std::vector<int> membership;      // any bloc ids, one per state
};

struct TrackingOptions {
  double min_jaccard = 0.3;   // below it, two blocs are not "the same" bloc
  double event_share = 0.5;   // share that makes a part of a split or merge, see below
  int min_event_members = 2;  // smaller parts are moves, not splits or merges
};

struct TrackedBloc {
  int label = 0;                     // stable over periods; new blocs get the next unused label
  std::vector<std::string> members;  // in input order
  double jaccard = 0;                // overlap with the same label's bloc in the previous period; 0 if new
};

struct BlocSplit {
  int from = 0;           // label in the previous period
  std::vector<int> into;  // labels in this period, increasing
};

struct BlocMerge {
  std::vector<int> from;  // labels in the previous period, increasing
  int into = 0;
};

struct StateMove {
  std::string state;
  int from = 0;
  int to = 0;
};

struct TrackedPeriod {
  std::string period;
  std::vector<TrackedBloc> blocs;  // by label
  std::vector<int> labels;         // label per state, in the input order of the period
  std::vector<int> born;           // labels new in this period
  std::vector<int> ended;          // labels of the previous period with no successor
  std::vector<BlocSplit> splits;
  std::vector<BlocMerge> merges;
  std::vector<StateMove> moves;  // states present in both periods whose label changed
};

// Gives the blocs of successive periods stable labels (Greene, Doyle & Cunningham
// 2010, ASONAM, "Tracking the evolution of communities": Jaccard matching with a
// threshold). Overlap is measured on the states present in both periods, so that new
// UN members do not dilute it. Matching is greedy by decreasing Jaccard, which keeps
// the label with the bloc that keeps most of the old members. Events: a split of old
// bloc X when at least two new blocs (of >= min_event_members from X) each take at
// least event_share of their members from X; a merge into new bloc Y when at least two
// old blocs each send at least event_share of their members to Y. The first period's
// blocs are labelled 1, 2, ... by decreasing size. O(sum over periods of n + k^2 log k).
std::vector<TrackedPeriod> track_blocs(const std::vector<PeriodPartition>& periods,
                                       const TrackingOptions& options = {});

}  // namespace rostrum::blocs
