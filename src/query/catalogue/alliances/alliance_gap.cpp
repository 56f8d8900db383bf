// alliance-gap: voting alignment against formal commitments per dyad-year --
// "aligned without alliance" and "allied without alignment". Method:
// src/query/alliance_queries.hpp, docs/methods-alliances.md.
#include "core/error.hpp"
#include "query/alliance_queries.hpp"
#include "query/catalogue.hpp"
#include "query/channel_support.hpp"
#include "query/selection.hpp"

namespace rostrum::query {

namespace {

Table gap(Context& ctx, const Request& r) {
  AllianceGapRequest req;
  req.source = r.text("source");
  req.from = support::year_param(r, "from");
  req.to = support::year_param(r, "to");
  if (r.has("year")) {
    const auto spans = parse_year_list(r.text("year"), "year");
    if (spans.size() != 1) throw ParameterError("year", "one year or one range (2018, 2000-2018)");
    req.from = date_year(spans[0].first);
    req.to = date_year(spans[0].second);
  }
  req.focus = r.text("focus");
  req.pairs = r.text("pairs");
  req.table = r.text("table");
  req.high = r.number("high");
  req.low = r.number("low");
  req.min_n = r.integer32("min-n");
  return alliance_gap(ctx, req);
}

}  // namespace

ROSTRUM_ANALYSIS(alliance_gap) {
  return {
      .name = "alliance-gap",
      .summary = "Voting alignment against formal commitments: aligned without alliance, allied without alignment",
      .description =
          "Per year and dyad: GA agreement (Voeten's agree on the default record read by seat dates, unanimous\n"
          "roll calls dropped, at least --min-n joint votes), its mid-rank among all dyads of the year\n"
          "(agree_quantile), the ideal-point distance of the latest saved run, and the alliance data's defence\n"
          "pledge. 'aligned without alliance': agree_quantile >= --high and no defence pledge; 'allied without\n"
          "alignment': a defence pledge and agree_quantile <= --low. Years no alliance source covers have a null\n"
          "defense and no category. --table gaps (default) keeps the two gaps; all keeps every dyad (the default\n"
          "with --focus, whose pairs are those within the focus for two or more states).",
      .examples = {"rostrum alliance-gap --year 2018 --focus CHN,RUS,PRK",
                   "rostrum alliance-gap --year 2000-2018 --table allied-without-alignment --format csv"},
      .params = params_of(
          {{{.name = "year",
             .type = ParamType::years,
             .help = "A year or one range (overrides from/to)",
             .example = "2018"},
            {.name = "focus",
             .type = ParamType::countries,
             .help = "Countries and groups whose dyads to show",
             .example = "CHN,RUS,PRK"},
            {.name = "pairs",
             .type = ParamType::choice,
             .help = "within: both states in the focus (default for 2+ states); any: one of them",
             .choices = {"within", "any"}},
            {.name = "table",
             .type = ParamType::choice,
             .help = "Which dyads to list (default gaps; all with a focus)",
             .choices = {"gaps", "aligned-without-alliance", "allied-without-alignment", "all"}},
            support::agreement_quantile_param("high", "Agreement quantile at or above which a dyad is aligned", 0.75),
            support::agreement_quantile_param("low", "Agreement quantile at or below which a dyad is not aligned",
                                              0.25),
            support::min_joint_votes_param(),
            support::vote_source_param()},
           support::year_range_params("the record's first year")}),
      .columns = {{"year", ColumnType::integer, "calendar year"},
                  {"a", ColumnType::text, "ISO3 by date"},
                  {"b", ColumnType::text, "ISO3 by date"},
                  {"agree", ColumnType::number, "GA agreement"},
                  {"n", ColumnType::integer, "joint votes"},
                  {"agree_quantile", ColumnType::number, "mid-rank of agree among the year's dyads"},
                  {"ideal_distance", ColumnType::number, "|ideal_a - ideal_b| of the latest saved run", true},
                  {"defense", ColumnType::integer, "1 / 0: a defence pledge in either direction", true},
                  {"commitments", ColumnType::text, "every obligation type between them", true},
                  {"category", ColumnType::text, "aligned without alliance, allied without alignment, or empty"}},
      .run = gap,
  };
}

}  // namespace rostrum::query
