// poles: where every state leans between two poles (countries, groups or X+Y+Z
// lists): agreement with each pole per period, the margin and the nearer pole.
// Method: src/blocs/polarization.hpp, docs/methods-blocs-shifts.md.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "blocs/polarization.hpp"
#include "core/error.hpp"
#include "matrix/vote_matrix.hpp"
#include "measures/dyads.hpp"
#include "measures/poles.hpp"
#include "query/budget.hpp"
#include "query/catalogue.hpp"
#include "query/selection.hpp"
#include "registry/registry.hpp"

namespace rostrum::query {

namespace {

Table poles_analysis(Context& ctx, const Request& r) {
  Selection sel = parse_selection(r);
  auto measure = measures::parse_measure(r.text("measure"));
  auto rule = measures::parse_coincidence_rule(r.text("rule"));
  const int min_n = r.integer32("min-n");
  // A tie band by default for the position (the middle fifth of the segment names
  // neither pole), none for the raw margin.
  const bool projection_method = r.text("method") == "projection";
  const double tie = r.has("tie") ? r.number("tie") : projection_method ? 0.1 : 0.0;
  auto m = ctx.matrix(sel.source, sel.body);
  const auto [a, b] = parse_poles(*m, r.text("poles"), "poles", ctx.user_groups());
  auto mask = measure_mask(*m, sel, measure, r.flag("keep-unanimous"));
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
  // The poles' own agreement, pooled over their members' pairs.
  std::vector<std::pair<int, int>> between;
  for (int x : a.members)
    for (int y : b.members)
      if (x != y) between.emplace_back(x, y);
  const auto pole_pairs = measures::compute_dyads(*m, between, periods, measure, rule);
  const bool by_projection = projection_method;

  Table t;
  t.columns = {"period", "country", "name", "region", "role",     "to_a",
               "n_a",    "to_b",    "n_b",  "margin", "position", "nearer"};
  nlohmann::json poles_agreement = nlohmann::json::array();
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
    double kab = 0, nab = 0;
    for (std::size_t k = 0; k < between.size(); ++k) {
      const auto& res = pole_pairs[pi * between.size() + k];
      if (res.value.n <= 0 || !std::isfinite(res.value.value)) continue;
      kab += res.value.value * static_cast<double>(res.value.n);
      nab += static_cast<double>(res.value.n);
    }
    const double agree_ab = nab > 0 ? kab / nab : std::nan("");
    poles_agreement.push_back({{"period", periods[pi].label}, {"agreement", agree_ab}, {"n", nab}});
    auto leans = blocs::lean_by_agreement(states, to_a, to_b, tie);
    std::vector<double> position(leans.size(), std::nan(""));
    for (std::size_t k = 0; k < leans.size(); ++k) {
      position[k] = measures::projection_on_poles(to_a[k], to_b[k], agree_ab);
      if (!by_projection) continue;
      // Nearer by position: below the midpoint (within the tie band) A, above it B.
      const double x = position[k];
      leans[k].nearer = !std::isfinite(x)           ? blocs::Pole::unknown
                        : std::fabs(x - 0.5) <= tie ? blocs::Pole::tie
                        : x < 0.5                   ? blocs::Pole::a
                                                    : blocs::Pole::b;
    }
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
        case blocs::Pole::a:
          nearer = a.label;
          break;
        case blocs::Pole::b:
          nearer = b.label;
          break;
        case blocs::Pole::tie:
          nearer = "tie";
          break;
        case blocs::Pole::unknown:
          break;
      }
      auto cell = [](double v) -> Cell { return std::isfinite(v) ? Cell(v) : Cell(); };
      t.add_row({periods[pi].label, m->iso3(c), name, region, role, cell(leans[s].to_a), na[c], cell(leans[s].to_b),
                 nb[c], cell(leans[s].margin), cell(position[s]), nearer.empty() ? Cell() : Cell(nearer)});
      if (!role.empty()) continue;
      auto& reg = by_region[region];
      switch (leans[s].nearer) {
        case blocs::Pole::a:
          ++count_a;
          ++reg[0];
          break;
        case blocs::Pole::b:
          ++count_b;
          ++reg[1];
          break;
        case blocs::Pole::tie:
          ++count_tie;
          ++reg[2];
          break;
        case blocs::Pole::unknown:
          ++count_unknown;
          break;
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
  if (t.rows.empty()) {
    const std::string why = explain_empty(*m, sel);
    t.meta["reason"] = why.empty() ? "no state cast at least min-n votes in the selection" : why;
  }
  nlohmann::json reason = t.meta.value("reason", nlohmann::json());
  t.meta = {{"method", by_projection ? "projection: nearer by position on the segment from pole A (0) to pole B (1)"
                                     : "margin: nearer by agreement with A minus agreement with B"},
            {"poles_agreement", poles_agreement},
            {"measure", std::string(measures::measure_name(measure))},
            {"poles", {{"a", {{"label", a.label}, {"members", am}}}, {"b", {{"label", b.label}, {"members", bm}}}}},
            {"min_n", min_n},
            {"summary", summary}};
  if (!reason.is_null()) t.meta["reason"] = reason;
  return t;
}

}  // namespace

ROSTRUM_ANALYSIS(poles) {
  return {
      .name = "poles",
      .summary = "Where states lean: agreement with two poles and the nearer one",
      .description =
          "For every state with --min-n votes in a period: its agreement with pole A and pole B (a pole is a\n"
          "country, a group such as G7, or a list X+Y+Z, pooled over its members), margin = to_a - to_b, and\n"
          "position: where the state projects on the segment from A (0) to B (1) given the poles' own distance\n"
          "(distances 1 - agreement; docs/methods-blocs-shifts.md). Both order the states the same way; the\n"
          "position is on the poles' own scale, so its tie band (--tie, default 0.1: the middle fifth of the\n"
          "segment names neither pole) means the same whatever the poles. --method projection (default) names\n"
          "the nearer pole by position, --method margin by the raw margin (no tie band unless --tie). The JSON\n"
          "meta names the method, gives the poles' agreement per period and counts leans per region.",
      .examples = {"rostrum poles --year 2019", "rostrum poles --poles USA,RUS --by year --from 1990",
                   "rostrum poles --poles CHN+RUS+PRK,G7 --year 2015-2019 --format csv"},
      .params = params_of({
          {{.name = "poles",
            .type = ParamType::text,
            .help = "Two poles A,B; a pole is a country, a group or X+Y+Z",
            .fallback = std::string("USA,CHN"),
            .example = "USA,CHN+RUS"}},
          measure_params(),
          {{.name = "min-n",
            .type = ParamType::integer,
            .help = "Minimum joint votes",
            .fallback = std::int64_t{10},
            .min = 1,
            .max = 100000,
            .example = "10"},
           {.name = "method",
            .type = ParamType::choice,
            .help = "How the nearer pole is named: projection (position on the A-B segment) or margin",
            .fallback = std::string("projection"),
            .choices = {"projection", "margin"}},
           {.name = "tie",
            .type = ParamType::number,
            .help = "Tie band: neither pole is nearer when |position - 0.5| (projection; default 0.1) or |margin| "
                    "(margin; default 0) is at most this",
            .min = 0,
            .max = 1,
            .example = "0.05"}},
          selector_params({.by = "all"}),
      }),
      .columns = {{"period", ColumnType::text, "period label"},
                  {"country", ColumnType::text, "ISO3"},
                  {"name", ColumnType::text, "country name"},
                  {"region", ColumnType::text, "UN M49 region"},
                  {"role", ColumnType::text, "pole_a / pole_b for the poles' own members"},
                  {"to_a", ColumnType::number, "agreement with pole A", true},
                  {"n_a", ColumnType::integer, "joint votes with pole A"},
                  {"to_b", ColumnType::number, "agreement with pole B", true},
                  {"n_b", ColumnType::integer, "joint votes with pole B"},
                  {"margin", ColumnType::number, "to_a - to_b", true},
                  {"position", ColumnType::number, "projection on the segment from pole A (0) to pole B (1)", true},
                  {"nearer", ColumnType::text, "the nearer pole, tie, or null", true}},
      .run = poles_analysis,
      .work = [](Context& c, const Request& r) { return estimate_poles(c, r).seconds; },
  };
}

}  // namespace rostrum::query
