// dyad: the multiplex view of a dyad or a group -- every channel by year, each on
// its own scale with its own uncertainty, null where it has no data. Channels:
// src/query/dyad.hpp.
#include "query/dyad.hpp"
#include "query/catalogue.hpp"
#include "query/channel_support.hpp"

namespace rostrum::query {

namespace {

DyadRequest request_of(const Request& r) {
  DyadRequest req;
  req.a = r.text("a");
  req.b = r.text("b");
  req.group = r.text("group");
  req.from = support::year_param(r, "from");
  req.to = support::year_param(r, "to");
  req.source = r.text("source");
  req.sc_source = r.text("sc-source");
  req.ci = r.number("ci");
  req.boot = r.integer32("boot");
  req.seed = static_cast<std::uint64_t>(r.integer("seed"));
  return req;
}

}  // namespace

ROSTRUM_ANALYSIS(dyad) {
  std::vector<ColumnSpec> columns = {
      {"year", ColumnType::integer, "calendar year"},
      {"a", ColumnType::text, "first state as asked"},
      {"b", ColumnType::text, "second state as asked"},
      {"a_id", ColumnType::text, "the id holding a's line that year (SUN for RUS in 1980)"},
      {"b_id", ColumnType::text, "the id holding b's line that year"}};
  std::string channels;
  for (const auto& ch : dyad_channels()) {
    channels += "  " + ch.name + ": " + ch.scale + "; " + ch.uncertainty + "\n";
    for (const auto& c : ch.columns) columns.push_back(c);
  }
  return {
      .name = "dyad",
      .summary = "Every channel of a dyad (or each pair of a group) by year, each on its own scale",
      .description =
          "One row per year (and pair), every channel side by side, null where a channel has no data that year\n"
          "(never 0), no composite index. Channels:\n" +
          channels +
          "States are read by date along their line (RUS is SUN before 1992: a_id, b_id). The sanctions stance\n"
          "joins as a channel when that stage lands. JSON: {\"years\": [...], \"channels\": [...]}.",
      .examples = {"rostrum dyad --a RUS --b PRK --format json", "rostrum dyad --a CHN --b RUS --from 1990",
                   "rostrum dyad --group CHN+RUS+PRK --from 2000 --format csv"},
      .params = params_of({{{.name = "a", .type = ParamType::countries, .help = "First state", .example = "RUS"},
                            {.name = "b", .type = ParamType::countries, .help = "Second state", .example = "PRK"},
                            {.name = "group",
                             .type = ParamType::countries,
                             .help = "Instead: every pair of a group or a list CHN+RUS+PRK",
                             .example = "CHN+RUS+PRK"},
                            support::vote_source_param(),
                            support::vote_source_param("sc-source", "SC"),
                            {.name = "ci",
                             .type = ParamType::number,
                             .help = "Bootstrap interval level for GA agreement (0 = none)",
                             .fallback = 0.95,
                             .min = 0,
                             .max = 0.999,
                             .example = "0.95"},
                            {.name = "boot",
                             .type = ParamType::integer,
                             .help = "Bootstrap replicates",
                             .fallback = std::int64_t{1000},
                             .min = 10,
                             .max = 100000,
                             .example = "1000"},
                            seed_param("Seed of the bootstrap")},
                           support::year_range_params("1946, or the first year both states are in the state system")}),
      .columns = columns,
      .run = [](Context& ctx, const Request& r) { return dyad_view(ctx, request_of(r)); },
      .json_document = support::years_document,
  };
}

}  // namespace rostrum::query
