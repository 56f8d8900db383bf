// The brief's section: key votes -- the General Assembly's emergency special
// session on Ukraine (ES-11) and the latest Security Council year.
#include "report/brief_builder.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "core/date.hpp"
#include "core/error.hpp"
#include "core/vote.hpp"
#include "matrix/vote_matrix.hpp"

namespace rostrum::report::brief_detail {

namespace {

// One state's vote as a letter: Y, N, A, X (present, not voting), blank (no record).
std::string vote_letter(Vote v) {
  switch (v) {
    case Vote::Yes:
      return "Y";
    case Vote::No:
      return "N";
    case Vote::Abstain:
      return "A";
    case Vote::NonVoting:
      return "X";
    default:
      return "";
  }
}

}  // namespace

// The roll calls readers ask about by name: the General Assembly's emergency
// special session on Ukraine (ES-11, from March 2022) and the latest year's
// Security Council resolutions, each with the focus states' votes and the
// comparison group's, read from the record the analyses use.
void Builder::key_votes_section() {
  std::string html = "<section><h2>9. Key votes: Ukraine (ES-11) and the Security Council</h2>\n";
  auto row_of = [&](const VoteMatrix& m, const RollCallInfo& rc, int r, bool with_totals) {
    std::string tr = "<tr><td>" + format_date(rc.date) + "</td><td>" + escape(rc.symbol) + "</td><td class=small>" +
                     escape(rc.title.size() > 110 ? rc.title.substr(0, 107) + "..." : rc.title) + "</td>";
    if (with_totals) {
      int n[5] = {0, 0, 0, 0, 0};
      for (int c = 0; c < m.countries(); ++c) n[static_cast<int>(m.vote(c, r))]++;
      tr +=
          "<td>" + std::to_string(n[1]) + "&#8211;" + std::to_string(n[3]) + "&#8211;" + std::to_string(n[2]) + "</td>";
    }
    for (const auto& a : focus_) {
      const int c = m.country_index(a);
      tr += "<td>" + (c < 0 ? std::string() : vote_letter(m.vote(c, r))) + "</td>";
    }
    int y = 0, no = 0, ab = 0;
    for (const auto& b : vs_) {
      const int c = m.country_index(b);
      if (c < 0) continue;
      const Vote v = m.vote(c, r);
      y += v == Vote::Yes, no += v == Vote::No, ab += v == Vote::Abstain;
    }
    return tr + "<td>" + std::to_string(y) + "&#8211;" + std::to_string(no) + "&#8211;" + std::to_string(ab) +
           "</td></tr>\n";
  };
  auto head = [&](bool with_totals) {
    std::string h = "<table class=small><thead><tr><th>date</th><th>symbol</th><th>title</th>";
    if (with_totals) h += "<th>all Y&#8211;N&#8211;A</th>";
    for (const auto& a : focus_) h += "<th>" + a + "</th>";
    return h + "<th>" + escape(vs_label_) + " Y&#8211;N&#8211;A</th></tr></thead><tbody>\n";
  };
  nlohmann::json facts = nlohmann::json::object();
  try {
    auto m = ctx_.matrix(o_.source, "ga");
    std::string rows;
    std::map<std::string, std::array<int, 5>> tally;
    int n = 0;
    Date first = 0;
    for (int r = 0; r < m->rollcalls(); ++r) {
      const RollCallInfo& rc = m->rollcall(r);
      if (rc.session_label != "ES-11" || rc.year() < first_year_ || rc.year() > last_year_) continue;
      ++n;
      if (!first) first = rc.date;
      rows += row_of(*m, rc, r, true);
      for (const auto& a : focus_)
        if (int c = m->country_index(a); c >= 0) tally[a][static_cast<int>(m->vote(c, r))]++;
    }
    html += "<h3>General Assembly, 11th emergency special session (Ukraine)</h3>\n";
    if (n == 0) {
      html += "<p>The record holds no roll call of ES-11 in " + std::to_string(first_year_) + "&#8211;" +
              std::to_string(last_year_) +
              " (the session opened in March 2022; <code>rostrum info</code> names the years no imported source "
              "covers and how to fill them).</p>\n";
    } else {
      std::string text;
      for (const auto& a : focus_) {
        const auto& t = tally[a];
        text += (text.empty() ? "" : "; ") + a + " yes " + std::to_string(t[1]) + ", no " + std::to_string(t[3]) +
                ", abstained " + std::to_string(t[2]) + ", did not vote " + std::to_string(n - t[1] - t[2] - t[3]);
        facts[a] = {{"yes", t[1]}, {"no", t[3]}, {"abstain", t[2]}};
      }
      // ES-11/1 was adopted on 2 March 2022: a later first vote means years the
      // imported sources do not cover.
      const std::string missing =
          first > 20220302 && first_year_ <= 2022
              ? " The session opened on 2 March 2022; the record has no ES-11 vote before " + format_date(first) +
                    " because no imported source covers those years (<code>rostrum info</code> says how to fill them)."
              : "";
      html += "<p>" + std::to_string(n) + " recorded votes of ES-11 in the record." + missing +
              " Votes: Y yes, N no, A abstain, X present not voting, blank no record.</p>\n" + head(true) + rows +
              "</tbody></table>\n";
      summary_.push_back("<b>Ukraine</b> (General Assembly ES-11, " + std::to_string(n) +
                         " recorded votes in the record): " + text + ".");
    }
    facts_["es11"] = {{"rollcalls", n}, {"votes", facts}};
  } catch (const UsageError&) {
  }
  try {
    auto m = ctx_.matrix(o_.source, "sc");
    int year = 0;
    for (int r = 0; r < m->rollcalls(); ++r)
      if (m->rollcall(r).year() <= last_year_) year = std::max(year, m->rollcall(r).year());
    if (year > 0) {
      std::string rows;
      int n = 0, shown = 0;
      std::map<std::string, std::array<int, 5>> tally;
      for (int r = 0; r < m->rollcalls(); ++r) {
        if (m->rollcall(r).year() != year) continue;
        ++n;
        bool split = false;
        for (const auto& a : focus_)
          if (int c = m->country_index(a); c >= 0) {
            const Vote v = m->vote(c, r);
            tally[a][static_cast<int>(v)]++;
            split |= v != Vote::Yes && v != Vote::Missing;
          }
        if (split) rows += row_of(*m, m->rollcall(r), r, false), ++shown;
      }
      std::string text;
      for (const auto& a : focus_) {
        const auto& t = tally[a];
        if (t[1] + t[2] + t[3] == 0) continue;
        text += (text.empty() ? "" : "; ") + a + " yes " + std::to_string(t[1]) + ", abstained " +
                std::to_string(t[2]) + ", no " + std::to_string(t[3]);
      }
      html += "<h3>Security Council, " + std::to_string(year) + "</h3>\n<p>" + std::to_string(n) +
              " resolutions adopted by recorded vote" + (text.empty() ? "" : ": " + text) + ". " +
              (shown ? "Those on which a focus state did not vote yes:"
                     : "No focus state on the Council voted other than yes.") +
              "</p>\n" + (shown ? head(false) + rows + "</tbody></table>\n" : std::string());
      if (!text.empty())
        summary_.push_back("<b>Security Council " + std::to_string(year) + "</b> (" + std::to_string(n) +
                           " resolutions): " + text + ".");
      facts_["security_council"] = {{"year", year}, {"resolutions", n}};
    }
  } catch (const UsageError&) {
  }
  body_ += html + "</section>\n";
}

}  // namespace rostrum::report::brief_detail
