#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/cancel.hpp"
#include "core/text.hpp"
#include "core/error.hpp"
#include "ideal/from_matrix.hpp"
#include "io/csv.hpp"
#include "io/file.hpp"
#include "matrix/vote_matrix.hpp"
#include "query/analyses.hpp"
#include "query/ideal_queries.hpp"
#include "query/selection.hpp"
#include "registry/registry.hpp"
#include "store/store.hpp"

namespace rostrum::query {

namespace {

#define ROSTRUM_IDEAL_PARAMS                                                                                  \
  "source", "body", "session", "year", "from", "to", "issue", "important", "model", "smooth", "anchor", "boot", \
      "seed", "threads", "bridges", "bridges-file", "max-iter", "countries", "level", "tol", "algorithm"

ideal::Model parse_model(const std::string& name) {
  if (name == "dynamic") return ideal::Model::dynamic;
  if (name == "static") return ideal::Model::static_session;
  if (name == "binary-dynamic") return ideal::Model::binary_dynamic;
  throw UsageError("parameter 'model': expected dynamic, static or binary-dynamic, got '" + name + "'");
}

// Regular session s runs from September of 1945 + s: session 74 is 2019.
int session_year(const std::string& label) {
  try {
    int s = std::stoi(label);
    return s > 0 ? 1945 + s : 0;
  } catch (...) {
    return 0;
  }
}

struct Prepared {
  ideal::Data data;
  ideal::Options options;
  store::SourceSummary source;
  nlohmann::json params;
};

std::vector<std::pair<int, int>> read_bridges_file(const std::string& path, const ideal::Data& d) {
  std::map<std::string, int> by_key;
  for (std::size_t r = 0; r < d.rollcalls.size(); ++r) by_key.emplace(d.rollcalls[r].key, static_cast<int>(r));
  std::string text = io::read_file(path);
  io::CsvReader reader(path, text);
  io::CsvRecord rec;
  std::vector<std::pair<int, int>> pairs;
  bool first = true;
  while (reader.next(rec)) {
    if (rec.size() < 2) throw InputError(path, rec.line, 1, "expected two roll-call ids per line");
    std::string a(rec.fields[0]), b(rec.fields[1]);
    if (first && (by_key.find(a) == by_key.end()) && !a.empty() && !std::isdigit(static_cast<unsigned char>(a[0]))) {
      first = false;  // a header row
      continue;
    }
    first = false;
    auto ia = by_key.find(a), ib = by_key.find(b);
    // Ids of roll calls outside the selection (or dropped by the conventions) are skipped.
    if (ia != by_key.end() && ib != by_key.end()) pairs.emplace_back(ia->second, ib->second);
  }
  return pairs;
}

Prepared prepare(Context& ctx, const Params& p) {
  Prepared out;
  Selection sel = parse_selection(p);
  if (sel.body != "ga") throw UsageError("parameter 'body': ideal points are estimated on General Assembly votes");
  auto m = ctx.matrix(sel.source, sel.body);
  {
    auto store = store::Store::open(ctx.db_path(), false, true);
    out.source = store.resolve_source(sel.source, sel.body);
  }
  auto mask = m->select(sel.filter);
  out.data = ideal::apply_conventions(ideal::from_matrix(*m, mask));
  if (out.data.votes.empty()) throw UsageError("the selection holds no votes to estimate ideal points from");
  ideal::Options& o = out.options;
  o.model = parse_model(get(p, "model", "dynamic"));
  o.omega = get_double(p, "smooth", o.omega, 0.0, 10.0);
  std::string anchor = get(p, "anchor", "USA");
  const registry::Country* c = registry::lookup(anchor);
  if (!c) throw UsageError("parameter 'anchor': unknown country '" + anchor + "'");
  o.anchor = std::string(c->iso3);
  o.boot = get_int(p, "boot", 0, 0, 10000);
  o.seed = static_cast<std::uint64_t>(get_int(p, "seed", 1, 0, 2147483647));
  o.threads = get_int(p, "threads", 0, 0, 256);
  o.level = get_double(p, "level", 0.95, 0.5, 0.999);
  o.max_iter = get_int(p, "max-iter", o.max_iter, 1, 100000);
  o.bridges = get_bool(p, "bridges", true);
  o.tol = get_double(p, "tol", o.tol, 1e-12, 1e-2);
  std::string algorithm = get(p, "algorithm", "newton");
  if (algorithm == "newton") o.algorithm = ideal::Algorithm::newton;
  else if (algorithm == "em") o.algorithm = ideal::Algorithm::em;
  else throw UsageError("parameter 'algorithm': expected newton or em, got '" + algorithm + "'");
  std::string bridges_file = get(p, "bridges-file");
  if (!bridges_file.empty()) o.manual_bridges = read_bridges_file(bridges_file, out.data);
  out.params = nlohmann::json::object();
  for (const auto& [k, v] : p) out.params[k] = v;
  out.params["source"] = out.source.name;
  out.params["model"] = get(p, "model", "dynamic");
  out.params["smooth"] = o.omega;
  out.params["anchor"] = o.anchor;
  return out;
}

std::set<std::string> country_filter(const Params& p) {
  std::set<std::string> keep;
  for (const std::string& one : split_list(get(p, "countries"))) {
    const registry::Country* c = registry::lookup(one);
    if (!c) throw UsageError("parameter 'countries': unknown country '" + one + "'");
    keep.insert(std::string(c->iso3));
  }
  return keep;
}

Table points_table(const std::vector<store::Store::IdealPoint>& points, const Params& p) {
  auto keep = country_filter(p);
  Selection sel = parse_selection(p);
  Table t;
  t.columns = {"country", "session", "year", "ideal", "sd", "lo", "hi", "nvotes"};
  for (const auto& pt : points) {
    if (!keep.empty() && !keep.count(pt.iso3)) continue;
    if (sel.filter.session_from && (session_year(pt.session) == 0 || std::stoi(pt.session) < *sel.filter.session_from ||
                                    std::stoi(pt.session) > *sel.filter.session_to))
      continue;
    if (sel.filter.date_from && pt.year < date_year(*sel.filter.date_from)) continue;
    if (sel.filter.date_to && pt.year > date_year(*sel.filter.date_to)) continue;
    t.add_row({pt.iso3, pt.session, static_cast<std::int64_t>(pt.year), pt.ideal, pt.sd, pt.lo, pt.hi,
               static_cast<std::int64_t>(pt.nvotes)});
  }
  return t;
}

nlohmann::json fit_json(const ideal::Fit& f) {
  return {{"loglik", f.loglik}, {"pcc", f.pcc}, {"apre", f.apre}, {"gmp", f.gmp}, {"n", f.n}};
}

}  // namespace

Table run_ideal(Context& ctx, const Params& p) {
  detail::check_allowed(p, {"source", "body", "countries", "session", "year", "from", "to"}, "ideal");
  auto store = store::Store::open(ctx.db_path(), false, true);
  auto source = store.resolve_source(get(p, "source"), "ga");
  auto run = store.latest_run("ideal", source.id);
  if (!run)
    throw UsageError("no ideal-point estimates for source '" + source.name +
                     "' in this store: run 'rostrum ideal' first (it saves its estimates)");
  Table t = points_table(store.load_ideal_points(run->id), p);
  t.meta = {{"run", run->id},
            {"created_at", run->created_at},
            {"params", nlohmann::json::parse(run->params, nullptr, false)},
            {"summary", nlohmann::json::parse(run->summary, nullptr, false)}};
  return t;
}

Table estimate_ideal(Context& ctx, const Params& p, const ideal::ProgressCallback& progress) {
  detail::check_allowed(p, {ROSTRUM_IDEAL_PARAMS}, "ideal");
  Prepared prep = prepare(ctx, p);
  ideal::Result r = ideal::estimate(prep.data, prep.options, progress);
  throw_if_cancelled();  // a cancelled estimate stopped early: never save it
  std::vector<store::Store::IdealPoint> points;
  points.reserve(r.estimates.size());
  for (const auto& e : r.estimates) {
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
    if (s < static_cast<int>(r.bridged_items_per_session.size())) row["bridged_items"] = r.bridged_items_per_session[s];
    if (s < static_cast<int>(r.pc_correlation.size())) row["pc_correlation"] = r.pc_correlation[s];
    if (s < static_cast<int>(r.fit_by_session.size())) row["fit"] = fit_json(r.fit_by_session[s]);
    per_session.push_back(std::move(row));
  }
  nlohmann::json summary = {{"iterations", r.iterations},
                            {"converged", r.converged},
                            {"seconds", r.seconds},
                            {"items", r.n_items},
                            {"bridged_items", r.n_bridged_items},
                            {"internal_sd", r.internal_sd},
                            {"votes", prep.data.votes.size()},
                            {"fit", fit_json(r.fit)},
                            {"sessions", per_session}};
  std::int64_t run_id;
  {
    auto store = store::Store::open(ctx.db_path(), false, false);
    run_id = store.save_ideal_run(prep.source.id, prep.params, summary, points);
  }
  Table t = points_table(points, p);
  t.meta = {{"run", run_id}, {"params", prep.params}, {"summary", summary}};
  return t;
}

Table run_predict(Context& ctx, const Params& p, const ideal::ProgressCallback&) {
  Params fit_params = p;
  fit_params.erase("holdout");
  detail::check_allowed(fit_params, {ROSTRUM_IDEAL_PARAMS}, "predict");
  const double fraction = get_double(p, "holdout", 0.1, 0.001, 0.9);
  Prepared prep = prepare(ctx, fit_params);
  auto report = ideal::holdout(prep.data, prep.options, fraction, prep.options.seed);
  throw_if_cancelled();
  Table t;
  t.columns = {"votes", "predictor", "accuracy", "log_loss", "apre", "n"};
  auto add = [&](const char* votes, const char* who, const ideal::Score& s) {
    t.add_row({std::string(votes), std::string(who), s.accuracy, s.log_loss, s.apre, s.n});
  };
  add("yes/abstain/no", "model", report.model);
  add("yes/abstain/no", "modal training vote", report.modal);
  add("yes/abstain/no", "always yes", report.always_yes);
  add("yes/no", "model", report.model_yn);
  add("yes/no", "modal training vote", report.modal_yn);
  add("yes/no", "always yes", report.always_yes_yn);
  t.meta = {{"train", report.n_train}, {"test", report.n_test}, {"holdout", fraction}, {"seed", prep.options.seed},
            {"iterations", report.fit.iterations}, {"params", prep.params}};
  return t;
}

}  // namespace rostrum::query
