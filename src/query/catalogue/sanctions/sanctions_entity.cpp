// sanctions entity: every list, name, id, date and match evidence for a name.
#include "query/catalogue/sanctions/sanctions_common.hpp"

namespace rostrum::query {

ROSTRUM_ANALYSIS(sanctions_entity) {
  return {
      .name = "sanctions/entity",
      .summary = "Every list, name variant, identifier, date and match evidence for a name",
      .description =
          "Finds the designations whose names hold every word of NAME (any script; close spellings "
          "count), then the designations of other lists that match them. JSON: {\"entries\": [{issuer, "
          "id, name, lists, names, identifiers, events, match}], ...}.",
      .examples = {"rostrum sanctions entity Sovcomflot", "rostrum sanctions entity \"Совкомфлот\" --format json"},
      .params = {{.name = "name",
                  .type = ParamType::text,
                  .help = "A name (any script)",
                  .example = "Sovcomflot",
                  .required = true,
                  .positional = true},
                 {.name = "limit",
                  .type = ParamType::integer,
                  .help = "At most this many entities",
                  .fallback = std::int64_t{20},
                  .min = 1,
                  .max = 1000,
                  .example = "5"}},
      .columns = {{"entity", ColumnType::integer, "entity number in this answer"},
                  {"issuer", ColumnType::text, "US, EU, UN, CN"},
                  {"list", ColumnType::text, "the lists holding the designation"},
                  {"id", ColumnType::text, "the issuer's id"},
                  {"type", ColumnType::text, "person, organisation, vessel, aircraft"},
                  {"name", ColumnType::text, "primary name"},
                  {"names", ColumnType::text, "every name variant"},
                  {"identifiers", ColumnType::text, "strong identifiers"},
                  {"listed", ColumnType::text, "first listing", true},
                  {"delisted", ColumnType::text, "delisting", true},
                  {"programmes", ColumnType::text, "programmes"},
                  {"targets", ColumnType::text, "target states"},
                  {"match_score", ColumnType::number, "score of the match that joined it", true},
                  {"match_evidence", ColumnType::text, "the evidence of that match"}},
      .run =
          [](Context& ctx, const Request& r) {
            sanctions::EntityRequest req;
            req.name = r.text("name");
            req.limit = r.integer("limit");
            return sanctions::entity_table(*sanctions::cached_universe(ctx.db_path()), req);
          },
  };
}

}  // namespace rostrum::query
