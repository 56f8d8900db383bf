// agree: dyadic alignment -- agreement, coincidence, S, kappa, pi, A -- for any
// pairs of states and periods, with bootstrap intervals. Definitions and
// citations: docs/methods.md; the kernel: src/measures/dyads.hpp.
#include <algorithm>
#include <set>
#include <span>

#include "measures/dyads.hpp"
#include "query/budget.hpp"
#include "query/catalogue.hpp"
#include "query/selection.hpp"

namespace rostrum::query {

namespace {

struct Pairs {
  std::vector<std::pair<int, int>> list;
  bool any_all = false;
};

// a x b without self-pairs. A pair whose two states are both on each side (a and
// b overlap) is unordered: listed once, unless both orders are asked for.
Pairs make_pairs(const std::vector<int>& a, const std::vector<int>& b, bool both_orders) {
  Pairs out;
  std::set<std::pair<int, int>> seen;
  for (int i : a)
    for (int j : b) {
      if (i == j) continue;
      if (!both_orders && seen.count({j, i})) continue;
      if (seen.insert({i, j}).second) out.list.emplace_back(i, j);
    }
  return out;
}

// Streams its rows: all pairs x all sessions is 826,000 rows, which the bindings
// turn into column buffers as they come (the results are computed a few periods
// at a time, so neither the results nor a Table of them is ever held whole).
void agree(Context& ctx, const Request& r, RowSink& sink) {
  Selection sel = parse_selection(r);
  const auto measure = measures::parse_measure(r.text("measure"));
  const auto rule = measures::parse_coincidence_rule(r.text("rule"));
  auto m = ctx.matrix(sel.source, sel.body);
  const std::vector<Word> mask = measure_mask(*m, sel, measure, r.flag("keep-unanimous"));
  const auto a = parse_countries(*m, r.text("a"), "a", true, ctx.user_groups());
  const auto b = parse_countries(*m, r.text("b"), "b", true, ctx.user_groups());
  const bool a_all = r.text("a") == "all", b_all = r.text("b") == "all";
  const Pairs pairs = make_pairs(a, b, r.flag("both-orders"));

  measures::BootstrapOptions boot;
  const double ci = r.number("ci");
  if (ci > 0) {
    boot.level = ci;
    boot.replicates = r.integer32("boot");
    boot.seed = static_cast<std::uint64_t>(r.integer("seed"));
  }
  const auto periods = selected_periods(*m, sel, mask);
  std::vector<std::string> columns = {"a", "b", "period", "measure", "value", "n"};
  if (ci > 0) {
    columns.push_back("lo");
    columns.push_back("hi");
  }
  sink.set_columns(columns);
  sink.expect_rows(pairs.list.size() * periods.size());
  const std::string name(measures::measure_name(measure));
  // With "all" on a side, dyads that never voted together (not members at the
  // same time) are left out rather than listed with n = 0.
  const bool skip_empty = a_all || b_all;
  std::vector<Cell> row(columns.size());
  measures::compute_dyads_chunked(*m, pairs.list, periods, measure, rule, boot,
                                  [&](std::span<const measures::DyadResult> results) {
                                    for (const auto& res : results) {
                                      if (skip_empty && res.value.n == 0) continue;
                                      row[0] = m->iso3(res.a);
                                      row[1] = m->iso3(res.b);
                                      row[2] = periods[res.period].label;
                                      row[3] = name;
                                      row[4] = res.value.value;
                                      row[5] = res.value.n;
                                      if (ci > 0) {
                                        row[6] = res.lo;
                                        row[7] = res.hi;
                                      }
                                      sink.add_row(row);
                                    }
                                  });
  sink.meta = {{"measure", name}, {"periods", periods.size()}, {"pairs", pairs.list.size()}};
  if (sink.row_count() == 0) {
    const auto selected = std::count_if(mask.begin(), mask.end(), [](Word w) { return w != 0; });
    // Voeten's filter can empty a selection by itself (every vote unanimous).
    std::string why;
    if (periods.empty() || selected == 0)
      why = explain_empty(*m, sel);
    else if (pairs.list.empty())
      why = "no pair of two different states";
    else
      why = "the states never voted on the same roll calls in the selection (" + sel.describe() + ")";
    sink.meta["reason"] = why;
  }
}

}  // namespace

ROSTRUM_ANALYSIS(agree) {
  return {
      .name = "agree",
      .summary = "Dyadic alignment: agreement, coincidence, S, kappa, pi, A",
      .description =
          "One row per pair and period. Measures (docs/methods.md):\n"
          "  agree        Voeten: mean of 1 - |vi - vj|/2 over joint votes (unanimous roll calls dropped\n"
          "               unless --keep-unanimous)\n"
          "  coincidence  US State Department (--rule partial | votes-only | nonvoting-as-abstain);\n"
          "               final votes on whole resolutions only\n"
          "  s, s2        Signorino & Ritter S, absolute / squared distance, fixed dmax\n"
          "  kappa, pi    Haege (2011) chance-corrected, quadratic weights\n"
          "  a            S minus its expectation under independent marginals\n"
          "Sides take countries (ISO3, ISO2, COW codes, names such as 'Russia', 'DPRK'), groups (G7), ad-hoc\n"
          "groups (CHN+RUS) or all; all x all gives every unordered pair. With --ci the rows carry bootstrap\n"
          "percentile intervals (lo, hi) from resampling roll calls within each period.",
      .examples = {"rostrum agree --a USA --b all --year 2019 --measure coincidence",
                   "rostrum agree --a RUS --b USA --by year --ci 0.95", "rostrum agree --a USA --b RUS --session ES-11",
                   "rostrum agree --a all --b all --by session --format csv > dyads.csv"},
      .params = params_of({
          {{.name = "a",
            .type = ParamType::countries,
            .help = "First side: countries, a group, X+Y, or all",
            .example = "USA",
            .required = true},
           {.name = "b",
            .type = ParamType::countries,
            .help = "Second side: countries, a group, X+Y, or all",
            .example = "RUS,CHN",
            .required = true},
           {.name = "both-orders",
            .type = ParamType::boolean,
            .help = "When the sides overlap, list each pair in both orders (default: once)",
            .fallback = false}},
          measure_params(),
          selector_params({.by = "all"}),
          {{.name = "ci",
            .type = ParamType::number,
            .help = "Bootstrap percentile interval at this level (0.95); 0 = none",
            .fallback = 0.0,
            .min = 0,
            .max = 0.999,
            .example = "0.95"},
           {.name = "boot",
            .type = ParamType::integer,
            .help = "Bootstrap replicates (with --ci)",
            .fallback = std::int64_t{1000},
            .min = 10,
            .max = 100000,
            .example = "1000"},
           seed_param("Random seed for the bootstrap")},
      }),
      .columns = {{"a", ColumnType::text, "first state (ISO3)"},
                  {"b", ColumnType::text, "second state (ISO3)"},
                  {"period", ColumnType::text, "session, year or the selection's label"},
                  {"measure", ColumnType::text, "measure name"},
                  {"value", ColumnType::number, "the measure", true},
                  {"n", ColumnType::integer, "joint votes (roll calls both cast yes, abstain or no)"},
                  {"lo", ColumnType::number, "lower bound of the bootstrap interval (with ci)", true},
                  {"hi", ColumnType::number, "upper bound of the bootstrap interval (with ci)", true}},
      .run = collect_rows(agree),
      .stream = agree,
      .work = [](Context& c, const Request& r) { return estimate_agree(c, r).seconds; },
  };
}

}  // namespace rostrum::query
