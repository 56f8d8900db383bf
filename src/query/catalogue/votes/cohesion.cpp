// cohesion: how cohesive a group votes (Rice, Attina, Hix-Noury-Roland AI) per
// period, with a random-voting null; or each member's defection rate.
// Definitions: src/measures/cohesion.hpp, docs/methods.md.
#include "measures/cohesion.hpp"
#include "query/budget.hpp"
#include "query/catalogue.hpp"
#include "query/selection.hpp"

namespace rostrum::query {

namespace {

Table cohesion(Context& ctx, const Request& r) {
  Selection sel = parse_selection(r);
  const GroupSpec group = parse_group(r.text("group"), "group", ctx.user_groups());
  auto m = ctx.matrix(sel.source, sel.body);
  const auto mask = m->select(sel.filter);
  const auto periods = selected_periods(*m, sel, mask);
  const auto member = membership(*m, group);
  Table t;
  if (r.flag("defections")) {
    t.columns = {"group", "period", "country", "votes", "defections", "rate"};
    for (const auto& d : measures::defections(*m, member, periods))
      t.add_row({group.name, periods[d.period].label, m->iso3(d.country), d.votes, d.defections, d.rate});
  } else {
    measures::CohesionOptions opt;
    opt.index = measures::parse_cohesion_index(r.text("index"));
    opt.null_replicates = r.integer32("null");
    opt.seed = static_cast<std::uint64_t>(r.integer("seed"));
    opt.boot = r.integer32("boot");
    t.columns = {"group",   "period",  "index",    "value",    "n",        "members",     "null_mean",
                 "null_lo", "null_hi", "value_lo", "value_hi", "adjusted", "adjusted_lo", "adjusted_hi"};
    for (const auto& c : measures::cohesion(*m, member, periods, opt))
      t.add_row({group.name, periods[c.period].label, std::string(measures::cohesion_index_name(opt.index)), c.value,
                 c.rollcalls, c.mean_members, c.null_mean, c.null_lo, c.null_hi, c.value_lo, c.value_hi, c.adjusted,
                 c.adjusted_lo, c.adjusted_hi});
  }
  if (t.rows.empty())
    t.meta["reason"] = periods.empty()
                           ? explain_empty(*m, sel)
                           : "no member of " + group.name + " voted in the selection (" + sel.describe() + ")";
  return t;
}

}  // namespace

ROSTRUM_ANALYSIS(cohesion) {
  return {
      .name = "cohesion",
      .summary = "Cohesion of a group: Rice, Attina, Hix-Noury-Roland AI, with a null",
      .description =
          "Per roll call among members voting Yes/No/Abstain (T = Y+N+A, m = max):\n"
          "  rice = |Y-N|/(Y+N)   attina = (2m-T)/T   ai = (1.5m-0.5T)/T\n"
          "averaged per period; null_* columns: the same index when members vote at random with the group's\n"
          "observed Y/N/A shares (small groups look cohesive by chance). adjusted = (value - null_mean) /\n"
          "(1 - null_mean) puts groups of different sizes on one scale (0 = random voting, 1 = unanimity); with\n"
          "--boot N, value_lo/hi and adjusted_lo/hi are percentile intervals from resampling roll calls. To test\n"
          "whether one group is more cohesive than another: rostrum cohesion-compare. A group is a name (G7, EU,\n"
          "CRINK, a user group) or an ad-hoc list (CHN,RUS,PRK or CHN+RUS+PRK).",
      .examples = {"rostrum cohesion --group G7 --by year",
                   "rostrum cohesion --group CHN+RUS+PRK --index rice --from 2000",
                   "rostrum cohesion --group EU --defections --year 2019"},
      .params = params_of({
          {{.name = "group",
            .type = ParamType::countries,
            .help = "A group name (G7, EU, CRINK, ...) or an ad-hoc list (CHN,RUS,PRK or CHN+RUS+PRK)",
            .example = "CRINK",
            .required = true},
           {.name = "index",
            .type = ParamType::choice,
            .help = "Cohesion index: rice, attina or ai (Hix-Noury-Roland)",
            .fallback = std::string("ai"),
            .choices = {"rice", "attina", "ai"}},
           null_replicates_param(),
           {.name = "boot",
            .type = ParamType::integer,
            .help = "Bootstrap replicates over roll calls for the intervals of value and adjusted (0 = none)",
            .fallback = std::int64_t{0},
            .min = 0,
            .max = 100000,
            .example = "500"},
           seed_param("Random seed for the null and the bootstrap"),
           {.name = "defections",
            .type = ParamType::boolean,
            .help = "Instead: each member's rate of voting against the group's plurality "
                    "(columns group, period, country, votes, defections, rate)",
            .fallback = false}},
          selector_params({.by = "all"}),
      }),
      .columns = {{"group", ColumnType::text, "group name"},
                  {"period", ColumnType::text, "session, year or the selection's label"},
                  {"index", ColumnType::text, "index name"},
                  {"value", ColumnType::number, "mean index over counted roll calls", true},
                  {"n", ColumnType::integer, "roll calls counted"},
                  {"members", ColumnType::number, "mean voting members per roll call"},
                  {"null_mean", ColumnType::number, "mean of the null", true},
                  {"null_lo", ColumnType::number, "2.5% quantile of the null", true},
                  {"null_hi", ColumnType::number, "97.5% quantile of the null", true},
                  {"value_lo", ColumnType::number, "bootstrap interval of value (with boot)", true},
                  {"value_hi", ColumnType::number, "bootstrap interval of value (with boot)", true},
                  {"adjusted", ColumnType::number, "null-adjusted index (value - null) / (1 - null)", true},
                  {"adjusted_lo", ColumnType::number, "bootstrap interval of adjusted (with boot)", true},
                  {"adjusted_hi", ColumnType::number, "bootstrap interval of adjusted (with boot)", true}},
      .run = cohesion,
      .work = [](Context& c, const Request& r) { return estimate_cohesion(c, r).seconds; },
  };
}

}  // namespace rostrum::query
