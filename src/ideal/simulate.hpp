// Simulation from the dynamic ordinal model with known parameters (for recovery
// tests, benchmarks and coverage studies).
#pragma once

#include <cstdint>
#include <vector>

#include "ideal/ideal.hpp"

namespace rostrum::ideal {

struct SimSpec {
  int states = 60, sessions = 8, rollcalls_per_session = 60;
  double recurring_fraction = 0.3;  // share of a session's roll calls drawn from a pool of recurring texts (bridges)
  int recurring_pool = 20;
  double omega = 0.15;          // random-walk SD per session of the true theta (before standardisation)
  double late_entry = 0.2;      // share of states that join after the first session
  double participation = 0.95;  // probability that a member votes on a roll call
  // Planted movement of the whole distribution: session t's positions are
  // centre_t + spread_t * x_{i,t} (x: the states' own walks), with centre_t going
  // linearly from 0 to `drift` and spread_t from 1 to `spread_end` over the
  // sessions, before the pooled standardisation. drift = 0 and spread_end = 1: no
  // common movement.
  double drift = 0.0;
  double spread_end = 1.0;
  double cut_mean = -0.5;  // mean of the Yes cut-point: larger = more lopsided roll calls (mostly Yes, as at the UN)
  double anchor_offset = 1.5;  // state 0 ("USA") starts at this + N(0, 1): an isolated extreme when large
  double entrant_shift = 0.0;  // added to the first position of every late entrant
  int bridges_from = 0;        // first session (0-based) drawing from the recurring pool
  std::uint64_t seed = 1;
};

struct SimTruth {
  std::vector<double>
      theta;  // states * sessions (NaN where the state is absent), pooled mean 0, SD 1, state 0 positive
  std::vector<double> beta, cut1, cut2;  // per roll call, on the standardised theta scale
};

// Draws a data set: state 0 is "USA" (the default anchor). O(states * roll calls).
Data simulate(const SimSpec& spec, SimTruth* truth = nullptr);

}  // namespace rostrum::ideal
