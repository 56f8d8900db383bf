// ideal: estimates dynamic ordinal ideal points (Bailey, Strezhnev & Voeten
// 2017, doi:10.1177/0022002715595700) and saves the run and its estimates in the
// store, which ideal-latest (GET /api/ideal), the dashboard and the brief read.
#include <cmath>

#include "core/cancel.hpp"
#include "core/error.hpp"
#include "query/catalogue.hpp"
#include "query/ideal_runs.hpp"

namespace rostrum::query {

namespace {

Table estimate(Context& ctx, const Request& r) {
  using namespace ideal_runs;
  // Refused before the work, not after it.
  if (ctx.read_only())
    throw UsageError("ideal saves its run in the store, which is open read-only (open it for writing to estimate)");
  Prepared prep = prepare(ctx, r);
  ideal::Result res = ideal::estimate(prep.data, prep.options, ctx.progress());
  throw_if_cancelled();  // a cancelled estimate stopped early: never save it
  std::vector<store::Store::IdealPoint> points;
  points.reserve(res.estimates.size());
  for (const auto& e : res.estimates) {
    store::Store::IdealPoint pt;
    pt.iso3 = prep.data.state_ids[e.state];
    pt.session = prep.data.session_labels[e.session];
    pt.year = session_year(pt.session);
    pt.ideal = e.ideal;
    // With a bootstrap, the SD that matches the interval (bootstrap and variational combined).
    pt.sd = prep.options.boot > 0 ? std::sqrt(e.boot_sd * e.boot_sd + e.sd * e.sd) : e.sd;
    pt.lo = e.lo;
    pt.hi = e.hi;
    pt.nvotes = e.nvotes;
    points.push_back(std::move(pt));
  }
  nlohmann::json per_session = nlohmann::json::array();
  for (int s = 0; s < prep.data.n_sessions; ++s) {
    nlohmann::json row = {{"session", prep.data.session_labels[s]}};
    if (s < static_cast<int>(res.bridged_items_per_session.size()))
      row["bridged_items"] = res.bridged_items_per_session[s];
    if (s < static_cast<int>(res.pc_correlation.size())) row["pc_correlation"] = res.pc_correlation[s];
    if (s < static_cast<int>(res.fit_by_session.size())) row["fit"] = fit_json(res.fit_by_session[s]);
    per_session.push_back(std::move(row));
  }
  nlohmann::json summary = {{"iterations", res.iterations},
                            {"converged", res.converged},
                            {"seconds", res.seconds},
                            {"items", res.n_items},
                            {"bridged_items", res.n_bridged_items},
                            {"internal_sd", res.internal_sd},
                            {"votes", prep.data.votes.size()},
                            {"fit", fit_json(res.fit)},
                            {"sessions", per_session}};
  std::int64_t run_id;
  {
    auto store = store::Store::open(ctx.db_path(), false, false);
    run_id = store.save_ideal_run(prep.source.id, prep.params, summary, points);
  }
  Table t = points_table(points, r);
  char notice[320];
  std::snprintf(notice, sizeof notice,
                "ideal points: run %lld, %d iterations (%s), %.2f s; %zu votes, %d items (%d bridged); percent "
                "correctly classified %.3f, APRE %.3f",
                static_cast<long long>(run_id), res.iterations, res.converged ? "converged" : "NOT converged",
                res.seconds, prep.data.votes.size(), res.n_items, res.n_bridged_items, res.fit.pcc, res.fit.apre);
  t.meta = {{"run", run_id}, {"params", prep.params}, {"summary", summary}, {"notice", notice}};
  return t;
}

}  // namespace

ROSTRUM_ANALYSIS(ideal) {
  return {
      .name = "ideal",
      .summary = "Estimate dynamic ordinal ideal points (one common scale over sessions)",
      .description =
          "The model of Bailey, Strezhnev & Voeten (2017): ordered probit on Yes/Abstain/No, each state's\n"
          "position a random walk across sessions, repeated resolutions bridged as one item. Fitted by a fast\n"
          "variational/Newton EM (docs/ideal-points.md). The run and its estimates are saved in the store; the\n"
          "server (GET /api/ideal), the dashboard and the brief read the latest run.",
      .examples = {"rostrum ideal                                     # whole history, saved in the store",
                   "rostrum ideal --countries USA,RUS,CHN --format csv",
                   "rostrum ideal --session 60-74 --boot 100 --seed 7 # with bootstrap intervals",
                   "rostrum ideal --tol 1e-7                          # publication figures",
                   "rostrum ideal --model binary-dynamic              # emIRT's dynIRT model, for comparison"},
      .params = params_of({ideal_runs::estimation_params(),
                           {{.name = "countries",
                             .type = ParamType::countries,
                             .help = "Print only these states (the fit uses all)",
                             .example = "USA,RUS,CHN"}}}),
      .columns = ideal_runs::point_columns(),
      .run = estimate,
      .surfaces = kCli | kBindings,
  };
}

}  // namespace rostrum::query
