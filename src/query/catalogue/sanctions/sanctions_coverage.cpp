// sanctions coverage: who lists how many entities per target, shared, Jaccard.
#include "query/catalogue/sanctions/sanctions_common.hpp"

namespace rostrum::query {

ROSTRUM_ANALYSIS(sanctions_coverage) {
  return {
      .name = "sanctions/coverage",
      .summary = "Per target state: the entities each issuer lists, those all list, the union and Jaccard",
      .description =
          "Entities are designations joined by matching (docs/sanctions.md), counted once however many "
          "lists or regulations hold them. One row per group and issuer: --by target (listed now), --by "
          "year (listed on 31 December of each year, from the listing and delisting dates; undated "
          "designations are left out and counted in meta) or --by programme (the entities an issuer "
          "lists under a programme, and how many of them each other issuer lists). The lists are snapshots of "
          "different dates (rostrum sanctions lists).",
      .examples = {"rostrum sanctions coverage --issuers US,EU,UN --target RUS,IRN,PRK",
                   "rostrum sanctions coverage --issuers US,EU --by year --target RUS --from 2021 --to 2024",
                   "rostrum sanctions coverage --issuers US,EU --by programme --target RUS"},
      .params = {sanctions_params::issuers("US,EU,UN"),
                 {.name = "by",
                  .type = ParamType::choice,
                  .help = "Rows per target, per year or per programme",
                  .fallback = std::string("target"),
                  .choices = {"target", "programme", "year"},
                  .example = "year"},
                 {.name = "target",
                  .type = ParamType::text,
                  .help = "Target states, comma-separated (any form)",
                  .example = "RUS,IRN"},
                 {.name = "from", .type = ParamType::date, .help = "First year (--by year)", .example = "2021"},
                 {.name = "to", .type = ParamType::date, .help = "Last year (--by year)", .example = "2024"}},
      .columns = {{"group", ColumnType::text,
                   "a target (ISO3; (all) for every target) or, by programme, the programme"},
                  {"group_name", ColumnType::text, "its name"},
                  {"period", ColumnType::text, "by year: the year (listed on 31 December)", true},
                  {"issuer", ColumnType::text, "the issuer this row counts"},
                  {"entities", ColumnType::integer, "entities of the group the issuer lists"},
                  {"only", ColumnType::integer, "of which no other issuer of the set lists"},
                  {"shared", ColumnType::integer, "entities of the group every issuer of the set lists"},
                  {"union", ColumnType::integer, "entities of the group any issuer of the set lists"},
                  {"jaccard", ColumnType::number, "shared / union", true}},
      .run =
          [](Context& ctx, const Request& r) {
            sanctions::CoverageRequest req;
            req.issuers = sanctions_params::issuer_list(r, "issuers");
            req.by = r.text("by");
            for (const auto& item : split_list(r.text("target")))
              req.targets.push_back(sanctions::parse_country(item, "target"));
            req.from_year = date_year(sanctions_params::bound(r, "from", false));
            req.to_year = date_year(sanctions_params::bound(r, "to", true));
            return sanctions::coverage_table(*sanctions::cached_universe(ctx.db_path()), req);
          },
  };
}

}  // namespace rostrum::query
