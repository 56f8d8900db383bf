// Numerical kernels of the ideal-point engine, exposed for tests and benchmarks.
#pragma once

#include <cmath>
#include <limits>

namespace rostrum::ideal::detail {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Scaled complementary error function erfcx(x) = exp(x^2) erfc(x) for x >= 0
// (libcerf's, the Faddeeva-package algorithm of S. G. Johnson: Chebyshev fits,
// continued fraction in the tail; relative error ~1e-15, no underflow).
double erfcx_pos(double x);

// Moments of Z ~ N(mu, s^2) truncated to (lo, hi); lo = -inf / hi = +inf allowed.
// Computed through Mills ratios in log space, so that a region far in the tail
// (a perfectly separated vote) gives finite moments and a finite log probability.
struct TruncMoments {
  double mean, var, logp;  // logp = log P(lo < Z < hi)
};
TruncMoments truncated_normal(double mu, double s, double lo, double hi);

// log P(lo < Z < hi) for Z ~ N(mu, s^2) (same numerics as truncated_normal).
double log_interval_prob(double mu, double s, double lo, double hi);

// Terms of one ordered-probit vote with standardised bounds l < u (l = -inf or
// u = +inf allowed): logp = log(Phi(u) - Phi(l)), a_lo = phi(l) / that probability,
// a_hi = phi(u) / that probability (0 for an infinite bound). Through Mills
// ratios (erfcx): per vote one erfcx and one exp (two of each for an abstention),
// plus one log when with_log (else logp = 0: the Newton item step needs only the
// ratios). These are the gradient ingredients of the Newton steps (equivalently
// the truncated-normal moments: E[e] = a_lo - a_hi).
struct VoteTerms {
  double logp, a_lo, a_hi;
};
VoteTerms vote_terms(double l, double u, bool with_log = true);

// Scalar Kalman filter + Rauch-Tung-Striebel smoother for a random walk observed
// through pseudo-observations in information form:
//   x_0 ~ N(m0, v0), x_k = x_{k-1} + w_k, w_k ~ N(0, q[k]) (q[0] unused),
//   information h[k] = P[k] * y_k with precision P[k] (P[k] = 0: no observation).
// Writes the smoothed means and variances. O(n). Reference: Rauch, Tung & Striebel
// (1965); Durbin & Koopman, "Time Series Analysis by State Space Methods", 4.4.
void kalman_smooth(int n, const double* h, const double* P, const double* q, double m0, double v0, double* mean,
                   double* var, double* work /* 2n */);

}  // namespace rostrum::ideal::detail
