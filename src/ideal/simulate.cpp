#include "ideal/simulate.hpp"

#include <cmath>
#include <limits>
#include <random>
#include <string>

namespace rostrum::ideal {

Data simulate(const SimSpec& sp, SimTruth* truth) {
  std::mt19937_64 rng(sp.seed * 0x9e3779b97f4a7c15ULL + 7);
  std::normal_distribution<double> N01(0.0, 1.0);
  std::uniform_real_distribution<double> U(0.0, 1.0);
  const int S = sp.states, T = sp.sessions;
  Data d;
  d.n_states = S, d.n_sessions = T;
  for (int i = 0; i < S; ++i) d.state_ids.push_back(i == 0 ? "USA" : "S" + std::to_string(i));
  for (int t = 0; t < T; ++t) d.session_labels.push_back(std::to_string(t + 1)), d.session_time.push_back(t + 1);
  // True trajectories.
  const double nan = std::numeric_limits<double>::quiet_NaN();
  std::vector<double> th(static_cast<std::size_t>(S) * T, nan);
  for (int i = 0; i < S; ++i) {
    int start = (i > 0 && U(rng) < sp.late_entry) ? 1 + static_cast<int>(U(rng) * (T - 1)) : 0;
    double x = N01(rng) + (i == 0 ? sp.anchor_offset : 0.0) + (start > 0 ? sp.entrant_shift : 0.0);
    for (int t = start; t < T; ++t) {
      if (t > start) x += sp.omega * N01(rng);
      const double f = T > 1 ? static_cast<double>(t) / (T - 1) : 0.0;
      th[static_cast<std::size_t>(i) * T + t] = sp.drift * f + (1.0 + (sp.spread_end - 1.0) * f) * x;
    }
  }
  double mu = 0, sd = 0;
  int n = 0;
  for (double v : th)
    if (!std::isnan(v)) mu += v, ++n;
  mu /= n;
  for (double v : th)
    if (!std::isnan(v)) sd += (v - mu) * (v - mu);
  sd = std::sqrt(sd / n);
  for (double& v : th)
    if (!std::isnan(v)) v = (v - mu) / sd;
  // Items: a pool of recurring texts with fixed parameters, and one-off roll calls.
  auto word = [&]() {
    std::string w;
    int len = 4 + static_cast<int>(U(rng) * 6);
    for (int k = 0; k < len; ++k) w += static_cast<char>('a' + static_cast<int>(U(rng) * 26));
    return w;
  };
  auto draw_item = [&](double& b, double& c1, double& c2) {
    b = (0.6 + 1.6 * U(rng)) * (U(rng) < 0.5 ? -1 : 1);
    c1 = 0.8 * N01(rng) + sp.cut_mean;
    c2 = c1 + 0.3 + 0.9 * U(rng);
  };
  struct Item {
    double b, c1, c2;
    std::string text;
  };
  std::vector<Item> pool(sp.recurring_pool);
  for (auto& it : pool) {
    draw_item(it.b, it.c1, it.c2);
    it.text = "Recurring resolution";
    for (int k = 0; k < 8; ++k) it.text += " " + word();
  }
  std::vector<double> tb, tc1, tc2;
  for (int t = 0; t < T; ++t) {
    std::vector<char> used(pool.size(), 0);
    for (int r = 0; r < sp.rollcalls_per_session; ++r) {
      RollCallMeta m;
      m.session = t, m.year = 2000 + t, m.key = std::to_string(d.rollcalls.size() + 1);
      Item it;
      int k = static_cast<int>(U(rng) * pool.size());
      if (U(rng) < sp.recurring_fraction && !pool.empty() && !used[k] && t >= sp.bridges_from) {
        used[k] = 1;
        it = pool[k];
      } else {
        draw_item(it.b, it.c1, it.c2);
        it.text = "One-off vote";
        for (int w = 0; w < 8; ++w) it.text += " " + word();
      }
      m.text = it.text + " (session " + std::to_string(t + 1) + ")";
      const int rc = static_cast<int>(d.rollcalls.size());
      d.rollcalls.push_back(m);
      tb.push_back(it.b), tc1.push_back(it.c1), tc2.push_back(it.c2);
      for (int i = 0; i < S; ++i) {
        double x = th[static_cast<std::size_t>(i) * T + t];
        if (std::isnan(x) || U(rng) > sp.participation) continue;
        double ys = it.b * x + N01(rng);
        std::uint8_t c = ys < it.c1 ? 0 : (ys < it.c2 ? 1 : 2);
        d.votes.push_back({i, rc, c});
      }
    }
  }
  if (truth) {
    truth->theta = th;
    truth->beta = tb, truth->cut1 = tc1, truth->cut2 = tc2;
  }
  return d;
}

}  // namespace rostrum::ideal
