#include "query/selection.hpp"

#include <algorithm>
#include <charconv>

#include "core/text.hpp"
#include "core/error.hpp"
#include "registry/groups.hpp"
#include "registry/registry.hpp"

namespace rostrum::query {

std::string get(const Params& p, std::string_view key, std::string fallback) {
  auto it = p.find(key);
  return it == p.end() || it->second.empty() ? fallback : it->second;
}

int get_int(const Params& p, std::string_view key, int fallback, int lo, int hi) {
  auto it = p.find(key);
  if (it == p.end() || it->second.empty()) return fallback;
  int v = 0;
  const std::string& s = it->second;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size())
    throw UsageError("parameter '" + std::string(key) + "': expected an integer, got '" + s + "'");
  if (v < lo || v > hi)
    throw UsageError("parameter '" + std::string(key) + "': " + s + " is out of range [" + std::to_string(lo) + ", " +
                     std::to_string(hi) + "]");
  return v;
}

double get_double(const Params& p, std::string_view key, double fallback, double lo, double hi) {
  auto it = p.find(key);
  if (it == p.end() || it->second.empty()) return fallback;
  double v = 0;
  const std::string& s = it->second;
  auto r = std::from_chars(s.data(), s.data() + s.size(), v);
  if (r.ec != std::errc() || r.ptr != s.data() + s.size())
    throw UsageError("parameter '" + std::string(key) + "': expected a number, got '" + s + "'");
  if (!(v >= lo && v <= hi))
    throw UsageError("parameter '" + std::string(key) + "': " + s + " is out of range [" + std::to_string(lo) + ", " +
                     std::to_string(hi) + "]");
  return v;
}

bool get_bool(const Params& p, std::string_view key, bool fallback) {
  auto it = p.find(key);
  if (it == p.end()) return fallback;
  const std::string& s = it->second;
  if (s.empty() || s == "1" || s == "true" || s == "yes" || s == "on") return true;
  if (s == "0" || s == "false" || s == "no" || s == "off") return false;
  throw UsageError("parameter '" + std::string(key) + "': expected true or false, got '" + s + "'");
}

Selection parse_selection(const Params& p) {
  Selection s;
  s.source = get(p, "source");
  s.body = get(p, "body", "ga");
  if (s.body != "ga" && s.body != "sc") throw UsageError("parameter 'body': expected ga or sc, got '" + s.body + "'");
  RollCallFilter& f = s.filter;
  std::string by = get(p, "by", "all");
  if (by == "session") s.by = PeriodKind::session;
  else if (by == "year") s.by = PeriodKind::year;
  else if (by == "all") s.by = PeriodKind::all;
  else throw UsageError("parameter 'by': expected session, year or all, got '" + by + "'");

  std::string session = get(p, "session");
  if (!session.empty()) {
    // "74" or a range "70-74".
    auto dash = session.find('-');
    if (dash == std::string::npos) {
      int v = get_int(p, "session", 0, 1, 500);
      f.session_from = f.session_to = v;
    } else {
      Params one{{"session", session.substr(0, dash)}}, two{{"session", session.substr(dash + 1)}};
      f.session_from = get_int(one, "session", 0, 1, 500);
      f.session_to = get_int(two, "session", 0, 1, 500);
    }
    s.label = session;
  }
  std::string year = get(p, "year");
  if (!year.empty()) {
    auto dash = year.find('-');
    std::string y1 = dash == std::string::npos ? year : year.substr(0, dash);
    std::string y2 = dash == std::string::npos ? year : year.substr(dash + 1);
    Params one{{"year", y1}}, two{{"year", y2}};
    int a = get_int(one, "year", 0, 1900, 2200), b = get_int(two, "year", 0, 1900, 2200);
    f.date_from = make_date(a, 1, 1);
    f.date_to = make_date(b, 12, 31);
    s.label = year;
  }
  for (const char* key : {"from", "to"}) {
    std::string v = get(p, key);
    if (v.empty()) continue;
    auto d = parse_date_bound(v, std::string(key) == "to");
    if (!d) throw UsageError(std::string("parameter '") + key + "': expected YYYY or YYYY-MM-DD, got '" + v + "'");
    if (std::string(key) == "from") f.date_from = std::max(f.date_from.value_or(0), *d);
    else f.date_to = std::min(f.date_to.value_or(99991231), *d);
  }
  if (s.label.empty()) {
    std::string from = get(p, "from"), to = get(p, "to");
    if (!from.empty() || !to.empty()) s.label = (from.empty() ? "start" : from) + ".." + (to.empty() ? "end" : to);
    else s.label = "all";
  }
  std::string issue = get(p, "issue");
  if (!issue.empty()) {
    f.issues = parse_issue_code(issue);
    if (!f.issues)
      throw UsageError("parameter 'issue': unknown issue '" + issue +
                       "' (expected me, nu, di, hr, co or ec, or a comma list)");
  }
  f.important_only = get_bool(p, "important", false);
  f.exclude_amendments = get_bool(p, "no-amendments", false);
  f.exclude_paragraphs = get_bool(p, "no-paragraphs", false);
  return s;
}

std::vector<int> parse_countries(const VoteMatrix& m, const Params& p, const std::string& param, bool allow_all,
                                 const std::vector<registry::Group>& user_groups) {
  std::string v = get(p, param);
  if (v.empty()) throw UsageError("parameter '" + param + "': required (a country, a comma list, a group or all)");
  std::vector<int> out;
  if (v == "all") {
    if (!allow_all) throw UsageError("parameter '" + param + "': 'all' is not allowed here");
    for (int c = 0; c < m.countries(); ++c) out.push_back(c);
    return out;
  }
  for (const std::string& one : split_list(v)) {
    if (const registry::Group* g = registry::find_group(one, user_groups)) {
      for (const auto& iso3 : g->ever_members()) {
        int c = m.country_index(iso3);
        if (c >= 0) out.push_back(c);
      }
    } else {
      const registry::Country* country = registry::lookup(one);
      if (!country) throw UsageError("parameter '" + param + "': unknown country '" + one + "'");
      int c = m.country_index(country->iso3);
      if (c < 0)
        throw UsageError("parameter '" + param + "': " + std::string(country->iso3) + " (" +
                         std::string(country->name) + ") has no votes in this source");
      out.push_back(c);
    }
  }
  std::vector<int> unique;
  for (int c : out)
    if (std::find(unique.begin(), unique.end(), c) == unique.end()) unique.push_back(c);
  return unique;
}

}  // namespace rostrum::query
