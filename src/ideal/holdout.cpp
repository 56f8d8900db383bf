// Prediction of a state's vote on a roll call from a fit, and the held-out test:
// hide a seeded random share of the votes, fit on the rest, score the hidden ones
// against "always Yes" and the roll call's modal training vote (accuracy, log
// loss, APRE). predict() O(sessions) at worst; holdout() a fit's cost plus
// O(votes + roll calls).
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>

#include "core/seed.hpp"
#include "ideal/ideal.hpp"
#include "ideal/kernels.hpp"

namespace rostrum::ideal {
namespace {
using detail::kInf;
}  // namespace

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
  std::mt19937_64 rng(splitmix64(seed));
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
    auto argmax3 = [](const std::array<double, 3>& a) {
      return static_cast<int>(std::max_element(a.begin(), a.end()) - a.begin());
    };
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
