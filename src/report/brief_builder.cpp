#include "report/brief_builder.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <stdexcept>

#include "core/error.hpp"
#include "core/text.hpp"
#include "query/selection.hpp"
#include "registry/registry.hpp"

namespace rostrum::report {

namespace brief_detail {

const char* const kFocusColors[6] = {"#b2182b", "#e08214", "#762a83", "#8c510a", "#d6604d", "#542788"};
const char* const kVsColors[6] = {"#2166ac", "#4393c3", "#1b7837", "#01665e", "#5aae61", "#35978f"};

double dbl(const Cell& c) {
  if (auto* d = std::get_if<double>(&c)) return *d;
  if (auto* i = std::get_if<std::int64_t>(&c)) return static_cast<double>(*i);
  return NAN;
}
std::string str(const Cell& c) {
  if (auto* s = std::get_if<std::string>(&c)) return *s;
  if (auto* i = std::get_if<std::int64_t>(&c)) return std::to_string(*i);
  return "";
}
int col(const Table& t, std::string_view name) {
  int k = t.column(name);
  if (k < 0) throw std::logic_error("brief: query result has no column '" + std::string(name) + "'");
  return k;
}

std::string fmt(double v, int digits) {
  if (!std::isfinite(v)) return "n/a";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}
std::string fmt_n(double n) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", n);
  return buf;
}
std::string country_name(const std::string& iso3) {
  const registry::Country* c = registry::lookup(iso3);
  return c ? std::string(c->name) : iso3;
}

std::string show(const Estimate& e, bool with_ci) {
  std::string s = fmt(e.value);
  if (with_ci && std::isfinite(e.lo)) s += " [" + fmt(e.lo) + "&#8211;" + fmt(e.hi) + "]";
  return s + " (n&#160;=&#160;" + fmt_n(e.n) + ")";
}

std::string issue_title(std::string_view label) {
  std::string t(label);
  if (!t.empty()) t[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(t[0])));
  return t;
}

void Builder::parse_sides() {
  for (const std::string& one : split_list(o_.focus)) {
    const registry::Country* c = registry::lookup(one);
    if (!c) throw UsageError("parameter 'focus': unknown country '" + one + "'");
    std::string iso3(c->iso3);
    if (std::find(focus_.begin(), focus_.end(), iso3) == focus_.end()) focus_.push_back(iso3);
  }
  if (focus_.empty()) throw UsageError("parameter 'focus': give at least one country");
  focus_param_ = join(focus_);
  focus_label_ = join(focus_, ", ");
  const query::GroupSpec vs = query::parse_group(o_.vs, "vs", ctx_.user_groups(), 1);
  vs_ = vs.ever_members();
  if (vs.group) {
    vs_param_ = vs_label_ = vs_pole_ = vs.name;
  } else {
    vs_param_ = join(vs_);
    vs_label_ = join(vs_, ", ");
    vs_pole_ = join(vs_, "+");
  }
  for (std::size_t i = 0; i < focus_.size(); ++i)
    for (std::size_t j = i + 1; j < focus_.size(); ++j) pairs_.emplace_back(focus_[i], focus_[j]);
}

void Builder::pair_series() {
  // Per year, per focus pair, with bootstrap intervals: the agree query itself.
  for (const auto& [a, b] : pairs_) {
    Params p = base();
    p["a"] = a;
    p["b"] = b;
    p["by"] = "year";
    p["measure"] = "agree";
    p["ci"] = fmt(o_.level, 3);
    p["boot"] = std::to_string(o_.boot);
    p["seed"] = std::to_string(o_.seed);
    auto t = run("agree", p);
    int per = col(t, "period"), v = col(t, "value"), n = col(t, "n"), lo = col(t, "lo"), hi = col(t, "hi");
    auto& series = pair_series_[{a, b}];
    for (const auto& r : t.rows) {
      if (dbl(r[n]) <= 0) continue;
      SeriesPoint pt{std::stoi(str(r[per])), dbl(r[v]), dbl(r[lo]), dbl(r[hi]), dbl(r[n])};
      series.push_back(pt);
      last_year_ = std::max(last_year_, pt.year);
      first_year_ = first_year_ ? std::min(first_year_, pt.year) : pt.year;
    }
  }
  // Focus states against the comparison group (for the span when there is one focus state).
  Params p = base();
  p["a"] = focus_param_;
  p["b"] = vs_param_;
  p["by"] = "year";
  auto t = run("agree", p);
  int per = col(t, "period"), n = col(t, "n");
  for (const auto& r : t.rows) {
    if (dbl(r[n]) <= 0) continue;
    int y = std::stoi(str(r[per]));
    last_year_ = std::max(last_year_, y);
    first_year_ = first_year_ ? std::min(first_year_, y) : y;
  }
  if (last_year_ == 0) throw UsageError("parameter 'focus': the focus states and the group never voted together");
  recent_from_ = std::max(first_year_, last_year_ - std::max(1, o_.recent_years) + 1);
  recent_text_ = recent_from_ == last_year_ ? std::to_string(last_year_)
                                            : std::to_string(recent_from_) + "\u2013" + std::to_string(last_year_);
  recent_label_ = recent_from_ == last_year_ ? std::to_string(last_year_)
                                             : std::to_string(recent_from_) + "&#8211;" + std::to_string(last_year_);
  facts_["span"] = {{"first", first_year_}, {"last", last_year_}};
  facts_["recent"] = {{"from", recent_from_}, {"to", last_year_}};
}

std::vector<svg::Point> points_of(const nlohmann::json& series) {
  std::vector<svg::Point> out;
  for (const auto& s : series) {
    double n = s.value("n", 0.0);
    double v = n > 0 && s["value"].is_number() ? s["value"].get<double>() : NAN;
    std::string label = s["period"].get<std::string>();
    out.push_back(
        {static_cast<double>(std::stoi(label)), v, NAN, NAN, label + ": " + fmt(v) + " (n = " + fmt_n(n) + ")"});
  }
  return out;
}

std::string change_points_text(const Shift& s) {
  if (!s.ok) return "not computed (" + escape(s.error) + ")";
  const auto& cps = s.meta["change_points"];
  if (cps.empty()) return "none: one regime, mean " + fmt(s.meta["segments"][0].value("mean", NAN));
  std::string out;
  for (const auto& c : cps)
    out += (out.empty() ? "" : "; ") + std::string("<b>") + c["period"].get<std::string>() + "</b> (" +
           fmt(c["before"].get<double>()) + " &#8594; " + fmt(c["after"].get<double>()) + ")";
  return out;
}

std::string segments_text(const Shift& s) {
  if (!s.ok) return "";
  std::string out;
  for (const auto& seg : s.meta["segments"])
    out += (out.empty() ? "" : ", ") + seg["first"].get<std::string>() + "&#8211;" + seg["last"].get<std::string>() +
           ": " + fmt(seg["mean"].get<double>()) + " (n&#160;=&#160;" + fmt_n(seg["n"].get<double>()) + ")";
  return out;
}

Brief Builder::build() {
  auto start = std::chrono::steady_clock::now();
  parse_sides();
  pair_series();
  recent_section();
  std::string recent_html = body_;
  body_.clear();
  shifts_section();
  std::string shifts_html = body_;
  body_.clear();
  issues_section();
  cohesion_section();
  ideal_section();
  blocs_section();
  poles_section();
  key_votes_section();
  drift_section();
  channels_section();
  sanctions_section();
  std::string rest = body_;
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  credit_vote_sources();
  const std::string source = o_.source.empty() ? "record" : o_.source;
  std::time_t now = std::time(nullptr);
  char date[32];
  std::strftime(date, sizeof date, "%Y-%m-%d %H:%M UTC", std::gmtime(&now));
  std::string title = focus_label_ + " vs " + vs_label_ + ": UN General Assembly alignment";
  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<meta name=\"viewport\" "
      "content=\"width=device-width,initial-scale=1\">\n<title>" +
      escape(title) + "</title>\n<style>\n" + std::string(kStyleSheet) + "</style>\n</head><body>\n<header><h1>" +
      escape(title) + "</h1>\n<p class=sub>Focus: " + escape(focus_label_) + " (";
  for (std::size_t i = 0; i < focus_.size(); ++i) html += (i ? ", " : "") + escape(country_name(focus_[i]));
  html += "). Comparison group: " + escape(vs_label_) + " (" + escape(join(vs_, ", ")) + "). Roll calls " +
          std::to_string(first_year_) + "&#8211;" + std::to_string(last_year_) + ", source <code>" + escape(source) +
          "</code>" + source_note_ + "; &#8216;now&#8217; = " + recent_label_ + ". Generated " + date +
          " by rostrum in " + fmt(secs, 1) + "&#160;s.</p>\n" + sources_line() + "</header>\n";
  html += "<section class=summary><h2>In brief</h2><ul>\n";
  for (const auto& s : summary_) html += "<li>" + s + "</li>\n";
  html += "</ul></section>\n";
  html += shifts_html + recent_html + rest + methods();
  html += "<footer class=small><p>Reproduce: <code>rostrum brief --focus " + escape(focus_param_) + " --vs " +
          escape(o_.vs) + (o_.from.empty() ? "" : " --from " + escape(o_.from)) +
          (o_.to.empty() ? "" : " --to " + escape(o_.to)) + " --out brief.html</code></p></footer>\n</body></html>\n";
  facts_["summary"] = summary_;
  facts_["focus"] = focus_;
  facts_["vs"] = vs_;
  facts_["seconds"] = secs;
  return {std::move(html), std::move(facts_)};
}

}  // namespace brief_detail

Brief make_brief(query::Context& ctx, const BriefOptions& options) {
  using brief_detail::Builder;
  if (options.boot < 0 || options.boot > 100000) throw UsageError("parameter 'boot': out of range [0, 100000]");
  Builder b(ctx, options);
  return b.build();
}

}  // namespace rostrum::report
