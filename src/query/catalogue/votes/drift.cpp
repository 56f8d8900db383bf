// drift: who moved between two periods? Every state's position between two poles
// (0 at pole A, 1 at pole B; measures/poles.hpp) in an earlier and a later
// period, the change, and its bootstrap interval -- so "moved toward China and
// Russia" is a tested statement, not a difference of two point estimates.
#include <algorithm>
#include <cmath>
#include <map>

#include "core/stats.hpp"
#include "core/text.hpp"
#include "measures/dyads.hpp"
#include "measures/poles.hpp"
#include "query/catalogue.hpp"
#include "query/selection.hpp"
#include "registry/registry.hpp"

namespace rostrum::query {

namespace {

struct PeriodPositions {
  std::string label;
  measures::PoleContributions contributions;
  measures::PolePositions point;
  std::vector<double> replicates;  // [replicate * countries + country]
  std::int64_t rollcalls = 0;
};

PeriodPositions positions(const VoteMatrix& m, Selection sel, const std::string& years, const std::string& param,
                          const Pole& a, const Pole& b, int boot, std::uint64_t seed) {
  PeriodPositions p;
  p.label = years;
  sel.filter.date_spans = parse_year_list(years, param);
  // Voeten's agreement: roll calls on which every voting state voted alike say nothing.
  const auto mask = measure_mask(m, sel, measures::Measure::agree, false);
  p.contributions = measures::pole_contributions(m, a.members, b.members, mask);
  p.rollcalls = static_cast<std::int64_t>(p.contributions.rollcalls.size());
  p.point = measures::pole_positions(p.contributions, std::vector<int>(p.contributions.rollcalls.size(), 1));
  p.replicates = measures::bootstrap_positions(p.contributions, boot, seed);
  return p;
}

Table drift(Context& ctx, const Request& r) {
  Selection sel = parse_selection(r);
  auto m = ctx.matrix(sel.source, sel.body);
  const auto [a, b] = parse_poles(*m, r.text("poles"), "poles", ctx.user_groups());
  const int boot = r.integer32("boot");
  const double level = r.number("level");
  const double min_n = static_cast<double>(r.integer("min-n"));
  const auto seed = static_cast<std::uint64_t>(r.integer("seed"));
  const PeriodPositions before = positions(*m, sel, r.text("from"), "from", a, b, boot, seed);
  const PeriodPositions after = positions(*m, sel, r.text("to"), "to", a, b, boot, seed + 7919);

  GroupSpec only;
  const bool filtered = r.has("group");
  if (filtered) only = parse_group(r.text("group"), "group", ctx.user_groups(), 1);
  const std::vector<std::string> only_members = only.ever_members();  // states ever in the group
  const std::string& region_filter = r.text("region");

  Table t;
  t.columns = {"country", "from_position", "to_position", "change", "lo", "hi"};
  nlohmann::json states = nlohmann::json::array();
  std::map<std::string, std::vector<double>> by_region;
  int toward_a = 0, toward_b = 0, unclear = 0;
  const double alpha = (1.0 - level) / 2.0;
  const int n = m->countries();
  for (int c = 0; c < n; ++c) {
    if (std::count(a.members.begin(), a.members.end(), c) || std::count(b.members.begin(), b.members.end(), c))
      continue;
    const double x0 = before.point.position[c], x1 = after.point.position[c];
    if (!std::isfinite(x0) || !std::isfinite(x1)) continue;
    if (std::min({before.point.n_a[c], before.point.n_b[c], after.point.n_a[c], after.point.n_b[c]}) < min_n) continue;
    const std::string& iso3 = m->iso3(c);
    const registry::Country* country = registry::lookup(iso3);
    const std::string region = country && !country->region.empty() ? std::string(country->region) : "Other";
    if (filtered && std::find(only_members.begin(), only_members.end(), iso3) == only_members.end()) continue;
    if (!region_filter.empty() && ascii_lower(region) != ascii_lower(region_filter)) continue;
    std::vector<double> changes;
    changes.reserve(boot);
    for (int k = 0; k < boot; ++k) {
      const double d = after.replicates[static_cast<std::size_t>(k) * n + c] -
                       before.replicates[static_cast<std::size_t>(k) * n + c];
      if (std::isfinite(d)) changes.push_back(d);
    }
    const double lo = quantile(changes, alpha), hi = quantile(changes, 1.0 - alpha);
    const double change = x1 - x0;
    const char* moved = lo > 0 ? "toward B" : hi < 0 ? "toward A" : "no clear change";
    (lo > 0 ? toward_b : hi < 0 ? toward_a : unclear)++;
    t.add_row({iso3, x0, x1, change, lo, hi});
    by_region[region].push_back(change);
    states.push_back({{"country", iso3},
                      {"name", country ? std::string(country->name) : iso3},
                      {"region", region},
                      {"from_position", x0},
                      {"to_position", x1},
                      {"change", change},
                      {"lo", lo},
                      {"hi", hi},
                      {"moved", moved}});
  }
  // Largest moves toward B first.
  std::vector<std::size_t> order(t.rows.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    return std::get<double>(t.rows[x][3]) > std::get<double>(t.rows[y][3]);
  });
  std::vector<std::vector<Cell>> sorted;
  sorted.reserve(order.size());
  for (auto i : order) sorted.push_back(t.rows[i]);
  t.rows = std::move(sorted);
  nlohmann::json regions = nlohmann::json::object();
  for (auto& [region, values] : by_region) {
    double sum = 0;
    for (double v : values) sum += v;
    regions[region] = {{"states", values.size()},
                       {"mean_change", sum / static_cast<double>(values.size())},
                       {"median_change", quantile(values, 0.5)}};
  }
  t.meta = {
      {"poles", {{"a", a.label}, {"b", b.label}}},
      {"method",
       "position on the segment from pole A (0) to pole B (1), agreement distances; change = to - from; "
       "percentile interval from resampling roll calls within each period"},
      {"periods",
       {{"from",
         {{"years", before.label}, {"rollcalls", before.rollcalls}, {"poles_agreement", before.point.agree_ab}}},
        {"to", {{"years", after.label}, {"rollcalls", after.rollcalls}, {"poles_agreement", after.point.agree_ab}}}}},
      {"level", level},
      {"moved", {{"toward_a", toward_a}, {"toward_b", toward_b}, {"no_clear_change", unclear}}},
      {"by_region", regions},
      {"states", states}};
  if (t.rows.empty())
    t.meta["reason"] = before.rollcalls == 0 || after.rollcalls == 0
                           ? "no roll call in " + std::string(before.rollcalls == 0 ? "the from" : "the to") +
                                 " period (" + sel.describe() + ")"
                           : "no state voted at least min-n times with both poles in both periods";
  return t;
}

std::vector<ParamSpec> drift_selectors() {
  std::vector<ParamSpec> out;
  for (auto& p : selector_params({.by = ""}))
    if (p.name != "session" && p.name != "year" && p.name != "from" && p.name != "to") out.push_back(std::move(p));
  return out;
}

}  // namespace

ROSTRUM_ANALYSIS(drift) {
  return {
      .name = "drift",
      .summary = "Who moved between two periods: each state's change of position between two poles, with intervals",
      .description =
          "In each period every state's position between pole A (0) and pole B (1): the projection of its\n"
          "agreement distances to the poles on the segment between them, relative to the poles' own distance\n"
          "(docs/methods-blocs-shifts.md). change = to - from (> 0: toward B), with a percentile interval from\n"
          "resampling roll calls within each period (the same resample for every state); a state has moved when\n"
          "the interval excludes 0. Rows are sorted by change; the JSON adds names, regions, a summary by region\n"
          "and counts of states that moved toward each pole. Pole members are not listed. Agreement is Voeten's\n"
          "(unanimous roll calls dropped).",
      .examples = {"rostrum drift --poles USA,CHN+RUS --from 2010-2012 --to 2023-2025",
                   "rostrum drift --poles G7,CHN+RUS --from 2010-2012 --to 2019-2021 --region Africa",
                   "rostrum drift --poles USA,CHN --from 1985-1989 --to 1992-1996 --format json"},
      .params = params_of({
          {{.name = "poles",
            .type = ParamType::text,
            .help = "Two poles A,B; a pole is a country, a group or X+Y+Z",
            .fallback = std::string("USA,CHN+RUS"),
            .example = "USA,CHN+RUS"},
           {.name = "from",
            .type = ParamType::years,
            .help = "The earlier period: years (2010-2012, or a list)",
            .example = "2010-2012",
            .required = true},
           {.name = "to",
            .type = ParamType::years,
            .help = "The later period: years",
            .example = "2017-2019",
            .required = true},
           {.name = "group",
            .type = ParamType::countries,
            .help = "Only states of this group (G77, AU, ...) or list",
            .example = "G77"},
           {.name = "region",
            .type = ParamType::text,
            .help = "Only states of this UN M49 region (Africa, Americas, Asia, Europe, Oceania)",
            .example = "Africa"},
           {.name = "min-n",
            .type = ParamType::integer,
            .help = "Minimum joint votes with each pole in each period",
            .fallback = std::int64_t{20},
            .min = 1,
            .max = 100000,
            .example = "20"},
           {.name = "boot",
            .type = ParamType::integer,
            .help = "Bootstrap replicates per period",
            .fallback = std::int64_t{500},
            .min = 50,
            .max = 20000,
            .example = "500"},
           {.name = "level",
            .type = ParamType::number,
            .help = "Level of the intervals",
            .fallback = 0.95,
            .min = 0.5,
            .max = 0.999,
            .example = "0.9"},
           seed_param()},
          drift_selectors(),
      }),
      .columns = {{"country", ColumnType::text, "ISO3"},
                  {"from_position", ColumnType::number, "position in the earlier period (0 = pole A, 1 = pole B)"},
                  {"to_position", ColumnType::number, "position in the later period"},
                  {"change", ColumnType::number, "to_position - from_position (> 0: toward pole B)"},
                  {"lo", ColumnType::number, "lower bound of the change's interval", true},
                  {"hi", ColumnType::number, "upper bound of the change's interval", true}},
      .run = drift,
  };
}

}  // namespace rostrum::query
