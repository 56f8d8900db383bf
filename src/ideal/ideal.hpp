// Ideal points: dynamic ordinal item response model with bridging, estimated by a
// variational EM (see docs/ideal-points.md).
//
// Model (Bailey, Strezhnev & Voeten 2017, "Estimating dynamic state preferences
// from United Nations voting data", JCR 61(2)):
//   y*_ij = beta_k * theta_{i,t(j)} + eps_ij,  eps ~ N(0, 1),   k = item of roll call j
//   Yes if y* < c1_k, Abstain if c1_k <= y* < c2_k, No if y* >= c2_k
//   theta_{i,t} = theta_{i,t'} + eta,  eta ~ N(0, omega^2 * (time_t - time_t'))
// Bridged roll calls (same resolution in several sessions) are one item k: they
// share beta and the cut-points. Identification: pooled mean 0 and SD 1 over all
// state-sessions, the anchor state positive.
//
// Estimation (docs/ideal-points.md): per-vote truncated-normal terms computed in
// log space (finite for separated roll calls); items by a Newton / Fisher-scoring
// step in (beta, c1, log gap) with step halving; states by one scalar
// pseudo-observation per state-session through a Kalman filter + RTS smoother (a
// Newton step on the whole trajectory); a closed-form parameter-expansion step
// over location and scale after each iteration; start from per-session principal
// components. Algorithm::em is the plain variational EM of Imai, Lo & Olmsted
// (2016, "Fast estimation of ideal points with massive data", APSR 110(4)),
// ordinal + dynamic, on the rescaled item z = a + b*theta + s*e. Cost per
// iteration O(votes + items + state-sessions); parallel (OpenMP) over states and
// items; output identical for a given seed, whatever the thread count.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace rostrum::ideal {

// One cast vote. category: 0 = Yes, 1 = Abstain, 2 = No.
struct Observation {
  std::int32_t state = 0;
  std::int32_t rollcall = 0;
  std::uint8_t category = 0;
};

struct RollCallMeta {
  int session = 0;          // index into Data::session_labels (chronological)
  std::string key;          // source id (rcid), for reports and manual bridges
  std::string text;         // title, as given (normalised by find_bridges)
  std::string description;  // longer description, when the source has one
  std::string symbol;       // resolution symbol, when known
  bool amendment = false;
  bool paragraph = false;
  int year = 0;
};

// The estimation input, independent of the store. Sessions are indexed
// chronologically; session_time gives their position on the time axis (the
// regular session number), so a gap (session 19 had no votes) widens the random walk.
struct Data {
  int n_states = 0;
  int n_sessions = 0;
  std::vector<std::string> state_ids;       // n_states (ISO3 or name)
  std::vector<std::string> session_labels;  // n_sessions
  std::vector<double> session_time;         // n_sessions, increasing
  std::vector<RollCallMeta> rollcalls;
  std::vector<Observation> votes;
};

// Data conventions of BSV's replication code. O(votes).
struct Conventions {
  int drop_amendments_after = 1989;                 // amendment and paragraph votes after this year dropped (0 = keep)
  bool drop_unanimous = true;                       // roll calls on which every vote cast is alike
  std::vector<std::string> drop_sessions = {"19"};  // by label
};
// Returns the data with the conventions applied; roll calls, states and sessions
// left without votes are removed and the rest re-indexed (ids and labels kept).
Data apply_conventions(const Data& d, const Conventions& c = {});

enum class Model {
  dynamic,         // ordinal, random walk across sessions (default)
  static_session,  // ordinal, each session on its own (per-session mean 0, SD 1)
  binary_dynamic,  // Yes vs No (abstain as no, or dropped), random walk
};

// newton: block Newton / Fisher-scoring ascent whose derivatives are the E-step's
// truncated-normal moments (default; tens of iterations). em: the plain
// variational EM (monotone, hundreds of iterations on real data).
enum class Algorithm { newton, em };

struct Options {
  Model model = Model::dynamic;
  double omega = 0.2;          // random-walk SD per session, on the reported scale (pooled SD 1)
  bool abstain_as_no = true;   // binary model: abstentions coded No (else dropped)
  std::string anchor = "USA";  // state id fixed positive ("United States" also tried)
  int max_iter = 1000;
  double tol = 1e-5;           // relative change of the log-likelihood (vs 1 or 2 iterations back) ...
  double min_corr = 1 - 1e-5;  // ... and correlation of theta and item slopes between iterations
  // newton: steps predicted to gain less than this (log posterior, nats) are taken
  // without the line-search evaluation. Measured on the whole unvotes history
  // (docs/ideal-points.md, "Speed"): at 1e-3 the evaluations were 44% of the fit;
  // at 1 the fit took 1.6 s instead of 2.1 s and ended as close to the tightly
  // converged optimum (median |diff| 0.021 vs 0.021). A log-likelihood that falls
  // turns every item check back on (em.cpp).
  double check_gain = 1.0;
  int threads = 0;  // 0 = OpenMP default
  std::uint64_t seed = 1;
  int boot = 0;                                     // parametric bootstrap replicates (0 = variational SDs only)
  double level = 0.95;                              // interval level
  bool bridges = true;                              // automatic bridge detection (find_bridges)
  std::vector<std::pair<int, int>> manual_bridges;  // pairs of roll-call indices made one item
  Algorithm algorithm = Algorithm::newton;
  // newton: the state step takes the expected vote log-probability under the items'
  // Laplace posterior (to second order: Var(beta), Cov(beta, cut-points)), a
  // variational correction; without it the fit is the joint mode, whose slope
  // prior inflates the scale of item-rich, weakly bridged sessions (measured:
  // docs/ideal-points.md, "Scale and drift"). Applied when prior_b <= 1 (with
  // weaker slope priors the corrected iteration was measured unstable).
  bool propagate_uncertainty = true;
  bool accelerate = false;  // newton: SQUAREM extrapolation with a log-posterior safeguard (little gain measured)
  // Priors, on the unit-noise latent scale (as BSV): beta ~ N(0, prior_b^2), the
  // Yes cut-point ~ N(0, prior_a^2), log(cut-point gap) ~ N(gap mean, gap sd^2)
  // (newton); plain EM puts s^2 = gap^-2 ~ InvGamma(prior_s_shape, prior_s_scale).
  double prior_a = 5.0, prior_b = 1.0;
  double prior_gap_log_mean = 0.0, prior_gap_log_sd = 1.5;
  double prior_s_shape = 2.5, prior_s_scale = 0.25;
  double prior_theta_sd = 2.0;  // prior SD of a state's first position (reported scale; weak: BSV use none)
};

struct StateSession {
  int state = 0, session = 0;
  double ideal = 0;       // posterior mean (pooled mean 0, SD 1)
  double sd = 0;          // variational posterior SD
  double boot_sd = 0;     // bootstrap SD (0 without bootstrap)
  double lo = 0, hi = 0;  // mean -/+ z*sqrt(boot_sd^2 + sd^2) with bootstrap, else mean -/+ z*sd
  int nvotes = 0;
};

struct RollCallEstimate {
  int item = -1;              // shared by bridged roll calls; -1: not estimated (no variation)
  double beta = 0;            // slope on the N(0,1)-error latent scale
  double cut1 = 0, cut2 = 0;  // Yes below cut1, No above cut2
  std::array<double, 3> base{1.0 / 3, 1.0 / 3, 1.0 / 3};  // vote shares (fallback prediction)
};

struct Fit {
  double loglik = 0;  // sum of log P(observed vote)
  double pcc = 0;     // percent correctly classified (0..1)
  double apre = 0;    // aggregate proportional reduction in error vs each roll call's modal vote
  double gmp = 0;     // geometric mean probability
  std::int64_t n = 0;
};

struct Result {
  std::vector<StateSession> estimates;  // sorted by (state, session)
  std::vector<RollCallEstimate> rollcalls;
  std::vector<int> bridged_items_per_session;  // items of the session shared with another session
  std::vector<int> bridged_rollcalls_per_session;
  int n_items = 0, n_bridged_items = 0;
  std::vector<double> pc_correlation;  // per session: corr(ideal, first principal component)
  int iterations = 0;
  bool converged = false;
  double seconds = 0;
  double internal_sd = 1;  // pooled SD of theta during estimation (1: the priors act on the reported scale)
  Fit fit;
  std::vector<Fit> fit_by_session;
  Model model = Model::dynamic;
  std::vector<int> index;  // n_states * n_sessions -> estimates index, -1 when absent
  int n_sessions = 0;
  const StateSession* find(int state, int session) const {
    int k = index.empty() ? -1 : index[static_cast<std::size_t>(state) * n_sessions + session];
    return k < 0 ? nullptr : &estimates[k];
  }
};

// Called after each iteration with (iteration, log-likelihood); return false to stop.
using ProgressCallback = std::function<bool(int, double)>;

// Bridge detection: each roll call has up to three keys — its normalised title,
// description, and title + description (see normalise_text; a trailing
// "resolution adopted by the General Assembly" is dropped; keys under 40 letters
// are not used; amendment and paragraph votes take no part). Roll calls sharing a
// key across sessions become one item (union-find, chains collapse); a session
// holding a key twice is left out of that key's chain. Returns the item id of each
// roll call. O(R log R) for R roll calls.
std::vector<int> find_bridges(const Data& d, const std::vector<std::pair<int, int>>& manual = {});
std::string normalise_text(const std::string& text);
// Reads a bridge match file: one pair of roll-call keys (RollCallMeta::key, e.g.
// unvotes rcids) per line, separated by a comma, tab or spaces; '#' starts a
// comment. Returns index pairs for Options::manual_bridges; throws
// std::invalid_argument naming the line for an unknown key or a malformed line. O(lines + R).
std::vector<std::pair<int, int>> parse_bridge_pairs(const Data& d, const std::string& text);

// Fits the model. O(iterations * (votes + items + state-sessions)), plus
// boot * that for the bootstrap. Throws std::invalid_argument on inconsistent data.
Result estimate(const Data& d, const Options& o, const ProgressCallback& progress = {});

// Predicted probabilities of Yes / Abstain / No for a state on a roll call. Falls
// back to the nearest session of the state, then to theta = 0, then to the roll
// call's vote shares when the roll call was not estimated.
std::array<double, 3> predict(const Result& r, int state, int rollcall, const Data& d);

struct Score {
  double accuracy = 0, log_loss = 0, apre = 0;
  std::int64_t n = 0;
};
struct HoldoutReport {
  // 3-category, and Yes/No only (hidden Yes and No votes, predicted between the two)
  Score model, always_yes, modal;
  Score model_yn, always_yes_yn, modal_yn;
  std::int64_t n_train = 0, n_test = 0;
  Result fit;
};
// Hides a random `fraction` of votes (seeded), fits on the rest, scores the hidden
// ones against "always Yes" and "the roll call's modal training vote".
HoldoutReport holdout(const Data& d, const Options& o, double fraction, std::uint64_t seed);

}  // namespace rostrum::ideal
