// Real-data driver for the ideal-point engine on the unvotes CSVs (reads the .gz
// files directly, no store): fits, prints time / iterations / fit / landmark
// trajectories, optionally the holdout report, and writes the estimates as CSV.
//
//   ideal_unvotes DATA_DIR [--from S] [--to S] [--omega W] [--model dynamic|static|binary]
//                 [--threads T] [--boot B] [--holdout F --seeds K] [--out FILE] [--no-bridges]
//                 [--theta-sd S] [--prior-b S] [--prior-a S] [--no-propagate] [--tol T]
//                 [--max-iter N] [--check-gain G] [--em] [--accel] [--trace]
#include <zlib.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include "ideal/ideal.hpp"

using namespace rostrum::ideal;

static std::string read_gz(const std::string& path) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) throw std::runtime_error("cannot open " + path);
  std::string out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, n);
  gzclose(f);
  return out;
}

// RFC 4180 rows.
static std::vector<std::vector<std::string>> parse_csv(const std::string& s) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < s.size() && s[i + 1] == '"')
          field += '"', ++i;
        else
          quoted = false;
      } else
        field += c;
    } else if (c == '"')
      quoted = true;
    else if (c == ',')
      row.push_back(std::move(field)), field.clear();
    else if (c == '\n') {
      row.push_back(std::move(field)), field.clear();
      rows.push_back(std::move(row)), row.clear();
    } else if (c != '\r')
      field += c;
  }
  if (!field.empty() || !row.empty()) row.push_back(field), rows.push_back(row);
  return rows;
}

static Data load(const std::string& dir, int from, int to) {
  auto rcs = parse_csv(read_gz(dir + "/un_roll_calls.csv.gz"));
  auto votes = parse_csv(read_gz(dir + "/un_votes.csv.gz"));
  Data d;
  std::map<int, int> sess;  // session number -> index
  std::map<std::string, int> rc_of;
  std::vector<std::vector<std::string>*> keep;
  for (std::size_t i = 1; i < rcs.size(); ++i) {
    int s = std::stoi(rcs[i][1]);
    if (s < from || s > to) continue;
    sess[s] = 0;
  }
  for (auto& [s, idx] : sess) {
    idx = d.n_sessions++;
    d.session_labels.push_back(std::to_string(s));
    d.session_time.push_back(s);
  }
  for (std::size_t i = 1; i < rcs.size(); ++i) {
    auto& r = rcs[i];
    int s = std::stoi(r[1]);
    if (s < from || s > to) continue;
    RollCallMeta m;
    m.session = sess[s];
    m.key = r[0];
    m.year = std::stoi(r[3].substr(0, 4));
    m.symbol = r[4];
    m.amendment = r[5] == "1";
    m.paragraph = r[6] == "1";
    m.text = r[7];
    m.description = r[8];
    rc_of[r[0]] = static_cast<int>(d.rollcalls.size());
    d.rollcalls.push_back(m);
  }
  std::map<std::string, int> st;
  for (std::size_t i = 1; i < votes.size(); ++i) {
    auto& v = votes[i];
    auto it = rc_of.find(v[0]);
    if (it == rc_of.end()) continue;
    auto [sit, ins] = st.emplace(v[1], d.n_states);
    if (ins) d.n_states++, d.state_ids.push_back(v[1]);
    std::uint8_t c = v[3] == "yes" ? 0 : (v[3] == "abstain" ? 1 : 2);
    d.votes.push_back({sit->second, it->second, c});
  }
  return d;
}

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: ideal_unvotes DATA_DIR [options]\n");
    return 2;
  }
  std::string dir = argv[1], out;
  int from = 1, to = 99, seeds = 3;
  double holdout_frac = 0;
  bool trace = false;
  Options o;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    auto next = [&]() { return std::string(argv[++i]); };
    if (a == "--from")
      from = std::stoi(next());
    else if (a == "--to")
      to = std::stoi(next());
    else if (a == "--omega")
      o.omega = std::stod(next());
    else if (a == "--threads")
      o.threads = std::stoi(next());
    else if (a == "--prior-b")
      o.prior_b = std::stod(next());
    else if (a == "--prior-a")
      o.prior_a = std::stod(next());
    else if (a == "--theta-sd")
      o.prior_theta_sd = std::stod(next());
    else if (a == "--boot")
      o.boot = std::stoi(next());
    else if (a == "--holdout")
      holdout_frac = std::stod(next());
    else if (a == "--seeds")
      seeds = std::stoi(next());
    else if (a == "--out")
      out = next();
    else if (a == "--no-bridges")
      o.bridges = false;
    else if (a == "--em")
      o.algorithm = Algorithm::em;
    else if (a == "--no-accel")
      o.accelerate = false;
    else if (a == "--accel")
      o.accelerate = true;
    else if (a == "--no-propagate")
      o.propagate_uncertainty = false;
    else if (a == "--tol")
      o.tol = std::stod(next());
    else if (a == "--check-gain")
      o.check_gain = std::stod(next());
    else if (a == "--trace")
      trace = true;
    else if (a == "--max-iter")
      o.max_iter = std::stoi(next());
    else if (a == "--model") {
      std::string m = next();
      o.model = m == "static" ? Model::static_session : (m == "binary" ? Model::binary_dynamic : Model::dynamic);
    } else {
      std::fprintf(stderr, "unknown option %s\n", a.c_str());
      return 2;
    }
  }
  auto t0 = std::chrono::steady_clock::now();
  Data raw = load(dir, from, to);
  Data d = apply_conventions(raw);
  double t_load = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf("data: %d states, %d sessions, %zu roll calls, %zu votes (raw %zu votes); load %.2fs\n", d.n_states,
              d.n_sessions, d.rollcalls.size(), d.votes.size(), raw.votes.size(), t_load);
  if (holdout_frac > 0) {
    for (int s = 1; s <= seeds; ++s) {
      auto h = holdout(d, o, holdout_frac, s);
      std::printf(
          "holdout seed %d (test %lld): 3-cat acc model %.4f yes %.4f modal %.4f | logloss %.4f %.4f %.4f | apre %.3f ;"
          " yes/no acc model %.4f yes %.4f modal %.4f | logloss %.4f %.4f %.4f | apre %.3f  [%d it, %.2fs]\n",
          s, (long long)h.n_test, h.model.accuracy, h.always_yes.accuracy, h.modal.accuracy, h.model.log_loss,
          h.always_yes.log_loss, h.modal.log_loss, h.model.apre, h.model_yn.accuracy, h.always_yes_yn.accuracy,
          h.modal_yn.accuracy, h.model_yn.log_loss, h.always_yes_yn.log_loss, h.modal_yn.log_loss, h.model_yn.apre,
          h.fit.iterations, h.fit.seconds);
    }
    return 0;
  }
  auto tfit = std::chrono::steady_clock::now();
  Result r = estimate(d, o, [&](int it, double ll) {
    if (trace)
      std::printf("  it %d ll %.3f t %.2fs\n", it, ll,
                  std::chrono::duration<double>(std::chrono::steady_clock::now() - tfit).count());
    return true;
  });
  std::printf(
      "fit: %.3fs, %d EM maps, converged %d, items %d (bridged %d), loglik %.1f, pcc %.4f, apre %.4f, gmp %.4f\n",
      r.seconds, r.iterations, r.converged ? 1 : 0, r.n_items, r.n_bridged_items, r.fit.loglik, r.fit.pcc, r.fit.apre,
      r.fit.gmp);
  std::printf("internal scale: pooled SD %.3f (omega %.3f per session = %.3f on the reported scale)\n", r.internal_sd,
              o.omega, o.omega / r.internal_sd);
  std::vector<double> pcs(r.pc_correlation.begin(), r.pc_correlation.begin() + d.n_sessions);
  std::vector<double> sorted = pcs;
  std::sort(sorted.begin(), sorted.end());
  std::printf("corr with per-session PC: median %.3f min %.3f (session %s)\n", sorted[sorted.size() / 2], sorted[0],
              d.session_labels[std::min_element(pcs.begin(), pcs.end()) - pcs.begin()].c_str());
  std::printf("bridged items per session:");
  for (int t = 0; t < d.n_sessions; ++t)
    std::printf(" %s:%d", d.session_labels[t].c_str(), r.bridged_items_per_session[t]);
  std::printf("\n");
  const char* names[] = {"United States", "Israel",      "United Kingdom", "France", "China", "Russia",
                         "Cuba",          "North Korea", "Syria",          "Iran",   "India", "Brazil"};
  std::printf("%-14s", "session");
  for (int t = 0; t < d.n_sessions; t += std::max(1, d.n_sessions / 15))
    std::printf(" %6s", d.session_labels[t].c_str());
  std::printf("\n");
  for (const char* n : names) {
    int s = -1;
    for (int i = 0; i < d.n_states; ++i)
      if (d.state_ids[i] == n) s = i;
    if (s < 0) continue;
    std::printf("%-14.14s", n);
    for (int t = 0; t < d.n_sessions; t += std::max(1, d.n_sessions / 15)) {
      auto* e = r.find(s, t);
      if (e)
        std::printf(" %6.2f", e->ideal);
      else
        std::printf(" %6s", "-");
    }
    std::printf("\n");
  }
  // Extremes of the last session.
  {
    int t = d.n_sessions - 1;
    std::vector<const StateSession*> v;
    for (auto& e : r.estimates)
      if (e.session == t) v.push_back(&e);
    std::sort(v.begin(), v.end(), [](auto* a, auto* b) { return a->ideal > b->ideal; });
    std::printf("session %s top:", d.session_labels[t].c_str());
    for (int k = 0; k < 6 && k < (int)v.size(); ++k)
      std::printf(" %s(%.2f)", d.state_ids[v[k]->state].c_str(), v[k]->ideal);
    std::printf("\nsession %s bottom:", d.session_labels[t].c_str());
    for (int k = 0; k < 6 && k < (int)v.size(); ++k)
      std::printf(" %s(%.2f)", d.state_ids[v[v.size() - 1 - k]->state].c_str(), v[v.size() - 1 - k]->ideal);
    std::printf("\n");
  }
  if (!out.empty()) {
    FILE* f = std::fopen(out.c_str(), "w");
    std::fprintf(f, "state,session,ideal,sd,boot_sd,lo,hi,nvotes\n");
    for (auto& e : r.estimates)
      std::fprintf(f, "\"%s\",%s,%.6f,%.6f,%.6f,%.6f,%.6f,%d\n", d.state_ids[e.state].c_str(),
                   d.session_labels[e.session].c_str(), e.ideal, e.sd, e.boot_sd, e.lo, e.hi, e.nvotes);
    std::fclose(f);
  }
  return 0;
}
