// sanctions counter: who China lists, by country and sector.
#include "query/catalogue/sanctions/sanctions_common.hpp"

namespace rostrum::query {

ROSTRUM_ANALYSIS(sanctions_counter) {
  return {
      .name = "sanctions/counter",
      .summary = "Who China lists, by country and sector, next to who lists China's partners",
      .description =
          "China's counter-sanctions and export-control listings by the listed party's country: counts "
          "by type and sector (rules in docs/sanctions.md), and for a country whose own sanctions list "
          "is in the store (the US; an EU member state on China's list date, dated membership) how many "
          "designations that issuer lists now against China's partners (RUS, PRK, IRN) and China.",
      .examples = {"rostrum sanctions counter", "rostrum sanctions counter --from 2024"},
      .params = {{.name = "from", .type = ParamType::date, .help = "China's listings on or after", .example = "2021"},
                 {.name = "to", .type = ParamType::date, .help = "... and on or before", .example = "2025"}},
      .columns = {{"country", ColumnType::text, "ISO3 of the listed party's country", true},
                  {"country_name", ColumnType::text, "its name"},
                  {"entries", ColumnType::integer, "China's listings"},
                  {"persons", ColumnType::integer, "of which persons"},
                  {"organisations", ColumnType::integer, "of which companies and organisations"},
                  {"first_listed", ColumnType::text, "first listing", true},
                  {"last_listed", ColumnType::text, "latest listing", true},
                  {"defence", ColumnType::integer, "sector: defence industry (export-control lists included)"},
                  {"politics", ColumnType::integer, "sector: politics and government"},
                  {"civil_society", ColumnType::integer, "sector: civil society, media and research"},
                  {"business", ColumnType::integer, "sector: other companies"},
                  {"other_persons", ColumnType::integer, "sector: other persons"},
                  {"other_organisations", ColumnType::integer, "sector: other organisations"},
                  {"issuer", ColumnType::text, "the country's sanctions issuer in the store", true},
                  {"issuer_lists_RUS", ColumnType::integer, "its designations listed now that target Russia", true},
                  {"issuer_lists_PRK", ColumnType::integer, "... North Korea", true},
                  {"issuer_lists_IRN", ColumnType::integer, "... Iran", true},
                  {"issuer_lists_CHN", ColumnType::integer, "... China", true}},
      .run =
          [](Context& ctx, const Request& r) {
            sanctions::CounterRequest req;
            req.from = sanctions_params::bound(r, "from", false);
            req.to = sanctions_params::bound(r, "to", true);
            return sanctions::counter_table(*sanctions::cached_universe(ctx.db_path()), req);
          },
  };
}

}  // namespace rostrum::query
