// The brief's section: how cohesive each side is, against a random-voting null.
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
      line.points.push_back(
          {x, dbl(r[v]), NAN, NAN, str(r[per]) + ": " + fmt(dbl(r[v])) + " (" + fmt_n(dbl(r[n])) + " roll calls)"});
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
  body_ +=
      "<section><h2>5. How cohesive is each side</h2>\n<p>Hix&#8211;Noury&#8211;Roland agreement index AI per roll "
      "call among the members voting (absences excluded), averaged per year. Dashed with band: the same index "
      "when members vote at random with their observed yes/no/abstain shares (200 simulations) &#8212; small "
      "groups look cohesive by chance, the null shows how much.</p>\n<figure>" +
      svg::line_chart(chart) + "<figcaption>Cohesion per year and its random-voting null.</figcaption></figure>\n" +
      table + "</section>\n";
  if (!text.empty()) summary_.push_back("<b>Cohesion</b> " + recent_label_ + ": " + text + ".");
}

}  // namespace rostrum::report::brief_detail
