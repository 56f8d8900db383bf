// Start values: per-session principal components of the vote matrix (states'
// positions) and items from their vote shares. O(votes) per power iteration (20
// per session), O(votes) for the items.
#include <algorithm>
#include <cmath>

#include "ideal/internal.hpp"

namespace rostrum::ideal::internal {
namespace {
// The standard normal quantile by bisection on erfc from [-10, 10]. Kept apart
// from core's normal_quantile (bracket [-40, 40]): the two agree bit for bit on
// every vote share except p = 0.5, where each bisection ends on a different value
// near -7e-17; the binary model meets p = 0.5 on every evenly split roll call,
// and its start values, hence its estimates, would move in the last bits.
double share_quantile(double p) {
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
}  // namespace

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

// Starting items: beta = 0, cut-points from the item's vote shares.
void init_items(const Problem& p, const std::vector<std::uint8_t>& cat, Params& x) {
  x.beta.assign(p.n_items, 0.0), x.c1.assign(p.n_items, 0.0), x.c2.assign(p.n_items, 0.0);
  for (int it = 0; it < p.n_items; ++it) {
    double c[3] = {0.5, 0.5, 0.5};
    for (int q = p.it_begin[it]; q < p.it_begin[it + 1]; ++q) c[cat[p.it_votes[q]]] += 1;
    if (p.binary) c[1] = 0;
    const double n = c[0] + c[1] + c[2];
    x.c1[it] = share_quantile(c[0] / n);
    x.c2[it] = p.binary ? x.c1[it] : std::max(share_quantile((c[0] + c[1]) / n), x.c1[it] + 0.05);
  }
}

}  // namespace rostrum::ideal::internal
