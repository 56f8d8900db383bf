// The brief's section: the channels beyond General Assembly votes -- formal
// alliance commitments (ATOP types, Leeds et al. 2002; treaty files), the
// alignment-alliance gap, Security Council vetoes and co-vetoes, and every
// channel of each focus pair side by side (the dyad view). Each part is shown
// only when the store holds its data; otherwise one line names the import.
#include "report/brief_builder.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "core/error.hpp"
#include "core/text.hpp"

namespace rostrum::report::brief_detail {

namespace {

bool is_one(const Cell& c) { return dbl(c) == 1; }
bool known(const Cell& c) { return !std::holds_alternative<std::monostate>(c); }

// "defence, consultation" from a timeline row's obligation columns that are 1.
std::string obligations_text(const Table& t, const std::vector<Cell>& row) {
  static const std::pair<const char*, const char*> kTypes[] = {{"defense", "defence"},
                                                               {"offense", "offence"},
                                                               {"neutral", "neutrality"},
                                                               {"nonagg", "non-aggression"},
                                                               {"consul", "consultation"}};
  std::string s;
  for (const auto& [column, label] : kTypes)
    if (is_one(row[col(t, column)])) s += (s.empty() ? "" : ", ") + std::string(label);
  return s;
}

std::string pair_label(const std::pair<std::string, std::string>& p) { return p.first + "&#8211;" + p.second; }

}  // namespace

std::vector<std::pair<std::string, std::string>> Builder::channel_pairs() const {
  if (focus_.size() >= 2) return pairs_;
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& b : vs_)
    if (b != focus_[0]) out.emplace_back(focus_[0], b);
  return out;
}

// Per pair: the alliance timeline (alliances --a --b), read for the latest year
// of the data: a defence pledge and the first year of its unbroken run, or the
// last year a complete source says there is none, with the treaties in force.
// Then the group's density by type (alliances --group), the alignment-alliance
// gap of 'now' (alliance-gap), co-vetoes and vetoes (vetoes --by pair / member),
// and every channel of each pair pooled over 'now' (dyad).
void Builder::channels_section() {
  const auto pairs = channel_pairs();
  if (pairs.empty()) return;  // one focus state, alone in the comparison group
  std::string html = "<section><h2>11. Alliances and vetoes: the channels beyond votes</h2>\n";
  nlohmann::json facts = nlohmann::json::object();

  // The dyad view over 'now': GA and SC agreement pooled over the years (total
  // agreement / total joint votes), vetoes and co-vetoes summed, the latest
  // year's defence pledge and portfolio similarity.
  struct Multiplex {
    Pooled ga, sc;
    double vetoes_a = NAN, vetoes_b = NAN, covetoes = NAN;
    Cell defense, portfolio;
    int defense_year = 0, portfolio_year = 0;
  };
  std::map<std::pair<std::string, std::string>, Multiplex> multiplex;
  for (const auto& pr : pairs) {
    Params p;
    if (!o_.source.empty()) p["source"] = o_.source;
    p["a"] = pr.first;
    p["b"] = pr.second;
    p["from"] = std::to_string(recent_from_);
    p["to"] = std::to_string(last_year_);
    p["ci"] = "0";
    auto t = run("dyad", p);
    Multiplex m;
    const int y = col(t, "year"), ga = col(t, "ga_agree"), gn = col(t, "ga_n"), sc = col(t, "sc_agree"),
              sn = col(t, "sc_n"), va = col(t, "vetoes_a"), vb = col(t, "vetoes_b"), cv = col(t, "covetoes"),
              de = col(t, "defense"), ps = col(t, "portfolio_s");
    auto add = [](double& sum, const Cell& c) {
      if (!known(c)) return;
      sum = (std::isfinite(sum) ? sum : 0) + dbl(c);
    };
    for (const auto& r : t.rows) {
      m.ga.add(dbl(r[ga]), dbl(r[gn]));
      m.sc.add(dbl(r[sc]), dbl(r[sn]));
      add(m.vetoes_a, r[va]);
      add(m.vetoes_b, r[vb]);
      add(m.covetoes, r[cv]);
      const int year = static_cast<int>(dbl(r[y]));
      if (known(r[de])) m.defense = r[de], m.defense_year = year;
      if (known(r[ps])) m.portfolio = r[ps], m.portfolio_year = year;
    }
    multiplex[pr] = m;
  }

  // Alliances.
  html += "<h3>Formal commitments</h3>\n";
  bool have_alliances = true;
  std::vector<std::string> sentences;
  nlohmann::json alliance_facts = nlohmann::json::array();
  int bound = 0, latest_year = 0;
  try {
    for (const auto& pr : pairs) {
      Params p;
      p["a"] = pr.first;
      p["b"] = pr.second;
      auto t = run("alliances", p);
      for (const auto& s : t.meta.value("sources", nlohmann::json::array())) {
        const std::string format = s.value("format", "");
        const std::string what = format == "atop"
                                     ? "ATOP 5.1, Alliance Treaty Obligations and Provisions (Leeds et al. 2002, "
                                       "<i>International Interactions</i> 28:237), complete for the years it covers"
                                     : "treaty file (each treaty with its cited text and dates)";
        credit("alliances", "<code>" + escape(s.value("source", "")) + "</code>: " + what + ", " +
                                std::to_string(s.value("first_year", 0)) + "&#8211;" +
                                std::to_string(s.value("last_year", 0)));
      }
      const int yc = col(t, "year"), de = col(t, "defense"), tr = col(t, "treaties"), cov = col(t, "coverage");
      if (t.rows.empty()) continue;
      const auto& last = t.rows.back();
      const int ylast = static_cast<int>(dbl(last[yc]));
      latest_year = std::max(latest_year, ylast);
      nlohmann::json f = {{"a", pr.first}, {"b", pr.second}, {"year", ylast}};
      std::string s = "<b>" + pair_label(pr) + "</b>: ";
      const std::string treaties = str(last[tr]);
      if (is_one(last[de])) {
        // The first year of the unbroken run of defence pledges ending in the last year.
        std::size_t k = t.rows.size() - 1;
        while (k > 0 && is_one(t.rows[k - 1][de])) --k;
        const int since = static_cast<int>(dbl(t.rows[k][yc]));
        ++bound;
        f["defense"] = 1;
        f["since"] = since;
        s += "a defence pledge in force every year since <b>" + std::to_string(since) + "</b> (to " +
             std::to_string(ylast) + ")";
        if (!treaties.empty()) s += ": " + escape(treaties);
        if (k == 0) {
          s += "; no source covers the years before";  // the run starts at the alliance data's first year
        } else {
          // What the data say about the year before the run.
          std::size_t j = k;
          while (j > 0 && !known(t.rows[j - 1][de])) --j;
          if (j == 0) {
            s += "; no source covers the years before";
          } else {
            const int before = static_cast<int>(dbl(t.rows[j - 1][yc]));
            s += "; none in " + std::to_string(before) + " (" + escape(str(t.rows[j - 1][cov])) + " coverage)";
            if (before + 1 < since)
              s += ", and no source covers " + std::to_string(before + 1) +
                   (before + 2 < since ? "&#8211;" + std::to_string(since - 1) : std::string());
          }
        }
      } else {
        int known_year = 0;
        for (std::size_t k = t.rows.size(); k-- > 0;)  // the latest year first
          if (known(t.rows[k][de])) {
            known_year = static_cast<int>(dbl(t.rows[k][yc]));
            break;
          }
        f["defense"] = known_year ? nlohmann::json(0) : nlohmann::json(nullptr);
        f["no_defense_known_in"] = known_year;
        s += known_year ? "no defence pledge (none in " + std::to_string(known_year) +
                              (known_year == ylast ? "" : ", the last year a complete source covers") + ")"
                        : "no source says whether they are bound";
        const std::string others = obligations_text(t, last);
        if (!others.empty())
          s += "; in " + std::to_string(ylast) + " " + others + (treaties.empty() ? "" : " (" + escape(treaties) + ")");
      }
      const auto& mx = multiplex[pr];
      s += "; GA agreement " + recent_label_ + " " + fmt(mx.ga.mean()) + " (n&#160;=&#160;" + fmt_n(mx.ga.n) + ").";
      f["ga_agree"] = mx.ga.mean();
      f["ga_n"] = mx.ga.n;
      alliance_facts.push_back(f);
      sentences.push_back(s);
    }
  } catch (const NotAvailableError&) {
    have_alliances = false;
  }
  if (!have_alliances) {
    html +=
        "<p class=small>No alliance data in the store: <code>rostrum alliances import "
        "atop_dyad_year.csv.gz data/treaties.csv</code> would add the focus states&#8217; defence, "
        "non-aggression and consultation pledges (ATOP 5.1 and the treaty file).</p>\n";
  } else {
    const std::string bound_text = std::to_string(bound) + " of " + std::to_string(pairs.size()) +
                                   (pairs.size() == 1 ? " pair is" : " pairs are") + " bound by a defence pledge in " +
                                   std::to_string(latest_year);
    html += "<p>" + bound_text + " (the alliance data&#8217;s last year).</p>\n<ul>\n";
    for (const auto& s : sentences) html += "<li>" + s + "</li>\n";
    html += "</ul>\n";
    std::string short_text;
    for (const auto& f : alliance_facts)
      if (f["defense"] == 1)
        short_text += (short_text.empty() ? "" : ", ") + f["a"].get<std::string>() + "&#8211;" +
                      f["b"].get<std::string>() + " since " + std::to_string(f["since"].get<int>());
    std::string agreement;
    for (const auto& pr : pairs)
      agreement += (agreement.empty() ? "" : ", ") + pair_label(pr) + " " + fmt(multiplex[pr].ga.mean());
    summary_.push_back("<b>Alliances</b>: " + bound_text + (short_text.empty() ? "" : " (" + short_text + ")") +
                       "; GA agreement " + recent_label_ + ": " + agreement + ".");
    facts["alliances"] = {{"pairs", alliance_facts}, {"bound", bound}, {"year", latest_year}};

    // Density by type within the focus, every ten years back from the last year a
    // complete source covers.
    if (focus_.size() >= 2) {
      Params p;
      p["group"] = join(focus_, "+");
      auto t = run("alliances", p);
      const int yc = col(t, "year"), cov = col(t, "coverage");
      int last_complete = 0;
      std::map<int, const std::vector<Cell>*> by_year;
      for (const auto& r : t.rows) {
        by_year[static_cast<int>(dbl(r[yc]))] = &r;
        if (str(r[cov]) == "complete") last_complete = static_cast<int>(dbl(r[yc]));
      }
      if (last_complete) {
        html += "<p class=small>Share of the " + escape(focus_label_) +
                " pairs bound by each type (<code>alliances --group</code>), every ten years to " +
                std::to_string(last_complete) +
                ", the last year a complete source covers (later years: the treaties above).</p>\n"
                "<table class=small><thead><tr><th>year</th><th>pairs</th><th>defence</th><th>offence</th>"
                "<th>neutrality</th><th>non-aggression</th><th>consultation</th><th>any</th></tr></thead><tbody>";
        std::string rows;
        for (int y = last_complete; y >= last_complete - 30; y -= 10) {
          auto it = by_year.find(y);
          if (it == by_year.end() || str((*it->second)[cov]) != "complete") continue;
          const auto& r = *it->second;
          std::string row = "<tr><td>" + std::to_string(y) + "</td><td>" + fmt_n(dbl(r[col(t, "pairs")])) + "</td>";
          for (const char* c : {"defense", "offense", "neutral", "nonagg", "consul", "any"})
            row += "<td>" + fmt(dbl(r[col(t, c)])) + "</td>";
          rows = rows + row + "</tr>";
          if (y == last_complete)
            facts["density"] = {{"year", y}, {"defense", dbl(r[col(t, "defense")])}, {"any", dbl(r[col(t, "any")])}};
        }
        html += rows + "</tbody></table>\n";
      }
    }

    // Alignment against commitments in 'now'.
    if (focus_.size() >= 2) {
      Params p;
      if (!o_.source.empty()) p["source"] = o_.source;
      p["focus"] = focus_param_;
      p["year"] = std::to_string(recent_from_) + "-" + std::to_string(last_year_);
      p["table"] = "all";
      auto t = run("alliance-gap", p);
      const int yc = col(t, "year"), a = col(t, "a"), b = col(t, "b"), ag = col(t, "agree"), n = col(t, "n"),
                q = col(t, "agree_quantile"), de = col(t, "defense"), cm = col(t, "commitments"),
                ca = col(t, "category");
      html += "<h3>Aligned without alliance, allied without alignment (" + recent_label_ +
              ")</h3>\n<p class=small>Each focus pair per year: GA agreement, its rank among all pairs of the "
              "year (0&#8211;1), and the defence pledge. <i>Aligned without alliance</i>: rank &#8805; 0.75 and no "
              "pledge; <i>allied without alignment</i>: a pledge and rank &#8804; 0.25; blank where no alliance "
              "source covers the year.</p>\n<table class=small><thead><tr><th>year</th><th>pair</th>"
              "<th>agreement (n)</th><th>rank</th><th>defence</th><th>commitments</th><th>category</th></tr></thead>"
              "<tbody>";
      nlohmann::json gaps = nlohmann::json::array();
      for (const auto& r : t.rows) {
        html += "<tr><td>" + str(r[yc]) + "</td><td>" + escape(str(r[a])) + "&#8211;" + escape(str(r[b])) +
                "</td><td>" + fmt(dbl(r[ag])) + " (" + fmt_n(dbl(r[n])) + ")</td><td>" + fmt(dbl(r[q])) + "</td><td>" +
                (known(r[de]) ? fmt_n(dbl(r[de])) : std::string("&#8211;")) + "</td><td>" + escape(str(r[cm])) +
                "</td><td>" + escape(str(r[ca])) + "</td></tr>";
        if (!str(r[ca]).empty())
          gaps.push_back({{"year", dbl(r[yc])}, {"a", str(r[a])}, {"b", str(r[b])}, {"category", str(r[ca])}});
      }
      html += "</tbody></table>\n";
      facts["gaps"] = gaps;
    }
  }

  // Vetoes.
  html += "<h3>Security Council vetoes</h3>\n";
  try {
    Params p;
    p["by"] = "list";
    auto list = run("vetoes", p);
    std::map<std::string, std::array<std::string, 2>> span;  // source -> first, last date
    std::map<std::string, int> count;
    const int dc = col(list, "date"), sc = col(list, "source");
    for (const auto& r : list.rows) {
      for (const auto& s : split_list(str(r[sc]))) {
        auto& sp = span[s];
        if (sp[0].empty() || str(r[dc]) < sp[0]) sp[0] = str(r[dc]);
        if (str(r[dc]) > sp[1]) sp[1] = str(r[dc]);
        ++count[s];
      }
    }
    std::string last_veto;
    for (const auto& [s, sp] : span) {
      credit("vetoes",
             "<code>" + escape(s) + "</code>: " + std::to_string(count[s]) + " vetoes, " + sp[0] + " to " + sp[1]);
      last_veto = std::max(last_veto, sp[1]);
    }
    p["by"] = "pair";
    auto pairs_t = run("vetoes", p);
    p["by"] = "member";
    auto members = run("vetoes", p);
    const std::set<std::string> focus(focus_.begin(), focus_.end());
    std::string rows, text;
    nlohmann::json covetoes = nlohmann::json::array();
    {
      const int a = col(pairs_t, "a"), b = col(pairs_t, "b"), per = col(pairs_t, "period"),
                n = col(pairs_t, "covetoes");
      for (const auto& r : pairs_t.rows) {
        if (!focus.count(str(r[a])) && !focus.count(str(r[b]))) continue;
        rows += "<tr><td>" + escape(str(r[a])) + "&#8211;" + escape(str(r[b])) + "</td><td>" + escape(str(r[per])) +
                "</td><td>" + fmt_n(dbl(r[n])) + "</td></tr>";
        covetoes.push_back({{"a", str(r[a])}, {"b", str(r[b])}, {"covetoes", dbl(r[n])}});
        text += (text.empty() ? "" : ", ") + escape(str(r[a])) + " and " + escape(str(r[b])) + " " + fmt_n(dbl(r[n]));
      }
    }
    std::string member_rows;
    nlohmann::json vetoes = nlohmann::json::object();
    {
      const int m = col(members, "member"), v = col(members, "vetoes"), al = col(members, "alone"),
                wo = col(members, "with_others"), per = col(members, "period");
      for (const auto& r : members.rows) {
        const std::string who = str(r[m]);
        const bool vs = std::find(vs_.begin(), vs_.end(), who) != vs_.end();
        if (!focus.count(who) && !vs) continue;
        member_rows += "<tr><td>" + escape(who) + "</td><td>" + escape(str(r[per])) + "</td><td>" + fmt_n(dbl(r[v])) +
                       "</td><td>" + fmt_n(dbl(r[al])) + "</td><td>" + fmt_n(dbl(r[wo])) + "</td></tr>";
        vetoes[who] = {{"vetoes", dbl(r[v])}, {"alone", dbl(r[al])}, {"with_others", dbl(r[wo])}};
      }
    }
    facts["covetoes"] = covetoes;
    facts["vetoes"] = vetoes;
    html += "<p>Drafts vetoed together (co-vetoes) by pairs with a focus state, over the whole veto record (to " +
            last_veto + "): " + (text.empty() ? "none" : text) + ".</p>\n";
    html +=
        "<div class=cols><div><table class=small><thead><tr><th>pair</th><th>years</th><th>co-vetoes</th></tr>"
        "</thead><tbody>" +
        (rows.empty() ? "<tr><td colspan=3>none</td></tr>" : rows) +
        "</tbody></table></div><div><table class=small><thead><tr><th>member</th><th>years</th><th>vetoes</th>"
        "<th>alone</th><th>with others</th></tr></thead><tbody>" +
        (member_rows.empty() ? "<tr><td colspan=5>no vetoes by these states</td></tr>" : member_rows) +
        "</tbody></table></div></div>\n";
    if (!text.empty())
      summary_.push_back("<b>Vetoes</b>: co-vetoes with a focus state: " + text + " (to " + last_veto + ").");
  } catch (const NotAvailableError&) {
    html +=
        "<p class=small>No Security Council vetoes in the store: <code>rostrum vetoes import "
        "unsc_vetoes_1946_sept2022.csv</code> would add co-vetoes and vetoes by member.</p>\n";
  }

  // Every channel side by side.
  html +=
      "<h3>Every channel of each pair, " + recent_label_ +
      "</h3>\n<p class=small>From <code>dyad</code>: General Assembly and Security Council agreement pooled over "
      "the years (n joint votes), vetoes and co-vetoes summed, the latest year&#8217;s defence pledge and "
      "alliance-portfolio similarity S (Signorino &amp; Ritter 1999); &#8211; where the store has no data.</p>\n"
      "<table class=small><thead><tr><th>pair</th><th>GA agreement (n)</th><th>SC agreement (n)</th>"
      "<th>vetoes a / b</th><th>co-vetoes</th><th>defence (year)</th><th>portfolio S (year)</th></tr></thead><tbody>";
  nlohmann::json dyads = nlohmann::json::array();
  for (const auto& pr : pairs) {
    const auto& m = multiplex[pr];
    auto or_dash = [](double v) { return std::isfinite(v) ? fmt_n(v) : std::string("&#8211;"); };
    html += "<tr><td>" + pair_label(pr) + "</td><td>" +
            (m.ga.n > 0 ? fmt(m.ga.mean()) + " (" + fmt_n(m.ga.n) + ")" : "&#8211;") + "</td><td>" +
            (m.sc.n > 0 ? fmt(m.sc.mean()) + " (" + fmt_n(m.sc.n) + ")" : "&#8211;") + "</td><td>" +
            or_dash(m.vetoes_a) + " / " + or_dash(m.vetoes_b) + "</td><td>" + or_dash(m.covetoes) + "</td><td>" +
            (m.defense_year ? fmt_n(dbl(m.defense)) + " (" + std::to_string(m.defense_year) + ")" : "&#8211;") +
            "</td><td>" +
            (m.portfolio_year ? fmt(dbl(m.portfolio)) + " (" + std::to_string(m.portfolio_year) + ")" : "&#8211;") +
            "</td></tr>";
    dyads.push_back({{"a", pr.first},
                     {"b", pr.second},
                     {"ga", m.ga.mean()},
                     {"ga_n", m.ga.n},
                     {"sc", m.sc.mean()},
                     {"sc_n", m.sc.n},
                     {"covetoes", std::isfinite(m.covetoes) ? nlohmann::json(m.covetoes) : nlohmann::json(nullptr)}});
  }
  html += "</tbody></table>\n</section>\n";
  facts["dyads"] = dyads;
  facts_["channels"] = facts;
  body_ += html;
}

}  // namespace rostrum::report::brief_detail
