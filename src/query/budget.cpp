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
// analysis shares.
struct Shape {
  std::shared_ptr<const VoteMatrix> m;
  std::vector<Word> mask;
  double periods = 0;
  double rollcalls = 0;  // selected roll calls
};

Shape shape_of(Context& ctx, const Params& p, const char* default_by = nullptr) {
  Params with_by = p;
  if (default_by && get(p, "by").empty()) with_by["by"] = default_by;
  Selection sel = parse_selection(with_by);
  Shape s;
  s.m = ctx.matrix(sel.source, sel.body);
  s.mask = s.m->select(sel.filter);
  s.periods = static_cast<double>(make_periods(*s.m, sel.by, s.mask).size());
  for (Word w : s.mask) s.rollcalls += std::popcount(w);
  return s;
}

std::string count_text(double x) { return fmt::format("{:.0f}", x); }

// States of a group spec: a named group's ever-members, else a comma list.
double group_size(Context& ctx, const std::string& spec) {
  if (const registry::Group* g = registry::find_group(spec, ctx.user_groups()))
    return static_cast<double>(g->ever_members().size());
  return static_cast<double>(split_list(spec).size());
}

}  // namespace

WorkEstimate estimate_agree(Context& ctx, const Params& p) {
  Shape s = shape_of(ctx, p);
  auto a = parse_countries(*s.m, p, "a", true, ctx.user_groups());
  auto b = parse_countries(*s.m, p, "b", true, ctx.user_groups());
  const bool a_all = get(p, "a") == "all", b_all = get(p, "b") == "all";
  const double na = static_cast<double>(a.size()), nb = static_cast<double>(b.size());
  const double pairs = a_all && b_all ? na * (na - 1) / 2 : na * nb;
  const double ci = get_double(p, "ci", 0, 0, 0.999);
  const double replicates = ci > 0 ? get_int(p, "boot", 1000, 10, 100000) : 0;
  WorkEstimate e;
  const double dyads = pairs * s.periods;
  e.steps = dyads * (1 + replicates);
  e.seconds = dyads * (step_cost::dyad_us + replicates * step_cost::replicate_us) * 1e-6;
  e.formula = "pairs " + count_text(pairs) + " x periods " + count_text(s.periods);
  if (replicates > 0) e.formula += " x (1 + replicates " + count_text(replicates) + ")";
  if (replicates * step_cost::replicate_us > step_cost::dyad_us) e.parameter = "boot";
  else e.parameter = b_all || nb >= na ? "b" : "a";
  return e;
}

WorkEstimate estimate_cohesion(Context& ctx, const Params& p) {
  Shape s = shape_of(ctx, p);
  const std::string group = get(p, "group");
  if (group.empty()) throw UsageError("parameter 'group': required (a group name such as G7, or a list USA,GBR,FRA)");
  const double members = group_size(ctx, group);
  WorkEstimate e;
  if (get_bool(p, "defections", false)) {
    // Every state's vote is looked at on every roll call.
    e.steps = s.rollcalls * s.m->countries();
    e.seconds = e.steps * step_cost::tally_vote_us * 1e-6;
    e.formula = "roll calls " + count_text(s.rollcalls) + " x states " + std::to_string(s.m->countries());
    e.parameter = "group";
    return e;
  }
  const double replicates = get_int(p, "null", 200, 0, 100000);
  e.steps = s.rollcalls * members * (1 + replicates);
  e.seconds = s.rollcalls * members * (step_cost::tally_vote_us + replicates * step_cost::null_vote_us) * 1e-6;
  e.formula = "roll calls " + count_text(s.rollcalls) + " x members " + count_text(members) + " x (1 + null " +
              count_text(replicates) + ")";
  e.parameter = replicates > 0 ? "null" : "group";
  return e;
}

WorkEstimate estimate_blocs(Context& ctx, const Params& p) {
  Shape s = shape_of(ctx, p);
  const double runs = get_int(p, "runs", 20, 1, 1000);
  double gammas = 1;
  if (get_bool(p, "scan", false)) {
    const double lo = get_double(p, "gamma-min", 0.5, 0.01, 20);
    const double hi = get_double(p, "gamma-max", 2.0, lo, 20);
    const double step = get_double(p, "gamma-step", 0.1, 0.001, 10);
    gammas = std::floor((hi - lo) / step + 1e-9) + 1;
  }
  // States that cast a vote in the selection: the graph's nodes (an upper bound:
  // min-n drops the rarest voters).
  double states = 0;
  for (int c = 0; c < s.m->countries(); ++c) states += s.m->count_cast(c, s.mask) > 0;
  WorkEstimate e;
  const double per_run = states * states;
  e.steps = s.periods * gammas * runs * per_run;
  e.seconds = (s.periods * per_run / 2 * step_cost::dyad_us + e.steps * step_cost::leiden_state2_us) * 1e-6;
  e.formula = "periods " + count_text(s.periods) + (gammas > 1 ? " x gamma steps " + count_text(gammas) : "") +
              " x runs " + count_text(runs) + " x states^2 " + count_text(per_run);
  e.parameter = gammas > runs ? "gamma-step" : "runs";
  return e;
}

WorkEstimate estimate_poles(Context& ctx, const Params& p) {
  Shape s = shape_of(ctx, p);
  double members = 0;
  const std::string spec = get(p, "poles", "USA,CHN");
  for (const std::string& pole : split_list(spec))
    for (const std::string& one : split_list(pole, '+')) members += group_size(ctx, one);
  WorkEstimate e;
  const double pairs = s.m->countries() * members;
  e.steps = pairs * s.periods;
  e.seconds = e.steps * step_cost::dyad_us * 1e-6;
  e.formula = "states " + std::to_string(s.m->countries()) + " x pole members " + count_text(members) +
              " x periods " + count_text(s.periods);
  e.parameter = "poles";
  return e;
}

WorkEstimate estimate_shifts(Context& ctx, const Params& p) {
  Shape s = shape_of(ctx, p, "year");
  WorkEstimate e;
  const std::string group = get(p, "group");
  if (!group.empty()) {
    const double members = group_size(ctx, group);
    e.steps = s.rollcalls * members;
    e.seconds = e.steps * step_cost::tally_vote_us * 1e-6;
    e.formula = "roll calls " + count_text(s.rollcalls) + " x members " + count_text(members);
    e.parameter = "group";
    return e;
  }
  const double na = static_cast<double>(parse_countries(*s.m, p, "a", false, ctx.user_groups()).size());
  const double nb = static_cast<double>(parse_countries(*s.m, p, "b", false, ctx.user_groups()).size());
  e.steps = na * nb * s.periods;
  e.seconds = e.steps * step_cost::dyad_us * 1e-6;
  e.formula = "a " + count_text(na) + " x b " + count_text(nb) + " x periods " + count_text(s.periods);
  e.parameter = nb >= na ? "b" : "a";
  return e;
}

WorkEstimate estimate_work(Context& ctx, std::string_view command, const Params& params) {
  if (command == "agree") return estimate_agree(ctx, params);
  if (command == "cohesion") return estimate_cohesion(ctx, params);
  if (command == "blocs") return estimate_blocs(ctx, params);
  if (command == "poles") return estimate_poles(ctx, params);
  if (command == "shifts") return estimate_shifts(ctx, params);
  return {};
}

}  // namespace rostrum::query
