// Queries "blocs" and "poles" (issue 6): the agreement graph of each period cut
// into blocs (src/blocs/blocs.hpp), tracked across periods, and every state's lean
// between two poles (src/blocs/polarization.hpp). Method notes:
// docs/methods-blocs-shifts.md, section "Queries".
#include <algorithm>
#include <array>
#include <limits>
#include <cmath>
#include <map>
#include <set>

#include "blocs/blocs.hpp"
#include "blocs/polarization.hpp"
#include "core/error.hpp"
#include "matrix/vote_matrix.hpp"
#include "measures/dyads.hpp"
#include "query/analyses.hpp"
#include "query/selection.hpp"
#include "registry/groups.hpp"
#include "registry/registry.hpp"

namespace rostrum::query {

namespace {

using detail::check_allowed;

std::vector<Period> selected_periods(const VoteMatrix& m, const Selection& s, const std::vector<Word>& mask) {
  auto periods = make_periods(m, s.by, mask);
  if (s.by == PeriodKind::all)
    for (auto& p : periods) p.label = s.label;
  return periods;
}

// The roll-call mask of a measure: Voeten's filter for agree unless keep-unanimous.
std::vector<Word> measure_mask(const VoteMatrix& m, Selection& sel, measures::Measure measure, const Params& p) {
  if (measure == measures::Measure::coincidence) {
    sel.filter.exclude_amendments = true;
    sel.filter.exclude_paragraphs = true;
  }
  std::vector<Word> mask = m.select(sel.filter);
  if (measure == measures::Measure::agree && !get_bool(p, "keep-unanimous", false))
    mask = measures::drop_unanimous(m, mask);
  return mask;
}

std::string join(const std::vector<std::string>& v, const char* sep = ",") {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

blocs::CommunityOptions community_options(const Params& p) {
  blocs::CommunityOptions opt;
  opt.resolution = get_double(p, "gamma", 1.0, 0.01, 20.0);
  opt.runs = get_int(p, "runs", 20, 1, 1000);
  opt.seed = static_cast<std::uint64_t>(get_int(p, "seed", 1, 0, 2147483647));
  std::string algo = get(p, "algorithm", "leiden");
  if (algo == "leiden") opt.algorithm = blocs::Algorithm::leiden;
  else if (algo == "multilevel" || algo == "louvain") opt.algorithm = blocs::Algorithm::multilevel;
  else throw UsageError("parameter 'algorithm': expected leiden or multilevel, got '" + algo + "'");
  return opt;
}

// The agreement matrix of one period over the states with at least min_n votes cast.
blocs::WeightMatrix period_weights(const VoteMatrix& m, const Period& period, measures::Measure measure,
                                   measures::CoincidenceRule rule, int min_n, std::vector<int>& present) {
  present.clear();
  for (int c = 0; c < m.countries(); ++c)
    if (m.count_cast(c, period.mask) >= min_n) present.push_back(c);
  blocs::WeightMatrix w;
  const std::size_t n = present.size();
  for (int c : present) w.states.push_back(m.iso3(c));
  w.weights.assign(n * n, std::numeric_limits<double>::quiet_NaN());
  std::vector<std::pair<int, int>> pairs;
  pairs.reserve(n * (n - 1) / 2);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) pairs.emplace_back(present[i], present[j]);
  if (pairs.empty()) return w;
  auto results = measures::compute_dyads(m, pairs, {period}, measure, rule);
  std::size_t k = 0;
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j, ++k) {
      const auto& r = results[k];
      double v = r.value.n >= min_n ? r.value.value : std::numeric_limits<double>::quiet_NaN();
      w.weights[i * n + j] = w.weights[j * n + i] = v;
    }
  return w;
}

nlohmann::json bloc_json(int id, const std::string& label, const std::vector<std::string>& members) {
  return {{"id", id}, {"label", label}, {"members", members}};
}

}  // namespace

Table run_blocs(Context& ctx, const Params& p) {
  check_allowed(p, {ROSTRUM_ANALYSIS_SELECTORS, "measure", "rule", "keep-unanimous", "gamma", "scan", "min-n", "runs",
                    "seed", "algorithm", "gamma-min", "gamma-max", "gamma-step"},
                "blocs");
  Selection sel = parse_selection(p);
  auto measure = measures::parse_measure(get(p, "measure", "agree"));
  auto rule = measures::parse_coincidence_rule(get(p, "rule", "partial"));
  const int min_n = get_int(p, "min-n", 10, 1, 100000);
  const bool scan = get_bool(p, "scan", false);
  auto opt = community_options(p);
  auto m = ctx.matrix(sel.source, sel.body);
  auto mask = measure_mask(*m, sel, measure, p);
  auto periods = selected_periods(*m, sel, mask);
  if (periods.empty()) throw UsageError("parameter 'session'/'year': no roll calls selected");

  Table t;
  nlohmann::json meta_periods = nlohmann::json::array();
  const std::string measure_name(measures::measure_name(measure));

  if (scan) {
    blocs::ResolutionScanOptions so;
    so.community = opt;
    so.gamma_min = get_double(p, "gamma-min", 0.5, 0.01, 20);
    so.gamma_max = get_double(p, "gamma-max", 2.0, so.gamma_min, 20);
    so.gamma_step = get_double(p, "gamma-step", 0.1, 0.001, 10);
    t.columns = {"period", "gamma_min", "gamma_max", "steps", "blocs", "modularity", "most_stable", "cores"};
    for (const auto& period : periods) {
      std::vector<int> present;
      auto w = period_weights(*m, period, measure, rule, min_n, present);
      if (w.states.size() < 3) continue;
      auto result = blocs::scan_resolution(w, so);
      nlohmann::json ranges = nlohmann::json::array();
      for (std::size_t r = 0; r < result.ranges.size(); ++r) {
        const auto& range = result.ranges[r];
        const auto& part = range.partition;
        std::vector<std::vector<std::string>> members(part.bloc_count);
        for (std::size_t s = 0; s < part.states.size(); ++s) members[part.membership[s]].push_back(part.states[s]);
        nlohmann::json bl = nlohmann::json::array();
        for (int b = 0; b < part.bloc_count; ++b) bl.push_back(bloc_json(b + 1, part.cores[b], members[b]));
        ranges.push_back({{"gamma_min", range.gamma_min},
                          {"gamma_max", range.gamma_max},
                          {"steps", range.steps},
                          {"bloc_count", part.bloc_count},
                          {"modularity", part.modularity},
                          {"blocs", bl}});
        t.add_row({period.label, range.gamma_min, range.gamma_max, static_cast<std::int64_t>(range.steps),
                   static_cast<std::int64_t>(part.bloc_count), part.modularity,
                   static_cast<std::int64_t>(r == result.most_stable), join(part.cores)});
      }
      meta_periods.push_back({{"period", period.label},
                              {"ranges", ranges},
                              {"most_stable", result.most_stable},
                              {"states", w.states.size()}});
    }
    t.meta = {{"measure", measure_name}, {"scan", true}, {"min_n", min_n}, {"periods", meta_periods}};
    return t;
  }

  std::vector<blocs::Partition> partitions;
  std::vector<blocs::PeriodPartition> to_track;
  std::vector<std::string> labels;
  for (const auto& period : periods) {
    std::vector<int> present;
    auto w = period_weights(*m, period, measure, rule, min_n, present);
    if (w.states.size() < 3) continue;
    partitions.push_back(blocs::detect_blocs(w, opt));
    to_track.push_back({period.label, partitions.back().states, partitions.back().membership});
    labels.push_back(period.label);
  }
  if (partitions.empty()) throw UsageError("no period has three or more states with at least min-n votes");
  // Tracking gives blocs stable labels; with one period it labels them 1, 2, ... by size.
  auto tracked = blocs::track_blocs(to_track);

  t.columns = {"period", "bloc", "label", "size", "members", "modularity", "gamma", "effective_blocs"};
  for (std::size_t k = 0; k < partitions.size(); ++k) {
    const auto& part = partitions[k];
    const auto& tp = tracked[k];
    const double eff = blocs::effective_number_of_blocs(part.membership);
    // Per tracked label: members in input order, and the core of the matching partition bloc.
    std::map<int, std::vector<std::string>> members;
    std::map<int, int> raw_of_label;
    for (std::size_t s = 0; s < part.states.size(); ++s) {
      members[tp.labels[s]].push_back(part.states[s]);
      raw_of_label[tp.labels[s]] = part.membership[s];
    }
    std::vector<std::pair<int, std::vector<std::string>>> ordered(members.begin(), members.end());
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto& x, const auto& y) { return x.second.size() > y.second.size(); });
    nlohmann::json bl = nlohmann::json::array();
    for (const auto& [label, mem] : ordered) {
      const std::string& core = part.cores[raw_of_label[label]];
      bl.push_back(bloc_json(label, core, mem));
      t.add_row({labels[k], static_cast<std::int64_t>(label), core,
                 static_cast<std::int64_t>(mem.size()), join(mem), part.modularity, part.resolution, eff});
    }
    nlohmann::json entry = {{"period", labels[k]},
                            {"blocs", bl},
                            {"modularity", part.modularity},
                            {"gamma", part.resolution},
                            {"quality", part.quality},
                            {"effective_blocs", eff},
                            {"run_agreement", part.run_agreement},
                            {"states", part.states.size()}};
    if (k > 0) {
      nlohmann::json splits = nlohmann::json::array(), merges = nlohmann::json::array(),
                     moves = nlohmann::json::array();
      for (const auto& s : tp.splits) splits.push_back({{"from", s.from}, {"into", s.into}});
      for (const auto& mg : tp.merges) merges.push_back({{"from", mg.from}, {"into", mg.into}});
      for (const auto& mv : tp.moves) moves.push_back({{"state", mv.state}, {"from", mv.from}, {"to", mv.to}});
      entry["splits"] = splits;
      entry["merges"] = merges;
      entry["moves"] = moves;
      entry["born"] = tp.born;
      entry["ended"] = tp.ended;
    }
    meta_periods.push_back(std::move(entry));
  }
  t.meta = {{"measure", measure_name}, {"min_n", min_n}, {"gamma", opt.resolution}, {"periods", meta_periods}};
  return t;
}

// ---- poles ------------------------------------------------------------------------

namespace {

struct Pole {
  std::string label;
  std::vector<int> members;  // matrix indices
};

// "USA" / "G7" / "CHN+RUS+PRK": a country, a group (ever-members) or a '+' list.
Pole parse_pole(const VoteMatrix& m, const std::string& spec) {
  Pole pole;
  pole.label = spec;
  std::size_t start = 0;
  while (start <= spec.size()) {
    std::size_t plus = spec.find('+', start);
    std::string one = spec.substr(start, plus == std::string::npos ? std::string::npos : plus - start);
    while (!one.empty() && one.front() == ' ') one.erase(one.begin());
    while (!one.empty() && one.back() == ' ') one.pop_back();
    if (!one.empty()) {
      Params q{{"poles", one}};
      for (int c : parse_countries(m, q, "poles", false))
        if (std::find(pole.members.begin(), pole.members.end(), c) == pole.members.end()) pole.members.push_back(c);
    }
    if (plus == std::string::npos) break;
    start = plus + 1;
  }
  if (pole.members.empty()) throw UsageError("parameter 'poles': empty pole in '" + spec + "'");
  if (pole.members.size() == 1) pole.label = m.iso3(pole.members[0]);
  return pole;
}

}  // namespace

Table run_poles(Context& ctx, const Params& p) {
  check_allowed(p, {ROSTRUM_ANALYSIS_SELECTORS, "poles", "measure", "rule", "keep-unanimous", "min-n", "tie"}, "poles");
  Selection sel = parse_selection(p);
  auto measure = measures::parse_measure(get(p, "measure", "agree"));
  auto rule = measures::parse_coincidence_rule(get(p, "rule", "partial"));
  const int min_n = get_int(p, "min-n", 10, 1, 100000);
  const double tie = get_double(p, "tie", 0.0, 0.0, 1.0);
  auto m = ctx.matrix(sel.source, sel.body);
  std::string spec = get(p, "poles", "USA,CHN");
  auto comma = spec.find(',');
  if (comma == std::string::npos || spec.find(',', comma + 1) != std::string::npos)
    throw UsageError("parameter 'poles': expected two poles 'A,B' (each a country, a group or X+Y+Z), got '" + spec +
                     "'");
  Pole a = parse_pole(*m, spec.substr(0, comma)), b = parse_pole(*m, spec.substr(comma + 1));
  auto mask = measure_mask(*m, sel, measure, p);
  auto periods = selected_periods(*m, sel, mask);

  // Pairs (c, pole member) for every country; pooled per period as the n-weighted
  // mean of the pair values (for agree: total agreement / total joint votes).
  std::vector<std::pair<int, int>> pairs;
  std::vector<int> pair_country, pair_side;
  for (int c = 0; c < m->countries(); ++c)
    for (int side = 0; side < 2; ++side)
      for (int s : (side == 0 ? a.members : b.members))
        if (s != c) {
          pairs.emplace_back(c, s);
          pair_country.push_back(c);
          pair_side.push_back(side);
        }
  auto results = measures::compute_dyads(*m, pairs, periods, measure, rule);

  Table t;
  t.columns = {"period", "country", "name", "region", "role", "to_a", "n_a", "to_b", "n_b", "margin", "nearer"};
  nlohmann::json summary = nlohmann::json::array();
  const std::size_t np = pairs.size();
  for (std::size_t pi = 0; pi < periods.size(); ++pi) {
    std::vector<double> ka(m->countries(), 0), kb(m->countries(), 0);
    std::vector<std::int64_t> na(m->countries(), 0), nb(m->countries(), 0);
    for (std::size_t k = 0; k < np; ++k) {
      const auto& r = results[pi * np + k];
      if (r.value.n <= 0 || !std::isfinite(r.value.value)) continue;
      int c = pair_country[k];
      (pair_side[k] == 0 ? ka : kb)[c] += r.value.value * static_cast<double>(r.value.n);
      (pair_side[k] == 0 ? na : nb)[c] += r.value.n;
    }
    std::vector<std::string> states;
    std::vector<double> to_a, to_b;
    std::vector<int> index;
    for (int c = 0; c < m->countries(); ++c) {
      if (m->count_cast(c, periods[pi].mask) < min_n) continue;
      states.push_back(m->iso3(c));
      index.push_back(c);
      to_a.push_back(na[c] >= min_n ? ka[c] / static_cast<double>(na[c]) : std::nan(""));
      to_b.push_back(nb[c] >= min_n ? kb[c] / static_cast<double>(nb[c]) : std::nan(""));
    }
    auto leans = blocs::lean_by_agreement(states, to_a, to_b, tie);
    int count_a = 0, count_b = 0, count_tie = 0, count_unknown = 0;
    std::map<std::string, std::array<int, 3>> by_region;
    for (std::size_t s = 0; s < leans.size(); ++s) {
      int c = index[s];
      const registry::Country* country = registry::lookup(m->iso3(c));
      std::string name = country ? std::string(country->name) : m->iso3(c);
      std::string region = country && !country->region.empty() ? std::string(country->region) : "Other";
      bool in_a = std::find(a.members.begin(), a.members.end(), c) != a.members.end();
      bool in_b = std::find(b.members.begin(), b.members.end(), c) != b.members.end();
      std::string role = in_a ? "pole_a" : in_b ? "pole_b" : "";
      std::string nearer;
      switch (leans[s].nearer) {
        case blocs::Pole::a: nearer = a.label; break;
        case blocs::Pole::b: nearer = b.label; break;
        case blocs::Pole::tie: nearer = "tie"; break;
        case blocs::Pole::unknown: break;
      }
      auto cell = [](double v) -> Cell { return std::isfinite(v) ? Cell(v) : Cell(); };
      t.add_row({periods[pi].label, m->iso3(c), name, region, role, cell(leans[s].to_a), na[c], cell(leans[s].to_b),
                 nb[c], cell(leans[s].margin), nearer.empty() ? Cell() : Cell(nearer)});
      if (!role.empty()) continue;
      auto& reg = by_region[region];
      switch (leans[s].nearer) {
        case blocs::Pole::a: ++count_a; ++reg[0]; break;
        case blocs::Pole::b: ++count_b; ++reg[1]; break;
        case blocs::Pole::tie: ++count_tie; ++reg[2]; break;
        case blocs::Pole::unknown: ++count_unknown; break;
      }
    }
    nlohmann::json regions = nlohmann::json::object();
    for (const auto& [region, c] : by_region) regions[region] = {{"a", c[0]}, {"b", c[1]}, {"tie", c[2]}};
    summary.push_back({{"period", periods[pi].label},
                       {"lean_a", count_a},
                       {"lean_b", count_b},
                       {"tie", count_tie},
                       {"unknown", count_unknown},
                       {"by_region", regions}});
  }
  std::vector<std::string> am, bm;
  for (int c : a.members) am.push_back(m->iso3(c));
  for (int c : b.members) bm.push_back(m->iso3(c));
  t.meta = {{"measure", std::string(measures::measure_name(measure))},
            {"poles", {{"a", {{"label", a.label}, {"members", am}}}, {"b", {{"label", b.label}, {"members", bm}}}}},
            {"min_n", min_n},
            {"summary", summary}};
  return t;
}

}  // namespace rostrum::query
