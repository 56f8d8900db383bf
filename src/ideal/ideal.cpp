// The variational EM for the dynamic ordinal ideal-point model (see ideal.hpp).
#include "ideal/ideal.hpp"

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>

#include "core/cancel.hpp"
#include "ideal/kernels.hpp"

namespace rostrum::ideal {
namespace {
using detail::kInf;

double normal_quantile(double p) {
  // Bisection on the normal CDF: plenty for interval levels.
  double lo = -10, hi = 10;
  for (int i = 0; i < 100; ++i) {
    double mid = 0.5 * (lo + hi);
    if (0.5 * std::erfc(-mid / std::sqrt(2.0)) < p)
      lo = mid;
    else
      hi = mid;
  }
  return 0.5 * (lo + hi);
}

double corr(const std::vector<double>& x, const std::vector<double>& y) {
  const std::size_t n = x.size();
  if (n < 2) return 1.0;
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < n; ++i) mx += x[i], my += y[i];
  mx /= n, my /= n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < n; ++i) {
    double a = x[i] - mx, b = y[i] - my;
    sxy += a * b, sxx += a * a, syy += b * b;
  }
  if (sxx <= 0 || syy <= 0) return 1.0;
  return sxy / std::sqrt(sxx * syy);
}

std::uint64_t splitmix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

// The estimation problem: votes sorted by (state, session, roll call), grouped
// into state-sessions ("ss"), plus an item-major index.
struct Problem {
  int n_states = 0, n_sessions = 0, n_items = 0, n_ss = 0;
  bool binary = false, dynamic = true;
  std::vector<int> v_ss, v_item, v_rc;
  std::vector<std::uint8_t> v_cat;
  std::vector<int> ss_state, ss_session, ss_begin;  // ss_begin: n_ss + 1
  std::vector<int> st_begin;                        // n_states + 1, over ss
  std::vector<double> ss_gap;                       // time since the state's previous ss (0 for first)
  std::vector<int> it_begin, it_votes;              // item -> vote indices
  std::vector<int> item_session;                    // static model: the item's session
  std::vector<int> sess_begin, sess_ss;             // session -> ss indices
  std::vector<int> rc_item;                         // roll call -> item (-1: not estimated)
  int anchor = -1;
};

int find_anchor(const Data& d, const std::string& anchor) {
  std::vector<std::string> names = {anchor};
  if (anchor == "USA" || anchor == "US") names.insert(names.end(), {"USA", "US", "United States", "United States of America"});
  for (const auto& n : names)
    for (int i = 0; i < d.n_states; ++i)
      if (d.state_ids[i] == n) return i;
  return -1;
}

Problem build(const Data& d, const Options& o) {
  if (static_cast<int>(d.state_ids.size()) != d.n_states || static_cast<int>(d.session_labels.size()) != d.n_sessions)
    throw std::invalid_argument("ideal: state or session labels do not match the counts");
  if (!d.session_time.empty() && static_cast<int>(d.session_time.size()) != d.n_sessions)
    throw std::invalid_argument("ideal: session_time does not match n_sessions");
  Problem p;
  p.n_states = d.n_states;
  p.n_sessions = d.n_sessions;
  p.binary = o.model == Model::binary_dynamic;
  p.dynamic = o.model != Model::static_session;
  const int R = static_cast<int>(d.rollcalls.size());
  for (const auto& rc : d.rollcalls)
    if (rc.session < 0 || rc.session >= d.n_sessions) throw std::invalid_argument("ideal: roll call session out of range");

  // Votes used, with their region codes.
  std::vector<Observation> votes;
  votes.reserve(d.votes.size());
  for (const auto& v : d.votes) {
    if (v.state < 0 || v.state >= d.n_states || v.rollcall < 0 || v.rollcall >= R || v.category > 2)
      throw std::invalid_argument("ideal: vote out of range");
    Observation w = v;
    if (p.binary && w.category == 1) {
      if (!o.abstain_as_no) continue;
      w.category = 2;
    }
    votes.push_back(w);
  }
  // Roll calls with variation are estimated.
  std::vector<std::uint8_t> seen(R, 0);
  for (const auto& v : votes) seen[v.rollcall] |= static_cast<std::uint8_t>(1u << v.category);
  std::vector<int> items;
  if (p.dynamic && (o.bridges || !o.manual_bridges.empty())) {
    if (o.bridges) {
      items = find_bridges(d, o.manual_bridges);
    } else {
      Data only_manual;  // manual pairs only: no text
      only_manual.rollcalls.resize(R);
      items = find_bridges(only_manual, o.manual_bridges);
    }
  } else {
    items.resize(R);
    std::iota(items.begin(), items.end(), 0);
  }
  p.rc_item.assign(R, -1);
  std::vector<int> remap(R, -1);
  for (int r = 0; r < R; ++r) {
    if (seen[r] == 0 || (seen[r] & (seen[r] - 1)) == 0) continue;
    int it = items[r];
    if (remap[it] < 0) {
      remap[it] = p.n_items++;
      p.item_session.push_back(d.rollcalls[r].session);
    }
    p.rc_item[r] = remap[it];
  }
  // State-sessions.
  const std::size_t T = d.n_sessions;
  std::vector<int> count(static_cast<std::size_t>(d.n_states) * T, 0);
  for (const auto& v : votes)
    if (p.rc_item[v.rollcall] >= 0) count[static_cast<std::size_t>(v.state) * T + d.rollcalls[v.rollcall].session]++;
  std::vector<int> ss_of(count.size(), -1);
  p.st_begin.assign(d.n_states + 1, 0);
  p.ss_begin.push_back(0);
  for (int i = 0; i < d.n_states; ++i) {
    p.st_begin[i] = p.n_ss;
    double prev_time = 0;
    bool first = true;
    for (std::size_t t = 0; t < T; ++t) {
      std::size_t key = static_cast<std::size_t>(i) * T + t;
      if (count[key] == 0) continue;
      ss_of[key] = p.n_ss++;
      p.ss_state.push_back(i);
      p.ss_session.push_back(static_cast<int>(t));
      p.ss_begin.push_back(p.ss_begin.back() + count[key]);
      double time = d.session_time.empty() ? static_cast<double>(t) : d.session_time[t];
      p.ss_gap.push_back(first ? 0.0 : std::max(time - prev_time, 1e-9));
      prev_time = time;
      first = false;
    }
  }
  p.st_begin[d.n_states] = p.n_ss;
  // Votes in (state, session, roll call) order: counting sort by ss, stable in input order,
  // then each ss sorted by roll call.
  const int V = p.ss_begin.back();
  p.v_ss.resize(V), p.v_item.resize(V), p.v_rc.resize(V), p.v_cat.resize(V);
  std::vector<int> fill(p.ss_begin.begin(), p.ss_begin.end() - 1);
  std::vector<std::pair<int, std::uint8_t>> tmp(V);
  for (const auto& v : votes) {
    if (p.rc_item[v.rollcall] < 0) continue;
    int ss = ss_of[static_cast<std::size_t>(v.state) * T + d.rollcalls[v.rollcall].session];
    tmp[fill[ss]++] = {v.rollcall, v.category};
  }
  for (int ss = 0; ss < p.n_ss; ++ss) {
    std::sort(tmp.begin() + p.ss_begin[ss], tmp.begin() + p.ss_begin[ss + 1]);
    for (int k = p.ss_begin[ss]; k < p.ss_begin[ss + 1]; ++k) {
      p.v_ss[k] = ss;
      p.v_rc[k] = tmp[k].first;
      p.v_item[k] = p.rc_item[tmp[k].first];
      p.v_cat[k] = tmp[k].second;
    }
  }
  // Item-major index.
  p.it_begin.assign(p.n_items + 1, 0);
  for (int k = 0; k < V; ++k) p.it_begin[p.v_item[k] + 1]++;
  for (int it = 0; it < p.n_items; ++it) p.it_begin[it + 1] += p.it_begin[it];
  p.it_votes.resize(V);
  std::vector<int> ifill(p.it_begin.begin(), p.it_begin.end() - 1);
  for (int k = 0; k < V; ++k) p.it_votes[ifill[p.v_item[k]]++] = k;
  // Session -> ss.
  p.sess_begin.assign(p.n_sessions + 1, 0);
  for (int ss = 0; ss < p.n_ss; ++ss) p.sess_begin[p.ss_session[ss] + 1]++;
  for (int t = 0; t < p.n_sessions; ++t) p.sess_begin[t + 1] += p.sess_begin[t];
  p.sess_ss.resize(p.n_ss);
  std::vector<int> sfill(p.sess_begin.begin(), p.sess_begin.end() - 1);
  for (int ss = 0; ss < p.n_ss; ++ss) p.sess_ss[sfill[p.ss_session[ss]]++] = ss;
  p.anchor = find_anchor(d, o.anchor);
  if (p.anchor >= 0 && p.st_begin[p.anchor] == p.st_begin[p.anchor + 1]) p.anchor = -1;
  return p;
}

int nthreads(const Options& o) { return o.threads > 0 ? o.threads : omp_get_max_threads(); }

// ---------------------------------------------------------------------------
// Starting values: first principal component of each session's roll-call-centred
// vote matrix (Yes +1, Abstain 0, No -1), by power iteration on the sparse votes;
// each session's sign aligned to the states' latest earlier scores (the anchor
// decides only for the first session; identify() fixes the overall sign). Aligning
// on the anchor alone flips sessions in which the anchor sits near the middle, and
// a weakly smoothed fit cannot undo such a flip.
std::vector<double> principal_components(const Problem& p, int R) {
  std::vector<double> pc(p.n_ss, 0.0);
  std::vector<double> mean(R, 0.0), w(R, 0.0);
  std::vector<int> n(R, 0);
  auto code = [&](int k) { return p.v_cat[k] == 0 ? 1.0 : (p.v_cat[k] == 1 ? 0.0 : -1.0); };
  for (int k = 0; k < static_cast<int>(p.v_cat.size()); ++k) mean[p.v_rc[k]] += code(k), n[p.v_rc[k]]++;
  for (int r = 0; r < R; ++r)
    if (n[r]) mean[r] /= n[r];
  std::vector<double> last(p.n_states, 0.0);  // latest score of each state
  std::vector<char> has_last(p.n_states, 0);
  for (int t = 0; t < p.n_sessions; ++t) {
    const int b = p.sess_begin[t], e = p.sess_begin[t + 1];
    if (b == e) continue;
    int anchor_ss = -1;
    for (int q = b; q < e; ++q)
      if (p.ss_state[p.sess_ss[q]] == p.anchor) anchor_ss = p.sess_ss[q];
    auto project = [&](auto&& u_of) {  // w = X' u
      for (int q = b; q < e; ++q) {
        int ss = p.sess_ss[q];
        for (int k = p.ss_begin[ss]; k < p.ss_begin[ss + 1]; ++k) w[p.v_rc[k]] = 0;
      }
      for (int q = b; q < e; ++q) {
        int ss = p.sess_ss[q];
        double u = u_of(ss);
        for (int k = p.ss_begin[ss]; k < p.ss_begin[ss + 1]; ++k) w[p.v_rc[k]] += u * (code(k) - mean[p.v_rc[k]]);
      }
    };
    auto back = [&]() {  // u = X w, normalised
      double norm = 0;
      for (int q = b; q < e; ++q) {
        int ss = p.sess_ss[q];
        double u = 0;
        for (int k = p.ss_begin[ss]; k < p.ss_begin[ss + 1]; ++k) u += w[p.v_rc[k]] * (code(k) - mean[p.v_rc[k]]);
        pc[ss] = u;
        norm += u * u;
      }
      norm = std::sqrt(norm);
      if (norm > 0)
        for (int q = b; q < e; ++q) pc[p.sess_ss[q]] /= norm;
    };
    if (anchor_ss >= 0) {
      project([&](int ss) { return ss == anchor_ss ? 1.0 : 0.0; });
    } else {
      bool any = false;
      for (int q = b; q < e; ++q) any |= has_last[p.ss_state[p.sess_ss[q]]] != 0;
      if (any)
        project([&](int ss) { return last[p.ss_state[ss]]; });
      else
        project([&](int ss) { return 1.0 + 1e-3 * (ss % 7); });
    }
    back();
    for (int iter = 0; iter < 20; ++iter) {
      project([&](int ss) { return pc[ss]; });
      back();
    }
    // Sign.
    double sign_stat = 0;
    for (int q = b; q < e; ++q) {
      int ss = p.sess_ss[q];
      if (has_last[p.ss_state[ss]]) sign_stat += pc[ss] * last[p.ss_state[ss]];
    }
    if (sign_stat == 0 && anchor_ss >= 0) sign_stat = pc[anchor_ss];
    double flip = sign_stat < 0 ? -1.0 : 1.0;
    // Standardise within the session.
    double mu = 0, sd = 0;
    for (int q = b; q < e; ++q) mu += pc[p.sess_ss[q]];
    mu /= (e - b);
    for (int q = b; q < e; ++q) sd += (pc[p.sess_ss[q]] - mu) * (pc[p.sess_ss[q]] - mu);
    sd = std::sqrt(sd / (e - b));
    if (!(sd > 0)) sd = 1;
    for (int q = b; q < e; ++q) {
      int ss = p.sess_ss[q];
      pc[ss] = flip * (pc[ss] - mu) / sd;
      last[p.ss_state[ss]] = pc[ss];
      has_last[p.ss_state[ss]] = 1;
    }
  }
  return pc;
}

// ---------------------------------------------------------------------------
// Parameters. Items are kept in the original ordered-probit units (y* = beta*theta
// + eps, eps ~ N(0,1), cut-points c1 <= c2; binary: c1 = c2); the plain-EM path
// works on the rescaled form a = -c1*s, b = beta*s, s = 1/(c2-c1).
struct Params {
  std::vector<double> beta, c1, c2;  // per item
  std::vector<double> m, v;          // per state-session
};

// Location, scale and sign: pooled mean 0 and SD 1 over state-sessions (static:
// within each session), anchor positive. item_fn(item, mu, factor) re-expresses an
// item so that predictions are unchanged (theta' = factor^-1 (theta - mu)).
template <class ItemFn>
void identify(const Problem& p, std::vector<double>& m, std::vector<double>& v, ItemFn&& item_fn) {
  auto stats = [&](const std::vector<int>& sss, double& mu, double& sd) {
    mu = 0, sd = 0;
    for (int ss : sss) mu += m[ss];
    mu /= std::max<std::size_t>(sss.size(), 1);
    for (int ss : sss) sd += (m[ss] - mu) * (m[ss] - mu);
    sd = std::sqrt(sd / std::max<std::size_t>(sss.size(), 1));
    if (!(sd > 0)) sd = 1;
  };
  auto apply = [&](const std::vector<int>& sss, double mu, double sd, double flip, auto&& item_filter) {
    const double f = flip / sd;
    for (int ss : sss) m[ss] = (m[ss] - mu) * f, v[ss] /= sd * sd;
    for (int it = 0; it < p.n_items; ++it)
      if (item_filter(it)) item_fn(it, mu, sd * flip);
  };
  if (p.dynamic) {
    std::vector<int> all(p.n_ss);
    std::iota(all.begin(), all.end(), 0);
    double mu, sd;
    stats(all, mu, sd);
    double sign = 0;
    if (p.anchor >= 0)
      for (int ss = p.st_begin[p.anchor]; ss < p.st_begin[p.anchor + 1]; ++ss) sign += m[ss] - mu;
    apply(all, mu, sd, sign < 0 ? -1.0 : 1.0, [](int) { return true; });
    return;
  }
  std::vector<double> last(p.n_states, 0.0);
  std::vector<char> has(p.n_states, 0);
  for (int t = 0; t < p.n_sessions; ++t) {
    std::vector<int> sss(p.sess_ss.begin() + p.sess_begin[t], p.sess_ss.begin() + p.sess_begin[t + 1]);
    if (sss.empty()) continue;
    double mu, sd;
    stats(sss, mu, sd);
    double sign = 0;
    bool anchored = false;
    for (int ss : sss)
      if (p.ss_state[ss] == p.anchor) sign = m[ss] - mu, anchored = true;
    if (!anchored)
      for (int ss : sss)
        if (has[p.ss_state[ss]]) sign += (m[ss] - mu) * last[p.ss_state[ss]];
    apply(sss, mu, sd, sign < 0 ? -1.0 : 1.0, [&](int it) { return p.item_session[it] == t; });
    for (int ss : sss) last[p.ss_state[ss]] = m[ss], has[p.ss_state[ss]] = 1;
  }
}

void identify_items(const Problem& p, Params& x) {
  identify(p, x.m, x.v, [&](int it, double mu, double f) {
    x.c1[it] -= x.beta[it] * mu;
    x.c2[it] -= x.beta[it] * mu;
    x.beta[it] *= f;
  });
}

// Identification as a constraint. The log posterior is maximised subject to
// pooled mean 0 and SD 1 of the state-session positions (static model: within
// each session), so that the priors (beta ~ N(0, prior_b^2), the walk SD omega,
// the first position's SD) act on the reported scale, as in BSV, whose sampler
// standardises theta after every draw (Bailey, Strezhnev & Voeten 2017; see
// docs/ideal-points.md, "Scale and drift").
//
// The likelihood is invariant under theta -> a + b theta with the items
// re-expressed (beta -> beta / b, cut -> cut + beta a / b), so the constraint only
// removes those two directions. At the constrained optimum the gradient of the
// objective with respect to theta is lam1 + lam2 theta (Lagrange). Each state
// step therefore takes lam1 and lam2 as the gradient's components along 1 and
// theta (orthogonal for standardised theta) and maximises objective - lam1 sum
// theta - lam2 / 2 sum theta^2 — a linear and a quadratic term per
// state-session, so the Kalman structure is kept — and the iterate is then
// standardised exactly (identify_items). At a fixed point the Lagrange
// conditions hold. Letting the priors choose a and b instead (parameter
// expansion) makes the pooled SD float with omega (1.35 at omega 0.1 on the UN
// history, 2.5 at 0.5): the walk then dominates the bridges and planted drift is
// lost (measured; tests/ideal, IdealDrift). O(state-sessions) per iteration.
struct Multipliers {
  std::vector<double> lam1, lam2;  // per session (dynamic: one group, the same value everywhere)
};

// Cut-points on the latent scale bounding the region of a vote.
inline void cuts(std::uint8_t cat, bool binary, double c1, double c2, double& lo, double& hi) {
  if (cat == 0) {
    lo = -kInf, hi = c1;
  } else if (cat == 1) {
    lo = c1, hi = c2;
  } else {
    lo = binary ? c1 : c2, hi = kInf;
  }
}

// Log probability of a vote and its derivatives with respect to the region's
// bounds, for latent mean eta: logP = log(Phi(hi - eta) - Phi(lo - eta)).
struct VoteDeriv {
  double logp;
  double dlo, dhi;        // d logP / d lo, d logP / d hi
  double hll, hhh, hlh;   // second derivatives
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

// ---------------------------------------------------------------------------
// Default algorithm: block Newton (Fisher-scoring) ascent on the log posterior,
// its derivatives taken from the same truncated-normal moments as the E-step
// (d logP/d eta = E[e], d2 logP/d eta2 = Var[e] - 1 for the standard latent
// error e truncated to the vote's region). Items: Newton in (beta, c1, log(c2-c1))
// with step halving (ordered probit is log-concave); states: the Laplace
// pseudo-observation (curvature, Newton target) per state-session through the
// Kalman filter + RTS smoother, i.e. a Newton step on the whole trajectory, with
// step halving. Each block step increases the log posterior.
struct NewtonEngine {
  const Problem& p;
  const Options& o;
  const std::vector<std::uint8_t>& cat;
  int threads;
  std::vector<double> ll_state;
  Multipliers mult;                    // identification constraint, set before each state step
  // Item steps predicted to gain less than this are taken without evaluation.
  // Near the optimum such unchecked steps (of the items' objective, which differs
  // from the state step's by the constraint and uncertainty terms) can settle
  // into a period-2 cycle; run() then sets it to 0 (every item step line-searched).
  double item_check_gain = 0;
  // Items' Laplace posterior covariance (from the item step's Hessian): Var(beta),
  // Cov(beta, c1), Cov(beta, c2); used by the state step (Options::propagate_uncertainty).
  std::vector<double> vb, cb1, cb2;
  bool propagate = false;
  std::vector<double> ss_g, ss_P, ss_qa, ss_qb, ss_gpost;  // per state-session terms of the state step
  std::vector<int> it_ss;              // item-major copies: sequential reads in the item step
  std::vector<std::uint8_t> it_cat;

  NewtonEngine(const Problem& p_, const Options& o_, const std::vector<std::uint8_t>& cat_, int threads_)
      : p(p_), o(o_), cat(cat_), threads(threads_), ll_state(p_.n_states), it_ss(p_.it_votes.size()),
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

  double item_logpost(const Params& x, int it, double beta, double c1, double c2) const {
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
  void items(Params& x) {
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
      const double lp0 = sum_logp ? lp - 0.5 * lb * beta * beta - 0.5 * la * c1 * c1 -
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
  double state_loglik(const Params& x, int i, const double* th) const {
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
  double state_logprior(int i, const double* th, double v0, double q0) const {
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
  double state_constraint(int i, const double* th) const {
    const int b = p.st_begin[i], n = p.st_begin[i + 1] - b;
    double c = 0;
    for (int j = 0; j < n; ++j) {
      const int t = p.ss_session[b + j];
      c -= mult.lam1[t] * th[j] + 0.5 * mult.lam2[t] * th[j] * th[j];
    }
    return c;
  }

  // Log posterior of everything (votes, item priors, trajectory priors). O(votes).
  double logpost(const Params& x) {
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
  double states(Params& x) {
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

};

// ---------------------------------------------------------------------------
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

struct RunInfo {
  int iterations = 0;
  bool converged = false;
  double loglik = 0;
  double internal_sd = 1;  // pooled SD of theta on the prior's scale, before the final transform
};

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
    // multipliers().
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

// Starting items: beta = 0, cut-points from the item's vote shares.
void init_items(const Problem& p, const std::vector<std::uint8_t>& cat, Params& x) {
  x.beta.assign(p.n_items, 0.0), x.c1.assign(p.n_items, 0.0), x.c2.assign(p.n_items, 0.0);
  for (int it = 0; it < p.n_items; ++it) {
    double c[3] = {0.5, 0.5, 0.5};
    for (int q = p.it_begin[it]; q < p.it_begin[it + 1]; ++q) c[cat[p.it_votes[q]]] += 1;
    if (p.binary) c[1] = 0;
    const double n = c[0] + c[1] + c[2];
    x.c1[it] = normal_quantile(c[0] / n);
    x.c2[it] = p.binary ? x.c1[it] : std::max(normal_quantile((c[0] + c[1]) / n), x.c1[it] + 0.05);
  }
}

// Probabilities of the three categories for latent mean eta.
inline std::array<double, 3> probs(double eta, double c1, double c2, bool binary) {
  std::array<double, 3> pr;
  pr[0] = std::exp(detail::vote_terms(-kInf, c1 - eta).logp);
  pr[2] = std::exp(detail::vote_terms((binary ? c1 : c2) - eta, kInf).logp);
  pr[1] = binary ? 0.0 : std::max(0.0, 1.0 - pr[0] - pr[2]);
  return pr;
}

}  // namespace

// ---------------------------------------------------------------------------
Result estimate(const Data& d, const Options& o, const ProgressCallback& progress) {
  auto t0 = std::chrono::steady_clock::now();
  Problem p = build(d, o);
  const int R = static_cast<int>(d.rollcalls.size());
  const int threads = nthreads(o);
  Result res;
  res.model = o.model;
  res.n_sessions = d.n_sessions;
  res.n_items = p.n_items;
  if (p.n_ss == 0) throw std::invalid_argument("ideal: no votes to estimate from");

  Params x;
  std::vector<double> pc = principal_components(p, R);
  x.m = pc;
  x.v.assign(p.n_ss, 0.1);
  identify(p, x.m, x.v, [](int, double, double) {});
  init_items(p, p.v_cat, x);
  RunInfo info = run(p, o, p.v_cat, threads, x, progress);
  res.iterations = info.iterations;
  res.converged = info.converged;
  res.internal_sd = info.internal_sd;

  // Estimates.
  const double z = normal_quantile(0.5 + o.level / 2);
  res.index.assign(static_cast<std::size_t>(d.n_states) * d.n_sessions, -1);
  for (int ss = 0; ss < p.n_ss; ++ss) {
    StateSession e;
    e.state = p.ss_state[ss], e.session = p.ss_session[ss];
    e.ideal = x.m[ss], e.sd = std::sqrt(x.v[ss]);
    e.lo = e.ideal - z * e.sd, e.hi = e.ideal + z * e.sd;
    e.nvotes = p.ss_begin[ss + 1] - p.ss_begin[ss];
    res.index[static_cast<std::size_t>(e.state) * d.n_sessions + e.session] = ss;
    res.estimates.push_back(e);
  }
  // Roll calls.
  res.rollcalls.resize(R);
  {
    std::vector<std::array<double, 3>> cnt(R, {0.5, 0.5, 0.5});
    for (const auto& v : d.votes) {
      std::uint8_t c = v.category;
      if (p.binary && c == 1) {
        if (!o.abstain_as_no) continue;
        c = 2;
      }
      cnt[v.rollcall][c] += 1;
    }
    for (int r = 0; r < R; ++r) {
      auto& rc = res.rollcalls[r];
      if (p.binary) cnt[r][1] = 0;
      double tot = cnt[r][0] + cnt[r][1] + cnt[r][2];
      for (int c = 0; c < 3; ++c) rc.base[c] = cnt[r][c] / tot;
      int it = p.rc_item[r];
      rc.item = it;
      if (it < 0) continue;
      rc.beta = x.beta[it], rc.cut1 = x.c1[it], rc.cut2 = x.c2[it];
    }
  }
  // Bridges per session: items of the session that also occur in another session.
  {
    std::vector<std::pair<int, int>> pairs;  // (item, session)
    for (int r = 0; r < R; ++r)
      if (p.rc_item[r] >= 0) pairs.push_back({p.rc_item[r], d.rollcalls[r].session});
    std::sort(pairs.begin(), pairs.end());
    pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
    std::vector<int> item_sessions(p.n_items, 0);
    for (auto [it, t] : pairs) item_sessions[it]++;
    res.bridged_items_per_session.assign(d.n_sessions, 0);
    res.bridged_rollcalls_per_session.assign(d.n_sessions, 0);
    for (auto [it, t] : pairs)
      if (item_sessions[it] >= 2) res.bridged_items_per_session[t]++;
    for (int r = 0; r < R; ++r)
      if (p.rc_item[r] >= 0 && item_sessions[p.rc_item[r]] >= 2) res.bridged_rollcalls_per_session[d.rollcalls[r].session]++;
    for (int it = 0; it < p.n_items; ++it) res.n_bridged_items += item_sessions[it] >= 2;
  }
  // Correlation with the starting principal component, per session.
  res.pc_correlation.assign(d.n_sessions, 0.0);
  for (int t = 0; t < p.n_sessions; ++t) {
    std::vector<double> a, b;
    for (int q = p.sess_begin[t]; q < p.sess_begin[t + 1]; ++q) a.push_back(x.m[p.sess_ss[q]]), b.push_back(pc[p.sess_ss[q]]);
    res.pc_correlation[t] = a.size() >= 3 ? corr(a, b) : 0.0;
  }
  // Fit: per vote probabilities at E[theta].
  {
    const int V = static_cast<int>(p.v_cat.size());
    std::vector<double> lp(V);
    std::vector<std::uint8_t> pred(V);
#pragma omp parallel for num_threads(threads) schedule(static)
    for (int k = 0; k < V; ++k) {
      const int it = p.v_item[k];
      auto pr = probs(x.beta[it] * x.m[p.v_ss[k]], x.c1[it], x.c2[it], p.binary);
      lp[k] = std::log(std::max(pr[p.v_cat[k]], 1e-300));
      pred[k] = static_cast<std::uint8_t>(std::max_element(pr.begin(), pr.end()) - pr.begin());
    }
    std::vector<std::array<int, 3>> rc_cnt(R, {0, 0, 0});
    for (int k = 0; k < V; ++k) rc_cnt[p.v_rc[k]][p.v_cat[k]]++;
    std::vector<double> ll_s(d.n_sessions, 0), err_s(d.n_sessions, 0), modal_err_s(d.n_sessions, 0);
    std::vector<std::int64_t> n_s(d.n_sessions, 0);
    for (int k = 0; k < V; ++k) {
      const int t = p.ss_session[p.v_ss[k]];
      const auto& c = rc_cnt[p.v_rc[k]];
      const int modal = static_cast<int>(std::max_element(c.begin(), c.end()) - c.begin());
      ll_s[t] += lp[k];
      err_s[t] += pred[k] != p.v_cat[k];
      modal_err_s[t] += modal != p.v_cat[k];
      n_s[t]++;
    }
    auto make = [](double ll, double err, double merr, std::int64_t n) {
      Fit f;
      f.loglik = ll, f.n = n;
      f.pcc = n ? 1.0 - err / n : 0;
      f.apre = merr > 0 ? (merr - err) / merr : 0;
      f.gmp = n ? std::exp(ll / n) : 0;
      return f;
    };
    double L = 0, E = 0, M = 0;
    std::int64_t N = 0;
    res.fit_by_session.resize(d.n_sessions);
    for (int t = 0; t < d.n_sessions; ++t) {
      res.fit_by_session[t] = make(ll_s[t], err_s[t], modal_err_s[t], n_s[t]);
      L += ll_s[t], E += err_s[t], M += modal_err_s[t], N += n_s[t];
    }
    res.fit = make(L, E, M, N);
  }

  // Parametric bootstrap: simulate votes from the fit, refit from the fitted values.
  if (o.boot > 0) {
    const int B = o.boot;
    std::vector<std::vector<double>> draws(B);
    // Replicates start at the fit, where the first steps are small: a tighter
    // stopping rule keeps them from stopping before they have moved.
    Options ob = o;
    ob.tol = o.tol * 1e-2, ob.min_corr = 1 - (1 - o.min_corr) * 1e-2;
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
    for (int rep = 0; rep < B; ++rep) {
      std::mt19937_64 rng(splitmix(o.seed * 1000003ULL + static_cast<std::uint64_t>(rep)));
      std::normal_distribution<double> N01(0.0, 1.0);
      std::vector<std::uint8_t> cat(p.v_cat.size());
      for (std::size_t k = 0; k < cat.size(); ++k) {
        const int it = p.v_item[k];
        const double ys = x.beta[it] * x.m[p.v_ss[k]] + N01(rng);
        cat[k] = ys < x.c1[it] ? 0 : (p.binary ? 2 : (ys < x.c2[it] ? 1 : 2));
      }
      Params xb = x;
      run(p, ob, cat, 1, xb, {});
      draws[rep] = std::move(xb.m);
    }
    const double hi_q = 1 - (1 - o.level) / 2;
    std::vector<double> col(B);
    for (int ss = 0; ss < p.n_ss; ++ss) {
      double mu = 0, sd = 0;
      for (int rep = 0; rep < B; ++rep) col[rep] = draws[rep][ss], mu += col[rep];
      mu /= B;
      for (double v : col) sd += (v - mu) * (v - mu);
      auto& e = res.estimates[ss];
      e.boot_sd = B > 1 ? std::sqrt(sd / (B - 1)) : 0;
      // The replicates' spread measures the estimator's sampling variability
      // given the fitted items; it misses the posterior uncertainty that the
      // variational SD measures (the fitted slopes make replicates too
      // informative), so the interval uses both: theta +- z sqrt(boot_sd^2 + sd^2).
      const double z = normal_quantile(hi_q);
      const double half = z * std::sqrt(e.boot_sd * e.boot_sd + e.sd * e.sd);
      e.lo = e.ideal - half, e.hi = e.ideal + half;
    }
  }
  res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return res;
}
std::array<double, 3> predict(const Result& r, int state, int rollcall, const Data& d) {
  const auto& rc = r.rollcalls.at(rollcall);
  if (rc.item < 0) return rc.base;
  const int t = d.rollcalls.at(rollcall).session;
  double theta = 0;
  const StateSession* e = r.find(state, t);
  if (!e) {
    for (int dt = 1; dt < r.n_sessions && !e; ++dt) {
      if (t - dt >= 0) e = r.find(state, t - dt);
      if (!e && t + dt < r.n_sessions) e = r.find(state, t + dt);
    }
  }
  if (e) theta = e->ideal;
  const bool binary = r.model == Model::binary_dynamic;
  std::array<double, 3> pr;
  double mu = rc.beta * theta;
  pr[0] = std::exp(detail::log_interval_prob(mu, 1.0, -kInf, rc.cut1));
  pr[2] = std::exp(detail::log_interval_prob(mu, 1.0, rc.cut2, kInf));
  pr[1] = binary ? 0.0 : std::max(0.0, 1.0 - pr[0] - pr[2]);
  return pr;
}

HoldoutReport holdout(const Data& d, const Options& o, double fraction, std::uint64_t seed) {
  if (!(fraction > 0 && fraction < 1)) throw std::invalid_argument("holdout: fraction must be in (0, 1)");
  const std::size_t V = d.votes.size();
  std::vector<std::size_t> idx(V);
  std::iota(idx.begin(), idx.end(), 0);
  std::mt19937_64 rng(splitmix(seed));
  std::shuffle(idx.begin(), idx.end(), rng);
  const std::size_t n_test = static_cast<std::size_t>(std::llround(fraction * V));
  std::vector<char> is_test(V, 0);
  for (std::size_t k = 0; k < n_test; ++k) is_test[idx[k]] = 1;
  Data train = d;
  train.votes.clear();
  for (std::size_t k = 0; k < V; ++k)
    if (!is_test[k]) train.votes.push_back(d.votes[k]);
  HoldoutReport rep;
  rep.n_train = static_cast<std::int64_t>(train.votes.size());
  rep.n_test = static_cast<std::int64_t>(n_test);
  rep.fit = estimate(train, o, {});
  const bool binary = o.model == Model::binary_dynamic;
  // Training vote shares: per roll call (modal baseline) and overall (always-yes log loss).
  const int R = static_cast<int>(d.rollcalls.size());
  std::vector<std::array<double, 3>> cnt(R, {0, 0, 0});
  std::array<double, 3> all{0, 0, 0};
  for (const auto& v : train.votes) cnt[v.rollcall][v.category] += 1, all[v.category] += 1;
  auto norm3 = [](std::array<double, 3> c, bool yn) {
    if (yn) c[1] = 0;
    double tot = c[0] + c[1] + c[2] + (yn ? 1.0 : 1.5);
    std::array<double, 3> pr{(c[0] + 0.5) / tot, yn ? 0.0 : (c[1] + 0.5) / tot, (c[2] + 0.5) / tot};
    return pr;
  };
  struct Acc {
    double err = 0, ll = 0, n = 0;
    void add(const std::array<double, 3>& pr, int pred, int truth) {
      err += pred != truth;
      ll -= std::log(std::max(pr[truth], 1e-12));
      n += 1;
    }
  };
  Acc m3, y3, d3, myn, yyn, dyn;
  for (std::size_t k = 0; k < V; ++k) {
    if (!is_test[k]) continue;
    const auto& v = d.votes[k];
    auto pr = predict(rep.fit, v.state, v.rollcall, d);
    if (binary) {
      // The binary model gives P(Yes) and P(not Yes): split "not Yes" by the roll call's shares.
      auto sh = norm3(cnt[v.rollcall], false);
      double notyes = pr[2], denom = sh[1] + sh[2];
      pr[1] = notyes * sh[1] / denom, pr[2] = notyes * sh[2] / denom;
    }
    const int truth = v.category;
    auto argmax3 = [](const std::array<double, 3>& a) { return static_cast<int>(std::max_element(a.begin(), a.end()) - a.begin()); };
    auto sh3 = norm3(cnt[v.rollcall], false);
    auto all3 = norm3(all, false);
    m3.add(pr, binary ? (pr[0] >= 0.5 ? 0 : argmax3(pr)) : argmax3(pr), truth);
    y3.add(all3, 0, truth);
    d3.add(sh3, argmax3(sh3), truth);
    if (truth == 1) continue;
    // Yes / No only.
    double py = pr[0] / (pr[0] + pr[2]);
    std::array<double, 3> pyn{py, 0, 1 - py};
    auto shyn = norm3(cnt[v.rollcall], true);
    auto allyn = norm3(all, true);
    myn.add(pyn, py >= 0.5 ? 0 : 2, truth);
    yyn.add(allyn, 0, truth);
    dyn.add(shyn, shyn[0] >= shyn[2] ? 0 : 2, truth);
  }
  auto score = [](const Acc& a, const Acc& modal) {
    Score s;
    s.n = static_cast<std::int64_t>(a.n);
    s.accuracy = a.n ? 1 - a.err / a.n : 0;
    s.log_loss = a.n ? a.ll / a.n : 0;
    s.apre = modal.err > 0 ? (modal.err - a.err) / modal.err : 0;
    return s;
  };
  rep.model = score(m3, d3), rep.always_yes = score(y3, d3), rep.modal = score(d3, d3);
  rep.model_yn = score(myn, dyn), rep.always_yes_yn = score(yyn, dyn), rep.modal_yn = score(dyn, dyn);
  return rep;
}

}  // namespace rostrum::ideal
