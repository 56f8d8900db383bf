// cohesion-compare: is group A more cohesive than group B, period by period? Both
// indices null-adjusted ((index - null) / (1 - null)) so that a small group does
// not win by its size, compared by a paired bootstrap over the period's roll calls.
#include "measures/cohesion.hpp"
#include "query/budget.hpp"
#include "query/catalogue.hpp"
#include "query/selection.hpp"

namespace rostrum::query {

namespace {

Table compare(Context& ctx, const Request& r) {
  Selection sel = parse_selection(r);
  const GroupSpec a = parse_group(r.text("group"), "group", ctx.user_groups());
  const GroupSpec b = parse_group(r.text("vs"), "vs", ctx.user_groups());
  auto m = ctx.matrix(sel.source, sel.body);
  const auto periods = selected_periods(*m, sel, m->select(sel.filter));
  measures::CohesionOptions opt;
  opt.index = measures::parse_cohesion_index(r.text("index"));
  opt.null_replicates = r.integer32("null");
  opt.boot = r.integer32("boot");
  opt.seed = static_cast<std::uint64_t>(r.integer("seed"));
  Table t;
  t.columns = {"group",    "vs",          "period",     "index", "group_value", "group_adjusted",
               "vs_value", "vs_adjusted", "difference", "lo",    "hi",          "p",
               "n"};
  for (const auto& c : measures::compare_cohesion(*m, membership(*m, a), membership(*m, b), periods, opt))
    t.add_row({a.name, b.name, periods[c.period].label, std::string(measures::cohesion_index_name(opt.index)),
               c.a.value, c.a.adjusted, c.b.value, c.b.adjusted, c.difference, c.lo, c.hi, c.p_not_greater,
               c.rollcalls});
  t.meta = {{"test", "one-sided: p is the share of bootstrap replicates in which " + a.name +
                         " is not more cohesive than " + b.name + " on the null-adjusted scale"}};
  if (t.rows.empty()) t.meta["reason"] = explain_empty(*m, sel);
  return t;
}

}  // namespace

ROSTRUM_ANALYSIS(cohesion_compare) {
  return {
      .name = "cohesion-compare",
      .summary = "Is one group more cohesive than another? Null-adjusted indices, paired bootstrap",
      .description =
          "Per period: each group's cohesion index and its null-adjusted value (index - null) / (1 - null), the\n"
          "null being random voting with the group's own vote shares (a three-state group agrees more by chance\n"
          "than the G7); the difference group - vs with a percentile interval and a one-sided p (share of\n"
          "replicates with difference <= 0) from resampling the period's roll calls, both groups on the same\n"
          "resample. docs/methods.md, \"Comparing cohesion\".",
      .examples = {"rostrum cohesion-compare --group CHN+RUS+PRK --vs G7 --year 2015-2019",
                   "rostrum cohesion-compare --group EU --vs G7 --by year --from 2010"},
      .params = params_of({
          {{.name = "group",
            .type = ParamType::countries,
            .help = "Group A: a name or an ad-hoc list (CHN+RUS+PRK)",
            .example = "CRINK",
            .required = true},
           {.name = "vs",
            .type = ParamType::countries,
            .help = "Group B: a name or an ad-hoc list",
            .example = "G7",
            .required = true},
           {.name = "index",
            .type = ParamType::choice,
            .help = "Cohesion index",
            .fallback = std::string("ai"),
            .choices = {"rice", "attina", "ai"}},
           {.name = "null",
            .type = ParamType::integer,
            .help = "Replicates of the random-voting null",
            .fallback = std::int64_t{200},
            .min = 10,
            .max = 100000,
            .example = "200"},
           {.name = "boot",
            .type = ParamType::integer,
            .help = "Bootstrap replicates over roll calls (at least 100 are used)",
            .fallback = std::int64_t{1000},
            .min = 100,
            .max = 100000,
            .example = "1000"},
           seed_param()},
          selector_params({.by = "all"}),
      }),
      .columns = {{"group", ColumnType::text, "group A"},
                  {"vs", ColumnType::text, "group B"},
                  {"period", ColumnType::text, "period label"},
                  {"index", ColumnType::text, "index name"},
                  {"group_value", ColumnType::number, "A's index", true},
                  {"group_adjusted", ColumnType::number, "A's null-adjusted index", true},
                  {"vs_value", ColumnType::number, "B's index", true},
                  {"vs_adjusted", ColumnType::number, "B's null-adjusted index", true},
                  {"difference", ColumnType::number, "group_adjusted - vs_adjusted", true},
                  {"lo", ColumnType::number, "lower bound of the difference's interval", true},
                  {"hi", ColumnType::number, "upper bound of the difference's interval", true},
                  {"p", ColumnType::number, "one-sided p: share of replicates with difference <= 0", true},
                  {"n", ColumnType::integer, "roll calls in the period"}},
      .run = compare,
      .work = [](Context& c, const Request& r) { return estimate_cohesion_compare(c, r).seconds; },
  };
}

}  // namespace rostrum::query
