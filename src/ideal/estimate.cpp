// The public estimate(): builds the problem, takes the start values, runs the
// chosen engine and assembles the Result (estimates with intervals, item
// parameters per roll call, bridges per session, correlation with the start
// values, fit overall and per session); the bootstrap when asked. The model is
// Bailey, Strezhnev & Voeten (2017, JCR 61(2), doi:10.1177/0022002715595700).
// O(iterations * (votes + items + state-sessions)) for the fit, O(votes + R log R)
// for the assembly, plus the bootstrap's cost.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "core/stats.hpp"
#include "ideal/internal.hpp"

namespace rostrum::ideal {
namespace {
using namespace internal;

// Probabilities of the three categories for latent mean eta.
inline std::array<double, 3> probs(double eta, double c1, double c2, bool binary) {
  std::array<double, 3> pr;
  pr[0] = std::exp(detail::vote_terms(-kInf, c1 - eta).logp);
  pr[2] = std::exp(detail::vote_terms((binary ? c1 : c2) - eta, kInf).logp);
  pr[1] = binary ? 0.0 : std::max(0.0, 1.0 - pr[0] - pr[2]);
  return pr;
}
}  // namespace

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
      if (p.rc_item[r] >= 0 && item_sessions[p.rc_item[r]] >= 2)
        res.bridged_rollcalls_per_session[d.rollcalls[r].session]++;
    for (int it = 0; it < p.n_items; ++it) res.n_bridged_items += item_sessions[it] >= 2;
  }
  // Correlation with the starting principal component, per session.
  res.pc_correlation.assign(d.n_sessions, 0.0);
  for (int t = 0; t < p.n_sessions; ++t) {
    std::vector<double> a, b;
    for (int q = p.sess_begin[t]; q < p.sess_begin[t + 1]; ++q)
      a.push_back(x.m[p.sess_ss[q]]), b.push_back(pc[p.sess_ss[q]]);
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

  if (o.boot > 0) bootstrap(p, o, x, threads, res);
  res.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return res;
}

}  // namespace rostrum::ideal
