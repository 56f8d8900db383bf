// What the files of src/blocs share: the weighted agreement graph kept in plain
// C++ until igraph needs it, one clustering run, the consensus graph, modularity
// and bloc cores. Internal to src/blocs.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "blocs/blocs.hpp"

namespace rostrum::blocs::detail {

struct WeightedGraph {
  int nodes = 0;
  std::vector<std::pair<int, int>> edges;
  std::vector<double> weights;
  std::vector<double> strength;  // weighted degree per node
  double total_strength = 0;     // 2m
};

void add_edge(WeightedGraph& graph, int i, int j, double w);
// Labels renumbered 0.. in order of first appearance.
std::vector<int> canonical(const std::vector<int>& labels);
// Labels renumbered by decreasing bloc size (ties: first appearance): 0 is the
// largest; *count (when not null) receives the number of blocs.
std::vector<int> by_size(const std::vector<int>& labels, int* count);
// Throws UsageError unless the matrix is square, symmetric and finite where set.
void validate(const WeightMatrix& matrix);
// The agreement graph of a weight matrix (edges per GraphOptions). O(n^2).
WeightedGraph agreement_graph(const WeightMatrix& matrix, const GraphOptions& options);
// Modularity with resolution gamma (Newman 2006; Reichardt & Bornholdt 2006). O(edges).
double modularity(const WeightedGraph& graph, const std::vector<int>& membership, double gamma);
// Per bloc, the member with the largest weight to its own bloc (ties: lowest index).
std::vector<std::string> bloc_cores(const WeightedGraph& graph, const std::vector<int>& membership, int blocs,
                                    const std::vector<std::string>& states);

}  // namespace rostrum::blocs::detail
