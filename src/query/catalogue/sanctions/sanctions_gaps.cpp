// sanctions gaps: entities one issuer lists and an ally does not, ranked.
#include "query/catalogue/sanctions/sanctions_common.hpp"

namespace rostrum::query {

ROSTRUM_ANALYSIS(sanctions_gaps) {
  return {
      .name = "sanctions/gaps",
      .summary = "Entities one issuer lists and an ally does not, ranked, with the evidence",
      .description =
          "Ranked by the number of links (OFAC 'Linked To') to entities the ally does list, then "
          "organisations, vessels and aircraft before persons, then the latest listing. Evidence: the "
          "linked entities and the ally's ids for them, other issuers listing the entity, the ally's "
          "delisting if any, the identifiers.",
      .examples = {"rostrum sanctions gaps --issuer US --ally EU --target RUS --limit 50"},
      .params = {{.name = "issuer",
                  .type = ParamType::text,
                  .help = "The issuer that lists",
                  .fallback = std::string("US"),
                  .example = "US"},
                 {.name = "ally",
                  .type = ParamType::text,
                  .help = "The ally that does not",
                  .fallback = std::string("EU"),
                  .example = "EU"},
                 sanctions_params::target(),
                 {.name = "limit",
                  .type = ParamType::integer,
                  .help = "At most this many rows (0: all)",
                  .fallback = std::int64_t{100},
                  .min = 0,
                  .example = "50"}},
      .columns = {{"rank", ColumnType::integer, "1 = the strongest case"},
                  {"id", ColumnType::text, "the issuer's id"},
                  {"name", ColumnType::text, "primary name"},
                  {"type", ColumnType::text, "person, organisation, vessel, aircraft"},
                  {"targets", ColumnType::text, "target states"},
                  {"programmes", ColumnType::text, "the issuer's programmes"},
                  {"listed", ColumnType::text, "first listing (or the day it is known listed by)", true},
                  {"links_to_ally_listed", ColumnType::integer, "linked entities the ally lists"},
                  {"linked", ColumnType::text, "those entities and the ally's ids"},
                  {"also_listed_by", ColumnType::text, "other issuers listing it"},
                  {"ally_delisted", ColumnType::text, "the ally's id and delisting date, when it delisted it", true},
                  {"identifiers", ColumnType::text, "strong identifiers"}},
      .run =
          [](Context& ctx, const Request& r) {
            sanctions::GapsRequest req;
            req.issuer = sanctions::parse_issuer(r.text("issuer"), "issuer");
            req.ally = sanctions::parse_issuer(r.text("ally"), "ally");
            req.target = sanctions_params::country(r, "target");
            req.limit = r.integer("limit");
            return sanctions::gaps_table(*sanctions::cached_universe(ctx.db_path()), req);
          },
  };
}

}  // namespace rostrum::query
