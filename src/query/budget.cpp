#include "query/budget.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/text.hpp"
#include "matrix/vote_matrix.hpp"
#include "query/selection.hpp"
#include "registry/groups.hpp"

namespace rostrum::query {

namespace {

// The selection's matrix, roll-call mask and period count: the cheap prefix every
// vote analysis shares.
struct Shape {
  std::shared_ptr<const VoteMatrix> m;
  std::vector<Word> mask;
  double periods = 0;
  double rollcalls = 0;  // selected roll calls
};

Shape shape_of(Context& ctx, const Request& r) {
  Selection sel = parse_selection(r);
  Shape s;
  s.m = ctx.matrix(sel.source, sel.body);
  s.mask = s.m->select(sel.filter);
  s.periods = static_cast<double>(selected_periods(*s.m, sel, s.mask).size());
  for (Word w : s.mask) s.rollcalls += std::popcount(w);
  return s;
}

std::string count_text(double x) { return fmt::format("{:.0f}", x); }

double group_size(Context& ctx, const Request& r, const char* param) {
  return static_cast<double>(parse_group(r.text(param), param, ctx.user_groups()).ever_members().size());
}

constexpr double kMicro = 1e-6;

}  // namespace

WorkEstimate estimate_agree(Context& ctx, const Request& r) {
  Shape s = shape_of(ctx, r);
  const auto a = parse_countries(*s.m, r.text("a"), "a", true, ctx.user_groups());
  const auto b = parse_countries(*s.m, r.text("b"), "b", true, ctx.user_groups());
  const bool a_all = r.text("a") == "all", b_all = r.text("b") == "all";
  const double na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());
  // all x all lists each unordered pair once (twice with both-orders); other
  // sides are counted a x b, an upper bound when they overlap.
  const double pairs = a_all && b_all ? na * (na - 1) / (r.flag("both-orders") ? 1 : 2) : na * nb;
  const double replicates = r.number("ci") > 0 ? static_cast<double>(r.integer("boot")) : 0;
  WorkEstimate e;
  const double dyads = pairs * s.periods;
  e.steps = dyads * (1 + replicates);
  e.seconds = dyads * (step_cost::dyad_us + replicates * step_cost::replicate_us) * kMicro;
  e.formula = "pairs " + count_text(pairs) + " x periods " + count_text(s.periods);
  if (replicates > 0) e.formula += " x (1 + replicates " + count_text(replicates) + ")";
  if (replicates * step_cost::replicate_us > step_cost::dyad_us)
    e.parameter = "boot";
  else
    e.parameter = b_all || nb >= na ? "b" : "a";
  return e;
}

namespace {

// Tallying each member's votes, the null's replicates per member and the bootstrap
// replicates, per roll call.
void cohesion_cost(WorkEstimate& e, double rollcalls, double members, double null, double boot) {
  e.steps = rollcalls * (members * (1 + null) + boot);
  e.seconds = rollcalls *
              (members * (step_cost::tally_vote_us + null * step_cost::null_vote_us) + boot * step_cost::null_vote_us) *
              kMicro;
  e.formula = "roll calls " + count_text(rollcalls) + " x (members " + count_text(members) + " x (1 + null " +
              count_text(null) + ") + boot " + count_text(boot) + ")";
}

}  // namespace

WorkEstimate estimate_cohesion(Context& ctx, const Request& r) {
  Shape s = shape_of(ctx, r);
  WorkEstimate e;
  if (r.flag("defections")) {
    // Every state's vote is looked at on every roll call.
    e.steps = s.rollcalls * s.m->countries();
    e.seconds = e.steps * step_cost::tally_vote_us * kMicro;
    e.formula = "roll calls " + count_text(s.rollcalls) + " x states " + std::to_string(s.m->countries());
    e.parameter = "group";
    return e;
  }
  const double members = group_size(ctx, r, "group");
  const double null = static_cast<double>(r.integer("null")), boot = static_cast<double>(r.integer("boot"));
  cohesion_cost(e, s.rollcalls, members, null, boot);
  e.parameter = boot > members * null ? "boot" : null > 0 ? "null" : "group";
  return e;
}

WorkEstimate estimate_cohesion_compare(Context& ctx, const Request& r) {
  Shape s = shape_of(ctx, r);
  const double members = group_size(ctx, r, "group") + group_size(ctx, r, "vs");
  const double null = static_cast<double>(r.integer("null"));
  // Each group's own bootstrap and the paired one, at least 100 replicates each.
  const double boot = 3 * std::max<double>(static_cast<double>(r.integer("boot")), 100);
  WorkEstimate e;
  cohesion_cost(e, s.rollcalls, members, null, boot);
  e.parameter = boot > members * null ? "boot" : "null";
  return e;
}

WorkEstimate estimate_blocs(Context& ctx, const Request& r) {
  Shape s = shape_of(ctx, r);
  const double runs = static_cast<double>(r.integer("runs"));
  double gammas = 1;
  if (r.flag("scan")) {
    const double lo = r.number("gamma-min"), hi = r.number("gamma-max"), step = r.number("gamma-step");
    gammas = hi >= lo && step > 0 ? std::floor((hi - lo) / step + 1e-9) + 1 : 1;
  }
  // States that cast a vote in the selection: the graph's nodes (an upper bound:
  // min-n drops the rarest voters).
  double states = 0;
  for (int c = 0; c < s.m->countries(); ++c) states += s.m->count_cast(c, s.mask) > 0;
  WorkEstimate e;
  const double per_run = states * states;
  e.steps = s.periods * gammas * runs * per_run;
  e.seconds = (s.periods * per_run / 2 * step_cost::dyad_us + e.steps * step_cost::leiden_state2_us) * kMicro;
  e.formula = "periods " + count_text(s.periods) + (gammas > 1 ? " x gamma steps " + count_text(gammas) : "") +
              " x runs " + count_text(runs) + " x states^2 " + count_text(per_run);
  e.parameter = gammas > runs ? "gamma-step" : "runs";
  return e;
}

WorkEstimate estimate_poles(Context& ctx, const Request& r) {
  Shape s = shape_of(ctx, r);
  double members = 0;
  for (const std::string& pole : split_list(r.text("poles")))
    for (const std::string& one : split_list(pole, '+'))
      members += static_cast<double>(parse_countries(*s.m, one, "poles", false, ctx.user_groups()).size());
  WorkEstimate e;
  e.steps = s.m->countries() * members * s.periods;
  e.seconds = e.steps * step_cost::dyad_us * kMicro;
  e.formula = "states " + std::to_string(s.m->countries()) + " x pole members " + count_text(members) + " x periods " +
              count_text(s.periods);
  e.parameter = "poles";
  return e;
}

WorkEstimate estimate_shifts(Context& ctx, const Request& r) {
  Shape s = shape_of(ctx, r);
  WorkEstimate e;
  if (r.has("group")) {
    const double members = group_size(ctx, r, "group");
    e.steps = s.rollcalls * members;
    e.seconds = e.steps * step_cost::tally_vote_us * kMicro;
    e.formula = "roll calls " + count_text(s.rollcalls) + " x members " + count_text(members);
    e.parameter = "group";
    return e;
  }
  const double na =
      r.has("a") ? static_cast<double>(parse_countries(*s.m, r.text("a"), "a", false, ctx.user_groups()).size()) : 0;
  const double nb =
      r.has("b") ? static_cast<double>(parse_countries(*s.m, r.text("b"), "b", false, ctx.user_groups()).size()) : 0;
  e.steps = na * nb * s.periods;
  e.seconds = e.steps * step_cost::dyad_us * kMicro;
  e.formula = "a " + count_text(na) + " x b " + count_text(nb) + " x periods " + count_text(s.periods);
  e.parameter = nb >= na ? "b" : "a";
  return e;
}

WorkEstimate estimate_work(Context& ctx, std::string_view command, const Params& params) {
  using Estimator = WorkEstimate (*)(Context&, const Request&);
  static const std::pair<std::string_view, Estimator> estimators[] = {
      {"agree", estimate_agree}, {"cohesion", estimate_cohesion}, {"cohesion-compare", estimate_cohesion_compare},
      {"blocs", estimate_blocs}, {"poles", estimate_poles},       {"shifts", estimate_shifts}};
  const AnalysisSpec* spec = find_analysis(command);
  if (!spec) return {};
  for (const auto& [name, estimate] : estimators)
    if (name == command) return estimate(ctx, validate(*spec, params));
  if (!spec->work) return {};
  // An analysis with its own estimate (seconds) but no breakdown here.
  WorkEstimate e;
  e.seconds = spec->work(ctx, validate(*spec, params));
  e.steps = e.seconds / kMicro;
  e.formula = "the analysis's own estimate";
  return e;
}

}  // namespace rostrum::query
