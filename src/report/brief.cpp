#include "report/brief.hpp"

#include "query/selection.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <map>
#include <set>

#include "core/text.hpp"
#include "core/error.hpp"
#include "registry/groups.hpp"
#include "registry/registry.hpp"
#include "report/svg.hpp"

namespace rostrum::report {

namespace {

using query::Params;
using svg::escape;

const char* kIssues[] = {"me", "nu", "di", "hr", "co", "ec"};
const char* kIssueNames[] = {"Palestinian conflict", "Nuclear weapons", "Arms control", "Human rights",
                             "Colonialism", "Economic development"};
const char* kFocusColors[] = {"#b2182b", "#e08214", "#762a83", "#8c510a", "#d6604d", "#542788"};
const char* kVsColors[] = {"#2166ac", "#4393c3", "#1b7837", "#01665e", "#5aae61", "#35978f"};

double dbl(const Cell& c) {
  if (auto* d = std::get_if<double>(&c)) return *d;
  if (auto* i = std::get_if<std::int64_t>(&c)) return static_cast<double>(*i);
  return NAN;
}
std::string str(const Cell& c) {
  if (auto* s = std::get_if<std::string>(&c)) return *s;
  if (auto* i = std::get_if<std::int64_t>(&c)) return std::to_string(*i);
  return "";
}
int col(const Table& t, std::string_view name) {
  int k = t.column(name);
  if (k < 0) throw std::logic_error("brief: query result has no column '" + std::string(name) + "'");
  return k;
}

std::string fmt(double v, int digits = 2) {
  if (!std::isfinite(v)) return "n/a";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}
std::string fmt_n(double n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", n);
  return buf;
}
std::string join(const std::vector<std::string>& v, const std::string& sep = ",") {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}
std::string country_name(const std::string& iso3) {
  const registry::Country* c = registry::lookup(iso3);
  return c ? std::string(c->name) : iso3;
}

struct Pooled {
  double k = 0, n = 0;
  void add(double value, double count) {
    if (count > 0 && std::isfinite(value)) {
      k += value * count;
      n += count;
    }
  }
  double mean() const { return n > 0 ? k / n : NAN; }
};

// One value with its interval and n, e.g. the recent agreement of a pair.
struct Estimate {
  double value = NAN, lo = NAN, hi = NAN, n = 0;
};
std::string show(const Estimate& e, bool with_ci = true) {
  std::string s = fmt(e.value);
  if (with_ci && std::isfinite(e.lo)) s += " [" + fmt(e.lo) + "&#8211;" + fmt(e.hi) + "]";
  return s + " (n&#160;=&#160;" + fmt_n(e.n) + ")";
}

struct SeriesPoint {
  int year = 0;
  double value = NAN, lo = NAN, hi = NAN, n = 0;
};

struct Shift {
  bool ok = false;
  std::string error;
  nlohmann::json meta;  // change_points, segments, series, ...
};

class Builder {
 public:
  Builder(query::Context& ctx, const BriefOptions& o) : ctx_(ctx), o_(o) {}
  Brief build();

 private:
  Params base() const {
    Params p;
    if (!o_.source.empty()) p["source"] = o_.source;
    if (!o_.from.empty()) p["from"] = o_.from;
    if (!o_.to.empty()) p["to"] = o_.to;
    return p;
  }
  Params recent() const {
    Params p;
    if (!o_.source.empty()) p["source"] = o_.source;
    p["year"] = std::to_string(recent_from_) + "-" + std::to_string(last_year_);
    return p;
  }
  Table run(const std::string& command, Params p) { return query::run(ctx_, command, p); }
  Shift shift(Params p) {
    Shift s;
    try {
      auto t = run("shifts", std::move(p));
      s.meta = t.meta;
      s.ok = true;
    } catch (const std::exception& e) {
      s.error = e.what();
    }
    return s;
  }
  // Pooled agreement over all dyads of a x b in params p (by = all).
  Pooled pooled_agree(Params p, const std::string& a, const std::string& b) {
    p["a"] = a;
    p["b"] = b;
    p["measure"] = "agree";
    auto t = run("agree", p);
    Pooled pool;
    int v = col(t, "value"), n = col(t, "n");
    for (const auto& r : t.rows) pool.add(dbl(r[v]), dbl(r[n]));
    return pool;
  }

  void parse_sides();
  void pair_series();
  void shifts_section();
  void recent_section();
  void issues_section();
  void cohesion_section();
  void ideal_section();
  void blocs_section();
  std::string blocs_timeline();
  void poles_section();
  std::string methods() const;
  std::string css() const;

  query::Context& ctx_;
  const BriefOptions& o_;
  std::vector<std::string> focus_;   // ISO3
  std::string focus_param_;          // "CHN,RUS,PRK"
  std::string focus_label_;          // "CHN, RUS, PRK"
  std::vector<std::string> vs_;      // ISO3 (ever members for a group)
  std::string vs_param_, vs_label_, vs_pole_;
  std::vector<std::pair<std::string, std::string>> pairs_;
  std::map<std::pair<std::string, std::string>, std::vector<SeriesPoint>> pair_series_;
  int first_year_ = 0, last_year_ = 0, recent_from_ = 0;
  std::string recent_label_;  // HTML
  std::string recent_text_;   // plain text (SVG titles and labels are escaped)
  nlohmann::json facts_ = nlohmann::json::object();
  std::vector<std::string> summary_;  // HTML list items
  std::string body_;                  // sections
};

void Builder::parse_sides() {
  for (const std::string& one : split_list(o_.focus)) {
    const registry::Country* c = registry::lookup(one);
    if (!c) throw UsageError("parameter 'focus': unknown country '" + one + "'");
    std::string iso3(c->iso3);
    if (std::find(focus_.begin(), focus_.end(), iso3) == focus_.end()) focus_.push_back(iso3);
  }
  if (focus_.empty()) throw UsageError("parameter 'focus': give at least one country");
  focus_param_ = join(focus_);
  focus_label_ = join(focus_, ", ");
  const query::GroupSpec vs = query::parse_group(o_.vs, "vs", ctx_.user_groups(), 1);
  vs_ = vs.ever_members();
  if (vs.group) {
    vs_param_ = vs_label_ = vs_pole_ = vs.name;
  } else {
    vs_param_ = join(vs_);
    vs_label_ = join(vs_, ", ");
    vs_pole_ = join(vs_, "+");
  }
  for (std::size_t i = 0; i < focus_.size(); ++i)
    for (std::size_t j = i + 1; j < focus_.size(); ++j) pairs_.emplace_back(focus_[i], focus_[j]);
}

void Builder::pair_series() {
  // Per year, per focus pair, with bootstrap intervals: the agree query itself.
  for (const auto& [a, b] : pairs_) {
    Params p = base();
    p["a"] = a;
    p["b"] = b;
    p["by"] = "year";
    p["measure"] = "agree";
    p["ci"] = fmt(o_.level, 3);
    p["boot"] = std::to_string(o_.boot);
    p["seed"] = std::to_string(o_.seed);
    auto t = run("agree", p);
    int per = col(t, "period"), v = col(t, "value"), n = col(t, "n"), lo = col(t, "lo"), hi = col(t, "hi");
    auto& series = pair_series_[{a, b}];
    for (const auto& r : t.rows) {
      if (dbl(r[n]) <= 0) continue;
      SeriesPoint pt{std::stoi(str(r[per])), dbl(r[v]), dbl(r[lo]), dbl(r[hi]), dbl(r[n])};
      series.push_back(pt);
      last_year_ = std::max(last_year_, pt.year);
      first_year_ = first_year_ ? std::min(first_year_, pt.year) : pt.year;
    }
  }
  // Focus states against the comparison group (for the span when there is one focus state).
  Params p = base();
  p["a"] = focus_param_;
  p["b"] = vs_param_;
  p["by"] = "year";
  auto t = run("agree", p);
  int per = col(t, "period"), n = col(t, "n");
  for (const auto& r : t.rows) {
    if (dbl(r[n]) <= 0) continue;
    int y = std::stoi(str(r[per]));
    last_year_ = std::max(last_year_, y);
    first_year_ = first_year_ ? std::min(first_year_, y) : y;
  }
  if (last_year_ == 0) throw UsageError("parameter 'focus': the focus states and the group never voted together");
  recent_from_ = std::max(first_year_, last_year_ - std::max(1, o_.recent_years) + 1);
  recent_text_ = recent_from_ == last_year_ ? std::to_string(last_year_)
                                            : std::to_string(recent_from_) + "\u2013" + std::to_string(last_year_);
  recent_label_ = recent_from_ == last_year_ ? std::to_string(last_year_)
                                             : std::to_string(recent_from_) + "&#8211;" + std::to_string(last_year_);
  facts_["span"] = {{"first", first_year_}, {"last", last_year_}};
  facts_["recent"] = {{"from", recent_from_}, {"to", last_year_}};
}

std::vector<svg::Point> points_of(const nlohmann::json& series) {
  std::vector<svg::Point> out;
  for (const auto& s : series) {
    double n = s.value("n", 0.0);
    double v = n > 0 && s["value"].is_number() ? s["value"].get<double>() : NAN;
    std::string label = s["period"].get<std::string>();
    out.push_back({static_cast<double>(std::stoi(label)), v, NAN, NAN, label + ": " + fmt(v) + " (n = " + fmt_n(n) + ")"});
  }
  return out;
}

std::string change_points_text(const Shift& s) {
  if (!s.ok) return "not computed (" + escape(s.error) + ")";
  const auto& cps = s.meta["change_points"];
  if (cps.empty()) return "none: one regime, mean " + fmt(s.meta["segments"][0].value("mean", NAN));
  std::string out;
  for (const auto& c : cps)
    out += (out.empty() ? "" : "; ") + std::string("<b>") + c["period"].get<std::string>() + "</b> (" +
           fmt(c["before"].get<double>()) + " &#8594; " + fmt(c["after"].get<double>()) + ")";
  return out;
}

std::string segments_text(const Shift& s) {
  if (!s.ok) return "";
  std::string out;
  for (const auto& seg : s.meta["segments"])
    out += (out.empty() ? "" : ", ") + seg["first"].get<std::string>() + "&#8211;" + seg["last"].get<std::string>() +
           ": " + fmt(seg["mean"].get<double>()) + " (n&#160;=&#160;" + fmt_n(seg["n"].get<double>()) + ")";
  return out;
}

void Builder::shifts_section() {
  std::string html = "<section><h2>1. How aligned, over time &#8212; and since when</h2>\n";
  html +=
      "<p>Voeten's agreement index per calendar year (1 = always voted alike, 0 = always opposite; unanimous votes "
      "dropped). Shaded: " +
      fmt(o_.level * 100, 0) + "% bootstrap intervals over roll calls (" + std::to_string(o_.boot) +
      " replicates). Dashed lines: change points found by PELT on a beta-binomial cost (section 2).</p>\n";
  // Chart 1: focus pairs.
  nlohmann::json cps_json = nlohmann::json::object();
  std::vector<std::pair<std::string, Shift>> shifts;
  if (!pairs_.empty()) {
    svg::LineChart chart;
    chart.title = "Agreement within the focus states per year";
    chart.y_label = "agreement";
    int k = 0;
    for (const auto& [a, b] : pairs_) {
      svg::Line line;
      line.name = a + "\u2013" + b;
      line.color = kFocusColors[k % 6];
      for (const auto& pt : pair_series_[{a, b}])
        line.points.push_back({static_cast<double>(pt.year), pt.value, pt.lo, pt.hi,
                               std::to_string(pt.year) + ": " + fmt(pt.value) + " [" + fmt(pt.lo) + ", " +
                                   fmt(pt.hi) + "] (n = " + fmt_n(pt.n) + ")"});
      Params p = base();
      p["a"] = a;
      p["b"] = b;
      Shift s = shift(p);
      if (s.ok)
        for (const auto& c : s.meta["change_points"])
          chart.markers.push_back({static_cast<double>(std::stoi(c["period"].get<std::string>())),
                                   c["period"].get<std::string>(), line.color});
      shifts.emplace_back(a + "\u2013" + b, std::move(s));
      chart.lines.push_back(std::move(line));
      ++k;
    }
    html += "<figure>" + svg::line_chart(chart) +
            "<figcaption>Agreement between the focus states, per year, with bootstrap intervals.</figcaption></figure>\n";
  }
  // Chart 2: each focus state vs the group, pooled over the group's members; and within the group.
  {
    svg::LineChart chart;
    chart.title = "Agreement of each focus state with " + vs_label_ + " per year";
    chart.y_label = "agreement";
    int k = 0;
    for (const auto& a : focus_) {
      Params p = base();
      p["a"] = a;
      p["b"] = vs_param_;
      Shift s = shift(p);
      svg::Line line;
      line.name = a + " vs " + vs_label_;
      line.color = kFocusColors[k % 6];
      if (s.ok) line.points = points_of(s.meta["series"]);
      shifts.emplace_back(a + " vs " + vs_label_, std::move(s));
      chart.lines.push_back(std::move(line));
      ++k;
    }
    Params p = base();
    p["a"] = vs_param_;
    p["b"] = vs_param_;
    Shift within = shift(p);
    if (within.ok) chart.lines.push_back({"within " + vs_label_, "#2166ac", points_of(within.meta["series"]), true});
    Params all = base();
    all["a"] = focus_param_;
    all["b"] = vs_param_;
    Shift overall = shift(all);
    if (overall.ok)
      for (const auto& c : overall.meta["change_points"])
        chart.markers.push_back({static_cast<double>(std::stoi(c["period"].get<std::string>())),
                                 c["period"].get<std::string>(), "#333"});
    shifts.emplace_back(focus_label_ + " vs " + vs_label_ + " (pooled)", std::move(overall));
    shifts.emplace_back("within " + vs_label_ + " (pooled)", std::move(within));
    html += "<figure>" + svg::line_chart(chart) +
            "<figcaption>Agreement of each focus state with the members of " + escape(vs_label_) +
            " (pooled over members: total agreement / total joint votes), and among " + escape(vs_label_) +
            " members (dashed). Markers: change points of the pooled focus-vs-" + escape(vs_label_) +
            " series.</figcaption></figure>\n";
  }
  // Section 2: the change point table.
  html += "</section>\n<section><h2>2. Since when: change points</h2>\n";
  html +=
      "<p>Each yearly series (agreement weight k out of n joint votes) is segmented by PELT with a beta-binomial cost "
      "(overdispersion estimated from the series), minimum regime length 3 years, penalty 2&#160;log(N<sub>eff</sub>) "
      "chosen from the CROPS penalty path. A change point is the first year of a new regime; arrows give the pooled "
      "agreement before and after.</p>\n<table><thead><tr><th>series</th><th>change points (before &#8594; "
      "after)</th><th>regimes: mean agreement (n joint votes)</th></tr></thead><tbody>\n";
  for (const auto& [name, s] : shifts) {
    html += "<tr><td>" + escape(name) + "</td><td>" + change_points_text(s) + "</td><td class=small>" + segments_text(s) +
            "</td></tr>\n";
    nlohmann::json cps = nlohmann::json::array();
    if (s.ok) cps = s.meta["change_points"];
    cps_json[name] = {{"change_points", cps}, {"segments", s.ok ? s.meta["segments"] : nlohmann::json::array()}};
  }
  html += "</tbody></table>\n";
  facts_["change_points"] = cps_json;
  // Summary: the latest change of each series (the current regime), one line.
  std::string since;
  for (const auto& [name, s] : shifts) {
    if (!s.ok) continue;
    const auto& seg = s.meta["segments"].back();
    std::string item = escape(name) + " ";
    if (s.meta["change_points"].empty()) {
      item += "no change point (" + seg["first"].get<std::string>() + "&#8211;" + seg["last"].get<std::string>() +
              ": " + fmt(seg["mean"].get<double>()) + ", n&#160;=&#160;" + fmt_n(seg["n"].get<double>()) + ")";
    } else {
      const auto& last = s.meta["change_points"].back();
      item += "since <b>" + last["period"].get<std::string>() + "</b>: " + fmt(last["before"].get<double>()) +
              " &#8594; " + fmt(last["after"].get<double>()) + " (n&#160;=&#160;" + fmt_n(seg["n"].get<double>()) + ")";
    }
    since += (since.empty() ? "" : "; ") + item;
  }
  if (!since.empty()) summary_.push_back("<b>Since when</b> (latest change point of each series, agreement before &#8594; after, n joint votes in the current regime): " + since + ".");
  body_ += html + "</section>\n";
}

void Builder::recent_section() {
  std::string html = "<section><h2>3. How aligned now (" + recent_label_ + ")</h2>\n";
  html += "<table><thead><tr><th>pair or set</th><th>agreement [" + fmt(o_.level * 100, 0) +
          "% CI] (n joint votes)</th></tr></thead><tbody>\n";
  nlohmann::json pairs = nlohmann::json::array();
  std::string pair_text;
  for (const auto& [a, b] : pairs_) {
    Params p = recent();
    p["a"] = a;
    p["b"] = b;
    p["measure"] = "agree";
    p["ci"] = fmt(o_.level, 3);
    p["boot"] = std::to_string(o_.boot);
    p["seed"] = std::to_string(o_.seed);
    auto t = run("agree", p);
    Estimate e;
    if (!t.rows.empty()) {
      const auto& r = t.rows[0];
      e = {dbl(r[col(t, "value")]), dbl(r[col(t, "lo")]), dbl(r[col(t, "hi")]), dbl(r[col(t, "n")])};
    }
    html += "<tr><td>" + a + "&#8211;" + b + "</td><td>" + show(e) + "</td></tr>\n";
    pairs.push_back({{"a", a}, {"b", b}, {"value", e.value}, {"lo", e.lo}, {"hi", e.hi}, {"n", e.n}});
    pair_text += (pair_text.empty() ? "" : ", ") + a + "&#8211;" + b + " " + show(e);
  }
  facts_["pairs"] = pairs;
  nlohmann::json fvg = nlohmann::json::array();
  std::string vs_text;
  for (const auto& a : focus_) {
    Pooled pool = pooled_agree(recent(), a, vs_param_);
    Estimate e{pool.mean(), NAN, NAN, pool.n};
    html += "<tr><td>" + a + " vs " + escape(vs_label_) + " (pooled)</td><td>" + show(e, false) + "</td></tr>\n";
    fvg.push_back({{"a", a}, {"value", e.value}, {"n", e.n}});
    vs_text += (vs_text.empty() ? "" : ", ") + a + " " + show(e, false);
  }
  facts_["focus_vs_group"] = fvg;
  Pooled within = pooled_agree(recent(), vs_param_, vs_param_);
  // a x b lists each dyad twice (both orders): n counts each dyad's votes twice.
  Estimate we{within.mean(), NAN, NAN, within.n / 2};
  html += "<tr><td>within " + escape(vs_label_) + " (pooled)</td><td>" + show(we, false) + "</td></tr>\n";
  facts_["within_group"] = {{"value", we.value}, {"n", we.n}};
  html += "</tbody></table>\n";
  // Per member of the group: who in the group is least far from the focus states.
  {
    Params p = recent();
    p["a"] = focus_param_;
    p["b"] = vs_param_;
    p["measure"] = "agree";
    auto t = run("agree", p);
    int ca = col(t, "a"), cb = col(t, "b"), v = col(t, "value"), n = col(t, "n");
    std::map<std::string, std::map<std::string, std::pair<double, double>>> grid;
    for (const auto& r : t.rows) grid[str(r[cb])][str(r[ca])] = {dbl(r[v]), dbl(r[n])};
    html += "<p class=small>Each focus state with each member of " + escape(vs_label_) + ", " + recent_label_ +
            " (agreement, n):</p><table class=small><thead><tr><th></th>";
    for (const auto& a : focus_) html += "<th>" + a + "</th>";
    html += "</tr></thead><tbody>";
    for (const auto& [b, row] : grid) {
      html += "<tr><td>" + b + "</td>";
      for (const auto& a : focus_) {
        auto it = row.find(a);
        html += "<td>" + (it == row.end() || it->second.second <= 0
                              ? std::string("&#8212;")
                              : fmt(it->second.first) + " (" + fmt_n(it->second.second) + ")") +
                "</td>";
      }
      html += "</tr>";
    }
    html += "</tbody></table>\n";
  }
  if (!pair_text.empty())
    summary_.insert(summary_.begin(), "<b>Now (" + recent_label_ + ")</b> the focus states agree with each other: " +
                                          pair_text + ".");
  summary_.insert(summary_.begin() + (pair_text.empty() ? 0 : 1),
                  "With " + escape(vs_label_) + " (pooled over members): " + vs_text + "; " + escape(vs_label_) +
                      " members among themselves: " + show(we, false) + ".");
  body_ += html + "</section>\n";
}

void Builder::issues_section() {
  svg::BarChart chart;
  chart.title = "Agreement by issue, " + recent_text_;
  chart.y_label = "agreement";
  svg::BarSeries within_focus{"within focus", "#b2182b", {}, {}}, cross{"focus vs " + vs_label_, "#999999", {}, {}},
      within_vs{"within " + vs_label_, "#2166ac", {}, {}};
  const bool several = focus_.size() > 1;
  std::string table = "<table><thead><tr><th>issue</th>" +
                      (several ? "<th>within " + escape(focus_label_) + "</th>" : std::string()) + "<th>" +
                      escape(focus_label_) + " vs " + escape(vs_label_) + "</th><th>within " + escape(vs_label_) +
                      "</th></tr></thead><tbody>\n";
  nlohmann::json issues = nlohmann::json::array();
  double widest = -1;
  std::string widest_issue;
  for (int i = 0; i < 6; ++i) {
    Params p = recent();
    p["issue"] = kIssues[i];
    Pooled wf, cr, wv;
    try {
      if (focus_.size() > 1) wf = pooled_agree(p, focus_param_, focus_param_);
      cr = pooled_agree(p, focus_param_, vs_param_);
      wv = pooled_agree(p, vs_param_, vs_param_);
    } catch (const UsageError&) {
      // no roll calls on this issue in the window
    }
    chart.categories.push_back(kIssues[i]);
    within_focus.values.push_back(wf.mean());
    within_focus.notes.push_back(fmt(wf.mean()) + " (n = " + fmt_n(wf.n / 2) + ")");
    cross.values.push_back(cr.mean());
    cross.notes.push_back(fmt(cr.mean()) + " (n = " + fmt_n(cr.n) + ")");
    within_vs.values.push_back(wv.mean());
    within_vs.notes.push_back(fmt(wv.mean()) + " (n = " + fmt_n(wv.n / 2) + ")");
    table += std::string("<tr><td>") + kIssues[i] + " &#8212; " + kIssueNames[i] + "</td>" +
             (several ? "<td>" + fmt(wf.mean()) + " (" + fmt_n(wf.n / 2) + ")</td>" : std::string()) + "<td>" +
             fmt(cr.mean()) + " (" + fmt_n(cr.n) + ")</td><td>" +
             fmt(wv.mean()) + " (" + fmt_n(wv.n / 2) + ")</td></tr>\n";
    issues.push_back({{"issue", kIssues[i]},
                      {"within_focus", wf.mean()},
                      {"within_focus_n", wf.n / 2},
                      {"focus_vs_group", cr.mean()},
                      {"focus_vs_group_n", cr.n},
                      {"within_group", wv.mean()},
                      {"within_group_n", wv.n / 2}});
    double gap = std::isfinite(wv.mean()) && std::isfinite(cr.mean()) ? wv.mean() - cr.mean() : -1;
    if (gap > widest && cr.n >= 20) {
      widest = gap;
      widest_issue = i < 6 ? std::string(kIssueNames[i]) + " (" + kIssues[i] + "): focus vs " + vs_label_ + " " +
                                 fmt(cr.mean()) + " (n = " + fmt_n(cr.n) + ") against " + fmt(wv.mean()) + " within " +
                                 vs_label_
                           : "";
    }
  }
  if (focus_.size() > 1) chart.series.push_back(within_focus);
  chart.series.push_back(cross);
  chart.series.push_back(within_vs);
  facts_["issues"] = issues;
  table += "</tbody></table>\n";
  body_ += "<section><h2>4. On which issues (" + recent_label_ +
           ")</h2>\n<p>Agreement pooled over the dyads of each side, on the roll calls coded with each of the six "
           "unvotes issues (a roll call may carry several). n = joint votes summed over dyads.</p>\n<figure>" +
           svg::bar_chart(chart) + "<figcaption>Agreement by issue.</figcaption></figure>\n" + table + "</section>\n";
  if (!widest_issue.empty()) summary_.push_back("<b>Widest gap</b> on " + escape(widest_issue) + ".");
}

void Builder::cohesion_section() {
  svg::LineChart chart;
  chart.title = "Cohesion (Hix-Noury-Roland AI) per year";
  chart.y_label = "AI";
  std::string table = "<table><thead><tr><th>group</th><th>AI " + recent_label_ +
                      "</th><th>random-voting null (95% range)</th><th>roll calls</th></tr></thead><tbody>\n";
  nlohmann::json facts = nlohmann::json::object();
  std::string text;
  int k = 0;
  for (const auto& [name, param] : {std::pair{focus_label_, focus_param_}, std::pair{vs_label_, vs_param_}}) {
    if (param == focus_param_ && focus_.size() < 2) continue;
    Params p = base();
    p["group"] = param;
    p["by"] = "year";
    p["index"] = "ai";
    p["null"] = "200";
    p["seed"] = std::to_string(o_.seed);
    auto t = run("cohesion", p);
    svg::Line line{name, k == 0 ? "#b2182b" : "#2166ac", {}, false};
    svg::Line null_line{name + " null", k == 0 ? "#f4a582" : "#92c5de", {}, true};
    int per = col(t, "period"), v = col(t, "value"), n = col(t, "n"), nm = col(t, "null_mean"), lo = col(t, "null_lo"),
        hi = col(t, "null_hi");
    for (const auto& r : t.rows) {
      double x = std::stoi(str(r[per]));
      line.points.push_back({x, dbl(r[v]), NAN, NAN, str(r[per]) + ": " + fmt(dbl(r[v])) + " (" + fmt_n(dbl(r[n])) + " roll calls)"});
      null_line.points.push_back({x, dbl(r[nm]), dbl(r[lo]), dbl(r[hi]), ""});
    }
    chart.lines.push_back(std::move(line));
    chart.lines.push_back(std::move(null_line));
    Params q = recent();
    q["group"] = param;
    q["index"] = "ai";
    q["null"] = "200";
    q["seed"] = std::to_string(o_.seed);
    auto r = run("cohesion", q);
    if (!r.rows.empty()) {
      const auto& row = r.rows[0];
      double value = dbl(row[col(r, "value")]), nmean = dbl(row[col(r, "null_mean")]);
      double nlo = dbl(row[col(r, "null_lo")]), nhi = dbl(row[col(r, "null_hi")]), rc = dbl(row[col(r, "n")]);
      table += "<tr><td>" + escape(name) + "</td><td>" + fmt(value) + "</td><td>" + fmt(nmean) + " [" + fmt(nlo) +
               "&#8211;" + fmt(nhi) + "]</td><td>" + fmt_n(rc) + "</td></tr>\n";
      facts[name] = {{"ai", value}, {"null_mean", nmean}, {"null_lo", nlo}, {"null_hi", nhi}, {"rollcalls", rc}};
      text += (text.empty() ? "" : "; ") + escape(name) + " AI " + fmt(value) + ", " + fmt(value - nmean) +
              " above its random-voting null of " + fmt(nmean) + " (" + fmt_n(rc) + " roll calls)";
    }
    ++k;
  }
  table += "</tbody></table>\n";
  facts_["cohesion"] = facts;
  body_ += "<section><h2>5. How cohesive is each side</h2>\n<p>Hix&#8211;Noury&#8211;Roland agreement index AI per roll "
           "call among the members voting (absences excluded), averaged per year. Dashed with band: the same index "
           "when members vote at random with their observed yes/no/abstain shares (200 simulations) &#8212; small "
           "groups look cohesive by chance, the null shows how much.</p>\n<figure>" +
           svg::line_chart(chart) + "<figcaption>Cohesion per year and its random-voting null.</figcaption></figure>\n" +
           table + "</section>\n";
  if (!text.empty()) summary_.push_back("<b>Cohesion</b> " + recent_label_ + ": " + text + ".");
}

void Builder::ideal_section() {
  std::string html = "<section><h2>6. Where they sit: ideal points</h2>\n";
  try {
    Params p;
    if (!o_.source.empty()) p["source"] = o_.source;
    p["year"] = std::to_string(last_year_);
    auto t = run("ideal-latest", p);
    int cc = -1, cv = -1;
    for (const char* name : {"country", "iso3", "state"})
      if (cc < 0) cc = t.column(name);
    for (const char* name : {"ideal", "position", "theta", "mean", "value"})
      if (cv < 0) cv = t.column(name);
    if (cc < 0 || cv < 0 || t.rows.empty()) throw std::runtime_error("no country/position columns");
    svg::StripChart chart;
    chart.title = "Ideal points " + std::to_string(last_year_);
    chart.x_label = "ideal point";
    chart.rows = {"all states", "focus", vs_label_};
    double lo = INFINITY, hi = -INFINITY;
    std::string list;
    for (const auto& r : t.rows) {
      std::string c = str(r[cc]);
      double x = dbl(r[cv]);
      if (!std::isfinite(x)) continue;
      lo = std::min(lo, x);
      hi = std::max(hi, x);
      bool f = std::find(focus_.begin(), focus_.end(), c) != focus_.end();
      bool v = std::find(vs_.begin(), vs_.end(), c) != vs_.end();
      chart.dots.push_back({"all states", x, c, c + ": " + fmt(x), "#999", false});
      if (f) chart.dots.push_back({"focus", x, c, c + ": " + fmt(x), "#b2182b", true});
      if (v) chart.dots.push_back({vs_label_, x, c, c + ": " + fmt(x), "#2166ac", true});
      if (f || v) list += (list.empty() ? "" : ", ") + c + " " + fmt(x);
    }
    chart.x_min = std::floor(lo);
    chart.x_max = std::ceil(hi);
    chart.left_label = "low";
    chart.right_label = "high";
    html += "<p>From the ideal-point model's run for " + std::to_string(last_year_) + ": " + list + ".</p><figure>" +
            svg::strip_chart(chart) + "<figcaption>Ideal points.</figcaption></figure>\n";
    facts_["ideal"] = "available";
  } catch (const std::exception& e) {
    html += "<p class=na>Not available: no ideal-point estimates for this store (" + escape(e.what()) +
            "). Run <code>rostrum ideal</code> when that stage is present and rebuild the brief.</p>\n";
    facts_["ideal"] = "not available";
  }
  body_ += html + "</section>\n";
}

// Blocs of every year of the window (5 seeded runs per round to stay fast): the
// Assembly's modularity over time, and the years in which the focus states share a
// bloc, and share it with no member of the comparison group.
std::string Builder::blocs_timeline() {
  Params p = base();
  p["by"] = "year";
  p["runs"] = "5";
  auto t = run("blocs", p);
  int cp = col(t, "period"), cb = col(t, "bloc"), cm = col(t, "members"), cq = col(t, "modularity"),
      ce = col(t, "effective_blocs");
  std::map<int, std::map<std::string, std::string>> bloc_of;
  std::map<int, std::pair<double, double>> q_eff;
  for (const auto& r : t.rows) {
    int y = std::stoi(str(r[cp]));
    q_eff[y] = {dbl(r[cq]), dbl(r[ce])};
    for (const std::string& member : split_list(str(r[cm]))) bloc_of[y][member] = str(r[cb]);
  }
  svg::LineChart chart;
  chart.title = "Modularity of the Assembly's agreement graph per year";
  chart.y_label = "modularity Q";
  chart.y_max = 0.5;
  svg::Line q{"modularity Q", "#444", {}, false};
  for (const auto& [y, v] : q_eff)
    q.points.push_back({static_cast<double>(y), v.first, NAN, NAN,
                        std::to_string(y) + ": Q = " + fmt(v.first, 3) + ", effective blocs " + fmt(v.second)});
  chart.lines.push_back(std::move(q));
  // together: every focus state present is in the first one's bloc; apart: no group member there.
  std::vector<int> together_years, apart_years;
  int streak_from = 0, present_years = 0;
  for (const auto& [y, blocs] : bloc_of) {
    std::string bloc;
    int present = 0;
    bool together = true;
    for (const auto& f : focus_) {
      auto it = blocs.find(f);
      if (it == blocs.end()) continue;
      ++present;
      if (bloc.empty()) bloc = it->second;
      else together &= it->second == bloc;
    }
    if (present < 2 && focus_.size() > 1) continue;
    ++present_years;
    bool apart = together;
    if (together)
      for (const auto& v : vs_) {
        auto it = blocs.find(v);
        if (it != blocs.end() && it->second == bloc) apart = false;
      }
    if (together) together_years.push_back(y);
    if (apart) apart_years.push_back(y);
    if (together && apart) {
      if (!streak_from) streak_from = y;
    } else {
      streak_from = 0;
    }
  }
  facts_["blocs_timeline"] = {{"years", present_years},
                              {"focus_together", together_years.size()},
                              {"focus_apart_from_group", apart_years.size()},
                              {"streak_from", streak_from}};
  std::string html = "<h3>Over time</h3><p>The same detection for every year of the record (5 seeded runs per "
                     "consensus round). In " +
                     std::to_string(together_years.size()) + " of " + std::to_string(present_years) + " years with at least two of them in the Assembly, " +
                     escape(focus_label_) + " (those present) share a bloc; in " + std::to_string(apart_years.size()) +
                     " of them no " + escape(vs_label_) + " member is in it";
  if (streak_from && streak_from < last_year_)
    html += ", every year since <b>" + std::to_string(streak_from) + "</b>";
  html += ".</p><figure>" + svg::line_chart(chart) +
          "<figcaption>Modularity Q of the yearly partition (higher: the Assembly splits more cleanly into blocs); "
          "hover for the effective number of blocs.</figcaption></figure>\n";
  if (streak_from && streak_from < last_year_)
    summary_.push_back("<b>Blocs</b>: " + escape(focus_label_) + " have shared a voting bloc without any " +
                       escape(vs_label_) + " member every year since " + std::to_string(streak_from) + " (" +
                       std::to_string(apart_years.size()) + " of " + std::to_string(present_years) +
                       " years overall).");
  return html;
}

void Builder::blocs_section() {
  std::string html = "<section><h2>7. Blocs</h2>\n";
  try {
    Params p;
    if (!o_.source.empty()) p["source"] = o_.source;
    p["year"] = std::to_string(last_year_);
    auto t = run("blocs", p);
    int cb = col(t, "bloc"), cl = col(t, "label"), cs = col(t, "size"), cm = col(t, "members");
    std::set<std::string> interesting(focus_.begin(), focus_.end());
    interesting.insert(vs_.begin(), vs_.end());
    html += "<p>Communities of the agreement graph of " + std::to_string(last_year_) +
            " (Leiden, resolution 1, consensus of 20 seeded runs; modularity Q = " +
            fmt(t.rows.empty() ? NAN : dbl(t.rows[0][col(t, "modularity")]), 3) + ", effective number of blocs " +
            fmt(t.rows.empty() ? NAN : dbl(t.rows[0][col(t, "effective_blocs")])) +
            ").</p><table><thead><tr><th>bloc (core)</th><th>size</th><th>focus / " + escape(vs_label_) +
            " members in it</th></tr></thead><tbody>\n";
    nlohmann::json facts = nlohmann::json::array();
    for (const auto& r : t.rows) {
      std::string in;
      std::vector<std::string> list;
      for (const std::string& one : split_list(str(r[cm]))) {
        if (!interesting.count(one)) continue;
        bool f = std::find(focus_.begin(), focus_.end(), one) != focus_.end();
        in += (in.empty() ? "" : ", ") + std::string(f ? "<b class=f>" : "<b class=v>") + one + "</b>";
        list.push_back(one);
      }
      html += "<tr><td>" + str(r[cb]) + " (" + escape(str(r[cl])) + ")</td><td>" + fmt_n(dbl(r[cs])) + "</td><td>" +
              (in.empty() ? "&#8212;" : in) + "</td></tr>\n";
      facts.push_back({{"bloc", str(r[cb])}, {"core", str(r[cl])}, {"size", dbl(r[cs])}, {"of_interest", list}});
    }
    html += "</tbody></table>\n";
    facts_["blocs"] = facts;
    html += blocs_timeline();
  } catch (const std::exception& e) {
    html += "<p class=na>Not available (" + escape(e.what()) + ").</p>\n";
  }
  body_ += html + "</section>\n";
}

void Builder::poles_section() {
  Params p = recent();
  p["poles"] = join(focus_, "+") + "," + vs_pole_;
  auto t = run("poles", p);
  int cc = col(t, "country"), cn = col(t, "name"), cr = col(t, "region"), ro = col(t, "role"), ta = col(t, "to_a"),
      na = col(t, "n_a"), tb = col(t, "to_b"), nb = col(t, "n_b"), mg = col(t, "margin");
  struct Row {
    std::string iso3, name, region;
    double a, b, na, nb, margin;
  };
  std::vector<Row> rows;
  for (const auto& r : t.rows) {
    if (!str(r[ro]).empty()) continue;
    if (std::find(vs_.begin(), vs_.end(), str(r[cc])) != vs_.end()) continue;  // a former/future member
    double m = dbl(r[mg]);
    if (!std::isfinite(m)) continue;
    rows.push_back({str(r[cc]), str(r[cn]), str(r[cr]), dbl(r[ta]), dbl(r[tb]), dbl(r[na]), dbl(r[nb]), m});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& x, const Row& y) { return x.margin > y.margin; });
  svg::StripChart chart;
  chart.title = "Third states between " + focus_label_ + " and " + vs_label_;
  chart.x_label = "agreement with " + focus_label_ + " minus agreement with " + vs_label_ + ", " + recent_text_;
  chart.left_label = "closer to " + vs_label_;
  chart.right_label = "closer to " + focus_label_;
  std::map<std::string, std::array<int, 2>> regions;
  double max_abs = 0.1;
  for (const auto& r : rows) max_abs = std::max(max_abs, std::fabs(r.margin));
  chart.x_min = -std::ceil(max_abs * 10) / 10;
  chart.x_max = std::ceil(max_abs * 10) / 10;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& r = rows[i];
    if (std::find(chart.rows.begin(), chart.rows.end(), r.region) == chart.rows.end()) chart.rows.push_back(r.region);
    bool labelled = i < 4 || i + 4 >= rows.size();
    chart.dots.push_back({r.region, r.margin, r.iso3,
                          r.name + ": " + fmt(r.a) + " with focus (n = " + fmt_n(r.na) + "), " + fmt(r.b) + " with " +
                              vs_label_ + " (n = " + fmt_n(r.nb) + ")",
                          r.margin > 0 ? "#b2182b" : "#2166ac", labelled});
    regions[r.region][r.margin > 0 ? 0 : 1]++;
  }
  std::sort(chart.rows.begin(), chart.rows.end());
  auto top_table = [&](bool to_focus) {
    std::string s = "<table class=small><thead><tr><th>state</th><th>with " + escape(focus_label_) + " (n)</th><th>with " +
                    escape(vs_label_) + " (n)</th><th>margin</th></tr></thead><tbody>";
    for (std::size_t k = 0; k < std::min<std::size_t>(10, rows.size()); ++k) {
      const auto& r = to_focus ? rows[k] : rows[rows.size() - 1 - k];
      s += "<tr><td>" + escape(r.name) + " (" + r.iso3 + ")</td><td>" + fmt(r.a) + " (" + fmt_n(r.na) + ")</td><td>" +
           fmt(r.b) + " (" + fmt_n(r.nb) + ")</td><td>" + fmt(r.margin) + "</td></tr>";
    }
    return s + "</tbody></table>";
  };
  int to_focus = 0;
  for (const auto& r : rows) to_focus += r.margin > 0;
  std::string region_table = "<table class=small><thead><tr><th>region</th><th>closer to " + escape(focus_label_) +
                             "</th><th>closer to " + escape(vs_label_) + "</th></tr></thead><tbody>";
  nlohmann::json region_json = nlohmann::json::object();
  std::string region_text;
  for (const auto& [region, c] : regions) {
    region_table += "<tr><td>" + escape(region) + "</td><td>" + std::to_string(c[0]) + "</td><td>" +
                    std::to_string(c[1]) + "</td></tr>";
    region_json[region] = {{"focus", c[0]}, {"group", c[1]}};
    region_text += (region_text.empty() ? "" : ", ") + escape(region) + " " + std::to_string(c[0]) + "/" +
                   std::to_string(c[0] + c[1]);
  }
  region_table += "</tbody></table>";
  nlohmann::json closest_focus = nlohmann::json::array(), closest_group = nlohmann::json::array();
  for (std::size_t k = 0; k < std::min<std::size_t>(5, rows.size()); ++k) {
    closest_focus.push_back(rows[k].iso3);
    closest_group.push_back(rows[rows.size() - 1 - k].iso3);
  }
  facts_["poles"] = {{"states", rows.size()},
                     {"closer_to_focus", to_focus},
                     {"closer_to_group", static_cast<int>(rows.size()) - to_focus},
                     {"by_region", region_json},
                     {"closest_to_focus", closest_focus},
                     {"closest_to_group", closest_group}};
  body_ += "<section><h2>8. Who stands closest to each side (" + recent_label_ +
           ")</h2>\n<p>For every other state with at least 10 votes: its agreement with the focus states and with " +
           escape(vs_label_) + " (each pooled over the side's members), and the margin between the two. " +
           std::to_string(to_focus) + " of " + std::to_string(rows.size()) + " states are closer to " +
           escape(focus_label_) + ".</p>\n<figure>" + svg::strip_chart(chart) +
           "<figcaption>Each dot a state; hover for values. Labelled: the four closest to each side.</figcaption></figure>\n"
           "<div class=cols><div><h3>Closest to " +
           escape(focus_label_) + "</h3>" + top_table(true) + "</div><div><h3>Closest to " + escape(vs_label_) + "</h3>" +
           top_table(false) + "</div></div>\n<h3>By region</h3>" + region_table + "</section>\n";
  if (!rows.empty()) {
    std::string top_f, top_g;
    for (std::size_t k = 0; k < std::min<std::size_t>(3, rows.size()); ++k) {
      top_f += (k ? ", " : "") + rows[k].iso3 + " " + fmt(rows[k].margin);
      top_g += (k ? ", " : "") + rows[rows.size() - 1 - k].iso3 + " " + fmt(rows[rows.size() - 1 - k].margin);
    }
    summary_.push_back("<b>Third states</b>: " + std::to_string(to_focus) + " of " + std::to_string(rows.size()) +
                       " vote closer to " + escape(focus_label_) + " than to " + escape(vs_label_) + " (by region: " +
                       region_text + "). Closest to the focus side: " + top_f + "; to " + escape(vs_label_) + ": " +
                       top_g + " (margin = agreement difference).");
  }
}

std::string Builder::methods() const {
  return R"(<section class=methods><h2>Methods</h2>
<dl>
<dt>Agreement (Voeten)</dt><dd>Votes coded yes = 1, abstain = 2, no = 3; for a pair, the mean of 1 &#8722; |v<sub>i</sub> &#8722; v<sub>j</sub>|/2 over the roll calls on which both cast a vote (n), after dropping roll calls on which every voting state voted alike. Voeten, E. (2000), &#8220;Clashes in the Assembly&#8221;, <i>International Organization</i> 54(2):185&#8211;215. Pooled values over several pairs are total agreement / total joint votes.</dd>
<dt>Intervals</dt><dd>Nonparametric bootstrap over roll calls within each period, percentile intervals (Efron &amp; Tibshirani 1993, <i>An Introduction to the Bootstrap</i>).</dd>
<dt>Change points</dt><dd>PELT (Killick, Fearnhead &amp; Eckley 2012, <i>JASA</i> 107:1590) on a beta-binomial likelihood of the yearly counts (Skellam 1948; Williams 1982), overdispersion estimated robustly from first differences; minimum segment 3 years; penalty path by CROPS (Haynes, Eckley &amp; Fearnhead 2017, <i>JCGS</i> 26:134); reported segmentation at penalty 2&#160;log(N<sub>eff</sub>) (Schwarz 1978 information criterion on the effective number of votes).</dd>
<dt>Cohesion</dt><dd>Agreement index AI = (1.5&#160;m &#8722; 0.5&#160;T)/T per roll call, m the largest of the yes/no/abstain counts among the T voting members (Hix, Noury &amp; Roland 2005, <i>British Journal of Political Science</i> 35:209), averaged per year; null: members drawn independently from the group's pooled vote shares in the period.</dd>
<dt>Blocs</dt><dd>Agreement graph of a year (edges: pairs above the year's mean agreement, at least 10 joint votes), Leiden communities (Traag, Waltman &amp; van Eck 2019, <i>Scientific Reports</i> 9:5233) with consensus over seeded runs (Lancichinetti &amp; Fortunato 2012, <i>Sci. Rep.</i> 2:336); modularity Q (Newman &amp; Girvan 2004); effective number of blocs 1/&#931;s<sub>k</sub><sup>2</sup> (Laakso &amp; Taagepera 1979).</dd>
<dt>Poles</dt><dd>Each third state's pooled agreement with each side and the difference (margin); positive = closer to the focus states.</dd>
<dt>Ideal points</dt><dd>When available: the project's dynamic ordinal IRT estimates (docs/ideal-points in the repository; Bailey, Strezhnev &amp; Voeten 2017, <i>Journal of Conflict Resolution</i> 61:430).</dd>
</dl>
<p class=small>Data: UN General Assembly roll calls as imported into the store (unvotes: Voeten, Strezhnev &amp; Bailey, Harvard Dataverse hdl:1902.1/12379). Absences are not votes and are excluded everywhere. Every figure in this brief is the output of a <code>rostrum</code> query (agree, shifts, cohesion, blocs, poles) and can be reproduced from the command line.</p>
</section>
)";
}

std::string Builder::css() const {
  return R"(<style>
:root{--f:#b2182b;--v:#2166ac}
body{font:15px/1.45 Georgia,'Times New Roman',serif;color:#222;max-width:860px;margin:2em auto;padding:0 1em}
h1{font-size:1.9em;margin:.2em 0}h2{font-size:1.25em;border-bottom:1px solid #ccc;margin-top:1.6em}h3{font-size:1em}
.sub{color:#555;margin-top:0}.summary{background:#f6f3ee;border-left:4px solid #b2182b;padding:.6em 1.2em}
.summary li{margin:.35em 0}table{border-collapse:collapse;margin:.6em 0;width:100%}
th,td{border-bottom:1px solid #ddd;padding:3px 6px;text-align:left;vertical-align:top}th{background:#f3f3f3}
.small{font-size:.85em}.na{color:#777;font-style:italic}figure{margin:1em 0}figcaption{font-size:.85em;color:#555}
svg.chart{width:100%;height:auto;font-family:Helvetica,Arial,sans-serif}
svg .grid{stroke:#e5e5e5}svg .axis{stroke:#888}svg .tick{font-size:10px;fill:#555}svg .legend{font-size:11px;fill:#222}
svg .mark{font-size:9px;fill:#333}b.f{color:var(--f)}b.v{color:var(--v)}
.cols{display:flex;gap:1em}.cols>div{flex:1}dt{font-weight:bold;margin-top:.5em}
code{font-size:.9em;background:#f3f3f3;padding:0 3px}
@media print{body{margin:0;max-width:none;font-size:11pt}section,figure,table{break-inside:avoid}
.summary{border:1px solid #999}a{color:inherit;text-decoration:none}}
</style>
)";
}

Brief Builder::build() {
  auto start = std::chrono::steady_clock::now();
  parse_sides();
  pair_series();
  recent_section();
  std::string recent_html = body_;
  body_.clear();
  shifts_section();
  std::string shifts_html = body_;
  body_.clear();
  issues_section();
  cohesion_section();
  ideal_section();
  blocs_section();
  poles_section();
  std::string rest = body_;
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::string source = o_.source;
  if (source.empty()) {
    try {
      auto info = query::run(ctx_, "info", {});
      for (const auto& s : info.meta["sources"])
        if (s.value("body", "") == "ga" || s.value("body", "") == "ga+sc") source = s.value("name", "");
      if (source.empty() && !info.meta["sources"].empty()) source = info.meta["sources"][0].value("name", "");
    } catch (const std::exception&) {
    }
  }
  std::time_t now = std::time(nullptr);
  char date[32];
  std::strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
  std::string title = focus_label_ + " vs " + vs_label_ + ": UN General Assembly alignment";
  std::string html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<meta name=\"viewport\" "
                     "content=\"width=device-width,initial-scale=1\">\n<title>" +
                     escape(title) + "</title>\n" + css() + "</head><body>\n<header><h1>" + escape(title) +
                     "</h1>\n<p class=sub>Focus: " + escape(focus_label_) + " (";
  for (std::size_t i = 0; i < focus_.size(); ++i) html += (i ? ", " : "") + escape(country_name(focus_[i]));
  html += "). Comparison group: " + escape(vs_label_) + " (" + escape(join(vs_, ", ")) + "). Roll calls " +
          std::to_string(first_year_) + "&#8211;" + std::to_string(last_year_) + ", source <code>" + escape(source) +
          "</code>; &#8216;now&#8217; = " + recent_label_ + ". Generated " + date + " by rostrum in " + fmt(secs, 1) +
          "&#160;s.</p></header>\n";
  html += "<section class=summary><h2>In brief</h2><ul>\n";
  for (const auto& s : summary_) html += "<li>" + s + "</li>\n";
  html += "</ul></section>\n";
  html += shifts_html + recent_html + rest + methods();
  html += "<footer class=small><p>Reproduce: <code>rostrum brief --focus " + escape(focus_param_) + " --vs " +
          escape(o_.vs) + (o_.from.empty() ? "" : " --from " + escape(o_.from)) +
          (o_.to.empty() ? "" : " --to " + escape(o_.to)) + " --out brief.html</code></p></footer>\n</body></html>\n";
  facts_["summary"] = summary_;
  facts_["focus"] = focus_;
  facts_["vs"] = vs_;
  facts_["seconds"] = secs;
  return {std::move(html), std::move(facts_)};
}

}  // namespace

Brief make_brief(query::Context& ctx, const BriefOptions& options) {
  if (options.boot < 0 || options.boot > 100000) throw UsageError("parameter 'boot': out of range [0, 100000]");
  Builder b(ctx, options);
  return b.build();
}

}  // namespace rostrum::report
