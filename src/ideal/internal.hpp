// Internal types and steps of the ideal-point estimator, shared by the files of
// src/ideal/ (problem, start, identify, newton, em, estimate, bootstrap, holdout).
// Not part of the library's interface: nothing outside src/ideal/ includes it (the
// public headers are ideal.hpp, kernels.hpp, from_matrix.hpp and simulate.hpp).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "ideal/ideal.hpp"
#include "ideal/kernels.hpp"

namespace rostrum::ideal::internal {
using detail::kInf;

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

// The problem for the data and options: votes used (binary model: abstentions
// recoded or dropped), items (bridged roll calls merged, roll calls without
// variation left out), state-sessions and the indexes. Throws
// std::invalid_argument on inconsistent data. O(votes log votes). (problem.cpp)
Problem build(const Data& d, const Options& o);
// Threads for the OpenMP loops (Options::threads, 0 = OpenMP's default).
int nthreads(const Options& o);
// Pearson correlation (1 for fewer than two values or a constant). O(n).
double corr(const std::vector<double>& x, const std::vector<double>& y);

// Parameters. Items are kept in the original ordered-probit units (y* = beta*theta
// + eps, eps ~ N(0,1), cut-points c1 <= c2; binary: c1 = c2); the plain-EM path
// works on the rescaled form a = -c1*s, b = beta*s, s = 1/(c2-c1).
struct Params {
  std::vector<double> beta, c1, c2;  // per item
  std::vector<double> m, v;          // per state-session
};

// Start values (start.cpp): per-session principal components of the vote matrix
// over R roll calls, and items from their vote shares.
std::vector<double> principal_components(const Problem& p, int R);
void init_items(const Problem& p, const std::vector<std::uint8_t>& cat, Params& x);

// Location, scale and sign (identify.cpp): pooled mean 0 and SD 1 over
// state-sessions (static: within each session), anchor positive. item_fn(item, mu,
// factor) re-expresses an item so that predictions are unchanged (theta' =
// factor^-1 (theta - mu)). O(state-sessions + items).
using ItemMap = std::function<void(int item, double mu, double factor)>;
void identify(const Problem& p, std::vector<double>& m, std::vector<double>& v, const ItemMap& item_fn);
// identify() with the items in ordered-probit units (Params). O(state-sessions + items).
void identify_items(const Problem& p, Params& x);

// Lagrange multipliers of the identification constraint (identify.cpp,
// "Identification as a constraint"), set by each state step.
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

// The Newton engine (newton.cpp; the reference and costs there): block Newton
// ascent on the log posterior, items then state trajectories.
struct NewtonEngine {
  const Problem& p;
  const Options& o;
  const std::vector<std::uint8_t>& cat;
  int threads;
  std::vector<double> ll_state;
  Multipliers mult;  // identification constraint, set before each state step
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
  std::vector<int> it_ss;                                  // item-major copies: sequential reads in the item step
  std::vector<std::uint8_t> it_cat;

  NewtonEngine(const Problem& p_, const Options& o_, const std::vector<std::uint8_t>& cat_, int threads_);

  double item_logpost(const Params& x, int it, double beta, double c1, double c2) const;
  // One Newton step per item. O(votes), parallel over items.
  void items(Params& x);
  // Log-likelihood of state i's votes with trajectory th (per ss of the state).
  double state_loglik(const Params& x, int i, const double* th) const;
  double state_logprior(int i, const double* th, double v0, double q0) const;
  // The constraint's Lagrangian terms of state i's trajectory.
  double state_constraint(int i, const double* th) const;
  // Log posterior of everything (votes, item priors, trajectory priors). O(votes).
  double logpost(const Params& x);
  // One Newton step per state trajectory. O(votes + state-sessions), parallel over
  // states. Returns the log-likelihood of all votes before the step (after the
  // item step of the same iteration).
  double states(Params& x);
};

struct RunInfo {
  int iterations = 0;
  bool converged = false;
  double loglik = 0;
  double internal_sd = 1;  // pooled SD of theta on the prior's scale, before the final transform
};

// Runs the chosen algorithm from x until convergence: relative change of the
// log-likelihood below tol and correlation of theta and of the item slopes
// between iterations above min_corr. (em.cpp)
RunInfo run(const Problem& p, const Options& o, const std::vector<std::uint8_t>& cat, int threads, Params& x,
            const ProgressCallback& progress);

// Parametric bootstrap (bootstrap.cpp): Options::boot replicates simulated from
// the fit x and refitted; sets boot_sd, lo and hi of res.estimates.
void bootstrap(const Problem& p, const Options& o, const Params& x, int threads, Result& res);

}  // namespace rostrum::ideal::internal
