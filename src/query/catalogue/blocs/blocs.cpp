// blocs: voting blocs -- communities of each period's agreement graph (Leiden or
// multilevel modularity with resolution gamma, consensus over seeded runs),
// tracked across periods by Jaccard overlap so that a bloc keeps its label; or a
// scan of gamma reporting the stable partitions. Method: src/blocs/blocs.hpp,
// docs/methods-blocs-shifts.md.
#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <map>
#include <set>

#include <fmt/format.h>

#include "blocs/blocs.hpp"
#include "blocs/polarization.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "matrix/vote_matrix.hpp"
#include "measures/dyads.hpp"
#include "query/budget.hpp"
#include "query/catalogue.hpp"
#include "query/selection.hpp"
#include "registry/groups.hpp"

namespace rostrum::query {

namespace {

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

// A member whose stability is below this is listed as borderline.
constexpr double kBorderline = 0.75;

Date first_date(const VoteMatrix& m, const Period& p) {
  for (int w = p.word_begin; w < p.word_end; ++w)
    if (p.mask[w]) return m.rollcall_head(w * kWordBits + std::countr_zero(p.mask[w])).date;
  return 0;
}

// A name that stays with a bloc while it persists: the built-in group it matches
// (Jaccard overlap of members >= 0.5 on the period's date, the best match, if no
// other bloc took that name), else "around X" after its core member at birth.
std::string bloc_name(const std::vector<std::string>& members, const std::string& core, Date on,
                      const std::map<int, std::string>& taken) {
  std::string best;
  double best_jaccard = 0.5;
  const std::set<std::string> mine(members.begin(), members.end());
  for (const auto& g : registry::builtin_groups()) {
    const auto now = g.members_on(on);
    if (now.size() < 3) continue;
    std::size_t shared = 0;
    for (const auto& x : now) shared += mine.count(x);
    const double jaccard = static_cast<double>(shared) / static_cast<double>(mine.size() + now.size() - shared);
    const bool used = std::any_of(taken.begin(), taken.end(), [&](const auto& kv) { return kv.second == g.name; });
    if (jaccard >= best_jaccard && !used) {
      best_jaccard = jaccard;
      best = g.name;
    }
  }
  return best.empty() ? "around " + core : best;
}

nlohmann::json bloc_json(int id, const std::string& label, const std::vector<std::string>& members) {
  return {{"id", id}, {"label", label}, {"members", members}};
}

Table blocs_analysis(Context& ctx, const Request& r) {
  Selection sel = parse_selection(r);
  auto measure = measures::parse_measure(r.text("measure"));
  auto rule = measures::parse_coincidence_rule(r.text("rule"));
  const int min_n = r.integer32("min-n");
  const bool scan = r.flag("scan");
  if (scan && r.has("gamma")) throw ParameterError("gamma", "give gamma or scan, not both");
  blocs::CommunityOptions opt;
  opt.resolution = r.number("gamma");
  opt.runs = r.integer32("runs");
  opt.seed = static_cast<std::uint64_t>(r.integer("seed"));
  opt.algorithm = r.text("algorithm") == "multilevel" ? blocs::Algorithm::multilevel : blocs::Algorithm::leiden;
  auto m = ctx.matrix(sel.source, sel.body);
  auto mask = measure_mask(*m, sel, measure, r.flag("keep-unanimous"));
  auto periods = selected_periods(*m, sel, mask);
  if (periods.empty()) {
    Table empty;
    empty.columns = {"period", "bloc", "label", "size", "members", "modularity", "gamma", "effective_blocs"};
    empty.meta = {{"periods", nlohmann::json::array()}, {"reason", explain_empty(*m, sel)}};
    return empty;
  }

  Table t;
  nlohmann::json meta_periods = nlohmann::json::array();
  const std::string measure_name(measures::measure_name(measure));

  if (scan) {
    blocs::ResolutionScanOptions so;
    so.community = opt;
    so.gamma_min = r.number("gamma-min");
    so.gamma_max = r.number("gamma-max");
    if (so.gamma_max < so.gamma_min) throw ParameterError("gamma-max", "smaller than gamma-min");
    so.gamma_step = r.number("gamma-step");
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
  std::vector<Date> period_dates;
  for (const auto& period : periods) {
    std::vector<int> present;
    auto w = period_weights(*m, period, measure, rule, min_n, present);
    if (w.states.size() < 3) continue;
    partitions.push_back(blocs::detect_blocs(w, opt));
    to_track.push_back({period.label, partitions.back().states, partitions.back().membership});
    labels.push_back(period.label);
    period_dates.push_back(first_date(*m, period));
  }
  if (partitions.empty()) {
    t.columns = {"period",     "bloc",  "label",           "size", "members",
                 "modularity", "gamma", "effective_blocs", "core", "borderline"};
    t.meta = {{"measure", measure_name},
              {"min_n", min_n},
              {"gamma", opt.resolution},
              {"periods", meta_periods},
              {"reason", "no period of the selection (" + sel.describe() + ") has three or more states with at least " +
                             std::to_string(min_n) + " votes (min-n)"}};
    return t;
  }
  // Tracking gives blocs stable ids; with one period it numbers them 1, 2, ... by size.
  auto tracked = blocs::track_blocs(to_track);

  t.columns = {"period",     "bloc",  "label",           "size", "members",
               "modularity", "gamma", "effective_blocs", "core", "borderline"};
  std::map<int, std::string> names;  // tracked id -> name, fixed when the bloc is born
  for (std::size_t k = 0; k < partitions.size(); ++k) {
    const auto& part = partitions[k];
    const auto& tp = tracked[k];
    const double eff = blocs::effective_number_of_blocs(part.membership);
    // Per tracked id: members in input order with their stability, and the core of
    // the matching partition bloc.
    std::map<int, std::vector<std::string>> members;
    std::map<int, std::vector<double>> stability;
    std::map<int, int> raw_of_label;
    for (std::size_t s = 0; s < part.states.size(); ++s) {
      members[tp.labels[s]].push_back(part.states[s]);
      stability[tp.labels[s]].push_back(s < part.stability.size() ? part.stability[s] : 1.0);
      raw_of_label[tp.labels[s]] = part.membership[s];
    }
    std::vector<std::pair<int, std::vector<std::string>>> ordered(members.begin(), members.end());
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const auto& x, const auto& y) { return x.second.size() > y.second.size(); });
    const Date on = period_dates[k];
    nlohmann::json bl = nlohmann::json::array();
    for (const auto& [label, mem] : ordered) {
      const std::string& core = part.cores[raw_of_label[label]];
      if (!names.count(label)) names[label] = bloc_name(mem, core, on, names);
      std::vector<std::string> borderline;
      nlohmann::json firmness = nlohmann::json::object();
      for (std::size_t i = 0; i < mem.size(); ++i) {
        const double x = stability[label][i];
        firmness[mem[i]] = x;
        if (x < kBorderline) borderline.push_back(mem[i] + ":" + fmt::format("{:.2f}", x));
      }
      nlohmann::json j = bloc_json(label, names[label], mem);
      j["core"] = core;
      j["stability"] = firmness;
      bl.push_back(std::move(j));
      t.add_row({labels[k], static_cast<std::int64_t>(label), names[label], static_cast<std::int64_t>(mem.size()),
                 join(mem), part.modularity, part.resolution, eff, core, join(borderline)});
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

}  // namespace

ROSTRUM_ANALYSIS(blocs) {
  const blocs::CommunityOptions community;
  const blocs::ResolutionScanOptions scan;
  return {
      .name = "blocs",
      .summary = "Voting blocs: communities of the agreement graph, tracked over periods",
      .description =
          "Per period: agreement of all pairs of states (edges: pairs agreeing more than the period's mean; no\n"
          "edge under --min-n joint votes), Leiden communities at resolution --gamma over many seeds reduced to a\n"
          "consensus partition, modularity Q and the effective number of blocs. With --by year or session, blocs\n"
          "keep their label across periods by Jaccard overlap; the JSON lists splits, merges and the states that\n"
          "moved. --scan reports the ranges of gamma over which the partition is stable instead.\n"
          "JSON: {\"period\", \"blocs\": [{\"id\", \"label\", \"members\"}], \"modularity\", \"gamma\"} (several\n"
          "periods: {\"periods\": [...]}). Method: docs/methods-blocs-shifts.md.",
      .examples = {"rostrum blocs --session 74", "rostrum blocs --year 2019 --gamma 1.2 --format json",
                   "rostrum blocs --from 1985 --to 1995 --by year --format json --out blocs.json",
                   "rostrum blocs --session 74 --scan"},
      .params = params_of({
          measure_params(),
          {{.name = "gamma",
            .type = ParamType::number,
            .help = "Resolution gamma (larger: more, smaller blocs)",
            .fallback = community.resolution,
            .min = 0.01,
            .max = 20,
            .example = "1.2"},
           {.name = "min-n",
            .type = ParamType::integer,
            .help = "Minimum joint votes for an edge, and votes cast for a state to be placed",
            .fallback = std::int64_t{10},
            .min = 1,
            .max = 100000,
            .example = "10"},
           {.name = "runs",
            .type = ParamType::integer,
            .help = "Seeded runs per consensus round",
            .fallback = std::int64_t{community.runs},
            .min = 1,
            .max = 1000,
            .example = "20"},
           seed_param("First seed of the runs"),
           {.name = "algorithm",
            .type = ParamType::choice,
            .help = "Community detection: leiden or multilevel (Louvain)",
            .fallback = std::string("leiden"),
            .choices = {"leiden", "multilevel"}},
           {.name = "scan",
            .type = ParamType::boolean,
            .help = "Scan gamma and report the stable partitions",
            .fallback = false},
           {.name = "gamma-min",
            .type = ParamType::number,
            .help = "Scan: smallest gamma",
            .fallback = scan.gamma_min,
            .min = 0.01,
            .max = 20,
            .example = "0.5"},
           {.name = "gamma-max",
            .type = ParamType::number,
            .help = "Scan: largest gamma",
            .fallback = scan.gamma_max,
            .min = 0.01,
            .max = 20,
            .example = "2"},
           {.name = "gamma-step",
            .type = ParamType::number,
            .help = "Scan: step",
            .fallback = scan.gamma_step,
            .min = 0.001,
            .max = 10,
            .example = "0.1"}},
          selector_params({.by = "all"}),
      }),
      .columns = {{"period", ColumnType::text, "period label"},
                  {"bloc", ColumnType::integer, "bloc id (stable across periods)"},
                  {"label", ColumnType::text,
                   "the bloc's name, kept while it persists: a group it matches, or 'around' its core member at birth"},
                  {"size", ColumnType::integer, "members"},
                  {"members", ColumnType::text, "members, comma-separated"},
                  {"modularity", ColumnType::number, "modularity Q of the partition"},
                  {"gamma", ColumnType::number, "resolution"},
                  {"effective_blocs", ColumnType::number, "effective number of blocs 1/sum s_k^2"},
                  {"core", ColumnType::text, "this period's most central member"},
                  {"borderline", ColumnType::text,
                   "members whose stability (share of runs agreeing) is below 0.75, as ISO3:stability"}},
      .run = blocs_analysis,
      .json_document =
          [](const Table& t) {
            nlohmann::json doc = t.meta;
            if (!doc.value("scan", false) && doc.contains("periods") && doc["periods"].size() == 1) {
              nlohmann::json one = doc["periods"][0];
              one["measure"] = doc["measure"];
              one["min_n"] = doc["min_n"];
              doc = one;
            }
            return doc;
          },
      .work = [](Context& c, const Request& r) { return estimate_blocs(c, r).seconds; },
  };
}

}  // namespace rostrum::query
