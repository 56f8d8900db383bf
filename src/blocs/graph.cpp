// The agreement graph of a period, modularity and bloc cores.
#include "blocs/graph.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>

#include "core/error.hpp"

namespace rostrum::blocs::detail {

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
        case EdgeRule::above_mean:
          edge = w - offset;
          break;
        case EdgeRule::threshold:
          edge = w >= options.threshold ? w : 0.0;
          break;
        case EdgeRule::raw:
          edge = w;
          break;
      }
      if (edge > 0) add_edge(graph, static_cast<int>(i), static_cast<int>(j), edge);
    }
  }
  return graph;
}

// Labels renumbered by first appearance, so that equal partitions compare equal.

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
  cores.reserve(best.size());
  for (int b : best) cores.push_back(states[b]);
  return cores;
}

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

}  // namespace rostrum::blocs::detail
