// The brief's section: since when: change points of each pair's agreement.
#include "report/brief_builder.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/error.hpp"
#include "core/rollcall.hpp"
#include "core/text.hpp"
#include "registry/registry.hpp"

namespace rostrum::report::brief_detail {

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
                               std::to_string(pt.year) + ": " + fmt(pt.value) + " [" + fmt(pt.lo) + ", " + fmt(pt.hi) +
                                   "] (n = " + fmt_n(pt.n) + ")"});
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
    html +=
        "<figure>" + svg::line_chart(chart) +
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
        chart.markers.push_back(
            {static_cast<double>(std::stoi(c["period"].get<std::string>())), c["period"].get<std::string>(), "#333"});
    shifts.emplace_back(focus_label_ + " vs " + vs_label_ + " (pooled)", std::move(overall));
    shifts.emplace_back("within " + vs_label_ + " (pooled)", std::move(within));
    html += "<figure>" + svg::line_chart(chart) + "<figcaption>Agreement of each focus state with the members of " +
            escape(vs_label_) + " (pooled over members: total agreement / total joint votes), and among " +
            escape(vs_label_) + " members (dashed). Markers: change points of the pooled focus-vs-" +
            escape(vs_label_) + " series.</figcaption></figure>\n";
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
    html += "<tr><td>" + escape(name) + "</td><td>" + change_points_text(s) + "</td><td class=small>" +
            segments_text(s) + "</td></tr>\n";
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
  if (!since.empty())
    summary_.push_back(
        "<b>Since when</b> (latest change point of each series, agreement before &#8594; after, n joint votes in the "
        "current regime): " +
        since + ".");
  body_ += html + "</section>\n";
}

}  // namespace rostrum::report::brief_detail
