// Polarization measures and pole lean. Citations in polarization.hpp and
// docs/methods-blocs-shifts.md.
#include "blocs/polarization.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "core/error.hpp"

namespace rostrum::blocs {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::vector<double> finite_values(const std::vector<double>& values) {
  std::vector<double> out;
  out.reserve(values.size());
  for (double v : values)
    if (!std::isnan(v)) out.push_back(v);
  return out;
}

double median(std::vector<double> values) {
  if (values.empty()) return kNaN;
  const std::size_t half = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + half, values.end());
  const double upper = values[half];
  if (values.size() % 2 == 1) return upper;
  const double lower = *std::max_element(values.begin(), values.begin() + half);
  return 0.5 * (lower + upper);
}

Pole nearer_pole(double margin, double tie_margin) {
  if (std::isnan(margin)) return Pole::unknown;
  if (std::abs(margin) <= tie_margin) return Pole::tie;
  return margin > 0 ? Pole::a : Pole::b;
}

}  // namespace

double effective_number_of_blocs(const std::vector<int>& membership) {
  if (membership.empty()) return kNaN;
  std::map<int, double> size;
  for (int bloc : membership) size[bloc] += 1;
  const double n = static_cast<double>(membership.size());
  double concentration = 0;
  for (const auto& [bloc, count] : size) concentration += (count / n) * (count / n);
  return 1.0 / concentration;
}

double standard_deviation(const std::vector<double>& values) {
  const auto x = finite_values(values);
  if (x.size() < 2) return kNaN;
  double mean = 0;
  for (double v : x) mean += v;
  mean /= static_cast<double>(x.size());
  double squares = 0;
  for (double v : x) squares += (v - mean) * (v - mean);
  return std::sqrt(squares / static_cast<double>(x.size() - 1));
}

double median_gap(const std::vector<double>& a, const std::vector<double>& b) {
  return std::abs(median(finite_values(a)) - median(finite_values(b)));
}

double bimodality_coefficient(const std::vector<double>& values) {
  const auto x = finite_values(values);
  const double n = static_cast<double>(x.size());
  if (x.size() < 4) return kNaN;
  double mean = 0;
  for (double v : x) mean += v;
  mean /= n;
  double m2 = 0, m3 = 0, m4 = 0;  // central moments, 1/n
  for (double v : x) {
    const double d = v - mean;
    m2 += d * d;
    m3 += d * d * d;
    m4 += d * d * d * d;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  if (m2 <= 0) return kNaN;
  const double g1 = m3 / std::pow(m2, 1.5);
  const double g2 = m4 / (m2 * m2) - 3.0;
  const double skewness = g1 * std::sqrt(n * (n - 1)) / (n - 2);                      // SAS G1
  const double excess_kurtosis = ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3));  // SAS G2
  return (skewness * skewness + 1) / (excess_kurtosis + 3 * (n - 1) * (n - 1) / ((n - 2) * (n - 3)));
}

std::vector<PoleLean> lean_by_agreement(const std::vector<std::string>& states,
                                        const std::vector<double>& agreement_with_a,
                                        const std::vector<double>& agreement_with_b, double tie_margin) {
  if (states.size() != agreement_with_a.size() || states.size() != agreement_with_b.size()) {
    throw UsageError("poles: need one agreement with each pole per state");
  }
  std::vector<PoleLean> out;
  out.reserve(states.size());
  for (std::size_t i = 0; i < states.size(); ++i) {
    PoleLean lean{states[i], agreement_with_a[i], agreement_with_b[i], agreement_with_a[i] - agreement_with_b[i]};
    lean.nearer = nearer_pole(lean.margin, tie_margin);
    out.push_back(lean);
  }
  return out;
}

std::vector<PoleLean> lean_by_position(const std::vector<std::string>& states, const std::vector<double>& positions,
                                       double pole_a_position, double pole_b_position, double tie_margin) {
  if (states.size() != positions.size()) throw UsageError("poles: need one position per state");
  std::vector<PoleLean> out;
  out.reserve(states.size());
  for (std::size_t i = 0; i < states.size(); ++i) {
    PoleLean lean;
    lean.state = states[i];
    lean.to_a = std::abs(positions[i] - pole_a_position);
    lean.to_b = std::abs(positions[i] - pole_b_position);
    lean.margin = lean.to_b - lean.to_a;
    lean.nearer = nearer_pole(lean.margin, tie_margin);
    out.push_back(lean);
  }
  return out;
}

}  // namespace rostrum::blocs
