// vetoes: Security Council vetoes -- co-vetoes by pair and period, vetoes by
// member, or one row per veto. Data and seat dating: src/vetoes/vetoes.hpp,
// docs/vetoes.md.
#include "vetoes/vetoes.hpp"
#include "query/catalogue.hpp"
#include "query/channel_support.hpp"
#include "store/store.hpp"

namespace rostrum::query {

namespace {

Table vetoes_analysis(Context& ctx, const Request& r) {
  auto store = store::Store::open(ctx.db_path(), false, true);
  std::vector<std::string> conflicts;
  const auto all = vetoes::load_vetoes(store, &conflicts);
  const vetoes::CovetoRequest req{vetoes::parse_period(r.text("period")), support::year_param(r, "from"),
                                  support::year_param(r, "to")};
  const std::string& by = r.text("by");
  Table t = by == "pair"     ? vetoes::covetoes_by_pair(all, req)
            : by == "member" ? vetoes::vetoes_by_member(all, req)
                             : vetoes::veto_list(all, req);
  t.meta["conflicts"] = conflicts;
  if (t.rows.empty()) t.meta["reason"] = "no veto in the years asked";
  return t;
}

}  // namespace

ROSTRUM_ANALYSIS(vetoes) {
  return {
      .name = "vetoes",
      .summary = "Security Council vetoes: co-vetoes by pair and period, vetoes by member, or the list",
      .description =
          "--by pair: drafts both states vetoed, per period (columns a, b, period, covetoes; pairs with at least\n"
          "one). --by member: member, period, vetoes, alone, with_others. --by list: date, draft, meeting,\n"
          "agenda_item, topic, vetoers, labels, subjects, subject_basis, source. Vetoing seats are states by\n"
          "date: the Soviet seat SUN to 1991-12-23 and RUS from 1991-12-24, the China seat TWN to 1971-10-25 and CHN "
          "after.\n"
          "Several files are merged (a veto listed by two counts once). Import first: rostrum vetoes import FILE.",
      .examples = {"rostrum vetoes import ../shared/data/unsc/unsc_vetoes_1946_sept2022.csv",
                   "rostrum vetoes --by pair --format csv", "rostrum vetoes --by pair --from 2007 --period year",
                   "rostrum vetoes --by member --period decade"},
      .params = params_of({{{.name = "by",
                             .type = ParamType::choice,
                             .help = "pair (co-vetoes), member or list",
                             .fallback = std::string("pair"),
                             .choices = {"pair", "member", "list"}},
                            {.name = "period",
                             .type = ParamType::choice,
                             .help = "Periods of pair and member counts",
                             .fallback = std::string("all"),
                             .choices = {"all", "decade", "year"}}},
                           support::year_range_params("the first veto")}),
      .columns = {{"a", ColumnType::text, "first state (by id)"},
                  {"b", ColumnType::text, "second state"},
                  {"period", ColumnType::text, "years of the period (1946-2022, 2010-2019, 2019)"},
                  {"covetoes", ColumnType::integer, "drafts both vetoed"}},
      .run = vetoes_analysis,
  };
}

}  // namespace rostrum::query
