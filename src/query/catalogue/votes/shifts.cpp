// shifts: change points in a yearly (or per-session) series of agreement counts
// -- one dyad, the pooled dyads of two sets of states, or a group's cohesion --
// by PELT or binary segmentation on a beta-binomial (or binomial) cost with a
// CROPS penalty path. Method: src/shifts/changepoints.hpp,
// docs/methods-blocs-shifts.md.
#include <algorithm>
#include <cmath>
#include <functional>

#include "core/error.hpp"
#include "matrix/vote_matrix.hpp"
#include "measures/cohesion.hpp"
#include "measures/dyads.hpp"
#include "query/budget.hpp"
#include "query/catalogue.hpp"
#include "query/selection.hpp"
#include "shifts/changepoints.hpp"

namespace rostrum::query {

namespace {

shifts::ChangePointOptions change_point_options(const Request& r) {
  shifts::ChangePointOptions o;
  o.min_segment = r.integer32("min-segment");
  o.method = r.text("method") == "binseg" ? shifts::SegmentationMethod::binseg : shifts::SegmentationMethod::pelt;
  o.cost.model = r.text("cost") == "binomial" ? shifts::CostModel::binomial : shifts::CostModel::beta_binomial;
  // A penalty given alone means "use this penalty".
  const std::string rule = r.has("select") ? r.text("select") : r.has("penalty") ? "penalty" : "ic";
  if (rule == "ic")
    o.selection = shifts::SelectionRule::information_criterion;
  else if (rule == "elbow")
    o.selection = shifts::SelectionRule::elbow;
  else {
    if (!r.has("penalty")) throw ParameterError("penalty", "required with select=penalty");
    o.selection = shifts::SelectionRule::fixed_penalty;
    o.penalty = r.number("penalty");
  }
  o.ic_multiplier = r.number("ic-multiplier");
  return o;
}

struct Series {
  std::vector<shifts::SeriesPoint> points;
  nlohmann::json subject;
};

Series group_series(const VoteMatrix& m, const Request& r, const std::vector<Period>& periods,
                    const std::vector<registry::Group>& user_groups) {
  const GroupSpec group = parse_group(r.text("group"), "group", user_groups);
  Series s;
  const auto member = membership(m, group);
  s.subject = {{"group", group.name}};
  if (!group.group) s.subject["members"] = group.members;
  measures::CohesionOptions opt;
  opt.index = measures::parse_cohesion_index(r.text("index"));
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

Series dyad_series(const VoteMatrix& m, const Request& r, const std::vector<Period>& periods, measures::Measure measure,
                   measures::CoincidenceRule rule, const std::vector<registry::Group>& user_groups) {
  auto a = parse_countries(m, r.text("a"), "a", false, user_groups);
  auto b = parse_countries(m, r.text("b"), "b", false, user_groups);
  std::vector<std::pair<int, int>> pairs;
  for (int i : a)
    for (int j : b)
      if (i != j && std::find(pairs.begin(), pairs.end(), std::make_pair(j, i)) == pairs.end())
        pairs.emplace_back(i, j);
  if (pairs.empty()) throw ParameterError("b", "no pair of distinct countries");
  auto results = measures::compute_dyads(m, pairs, periods, measure, rule);
  Series s;
  std::vector<std::string> an, bn;
  for (int c : a) an.push_back(m.iso3(c));
  for (int c : b) bn.push_back(m.iso3(c));
  s.subject = {
      {"a", an}, {"b", bn}, {"pairs", pairs.size()}, {"measure", std::string(measures::measure_name(measure))}};
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

namespace {

Table shifts_analysis(Context& ctx, const Request& r) {
  Selection sel = parse_selection(r);
  if (sel.by == PeriodKind::all) throw ParameterError("by", "shifts needs a series (by year or by session)");
  const bool is_group = r.has("group");
  if (is_group == (r.has("a") || r.has("b")))
    throw ParameterError(is_group ? "group" : "a", "give either a and b (countries) or group");
  if (!is_group && !(r.has("a") && r.has("b")))
    throw ParameterError(r.has("a") ? "b" : "a", "required with the other side");
  auto measure = measures::parse_measure(r.text("measure"));
  auto rule = measures::parse_coincidence_rule(r.text("rule"));
  auto options = change_point_options(r);
  auto m = ctx.matrix(sel.source, sel.body);
  // A group's cohesion series uses every selected roll call; a pair's series the measure's rule.
  const std::vector<Word> mask =
      is_group ? m->select(sel.filter) : measure_mask(*m, sel, measure, r.flag("keep-unanimous"));
  auto periods = make_periods(*m, sel.by, mask);
  Series series = is_group ? group_series(*m, r, periods, ctx.user_groups())
                           : dyad_series(*m, r, periods, measure, rule, ctx.user_groups());
  // Periods without joint votes (before a state joined) carry no information; left
  // in, they would stretch the first segment's label back to 1946.
  std::erase_if(series.points, [](const shifts::SeriesPoint& pt) { return !(pt.trials > 0); });
  if (series.points.empty()) {
    Table empty;
    empty.columns = {"kind", "first", "last", "mean", "before", "after", "n", "cost_reduction"};
    empty.meta = {
        {"subject", series.subject},
        {"change_points", nlohmann::json::array()},
        {"segments", nlohmann::json::array()},
        {"series", nlohmann::json::array()},
        {"reason", !explain_empty(*m, sel).empty()
                       ? explain_empty(*m, sel)
                       : std::string(is_group ? "no member of the group voted" : "the two sides never voted together") +
                             " in the selection (" + sel.describe() + ")"}};
    return empty;
  }
  auto report = shifts::detect(series.points, options);

  const bool by_year = sel.by == PeriodKind::year;
  Table t;
  t.columns = {"kind", "first", "last", "mean", "before", "after", "n", "cost_reduction"};
  nlohmann::json segments = nlohmann::json::array(), changes = nlohmann::json::array(), path = nlohmann::json::array(),
                 series_json = nlohmann::json::array();
  for (const auto& s : report.segments) {
    t.add_row({std::string("segment"), s.first_label, s.last_label, s.mean, Cell(), Cell(),
               static_cast<std::int64_t>(std::llround(s.trials)), Cell()});
    segments.push_back(
        {{"first", s.first_label}, {"last", s.last_label}, {"mean", s.mean}, {"k", s.successes}, {"n", s.trials}});
  }
  for (const auto& c : report.change_points) {
    t.add_row({std::string("change"), c.label, c.label, Cell(), c.before, c.after, Cell(), c.cost_reduction});
    nlohmann::json j = {
        {"period", c.label}, {"before", c.before}, {"after", c.after}, {"cost_reduction", c.cost_reduction}};
    if (by_year) j["year"] = std::stoi(c.label);
    changes.push_back(std::move(j));
  }
  for (const auto& seg : report.path) {
    std::vector<std::string> labels;
    for (auto i : seg.change_points) labels.push_back(series.points[i].label);
    path.push_back({{"change_points", labels},
                    {"cost", seg.cost},
                    {"penalty_min", seg.penalty_min},
                    {"penalty_max", seg.penalty_max}});
  }
  for (const auto& pt : series.points)
    series_json.push_back({{"period", pt.label},
                           {"k", pt.successes},
                           {"n", pt.trials},
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

}  // namespace

ROSTRUM_ANALYSIS(shifts) {
  const shifts::ChangePointOptions defaults;
  return {
      .name = "shifts",
      .summary = "Change points in a pair's agreement series or a group's cohesion",
      .description =
          "Series: per year (or session) k = agreement x joint votes out of n joint votes (pooled over pairs\n"
          "when --a/--b are lists or groups), or for --group k = AI x roll calls out of n roll calls.\n"
          "Segmentation: PELT (exact) or binary segmentation on a beta-binomial cost (overdispersion\n"
          "estimated), minimum segment length, CROPS penalty path; the reported segmentation uses the penalty\n"
          "2 log(N_eff) unless --select elbow or --penalty P. Method: docs/methods-blocs-shifts.md.\n"
          "JSON: {\"change_points\": [{\"year\", \"before\", \"after\", \"cost_reduction\"}], \"segments\": [...],\n"
          "\"penalty\": ..., \"path\": [...], \"series\": [...]}.",
      .examples = {"rostrum shifts --a RUS --b USA",
                   "rostrum shifts --a CHN --b USA --from 1971 --method binseg --format json",
                   "rostrum shifts --a CHN,RUS,PRK --b G7 --from 1991", "rostrum shifts --group EU --index ai"},
      .params = params_of({
          {{.name = "a",
            .type = ParamType::countries,
            .help = "First side: a country (or a list/group, pooled)",
            .example = "USA"},
           {.name = "b", .type = ParamType::countries, .help = "Second side", .example = "RUS"},
           {.name = "group",
            .type = ParamType::countries,
            .help = "Instead of a pair: a group (or an ad-hoc list) whose cohesion series is segmented",
            .example = "EU"},
           {.name = "index",
            .type = ParamType::choice,
            .help = "Cohesion index with --group",
            .fallback = std::string("ai"),
            .choices = {"rice", "attina", "ai"}}},
          measure_params({"agree", "coincidence"}),
          {{.name = "method",
            .type = ParamType::choice,
            .help = "Segmentation: pelt (exact) or binseg",
            .fallback = std::string("pelt"),
            .choices = {"pelt", "binseg"}},
           {.name = "cost",
            .type = ParamType::choice,
            .help = "Segment cost",
            .fallback = std::string("beta-binomial"),
            .choices = {"beta-binomial", "binomial"}},
           {.name = "select",
            .type = ParamType::choice,
            .help = "How the penalty is chosen: ic (information criterion), elbow, or penalty (with --penalty)",
            .fallback = std::string("ic"),
            .choices = {"ic", "elbow", "penalty"}},
           {.name = "penalty",
            .type = ParamType::number,
            .help = "Fixed penalty per change point (implies --select penalty)",
            .min = 0,
            .max = 1e12,
            .example = "10"},
           {.name = "ic-multiplier",
            .type = ParamType::number,
            .help = "Information-criterion multiplier of log(N_eff)",
            .fallback = defaults.ic_multiplier,
            .min = 0,
            .max = 1000,
            .example = "2"},
           {.name = "min-segment",
            .type = ParamType::integer,
            .help = "Shortest regime, in periods",
            .fallback = std::int64_t{defaults.min_segment},
            .min = 1,
            .max = 1000,
            .example = "3"}},
          selector_params({.by = "year"}),
      }),
      .columns = {{"kind", ColumnType::text, "segment or change"},
                  {"first", ColumnType::text, "first period of the segment / of the new regime"},
                  {"last", ColumnType::text, "last period of the segment"},
                  {"mean", ColumnType::number, "pooled mean of the segment", true},
                  {"before", ColumnType::number, "mean before the change", true},
                  {"after", ColumnType::number, "mean after the change", true},
                  {"n", ColumnType::integer, "trials in the segment", true},
                  {"cost_reduction", ColumnType::number, "cost saved by the change", true}},
      .run = shifts_analysis,
      .json_document = [](const Table& t) { return t.meta; },
      .work = [](Context& c, const Request& r) { return estimate_shifts(c, r).seconds; },
  };
}

}  // namespace rostrum::query
