// sanctions lists: the sanctions lists in the store.
#include "query/catalogue.hpp"
#include "sanctions/analyses.hpp"
#include "sanctions/store.hpp"

namespace rostrum::query {

ROSTRUM_ANALYSIS(sanctions_lists) {
  return {
      .name = "sanctions/lists",
      .summary = "The sanctions lists in the store: issuer, entries, snapshot date",
      .description =
          "One row per list (rostrum sanctions import). entries counts the entries listed on the list's "
          "as_of day; delisted counts the removals a dated history records. as_of_basis says where the "
          "date comes from: stated by the file, the latest listing it holds (a lower bound), or given "
          "at import. JSON: {\"lists\": [{issuer, name, entries, as_of, ...}], ...}. docs/sanctions.md.",
      .examples = {"rostrum sanctions lists", "rostrum sanctions lists --format json"},
      .columns = {{"issuer", ColumnType::text, "US, EU, UN, CN"},
                  {"list", ColumnType::text, "the list's key"},
                  {"name", ColumnType::text, "the list's name"},
                  {"format", ColumnType::text, "the file format it was read from"},
                  {"entries", ColumnType::integer, "entries listed on as_of"},
                  {"delisted", ColumnType::integer, "entries the list's history removed"},
                  {"as_of", ColumnType::text, "snapshot date", true},
                  {"as_of_basis", ColumnType::text, "stated, latest-listing or given", true},
                  {"imported_at", ColumnType::text, "when it was imported (UTC)"}},
      .run = [](Context& ctx,
                const Request&) { return sanctions::lists_table(sanctions::cached_universe(ctx.db_path())->data()); },
  };
}

}  // namespace rostrum::query
