#include "query/ideal_runs.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/error.hpp"
#include "core/text.hpp"
#include "ideal/from_matrix.hpp"
#include "io/csv.hpp"
#include "io/file.hpp"
#include "matrix/vote_matrix.hpp"
#include "query/selection.hpp"
#include "registry/registry.hpp"

namespace rostrum::query::ideal_runs {

int session_year(const std::string& label) {
  if (label.empty() || !std::all_of(label.begin(), label.end(), [](char ch) { return ch >= '0' && ch <= '9'; }) ||
      label.size() > 4)
    return 0;
  const int s = std::stoi(label);
  return s > 0 ? 1945 + s : 0;
}

namespace {

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

}  // namespace

Prepared prepare(Context& ctx, const Request& r) {
  Prepared out;
  Selection sel = parse_selection(r);
  auto m = ctx.matrix(sel.source, sel.body);
  {
    auto store = store::Store::open(ctx.db_path(), false, true);
    out.source = store.resolve_source(sel.source, sel.body);
  }
  auto mask = m->select(sel.filter);
  out.data = ideal::apply_conventions(ideal::from_matrix(*m, mask));
  if (out.data.votes.empty()) throw UsageError("the selection holds no votes to estimate ideal points from");
  ideal::Options& o = out.options;
  const std::string& model = r.text("model");
  o.model = model == "static"           ? ideal::Model::static_session
            : model == "binary-dynamic" ? ideal::Model::binary_dynamic
                                        : ideal::Model::dynamic;
  o.omega = r.number("smooth");
  const registry::Country* c = registry::lookup(r.text("anchor"));
  if (!c) throw ParameterError("anchor", "unknown country '" + r.text("anchor") + "'");
  o.anchor = std::string(c->iso3);
  o.boot = r.integer32("boot");
  o.seed = static_cast<std::uint64_t>(r.integer("seed"));
  o.threads = r.integer32("threads");
  o.level = r.number("level");
  o.max_iter = r.integer32("max-iter");
  o.bridges = r.flag("bridges");
  o.tol = r.number("tol");
  o.algorithm = r.text("algorithm") == "em" ? ideal::Algorithm::em : ideal::Algorithm::newton;
  if (r.has("bridges-file")) o.manual_bridges = read_bridges_file(r.text("bridges-file"), out.data);
  out.params = r.to_json();
  out.params["source"] = out.source.name;
  out.params["anchor"] = o.anchor;
  return out;
}

namespace {

std::set<std::string> country_filter(const Request& r) {
  std::set<std::string> keep;
  if (!r.spec().param("countries")) return keep;
  for (const std::string& one : split_list(r.text("countries"))) {
    const registry::Country* c = registry::lookup(one);
    if (!c) throw ParameterError("countries", "unknown country '" + one + "'");
    keep.insert(std::string(c->iso3));
  }
  return keep;
}

}  // namespace

Table points_table(const std::vector<store::Store::IdealPoint>& points, const Request& r) {
  auto keep = country_filter(r);
  Selection sel = parse_selection(r);
  Table t;
  t.columns = {"country", "session", "year", "ideal", "sd", "lo", "hi", "nvotes"};
  for (const auto& pt : points) {
    if (!keep.empty() && !keep.count(pt.iso3)) continue;
    if (!sel.filter.sessions.empty()) {
      RollCallInfo as_rollcall;
      as_rollcall.session = session_year(pt.session) ? std::stoi(pt.session) : 0;
      as_rollcall.session_label = pt.session;
      if (std::none_of(sel.filter.sessions.begin(), sel.filter.sessions.end(),
                       [&](const SessionSpan& s) { return s.contains(as_rollcall); }))
        continue;
    }
    if (sel.filter.date_from && pt.year < date_year(*sel.filter.date_from)) continue;
    if (sel.filter.date_to && pt.year > date_year(*sel.filter.date_to)) continue;
    if (!sel.filter.date_spans.empty() &&
        std::none_of(sel.filter.date_spans.begin(), sel.filter.date_spans.end(), [&](const auto& span) {
          return pt.year >= date_year(span.first) && pt.year <= date_year(span.second);
        }))
      continue;
    t.add_row({pt.iso3, pt.session, static_cast<std::int64_t>(pt.year), pt.ideal, pt.sd, pt.lo, pt.hi,
               static_cast<std::int64_t>(pt.nvotes)});
  }
  return t;
}

std::vector<ColumnSpec> point_columns() {
  return {{"country", ColumnType::text, "ISO3"},
          {"session", ColumnType::text, "session"},
          {"year", ColumnType::integer, "calendar year the session opened"},
          {"ideal", ColumnType::number, "ideal point (pooled mean 0, SD 1; the anchor state positive)"},
          {"sd", ColumnType::number, "standard deviation"},
          {"lo", ColumnType::number, "lower bound of the interval at --level"},
          {"hi", ColumnType::number, "upper bound of the interval at --level"},
          {"nvotes", ColumnType::integer, "votes of the state in the session"}};
}

std::vector<ParamSpec> estimation_params() {
  const ideal::Options defaults;
  return params_of({
      selector_params({.by = "", .body = false, .issue = true}),
      {{.name = "model",
        .type = ParamType::choice,
        .help = "dynamic (ordinal, random walk), static (each session alone) or binary-dynamic (emIRT's dynIRT)",
        .fallback = std::string("dynamic"),
        .choices = {"dynamic", "static", "binary-dynamic"}},
       {.name = "smooth",
        .type = ParamType::number,
        .help = "Random-walk SD per session (omega; see docs/ideal-points.md)",
        .fallback = defaults.omega,
        .min = 0,
        .max = 10,
        .example = "0.1"},
       {.name = "anchor",
        .type = ParamType::text,
        .help = "State whose ideal point is positive (sign of the scale)",
        .fallback = std::string("USA"),
        .example = "USA"},
       {.name = "bridges",
        .type = ParamType::boolean,
        .help = "Detect repeated resolutions and bridge them as one item (--no-bridges: do not)",
        .fallback = true},
       {.name = "bridges-file",
        .type = ParamType::text,
        .help = "CSV of roll-call id pairs to treat as the same item",
        .example = "bridges.csv",
        .cli_only = true},
       {.name = "boot",
        .type = ParamType::integer,
        .help = "Parametric bootstrap replicates for the intervals (0: variational SDs)",
        .fallback = std::int64_t{defaults.boot},
        .min = 0,
        .max = 10000,
        .example = "100"},
       seed_param(),
       {.name = "threads",
        .type = ParamType::integer,
        .help = "Threads (0: all cores)",
        .fallback = std::int64_t{0},
        .min = 0,
        .max = 256,
        .example = "2"},
       {.name = "level",
        .type = ParamType::number,
        .help = "Level of the intervals lo, hi",
        .fallback = defaults.level,
        .min = 0.5,
        .max = 0.999,
        .example = "0.95"},
       {.name = "max-iter",
        .type = ParamType::integer,
        .help = "Iteration limit",
        .fallback = std::int64_t{defaults.max_iter},
        .min = 1,
        .max = 100000,
        .example = "1000"},
       {.name = "tol",
        .type = ParamType::number,
        .help = "Convergence tolerance on the relative change of the log-likelihood (1e-7 for publication figures)",
        .fallback = defaults.tol,
        .min = 1e-12,
        .max = 1e-2,
        .example = "1e-7"},
       {.name = "algorithm",
        .type = ParamType::choice,
        .help = "newton (tens of iterations) or em (plain variational EM)",
        .fallback = std::string("newton"),
        .choices = {"newton", "em"}}},
  });
}

nlohmann::json fit_json(const ideal::Fit& f) {
  return {{"loglik", f.loglik}, {"pcc", f.pcc}, {"apre", f.apre}, {"gmp", f.gmp}, {"n", f.n}};
}

}  // namespace rostrum::query::ideal_runs
