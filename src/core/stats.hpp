// Small statistics helpers shared by the estimators.
#pragma once

#include <vector>

namespace rostrum {

// The q-quantile of `values` by linear interpolation between order statistics
// (Hyndman & Fan 1996, type 7; the default of R's quantile()). Sorts `values`.
// NaN when empty. O(n log n).
double quantile(std::vector<double>& values, double q);

// The standard normal quantile function (inverse CDF) by bisection on erfc, to
// about 1e-14 for p in (1e-300, 1 - 1e-16); used for interval levels, not in loops.
double normal_quantile(double p);

}  // namespace rostrum
