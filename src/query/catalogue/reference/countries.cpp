// countries: the country registry (ids, codes, regions, successors).
#include "query/catalogue.hpp"
#include "registry/registry.hpp"

namespace rostrum::query {

ROSTRUM_ANALYSIS(countries) {
  return {
      .name = "countries",
      .summary = "The country registry: ids, ISO and COW codes, regions, successors",
      .description =
          "Canonical ids are ISO 3166 alpha-3 codes, or a project code for historic states (SUN, YUG, "
          "CSK, DDR, YAR, YMD, EAZ, ...); docs/registry.md.",
      .examples = {"rostrum countries", "rostrum countries --format csv"},
      .columns = {{"iso3", ColumnType::text, "canonical id"},
                  {"iso2", ColumnType::text, "ISO 3166 alpha-2"},
                  {"cow", ColumnType::integer, "Correlates of War code"},
                  {"cow_abbr", ColumnType::text, "COW abbreviation"},
                  {"m49", ColumnType::integer, "UN M49 numeric code"},
                  {"name", ColumnType::text, "display name"},
                  {"region", ColumnType::text, "UN M49 region"},
                  {"subregion", ColumnType::text, "UN M49 sub-region"},
                  {"historic", ColumnType::integer, "1 for a state that no longer exists"},
                  {"successors", ColumnType::text, "successor states"}},
      .run =
          [](Context&, const Request&) {
            Table t;
            t.columns = {"iso3", "iso2",   "cow",       "cow_abbr", "m49",
                         "name", "region", "subregion", "historic", "successors"};
            for (const auto& c : registry::countries())
              t.add_row({std::string(c.iso3), std::string(c.iso2), static_cast<std::int64_t>(c.cow),
                         std::string(c.cow_abbr), static_cast<std::int64_t>(c.m49), std::string(c.name),
                         std::string(c.region), std::string(c.subregion), static_cast<std::int64_t>(c.historic),
                         std::string(c.successors)});
            return t;
          },
  };
}

}  // namespace rostrum::query
