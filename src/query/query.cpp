#include "query/query.hpp"

#include <algorithm>
#include <cmath>

#include "core/text.hpp"
#include "core/error.hpp"
#include "matrix/vote_matrix.hpp"
#include "measures/cohesion.hpp"
#include "measures/dyads.hpp"
#include "query/commands.hpp"
#include "query/selection.hpp"
#include "registry/groups.hpp"
#include "registry/registry.hpp"
#include "store/store.hpp"

namespace rostrum::query {

Context::Context(std::string db_path) : db_path_(std::move(db_path)) {}
Context::~Context() = default;

std::shared_ptr<const VoteMatrix> Context::matrix(std::string_view source, std::string_view body) {
  // Resolve the source name first (cheap) so the cache key is the concrete source.
  auto store = store::Store::open(db_path_, false, true);
  auto summary = store.resolve_source(std::string(source), std::string(body));
  std::string key = std::to_string(summary.id) + "/" + summary.body + "/" + summary.imported_at;
  {
    std::lock_guard lock(mutex_);
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
  }
  auto m = std::make_shared<VoteMatrix>(store.load_matrix(summary.id, body == "sc" ? Body::SecurityCouncil : Body::GeneralAssembly));
  std::lock_guard lock(mutex_);
  return cache_.emplace(key, std::move(m)).first->second;
}

namespace {

void check_params(const Params& p, std::initializer_list<std::string_view> allowed, std::string_view command) {
  for (const auto& [key, value] : p) {
    if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
      throw UsageError("parameter '" + key + "': not a parameter of " + std::string(command));
  }
}

#define ROSTRUM_SELECTORS "source", "body", "session", "year", "from", "to", "issue", "important", "no-amendments", "no-paragraphs", "by"

Table run_info(Context& ctx, const Params& p) {
  check_params(p, {}, "info");
  auto store = store::Store::open(ctx.db_path(), false, true);
  Table t;
  t.columns = {"name", "format", "body", "rollcalls", "yes", "no", "abstain", "nonvoting", "first_date", "last_date"};
  nlohmann::json sources = nlohmann::json::array();
  for (const auto& s : store.sources()) {
    t.add_row({s.name, s.format, s.body, s.rollcalls, s.yes, s.no, s.abstain, s.nonvoting, s.first_date, s.last_date});
    sources.push_back({{"name", s.name},
                       {"format", s.format},
                       {"body", s.body},
                       {"rollcalls", s.rollcalls},
                       {"votes", {{"yes", s.yes}, {"no", s.no}, {"abstain", s.abstain}, {"nonvoting", s.nonvoting}}},
                       {"first_date", s.first_date},
                       {"last_date", s.last_date},
                       {"imported_at", s.imported_at}});
  }
  t.meta = {{"countries", store.country_count()}, {"sources", sources}, {"db", ctx.db_path()}};
  return t;
}

Table run_countries(const Params& p) {
  check_params(p, {}, "countries");
  Table t;
  t.columns = {"iso3", "iso2", "cow", "cow_abbr", "m49", "name", "region", "subregion", "historic", "successors"};
  for (const auto& c : registry::countries())
    t.add_row({std::string(c.iso3), std::string(c.iso2), static_cast<std::int64_t>(c.cow), std::string(c.cow_abbr),
               static_cast<std::int64_t>(c.m49), std::string(c.name), std::string(c.region), std::string(c.subregion),
               static_cast<std::int64_t>(c.historic), std::string(c.successors)});
  return t;
}

Table run_groups(Context& ctx, const Params& p) {
  check_params(p, {"date"}, "groups");
  Date on = 99991231;
  std::string date = get(p, "date");
  if (!date.empty()) {
    auto d = parse_date_bound(date, true);
    if (!d) throw UsageError("parameter 'date': expected YYYY or YYYY-MM-DD, got '" + date + "'");
    on = *d;
  }
  Table t;
  t.columns = {"name", "members", "size", "ever_members", "description"};
  std::vector<const registry::Group*> all;
  for (const auto& g : registry::builtin_groups()) all.push_back(&g);
  for (const auto& g : ctx.user_groups()) all.push_back(&g);
  for (const registry::Group* gp : all) {
    const registry::Group& g = *gp;
    auto now = on == 99991231 ? g.members_on(99991230) : g.members_on(on);
    std::string members, ever;
    for (const auto& m : now) members += (members.empty() ? "" : ",") + m;
    for (const auto& m : g.ever_members()) ever += (ever.empty() ? "" : ",") + m;
    t.add_row({g.name, members, static_cast<std::int64_t>(now.size()), ever, g.description});
  }
  return t;
}

std::vector<Period> periods_for(const VoteMatrix& m, const Selection& s, const std::vector<Word>& mask) {
  auto periods = make_periods(m, s.by, mask);
  if (s.by == PeriodKind::all)
    for (auto& p : periods) p.label = s.label;
  return periods;
}

Table run_agree(Context& ctx, const Params& p) {
  check_params(p, {ROSTRUM_SELECTORS, "a", "b", "measure", "rule", "keep-unanimous", "ci", "boot", "seed"}, "agree");
  Selection sel = parse_selection(p);
  auto measure = measures::parse_measure(get(p, "measure", "agree"));
  auto rule = measures::parse_coincidence_rule(get(p, "rule", "partial"));
  auto m = ctx.matrix(sel.source, sel.body);
  if (measure == measures::Measure::coincidence) {
    // The State Department counts final votes on whole resolutions only.
    sel.filter.exclude_amendments = true;
    sel.filter.exclude_paragraphs = true;
  }
  std::vector<Word> mask = m->select(sel.filter);
  if (measure == measures::Measure::agree && !get_bool(p, "keep-unanimous", false))
    mask = measures::drop_unanimous(*m, mask);
  auto a = parse_countries(*m, p, "a", true, ctx.user_groups());
  auto b = parse_countries(*m, p, "b", true, ctx.user_groups());
  const bool a_all = get(p, "a") == "all", b_all = get(p, "b") == "all";
  std::vector<std::pair<int, int>> pairs;
  if (a_all && b_all) {
    for (std::size_t i = 0; i < a.size(); ++i)
      for (std::size_t j = i + 1; j < a.size(); ++j) pairs.emplace_back(a[i], a[j]);
  } else {
    for (int i : a)
      for (int j : b)
        if (i != j) pairs.emplace_back(i, j);
  }
  measures::BootstrapOptions boot;
  const double ci = get_double(p, "ci", 0, 0, 0.999);
  if (ci > 0) {
    boot.level = ci;
    boot.replicates = get_int(p, "boot", 1000, 10, 100000);
    boot.seed = static_cast<std::uint64_t>(get_int(p, "seed", 1, 0, 2147483647));
  }
  auto periods = periods_for(*m, sel, mask);
  auto results = measures::compute_dyads(*m, pairs, periods, measure, rule, boot);
  Table t;
  t.columns = {"a", "b", "period", "measure", "value", "n"};
  if (ci > 0) {
    t.columns.push_back("lo");
    t.columns.push_back("hi");
  }
  const std::string name(measures::measure_name(measure));
  t.rows.reserve(results.size());
  // With "all" on a side, dyads that never voted together (not members at the
  // same time) are left out rather than listed with n = 0.
  const bool skip_empty = a_all || b_all;
  for (const auto& r : results) {
    if (skip_empty && r.value.n == 0) continue;
    std::vector<Cell> row{m->iso3(r.a), m->iso3(r.b), periods[r.period].label, name, r.value.value, r.value.n};
    if (ci > 0) {
      row.emplace_back(r.lo);
      row.emplace_back(r.hi);
    }
    t.rows.push_back(std::move(row));
  }
  t.meta = {{"measure", name}, {"periods", periods.size()}, {"pairs", pairs.size()}};
  return t;
}

struct GroupSpec {
  std::string name;
  const registry::Group* group = nullptr;
  std::vector<std::string> members;  // ad-hoc list
};

GroupSpec parse_group(const Params& p, const std::vector<registry::Group>& user_groups) {
  GroupSpec spec;
  std::string g = get(p, "group");
  if (g.empty()) throw UsageError("parameter 'group': required (a group name such as G7, or a list USA,GBR,FRA)");
  if (const registry::Group* group = registry::find_group(g, user_groups)) {
    spec.name = group->name;
    spec.group = group;
    return spec;
  }
  for (const std::string& one : split_list(g)) {
    const registry::Country* c = registry::lookup(one);
    if (!c) throw UsageError("parameter 'group': '" + one + "' is neither a group nor a country");
    spec.members.emplace_back(c->iso3);
  }
  if (spec.members.size() < 2) throw UsageError("parameter 'group': an ad-hoc group needs at least two countries");
  spec.name = g;
  return spec;
}

std::function<bool(int, Date)> membership(const VoteMatrix& m, const GroupSpec& spec) {
  if (spec.group) {
    const registry::Group* g = spec.group;
    return [&m, g](int c, Date d) { return g->is_member(m.iso3(c), d); };
  }
  std::vector<bool> in(m.countries(), false);
  for (const auto& iso3 : spec.members) {
    int c = m.country_index(iso3);
    if (c >= 0) in[c] = true;
  }
  return [in](int c, Date) { return static_cast<bool>(in[c]); };
}

Table run_cohesion(Context& ctx, const Params& p) {
  check_params(p, {ROSTRUM_SELECTORS, "group", "index", "null", "seed", "defections"}, "cohesion");
  Selection sel = parse_selection(p);
  GroupSpec spec = parse_group(p, ctx.user_groups());
  auto m = ctx.matrix(sel.source, sel.body);
  auto mask = m->select(sel.filter);
  auto periods = periods_for(*m, sel, mask);
  auto member = membership(*m, spec);
  Table t;
  if (get_bool(p, "defections", false)) {
    auto rows = measures::defections(*m, member, periods);
    t.columns = {"group", "period", "country", "votes", "defections", "rate"};
    for (const auto& r : rows)
      t.add_row({spec.name, periods[r.period].label, m->iso3(r.country), r.votes, r.defections, r.rate});
    return t;
  }
  measures::CohesionOptions opt;
  opt.index = measures::parse_cohesion_index(get(p, "index", "ai"));
  opt.null_replicates = get_int(p, "null", 200, 0, 100000);
  opt.seed = static_cast<std::uint64_t>(get_int(p, "seed", 1, 0, 2147483647));
  auto rows = measures::cohesion(*m, member, periods, opt);
  t.columns = {"group", "period", "index", "value", "n", "members", "null_mean", "null_lo", "null_hi"};
  for (const auto& r : rows)
    t.add_row({spec.name, periods[r.period].label, std::string(measures::cohesion_index_name(opt.index)), r.value,
               r.rollcalls, r.mean_members, r.null_mean, r.null_lo, r.null_hi});
  return t;
}

}  // namespace

Table run(Context& ctx, std::string_view command, const Params& params) {
  if (command == "info") return run_info(ctx, params);
  if (command == "countries") return run_countries(params);
  if (command == "groups") return run_groups(ctx, params);
  if (command == "agree") return run_agree(ctx, params);
  if (command == "cohesion") return run_cohesion(ctx, params);
  if (auto t = run_extension(ctx, command, params)) return std::move(*t);
  throw UsageError("unknown query '" + std::string(command) + "'");
}

}  // namespace rostrum::query
