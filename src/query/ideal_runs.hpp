// What the ideal-point analyses (ideal, ideal-latest, predict) share: turning a
// request into the estimation problem and its options, the parameters they take,
// and the rows of a run's estimates.
#pragma once

#include <vector>

#include "ideal/ideal.hpp"
#include "query/catalogue.hpp"
#include "store/store.hpp"

namespace rostrum::query::ideal_runs {

struct Prepared {
  ideal::Data data;
  ideal::Options options;
  store::SourceSummary source;
  nlohmann::json params;  // the request, typed, as recorded with the run
};

// The parameters of an estimation (selectors, model and algorithm options).
std::vector<ParamSpec> estimation_params();
// The data (BSV vote conventions applied) and options of a request.
Prepared prepare(Context& ctx, const Request& r);
// Rows country, session, year, ideal, sd, lo, hi, nvotes -- filtered by the
// request's countries and period selectors when it declares them.
Table points_table(const std::vector<store::Store::IdealPoint>& points, const Request& r);
std::vector<ColumnSpec> point_columns();
// Regular session s runs from September of 1945 + s: session 74 is 2019.
int session_year(const std::string& label);
nlohmann::json fit_json(const ideal::Fit& f);

}  // namespace rostrum::query::ideal_runs
