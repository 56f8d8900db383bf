// Query "shifts" (issue 6): change points in a yearly (or per-session) series of
// agreement counts -- one dyad, the pooled dyads of two sets of states, or a group's
// cohesion -- by PELT or binary segmentation on a beta-binomial (or binomial) cost
// with a CROPS penalty path (src/shifts/changepoints.hpp). Method notes:
// docs/methods-blocs-shifts.md, section "Queries".
#include <cmath>
#include <functional>

#include "core/error.hpp"
#include "matrix/vote_matrix.hpp"
#include "measures/cohesion.hpp"
#include "measures/dyads.hpp"
#include "query/analyses.hpp"
#include "query/selection.hpp"
#include "registry/groups.hpp"
#include "registry/registry.hpp"
#include "shifts/changepoints.hpp"

namespace rostrum::query {

namespace {

using detail::check_allowed;

shifts::ChangePointOptions change_point_options(const Params& p) {
  shifts::ChangePointOptions o;
  o.min_segment = get_int(p, "min-segment", 3, 1, 1000);
  std::string method = get(p, "method", "pelt");
  if (method == "pelt") o.method = shifts::SegmentationMethod::pelt;
  else if (method == "binseg") o.method = shifts::SegmentationMethod::binseg;
  else throw UsageError("parameter 'method': expected pelt or binseg, got '" + method + "'");
  std::string cost = get(p, "cost", "beta-binomial");
  if (cost == "beta-binomial") o.cost.model = shifts::CostModel::beta_binomial;
  else if (cost == "binomial") o.cost.model = shifts::CostModel::binomial;
  else throw UsageError("parameter 'cost': expected beta-binomial or binomial, got '" + cost + "'");
  std::string rule = get(p, "select", p.count("penalty") ? "penalty" : "ic");
  if (rule == "ic") o.selection = shifts::SelectionRule::information_criterion;
  else if (rule == "elbow") o.selection = shifts::SelectionRule::elbow;
  else if (rule == "penalty") {
    o.selection = shifts::SelectionRule::fixed_penalty;
    o.penalty = get_double(p, "penalty", 10, 0, 1e12);
  } else throw UsageError("parameter 'select': expected ic, elbow or penalty, got '" + rule + "'");
  o.ic_multiplier = get_double(p, "ic-multiplier", 2, 0, 1000);
  return o;
}

struct Series {
  std::vector<shifts::SeriesPoint> points;
  nlohmann::json subject;
};

Series group_series(const VoteMatrix& m, const Params& p, const std::vector<Period>& periods) {
  std::string g = get(p, "group");
  Series s;
  std::function<bool(int, Date)> member;
  if (const registry::Group* group = registry::find_group(g)) {
    member = [&m, group](int c, Date d) { return group->is_member(m.iso3(c), d); };
    s.subject = {{"group", group->name}};
  } else {
    Params q{{"group", g}};
    auto list = parse_countries(m, q, "group", false);
    if (list.size() < 2) throw UsageError("parameter 'group': a group needs at least two countries");
    std::vector<bool> in(m.countries(), false);
    std::vector<std::string> names;
    for (int c : list) {
      in[c] = true;
      names.push_back(m.iso3(c));
    }
    member = [in](int c, Date) { return static_cast<bool>(in[c]); };
    s.subject = {{"group", g}, {"members", names}};
  }
  measures::CohesionOptions opt;
  opt.index = measures::parse_cohesion_index(get(p, "index", "ai"));
  opt.null_replicates = 0;
  s.subject["index"] = std::string(measures::cohesion_index_name(opt.index));
  // A period's index is the mean over its counted roll calls: k = index x roll calls.
  for (const auto& r : measures::cohesion(m, member, periods, opt)) {
    double n = static_cast<double>(r.rollcalls);
    double k = n > 0 && std::isfinite(r.value) ? std::clamp(r.value, 0.0, 1.0) * n : 0.0;
    s.points.push_back({periods[r.period].label, k, n > 0 && std::isfinite(r.value) ? n : 0.0});
  }
  return s;
}

Series dyad_series(const VoteMatrix& m, const Params& p, const std::vector<Period>& periods,
                   measures::Measure measure, measures::CoincidenceRule rule) {
  auto a = parse_countries(m, p, "a", false);
  auto b = parse_countries(m, p, "b", false);
  std::vector<std::pair<int, int>> pairs;
  for (int i : a)
    for (int j : b)
      if (i != j && std::find(pairs.begin(), pairs.end(), std::make_pair(j, i)) == pairs.end()) pairs.emplace_back(i, j);
  if (pairs.empty()) throw UsageError("parameter 'b': no pair of distinct countries");
  auto results = measures::compute_dyads(m, pairs, periods, measure, rule);
  Series s;
  std::vector<std::string> an, bn;
  for (int c : a) an.push_back(m.iso3(c));
  for (int c : b) bn.push_back(m.iso3(c));
  s.subject = {{"a", an}, {"b", bn}, {"pairs", pairs.size()}, {"measure", std::string(measures::measure_name(measure))}};
  s.points.resize(periods.size());
  for (std::size_t k = 0; k < periods.size(); ++k) s.points[k].label = periods[k].label;
  // Pooled over pairs: k = sum of value x n, n = sum of joint votes.
  for (const auto& r : results) {
    if (r.value.n <= 0 || !std::isfinite(r.value.value)) continue;
    auto& pt = s.points[r.period];
    pt.successes += std::clamp(r.value.value, 0.0, 1.0) * static_cast<double>(r.value.n);
    pt.trials += static_cast<double>(r.value.n);
  }
  return s;
}

}  // namespace

Table run_shifts(Context& ctx, const Params& params) {
  check_allowed(params, {ROSTRUM_ANALYSIS_SELECTORS, "a", "b", "group", "index", "measure", "rule", "keep-unanimous",
                         "min-segment", "method", "cost", "select", "penalty", "ic-multiplier"},
                "shifts");
  Params p = params;
  if (get(p, "by").empty()) p["by"] = "year";
  Selection sel = parse_selection(p);
  if (sel.by == PeriodKind::all) throw UsageError("parameter 'by': shifts needs a series (by year or by session)");
  const bool is_group = !get(p, "group").empty();
  if (is_group == (!get(p, "a").empty() || !get(p, "b").empty()))
    throw UsageError("parameter 'a': give either a and b (countries) or group");
  auto measure = measures::parse_measure(get(p, "measure", "agree"));
  if (measure != measures::Measure::agree && measure != measures::Measure::coincidence)
    throw UsageError("parameter 'measure': shifts works on proportions: agree or coincidence");
  auto rule = measures::parse_coincidence_rule(get(p, "rule", "partial"));
  auto options = change_point_options(p);
  auto m = ctx.matrix(sel.source, sel.body);
  if (!is_group && measure == measures::Measure::coincidence) {
    sel.filter.exclude_amendments = true;
    sel.filter.exclude_paragraphs = true;
  }
  std::vector<Word> mask = m->select(sel.filter);
  if (!is_group && measure == measures::Measure::agree && !get_bool(p, "keep-unanimous", false))
    mask = measures::drop_unanimous(*m, mask);
  auto periods = make_periods(*m, sel.by, mask);
  Series series = is_group ? group_series(*m, p, periods) : dyad_series(*m, p, periods, measure, rule);
  // Periods without joint votes (before a state joined) carry no information; left
  // in, they would stretch the first segment's label back to 1946.
  std::erase_if(series.points, [](const shifts::SeriesPoint& pt) { return !(pt.trials > 0); });
  if (series.points.empty()) throw UsageError("parameter 'b': no joint votes in the selection");
  auto report = shifts::detect(series.points, options);

  const bool by_year = sel.by == PeriodKind::year;
  Table t;
  t.columns = {"kind", "first", "last", "mean", "before", "after", "n", "cost_reduction"};
  nlohmann::json segments = nlohmann::json::array(), changes = nlohmann::json::array(), path = nlohmann::json::array(),
                 series_json = nlohmann::json::array();
  for (const auto& s : report.segments) {
    t.add_row({std::string("segment"), s.first_label, s.last_label, s.mean, Cell(), Cell(),
               static_cast<std::int64_t>(std::llround(s.trials)), Cell()});
    segments.push_back({{"first", s.first_label}, {"last", s.last_label}, {"mean", s.mean}, {"k", s.successes},
                        {"n", s.trials}});
  }
  for (const auto& c : report.change_points) {
    t.add_row({std::string("change"), c.label, c.label, Cell(), c.before, c.after, Cell(), c.cost_reduction});
    nlohmann::json j = {{"period", c.label}, {"before", c.before}, {"after", c.after},
                        {"cost_reduction", c.cost_reduction}};
    if (by_year) j["year"] = std::stoi(c.label);
    changes.push_back(std::move(j));
  }
  for (const auto& seg : report.path) {
    std::vector<std::string> labels;
    for (auto i : seg.change_points) labels.push_back(series.points[i].label);
    path.push_back({{"change_points", labels}, {"cost", seg.cost}, {"penalty_min", seg.penalty_min},
                    {"penalty_max", seg.penalty_max}});
  }
  for (const auto& pt : series.points)
    series_json.push_back({{"period", pt.label}, {"k", pt.successes}, {"n", pt.trials},
                           {"value", pt.trials > 0 ? nlohmann::json(pt.successes / pt.trials) : nlohmann::json()}});
  const char* cost_name = report.cost.model == shifts::CostModel::binomial ? "binomial" : "beta-binomial";
  t.meta = {{"subject", series.subject},
            {"change_points", changes},
            {"segments", segments},
            {"penalty", report.penalty},
            {"cost", cost_name},
            {"overdispersion", report.cost.overdispersion},
            {"effective_trials", report.effective_trials},
            {"method", options.method == shifts::SegmentationMethod::pelt ? "pelt" : "binseg"},
            {"min_segment", options.min_segment},
            {"path", path},
            {"series", series_json}};
  return t;
}

}  // namespace rostrum::query
