// alliances: a pair's formal commitments by year (ATOP types, in either
// direction), or the density of each type within a group. Data and dating:
// src/alliances/alliances.hpp, docs/alliances.md.
#include "alliances/timeline.hpp"
#include "core/error.hpp"
#include "query/catalogue.hpp"
#include "query/channel_support.hpp"
#include "store/store.hpp"

namespace rostrum::query {

namespace {

Table alliances_analysis(Context& ctx, const Request& r) {
  const int from = support::year_param(r, "from"), to = support::year_param(r, "to");
  auto store = store::Store::open(ctx.db_path(), false, true);
  if (r.has("group")) {
    if (r.has("a") || r.has("b")) throw ParameterError("group", "give either a and b, or a group");
    const auto group = alliances::resolve_group(r.text("group"), "group", ctx.user_groups());
    std::vector<const alliances::StateLine*> lines;
    for (const auto& l : group.lines) lines.push_back(&l);
    const auto data = alliances::load_alliances(store, support::line_ids(lines));
    return alliances::group_density(data, {r.text("group"), from, to, ctx.user_groups()});
  }
  if (!r.has("a")) throw ParameterError("a", "required (with b), or give a group");
  if (!r.has("b")) throw ParameterError("b", "required (with a)");
  const auto a = alliances::resolve_state(r.text("a"), "a"), b = alliances::resolve_state(r.text("b"), "b");
  const auto data = alliances::load_alliances(store, support::line_ids({&a, &b}));
  return alliances::pair_timeline(data, {r.text("a"), r.text("b"), from, to});
}

}  // namespace

ROSTRUM_ANALYSIS(alliances) {
  return {
      .name = "alliances",
      .summary = "Formal alliance commitments of a pair by year, or their density within a group",
      .description =
          "ATOP's obligation types (defense, offense, neutral, nonagg, consul) between two states in either\n"
          "direction, per year, from every imported source: ATOP 5.1 (complete for 1815-2018: 0 is a known 0)\n"
          "and treaty files (data/treaties.csv and yours: only what a treaty says; other types null). States\n"
          "are read by date along their line (RUS is SUN in 1923-1991). With --group: per year, the share of\n"
          "member pairs bound by each type (columns year, group, members, pairs, defense, offense, neutral,\n"
          "nonagg, consul, any, coverage). JSON: {\"years\": [...], \"sources\": [...]}.\n"
          "Import first: rostrum alliances import FILE... (docs/alliances.md).",
      .examples = {"rostrum alliances import ../shared/data/alliances/atop_dyad_year.csv.gz data/treaties.csv",
                   "rostrum alliances --a CHN --b PRK --format json", "rostrum alliances --group CRINK --from 1990"},
      .params = params_of({{{.name = "a", .type = ParamType::countries, .help = "First state", .example = "CHN"},
                            {.name = "b", .type = ParamType::countries, .help = "Second state", .example = "PRK"},
                            {.name = "group",
                             .type = ParamType::countries,
                             .help = "Instead of a and b: a group (CRINK, NATO, ...) or a list CHN+RUS+PRK",
                             .example = "CRINK"}},
                           support::year_range_params("the first year both states are in the state system")}),
      .columns = {{"year", ColumnType::integer, "calendar year"},
                  {"a", ColumnType::text, "the id holding a's line that year (SUN for RUS in 1980)"},
                  {"b", ColumnType::text, "the id holding b's line that year"},
                  {"defense", ColumnType::integer, "1 / 0: a defence pledge in either direction", true},
                  {"offense", ColumnType::integer, "1 / 0: an offence pledge", true},
                  {"neutral", ColumnType::integer, "1 / 0: a neutrality pledge", true},
                  {"nonagg", ColumnType::integer, "1 / 0: a non-aggression pledge", true},
                  {"consul", ColumnType::integer, "1 / 0: a consultation pledge", true},
                  {"coverage", ColumnType::text, "complete (a complete source covers the year), treaties, or none"},
                  {"treaties", ColumnType::text, "treaty-file commitments in force between the two"}},
      .run = alliances_analysis,
      .json_document = support::years_document,
  };
}

}  // namespace rostrum::query
