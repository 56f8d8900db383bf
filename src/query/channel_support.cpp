#include "query/channel_support.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.hpp"
#include "registry/registry.hpp"
#include "vetoes/seats.hpp"

namespace rostrum::query::support {

std::string registry_iso3(int index) {
  return std::string(registry::countries()[static_cast<std::size_t>(index)].iso3);
}

int year_param(const Request& r, std::string_view name) {
  if (!r.has(name)) return 0;
  auto d = parse_date_bound(r.text(name), false);
  if (!d) throw ParameterError(std::string(name), "expected YYYY or YYYY-MM-DD");
  return date_year(*d);
}

std::vector<ParamSpec> year_range_params(const std::string& what) {
  return {{.name = "from",
           .type = ParamType::date,
           .help = "First year (YYYY or YYYY-MM-DD: its year)" + (what.empty() ? std::string() : "; default " + what),
           .example = "1990"},
          {.name = "to", .type = ParamType::date, .help = "Last year (default: the newest data)", .example = "2018"}};
}

ParamSpec vote_source_param(const std::string& name, const std::string& body) {
  return {.name = name, .type = ParamType::text, .help = body + " source (default: the record, every source stitched)"};
}

ParamSpec agreement_quantile_param(std::string name, std::string help, double fallback) {
  return {.name = std::move(name),
          .type = ParamType::number,
          .help = std::move(help),
          .fallback = fallback,
          .min = 0,
          .max = 1,
          .example = fmt::format("{}", fallback)};
}

ParamSpec min_joint_votes_param() {
  return {.name = "min-n",
          .type = ParamType::integer,
          .help = "Joint votes a dyad needs in a year",
          .fallback = std::int64_t{10},
          .min = 1,
          .max = 100000,
          .example = "10"};
}

nlohmann::json years_document(const Table& t) {
  nlohmann::json full = to_json(t);
  nlohmann::json doc = t.meta.is_object() ? t.meta : nlohmann::json::object();
  doc["columns"] = t.columns;
  doc["years"] = std::move(full["rows"]);
  return doc;
}

std::vector<std::string> line_ids(const std::vector<const alliances::StateLine*>& lines) {
  std::vector<std::string> out;
  for (const auto* line : lines)
    for (int id : line->ids) out.push_back(registry_iso3(id));
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<Record> load_record(Context& ctx, const std::string& source, Body body, bool drop_unanimous,
                                  bool required) {
  const std::string code(body_code(body));
  auto store = store::Store::open(ctx.db_path(), false, true);
  bool present = false;
  for (const auto& s : store.sources())
    if (s.body == code && (source.empty() || s.name == source)) present = true;
  if (!present && !required && source.empty()) return std::nullopt;
  Record rec;
  rec.source = store.resolve_source(source, code);
  auto raw = ctx.matrix(rec.source.name, code);
  rec.dated = dated_by_seat(*raw);
  const VoteMatrix& m = rec.dated.matrix;
  rec.mask = m.select({});
  if (drop_unanimous) rec.mask = measures::drop_unanimous(m, rec.mask);
  for (auto& p : make_periods(m, PeriodKind::year, rec.mask)) {
    const int year = std::stoi(p.label);
    if (!rec.first_year) rec.first_year = year;
    rec.last_year = year;
    rec.by_year.emplace(year, std::move(p));
  }
  return rec;
}

measures::JointCounts joint_counts(const Record& r, const alliances::StateLine& a, const alliances::StateLine& b,
                                   const Period& period) {
  measures::JointCounts total;
  for (int x : a.ids) {
    const int rx = r.row(registry_iso3(x));
    if (rx < 0) continue;
    for (int y : b.ids) {
      const int ry = r.row(registry_iso3(y));
      if (ry < 0 || ry == rx) continue;
      total += measures::joint_counts(r.dated.matrix, rx, ry, period.mask.data(), period.word_begin, period.word_end);
    }
  }
  return total;
}

double quantile(std::vector<double> v, double q) {
  if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
  std::sort(v.begin(), v.end());
  const double h = (static_cast<double>(v.size()) - 1.0) * q;
  const auto lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

double mid_rank(const std::vector<double>& sorted, double x) {
  if (sorted.empty()) return std::numeric_limits<double>::quiet_NaN();
  auto lo = std::lower_bound(sorted.begin(), sorted.end(), x);
  auto hi = std::upper_bound(sorted.begin(), sorted.end(), x);
  const double below = static_cast<double>(lo - sorted.begin()), equal = static_cast<double>(hi - lo);
  return (below + equal / 2.0) / static_cast<double>(sorted.size());
}

IdealIndex load_ideal(store::Store& store, const store::SourceSummary& ga) {
  IdealIndex out;
  auto run = store.latest_run("ideal", ga.id);
  if (!run) return out;
  out.run = run->id;
  for (const auto& p : store.load_ideal_points(run->id)) {
    if (p.year <= 0) continue;  // emergency sessions carry no year
    const std::string holder(vetoes::un_holder(p.iso3, make_date(p.year, 12, 1)));
    out.by_state_year[{holder, p.year}] = {p.ideal, p.sd};
  }
  return out;
}

const std::pair<double, double>* IdealIndex::find(const alliances::StateLine& s, int year) const {
  for (int id : s.ids) {
    auto it = by_state_year.find({registry_iso3(id), year});
    if (it != by_state_year.end()) return &it->second;
  }
  return nullptr;
}

}  // namespace rostrum::query::support
