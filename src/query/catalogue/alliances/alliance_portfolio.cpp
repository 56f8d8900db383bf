// alliance-portfolio: Signorino & Ritter's S and Haege's kappa and pi on two
// states' alliance portfolios per year. Method: src/alliances/portfolio.hpp,
// docs/methods-alliances.md.
#include <algorithm>
#include <charconv>

#include "alliances/timeline.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "query/catalogue.hpp"
#include "query/channel_support.hpp"
#include "store/store.hpp"

namespace rostrum::query {

namespace {

// "3,3,2,2,1": defense, offense, neutral, nonagg, consul; a state's tie with
// itself takes the largest.
alliances::PortfolioWeights parse_weights(const std::string& text) {
  alliances::PortfolioWeights w;
  const auto items = split_list(text);
  if (items.size() != w.by_type.size())
    throw ParameterError("weights", "five numbers: defense, offense, neutral, nonagg, consul (e.g. 3,3,2,2,1)");
  for (std::size_t k = 0; k < items.size(); ++k) {
    double v = 0;
    auto res = std::from_chars(items[k].data(), items[k].data() + items[k].size(), v);
    if (res.ec != std::errc() || res.ptr != items[k].data() + items[k].size() || !(v >= 0 && v <= 100))
      throw ParameterError("weights", "'" + items[k] + "' is not a number in [0, 100]");
    w.by_type[k] = v;
  }
  w.self = *std::max_element(w.by_type.begin(), w.by_type.end());
  if (w.self <= 0) throw ParameterError("weights", "at least one weight must be positive");
  return w;
}

Table portfolio(Context& ctx, const Request& r) {
  const auto weights = parse_weights(r.text("weights"));
  const auto a = alliances::resolve_state(r.text("a"), "a");
  auto store = store::Store::open(ctx.db_path(), false, true);
  // Against every state: every tie is needed; for one pair, the two states' ties.
  std::vector<std::string> involving;
  if (r.text("b") != "all") {
    const auto b = alliances::resolve_state(r.text("b"), "b");
    involving = support::line_ids({&a, &b});
  }
  const auto data = alliances::load_alliances(store, involving);
  return alliances::portfolio_timeline(
      data, {r.text("a"), r.text("b"), support::year_param(r, "from"), support::year_param(r, "to"), weights});
}

}  // namespace

ROSTRUM_ANALYSIS(alliance_portfolio) {
  return {
      .name = "alliance-portfolio",
      .summary = "Alliance-portfolio similarity of a pair by year: S, kappa, pi",
      .description =
          "Each state's vector of alliance ties with every member of the COW state system that year (tie value:\n"
          "defense or offense 3, neutral or nonagg 2, consul 1, none 0 by default (--weights); a state's tie with\n"
          "itself the largest value), compared\n"
          "with Signorino & Ritter's S (absolute s, squared s2; dmax = 3 and 9) and Haege's chance-corrected\n"
          "kappa and pi (quadratic). Null in years no complete alliance source covers (after 2018 for ATOP).\n"
          "Method and citations: docs/methods-alliances.md.",
      .examples = {"rostrum alliance-portfolio --a CHN --b RUS --from 1950 --to 2018",
                   "rostrum alliance-portfolio --a PRK --b all --from 2018 --format csv"},
      .params = params_of(
          {{{.name = "a", .type = ParamType::countries, .help = "First state", .example = "CHN", .required = true},
            {.name = "b",
             .type = ParamType::countries,
             .help = "Second state, or all (every state of the system)",
             .example = "RUS",
             .required = true},
            {.name = "weights",
             .type = ParamType::text,
             .help = "Tie values of defense, offense, neutral, nonagg, consul; a state's own tie takes the largest",
             .fallback = std::string("3,3,2,2,1"),
             .example = "3,3,2,1,2"}},
           support::year_range_params("the first year both states are in the state system")}),
      .columns = {{"year", ColumnType::integer, "calendar year"},
                  {"a", ColumnType::text, "the id holding a's line that year"},
                  {"b", ColumnType::text, "the id holding b's line that year"},
                  {"s", ColumnType::number, "S, absolute distance (-1 to 1)", true},
                  {"s2", ColumnType::number, "S, squared distance", true},
                  {"kappa", ColumnType::number, "Haege's kappa (quadratic)", true},
                  {"pi", ColumnType::number, "Haege's pi (quadratic)", true},
                  {"n", ColumnType::integer, "states in the system", true},
                  {"degenerate", ColumnType::integer, "1: a zero kappa/pi denominator (0 by convention)", true}},
      .run = portfolio,
      .json_document = support::years_document,
  };
}

}  // namespace rostrum::query
