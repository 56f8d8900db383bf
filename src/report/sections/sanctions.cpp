// The brief's section: sanctions, when the focus states are targets of the
// imported lists or issue one (China's counter-sanctions): entities each issuer
// lists per focus target with those all list and the Jaccard index (shared /
// union; Jaccard 1901), who listed first between the US and the EU, and whom
// China lists. Entities are designations joined by matching (docs/sanctions.md).
#include "report/brief_builder.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "core/error.hpp"
#include "core/text.hpp"

namespace rostrum::report::brief_detail {

namespace {

std::string issuer_name(const std::string& issuer) {
  if (issuer == "US") return "United States (OFAC)";
  if (issuer == "EU") return "European Union";
  if (issuer == "UN") return "UN Security Council";
  if (issuer == "CN") return "China";
  return issuer;
}

// Thousands separated by a thin space: 5296 -> "5&#8201;296".
std::string count(double n) {
  std::string digits = fmt_n(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0 && digits[i - 1] != '-') out += "&#8201;";
    out += digits[i];
  }
  return out;
}

}  // namespace

void Builder::sanctions_section() {
  std::string html = "<section><h2>12. Sanctions</h2>\n";
  Table lists;
  try {
    lists = run("sanctions/lists", {});
  } catch (const NotAvailableError&) {
    body_ += html +
             "<p class=small>No sanctions lists in the store: <code>rostrum sanctions import DIR</code> (OFAC, EU, UN "
             "and China&#8217;s lists) would add who lists the focus states&#8217; entities and China&#8217;s "
             "counter-sanctions.</p>\n</section>\n";
    return;
  }
  std::vector<std::string> issuers;  // present, in the order US, EU, UN, CN
  for (const auto& l : lists.meta["lists"]) {
    const std::string issuer = l.value("issuer", "");
    if (std::find(issuers.begin(), issuers.end(), issuer) == issuers.end()) issuers.push_back(issuer);
    const std::string as_of = l["as_of"].is_string() ? l["as_of"].get<std::string>() : "";
    const std::string basis = l["as_of_basis"].is_string() ? l["as_of_basis"].get<std::string>() : "";
    credit("sanctions", escape(issuer) + " <code>" + escape(l.value("key", "")) +
                            "</code>: " + escape(l.value("name", "")) + ", " + count(l.value("entries", 0.0)) +
                            (l.value("entries", 0.0) == 1 ? " entry, " : " entries, ") +
                            (as_of.empty() ? std::string("date not stated")
                                           : "as of " + as_of +
                                                 (basis == "latest-listing" ? " (its latest listing)"
                                                  : basis == "given"        ? " (given at import)"
                                                                            : "")));
  }
  auto has = [&](const char* i) { return std::find(issuers.begin(), issuers.end(), i) != issuers.end(); };
  std::vector<std::string> target_issuers;
  for (const char* i : {"US", "EU", "UN"})
    if (has(i)) target_issuers.push_back(i);
  nlohmann::json facts = nlohmann::json::object();
  std::vector<std::string> summary;

  // Coverage per focus target.
  bool any_target = false;
  if (!target_issuers.empty()) {
    Params p;
    p["issuers"] = join(target_issuers);
    p["target"] = focus_param_;
    auto t = run("sanctions/coverage", p);
    const int g = col(t, "group"), is = col(t, "issuer"), en = col(t, "entities"), sh = col(t, "shared"),
              un = col(t, "union"), ja = col(t, "jaccard");
    struct Row {
      std::map<std::string, double> by_issuer;
      double shared = 0, uni = 0, jaccard = NAN;
    };
    std::map<std::string, Row> rows;
    for (const auto& r : t.rows) {
      const std::string target = str(r[g]);
      if (std::find(focus_.begin(), focus_.end(), target) == focus_.end()) continue;
      auto& row = rows[target];
      row.by_issuer[str(r[is])] = dbl(r[en]);
      row.shared = dbl(r[sh]);
      row.uni = dbl(r[un]);
      row.jaccard = dbl(r[ja]);
    }
    // With more than two issuers, the pair readers compare most: listed by both the US and the EU.
    const bool us_eu = target_issuers.size() > 2 && has("US") && has("EU");
    std::map<std::string, std::array<double, 3>> pair;  // target -> shared, union, jaccard
    if (us_eu) {
      Params q = p;
      q["issuers"] = "US,EU";
      auto u = run("sanctions/coverage", q);
      for (const auto& r : u.rows)
        pair[str(r[col(u, "group")])] = {dbl(r[col(u, "shared")]), dbl(r[col(u, "union")]), dbl(r[col(u, "jaccard")])};
    }
    std::string table = "<table class=small><thead><tr><th>target</th>";
    for (const auto& i : target_issuers) table += "<th>" + escape(i) + "</th>";
    table += "<th>listed by all " + std::to_string(target_issuers.size()) + "</th><th>by any</th><th>Jaccard</th>" +
             (us_eu ? std::string("<th>US and EU (Jaccard)</th>") : std::string()) + "</tr></thead><tbody>";
    nlohmann::json coverage = nlohmann::json::object();
    for (const auto& f : focus_) {
      auto it = rows.find(f);
      if (it == rows.end() || it->second.uni == 0) continue;
      any_target = true;
      const Row& row = it->second;
      table += "<tr><td>" + escape(country_name(f)) + " (" + f + ")</td>";
      std::string text;
      nlohmann::json by = nlohmann::json::object();
      for (const auto& i : target_issuers) {
        const double n = row.by_issuer.count(i) ? row.by_issuer.at(i) : 0;
        table += "<td>" + count(n) + "</td>";
        text += (text.empty() ? "" : ", ") + i + " " + count(n);
        by[i] = n;
      }
      table += "<td>" + count(row.shared) + "</td><td>" + count(row.uni) + "</td><td>" + fmt(row.jaccard, 3) + "</td>";
      coverage[f] = {{"issuers", by}, {"shared", row.shared}, {"union", row.uni}, {"jaccard", row.jaccard}};
      if (us_eu) {
        const auto& pe = pair[f];
        table += "<td>" + count(pe[0]) + " (" + fmt(pe[2], 3) + ")</td>";
        coverage[f]["us_eu"] = {{"shared", pe[0]}, {"union", pe[1]}, {"jaccard", pe[2]}};
        text += "; US and EU both " + count(pe[0]);
      }
      table += "</tr>";
      summary.push_back(f + ": " + text + " (all " + std::to_string(target_issuers.size()) + ": " + count(row.shared) +
                        ")");
    }
    table += "</tbody></table>\n";
    facts["coverage"] = coverage;
    if (any_target) {
      html +=
          "<h3>Who lists the focus states&#8217; entities</h3>\n<p class=small>Entities (persons, companies, "
          "vessels, ...) each issuer lists now under a programme aimed at the state; an entity several lists "
          "or regulations hold counts once. Jaccard = listed by all / listed by any. The lists are snapshots "
          "of different dates (below and in Methods).</p>\n" +
          table;
    } else {
      html += "<p>No focus state is the target of a " + escape(join(target_issuers, ", ")) +
              " programme in the imported lists.</p>\n";
    }
  }

  // Who listed first: US against EU, per focus target.
  if (any_target && has("US") && has("EU")) {
    std::string rows;
    nlohmann::json lag = nlohmann::json::object();
    for (const auto& f : focus_) {
      if (!facts["coverage"].contains(f)) continue;
      Params p;
      p["a"] = "US";
      p["b"] = "EU";
      p["target"] = f;
      auto t = run("sanctions/lag", p);
      const auto& m = t.meta;
      const double pairs = m.value("pairs", 0.0);
      if (pairs == 0 && m.value("a_first_bound_only", 0.0) == 0) continue;
      const bool have_median = m["median_days"].is_number();
      rows +=
          "<tr><td>" + f + "</td><td>" + count(pairs) + "</td><td>" + count(m.value("a_first", 0.0)) + "</td><td>" +
          count(m.value("b_first", 0.0)) + "</td><td>" + count(m.value("same_day", 0.0)) + "</td><td>" +
          (have_median ? fmt(m["median_days"].get<double>(), 1) + " [" + fmt(m["quartiles_days"][0].get<double>(), 1) +
                             ", " + fmt(m["quartiles_days"][1].get<double>(), 1) + "]"
                       : std::string("&#8211;")) +
          "</td><td>" + count(m.value("a_first_bound_only", 0.0)) + "</td></tr>";
      lag[f] = {{"pairs", pairs},
                {"us_first", m.value("a_first", 0.0)},
                {"eu_first", m.value("b_first", 0.0)},
                {"same_day", m.value("same_day", 0.0)},
                {"median_days", have_median ? m["median_days"] : nlohmann::json(nullptr)}};
      if (have_median) {
        // days = EU date - US date: negative when the EU listed first.
        const double median = m["median_days"].get<double>();
        summary.push_back(f + ": " +
                          (median < 0   ? "the EU listed first, by a median " + fmt(-median, 1) + " days"
                           : median > 0 ? "the US listed first, by a median " + fmt(median, 1) + " days"
                                        : std::string("the US and the EU listed on the same day (median)")) +
                          " (" + count(pairs) + " entities both list)");
      }
    }
    facts["lag"] = lag;
    if (!rows.empty())
      html +=
          "<h3>Who listed first: the US or the EU</h3>\n<p class=small>Entities both list with a known first "
          "listing date; days = EU date &#8722; US date (positive: the US listed first), median [quartiles]. US "
          "dates are first sightings in OFAC&#8217;s daily SDN history (from 2021-08-20); entries already "
          "listed before it are known only as &#8216;on or before&#8217; and counted apart.</p>\n"
          "<table class=small><thead><tr><th>target</th><th>entities</th><th>US first</th><th>EU first</th>"
          "<th>same day</th><th>days</th><th>US first (bound only)</th></tr></thead><tbody>" +
          rows + "</tbody></table>\n";
  }

  // China's counter-sanctions, when China is a focus state.
  const bool china = std::find(focus_.begin(), focus_.end(), "CHN") != focus_.end();
  if (china && has("CN")) {
    auto t = run("sanctions/counter", {});
    const int c = col(t, "country"), cn = col(t, "country_name"), en = col(t, "entries"), pe = col(t, "persons"),
              og = col(t, "organisations"), fl = col(t, "first_listed"), ll = col(t, "last_listed"),
              de = col(t, "defence"), is = col(t, "issuer"), lr = col(t, "issuer_lists_RUS"),
              lp = col(t, "issuer_lists_PRK"), lc = col(t, "issuer_lists_CHN");
    std::string rows, text;
    nlohmann::json counter = nlohmann::json::array();
    for (std::size_t k = 0; k < std::min<std::size_t>(8, t.rows.size()); ++k) {
      const auto& r = t.rows[k];
      const std::string iso3 = str(r[c]);
      auto opt = [&](int i) {
        return std::holds_alternative<std::monostate>(r[i]) ? std::string("&#8211;") : count(dbl(r[i]));
      };
      rows += "<tr><td>" + escape(str(r[cn])) + (iso3.empty() ? "" : " (" + iso3 + ")") + "</td><td>" +
              count(dbl(r[en])) + "</td><td>" + count(dbl(r[pe])) + " / " + count(dbl(r[og])) + "</td><td>" +
              count(dbl(r[de])) + "</td><td>" + escape(str(r[fl])) + " &#8211; " + escape(str(r[ll])) + "</td><td>" +
              escape(str(r[is])) + "</td><td>" + opt(lr) + " / " + opt(lp) + " / " + opt(lc) + "</td></tr>";
      counter.push_back({{"country", iso3}, {"entries", dbl(r[en])}});
      if (k < 3)
        text +=
            (text.empty() ? "" : ", ") + (iso3.empty() ? std::string("not stated") : iso3) + " " + count(dbl(r[en]));
    }
    facts["counter"] = {{"entries", t.meta.value("entries", 0.0)}, {"by_country", counter}};
    html += "<h3>China&#8217;s counter-sanctions</h3>\n<p>China has listed " + count(t.meta.value("entries", 0.0)) +
            " parties (counter-sanctions and export-control lists, delisted ones included); most by country: " + text +
            ". Next to each, how many designations that country&#8217;s own issuer lists now against Russia, North "
            "Korea and China.</p>\n<table class=small><thead><tr><th>listed party&#8217;s country</th><th>entries</th>"
            "<th>persons / organisations</th><th>defence industry</th><th>listed</th><th>its issuer</th>"
            "<th>which lists RUS / PRK / CHN</th></tr></thead><tbody>" +
            rows + "</tbody></table>\n";
    summary.push_back("China has listed " + count(t.meta.value("entries", 0.0)) + " parties (" + text + ")");
  } else if (china) {
    html +=
        "<p class=small>China&#8217;s counter-sanctions list is not in the store: <code>rostrum sanctions import "
        "DIR/cn</code> would add whom China lists.</p>\n";
  }
  if (!any_target && !(china && has("CN")) && target_issuers.empty())
    html += "<p>The imported lists (" + escape(join(issuers, ", ")) +
            ") neither target nor are issued by a focus state.</p>\n";
  html += "<p class=small>Lists used: ";
  std::string used;
  for (const auto& l : lists.meta["lists"])
    used += (used.empty() ? "" : "; ") + escape(issuer_name(l.value("issuer", ""))) + " " +
            escape(l.value("name", "")) +
            (l["as_of"].is_string() ? " as of " + l["as_of"].get<std::string>() : std::string(" (date not stated)"));
  html += used + ".</p>\n</section>\n";
  facts_["sanctions"] = facts;
  body_ += html;
  if (!summary.empty()) {
    std::string s;
    for (const auto& x : summary) s += (s.empty() ? "" : "; ") + x;
    summary_.push_back("<b>Sanctions</b> (entities listed now): " + s + ".");
  }
}

}  // namespace rostrum::report::brief_detail
