// The Newton engine (Options::algorithm = newton, the default): block Newton /
// Fisher-scoring ascent on the log posterior of the dynamic ordinal model of
// Bailey, Strezhnev & Voeten (2017, "Estimating dynamic state preferences from
// United Nations voting data", JCR 61(2), doi:10.1177/0022002715595700); its
// derivatives are the truncated-normal moments of the variational E-step of Imai,
// Lo & Olmsted (2016, "Fast estimation of ideal points with massive data", APSR
// 110(4), doi:10.1017/S000305541600037X). Per-item Newton steps (3x3 Cholesky,
// spd_solve) and per-state trajectory steps (Kalman filter + RTS smoother on the
// Laplace pseudo-observations), both with step halving. Cost per iteration
// O(votes + items + state-sessions), parallel over items and over states.
#include <algorithm>
#include <cmath>

#include "ideal/internal.hpp"

namespace rostrum::ideal::internal {
namespace {
// Log probability of a vote and its derivatives with respect to the region's
// bounds, for latent mean eta: logP = log(Phi(hi - eta) - Phi(lo - eta)).
struct VoteDeriv {
  double logp;
  double dlo, dhi;       // d logP / d lo, d logP / d hi
  double hll, hhh, hlh;  // second derivatives
  double deta() const { return -(dlo + dhi); }
  double deta2() const { return hll + hhh + 2 * hlh; }  // = Var[e] - 1 <= 0
};
inline VoteDeriv vote_deriv(double eta, double lo, double hi, bool with_log = true) {
  VoteDeriv d{};
  const double l = lo - eta, u = hi - eta;
  const auto t = detail::vote_terms(l, u, with_log);
  d.logp = t.logp;
  const double Ahi = t.a_hi, Alo = t.a_lo;
  d.dhi = Ahi, d.dlo = -Alo;
  d.hhh = hi == kInf ? 0.0 : -u * Ahi - Ahi * Ahi;
  d.hll = lo == -kInf ? 0.0 : l * Alo - Alo * Alo;
  d.hlh = Ahi * Alo;
  return d;
}
inline double vote_logp(double eta, double lo, double hi) { return detail::vote_terms(lo - eta, hi - eta).logp; }

// 3x3 (or 2x2) symmetric positive-definite solve by Cholesky; false if not PD.
bool spd_solve(int n, double A[3][3], const double b[3], double x[3]) {
  double L[3][3] = {};
  for (int i = 0; i < n; ++i)
    for (int j = 0; j <= i; ++j) {
      double s = A[i][j];
      for (int k = 0; k < j; ++k) s -= L[i][k] * L[j][k];
      if (i == j) {
        if (!(s > 1e-300)) return false;
        L[i][i] = std::sqrt(s);
      } else {
        L[i][j] = s / L[j][j];
      }
    }
  double y[3];
  for (int i = 0; i < n; ++i) {
    double s = b[i];
    for (int k = 0; k < i; ++k) s -= L[i][k] * y[k];
    y[i] = s / L[i][i];
  }
  for (int i = n - 1; i >= 0; --i) {
    double s = y[i];
    for (int k = i + 1; k < n; ++k) s -= L[k][i] * x[k];
    x[i] = s / L[i][i];
  }
  return true;
}
}  // namespace

// Default algorithm: block Newton (Fisher-scoring) ascent on the log posterior,
// its derivatives taken from the same truncated-normal moments as the E-step
// (d logP/d eta = E[e], d2 logP/d eta2 = Var[e] - 1 for the standard latent
// error e truncated to the vote's region). Items: Newton in (beta, c1, log(c2-c1))
// with step halving (ordered probit is log-concave); states: the Laplace
// pseudo-observation (curvature, Newton target) per state-session through the
// Kalman filter + RTS smoother, i.e. a Newton step on the whole trajectory, with
// step halving. Each block step increases the log posterior.
NewtonEngine::NewtonEngine(const Problem& p_, const Options& o_, const std::vector<std::uint8_t>& cat_, int threads_)
    : p(p_),
      o(o_),
      cat(cat_),
      threads(threads_),
      ll_state(p_.n_states),
      it_ss(p_.it_votes.size()),
      it_cat(p_.it_votes.size()) {
  mult.lam1.assign(p_.n_sessions, 0.0), mult.lam2.assign(p_.n_sessions, 0.0);
  item_check_gain = o_.check_gain;
  // Measured: with weaker slope priors (prior_b 1.5, 2) the corrected iteration
  // let a session's positions wander in some simulations; at 1 it was stable in
  // every one (docs/ideal-points.md).
  propagate = o_.propagate_uncertainty && o_.prior_b <= 1.0;
  vb.assign(p_.n_items, 0.0), cb1.assign(p_.n_items, 0.0), cb2.assign(p_.n_items, 0.0);
  ss_g.resize(p_.n_ss), ss_P.resize(p_.n_ss), ss_qa.resize(p_.n_ss), ss_qb.resize(p_.n_ss), ss_gpost.resize(p_.n_ss);
  for (std::size_t q = 0; q < it_ss.size(); ++q) it_ss[q] = p.v_ss[p.it_votes[q]], it_cat[q] = cat[p.it_votes[q]];
}

double NewtonEngine::item_logpost(const Params& x, int it, double beta, double c1, double c2) const {
  double lp = 0;
  for (int q = p.it_begin[it]; q < p.it_begin[it + 1]; ++q) {
    double lo, hi;
    cuts(it_cat[q], p.binary, c1, c2, lo, hi);
    lp += vote_logp(beta * x.m[it_ss[q]], lo, hi);
  }
  lp -= 0.5 * beta * beta / (o.prior_b * o.prior_b) + 0.5 * c1 * c1 / (o.prior_a * o.prior_a);
  if (!p.binary) {
    const double dl = std::log(c2 - c1) - o.prior_gap_log_mean;
    lp -= 0.5 * dl * dl / (o.prior_gap_log_sd * o.prior_gap_log_sd);
  }
  return lp;
}

// One Newton step per item. O(votes), parallel over items.
void NewtonEngine::items(Params& x) {
  const double lb = 1.0 / (o.prior_b * o.prior_b), la = 1.0 / (o.prior_a * o.prior_a);
  const double lg = 1.0 / (o.prior_gap_log_sd * o.prior_gap_log_sd);
  // The log-probabilities are needed only to line-search; when every step is
  // (item_check_gain 0) they are summed in this pass, else computed on demand.
  const bool sum_logp = item_check_gain <= 0;
#pragma omp parallel for num_threads(threads) schedule(dynamic, 16)
  for (int it = 0; it < p.n_items; ++it) {
    const double beta = x.beta[it], c1 = x.c1[it], c2 = x.c2[it];
    double lp = 0;
    // Gradient and Hessian in p = (beta, c1, c2).
    double g[3] = {0, 0, 0}, H[3][3] = {};
    for (int q = p.it_begin[it]; q < p.it_begin[it + 1]; ++q) {
      const int ss = it_ss[q];
      const double m = x.m[ss];
      double lo, hi;
      const std::uint8_t c = it_cat[q];
      cuts(c, p.binary, c1, c2, lo, hi);
      const VoteDeriv d = vote_deriv(beta * m, lo, hi, sum_logp);
      lp += d.logp;
      // Index of the lower / upper bound among the parameters (-1: infinite).
      const int ilo = c == 0 ? -1 : (c == 1 || p.binary ? 1 : 2);
      const int ihi = c == 0 ? 1 : (c == 1 ? 2 : -1);
      g[0] += m * d.deta();
      H[0][0] += (m * m + x.v[ss]) * d.deta2();
      if (ilo > 0) {
        g[ilo] += d.dlo;
        H[ilo][ilo] += d.hll;
        H[0][ilo] += -m * (d.hll + d.hlh);
      }
      if (ihi > 0) {
        g[ihi] += d.dhi;
        H[ihi][ihi] += d.hhh;
        H[0][ihi] += -m * (d.hhh + d.hlh);
      }
      if (ilo > 0 && ihi > 0) H[std::min(ilo, ihi)][std::max(ilo, ihi)] += d.hlh;
    }
    // Newton direction in q = (beta, c1, delta = log(c2 - c1)) (binary: (beta, c1)).
    const int n = p.binary ? 2 : 3;
    double G[3], A[3][3], step[3];
    if (p.binary) {
      G[0] = g[0] - lb * beta, G[1] = g[1] - la * c1;
      A[0][0] = -H[0][0] + lb, A[1][1] = -H[1][1] + la, A[0][1] = A[1][0] = -H[0][1];
    } else {
      const double e = c2 - c1, delta = std::log(e);
      G[0] = g[0] - lb * beta;
      G[1] = g[1] + g[2] - la * c1;
      G[2] = e * g[2] - lg * (delta - o.prior_gap_log_mean);
      A[0][0] = -H[0][0] + lb;
      A[0][1] = A[1][0] = -(H[0][1] + H[0][2]);
      A[0][2] = A[2][0] = -e * H[0][2];
      A[1][1] = -(H[1][1] + 2 * H[1][2] + H[2][2]) + la;
      A[1][2] = A[2][1] = -e * (H[1][2] + H[2][2]);
      A[2][2] = -e * e * H[2][2] + lg;
    }
    if (propagate) {
      // The item's Laplace covariance, for the state step (first column of A^-1).
      // (The symmetric correction in the item step, Var[theta] in the slope's
      // gradient as in the variational EM, makes the block iteration cycle
      // with period 2; Var[theta] enters the slope's curvature only.)
      double Ac[3][3], e0[3] = {1, 0, 0}, col[3] = {0, 0, 0};
      for (int a = 0; a < 3; ++a)
        for (int b = 0; b < 3; ++b) Ac[a][b] = A[a][b];
      if (spd_solve(n, Ac, e0, col)) {
        vb[it] = col[0], cb1[it] = col[1];
        cb2[it] = p.binary ? col[1] : col[1] + (c2 - c1) * col[2];  // c2 = c1 + exp(delta)
      }
    }
    if (!spd_solve(n, A, G, step)) continue;
    for (int j = 0; j < n; ++j) step[j] = std::clamp(step[j], -3.0, 3.0);
    // Predicted gain of the Newton step; when it is negligible the step is taken
    // without the evaluation pass (near convergence: most items, most iterations).
    double gain = 0;
    for (int j = 0; j < n; ++j) gain += 0.5 * G[j] * step[j];
    if (gain < item_check_gain) {
      x.beta[it] = beta + step[0], x.c1[it] = c1 + step[1];
      x.c2[it] = p.binary ? x.c1[it] : x.c1[it] + std::exp(std::log(c2 - c1) + step[2]);
      continue;
    }
    const double lp0 = sum_logp
                           ? lp - 0.5 * lb * beta * beta - 0.5 * la * c1 * c1 -
                                 (p.binary ? 0.0 : 0.5 * lg * std::pow(std::log(c2 - c1) - o.prior_gap_log_mean, 2))
                           : item_logpost(x, it, beta, c1, c2);
    double t = 1.0;
    for (int tries = 0; tries < 8; ++tries, t *= 0.5) {
      const double nb = beta + t * step[0], n1 = c1 + t * step[1];
      const double n2 = p.binary ? n1 : n1 + std::exp(std::log(c2 - c1) + t * step[2]);
      const double lp1 = item_logpost(x, it, nb, n1, n2);
      if (lp1 >= lp0) {
        x.beta[it] = nb, x.c1[it] = n1, x.c2[it] = n2;
        break;
      }
    }
  }
}

// Log-likelihood of state i's votes with trajectory th (per ss of the state).
double NewtonEngine::state_loglik(const Params& x, int i, const double* th) const {
  double ll = 0;
  for (int ss = p.st_begin[i]; ss < p.st_begin[i + 1]; ++ss) {
    const double t = th[ss - p.st_begin[i]];
    for (int k = p.ss_begin[ss]; k < p.ss_begin[ss + 1]; ++k) {
      const int it = p.v_item[k];
      double lo, hi;
      cuts(cat[k], p.binary, x.c1[it], x.c2[it], lo, hi);
      ll += vote_logp(x.beta[it] * t, lo, hi);
    }
  }
  return ll;
}

double NewtonEngine::state_logprior(int i, const double* th, double v0, double q0) const {
  const int b = p.st_begin[i], n = p.st_begin[i + 1] - b;
  double lp = 0;
  if (!p.dynamic) {
    for (int j = 0; j < n; ++j) lp -= 0.5 * th[j] * th[j] / v0;
    return lp;
  }
  lp -= 0.5 * th[0] * th[0] / v0;
  for (int j = 1; j < n; ++j) lp -= 0.5 * (th[j] - th[j - 1]) * (th[j] - th[j - 1]) / (q0 * p.ss_gap[b + j]);
  return lp;
}

// The constraint's Lagrangian terms of state i's trajectory.
double NewtonEngine::state_constraint(int i, const double* th) const {
  const int b = p.st_begin[i], n = p.st_begin[i + 1] - b;
  double c = 0;
  for (int j = 0; j < n; ++j) {
    const int t = p.ss_session[b + j];
    c -= mult.lam1[t] * th[j] + 0.5 * mult.lam2[t] * th[j] * th[j];
  }
  return c;
}

// Log posterior of everything (votes, item priors, trajectory priors). O(votes).
double NewtonEngine::logpost(const Params& x) {
  const double q0 = o.omega * o.omega, v0 = o.prior_theta_sd * o.prior_theta_sd;
#pragma omp parallel for num_threads(threads) schedule(dynamic, 4)
  for (int i = 0; i < p.n_states; ++i) {
    const int b = p.st_begin[i];
    ll_state[i] = b == p.st_begin[i + 1] ? 0.0 : state_loglik(x, i, &x.m[b]) + state_logprior(i, &x.m[b], v0, q0);
  }
  double lp = 0;
  for (double v : ll_state) lp += v;
  const double lb = 1.0 / (o.prior_b * o.prior_b), la = 1.0 / (o.prior_a * o.prior_a);
  const double lg = 1.0 / (o.prior_gap_log_sd * o.prior_gap_log_sd);
  for (int it = 0; it < p.n_items; ++it) {
    lp -= 0.5 * lb * x.beta[it] * x.beta[it] + 0.5 * la * x.c1[it] * x.c1[it];
    if (!p.binary) lp -= 0.5 * lg * std::pow(std::log(x.c2[it] - x.c1[it]) - o.prior_gap_log_mean, 2);
  }
  return lp;
}

// One Newton step per state trajectory. O(votes + state-sessions), parallel over
// states. Returns the log-likelihood of all votes before the step (after the
// item step of the same iteration).
double NewtonEngine::states(Params& x) {
  const double q0 = o.omega * o.omega;
  const double v0 = o.prior_theta_sd * o.prior_theta_sd;
  // Pass 1, per state-session at the current point: log-likelihood, its gradient
  // and curvature in theta (plus the items' uncertainty terms), and the gradient
  // of the whole log posterior (with the trajectory prior) for the multipliers.
#pragma omp parallel for num_threads(threads) schedule(dynamic, 4)
  for (int i = 0; i < p.n_states; ++i) {
    const int b = p.st_begin[i], e = p.st_begin[i + 1], n = e - b;
    double ll0 = 0;
    for (int j = 0; j < n; ++j) {
      const int ss = b + j;
      const double th = x.m[ss];
      double gg = 0, hh = 0, sa = 0, sb = 0;
      for (int k = p.ss_begin[ss]; k < p.ss_begin[ss + 1]; ++k) {
        const int it = p.v_item[k];
        double lo, hi;
        cuts(cat[k], p.binary, x.c1[it], x.c2[it], lo, hi);
        const double bt = x.beta[it];
        const VoteDeriv d = vote_deriv(bt * th, lo, hi);
        ll0 += d.logp;
        gg += bt * d.deta();
        hh -= bt * bt * d.deta2();
        if (propagate) {
          // E over the item's (beta, c) Laplace posterior of logP(e; lo, hi),
          // e = beta theta, to second order: theta^2 Var(beta) logP_ee / 2 +
          // theta (Cov(beta, lo) logP_e,lo + Cov(beta, hi) logP_e,hi).
          const std::uint8_t c = cat[k];
          if (c != 0) sb -= (d.hll + d.hlh) * ((c == 1 || p.binary) ? cb1[it] : cb2[it]);
          if (c != 2) sb -= (d.hhh + d.hlh) * (c == 0 ? cb1[it] : cb2[it]);
          sa += d.deta2() * vb[it];
        }
      }
      ss_qa[ss] = sa, ss_qb[ss] = sb;
      ss_g[ss] = gg + sa * th + sb;
      ss_P[ss] = std::max(hh - sa, 1e-10);
      double gp = ss_g[ss];
      if (!p.dynamic || j == 0) gp -= th / v0;
      if (p.dynamic && j > 0) gp -= (th - x.m[ss - 1]) / (q0 * p.ss_gap[ss]);
      if (p.dynamic && j + 1 < n) gp += (x.m[ss + 1] - th) / (q0 * p.ss_gap[ss + 1]);
      ss_gpost[ss] = gp;
    }
    ll_state[i] = ll0;  // log-likelihood before the step (monitored)
  }
  // Multipliers of the identification constraint: the gradient's components
  // along the location and scale directions (1 and theta, orthogonal when theta
  // is standardised), which the constraint absorbs; see "Identification as a constraint".
  {
    const int G = p.dynamic ? 1 : p.n_sessions;
    std::vector<double> s1(G, 0.0), s2(G, 0.0), s0(G, 0.0), sq(G, 0.0);
    for (int ss = 0; ss < p.n_ss; ++ss) {
      const int g = p.dynamic ? 0 : p.ss_session[ss];
      s0[g] += 1, s1[g] += ss_gpost[ss], s2[g] += ss_gpost[ss] * x.m[ss], sq[g] += x.m[ss] * x.m[ss];
    }
    for (int t = 0; t < p.n_sessions; ++t) {
      const int g = p.dynamic ? 0 : t;
      mult.lam1[t] = s0[g] > 0 ? s1[g] / s0[g] : 0.0;
      mult.lam2[t] = sq[g] > 0 ? s2[g] / sq[g] : 0.0;
    }
  }
  // Pass 2, per state: Newton step of the trajectory (Kalman filter + smoother
  // on the pseudo-observations), with step halving.
#pragma omp parallel num_threads(threads)
  {
    std::vector<double> h, P, P0, q, work, mean, var, old, trial, scratch;
#pragma omp for schedule(dynamic, 4)
    for (int i = 0; i < p.n_states; ++i) {
      const int b = p.st_begin[i], e = p.st_begin[i + 1], n = e - b;
      if (n == 0) continue;
      h.resize(n), P.resize(n), P0.resize(n), q.resize(n), work.resize(2 * n), mean.resize(n), var.resize(n),
          scratch.resize(n);
      old.assign(x.m.begin() + b, x.m.begin() + e);
      for (int j = 0; j < n; ++j) {
        const int ss = b + j;
        const double th = x.m[ss];
        const double l1 = mult.lam1[p.ss_session[ss]], l2 = mult.lam2[p.ss_session[ss]];
        P0[j] = ss_P[ss];
        // The curvature stays positive (lam2 < 0 when the slope prior pulls the
        // scale outward more than the walk pulls it in).
        P[j] = std::max(ss_P[ss] + l2, 0.05 * ss_P[ss]);
        h[j] = P[j] * th + ss_g[ss] - l1 - l2 * th;
        q[j] = q0 * p.ss_gap[ss];
      }
      if (p.dynamic) {
        detail::kalman_smooth(n, h.data(), P.data(), q.data(), 0.0, v0, mean.data(), var.data(), work.data());
        // The reported variance is the model's (without the constraint's curvature).
        detail::kalman_smooth(n, h.data(), P0.data(), q.data(), 0.0, v0, scratch.data(), var.data(), work.data());
      } else {
        for (int j = 0; j < n; ++j) mean[j] = h[j] / (1.0 / v0 + P[j]), var[j] = 1.0 / (1.0 / v0 + P0[j]);
      }
      // Predicted gain: half the directional derivative of the objective.
      double gain = 0;
      for (int j = 0; j < n; ++j) {
        const int ss = b + j;
        const double gpost = ss_gpost[ss] - mult.lam1[p.ss_session[ss]] - mult.lam2[p.ss_session[ss]] * old[j];
        gain += 0.5 * gpost * (mean[j] - old[j]);
      }
      if (gain < o.check_gain) {
        for (int j = 0; j < n; ++j) x.m[b + j] = mean[j], x.v[b + j] = var[j];
        continue;
      }
      // The objective along the step: log-likelihood, the items' uncertainty terms
      // (curvatures held at the current point), trajectory prior, constraint terms.
      auto objective = [&](const double* th, double ll) {
        double f = ll + state_logprior(i, th, v0, q0) + state_constraint(i, th);
        for (int j = 0; j < n; ++j) f += 0.5 * ss_qa[b + j] * th[j] * th[j] + ss_qb[b + j] * th[j];
        return f;
      };
      const double f0 = objective(old.data(), ll_state[i]);
      double t = 1.0;
      bool moved = false;
      trial.resize(n);
      for (int tries = 0; tries < 8; ++tries, t *= 0.5) {
        for (int j = 0; j < n; ++j) trial[j] = old[j] + t * (mean[j] - old[j]);
        if (objective(trial.data(), state_loglik(x, i, trial.data())) >= f0) {
          moved = true;
          break;
        }
      }
      for (int j = 0; j < n; ++j) {
        if (moved) x.m[b + j] = trial[j];
        x.v[b + j] = var[j];
      }
    }
  }
  double ll = 0;
  for (double v : ll_state) ll += v;
  return ll;
}

}  // namespace rostrum::ideal::internal
