// The brief's section: on which issues: agreement by issue code.
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
  const auto& codes = issue_code_table();
  for (std::size_t i = 0; i < codes.size(); ++i) {
    const std::string code(codes[i].code), name = issue_title(codes[i].label);
    Params p = recent();
    p["issue"] = code;
    Pooled wf, cr, wv;
    try {
      if (focus_.size() > 1) wf = pooled_agree(p, focus_param_, focus_param_);
      cr = pooled_agree(p, focus_param_, vs_param_);
      wv = pooled_agree(p, vs_param_, vs_param_);
    } catch (const UsageError&) {
      // no roll calls on this issue in the window
    }
    chart.categories.push_back(code);
    within_focus.values.push_back(wf.mean());
    within_focus.notes.push_back(fmt(wf.mean()) + " (n = " + fmt_n(wf.n) + ")");
    cross.values.push_back(cr.mean());
    cross.notes.push_back(fmt(cr.mean()) + " (n = " + fmt_n(cr.n) + ")");
    within_vs.values.push_back(wv.mean());
    within_vs.notes.push_back(fmt(wv.mean()) + " (n = " + fmt_n(wv.n) + ")");
    table += std::string("<tr><td>") + code + " &#8212; " + name + "</td>" +
             (several ? "<td>" + fmt(wf.mean()) + " (" + fmt_n(wf.n) + ")</td>" : std::string()) + "<td>" +
             fmt(cr.mean()) + " (" + fmt_n(cr.n) + ")</td><td>" + fmt(wv.mean()) + " (" + fmt_n(wv.n) + ")</td></tr>\n";
    issues.push_back({{"issue", code},
                      {"within_focus", wf.mean()},
                      {"within_focus_n", wf.n},
                      {"focus_vs_group", cr.mean()},
                      {"focus_vs_group_n", cr.n},
                      {"within_group", wv.mean()},
                      {"within_group_n", wv.n}});
    double gap = std::isfinite(wv.mean()) && std::isfinite(cr.mean()) ? wv.mean() - cr.mean() : -1;
    if (gap > widest && cr.n >= 20) {
      widest = gap;
      widest_issue = i < codes.size()
                         ? name + " (" + code + "): focus vs " + vs_label_ + " " + fmt(cr.mean()) +
                               " (n = " + fmt_n(cr.n) + ") against " + fmt(wv.mean()) + " within " + vs_label_
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

}  // namespace rostrum::report::brief_detail
