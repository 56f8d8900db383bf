// Identification: location, scale and sign of the positions (pooled mean 0 and
// SD 1, anchor positive, as Bailey, Strezhnev & Voeten 2017, JCR 61(2),
// doi:10.1177/0022002715595700, whose sampler standardises theta after every
// draw), with the items re-expressed so that predictions are unchanged.
// O(state-sessions + items) per call.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "ideal/internal.hpp"

namespace rostrum::ideal::internal {

void identify(const Problem& p, std::vector<double>& m, std::vector<double>& v, const ItemMap& item_fn) {
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
// (The multipliers themselves are computed in NewtonEngine::states, newton.cpp.)

}  // namespace rostrum::ideal::internal
