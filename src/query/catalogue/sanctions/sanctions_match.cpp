// sanctions match: the same entries in two issuers' lists, with the evidence.
#include "query/catalogue/sanctions/sanctions_common.hpp"

namespace rostrum::query {

ROSTRUM_ANALYSIS(sanctions_match) {
  return {
      .name = "sanctions/match",
      .summary = "The same person, company, vessel or aircraft in two issuers' lists, with the evidence",
      .description =
          "Designations compared pairwise between the issuers given (in that order): strong identifiers "
          "first (IMO, INN/OGRN, SWIFT/BIC, LEI, passports, ...), then names transliterated and folded "
          "(ICU), scored with dates of birth, nationality and type. a_id is the issuer's own id (OFAC "
          "ent_num; EU celex:annex/recordId; UN reference number). Method, threshold and measured "
          "precision and recall: docs/sanctions.md.",
      .examples = {"rostrum sanctions match --issuers US,EU --format csv",
                   "rostrum sanctions match --issuers US,UN --target PRK"},
      .params = {sanctions_params::issuers("US,EU"),
                 {.name = "min-score",
                  .type = ParamType::number,
                  .help = "Lowest score shown (the threshold by default)",
                  .fallback = sanctions::kMatchThreshold,
                  .min = 0,
                  .max = 1,
                  .example = "0.9"},
                 sanctions_params::target("Only pairs where either entry targets this state (any form)"),
                 {.name = "limit",
                  .type = ParamType::integer,
                  .help = "At most this many rows (0: all)",
                  .fallback = std::int64_t{0},
                  .min = 0,
                  .example = "100"}},
      .columns = {{"a_issuer", ColumnType::text, "first issuer"},
                  {"a_id", ColumnType::text, "its id for the entry"},
                  {"a_name", ColumnType::text, "its primary name"},
                  {"b_issuer", ColumnType::text, "second issuer"},
                  {"b_id", ColumnType::text, "its id"},
                  {"b_name", ColumnType::text, "its primary name"},
                  {"score", ColumnType::number, "match score in [0, 1]"},
                  {"evidence", ColumnType::text, "the fields that agreed or differed"}},
      .run =
          [](Context& ctx, const Request& r) {
            sanctions::MatchRequest req;
            req.issuers = sanctions_params::issuer_list(r, "issuers");
            req.min_score = r.number("min-score");
            req.target = sanctions_params::country(r, "target");
            req.limit = r.integer("limit");
            return sanctions::match_table(*sanctions::cached_universe(ctx.db_path()), req);
          },
  };
}

}  // namespace rostrum::query
