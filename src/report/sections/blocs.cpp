// The brief's section: voting blocs of the latest year and over time.
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
      if (bloc.empty())
        bloc = it->second;
      else
        together &= it->second == bloc;
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
  std::string html =
      "<h3>Over time</h3><p>The same detection for every year of the record (5 seeded runs per "
      "consensus round). In " +
      std::to_string(together_years.size()) + " of " + std::to_string(present_years) +
      " years with at least two of them in the Assembly, " + escape(focus_label_) +
      " (those present) share a bloc; in " + std::to_string(apart_years.size()) + " of them no " + escape(vs_label_) +
      " member is in it";
  if (streak_from && streak_from < last_year_) html += ", every year since <b>" + std::to_string(streak_from) + "</b>";
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

}  // namespace rostrum::report::brief_detail
