// Tests of the ideal-point engine: kernels, recovery on simulated data, bridges,
// determinism, bootstrap coverage, holdout, conventions.
#include <gtest/gtest.h>

#include <Eigen/Dense>
#include <cmath>
#include <random>
#include <set>

#include "ideal/ideal.hpp"
#include "ideal/kernels.hpp"
#include "ideal/simulate.hpp"

namespace ri = rostrum::ideal;
using ri::detail::kInf;

namespace {

double corr(const std::vector<double>& x, const std::vector<double>& y) {
  double mx = 0, my = 0;
  for (std::size_t i = 0; i < x.size(); ++i) mx += x[i], my += y[i];
  mx /= x.size(), my /= y.size();
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i)
    sxy += (x[i] - mx) * (y[i] - my), sxx += (x[i] - mx) * (x[i] - mx), syy += (y[i] - my) * (y[i] - my);
  return sxy / std::sqrt(sxx * syy);
}

// Estimated vs true theta over the state-sessions present in both.
void paired(const ri::Result& r, const ri::SimTruth& truth, int sessions, std::vector<double>& est,
            std::vector<double>& tru) {
  est.clear(), tru.clear();
  for (const auto& e : r.estimates) {
    double t = truth.theta[static_cast<std::size_t>(e.state) * sessions + e.session];
    if (std::isnan(t)) continue;
    est.push_back(e.ideal), tru.push_back(t);
  }
}

// Simpson integration of the truncated normal's moments.
void numeric_moments(double mu, double s, double lo, double hi, double& mass, double& mean, double& var) {
  const double a = std::max(lo, mu - 12 * s), b = std::min(hi, mu + 12 * s);
  const int n = 20000;
  const double h = (b - a) / n;
  double m0 = 0, m1 = 0, m2 = 0;
  for (int k = 0; k <= n; ++k) {
    const double x = a + k * h;
    const double w = (k == 0 || k == n) ? 1 : (k % 2 ? 4 : 2);
    const double f = std::exp(-0.5 * (x - mu) * (x - mu) / (s * s)) / (s * std::sqrt(2 * M_PI));
    m0 += w * f, m1 += w * f * x, m2 += w * f * x * x;
  }
  m0 *= h / 3, m1 *= h / 3, m2 *= h / 3;
  mass = m0, mean = m1 / m0, var = m2 / m0 - mean * mean;
}

}  // namespace

TEST(IdealKernels, TruncatedNormalMatchesNumericalIntegration) {
  struct Case {
    double mu, s, lo, hi;
  } cases[] = {{0, 1, -kInf, 0}, {0.3, 0.7, 0, 1},  {2, 1, -kInf, 0}, {-2, 1, 1, kInf},    {5, 0.5, 0, 1},
               {-3, 0.4, 0, 1},  {1.2, 2, 1, kInf}, {0.5, 1, 0, 1},   {-1, 0.3, -kInf, 0}, {3, 1, 0, kInf}};
  for (const auto& c : cases) {
    double mass, mean, var;
    numeric_moments(c.mu, c.s, c.lo, c.hi, mass, mean, var);
    auto tm = ri::detail::truncated_normal(c.mu, c.s, c.lo, c.hi);
    EXPECT_NEAR(tm.mean, mean, 1e-6 * std::max(1.0, std::abs(mean))) << c.mu << " " << c.s << " " << c.lo;
    EXPECT_NEAR(tm.var, var, 1e-6 * std::max(1.0, var)) << c.mu << " " << c.s << " " << c.lo;
    EXPECT_NEAR(tm.logp, std::log(mass), 1e-6) << c.mu << " " << c.s << " " << c.lo;
  }
}

TEST(IdealKernels, TruncatedNormalFiniteFarInTheTail) {
  // A perfectly separated vote: the region lies 40 and 400 SDs away.
  for (double mu : {-40.0, -400.0, 40.0}) {
    auto up = ri::detail::truncated_normal(mu, 1.0, 0.0, kInf);
    auto mid = ri::detail::truncated_normal(mu, 1.0, 0.0, 1.0);
    for (auto tm : {up, mid}) {
      EXPECT_TRUE(std::isfinite(tm.mean) && std::isfinite(tm.var) && std::isfinite(tm.logp)) << mu;
      EXPECT_GE(tm.var, 0.0);
    }
    if (mu < 0) {
      // Mean just above the bound: about 1/|mu| (Mills ratio asymptotics).
      EXPECT_NEAR(up.mean, 1.0 / std::abs(mu), 0.01 / std::abs(mu));
      EXPECT_NEAR(up.logp, -0.5 * mu * mu - std::log(std::abs(mu) * std::sqrt(2 * M_PI)), 1e-3);
    }
  }
  const double x2 = 1.0 / 900;
  EXPECT_NEAR(ri::detail::erfcx_pos(30.0),
              1.0 / (30.0 * std::sqrt(M_PI)) * (1 - x2 / 2 + 0.75 * x2 * x2 - 1.875 * x2 * x2 * x2), 1e-12);
  EXPECT_NEAR(ri::detail::erfcx_pos(1.0), std::exp(1.0) * std::erfc(1.0), 1e-15);
}

TEST(IdealKernels, VoteTermsMatchTruncatedNormal) {
  // logp and the Mills-ratio terms of the Newton steps: E[e] = a_lo - a_hi.
  for (double l : {-kInf, -40.0, -7.0, -2.0, -0.3, 0.0, 0.4, 3.0, 8.0, 45.0})
    for (double w : {0.5, 2.0, kInf}) {
      const double u = l == -kInf ? (w == kInf ? 1.0 : w - 3) : l + w;
      auto t = ri::detail::vote_terms(l, u);
      auto tm = ri::detail::truncated_normal(0.0, 1.0, l, u);
      EXPECT_NEAR(t.logp, tm.logp, 1e-9 * std::max(1.0, std::abs(tm.logp))) << l << " " << u;
      EXPECT_NEAR(t.a_lo - t.a_hi, tm.mean, 1e-8 * std::max(1.0, std::abs(tm.mean))) << l << " " << u;
      // Without the log (the item step's variant): the same ratios.
      auto r = ri::detail::vote_terms(l, u, false);
      EXPECT_EQ(r.a_lo, t.a_lo) << l << " " << u;
      EXPECT_EQ(r.a_hi, t.a_hi) << l << " " << u;
    }
  // By hand: P(Z > 0) = 1/2, so phi(0) / P = 2 / sqrt(2 pi); P(-1 < Z < 1) =
  // erf(1 / sqrt 2) = 0.682689492, phi(1) = 0.241970725, ratio 0.354437453.
  auto half = ri::detail::vote_terms(0.0, kInf);
  EXPECT_NEAR(half.logp, std::log(0.5), 1e-15);
  EXPECT_NEAR(half.a_lo, 2.0 / std::sqrt(2 * M_PI), 1e-15);
  EXPECT_EQ(half.a_hi, 0.0);
  auto mid = ri::detail::vote_terms(-1.0, 1.0);
  EXPECT_NEAR(mid.logp, std::log(0.682689492137086), 1e-12);
  EXPECT_NEAR(mid.a_lo, 0.354437453, 1e-9);
  EXPECT_NEAR(mid.a_hi, 0.354437453, 1e-9);
}

TEST(IdealKernels, KalmanSmootherMatchesDenseSolve) {
  std::mt19937_64 rng(3);
  std::uniform_real_distribution<double> U(0.1, 2.0);
  const int n = 7;
  std::vector<double> h(n), P(n), q(n), mean(n), var(n), work(2 * n);
  for (int k = 0; k < n; ++k) P[k] = (k == 3) ? 0.0 : U(rng), h[k] = P[k] * (U(rng) - 1), q[k] = 0.05 * U(rng);
  const double m0 = 0.2, v0 = 1.5;
  ri::detail::kalman_smooth(n, h.data(), P.data(), q.data(), m0, v0, mean.data(), var.data(), work.data());
  // Joint Gaussian: precision Q (tridiagonal) and linear term.
  Eigen::MatrixXd Q = Eigen::MatrixXd::Zero(n, n);
  Eigen::VectorXd l = Eigen::VectorXd::Zero(n);
  Q(0, 0) += 1 / v0, l(0) += m0 / v0;
  for (int k = 1; k < n; ++k) {
    Q(k, k) += 1 / q[k], Q(k - 1, k - 1) += 1 / q[k], Q(k, k - 1) -= 1 / q[k], Q(k - 1, k) -= 1 / q[k];
  }
  for (int k = 0; k < n; ++k) Q(k, k) += P[k], l(k) += h[k];
  Eigen::VectorXd mu = Q.ldlt().solve(l);
  Eigen::MatrixXd S = Q.inverse();
  for (int k = 0; k < n; ++k) {
    EXPECT_NEAR(mean[k], mu(k), 1e-10);
    EXPECT_NEAR(var[k], S(k, k), 1e-10);
  }
}

TEST(IdealBridges, HandMadeTexts) {
  ri::Data d;
  d.n_sessions = 3;
  d.session_labels = {"40", "41", "42"};
  auto add = [&](int s, std::string text, bool amend = false) {
    ri::RollCallMeta m;
    m.session = s, m.text = std::move(text), m.amendment = amend;
    d.rollcalls.push_back(m);
  };
  add(0, "NECESSITY OF ENDING THE ECONOMIC, COMMERCIAL AND FINANCIAL EMBARGO AGAINST CUBA (A/RES/47/19)");   // 0
  add(1, "Necessity of ending the economic, commercial and financial embargo against Cuba  (A/RES/48/16)");  // 1
  add(2, "necessity of ending the economic commercial and financial embargo against cuba, 1994");            // 2
  add(1, "Admission of new members");                                                                        // 3 short
  add(2, "Admission of new members");                                                                        // 4 short
  add(0, "Question of Palestine: the peaceful settlement of the question, 40th session");                    // 5
  add(1, "Question of Palestine: the peaceful settlement of the question, 41st session");                    // 6
  add(1, "Question of Palestine: the peaceful settlement of the question, 41st session");        // 7 twice in 41
  add(2, "Question of Palestine: the peaceful settlement of the question, 42nd session", true);  // 8 amendment
  add(0, "Only once: a long resolution text on the law of the sea and its implementation");      // 9
  auto item = ri::find_bridges(d);
  EXPECT_EQ(item[0], item[1]);
  EXPECT_EQ(item[1], item[2]);
  EXPECT_NE(item[3], item[4]);  // too short to bridge
  EXPECT_NE(item[5], item[6]);  // session 41 holds the text twice: left out
  EXPECT_NE(item[5], item[7]);
  EXPECT_NE(item[5], item[8]);  // amendment
  std::set<int> distinct(item.begin(), item.end());
  EXPECT_EQ(distinct.size(), 8u);
  // Manual pairs join items.
  auto item2 = ri::find_bridges(d, {{5, 6}, {3, 4}});
  EXPECT_EQ(item2[5], item2[6]);
  EXPECT_EQ(item2[3], item2[4]);
  EXPECT_EQ(ri::normalise_text("A/RES/47/19: Embargo -- Cuba! (1994, 49th)"), "embargo cuba");
}

TEST(IdealBridges, MatchFile) {
  ri::Data d;
  d.n_sessions = 1;
  d.session_labels = {"1"};
  for (const char* key : {"10", "11", "12"}) {
    ri::RollCallMeta m;
    m.key = key;
    d.rollcalls.push_back(m);
  }
  auto pairs = ri::parse_bridge_pairs(d, "# rcid pairs\n10,12\n\n11\t10  # same text\n");
  ASSERT_EQ(pairs.size(), 2u);
  EXPECT_EQ(pairs[0], (std::pair<int, int>{0, 2}));
  EXPECT_EQ(pairs[1], (std::pair<int, int>{1, 0}));
  EXPECT_THROW(ri::parse_bridge_pairs(d, "10,99\n"), std::invalid_argument);
  EXPECT_THROW(ri::parse_bridge_pairs(d, "10\n"), std::invalid_argument);
}

TEST(IdealConventions, BsvRules) {
  ri::Data d;
  d.n_states = 3, d.n_sessions = 3;
  d.state_ids = {"USA", "CUB", "FRA"};
  d.session_labels = {"18", "19", "45"};
  d.session_time = {18, 19, 45};
  auto add = [&](int s, int year, bool amend, bool para) {
    ri::RollCallMeta m;
    m.session = s, m.year = year, m.amendment = amend, m.paragraph = para;
    d.rollcalls.push_back(m);
    return static_cast<int>(d.rollcalls.size()) - 1;
  };
  int a = add(0, 1963, true, false);   // amendment before 1990: kept
  int b = add(1, 1964, false, false);  // session 19: dropped
  int c = add(2, 1990, true, false);   // amendment after 1989: dropped
  int e = add(2, 1990, false, true);   // paragraph after 1989: dropped
  int f = add(2, 1990, false, false);  // unanimous: dropped
  int g = add(2, 1990, false, false);  // kept
  for (int rc : {a, b, c, e, g})
    d.votes.push_back({0, rc, 2}), d.votes.push_back({1, rc, 0}), d.votes.push_back({2, rc, 1});
  for (int i = 0; i < 3; ++i) d.votes.push_back({i, f, 0});
  auto out = ri::apply_conventions(d);
  ASSERT_EQ(out.rollcalls.size(), 2u);
  EXPECT_EQ(out.n_sessions, 2);
  EXPECT_EQ(out.session_labels, (std::vector<std::string>{"18", "45"}));
  EXPECT_EQ(out.votes.size(), 6u);
  EXPECT_EQ(out.n_states, 3);
}

namespace {
ri::SimSpec recovery_spec() {
  ri::SimSpec sp;
  sp.states = 80, sp.sessions = 10, sp.rollcalls_per_session = 100;
  sp.seed = 11;
  return sp;
}
}  // namespace

TEST(IdealRecovery, DynamicOrdinalWithBridges) {
  ri::SimTruth truth;
  auto sp = recovery_spec();
  ri::Data d = ri::simulate(sp, &truth);
  ri::Options o;
  o.threads = 2;
  auto r = ri::estimate(d, o);
  EXPECT_TRUE(r.converged);
  EXPECT_GT(r.n_bridged_items, 10);
  int bridged_sessions = 0;
  for (int n : r.bridged_items_per_session) bridged_sessions += n > 0;
  EXPECT_EQ(bridged_sessions, sp.sessions);
  std::vector<double> est, tru;
  paired(r, truth, sp.sessions, est, tru);
  const double c = corr(est, tru);
  EXPECT_GT(c, 0.98);  // sign identified: positive
  // Scale and location: pooled mean 0, SD 1.
  double mu = 0, sd = 0;
  for (const auto& e : r.estimates) mu += e.ideal;
  mu /= r.estimates.size();
  for (const auto& e : r.estimates) sd += (e.ideal - mu) * (e.ideal - mu);
  sd = std::sqrt(sd / r.estimates.size());
  EXPECT_NEAR(mu, 0.0, 1e-9);
  EXPECT_NEAR(sd, 1.0, 1e-9);
  // Slopes recovered up to the scale (truth and estimate share the standardised scale).
  std::vector<double> bt, be;
  for (std::size_t k = 0; k < r.rollcalls.size(); ++k)
    if (r.rollcalls[k].item >= 0) be.push_back(r.rollcalls[k].beta), bt.push_back(truth.beta[k]);
  EXPECT_GT(corr(be, bt), 0.95);
  EXPECT_GT(r.fit.pcc, 0.6);
  EXPECT_GT(r.fit.apre, 0.2);
  ASSERT_EQ(r.fit_by_session.size(), static_cast<std::size_t>(sp.sessions));
  for (double pc : r.pc_correlation) EXPECT_GT(pc, 0.8);
}

namespace {
// Per-session mean and SD of the estimates and of the truth, over the
// state-sessions present in both.
struct SessionMoments {
  std::vector<double> est_mean, est_sd, true_mean, true_sd, corr;
};
SessionMoments session_moments(const ri::Result& r, const ri::SimTruth& truth, int sessions) {
  SessionMoments m;
  for (int t = 0; t < sessions; ++t) {
    std::vector<double> a, b;
    for (const auto& e : r.estimates) {
      const double x = truth.theta[static_cast<std::size_t>(e.state) * sessions + t];
      if (e.session == t && !std::isnan(x)) a.push_back(e.ideal), b.push_back(x);
    }
    auto moments = [](const std::vector<double>& v, double& mean, double& sd) {
      mean = 0, sd = 0;
      for (double x : v) mean += x;
      mean /= v.size();
      for (double x : v) sd += (x - mean) * (x - mean);
      sd = std::sqrt(sd / v.size());
    };
    double ma, sa, mb, sb;
    moments(a, ma, sa), moments(b, mb, sb);
    m.est_mean.push_back(ma), m.est_sd.push_back(sa), m.true_mean.push_back(mb), m.true_sd.push_back(sb);
    m.corr.push_back(corr(a, b));
  }
  return m;
}

// 120 states x 20 sessions x 80 roll calls, 30% of them recurring texts (bridges
// in every session), states' own walks SD 0.1 per session.
ri::SimSpec drift_spec() {
  ri::SimSpec sp;
  sp.states = 120, sp.sessions = 20, sp.rollcalls_per_session = 80, sp.omega = 0.1, sp.seed = 5;
  return sp;
}
}  // namespace

// The whole distribution moves: session means go from -0.78 to +0.71 on the
// pooled scale. The previous estimator (priors on a floating internal scale,
// walk SD 0.074 on the reported scale) recovered 66% of that change and missed
// some session means by 0.27; docs/ideal-points.md, "Scale and drift".
TEST(IdealDrift, PlantedDriftRecovered) {
  auto sp = drift_spec();
  sp.drift = 1.5;
  ri::SimTruth truth;
  ri::Data d = ri::simulate(sp, &truth);
  ri::Options o;
  o.threads = 2;
  auto r = ri::estimate(d, o);
  EXPECT_TRUE(r.converged);
  auto m = session_moments(r, truth, sp.sessions);
  double worst = 0;
  for (int t = 0; t < sp.sessions; ++t) worst = std::max(worst, std::abs(m.est_mean[t] - m.true_mean[t]));
  EXPECT_LT(worst, 0.18);
  const double planted = m.true_mean.back() - m.true_mean.front();
  const double found = m.est_mean.back() - m.est_mean.front();
  ASSERT_GT(planted, 1.2);
  EXPECT_GT(found / planted, 0.75);
  EXPECT_LT(found / planted, 1.1);
  for (double c : m.corr) EXPECT_GT(c, 0.98);
}

// No common movement planted: none is invented (session means within 0.06 of
// the truth's, spreads within 8%).
TEST(IdealDrift, NoDriftInvented) {
  auto sp = drift_spec();
  ri::SimTruth truth;
  ri::Data d = ri::simulate(sp, &truth);
  ri::Options o;
  o.threads = 2;
  auto r = ri::estimate(d, o);
  auto m = session_moments(r, truth, sp.sessions);
  for (int t = 0; t < sp.sessions; ++t) {
    EXPECT_NEAR(m.est_mean[t], m.true_mean[t], 0.06) << "session " << t;
    EXPECT_LT(std::abs(std::log(m.est_sd[t] / m.true_sd[t])), 0.08) << "session " << t;
  }
}

// The spread doubles over the sessions (per-session SD 0.61 -> 1.29). The
// previous estimator recovered 43% of the change in log spread (max error 0.29
// in log SD): the slope prior, acting at the joint mode, pulls every session
// towards the same spread.
TEST(IdealDrift, PlantedSpreadChangeRecovered) {
  auto sp = drift_spec();
  sp.spread_end = 2.0;
  ri::SimTruth truth;
  ri::Data d = ri::simulate(sp, &truth);
  ri::Options o;
  o.threads = 2;
  auto r = ri::estimate(d, o);
  auto m = session_moments(r, truth, sp.sessions);
  double worst = 0;
  for (int t = 0; t < sp.sessions; ++t) worst = std::max(worst, std::abs(std::log(m.est_sd[t] / m.true_sd[t])));
  EXPECT_LT(worst, 0.22);
  const double planted = std::log(m.true_sd.back() / m.true_sd.front());
  const double found = std::log(m.est_sd.back() / m.est_sd.front());
  ASSERT_GT(planted, 0.6);
  EXPECT_GT(found / planted, 0.55);
  EXPECT_LT(found / planted, 1.1);
  for (int t = 0; t < sp.sessions; ++t) EXPECT_NEAR(m.est_mean[t], m.true_mean[t], 0.06) << "session " << t;
}

TEST(IdealRecovery, AcceleratedNewtonAgrees) {
  ri::SimTruth truth;
  ri::SimSpec sp;
  sp.states = 50, sp.sessions = 6, sp.rollcalls_per_session = 60, sp.seed = 8;
  ri::Data d = ri::simulate(sp, &truth);
  ri::Options o;
  o.threads = 2;
  auto r0 = ri::estimate(d, o);
  o.accelerate = true;
  auto r1 = ri::estimate(d, o);
  EXPECT_TRUE(r1.converged);
  std::vector<double> a, b;
  for (std::size_t k = 0; k < r0.estimates.size(); ++k)
    a.push_back(r0.estimates[k].ideal), b.push_back(r1.estimates[k].ideal);
  EXPECT_GT(corr(a, b), 0.999);
  std::vector<double> est, tru;
  paired(r1, truth, sp.sessions, est, tru);
  EXPECT_GT(corr(est, tru), 0.97);
}

TEST(IdealRecovery, PlainEmAgreesWithNewton) {
  ri::SimTruth truth;
  ri::SimSpec sp;
  sp.states = 40, sp.sessions = 4, sp.rollcalls_per_session = 50, sp.seed = 5;
  ri::Data d = ri::simulate(sp, &truth);
  ri::Options o;
  o.threads = 2;
  auto rn = ri::estimate(d, o);
  o.algorithm = ri::Algorithm::em;
  o.max_iter = 2000;
  auto re = ri::estimate(d, o);
  std::vector<double> a, b;
  for (std::size_t k = 0; k < rn.estimates.size(); ++k)
    a.push_back(rn.estimates[k].ideal), b.push_back(re.estimates[k].ideal);
  // Two approximations of the same posterior: plain EM standardises by projection
  // and carries Var[theta] into the item step; Newton solves the constrained
  // problem and carries the items' uncertainty into the state step. Measured
  // 0.983-0.987 between them on seeds 5-7, each 0.98-0.99 with the truth.
  EXPECT_GT(corr(a, b), 0.98);
  std::vector<double> est, tru;
  paired(re, truth, sp.sessions, est, tru);
  EXPECT_GT(corr(est, tru), 0.97);
  paired(rn, truth, sp.sessions, est, tru);
  EXPECT_GT(corr(est, tru), 0.98);
}

TEST(IdealRecovery, StaticAndBinaryModels) {
  ri::SimTruth truth;
  ri::SimSpec sp;
  sp.states = 60, sp.sessions = 4, sp.rollcalls_per_session = 80, sp.seed = 9;
  ri::Data d = ri::simulate(sp, &truth);
  ri::Options o;
  o.threads = 2;
  o.model = ri::Model::static_session;
  auto rs = ri::estimate(d, o);
  for (int t = 0; t < sp.sessions; ++t) {
    std::vector<double> est, tru;
    for (const auto& e : rs.estimates)
      if (e.session == t)
        est.push_back(e.ideal), tru.push_back(truth.theta[static_cast<std::size_t>(e.state) * sp.sessions + t]);
    EXPECT_GT(corr(est, tru), 0.95) << "session " << t;
  }
  o.model = ri::Model::binary_dynamic;
  auto rb = ri::estimate(d, o);
  std::vector<double> est, tru;
  paired(rb, truth, sp.sessions, est, tru);
  EXPECT_GT(corr(est, tru), 0.95);
  for (const auto& rc : rb.rollcalls) EXPECT_EQ(rc.cut1, rc.cut2);
}

TEST(IdealDeterminism, SameSeedSameThreadsSameOutput) {
  ri::SimSpec sp;
  sp.states = 40, sp.sessions = 5, sp.rollcalls_per_session = 40, sp.seed = 21;
  ri::Data d = ri::simulate(sp);
  ri::Options o;
  o.threads = 2, o.boot = 4, o.seed = 77;
  auto r1 = ri::estimate(d, o);
  auto r2 = ri::estimate(d, o);
  o.threads = 1;
  auto r3 = ri::estimate(d, o);
  ASSERT_EQ(r1.estimates.size(), r2.estimates.size());
  for (std::size_t k = 0; k < r1.estimates.size(); ++k) {
    EXPECT_EQ(r1.estimates[k].ideal, r2.estimates[k].ideal);
    EXPECT_EQ(r1.estimates[k].lo, r2.estimates[k].lo);
    EXPECT_EQ(r1.estimates[k].hi, r2.estimates[k].hi);
    EXPECT_EQ(r1.estimates[k].ideal, r3.estimates[k].ideal);  // thread count does not matter either
    EXPECT_EQ(r1.estimates[k].hi, r3.estimates[k].hi);
  }
  EXPECT_EQ(r1.iterations, r2.iterations);
  EXPECT_EQ(r1.fit.loglik, r2.fit.loglik);
}

TEST(IdealBootstrap, IntervalCoverageNearNominal) {
  ri::SimTruth truth;
  ri::SimSpec sp;
  sp.states = 40, sp.sessions = 4, sp.rollcalls_per_session = 40, sp.seed = 2;
  ri::Data d = ri::simulate(sp, &truth);
  ri::Options o;
  o.threads = 2, o.boot = 40, o.level = 0.9, o.omega = 0.15;
  auto r = ri::estimate(d, o);
  int covered = 0, total = 0;
  double boot_sd = 0, var_sd = 0;
  for (const auto& e : r.estimates) {
    double t = truth.theta[static_cast<std::size_t>(e.state) * sp.sessions + e.session];
    if (std::isnan(t)) continue;
    covered += (t >= e.lo && t <= e.hi), ++total;
    EXPECT_LE(e.lo, e.hi);
    boot_sd += e.boot_sd, var_sd += e.sd;
  }
  // The interval combines the bootstrap and variational SDs (docs/ideal-points.md):
  // measured 0.93-0.97 at 90% nominal on seeds 2-5, where the plain percentile
  // interval covered 0.5-0.85.
  const double coverage = static_cast<double>(covered) / total;
  RecordProperty("coverage", std::to_string(coverage));
  EXPECT_GT(coverage, 0.85);
  EXPECT_LT(coverage, 0.99);
  EXPECT_GT(boot_sd, 0.0);
}

TEST(IdealHoldout, BeatsModalBaselineOnSimulatedData) {
  ri::SimSpec sp;
  sp.states = 80, sp.sessions = 5, sp.rollcalls_per_session = 80, sp.seed = 31;
  ri::Data d = ri::simulate(sp);
  ri::Options o;
  o.threads = 2;
  auto h = ri::holdout(d, o, 0.1, 1);
  EXPECT_EQ(h.n_test + h.n_train, static_cast<std::int64_t>(d.votes.size()));
  EXPECT_GT(h.model.accuracy, h.modal.accuracy + 0.03);
  EXPECT_LT(h.model.log_loss, h.modal.log_loss);
  EXPECT_GE(h.modal.accuracy, h.always_yes.accuracy);
  EXPECT_GT(h.model_yn.accuracy, h.modal_yn.accuracy + 0.03);
  EXPECT_LT(h.model_yn.log_loss, h.modal_yn.log_loss);
  EXPECT_GT(h.model.apre, 0.1);
  EXPECT_DOUBLE_EQ(h.modal.apre, 0.0);
  o.model = ri::Model::binary_dynamic;
  auto hb = ri::holdout(d, o, 0.1, 1);
  EXPECT_GT(hb.model_yn.accuracy, hb.modal_yn.accuracy + 0.03);
}

TEST(IdealEstimate, AnchorSignAndPrediction) {
  ri::SimSpec sp;
  sp.states = 30, sp.sessions = 3, sp.rollcalls_per_session = 30, sp.seed = 2;
  ri::Data d = ri::simulate(sp);
  ri::Options o;
  auto r = ri::estimate(d, o);
  double usa = 0;
  for (const auto& e : r.estimates)
    if (e.state == 0) usa += e.ideal;
  EXPECT_GT(usa, 0.0);
  auto pr = ri::predict(r, 0, 0, d);
  EXPECT_NEAR(pr[0] + pr[1] + pr[2], 1.0, 1e-9);
  // An unknown state falls back to theta = 0.
  d.n_states += 1;
  d.state_ids.push_back("NEW");
  r.index.resize(static_cast<std::size_t>(d.n_states) * d.n_sessions, -1);
  auto p2 = ri::predict(r, d.n_states - 1, 0, d);
  EXPECT_NEAR(p2[0] + p2[1] + p2[2], 1.0, 1e-9);
  EXPECT_THROW(ri::estimate(ri::Data{}, o), std::invalid_argument);
}
