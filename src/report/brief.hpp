// The brief (DESIGN.md section 7): one self-contained HTML file answering,
// for a set of focus states and a comparison group, how aligned they are now and
// over time, since when, on which issues, how cohesive each side is, where they sit
// on the ideal-point scale and which third states are closest to each side. Every
// figure comes from query::run (the same numbers the CLI and API give), with its n.
// Charts are inline SVG written here: no JavaScript, no external requests, prints.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "query/catalogue.hpp"
#include "query/query.hpp"

namespace rostrum::report {

struct BriefOptions {
  std::string focus = "CHN,RUS,PRK";  // countries (codes or names), comma list
  std::string vs = "G7";              // a group name or a comma list
  std::string from, to;               // YYYY or YYYY-MM-DD; "" = whole record
  std::string source;                 // "" = default GA source
  int recent_years = 5;               // the last this many years count as "now"
  int boot = 500;                     // bootstrap replicates for the intervals
  int seed = 1;
  double level = 0.95;
};

struct Brief {
  std::string html;
  // The headline figures as data (what the summary box says), for tests and tools:
  // {"recent": {"from", "to"}, "pairs": [{"a", "b", "value", "lo", "hi", "n"}],
  //  "focus_vs_group": [{"a", "value", "n"}], "within_group": {...}, "cohesion": {...},
  //  "change_points": {...}, "issues": [...], "poles": {...}, "summary": [lines]}
  nlohmann::json facts;
};

// Builds the brief. Throws UsageError on unknown countries/groups or an empty selection.
Brief make_brief(query::Context& ctx, const BriefOptions& options);

// The brief as an analysis of the catalogue ("brief"): the shells add it with
// query::add_analysis (it lives here because it is built from the other analyses).
// Its table is empty; meta "html" holds the page and "facts" the headline figures.
query::AnalysisSpec brief_analysis();

}  // namespace rostrum::report
