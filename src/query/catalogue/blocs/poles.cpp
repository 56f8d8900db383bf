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
#include "query/catalogue.hpp"
#include "query/selection.hpp"
#include "registry/registry.hpp"

namespace rostrum::query {

namespace {

struct Pole {
  std::string label;
  std::vector<int> members;  // matrix indices
};

// "USA" / "G7" / "CHN+RUS+PRK": a country, a group (ever-members) or a '+' list.
Pole parse_pole(const VoteMatrix& m, const std::string& spec, const std::vector<registry::Group>& user_groups) {
  Pole pole;
  pole.label = spec;
  std::size_t start = 0;
  while (start <= spec.size()) {
    std::size_t plus = spec.find('+', start);
    std::string one = spec.substr(start, plus == std::string::npos ? std::string::npos : plus - start);
    while (!one.empty() && one.front() == ' ') one.erase(one.begin());
    while (!one.empty() && one.back() == ' ') one.pop_back();
    if (!one.empty()) {
      for (int c : parse_countries(m, one, "poles", false, user_groups))
        if (std::find(pole.members.begin(), pole.members.end(), c) == pole.members.end()) pole.members.push_back(c);
    }
    if (plus == std::string::npos) break;
    start = plus + 1;
  }
  if (pole.members.empty()) throw ParameterError("poles", "empty pole in '" + spec + "'");
  if (pole.members.size() == 1) pole.label = m.iso3(pole.members[0]);
  return pole;
}

Table poles_analysis(Context& ctx, const Request& r) {
  Selection sel = parse_selection(r);
  auto measure = measures::parse_measure(r.text("measure"));
  auto rule = measures::parse_coincidence_rule(r.text("rule"));
  const int min_n = r.integer32("min-n");
  const double tie = r.number("tie");
  auto m = ctx.matrix(sel.source, sel.body);
  const std::string& spec = r.text("poles");
  auto comma = spec.find(',');
  if (comma == std::string::npos || spec.find(',', comma + 1) != std::string::npos)
    throw ParameterError("poles", "expected two poles 'A,B' (each a country, a group or X+Y+Z), got '" + spec +
                     "'");
  Pole a = parse_pole(*m, spec.substr(0, comma), ctx.user_groups()), b = parse_pole(*m, spec.substr(comma + 1), ctx.user_groups());
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

}  // namespace

ROSTRUM_ANALYSIS(poles) {
  return {
      .name = "poles",
      .summary = "Where states lean: agreement with two poles and the nearer one",
      .description =
          "For every state with --min-n votes in a period: its agreement with pole A and pole B (a pole is a\n"
          "country, a group such as G7, or a list X+Y+Z, pooled over its members), margin = to_a - to_b and\n"
          "the nearer pole. The JSON meta counts leans per region.",
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
           {.name = "tie",
            .type = ParamType::number,
            .help = "|margin| at most this is a tie",
            .fallback = 0.0,
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
                  {"nearer", ColumnType::text, "the nearer pole, tie, or null", true}},
      .run = poles_analysis,
  };
}

}  // namespace rostrum::query
