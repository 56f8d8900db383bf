// sanctions lag: who listed first, and the days between.
#include "query/catalogue/sanctions/sanctions_common.hpp"

namespace rostrum::query {

ROSTRUM_ANALYSIS(sanctions_lag) {
  return {
      .name = "sanctions/lag",
      .summary = "For entities two issuers list: who listed first and the days between",
      .description =
          "One row per entity both list with a known first listing date; days = b - a (positive: a "
          "first). US dates come from the OFAC SDN daily history (first snapshot holding the entry, "
          "2021-08-20 to 2024-05-03); entries already listed on 2021-08-18 are known only as 'on or "
          "before' and are counted apart (a_first_bound_only, undetermined). meta (JSON top level): "
          "pairs, a_first, b_first, same_day, median_days, quartiles_days, mean_days, histogram.",
      .examples = {"rostrum sanctions lag --a US --b EU --target RUS --format json",
                   "rostrum sanctions lag --a US --b EU --target RUS --from 2022-02-24 --to 2024-05-03"},
      .params = {{.name = "a",
                  .type = ParamType::text,
                  .help = "First issuer",
                  .fallback = std::string("US"),
                  .example = "US"},
                 {.name = "b",
                  .type = ParamType::text,
                  .help = "Second issuer",
                  .fallback = std::string("EU"),
                  .example = "EU"},
                 sanctions_params::target(),
                 {.name = "from",
                  .type = ParamType::date,
                  .help = "Keep entities first listed by either issuer on or after this date",
                  .example = "2021"},
                 {.name = "to", .type = ParamType::date, .help = "... and on or before this date", .example = "2024"}},
      .columns = {{"entity", ColumnType::integer, "entity id (this answer only)"},
                  {"a_id", ColumnType::text, "a's id"},
                  {"a_name", ColumnType::text, "a's name"},
                  {"a_listed", ColumnType::text, "a's first listing"},
                  {"b_id", ColumnType::text, "b's id"},
                  {"b_name", ColumnType::text, "b's name"},
                  {"b_listed", ColumnType::text, "b's first listing"},
                  {"days", ColumnType::integer, "b_listed - a_listed"},
                  {"first", ColumnType::text, "a, b or same"}},
      .run =
          [](Context& ctx, const Request& r) {
            sanctions::LagRequest req;
            req.a = sanctions::parse_issuer(r.text("a"), "a");
            req.b = sanctions::parse_issuer(r.text("b"), "b");
            req.target = sanctions_params::country(r, "target");
            req.from = sanctions_params::bound(r, "from", false);
            req.to = sanctions_params::bound(r, "to", true);
            return sanctions::lag_table(*sanctions::cached_universe(ctx.db_path()), req);
          },
  };
}

}  // namespace rostrum::query
