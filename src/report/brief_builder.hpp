// The brief's builder, shared by its sections: each section of the page is one
// file of src/report/sections/ implementing one Builder member; the page is put
// together in brief_builder.cpp. Internal to src/report.
#pragma once

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/table.hpp"
#include "query/query.hpp"
#include "report/brief.hpp"
#include "report/svg.hpp"

namespace rostrum::report::brief_detail {

using query::Params;
using svg::escape;

extern const char* const kFocusColors[6];
extern const char* const kVsColors[6];
// The brief's style sheet (brief.css, compiled in by the build).
extern const char* const kStyleSheet;

double dbl(const Cell& c);
std::string str(const Cell& c);
int col(const Table& t, std::string_view name);
std::string fmt(double v, int digits = 2);
std::string fmt_n(double n);
std::string country_name(const std::string& iso3);
// "Human rights" from the issue code table's label.
std::string issue_title(std::string_view label);

struct Pooled {
  double k = 0, n = 0;
  void add(double value, double count) {
    if (count > 0 && std::isfinite(value)) {
      k += value * count;
      n += count;
    }
  }
  double mean() const { return n > 0 ? k / n : NAN; }
};

// One value with its interval and n, e.g. the recent agreement of a pair.
struct Estimate {
  double value = NAN, lo = NAN, hi = NAN, n = 0;
};

struct SeriesPoint {
  int year = 0;
  double value = NAN, lo = NAN, hi = NAN, n = 0;
};

struct Shift {
  bool ok = false;
  std::string error;
  nlohmann::json meta;  // change_points, segments, series, ...
};

std::string show(const Estimate& e, bool with_ci = true);

class Builder {
 public:
  Builder(query::Context& ctx, const BriefOptions& o) : ctx_(ctx), o_(o) {}
  Brief build();

 private:
  Params base() const {
    Params p;
    if (!o_.source.empty()) p["source"] = o_.source;
    if (!o_.from.empty()) p["from"] = o_.from;
    if (!o_.to.empty()) p["to"] = o_.to;
    return p;
  }
  Params recent() const {
    Params p;
    if (!o_.source.empty()) p["source"] = o_.source;
    p["year"] = std::to_string(recent_from_) + "-" + std::to_string(last_year_);
    return p;
  }
  Table run(const std::string& command, const Params& p) { return query::run(ctx_, command, p); }
  Shift shift(const Params& p) {
    Shift s;
    try {
      auto t = run("shifts", p);
      s.meta = t.meta;
      s.ok = true;
    } catch (const std::exception& e) {
      s.error = e.what();
    }
    return s;
  }
  // Pooled agreement over all dyads of a x b in params p (by = all).
  Pooled pooled_agree(Params p, const std::string& a, const std::string& b) {
    p["a"] = a;
    p["b"] = b;
    p["measure"] = "agree";
    auto t = run("agree", p);
    Pooled pool;
    int v = col(t, "value"), n = col(t, "n");
    for (const auto& r : t.rows) pool.add(dbl(r[v]), dbl(r[n]));
    return pool;
  }

  void parse_sides();
  void pair_series();
  void shifts_section();
  void recent_section();
  void issues_section();
  void cohesion_section();
  void ideal_section();
  void blocs_section();
  std::string blocs_timeline();
  void poles_section();
  void key_votes_section();
  void drift_section();
  void channels_section();
  void sanctions_section();
  // Names the vote sources of the record (or of --source) in the credits.
  void credit_vote_sources();
  std::string sources_html() const;  // the Methods' list of every source credited
  std::string sources_line() const;  // the header's one line
  std::string methods() const;
  // The focus pairs the channels beyond votes look at: within the focus, or the
  // one focus state with each member of the comparison group.
  std::vector<std::pair<std::string, std::string>> channel_pairs() const;

  query::Context& ctx_;
  const BriefOptions& o_;
  std::vector<std::string> focus_;  // ISO3
  std::string focus_param_;         // "CHN,RUS,PRK"
  std::string focus_label_;         // "CHN, RUS, PRK"
  std::vector<std::string> vs_;     // ISO3 (ever members for a group)
  std::string vs_param_, vs_label_, vs_pole_;
  std::vector<std::pair<std::string, std::string>> pairs_;
  std::map<std::pair<std::string, std::string>, std::vector<SeriesPoint>> pair_series_;
  int first_year_ = 0, last_year_ = 0, recent_from_ = 0;
  std::string recent_label_;  // HTML
  std::string recent_text_;   // plain text (SVG titles and labels are escaped)
  nlohmann::json facts_ = nlohmann::json::object();
  std::vector<std::string> summary_;  // HTML list items
  std::string body_;                  // sections
  std::string source_note_;           // HTML: how the record was composed
  // Every source a section used, in order: {kind ("votes", "alliances",
  // "vetoes", "sanctions"), HTML naming it with its dates}.
  std::vector<std::pair<std::string, std::string>> credits_;
  void credit(const std::string& kind, const std::string& html) {
    for (const auto& c : credits_)
      if (c.first == kind && c.second == html) return;
    credits_.emplace_back(kind, html);
  }
};

// Shared by the shifts section.
std::vector<svg::Point> points_of(const nlohmann::json& series);
std::string change_points_text(const Shift& s);
std::string segments_text(const Shift& s);

}  // namespace rostrum::report::brief_detail
