// The iteration drivers: the plain variational EM engine (Options::algorithm =
// em; Imai, Lo & Olmsted 2016, "Fast estimation of ideal points with massive
// data", APSR 110(4), doi:10.1017/S000305541600037X, ordinal and dynamic) and the
// loop that runs either engine to convergence, with the SQUAREM extrapolation of
// the Newton map (Varadhan & Roland 2008, "Simple and globally convergent methods
// for accelerating the convergence of any EM algorithm", Scand. J. Stat. 35(2),
// doi:10.1111/j.1467-9469.2007.00585.x; Options::accelerate). The model is Bailey,
// Strezhnev & Voeten (2017, JCR 61(2), doi:10.1177/0022002715595700). Cost per
// iteration O(votes + items + state-sessions) for either engine (a SQUAREM cycle:
// three maps and two log-posterior evaluations), parallel over states and items.
#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

#include "core/cancel.hpp"
#include "ideal/internal.hpp"

namespace rostrum::ideal::internal {
namespace {
// Plain variational EM (Options::algorithm = em), on the rescaled item
// z = a + b*theta + s*e with cut-points 0 and 1: E-step truncated-normal moments of
// z; items by ridge least squares on E[theta], Var[theta] and the conjugate
// update of s^2; states by the Kalman smoother on one pseudo-observation per
// state-session. Monotone but slow on well-predicted votes (the augmented
// latent carries most of the information); kept as the reference algorithm.
struct EmEngine {
  const Problem& p;
  const Options& o;
  const std::vector<std::uint8_t>& cat;
  int threads;
  std::vector<double> a, b, s2;
  std::vector<double> ez, vz, ll_state;

  EmEngine(const Problem& p_, const Options& o_, const std::vector<std::uint8_t>& cat_, int threads_)
      : p(p_), o(o_), cat(cat_), threads(threads_), ez(p_.v_cat.size()), vz(p_.v_cat.size()), ll_state(p_.n_states) {}

  void from(const Params& x) {
    a.resize(p.n_items), b.resize(p.n_items), s2.resize(p.n_items);
    for (int it = 0; it < p.n_items; ++it) {
      const double s = p.binary ? 1.0 : 1.0 / std::max(x.c2[it] - x.c1[it], 1e-3);
      a[it] = -x.c1[it] * s, b[it] = x.beta[it] * s, s2[it] = s * s;
    }
  }
  void to(Params& x) const {
    for (int it = 0; it < p.n_items; ++it) {
      const double s = std::sqrt(s2[it]);
      x.beta[it] = b[it] / s, x.c1[it] = -a[it] / s, x.c2[it] = p.binary ? x.c1[it] : (1 - a[it]) / s;
    }
  }

  double estep(const Params& x) {
#pragma omp parallel for num_threads(threads) schedule(dynamic, 4)
    for (int i = 0; i < p.n_states; ++i) {
      double ll = 0;
      for (int ss = p.st_begin[i]; ss < p.st_begin[i + 1]; ++ss) {
        const double m = x.m[ss];
        for (int k = p.ss_begin[ss]; k < p.ss_begin[ss + 1]; ++k) {
          const int it = p.v_item[k];
          double lo, hi;
          cuts(cat[k], p.binary, 0.0, 1.0, lo, hi);
          if (p.binary && cat[k] == 2) lo = 0.0;
          auto tm = detail::truncated_normal(a[it] + b[it] * m, std::sqrt(s2[it]), lo, hi);
          ez[k] = tm.mean, vz[k] = tm.var, ll += tm.logp;
        }
      }
      ll_state[i] = ll;
    }
    double ll = 0;
    for (double v : ll_state) ll += v;
    return ll;
  }

  void items(const Params& x) {
    const double sa = 1.0 / (o.prior_a * o.prior_a), sb = 1.0 / (o.prior_b * o.prior_b);
#pragma omp parallel for num_threads(threads) schedule(dynamic, 16)
    for (int it = 0; it < p.n_items; ++it) {
      double n = 0, sm = 0, smm = 0, sz = 0, smz = 0;
      for (int q = p.it_begin[it]; q < p.it_begin[it + 1]; ++q) {
        const int k = p.it_votes[q];
        const int ss = p.v_ss[k];
        const double m = x.m[ss];
        n += 1, sm += m, smm += m * m + x.v[ss], sz += ez[k], smz += m * ez[k];
      }
      // Priors in unit-noise units (beta = b/s, cut-point -a/s) are s-free ridges.
      const double A = n + sa, B = sm, C = smm + sb;
      const double det = A * C - B * B;
      const double na = (C * sz - B * smz) / det, nb = (A * smz - B * sz) / det;
      a[it] = na, b[it] = nb;
      if (!p.binary) {
        double ss_res = 0;
        for (int q = p.it_begin[it]; q < p.it_begin[it + 1]; ++q) {
          const int k = p.it_votes[q];
          const int ssi = p.v_ss[k];
          const double r = ez[k] - na - nb * x.m[ssi];
          ss_res += vz[k] + r * r + nb * nb * x.v[ssi];
        }
        s2[it] = (ss_res + 2 * o.prior_s_scale) / (n + 2 * o.prior_s_shape + 2);
      }
    }
  }

  void states(Params& x) {
    const double q0 = o.omega * o.omega;
    const double v0 = o.prior_theta_sd * o.prior_theta_sd;
#pragma omp parallel num_threads(threads)
    {
      std::vector<double> h, P, q, work;
#pragma omp for schedule(dynamic, 4)
      for (int i = 0; i < p.n_states; ++i) {
        const int bgn = p.st_begin[i], e = p.st_begin[i + 1], n = e - bgn;
        if (n == 0) continue;
        h.assign(n, 0.0), P.assign(n, 0.0), q.assign(n, 0.0), work.resize(2 * n);
        for (int j = 0; j < n; ++j) {
          const int ss = bgn + j;
          double hh = 0, pp = 0;
          for (int k = p.ss_begin[ss]; k < p.ss_begin[ss + 1]; ++k) {
            const int it = p.v_item[k];
            const double w = b[it] / s2[it];
            pp += w * b[it], hh += w * (ez[k] - a[it]);
          }
          h[j] = hh, P[j] = pp, q[j] = q0 * p.ss_gap[ss];
        }
        if (p.dynamic) {
          detail::kalman_smooth(n, h.data(), P.data(), q.data(), 0.0, v0, &x.m[bgn], &x.v[bgn], work.data());
        } else {
          for (int j = 0; j < n; ++j) x.v[bgn + j] = 1.0 / (1.0 / v0 + P[j]), x.m[bgn + j] = h[j] * x.v[bgn + j];
        }
      }
    }
  }

  void identify_all(Params& x) {
    identify(p, x.m, x.v, [&](int it, double mu, double f) { a[it] += b[it] * mu, b[it] *= f; });
  }
};
}  // namespace

// Runs the chosen algorithm from x until convergence: relative change of the
// log-likelihood below tol and correlation of theta and of the item slopes
// between iterations above min_corr.
RunInfo run(const Problem& p, const Options& o, const std::vector<std::uint8_t>& cat, int threads, Params& x,
            const ProgressCallback& progress) {
  RunInfo info;
  double ll_prev = -kInf, ll_prev2 = -kInf;
  std::vector<double> m_prev = x.m, b_prev = x.beta;
  auto check = [&](double ll, const std::vector<double>& beta) {
    const double rel = std::min(std::abs(ll - ll_prev), std::abs(ll - ll_prev2)) / std::max(1.0, std::abs(ll));
    const double cm = corr(m_prev, x.m), cb = corr(b_prev, beta);
    const bool done = info.iterations > 2 && rel < o.tol && cm > o.min_corr && cb > o.min_corr;
    m_prev = x.m, b_prev = beta, ll_prev2 = ll_prev, ll_prev = ll, info.loglik = ll;
    return done;
  };
  if (o.algorithm == Algorithm::newton) {
    // Items, then states under the identification constraint's multipliers, then
    // the exact standardisation (pooled mean 0, SD 1, anchor positive); see
    // identify.cpp, "Identification as a constraint".
    NewtonEngine eng(p, o, cat, threads);
    identify_items(p, x);
    auto map = [&](Params& y) {
      eng.items(y);
      const double ll = eng.states(y);
      identify_items(p, y);
      return ll;
    };
    // SQUAREM (Varadhan & Roland 2008, scheme S3) over (beta, c1, log gap, theta):
    // two maps, an extrapolation along the observed slow direction, one stabilising
    // map; kept only when it raises the log posterior. It removes the slow tail
    // (e.g. the weakly bridged early sessions drifting as a block).
    auto pack = [&](const Params& y, std::vector<double>& v) {
      v.clear();
      v.insert(v.end(), y.beta.begin(), y.beta.end());
      v.insert(v.end(), y.c1.begin(), y.c1.end());
      if (!p.binary)
        for (int it = 0; it < p.n_items; ++it) v.push_back(std::log(y.c2[it] - y.c1[it]));
      v.insert(v.end(), y.m.begin(), y.m.end());
    };
    auto unpack = [&](const std::vector<double>& v, Params& y) {
      std::size_t k = 0;
      for (auto& b : y.beta) b = v[k++];
      for (auto& c : y.c1) c = v[k++];
      if (p.binary) {
        y.c2 = y.c1;
      } else {
        for (int it = 0; it < p.n_items; ++it) y.c2[it] = y.c1[it] + std::exp(v[k++]);
      }
      for (auto& m : y.m) m = v[k++];
    };
    std::vector<double> v0, v1, v2, ve;
    double step_max = 4.0;
    int maps = 0, cycle = 0;
    while (maps < o.max_iter) {
      if (cancel_requested()) break;  // the caller throws Cancelled (not from inside an OpenMP region)
      double ll;
      ++cycle;
      if (o.accelerate && cycle > 2) {
        pack(x, v0);
        map(x);
        pack(x, v1);
        ll = map(x);
        pack(x, v2);
        maps += 2;
        double rr = 0, vv = 0;
        for (std::size_t k = 0; k < v0.size(); ++k) {
          const double r = v1[k] - v0[k], d = v2[k] - 2 * v1[k] + v0[k];
          rr += r * r, vv += d * d;
        }
        const double alpha = vv > 0 ? -std::min(std::sqrt(rr / vv), step_max) : -1.0;
        if (alpha < -1.0) {
          ve.resize(v0.size());
          for (std::size_t k = 0; k < v0.size(); ++k) {
            const double r = v1[k] - v0[k], d = v2[k] - 2 * v1[k] + v0[k];
            ve[k] = v0[k] - 2 * alpha * r + alpha * alpha * d;
          }
          Params xe = x;
          unpack(ve, xe);
          const double lle = map(xe);
          ++maps;
          if (eng.logpost(xe) >= eng.logpost(x)) {
            x = std::move(xe), ll = lle;
            step_max = std::min(step_max * 2, 64.0);
          } else {
            step_max = std::max(1.0, step_max / 2);
          }
        }
      } else {
        ll = map(x);
        ++maps;
      }
      // A lower log-likelihood than the previous map's signals the unchecked
      // steps' cycle: from now on every item step is line-searched.
      if (ll < ll_prev - 1e-9 * std::abs(ll)) eng.item_check_gain = 0;
      info.iterations = maps;
      const bool done = check(ll, x.beta);
      if (progress && !progress(maps, ll)) break;
      if (done) {
        info.converged = true;
        break;
      }
    }
    {
      double mu = 0, sd = 0;
      for (double v : x.m) mu += v;
      mu /= std::max<std::size_t>(x.m.size(), 1);
      for (double v : x.m) sd += (v - mu) * (v - mu);
      info.internal_sd = std::sqrt(sd / std::max<std::size_t>(x.m.size(), 1));
    }
    identify_items(p, x);
    return info;
  }
  EmEngine eng(p, o, cat, threads);
  eng.from(x);
  for (int iter = 1; iter <= o.max_iter; ++iter) {
    if (cancel_requested()) break;
    const double ll = eng.estep(x);
    eng.items(x);
    eng.states(x);
    eng.identify_all(x);
    info.iterations = iter;
    const bool done = check(ll, eng.b);
    if (progress && !progress(iter, ll)) break;
    if (done) {
      info.converged = true;
      break;
    }
  }
  eng.to(x);
  return info;
}

}  // namespace rostrum::ideal::internal
