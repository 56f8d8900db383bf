#include "report/brief.hpp"

namespace rostrum::report {

query::AnalysisSpec brief_analysis() {
  using query::ParamSpec;
  using query::ParamType;
  const BriefOptions defaults;
  return {
      .name = "brief",
      .summary = "Write a self-contained HTML brief on a set of states vs a group",
      .description =
          "Answers, with numbers, intervals and inline SVG charts (no JavaScript, no external requests): how\n"
          "aligned the focus states are with each other and with the comparison group, since when (change\n"
          "points), on which issues, how cohesive each side is (AI with a random-voting null), where they sit\n"
          "on the ideal-point scale (when an ideal-point run exists), and which third states are closest to\n"
          "each side. --format json prints the headline figures instead of the page. docs/brief.md.",
      .examples = {"rostrum brief --focus CHN,RUS,PRK --vs G7 --out brief.html",
                   "rostrum brief --focus CHN,RUS --vs USA,GBR,FRA --from 1991 --out brief.html"},
      .params = {{.name = "focus",
                  .type = ParamType::countries,
                  .help = "Focus states (comma list of countries)",
                  .fallback = defaults.focus,
                  .example = "CHN,RUS,PRK"},
                 {.name = "vs",
                  .type = ParamType::countries,
                  .help = "Comparison group: a group name or a list of countries",
                  .fallback = defaults.vs,
                  .example = "G7"},
                 {.name = "from",
                  .type = ParamType::date,
                  .help = "First year (default: the whole record)",
                  .example = "1991"},
                 {.name = "to", .type = ParamType::date, .help = "Last year", .example = "2025"},
                 {.name = "source",
                  .type = ParamType::text,
                  .help = "Source to analyse (default: the stitched record)",
                  .example = "unvotes-0.3.0"},
                 {.name = "recent",
                  .type = ParamType::integer,
                  .help = "Years counted as 'now'",
                  .fallback = std::int64_t{defaults.recent_years},
                  .min = 1,
                  .max = 50,
                  .example = "5"},
                 {.name = "boot",
                  .type = ParamType::integer,
                  .help = "Bootstrap replicates for the intervals",
                  .fallback = std::int64_t{defaults.boot},
                  .min = 0,
                  .max = 100000,
                  .example = "500"},
                 query::seed_param()},
      .run =
          [](query::Context& ctx, const query::Request& r) {
            BriefOptions o;
            o.focus = r.text("focus");
            o.vs = r.text("vs");
            o.from = r.text("from");
            o.to = r.text("to");
            o.source = r.text("source");
            o.recent_years = r.integer32("recent");
            o.boot = r.integer32("boot");
            o.seed = r.integer32("seed");
            Brief b = make_brief(ctx, o);
            Table t;
            t.meta = {{"html", std::move(b.html)}, {"facts", std::move(b.facts)}};
            return t;
          },
      .surfaces = query::kCli | query::kBindings,
      .kind = "report",
      .json_document = [](const Table& t) { return t.meta["facts"]; },
      .text_document = [](const Table& t) { return t.meta["html"].get<std::string>(); },
  };
}

}  // namespace rostrum::report
