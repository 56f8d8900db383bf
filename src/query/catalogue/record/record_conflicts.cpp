// record conflicts: the states on which two sources disagree about one roll call
// of the record. The record keeps the earlier source's votes (precedence in
// docs/store.md); what the other source says is listed here, not hidden.
#include "core/error.hpp"
#include "query/catalogue.hpp"
#include "registry/registry.hpp"
#include "store/store.hpp"

namespace rostrum::query {

namespace {

Table record_conflicts(Context& ctx, const Request& r) {
  auto store = store::Store::open(ctx.db_path(), false, true);
  store::ConflictFilter f;
  f.body = r.text("body") == "both" ? "" : r.text("body");
  if (r.has("country")) {
    const registry::Country* c = registry::lookup(r.text("country"));
    if (!c) throw ParameterError("country", "unknown country '" + r.text("country") + "'");
    f.country = std::string(c->iso3);
  }
  if (r.has("from")) f.from = *parse_date_bound(r.text("from"), false);
  if (r.has("to")) f.to = *parse_date_bound(r.text("to"), true);
  f.source = r.text("source");
  f.limit = r.integer("limit");
  Table t;
  t.columns = {"body",      "date",         "symbol",       "country",    "kept_source",
               "kept_vote", "other_source", "other_symbol", "other_vote", "matched_by"};
  for (const auto& c : store.conflicts(f))
    t.add_row({c.body, c.date, c.symbol, c.country, c.kept_source, std::string(vote_name(c.kept)), c.other_source,
               c.other_symbol, std::string(vote_name(c.other)), c.method});
  const auto summary = store.record_stitch_summary();
  t.meta["conflicts_in_record"] = summary.value("conflicts", std::int64_t{0});
  if (t.rows.empty())
    t.meta["reason"] = store.record().empty() ? "the store holds no record yet: import a source first"
                                              : "no conflicting vote matches the filters";
  return t;
}

}  // namespace

ROSTRUM_ANALYSIS(record_conflicts) {
  return {
      .name = "record/conflicts",
      .summary = "Votes on which two sources of the record disagree",
      .description =
          "The record counts each resolution once: where two sources hold the same roll call (matched by symbol, "
          "then by date and title, then by their votes), the earlier source in the precedence keeps its votes "
          "(unvotes, then the UN Library's bulk file, then the scrapes). Every state whose vote differs between "
          "the two -- or that voted in one and not in the other -- is listed here. A missing row against a "
          "non-voting one is no conflict (unvotes does not record absences). docs/store.md.",
      .examples = {"rostrum record conflicts --country USA", "rostrum record conflicts --from 2019 --format csv"},
      .params =
          {{.name = "body",
            .type = ParamType::choice,
            .help = "ga, sc or both",
            .fallback = std::string("both"),
            .choices = {"ga", "sc", "both"}},
           {.name = "country", .type = ParamType::text, .help = "Only this state (code or name)", .example = "USA"},
           {.name = "from", .type = ParamType::date, .help = "First date (YYYY or YYYY-MM-DD)", .example = "2010"},
           {.name = "to", .type = ParamType::date, .help = "Last date (YYYY or YYYY-MM-DD)", .example = "2019"},
           {.name = "source",
            .type = ParamType::text,
            .help = "Only conflicts involving this source",
            .example = "un_data_wide"},
           {.name = "limit",
            .type = ParamType::integer,
            .help = "At most this many rows",
            .fallback = std::int64_t{1000},
            .min = 1,
            .max = 10000000}},
      .columns = {{"body", ColumnType::text, "ga or sc"},
                  {"date", ColumnType::text, "the record's date"},
                  {"symbol", ColumnType::text, "symbol in the kept source"},
                  {"country", ColumnType::text, "ISO3 of the state as it voted (SUN before 1991-12-24)"},
                  {"kept_source", ColumnType::text, "source whose votes stand"},
                  {"kept_vote", ColumnType::text, "its vote: yes, no, abstain, nonvoting, missing"},
                  {"other_source", ColumnType::text, "the other source"},
                  {"other_symbol", ColumnType::text, "symbol in the other source"},
                  {"other_vote", ColumnType::text, "its vote"},
                  {"matched_by", ColumnType::text, "symbol, date+title or votes"}},
      .run = record_conflicts,
  };
}

}  // namespace rostrum::query
