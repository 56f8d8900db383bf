// alliance-cohesion: a group's vote cohesion beside its within-group alliance
// density, per year. Method: src/query/alliance_queries.hpp,
// docs/methods-alliances.md.
#include "query/alliance_queries.hpp"
#include "query/catalogue.hpp"
#include "query/channel_support.hpp"

namespace rostrum::query {

namespace {

Table cohesion_vs_density(Context& ctx, const Request& r) {
  GroupAlignmentRequest req;
  req.source = r.text("source");
  req.group = r.text("group");
  req.from = support::year_param(r, "from");
  req.to = support::year_param(r, "to");
  req.null_replicates = r.integer32("null");
  req.seed = static_cast<std::uint64_t>(r.integer("seed"));
  return group_alignment(ctx, req);
}

}  // namespace

ROSTRUM_ANALYSIS(alliance_cohesion) {
  return {
      .name = "alliance-cohesion",
      .summary = "A group's vote cohesion against its within-group alliance density, by year",
      .description =
          "Per year: the group's GA cohesion (Hix-Noury-Roland AI over its members on each roll call, with a\n"
          "random-voting null), the mean pairwise agreement of its members, and the share of member pairs with a\n"
          "defence pledge and with any commitment (null in years no complete alliance source covers). Members by\n"
          "date: a built-in group's dates, or every state of a list CHN+RUS+PRK; RUS is SUN before 1992.",
      .examples = {"rostrum alliance-cohesion --group CRINK --from 1992",
                   "rostrum alliance-cohesion --group NATO --from 1990"},
      .params = params_of({{{.name = "group",
                             .type = ParamType::countries,
                             .help = "A group (CRINK, NATO, ...) or a list CHN+RUS+PRK",
                             .example = "CRINK",
                             .required = true},
                            null_replicates_param(),
                            seed_param("Random seed for the null"),
                            support::vote_source_param()},
                           support::year_range_params("the record's first year")}),
      .columns = {{"year", ColumnType::integer, "calendar year"},
                  {"group", ColumnType::text, "group"},
                  {"members", ColumnType::text, "members that year (ids by date)"},
                  {"cohesion", ColumnType::number, "mean AI over counted roll calls", true},
                  {"rollcalls", ColumnType::integer, "roll calls counted"},
                  {"null_mean", ColumnType::number, "mean AI under random voting", true},
                  {"null_lo", ColumnType::number, "2.5% quantile of the null", true},
                  {"null_hi", ColumnType::number, "97.5% quantile of the null", true},
                  {"mean_agree", ColumnType::number, "mean pairwise agreement (agree)", true},
                  {"defense_density", ColumnType::number, "share of member pairs with a defence pledge", true},
                  {"any_density", ColumnType::number, "share of member pairs with any commitment", true},
                  {"alliance_coverage", ColumnType::text, "complete, none, or no alliance data"}},
      .run = cohesion_vs_density,
  };
}

}  // namespace rostrum::query
