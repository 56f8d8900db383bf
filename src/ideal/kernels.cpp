#include "ideal/kernels.hpp"

#include <cerf.h>

#include <algorithm>

namespace rostrum::ideal::detail {
namespace {
constexpr double kSqrt2 = 1.4142135623730951;
constexpr double kSqrtHalfPi = 1.2533141373155003;  // sqrt(pi/2)
constexpr double kLogSqrt2Pi = 0.91893853320467274;

// Mills ratio r(x) = Q(x) / phi(x) for x >= 0.
inline double mills(double x) { return kSqrtHalfPi * erfcx_pos(x / kSqrt2); }

// Standard normal truncated to (u, inf): mean, variance, log probability.
inline void upper_tail(double u, double& mean, double& var, double& logp) {
  if (u >= 0) {
    double r = mills(u);
    double lam = 1.0 / r;
    mean = lam;
    var = 1.0 - lam * (lam - u);
    logp = std::log(r) - 0.5 * u * u - kLogSqrt2Pi;
  } else {
    double Q = 0.5 * std::erfc(u / kSqrt2);  // in [0.5, 1]
    double phi = std::exp(-0.5 * u * u - kLogSqrt2Pi);
    double lam = phi / Q;
    mean = lam;
    var = 1.0 - lam * (lam - u);
    logp = std::log(Q);
  }
  if (!(var > 1e-300)) var = 1e-300;
}

// Standard normal truncated to (a, b), finite, a < b.
inline void interval(double a, double b, double& mean, double& var, double& logp) {
  if (a >= 0) {
    double d = std::exp(-0.5 * (b - a) * (b + a));
    double den = mills(a) - mills(b) * d;
    if (!(den > 0)) den = 1e-300;
    mean = (1.0 - d) / den;
    double second = (a - b * d) / den;
    var = 1.0 + second - mean * mean;
    logp = std::log(den) - 0.5 * a * a - kLogSqrt2Pi;
  } else if (b <= 0) {
    interval(-b, -a, mean, var, logp);
    mean = -mean;
    return;
  } else {
    double Z = 0.5 * (std::erf(b / kSqrt2) - std::erf(a / kSqrt2));
    double pa = std::exp(-0.5 * a * a - kLogSqrt2Pi), pb = std::exp(-0.5 * b * b - kLogSqrt2Pi);
    mean = (pa - pb) / Z;
    var = 1.0 + (a * pa - b * pb) / Z - mean * mean;
    logp = std::log(Z);
  }
  if (!(var > 1e-300)) var = 1e-300;
}
}  // namespace

double erfcx_pos(double x) { return ::erfcx(x); }

TruncMoments truncated_normal(double mu, double s, double lo, double hi) {
  double m, v, lp;
  if (lo == -kInf && hi == kInf) return {mu, s * s, 0.0};
  if (hi == kInf) {
    upper_tail((lo - mu) / s, m, v, lp);
    return {mu + s * m, s * s * v, lp};
  }
  if (lo == -kInf) {
    upper_tail((mu - hi) / s, m, v, lp);
    return {mu - s * m, s * s * v, lp};
  }
  interval((lo - mu) / s, (hi - mu) / s, m, v, lp);
  return {mu + s * m, s * s * v, lp};
}

double log_interval_prob(double mu, double s, double lo, double hi) { return truncated_normal(mu, s, lo, hi).logp; }

namespace {
// log(1 - t) for 0 <= t <= 1/2: a short series for small t (log1p is slow in
// glibc and this is the most frequent case: a well-predicted vote).
inline double log1m(double t) {
  if (t < 1e-4) return -t * (1.0 + t * (0.5 + t * (1.0 / 3.0 + t * 0.25)));
  return std::log(1.0 - t);
}

// phi(x) / Q(x) for the upper tail Q(x) = P(Z > x), and log Q(x) when kLog.
// Through the Mills ratio M = Q / phi = sqrt(pi / 2) erfcx(x / sqrt 2): one
// erfcx (libcerf) and at most one exp and one log.
template <bool kLog>
inline void upper_terms(double x, double& logq, double& ratio) {
  if (x < -6.0) {
    const double phi = std::exp(-0.5 * x * x - kLogSqrt2Pi);
    const double x2 = 1.0 / (x * x);
    const double t = phi / -x * (1.0 + x2 * (-1.0 + x2 * (3.0 + x2 * (-15.0 + x2 * 105.0))));  // P(Z < x)
    if constexpr (kLog) logq = log1m(t);
    ratio = phi / (1.0 - t);
  } else if (x < 0.0) {
    const double phi = std::exp(-0.5 * x * x - kLogSqrt2Pi);
    const double t = phi * mills(-x);  // P(Z < x)
    if constexpr (kLog) logq = log1m(t);
    ratio = phi / (1.0 - t);
  } else {
    const double r = mills(x);
    if constexpr (kLog) logq = std::log(r) - 0.5 * x * x - kLogSqrt2Pi;
    ratio = 1.0 / r;
  }
}

// P(l < Z < u) for finite l < u: phi(l) / P, phi(u) / P, and log P when kLog.
template <bool kLog>
inline void interval_terms(double l, double u, double& logp, double& a_lo, double& a_hi) {
  if (l >= 0) {
    // P = phi(l) (M(l) - M(u) d), d = phi(u) / phi(l): no underflow far in the tail.
    const double d = std::exp(-0.5 * (u - l) * (u + l));
    double den = mills(l) - mills(u) * d;
    if (!(den > 0)) den = 1e-300;
    a_lo = 1.0 / den, a_hi = d / den;
    if constexpr (kLog) logp = std::log(den) - 0.5 * l * l - kLogSqrt2Pi;
  } else if (u <= 0) {
    interval_terms<kLog>(-u, -l, logp, a_hi, a_lo);  // mirrored: the bounds swap roles
  } else {
    double P = 0.5 * (std::erf(u / kSqrt2) - std::erf(l / kSqrt2));
    if (!(P > 0)) P = 1e-300;
    a_lo = std::exp(-0.5 * l * l - kLogSqrt2Pi) / P, a_hi = std::exp(-0.5 * u * u - kLogSqrt2Pi) / P;
    if constexpr (kLog) logp = std::log(P);
  }
}

template <bool kLog>
VoteTerms vote_terms_impl(double l, double u) {
  VoteTerms t{0.0, 0.0, 0.0};
  if (u == kInf) {
    if (l == -kInf) return t;
    upper_terms<kLog>(l, t.logp, t.a_lo);
  } else if (l == -kInf) {
    upper_terms<kLog>(-u, t.logp, t.a_hi);
  } else {
    interval_terms<kLog>(l, u, t.logp, t.a_lo, t.a_hi);
  }
  return t;
}
}  // namespace

VoteTerms vote_terms(double l, double u, bool with_log) {
  return with_log ? vote_terms_impl<true>(l, u) : vote_terms_impl<false>(l, u);
}

void kalman_smooth(int n, const double* h, const double* P, const double* q, double m0, double v0, double* mean,
                   double* var, double* work) {
  if (n <= 0) return;
  double* vpred = work;  // predicted variance at k
  // Forward filter (information form update).
  double mp = m0, vp = v0;
  for (int k = 0; k < n; ++k) {
    if (k > 0) {
      mp = mean[k - 1];
      vp = var[k - 1] + q[k];
    }
    vpred[k] = vp;
    double prec = 1.0 / vp + P[k];
    var[k] = 1.0 / prec;
    mean[k] = (mp / vp + h[k]) * var[k];
  }
  // Backward RTS pass.
  for (int k = n - 2; k >= 0; --k) {
    double J = var[k] / vpred[k + 1];
    mean[k] += J * (mean[k + 1] - mean[k]);
    var[k] += J * J * (var[k + 1] - vpred[k + 1]);
  }
}

}  // namespace rostrum::ideal::detail
