// The estimation problem, built from Data and Options: the votes used, the items
// (bridged roll calls as one item: Bailey, Strezhnev & Voeten 2017, "Estimating
// dynamic state preferences from United Nations voting data", JCR 61(2),
// doi:10.1177/0022002715595700), the state-sessions and the indexes every step
// reads; plus the small helpers the steps share. O(votes log votes) once per fit.
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>

#include "ideal/internal.hpp"

namespace rostrum::ideal::internal {
namespace {
int find_anchor(const Data& d, const std::string& anchor) {
  std::vector<std::string> names = {anchor};
  if (anchor == "USA" || anchor == "US")
    names.insert(names.end(), {"USA", "US", "United States", "United States of America"});
  for (const auto& n : names)
    for (int i = 0; i < d.n_states; ++i)
      if (d.state_ids[i] == n) return i;
  return -1;
}
}  // namespace

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
    if (rc.session < 0 || rc.session >= d.n_sessions)
      throw std::invalid_argument("ideal: roll call session out of range");

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

}  // namespace rostrum::ideal::internal
