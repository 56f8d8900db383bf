// Blocs: agreement graph, Leiden/multilevel with consensus, resolution scan, partition
// comparison and tracking. Method notes and citations: docs/methods-blocs-shifts.md.
#include "blocs/blocs.hpp"

#include <igraph.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <mutex>
#include <numeric>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "core/cancel.hpp"
#include "core/error.hpp"

namespace rostrum::blocs {
namespace {

// ---- igraph plumbing ---------------------------------------------------------------

// igraph 0.10 as packaged is built without thread safety (IGRAPH_THREAD_SAFE 0): its
// RNG and error handlers are global. Every call goes through one lock, which also
// makes the seeded runs reproducible whatever other threads do.
std::mutex& igraph_mutex() {
  static std::mutex mutex;
  return mutex;
}

// Holds the lock and replaces igraph's default abort-on-error handler by one that
// returns the error code, which check() turns into an exception.
class IgraphSession {
 public:
  IgraphSession()
      : lock_(igraph_mutex()),
        previous_error_(igraph_set_error_handler(igraph_error_handler_ignore)),
        previous_warning_(igraph_set_warning_handler(igraph_warning_handler_ignore)) {}
  ~IgraphSession() {
    igraph_set_error_handler(previous_error_);
    igraph_set_warning_handler(previous_warning_);
  }
  IgraphSession(const IgraphSession&) = delete;
  IgraphSession& operator=(const IgraphSession&) = delete;

 private:
  std::lock_guard<std::mutex> lock_;
  igraph_error_handler_t* previous_error_;
  igraph_warning_handler_t* previous_warning_;
};

void check(igraph_error_t code, const char* what) {
  if (code != IGRAPH_SUCCESS) throw std::runtime_error(std::string("igraph ") + what + ": " + igraph_strerror(code));
}

struct RealVector {
  igraph_vector_t v;
  explicit RealVector(const std::vector<double>& values) {
    check(igraph_vector_init(&v, static_cast<igraph_integer_t>(values.size())), "vector");
    for (std::size_t i = 0; i < values.size(); ++i) VECTOR(v)[i] = values[i];
  }
  ~RealVector() { igraph_vector_destroy(&v); }
  RealVector(const RealVector&) = delete;
  RealVector& operator=(const RealVector&) = delete;
};

struct IntVector {
  igraph_vector_int_t v;
  explicit IntVector(igraph_integer_t size) { check(igraph_vector_int_init(&v, size), "vector"); }
  ~IntVector() { igraph_vector_int_destroy(&v); }
  IntVector(const IntVector&) = delete;
  IntVector& operator=(const IntVector&) = delete;
};

// ---- the weighted graph, kept in plain C++ until igraph needs it -------------------

struct WeightedGraph {
  int nodes = 0;
  std::vector<std::pair<int, int>> edges;
  std::vector<double> weights;
  std::vector<double> strength;  // weighted degree per node
  double total_strength = 0;     // 2m
};

void add_edge(WeightedGraph& graph, int i, int j, double w) {
  graph.edges.emplace_back(i, j);
  graph.weights.push_back(w);
  graph.strength[i] += w;
  graph.strength[j] += w;
  graph.total_strength += 2 * w;
}

void validate(const WeightMatrix& matrix) {
  const std::size_t n = matrix.states.size();
  if (n == 0) throw UsageError("blocs: the weight matrix has no states");
  if (matrix.weights.size() != n * n) {
    throw UsageError("blocs: weight matrix has " + std::to_string(matrix.weights.size()) + " entries for " +
                     std::to_string(n) + " states (needs n * n)");
  }
  std::set<std::string> seen(matrix.states.begin(), matrix.states.end());
  if (seen.size() != n) throw UsageError("blocs: duplicate state in the weight matrix");
}

WeightedGraph agreement_graph(const WeightMatrix& matrix, const GraphOptions& options) {
  const std::size_t n = matrix.states.size();
  // Symmetrize: a pair's weight is the mean of both triangles (equal for a symmetric input).
  auto pair_weight = [&](std::size_t i, std::size_t j) { return 0.5 * (matrix.at(i, j) + matrix.at(j, i)); };
  double offset = 0;
  if (options.rule == EdgeRule::above_mean) {
    double sum = 0;
    std::size_t count = 0;
    for (std::size_t i = 0; i < n; ++i) {
      for (std::size_t j = i + 1; j < n; ++j) {
        const double w = pair_weight(i, j);
        if (std::isfinite(w)) {
          sum += w;
          ++count;
        }
      }
    }
    offset = count ? sum / static_cast<double>(count) : 0.0;
  }
  WeightedGraph graph;
  graph.nodes = static_cast<int>(n);
  graph.strength.assign(n, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      const double w = pair_weight(i, j);
      if (!std::isfinite(w)) continue;
      double edge = 0;
      switch (options.rule) {
        case EdgeRule::above_mean: edge = w - offset; break;
        case EdgeRule::threshold: edge = w >= options.threshold ? w : 0.0; break;
        case EdgeRule::raw: edge = w; break;
      }
      if (edge > 0) add_edge(graph, static_cast<int>(i), static_cast<int>(j), edge);
    }
  }
  return graph;
}

// Labels renumbered by first appearance, so that equal partitions compare equal.
std::vector<int> canonical(const std::vector<int>& labels) {
  std::unordered_map<int, int> renumber;
  std::vector<int> out(labels.size());
  for (std::size_t i = 0; i < labels.size(); ++i) {
    auto [it, inserted] = renumber.emplace(labels[i], static_cast<int>(renumber.size()));
    out[i] = it->second;
  }
  return out;
}

// Labels renumbered by decreasing bloc size (ties: first appearance): 0 is the largest.
std::vector<int> by_size(const std::vector<int>& labels, int* count) {
  const std::vector<int> first = canonical(labels);
  const int k = first.empty() ? 0 : *std::max_element(first.begin(), first.end()) + 1;
  std::vector<int> size(k, 0);
  for (int label : first) ++size[label];
  std::vector<int> order(k);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return size[a] > size[b]; });
  std::vector<int> rank(k);
  for (int r = 0; r < k; ++r) rank[order[r]] = r;
  std::vector<int> out(first.size());
  for (std::size_t i = 0; i < first.size(); ++i) out[i] = rank[first[i]];
  if (count) *count = k;
  return out;
}

// One seeded run of the community algorithm on `graph`. The caller holds the igraph lock.
std::vector<int> cluster_once(const WeightedGraph& graph, Algorithm algorithm, double resolution,
                              std::uint64_t seed) {
  std::vector<int> singletons(graph.nodes);
  std::iota(singletons.begin(), singletons.end(), 0);
  if (graph.edges.empty() || graph.total_strength <= 0) return singletons;

  IntVector edge_list(static_cast<igraph_integer_t>(2 * graph.edges.size()));
  for (std::size_t e = 0; e < graph.edges.size(); ++e) {
    VECTOR(edge_list.v)[2 * e] = graph.edges[e].first;
    VECTOR(edge_list.v)[2 * e + 1] = graph.edges[e].second;
  }
  igraph_t g;
  check(igraph_create(&g, &edge_list.v, graph.nodes, IGRAPH_UNDIRECTED), "create");
  struct GraphGuard {
    igraph_t* g;
    ~GraphGuard() { igraph_destroy(g); }
  } guard{&g};
  RealVector weights(graph.weights);
  IntVector membership(graph.nodes);
  check(igraph_rng_seed(igraph_rng_default(), static_cast<igraph_uint_t>(seed)), "rng seed");
  if (algorithm == Algorithm::leiden) {
    // igraph's Leiden maximizes 1/2m sum_ij (A_ij - r n_i n_j) delta(c_i, c_j); with node
    // weights n_i = strength k_i and r = gamma / 2m this is modularity at resolution gamma
    // (igraph 0.10 reference, igraph_community_leiden).
    RealVector node_weights(graph.strength);
    igraph_integer_t clusters = 0;
    igraph_real_t quality = 0;
    check(igraph_community_leiden(&g, &weights.v, &node_weights.v, resolution / graph.total_strength,
                                  /*beta=*/0.01, /*start=*/false, /*n_iterations=*/-1, &membership.v,
                                  &clusters, &quality),
          "community_leiden");
  } else {
    check(igraph_community_multilevel(&g, &weights.v, resolution, &membership.v, nullptr, nullptr),
          "community_multilevel");
  }
  std::vector<int> out(graph.nodes);
  for (int i = 0; i < graph.nodes; ++i) out[i] = static_cast<int>(VECTOR(membership.v)[i]);
  return out;
}

// Modularity with resolution gamma: sum over blocs c of w_c / m - gamma (K_c / 2m)^2,
// w_c the weight inside c, K_c its total strength (Newman 2006; Reichardt & Bornholdt
// 2006). 0 for a graph without edges.
double modularity(const WeightedGraph& graph, const std::vector<int>& membership, double gamma) {
  if (graph.total_strength <= 0) return 0.0;
  const int k = membership.empty() ? 0 : *std::max_element(membership.begin(), membership.end()) + 1;
  std::vector<double> inside(k, 0.0), total(k, 0.0);
  for (std::size_t e = 0; e < graph.edges.size(); ++e) {
    const auto [i, j] = graph.edges[e];
    if (membership[i] == membership[j]) inside[membership[i]] += graph.weights[e];
  }
  for (int i = 0; i < graph.nodes; ++i) total[membership[i]] += graph.strength[i];
  const double two_m = graph.total_strength;
  double q = 0;
  for (int c = 0; c < k; ++c) q += 2 * inside[c] / two_m - gamma * (total[c] / two_m) * (total[c] / two_m);
  return q;
}

// Co-assignment graph of Lancichinetti & Fortunato (2012): D_ij = share of the runs that
// put i and j together, entries below tau dropped. A node left without any edge keeps
// its strongest link(s), as in the paper, so it is not isolated by the threshold alone.
WeightedGraph consensus_graph(const std::vector<std::vector<int>>& runs, int n, double tau) {
  std::vector<double> together(static_cast<std::size_t>(n) * n, 0.0);
  const double share = 1.0 / static_cast<double>(runs.size());
#pragma omp parallel for schedule(dynamic, 8)
  for (int i = 0; i < n; ++i) {
    for (const auto& run : runs) {
      for (int j = i + 1; j < n; ++j) {
        if (run[i] == run[j]) together[static_cast<std::size_t>(i) * n + j] += share;
      }
    }
  }
  WeightedGraph graph;
  graph.nodes = n;
  graph.strength.assign(n, 0.0);
  auto d = [&](int i, int j) { return i < j ? together[static_cast<std::size_t>(i) * n + j] : together[static_cast<std::size_t>(j) * n + i]; };
  std::vector<bool> linked(n, false);
  for (int i = 0; i < n; ++i) {
    for (int j = i + 1; j < n; ++j) {
      if (d(i, j) >= tau) {
        add_edge(graph, i, j, d(i, j));
        linked[i] = linked[j] = true;
      }
    }
  }
  for (int i = 0; i < n; ++i) {
    if (linked[i]) continue;
    double best = 0;
    for (int j = 0; j < n; ++j) if (j != i) best = std::max(best, d(i, j));
    if (best <= 0) continue;
    for (int j = 0; j < n; ++j) {
      if (j != i && d(i, j) == best) add_edge(graph, std::min(i, j), std::max(i, j), best);
    }
  }
  return graph;
}

// Per bloc, the member with the largest weight to its own bloc (ties: lowest index).
std::vector<std::string> bloc_cores(const WeightedGraph& graph, const std::vector<int>& membership, int blocs,
                                    const std::vector<std::string>& states) {
  std::vector<double> inside(graph.nodes, 0.0);
  for (std::size_t e = 0; e < graph.edges.size(); ++e) {
    const auto [i, j] = graph.edges[e];
    if (membership[i] != membership[j]) continue;
    inside[i] += graph.weights[e];
    inside[j] += graph.weights[e];
  }
  std::vector<int> best(blocs, -1);
  for (int i = 0; i < graph.nodes; ++i) {
    int& b = best[membership[i]];
    if (b < 0 || inside[i] > inside[b]) b = i;
  }
  std::vector<std::string> cores;
  for (int b : best) cores.push_back(states[b]);
  return cores;
}

double choose2(double x) { return x * (x - 1) / 2; }

// Contingency table of two labelings.
struct Contingency {
  std::map<std::pair<int, int>, double> cells;
  std::map<int, double> rows, cols;
  double n = 0;
};

Contingency contingency(const std::vector<int>& a, const std::vector<int>& b) {
  if (a.size() != b.size()) throw UsageError("partition comparison: labelings of different lengths");
  Contingency table;
  for (std::size_t i = 0; i < a.size(); ++i) {
    table.cells[{a[i], b[i]}] += 1;
    table.rows[a[i]] += 1;
    table.cols[b[i]] += 1;
  }
  table.n = static_cast<double>(a.size());
  return table;
}

}  // namespace

double normalized_mutual_information(const std::vector<int>& a, const std::vector<int>& b) {
  const Contingency t = contingency(a, b);
  if (t.n == 0) return 1.0;
  auto entropy = [&](const std::map<int, double>& margins) {
    double h = 0;
    for (const auto& [label, count] : margins) h -= count / t.n * std::log(count / t.n);
    return h;
  };
  const double ha = entropy(t.rows), hb = entropy(t.cols);
  if (ha + hb <= 0) return 1.0;  // both a single cluster: identical
  double mutual = 0;
  for (const auto& [cell, count] : t.cells) {
    mutual += count / t.n * std::log(count * t.n / (t.rows.at(cell.first) * t.cols.at(cell.second)));
  }
  return 2 * mutual / (ha + hb);
}

double adjusted_rand_index(const std::vector<int>& a, const std::vector<int>& b) {
  const Contingency t = contingency(a, b);
  if (t.n < 2) return 1.0;
  double index = 0, row_pairs = 0, col_pairs = 0;
  for (const auto& [cell, count] : t.cells) index += choose2(count);
  for (const auto& [label, count] : t.rows) row_pairs += choose2(count);
  for (const auto& [label, count] : t.cols) col_pairs += choose2(count);
  const double expected = row_pairs * col_pairs / choose2(t.n);
  const double maximum = 0.5 * (row_pairs + col_pairs);
  // maximum == expected only when both are all singletons or both one cluster, i.e. equal.
  if (maximum - expected == 0) return 1.0;
  return (index - expected) / (maximum - expected);
}

Partition detect_blocs(const WeightMatrix& matrix, const CommunityOptions& options) {
  validate(matrix);
  if (options.runs < 1) throw UsageError("blocs: runs must be >= 1");
  if (options.max_consensus_rounds < 1) throw UsageError("blocs: max_consensus_rounds must be >= 1");
  if (!(options.resolution >= 0) || !std::isfinite(options.resolution)) throw UsageError("blocs: resolution must be >= 0");
  if (!(options.consensus_threshold > 0 && options.consensus_threshold <= 1)) {
    throw UsageError("blocs: consensus threshold must be in (0, 1]");
  }
  const WeightedGraph graph = agreement_graph(matrix, options.graph);
  const int n = graph.nodes;

  std::vector<std::vector<int>> runs(options.runs), first_round;
  std::vector<int> final_partition;
  Partition result;
  WeightedGraph current = graph;
  double resolution = options.resolution;
  {
    IgraphSession session;
    for (int round = 0; round < options.max_consensus_rounds; ++round) {
      for (int r = 0; r < options.runs; ++r) {
        throw_if_cancelled();
        const std::uint64_t seed = options.seed + static_cast<std::uint64_t>(round) * options.runs + r;
        runs[r] = canonical(cluster_once(current, options.algorithm, resolution, seed));
      }
      if (round == 0) first_round = runs;
      result.consensus_rounds = round + 1;
      if (std::all_of(runs.begin(), runs.end(), [&](const auto& run) { return run == runs[0]; })) {
        final_partition = runs[0];
        break;
      }
      // The resolution is already encoded in which pairs the runs put together; the
      // co-assignment graph is clustered at gamma = 1 (Lancichinetti & Fortunato 2012).
      current = consensus_graph(runs, n, options.consensus_threshold);
      resolution = 1.0;
    }
  }
  if (final_partition.empty()) {
    // No agreement within the round limit: the most frequent partition of the last round.
    std::map<std::vector<int>, int> frequency;
    for (const auto& run : runs) ++frequency[run];
    int best = 0;
    for (const auto& run : runs) {  // first in run order among the most frequent
      if (frequency[run] > best) {
        best = frequency[run];
        final_partition = run;
      }
    }
  }
  result.states = matrix.states;
  result.membership = by_size(final_partition, &result.bloc_count);
  result.cores = bloc_cores(graph, result.membership, result.bloc_count, matrix.states);
  result.resolution = options.resolution;
  result.modularity = modularity(graph, result.membership, 1.0);
  result.quality = modularity(graph, result.membership, options.resolution);
  double agreement = 0;
  for (const auto& run : first_round) agreement += adjusted_rand_index(run, result.membership);
  result.run_agreement = agreement / static_cast<double>(first_round.size());
  return result;
}

ResolutionScan scan_resolution(const WeightMatrix& matrix, const ResolutionScanOptions& options) {
  if (!(options.gamma_step > 0) || !(options.gamma_min >= 0) || !(options.gamma_max >= options.gamma_min) ||
      !std::isfinite(options.gamma_max)) {
    throw UsageError("blocs: resolution scan needs 0 <= gamma_min <= gamma_max and gamma_step > 0");
  }
  const int steps = static_cast<int>(std::floor((options.gamma_max - options.gamma_min) / options.gamma_step + 1e-9)) + 1;
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
    for (std::size_t r = 1; r < scan.ranges.size(); ++r) if (better(r, *best, false)) best = r;
  }
  scan.most_stable = *best;
  return scan;
}

std::vector<TrackedPeriod> track_blocs(const std::vector<PeriodPartition>& periods, const TrackingOptions& options) {
  if (!(options.min_jaccard >= 0 && options.min_jaccard <= 1) || !(options.event_share > 0 && options.event_share <= 1)) {
    throw UsageError("blocs: tracking needs min_jaccard in [0, 1] and event_share in (0, 1]");
  }
  std::vector<TrackedPeriod> out;
  std::unordered_map<std::string, int> previous_label;  // state -> label, previous period
  std::vector<int> previous_blocs;                     // labels present in the previous period
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
    for (int label : previous_blocs) if (!matched_previous.count(label)) tracked.ended.push_back(label);

    if (p > 0) {
      // Events, by label.
      std::map<int, std::vector<int>> split_parts, merge_sources;
      for (const auto& [key, shared] : overlap) {
        const auto [bloc, old_label] = key;
        if (shared < options.min_event_members) continue;
        if (shared >= options.event_share * raw_common[bloc]) split_parts[old_label].push_back(label_of[bloc]);
        if (shared >= options.event_share * previous_common[old_label]) merge_sources[label_of[bloc]].push_back(old_label);
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
