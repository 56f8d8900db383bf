// The brief's section: where the states sit on the ideal-point scale.
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

}  // namespace rostrum::report::brief_detail
