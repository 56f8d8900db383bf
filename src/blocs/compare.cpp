// Comparing two partitions: normalised mutual information (Danon et al. 2005,
// doi:10.1088/1742-5468/2005/09/P09008) and the adjusted Rand index (Hubert &
// Arabie 1985, doi:10.1007/BF01908075). O(n + blocs_a x blocs_b).
#include <cmath>
#include <map>

#include "blocs/blocs.hpp"
#include "core/error.hpp"

namespace rostrum::blocs {

namespace {

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

}  // namespace rostrum::blocs
