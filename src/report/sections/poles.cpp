// The brief's section: which third states lean to each side.
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
    std::string s = "<table class=small><thead><tr><th>state</th><th>with " + escape(focus_label_) +
                    " (n)</th><th>with " + escape(vs_label_) + " (n)</th><th>margin</th></tr></thead><tbody>";
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
  body_ +=
      "<section><h2>8. Who stands closest to each side (" + recent_label_ +
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
                       " vote closer to " + escape(focus_label_) + " than to " + escape(vs_label_) +
                       " (by region: " + region_text + "). Closest to the focus side: " + top_f + "; to " +
                       escape(vs_label_) + ": " + top_g + " (margin = agreement difference).");
  }
}

}  // namespace rostrum::report::brief_detail
