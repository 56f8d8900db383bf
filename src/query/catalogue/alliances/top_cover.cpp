// top-cover: vetoes of drafts concerning an ally or a voting-aligned partner of
// the vetoing state. Definition: src/query/alliance_queries.hpp,
// docs/methods-alliances.md.
#include "query/alliance_queries.hpp"
#include "query/catalogue.hpp"
#include "query/channel_support.hpp"

namespace rostrum::query {

namespace {

Table cover(Context& ctx, const Request& r) {
  return top_cover(ctx, {r.text("source"), support::year_param(r, "from"), support::year_param(r, "to"),
                         r.text("member"), r.number("aligned"), r.integer32("min-n"), r.number("opposed")});
}

}  // namespace

ROSTRUM_ANALYSIS(top_cover) {
  return {
      .name = "top-cover",
      .summary = "Vetoes of drafts concerning an ally or a voting-aligned partner of the vetoer",
      .description =
          "One row per veto, vetoing state and state the draft concerns (the file's target column, else the\n"
          "states its crisis topic names; docs/vetoes.md). ally: any alliance commitment between vetoer and\n"
          "subject that year (null where no alliance source covers the year). aligned / opposed: the subject's\n"
          "GA agreement with the vetoer ranks at or above --aligned / at or below --opposed among the vetoer's\n"
          "dyads that year. A partner is an ally that is not opposed, or an aligned state (an alliance on paper\n"
          "with a state voting against the vetoer -- Ukraine after 2014 -- is no partnership). top_cover: 1 for\n"
          "a partner, 0 when known not to be one or when the vetoer is itself the subject, null when unknown.",
      .examples = {"rostrum top-cover --member RUS", "rostrum top-cover --from 2007 --format csv"},
      .params =
          params_of({{{.name = "member",
                       .type = ParamType::countries,
                       .help = "Only vetoes by this permanent member (a seat: RUS includes SUN)",
                       .example = "RUS"},
                      support::agreement_quantile_param("aligned",
                                                        "Agreement quantile that makes a voting-aligned partner", 0.75),
                      support::agreement_quantile_param(
                          "opposed", "Agreement quantile at or below which an ally votes against the vetoer", 0.25),
                      support::min_joint_votes_param(),
                      support::vote_source_param()},
                     support::year_range_params("the first veto")}),
      .columns = {{"date", ColumnType::text, "date of the veto"},
                  {"draft", ColumnType::text, "draft symbol"},
                  {"topic", ColumnType::text, "the file's crisis topic"},
                  {"vetoer", ColumnType::text, "vetoing state (by date)"},
                  {"subject", ColumnType::text, "a state the draft concerns"},
                  {"subject_basis", ColumnType::text, "target column or topic"},
                  {"ally", ColumnType::integer, "1 / 0: any alliance commitment that year", true},
                  {"alliance_types", ColumnType::text, "obligation types between them", true},
                  {"ga_agree", ColumnType::number, "GA agreement that year", true},
                  {"ga_n", ColumnType::integer, "joint votes", true},
                  {"agree_quantile", ColumnType::number, "mid-rank among the vetoer's dyads", true},
                  {"aligned", ColumnType::integer, "1 / 0: agree_quantile >= aligned", true},
                  {"opposed", ColumnType::integer, "1 / 0: agree_quantile <= opposed", true},
                  {"top_cover", ColumnType::integer, "1 / 0, null when unknown", true},
                  {"self", ColumnType::integer, "1: the vetoer is a subject of the draft"}},
      .run = cover,
  };
}

}  // namespace rostrum::query
