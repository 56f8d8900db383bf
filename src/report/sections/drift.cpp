// The brief's section: who moved -- the third states whose position between the
// comparison group and the focus states changed between an earlier period and
// now, from the drift analysis (measures/poles.hpp: projection on the segment
// between the poles, Torgerson 1952; percentile bootstrap intervals over roll
// calls, Efron & Tibshirani 1993).
#include "report/brief_builder.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "core/text.hpp"

namespace rostrum::report::brief_detail {

namespace {

std::string years_text(int from, int to) {
  return from == to ? std::to_string(from) : std::to_string(from) + "&#8211;" + std::to_string(to);
}
std::string years_param(int from, int to) {
  return from == to ? std::to_string(from) : std::to_string(from) + "-" + std::to_string(to);
}

struct Mover {
  std::string iso3, name, region;
  double from = NAN, to = NAN, change = NAN, lo = NAN, hi = NAN;
  // +1: the interval lies above 0 (toward the focus states), -1: below (toward
  // the group), 0: it holds 0 -- not called a move.
  int moved = 0;
};

}  // namespace

// The earlier period is as long as 'now' and ends ten years before the record's
// last year (2011-2015 against 2021-2025); on a shorter record it starts at the
// record's first year, and the section is left out when the two would overlap.
// Pole A is the comparison group and pole B the focus states, so a positive
// change is a move toward the focus states (as in the poles section, where
// right means closer to them).
void Builder::drift_section() {
  const int length = last_year_ - recent_from_ + 1;
  int early_to = last_year_ - 10, early_from = early_to - length + 1;
  if (early_from < first_year_) {
    early_from = first_year_;
    early_to = early_from + length - 1;
  }
  std::string html = "<section><h2>10. Who moved: third states between " + escape(vs_label_) + " and " +
                     escape(focus_label_) + "</h2>\n";
  nlohmann::json facts = nlohmann::json::object();
  if (early_to >= recent_from_) {
    html += "<p>The record (" + years_text(first_year_, last_year_) + ") is too short for an earlier period of " +
            std::to_string(length) +
            " years before &#8216;now&#8217;: import a longer vote record (<code>rostrum import</code>, e.g. "
            "unvotes 1946&#8211;2019) to see who moved.</p>\n</section>\n";
    body_ += html;
    return;
  }
  const std::string early_label = years_text(early_from, early_to);
  Params p;
  if (!o_.source.empty()) p["source"] = o_.source;
  p["poles"] = vs_pole_ + "," + join(focus_, "+");
  p["from"] = years_param(early_from, early_to);
  p["to"] = years_param(recent_from_, last_year_);
  p["boot"] = std::to_string(std::clamp(o_.boot, 50, 20000));
  p["level"] = fmt(o_.level, 3);
  p["seed"] = std::to_string(o_.seed);
  auto t = run("drift", p);
  std::vector<Mover> rows;
  for (const auto& s : t.meta["states"]) {
    Mover m{s["country"].get<std::string>(), s["name"].get<std::string>(), s["region"].get<std::string>()};
    m.from = s["from_position"].get<double>();
    m.to = s["to_position"].get<double>();
    m.change = s["change"].get<double>();
    m.lo = s["lo"].is_number() ? s["lo"].get<double>() : NAN;
    m.hi = s["hi"].is_number() ? s["hi"].get<double>() : NAN;
    m.moved = m.lo > 0 ? 1 : m.hi < 0 ? -1 : 0;
    if (std::find(vs_.begin(), vs_.end(), m.iso3) != vs_.end()) continue;  // a former or later member
    rows.push_back(std::move(m));
  }
  std::sort(rows.begin(), rows.end(), [](const Mover& x, const Mover& y) { return x.change > y.change; });
  std::vector<const Mover*> to_focus, to_group;
  for (const auto& m : rows) {
    if (m.moved > 0) to_focus.push_back(&m);
    if (m.moved < 0) to_group.push_back(&m);
  }
  std::reverse(to_group.begin(), to_group.end());  // largest move toward the group first
  const int level_pct = static_cast<int>(std::lround(o_.level * 100));
  facts = {{"from", years_param(early_from, early_to)},
           {"to", years_param(recent_from_, last_year_)},
           {"states", rows.size()},
           {"toward_focus", to_focus.size()},
           {"toward_group", to_group.size()},
           {"no_clear_change", rows.size() - to_focus.size() - to_group.size()}};
  nlohmann::json moved = nlohmann::json::array();
  for (const auto& m : rows)
    moved.push_back({{"country", m.iso3},
                     {"from", m.from},
                     {"to", m.to},
                     {"change", m.change},
                     {"lo", m.lo},
                     {"hi", m.hi},
                     {"moved", m.moved > 0   ? "toward focus"
                               : m.moved < 0 ? "toward group"
                                             : "no clear change"}});
  facts["states_detail"] = moved;
  facts_["drift"] = facts;
  if (rows.empty()) {
    html += "<p>No state can be placed in both periods (" + early_label + " and " + recent_label_ +
            "): " + escape(t.meta.value("reason", std::string("no data"))) + ".</p>\n</section>\n";
    body_ += html;
    return;
  }

  svg::StripChart chart;
  chart.title = "Change of position between " + vs_label_ + " (0) and " + focus_label_ + " (1)";
  chart.x_label = "change of position from " +
                  (early_from == early_to ? std::to_string(early_from)
                                          : std::to_string(early_from) + "\u2013" + std::to_string(early_to)) +
                  " to " + recent_text_;
  chart.left_label = "toward " + vs_label_;
  chart.right_label = "toward " + focus_label_;
  double max_abs = 0.1;
  for (const auto& m : rows) max_abs = std::max(max_abs, std::fabs(m.change));
  chart.x_min = -std::ceil(max_abs * 10) / 10;
  chart.x_max = std::ceil(max_abs * 10) / 10;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& m = rows[i];
    if (std::find(chart.rows.begin(), chart.rows.end(), m.region) == chart.rows.end()) chart.rows.push_back(m.region);
    const bool labelled = m.moved != 0 && (i < 4 || i + 4 >= rows.size());
    chart.dots.push_back({m.region, m.change, m.iso3,
                          m.name + ": " + fmt(m.from) + " -> " + fmt(m.to) + ", change " + fmt(m.change) + " [" +
                              fmt(m.lo) + ", " + fmt(m.hi) + "]",
                          m.moved > 0   ? "#b2182b"
                          : m.moved < 0 ? "#2166ac"
                                        : "#bbbbbb",
                          labelled});
  }
  std::sort(chart.rows.begin(), chart.rows.end());
  auto table = [&](const std::vector<const Mover*>& list) {
    if (list.empty()) return std::string("<p class=small>None.</p>");
    std::string s = "<table class=small><thead><tr><th>state</th><th>" + early_label + "</th><th>" + recent_label_ +
                    "</th><th>change [" + std::to_string(level_pct) + "% interval]</th></tr></thead><tbody>";
    for (std::size_t k = 0; k < std::min<std::size_t>(10, list.size()); ++k) {
      const Mover& m = *list[k];
      s += "<tr><td>" + escape(m.name) + " (" + m.iso3 + ")</td><td>" + fmt(m.from) + "</td><td>" + fmt(m.to) +
           "</td><td>" + fmt(m.change) + " [" + fmt(m.lo) + "&#8211;" + fmt(m.hi) + "]</td></tr>";
    }
    return s + "</tbody></table>";
  };
  const std::size_t unclear = rows.size() - to_focus.size() - to_group.size();
  html += "<p>Each state&#8217;s position on the line from " + escape(vs_label_) + " (0) to " + escape(focus_label_) +
          " (1), from its agreement with each side (pooled over the side&#8217;s members), in " + early_label +
          " and in " + recent_label_ + ", and the change with its " + std::to_string(level_pct) +
          "% bootstrap interval. A state is called <i>moved</i> only when the interval excludes 0: " +
          std::to_string(to_focus.size()) + " of " + std::to_string(rows.size()) + " states moved toward " +
          escape(focus_label_) + ", " + std::to_string(to_group.size()) + " toward " + escape(vs_label_) + "; " +
          std::to_string(unclear) + " show no clear change.</p>\n<figure>" + svg::strip_chart(chart) +
          "<figcaption>Each dot a state (red: moved toward " + escape(focus_label_) + ", blue: toward " +
          escape(vs_label_) +
          ", grey: interval holds 0); hover for positions and interval.</figcaption></figure>\n"
          "<div class=cols><div><h3>Moved toward " +
          escape(focus_label_) + "</h3>" + table(to_focus) + "</div><div><h3>Moved toward " + escape(vs_label_) +
          "</h3>" + table(to_group) + "</div></div>\n</section>\n";
  body_ += html;
  auto names = [](const std::vector<const Mover*>& list) {
    std::string s;
    for (std::size_t k = 0; k < std::min<std::size_t>(3, list.size()); ++k)
      s += (k ? ", " : "") + list[k]->iso3 + " " + (list[k]->change > 0 ? "+" : "") + fmt(list[k]->change);
    return s;
  };
  summary_.push_back("<b>Who moved</b> (" + early_label + " to " + recent_label_ +
                     ", position 0 = " + escape(vs_label_) + ", 1 = " + escape(focus_label_) +
                     "): " + std::to_string(to_focus.size()) + " states toward " + escape(focus_label_) +
                     (to_focus.empty() ? "" : " (" + names(to_focus) + ")") + ", " + std::to_string(to_group.size()) +
                     " toward " + escape(vs_label_) + (to_group.empty() ? "" : " (" + names(to_group) + ")") + ", " +
                     std::to_string(unclear) + " no clear change.");
}

}  // namespace rostrum::report::brief_detail
