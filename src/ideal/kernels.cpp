#include "ideal/kernels.hpp"

#include <algorithm>

namespace rostrum::ideal::detail {
namespace {
constexpr double kSqrt2 = 1.4142135623730951;
constexpr double kSqrtHalfPi = 1.2533141373155003;  // sqrt(pi/2)
constexpr double kLogSqrt2Pi = 0.91893853320467274;
constexpr double kInvSqrtPi = 0.56418958354775628;

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

double erfcx_pos(double x) {
  if (x < 25.0) return std::exp(x * x) * std::erfc(x);
  double x2 = 1.0 / (x * x);
  // erfcx(x) ~ 1/(x sqrt(pi)) * (1 - 1/(2x^2) + 3/(4x^4) - 15/(8x^6) + 105/(16x^8))
  return kInvSqrtPi / x * (1.0 + x2 * (-0.5 + x2 * (0.75 + x2 * (-1.875 + x2 * 6.5625))));
}

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

double log_interval_prob(double mu, double s, double lo, double hi) {
  return truncated_normal(mu, s, lo, hi).logp;
}

namespace {
// log(1 - t) for 0 <= t <= 1/2: a short series for small t (log1p is slow in
// glibc and this is the most frequent case: a well-predicted vote).
inline double log1m(double t) {
  if (t < 1e-4) return -t * (1.0 + t * (0.5 + t * (1.0 / 3.0 + t * 0.25)));
  return std::log(1.0 - t);
}

// log Q(x) and phi(x) / Q(x) for the upper tail Q(x) = P(Z > x).
inline void upper_terms(double x, double& logq, double& ratio) {
  if (x < -6.0) {
    const double phi = std::exp(-0.5 * x * x - kLogSqrt2Pi);
    const double x2 = 1.0 / (x * x);
    const double t = phi / -x * (1.0 + x2 * (-1.0 + x2 * (3.0 + x2 * (-15.0 + x2 * 105.0))));  // P(Z < x)
    logq = log1m(t);
    ratio = phi / (1.0 - t);
  } else if (x < 0.0) {
    const double t = 0.5 * std::erfc(-x / kSqrt2);
    logq = log1m(t);
    ratio = std::exp(-0.5 * x * x - kLogSqrt2Pi) / (1.0 - t);
  } else if (x < 37.0) {
    const double q = 0.5 * std::erfc(x / kSqrt2);
    logq = std::log(q);
    ratio = std::exp(-0.5 * x * x - kLogSqrt2Pi) / q;
  } else {
    const double r = mills(x);
    logq = std::log(r) - 0.5 * x * x - kLogSqrt2Pi;
    ratio = 1.0 / r;
  }
}
}  // namespace

VoteTerms vote_terms(double l, double u) {
  VoteTerms t{0.0, 0.0, 0.0};
  if (u == kInf) {
    if (l == -kInf) return t;
    upper_terms(l, t.logp, t.a_lo);
  } else if (l == -kInf) {
    upper_terms(-u, t.logp, t.a_hi);
  } else {
    double m, v;
    interval(l, u, m, v, t.logp);
    t.a_lo = std::exp(-0.5 * l * l - kLogSqrt2Pi - t.logp);
    t.a_hi = std::exp(-0.5 * u * u - kLogSqrt2Pi - t.logp);
  }
  return t;
}

void kalman_smooth(int n, const double* h, const double* P, const double* q, double m0, double v0,
                   double* mean, double* var, double* work) {
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
