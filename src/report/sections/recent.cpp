// The brief's section: how aligned now: recent agreement with intervals.
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
  // Pairs within one set are listed once: n is the joint votes over the group's dyads.
  Estimate we{within.mean(), NAN, NAN, within.n};
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
        html += "<td>" +
                (it == row.end() || it->second.second <= 0
                     ? std::string("&#8212;")
                     : fmt(it->second.first) + " (" + fmt_n(it->second.second) + ")") +
                "</td>";
      }
      html += "</tr>";
    }
    html += "</tbody></table>\n";
  }
  if (!pair_text.empty())
    summary_.insert(summary_.begin(),
                    "<b>Now (" + recent_label_ + ")</b> the focus states agree with each other: " + pair_text + ".");
  summary_.insert(summary_.begin() + (pair_text.empty() ? 0 : 1),
                  "With " + escape(vs_label_) + " (pooled over members): " + vs_text + "; " + escape(vs_label_) +
                      " members among themselves: " + show(we, false) + ".");
  body_ += html + "</section>\n";
}

}  // namespace rostrum::report::brief_detail
