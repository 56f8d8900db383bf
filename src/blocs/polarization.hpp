// Polarization and poles (DESIGN.md section 6): how many blocs, how spread and how
// bimodal the ideal points are, and which of two poles each state leans to. Plain
// functions on vectors so that they apply to any period. Method notes:
// docs/methods-blocs-shifts.md.
#pragma once

#include <string>
#include <vector>

namespace rostrum::blocs {

// Effective number of blocs 1 / sum_k s_k^2, s_k the share of states in bloc k
// (Laakso & Taagepera 1979, Comp. Pol. Stud. 12:3, their effective number of parties
// with states for seats). 1 for one bloc, k for k equal blocs; NaN for no states. O(n).
double effective_number_of_blocs(const std::vector<int>& membership);

// The functions on ideal points skip NaN entries (states without an estimate).

// Sample standard deviation (n - 1 denominator); NaN for fewer than 2 values. O(n).
double standard_deviation(const std::vector<double>& values);

// |median(a) - median(b)|, e.g. between the ideal points of two blocs; NaN if either
// group is empty. O(n) expected (nth_element).
double median_gap(const std::vector<double>& a, const std::vector<double>& b);

// Sarle's bimodality coefficient b = (g^2 + 1) / (k + 3 (n-1)^2 / ((n-2)(n-3))), with g
// the sample skewness and k the sample excess kurtosis, both bias-corrected (SAS
// G1, G2). b > 5/9 (the value of a uniform distribution) suggests bimodality
// (SAS/STAT 1990 PROC CLUSTER; Pfister et al. 2013, Front. Psychol. 4:700, eq. 1).
// NaN for fewer than 4 values or zero variance. O(n).
double bimodality_coefficient(const std::vector<double>& values);

enum class Pole { a, b, tie, unknown };

// Where one state stands between pole A and pole B.
struct PoleLean {
  std::string state;
  double to_a = 0;  // agreement with A (lean_by_agreement) or distance to A (lean_by_position)
  double to_b = 0;
  double margin = 0;            // how much closer to A than to B: > 0 leans to A, < 0 to B
  Pole nearer = Pole::unknown;  // tie when |margin| <= tie_margin; unknown when a value is NaN
};

// Lean by agreement: margin = agreement_with_a - agreement_with_b ("where does the
// Global South lean" between, say, USA and CHN). O(n). Throws UsageError on length mismatch.
std::vector<PoleLean> lean_by_agreement(const std::vector<std::string>& states,
                                        const std::vector<double>& agreement_with_a,
                                        const std::vector<double>& agreement_with_b, double tie_margin = 0.0);

// Lean by ideal point: to_a = |x - x_a|, to_b = |x - x_b|, margin = to_b - to_a. O(n).
std::vector<PoleLean> lean_by_position(const std::vector<std::string>& states, const std::vector<double>& positions,
                                       double pole_a_position, double pole_b_position, double tie_margin = 0.0);

}  // namespace rostrum::blocs
