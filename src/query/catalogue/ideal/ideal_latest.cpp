// ideal-latest: the estimates of the latest ideal-point run saved in the store
// (what GET /api/ideal, the dashboard and the brief show). Read-only.
#include "core/error.hpp"
#include "query/catalogue.hpp"
#include "query/ideal_runs.hpp"

namespace rostrum::query {

namespace {

Table latest(Context& ctx, const Request& r) {
  auto store = store::Store::open(ctx.db_path(), false, true);
  auto source = store.resolve_source(r.text("source"), "ga");
  auto run = store.latest_run("ideal", source.id);
  if (!run)
    throw NotAvailableError("no ideal-point estimates for source '" + source.name +
                            "' in this store: run 'rostrum ideal' first (it saves its estimates)");
  Table t = ideal_runs::points_table(store.load_ideal_points(run->id), r);
  t.meta = {{"run", run->id},
            {"created_at", run->created_at},
            {"params", nlohmann::json::parse(run->params, nullptr, false)},
            {"summary", nlohmann::json::parse(run->summary, nullptr, false)}};
  if (t.rows.empty()) t.meta["reason"] = "the latest run has no estimate for the countries and period asked";
  return t;
}

}  // namespace

ROSTRUM_ANALYSIS(ideal_latest) {
  return {
      .name = "ideal-latest",
      .summary = "Ideal points of the latest saved run",
      .description =
          "Dynamic ordinal ideal points per country and session (Bailey, Strezhnev & Voeten 2017 model) with "
          "SD and interval, from the latest estimation run saved in the store by `rostrum ideal`; the "
          "metadata holds the run, its parameters and fit. Without a saved run: an error saying to run "
          "`rostrum ideal` first.",
      .examples = {"rostrum ideal-latest --countries USA,CHN,RUS --from 1991"},
      .params = params_of({{{.name = "countries",
                             .type = ParamType::countries,
                             .help = "Countries (comma-separated) or a group; default all",
                             .example = "USA,CHN,RUS"}},
                           selector_params({.by = "", .body = true, .issue = false})}),
      .columns = ideal_runs::point_columns(),
      .run = latest,
      .api_path = "/api/ideal",
  };
}

}  // namespace rostrum::query
