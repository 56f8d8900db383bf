#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "sanctions/analyses.hpp"
#include "sanctions/analysis_common.hpp"

namespace rostrum::sanctions {
namespace {

// Quantile by linear interpolation between order statistics (Hyndman & Fan 1996,
// "Sample quantiles in statistical packages", Am. Stat. 50(4), definition 7, the
// default of R and NumPy). `v` sorted, non-empty.
double quantile(const std::vector<int>& v, double p) {
  double h = (static_cast<double>(v.size()) - 1.0) * p;
  auto lo = static_cast<std::size_t>(std::floor(h));
  std::size_t hi = std::min(lo + 1, v.size() - 1);
  return v[lo] + (h - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

bool in_window(Date d, const LagRequest& req) {
  return d != 0 && (req.from == 0 || d >= req.from) && (req.to == 0 || d <= req.to);
}

}  // namespace

Table lag_table(const Universe& u, const LagRequest& req) {
  if (req.a == req.b) throw ParameterError("b", "must differ from 'a'");
  detail::check_issuers(u, {req.a, req.b}, "a");
  const auto& recs = u.records();
  auto members = detail::entity_members(u);
  Table t;
  t.columns = {"entity", "a_id", "a_name", "a_listed", "b_id", "b_name", "b_listed", "days", "first"};
  std::vector<int> days;
  std::int64_t a_first = 0, b_first = 0, same = 0, a_first_bound = 0, b_first_bound = 0, undetermined = 0;
  for (std::size_t e = 0; e < members.size(); ++e) {
    const auto& m = members[e];
    if (!req.target.empty()) {
      bool hit = false;
      for (int r : m) {
        const auto& rec = recs[static_cast<std::size_t>(r)];
        if ((rec.issuer == req.a || rec.issuer == req.b) && detail::has(rec.targets, req.target)) hit = true;
      }
      if (!hit) continue;
    }
    int ra = detail::first_listed(u, m, req.a), rb = detail::first_listed(u, m, req.b);
    if (ra < 0 || rb < 0) continue;
    const Record& a = recs[static_cast<std::size_t>(ra)];
    const Record& b = recs[static_cast<std::size_t>(rb)];
    if (!in_window(a.listed, req) && !in_window(b.listed, req)) continue;
    bool a_known = a.listed_lo != 0, b_known = b.listed_lo != 0;
    if (a_known && b_known) {
      int d = days_between(a.listed, b.listed);
      days.push_back(d);
      (d > 0 ? a_first : d < 0 ? b_first : same)++;
      t.add_row({static_cast<std::int64_t>(e), a.key, a.name(), format_date(a.listed), b.key, b.name(),
                 format_date(b.listed), static_cast<std::int64_t>(d),
                 std::string(d > 0   ? "a"
                             : d < 0 ? "b"
                                     : "same")});
    } else if (!a_known && b_known && a.listed < b.listed_lo) {
      ++a_first_bound;  // a listed on or before a day earlier than b's earliest
    } else if (!b_known && a_known && b.listed < a.listed_lo) {
      ++b_first_bound;
    } else {
      ++undetermined;
    }
  }
  std::stable_sort(t.rows.begin(), t.rows.end(), [](const auto& x, const auto& y) {
    return std::get<std::int64_t>(x[7]) < std::get<std::int64_t>(y[7]);
  });
  std::sort(days.begin(), days.end());
  t.meta["a"] = req.a;
  t.meta["b"] = req.b;
  t.meta["target"] = req.target.empty() ? nlohmann::json(nullptr) : nlohmann::json(req.target);
  t.meta["pairs"] = static_cast<std::int64_t>(days.size());
  t.meta["a_first"] = a_first;
  t.meta["b_first"] = b_first;
  t.meta["same_day"] = same;
  if (days.empty()) {
    t.meta["median_days"] = nullptr;
    t.meta["quartiles_days"] = nullptr;
    t.meta["mean_days"] = nullptr;
  } else {
    t.meta["median_days"] = quantile(days, 0.5);
    t.meta["quartiles_days"] = {quantile(days, 0.25), quantile(days, 0.75)};
    double sum = 0;
    for (int d : days) sum += d;
    t.meta["mean_days"] = sum / static_cast<double>(days.size());
  }
  // Entities whose order is known only because one listing date is an "on or
  // before" bound earlier than the other's earliest possible day; not in `pairs`.
  t.meta["a_first_bound_only"] = a_first_bound;
  t.meta["b_first_bound_only"] = b_first_bound;
  t.meta["undetermined"] = undetermined;
  // Histogram of days (b - a), fixed bins.
  static const std::vector<std::pair<int, int>> bins = {{-100000, -366}, {-365, -91}, {-90, -31}, {-30, -1},    {0, 0},
                                                        {1, 30},         {31, 90},    {91, 365},  {366, 100000}};
  nlohmann::json hist = nlohmann::json::array();
  for (const auto& [lo, hi] : bins) {
    std::int64_t n = 0;
    for (int d : days) n += (d >= lo && d <= hi) ? 1 : 0;
    hist.push_back({{"from_days", lo == -100000 ? nlohmann::json(nullptr) : nlohmann::json(lo)},
                    {"to_days", hi == 100000 ? nlohmann::json(nullptr) : nlohmann::json(hi)},
                    {"pairs", n}});
  }
  t.meta["histogram"] = std::move(hist);
  if (t.rows.empty()) {
    // An empty answer says why: which filter left nothing, and the dates each list knows.
    Date a_lo = 0, a_hi = 0, b_lo = 0, b_hi = 0;
    for (const auto& rec : recs) {
      if (rec.listed == 0 || (rec.issuer != req.a && rec.issuer != req.b)) continue;
      Date& lo = rec.issuer == req.a ? a_lo : b_lo;
      Date& hi = rec.issuer == req.a ? a_hi : b_hi;
      if (lo == 0 || rec.listed < lo) lo = rec.listed;
      hi = std::max(hi, rec.listed);
    }
    std::string why = "no entity that " + req.a + " and " + req.b + " both list";
    if (!req.target.empty()) why += " with target " + req.target;
    if (req.from || req.to)
      why += " was first listed by either " + (req.from ? "from " + format_date(req.from) : std::string()) +
             (req.from && req.to ? " " : "") + (req.to ? "to " + format_date(req.to) : std::string());
    why += " with a known listing date by both";
    const std::int64_t bound_only = a_first_bound + b_first_bound + undetermined;
    if (bound_only > 0)
      why += "; " + std::to_string(bound_only) +
             " are listed by both with only an 'on or before' date for one (a_first_bound_only, b_first_bound_only, "
             "undetermined)";
    auto span = [](const std::string& who, Date lo, Date hi) {
      return lo ? who + " listings dated " + format_date(lo) + " to " + format_date(hi) : who + " has no dated listing";
    };
    why += " (" + span(req.a, a_lo, a_hi) + "; " + span(req.b, b_lo, b_hi) + ")";
    t.meta["reason"] = why;
  }
  return t;
}

}  // namespace rostrum::sanctions
