// sc-agreement: Security Council agreement of each pair of permanent members per
// year, with and without the vetoed drafts joined as failed roll calls.
#include "query/alliance_queries.hpp"
#include "query/catalogue.hpp"
#include "query/channel_support.hpp"

namespace rostrum::query {

namespace {

Table agreement(Context& ctx, const Request& r) {
  return sc_agreement(ctx, {r.text("source"), support::year_param(r, "from"), support::year_param(r, "to")});
}

}  // namespace

ROSTRUM_ANALYSIS(sc_agreement) {
  return {
      .name = "sc-agreement",
      .summary = "Security Council agreement of the five, with and without vetoed drafts",
      .description =
          "Per year and pair of permanent members (seats by date: TWN then CHN, SUN then RUS): agreement\n"
          "(1 - |vi - vj|/2, every roll call kept) on the SC record, and again with every vetoed draft joined as\n"
          "a failed roll call on which only the vetoing members' No is known -- the other members' votes are\n"
          "unknown, never filled in. vetoes_one_side counts drafts one of the pair vetoed while the other's vote\n"
          "is unknown, so the two figures can be read together.",
      .examples = {"rostrum sc-agreement --from 2007", "rostrum sc-agreement --from 1946 --to 1991 --format csv"},
      .params = params_of(
          {{support::vote_source_param("source", "SC")}, support::year_range_params("the record's first year")}),
      .columns = {{"year", ColumnType::integer, "calendar year"},
                  {"a", ColumnType::text, "permanent member (by date)"},
                  {"b", ColumnType::text, "permanent member (by date)"},
                  {"agree", ColumnType::number, "agreement on the SC record", true},
                  {"n", ColumnType::integer, "joint votes"},
                  {"agree_with_vetoes", ColumnType::number, "agreement with vetoed drafts joined", true},
                  {"n_with_vetoes", ColumnType::integer, "joint votes with vetoed drafts"},
                  {"vetoed_drafts", ColumnType::integer, "drafts vetoed that year"},
                  {"covetoes", ColumnType::integer, "drafts both vetoed"},
                  {"vetoes_one_side", ColumnType::integer, "drafts one of them vetoed (the other's vote unknown)"}},
      .run = agreement,
  };
}

}  // namespace rostrum::query
