// Communities of the agreement graph: seeded Leiden (Traag, Waltman & van Eck 2019,
// doi:10.1038/s41598-019-41695-z) or multilevel (Blondel et al. 2008,
// doi:10.1088/1742-5468/2008/10/P10008) runs through igraph, reduced to one
// partition by consensus clustering (Lancichinetti & Fortunato 2012,
// doi:10.1038/srep00336).
#include <igraph.h>

#include <mutex>
#include <unordered_map>

#include "blocs/graph.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>

#include "core/cancel.hpp"
#include "core/error.hpp"

namespace rostrum::blocs {

namespace {

using namespace detail;

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

// One seeded run of the community algorithm on `graph`. The caller holds the igraph lock.
std::vector<int> cluster_once(const WeightedGraph& graph, Algorithm algorithm, double resolution, std::uint64_t seed) {
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
                                  /*beta=*/0.01, /*start=*/false, /*n_iterations=*/-1, &membership.v, &clusters,
                                  &quality),
          "community_leiden");
  } else {
    check(igraph_community_multilevel(&g, &weights.v, resolution, &membership.v, nullptr, nullptr),
          "community_multilevel");
  }
  std::vector<int> out(graph.nodes);
  for (int i = 0; i < graph.nodes; ++i) out[i] = static_cast<int>(VECTOR(membership.v)[i]);
  return out;
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
  auto d = [&](int i, int j) {
    return i < j ? together[static_cast<std::size_t>(i) * n + j] : together[static_cast<std::size_t>(j) * n + i];
  };
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
    for (int j = 0; j < n; ++j)
      if (j != i) best = std::max(best, d(i, j));
    if (best <= 0) continue;
    for (int j = 0; j < n; ++j) {
      if (j != i && d(i, j) == best) add_edge(graph, std::min(i, j), std::max(i, j), best);
    }
  }
  return graph;
}

}  // namespace

Partition detect_blocs(const WeightMatrix& matrix, const CommunityOptions& options) {
  validate(matrix);
  if (options.runs < 1) throw UsageError("blocs: runs must be >= 1");
  if (options.max_consensus_rounds < 1) throw UsageError("blocs: max_consensus_rounds must be >= 1");
  if (!(options.resolution >= 0) || !std::isfinite(options.resolution))
    throw UsageError("blocs: resolution must be >= 0");
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
  // Stability: per run, the members of each final bloc counted by the run's label.
  std::vector<int> bloc_size(result.bloc_count, 0);
  for (int b : result.membership) ++bloc_size[b];
  result.stability.assign(n, 0.0);
  for (const auto& run : first_round) {
    std::map<std::pair<int, int>, int> together;  // (final bloc, run label) -> members
    for (int i = 0; i < n; ++i) ++together[{result.membership[i], run[i]}];
    for (int i = 0; i < n; ++i) {
      const int size = bloc_size[result.membership[i]];
      result.stability[i] +=
          size <= 1 ? 1.0
                    : static_cast<double>(together[{result.membership[i], run[i]}] - 1) / static_cast<double>(size - 1);
    }
  }
  for (double& x : result.stability) x /= static_cast<double>(first_round.size());
  return result;
}

}  // namespace rostrum::blocs
