// info: what the store holds -- sources, bodies, roll calls, votes, dates.
#include "query/catalogue.hpp"
#include "store/store.hpp"

namespace rostrum::query {

namespace {

Table info(Context& ctx, const Request&) {
  auto store = store::Store::open(ctx.db_path(), false, true);
  Table t;
  t.columns = {"name", "format", "body", "rollcalls", "yes", "no", "abstain", "nonvoting", "first_date", "last_date"};
  nlohmann::json sources = nlohmann::json::array();
  for (const auto& s : store.sources()) {
    t.add_row({s.name, s.format, s.body, s.rollcalls, s.yes, s.no, s.abstain, s.nonvoting, s.first_date, s.last_date});
    sources.push_back({{"name", s.name},
                       {"format", s.format},
                       {"body", s.body},
                       {"rollcalls", s.rollcalls},
                       {"votes", {{"yes", s.yes}, {"no", s.no}, {"abstain", s.abstain}, {"nonvoting", s.nonvoting}}},
                       {"first_date", s.first_date},
                       {"last_date", s.last_date},
                       {"imported_at", s.imported_at}});
  }
  t.meta = {{"countries", store.country_count()}, {"sources", sources}, {"db", ctx.db_path()}};
  if (t.rows.empty())
    t.meta["reason"] = "the store holds no source yet: import one with 'rostrum import PATH' (see rostrum import --help)";
  return t;
}

}  // namespace

ROSTRUM_ANALYSIS(info) {
  return {
      .name = "info",
      .summary = "What the store holds: sources, roll calls, votes, dates",
      .description = "One row per imported source and body: format, roll calls, votes by value, first and last "
                     "date. JSON: {\"countries\", \"sources\": [...], \"db\"}.",
      .examples = {"rostrum info", "rostrum info --format json"},
      .columns = {{"name", ColumnType::text, "source name"},
                  {"format", ColumnType::text, "import format"},
                  {"body", ColumnType::text, "ga or sc"},
                  {"rollcalls", ColumnType::integer, "roll calls"},
                  {"yes", ColumnType::integer, "yes votes"},
                  {"no", ColumnType::integer, "no votes"},
                  {"abstain", ColumnType::integer, "abstentions"},
                  {"nonvoting", ColumnType::integer, "present, not voting"},
                  {"first_date", ColumnType::text, "first roll call (YYYY-MM-DD)"},
                  {"last_date", ColumnType::text, "last roll call (YYYY-MM-DD)"}},
      .run = info,
      .json_document =
          [](const Table& t) {
            nlohmann::json j = t.meta;
            j.erase("reason");
            return j;
          },
      .text_document =
          [](const Table& t) {
            return "store: " + t.meta["db"].get<std::string>() + "\ncountries in the registry: " +
                   std::to_string(t.meta["countries"].get<std::int64_t>()) + "\n\n" + render(t, Format::table);
          },
  };
}

}  // namespace rostrum::query
