#include "query/alliance_queries.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "alliances/timeline.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "measures/cohesion.hpp"
#include "query/channel_support.hpp"
#include "registry/groups.hpp"
#include "registry/registry.hpp"
#include "vetoes/seats.hpp"
#include "vetoes/vetoes.hpp"

namespace rostrum::query {

using alliances::StateLine;
using support::Record;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Three-valued logic (Kleene): nullopt is "unknown".
std::optional<bool> kleene_not(std::optional<bool> a) {
  if (!a) return std::nullopt;
  return !*a;
}
std::optional<bool> kleene_and(std::optional<bool> a, std::optional<bool> b) {
  if ((a && !*a) || (b && !*b)) return false;
  if (a && b) return true;
  return std::nullopt;
}
std::optional<bool> kleene_or(std::optional<bool> a, std::optional<bool> b) {
  if ((a && *a) || (b && *b)) return true;
  if (a && b) return false;
  return std::nullopt;
}

Cell number_or_null(double v) { return std::isfinite(v) ? Cell(v) : Cell(std::monostate{}); }

void check_years(int from, int to) {
  if (from && to && from > to)
    throw ParameterError("from", std::to_string(from) + " is after 'to' " + std::to_string(to));
}

void check_fraction(double v, const char* name) {
  if (!(v >= 0 && v <= 1)) throw ParameterError(name, "expected a number in [0, 1]");
}

// Focus: countries and groups; membership by year (groups by their dates).
struct Focus {
  std::vector<alliances::GroupLines> groups;
  std::vector<StateLine> states;
  bool empty() const { return groups.empty() && states.empty(); }
  std::size_t size_hint() const {
    std::size_t n = states.size();
    for (const auto& g : groups) n += g.lines.size();
    return n;
  }
  bool contains(int registry_index, int year) const {
    for (const auto& s : states)
      if (std::find(s.ids.begin(), s.ids.end(), registry_index) != s.ids.end()) return true;
    for (const auto& g : groups)
      for (const StateLine* s : g.members(year))
        if (std::find(s->ids.begin(), s->ids.end(), registry_index) != s->ids.end()) return true;
    return false;
  }
};

Focus parse_focus(const std::string& text, const std::vector<registry::Group>& user_groups) {
  Focus f;
  std::string list = text;
  std::replace(list.begin(), list.end(), '+', ',');
  for (const std::string& item : split_list(list)) {
    if (const registry::Group* g = registry::find_group(item, user_groups)) {
      f.groups.push_back(alliances::resolve_group(g->name, "focus", user_groups));
    } else {
      f.states.push_back(alliances::resolve_state(item, "focus"));
    }
  }
  return f;
}

// Voeten's agree for every dyad of the record's year with at least min_n joint votes.
struct YearDyads {
  std::vector<std::pair<int, int>> pairs;  // matrix rows
  std::vector<measures::MeasureValue> values;
  std::vector<double> sorted;  // agreement values, sorted
};

YearDyads year_dyads(const Record& rec, const Period& period, int min_n) {
  const VoteMatrix& m = rec.dated.matrix;
  std::vector<int> voting;
  for (int c = 0; c < m.countries(); ++c)
    if (m.count_cast(c, period.mask) > 0) voting.push_back(c);
  std::vector<std::pair<int, int>> pairs;
  for (std::size_t i = 0; i < voting.size(); ++i)
    for (std::size_t j = i + 1; j < voting.size(); ++j) pairs.emplace_back(voting[i], voting[j]);
  auto results =
      measures::compute_dyads(m, pairs, {period}, measures::Measure::agree, measures::CoincidenceRule::partial);
  YearDyads out;
  for (const auto& r : results) {
    if (r.value.n < min_n || !std::isfinite(r.value.value)) continue;
    out.pairs.emplace_back(r.a, r.b);
    out.values.push_back(r.value);
    out.sorted.push_back(r.value.value);
  }
  std::sort(out.sorted.begin(), out.sorted.end());
  return out;
}

std::optional<alliances::AllianceData> maybe_alliances(store::Store& store) {
  if (!alliances::has_alliances(store)) return std::nullopt;
  return alliances::load_alliances(store);
}

// Defense (either direction) between two registry states in a year: 1 / 0 in
// years a complete source covers, 1 where a treaty binds, else unknown.
std::optional<std::uint8_t> commitments(const alliances::AllianceData* data, int a, int b, int year) {
  if (!data || a < 0 || b < 0) return std::nullopt;
  const std::uint8_t mask = data->between(a, b, year);
  if (data->complete(year) || data->any_tie(a, b, year)) return mask;
  return std::nullopt;
}

}  // namespace

Table alliance_gap(Context& ctx, const AllianceGapRequest& req) {
  check_years(req.from, req.to);
  check_fraction(req.high, "high");
  check_fraction(req.low, "low");
  if (req.min_n < 1) throw ParameterError("min-n", "expected at least 1");
  const Focus focus = parse_focus(req.focus, ctx.user_groups());
  std::string table = req.table;
  if (table.empty()) table = focus.empty() ? "gaps" : "all";
  if (table != "gaps" && table != "aligned-without-alliance" && table != "allied-without-alignment" && table != "all")
    throw ParameterError(
        "table", "expected gaps, aligned-without-alliance, allied-without-alignment or all, got '" + table + "'");
  std::string pairs_mode = req.pairs;
  if (pairs_mode.empty()) pairs_mode = focus.size_hint() >= 2 ? "within" : "any";
  if (pairs_mode != "within" && pairs_mode != "any")
    throw ParameterError("pairs", "expected within or any, got '" + pairs_mode + "'");

  Record rec = *support::load_record(ctx, req.source, Body::GeneralAssembly, true, true);
  auto store = store::Store::open(ctx.db_path(), false, true);
  auto data = maybe_alliances(store);
  const auto ideal = support::load_ideal(store, rec.source);
  const VoteMatrix& m = rec.dated.matrix;
  std::vector<int> registry_index(static_cast<std::size_t>(m.countries()));
  for (int c = 0; c < m.countries(); ++c)
    registry_index[static_cast<std::size_t>(c)] = registry::index_of_iso3(m.iso3(c));

  Table t;
  t.columns = {"year",           "a",       "b",           "agree",   "n", "agree_quantile",
               "ideal_distance", "defense", "commitments", "category"};
  for (const auto& [year, period] : rec.by_year) {
    if ((req.from && year < req.from) || (req.to && year > req.to)) continue;
    const YearDyads dyads = year_dyads(rec, period, req.min_n);
    for (std::size_t k = 0; k < dyads.pairs.size(); ++k) {
      const auto [ra, rb] = dyads.pairs[k];
      const int ia = registry_index[static_cast<std::size_t>(ra)], ib = registry_index[static_cast<std::size_t>(rb)];
      if (!focus.empty()) {
        const bool in_a = ia >= 0 && focus.contains(ia, year), in_b = ib >= 0 && focus.contains(ib, year);
        if (pairs_mode == "within" ? !(in_a && in_b) : !(in_a || in_b)) continue;
      }
      const double agree = dyads.values[k].value;
      const double q = support::mid_rank(dyads.sorted, agree);
      const auto c = commitments(data ? &*data : nullptr, ia, ib, year);
      std::string category;
      if (c && !(*c & alliances::kDefense) && q >= req.high) category = "aligned without alliance";
      if (c && (*c & alliances::kDefense) && q <= req.low) category = "allied without alignment";
      if (table == "gaps" && category.empty()) continue;
      if (table == "aligned-without-alliance" && category != "aligned without alliance") continue;
      if (table == "allied-without-alignment" && category != "allied without alignment") continue;
      std::vector<Cell> row{static_cast<std::int64_t>(year), m.iso3(ra), m.iso3(rb), agree, dyads.values[k].n, q};
      const auto* pa =
          ideal.by_state_year.count({m.iso3(ra), year}) ? &ideal.by_state_year.at({m.iso3(ra), year}) : nullptr;
      const auto* pb =
          ideal.by_state_year.count({m.iso3(rb), year}) ? &ideal.by_state_year.at({m.iso3(rb), year}) : nullptr;
      row.push_back(pa && pb ? Cell(std::fabs(pa->first - pb->first)) : Cell(std::monostate{}));
      if (c) {
        row.emplace_back(static_cast<std::int64_t>((*c & alliances::kDefense) ? 1 : 0));
        row.emplace_back(*c ? alliances::obligation_list(*c) : std::string());
      } else {
        row.emplace_back(std::monostate{});
        row.emplace_back(std::monostate{});
      }
      row.emplace_back(category);
      t.add_row(std::move(row));
    }
  }
  t.meta = {{"source", rec.source.name},
            {"measure", "agree"},
            {"high", req.high},
            {"low", req.low},
            {"min_n", req.min_n},
            {"table", table},
            {"ideal_run", ideal.run},
            {"alliances", data.has_value()},
            {"votes_moved_to_seat_holders", rec.dated.moved}};
  return t;
}

Table group_alignment(Context& ctx, const GroupAlignmentRequest& req) {
  check_years(req.from, req.to);
  const auto group = alliances::resolve_group(req.group, "group", ctx.user_groups());
  Record rec = *support::load_record(ctx, req.source, Body::GeneralAssembly, false, true);
  Record agree_rec = *support::load_record(ctx, req.source, Body::GeneralAssembly, true, true);
  auto store = store::Store::open(ctx.db_path(), false, true);
  auto data = maybe_alliances(store);
  const VoteMatrix& m = rec.dated.matrix;
  // Matrix row -> the group's line holding it (or null).
  std::vector<const StateLine*> line_of_row(static_cast<std::size_t>(m.countries()), nullptr);
  for (int c = 0; c < m.countries(); ++c) {
    const int idx = registry::index_of_iso3(m.iso3(c));
    for (const auto& line : group.lines)
      if (std::find(line.ids.begin(), line.ids.end(), idx) != line.ids.end())
        line_of_row[static_cast<std::size_t>(c)] = &line;
  }
  auto member = [&](int c, Date d) {
    const StateLine* line = line_of_row[static_cast<std::size_t>(c)];
    if (!line) return false;
    const auto now = group.members(date_year(d));
    return std::find(now.begin(), now.end(), line) != now.end();
  };
  std::vector<Period> periods;
  std::vector<int> years;
  for (const auto& [year, p] : rec.by_year) {
    if ((req.from && year < req.from) || (req.to && year > req.to)) continue;
    periods.push_back(p);
    years.push_back(year);
  }
  measures::CohesionOptions opt;
  opt.index = measures::CohesionIndex::ai;
  opt.null_replicates = req.null_replicates;
  opt.seed = req.seed;
  auto cohesion = measures::cohesion(m, member, periods, opt);
  alliances::StateSystem system;
  Table t;
  t.columns = {"year",    "group",   "members",    "cohesion",        "rollcalls",   "null_mean",
               "null_lo", "null_hi", "mean_agree", "defense_density", "any_density", "alliance_coverage"};
  for (const auto& r : cohesion) {
    const int year = years[static_cast<std::size_t>(r.period)];
    const auto members = group.members(year);
    std::string names;
    for (const StateLine* s : members) {
      if (!names.empty()) names += ',';
      names += s->holder(year);
    }
    // Mean pairwise agreement (Voeten, unanimous roll calls dropped) over members with joint votes.
    double sum = 0;
    int counted = 0;
    auto it = agree_rec.by_year.find(year);
    if (it != agree_rec.by_year.end())
      for (std::size_t i = 0; i < members.size(); ++i)
        for (std::size_t j = i + 1; j < members.size(); ++j) {
          auto v = measures::compute(measures::Measure::agree,
                                     support::joint_counts(agree_rec, *members[i], *members[j], it->second));
          if (v.n > 0) {
            sum += v.value;
            ++counted;
          }
        }
    std::vector<Cell> row{static_cast<std::int64_t>(year),
                          group.name,
                          names,
                          number_or_null(r.value),
                          r.rollcalls,
                          number_or_null(r.null_mean),
                          number_or_null(r.null_lo),
                          number_or_null(r.null_hi),
                          counted ? Cell(sum / counted) : Cell(std::monostate{})};
    // Density among members existing in the state system that year.
    std::vector<const StateLine*> existing;
    for (const StateLine* s : members)
      if (alliances::exists(system, *s, year)) existing.push_back(s);
    if (data && data->complete(year) && existing.size() >= 2) {
      std::int64_t pairs = 0, defense = 0, any = 0;
      for (std::size_t i = 0; i < existing.size(); ++i)
        for (std::size_t j = i + 1; j < existing.size(); ++j) {
          ++pairs;
          if (alliances::between(*data, *existing[i], *existing[j], year) & alliances::kDefense) ++defense;
          if (alliances::any_tie(*data, *existing[i], *existing[j], year)) ++any;
        }
      row.emplace_back(static_cast<double>(defense) / static_cast<double>(pairs));
      row.emplace_back(static_cast<double>(any) / static_cast<double>(pairs));
      row.emplace_back(std::string("complete"));
    } else {
      row.emplace_back(std::monostate{});
      row.emplace_back(std::monostate{});
      row.emplace_back(std::string(data ? "none" : "no alliance data"));
    }
    t.add_row(std::move(row));
  }
  t.meta = {
      {"group", group.name}, {"source", rec.source.name}, {"index", "ai"}, {"null_replicates", req.null_replicates}};
  return t;
}

Table top_cover(Context& ctx, const TopCoverRequest& req) {
  check_years(req.from, req.to);
  check_fraction(req.aligned, "aligned");
  check_fraction(req.opposed, "opposed");
  auto store = store::Store::open(ctx.db_path(), false, true);
  const auto all = vetoes::load_vetoes(store);
  std::string member;
  if (!req.member.empty()) {
    const registry::Country* c = registry::lookup(req.member);
    if (!c) throw ParameterError("member", "unknown country '" + req.member + "'");
    member = std::string(c->iso3);
  }
  auto data = maybe_alliances(store);
  auto rec = support::load_record(ctx, req.source, Body::GeneralAssembly, true, false);
  std::map<int, YearDyads> dyads_by_year;
  Table t;
  t.columns = {"date",     "draft", "topic",          "vetoer",  "subject", "subject_basis", "ally", "alliance_types",
               "ga_agree", "ga_n",  "agree_quantile", "aligned", "opposed", "top_cover",     "self"};
  std::map<std::string, std::int64_t> events;
  for (const auto& v : all) {
    const int year = date_year(v.date);
    if ((req.from && year < req.from) || (req.to && year > req.to)) continue;
    for (const auto& who : v.vetoers) {
      if (!member.empty() && vetoes::permanent_seat(who) != vetoes::permanent_seat(member)) continue;
      for (const auto& subject : v.subjects) {
        const bool self = subject == who;
        std::vector<Cell> row{format_date(v.date), v.draft, v.topic, who, subject, v.subject_basis};
        const auto c =
            commitments(data ? &*data : nullptr, registry::index_of_iso3(who), registry::index_of_iso3(subject), year);
        std::optional<bool> ally;
        if (c)
          ally =
              *c != 0 || (data && data->any_tie(registry::index_of_iso3(who), registry::index_of_iso3(subject), year));
        row.push_back(ally ? Cell(static_cast<std::int64_t>(*ally)) : Cell(std::monostate{}));
        row.push_back(c ? Cell(*c ? alliances::obligation_list(*c) : std::string()) : Cell(std::monostate{}));
        // Voting alignment: the subject's agreement with the vetoer, ranked among the vetoer's dyads that year.
        std::optional<bool> aligned, opposed;
        Cell agree_cell, n_cell, q_cell;
        if (rec && rec->by_year.count(year)) {
          auto it = dyads_by_year.find(year);
          if (it == dyads_by_year.end())
            it = dyads_by_year.emplace(year, year_dyads(*rec, rec->by_year.at(year), req.min_n)).first;
          const YearDyads& d = it->second;
          const VoteMatrix& m = rec->dated.matrix;
          const int rv = rec->row(who), rs = rec->row(subject);
          std::vector<double> vetoer_values;
          double value = kNaN;
          std::int64_t n = 0;
          for (std::size_t k = 0; k < d.pairs.size(); ++k) {
            const auto [x, y] = d.pairs[k];
            if (x != rv && y != rv) continue;
            vetoer_values.push_back(d.values[k].value);
            if (x == rs || y == rs) {
              value = d.values[k].value;
              n = d.values[k].n;
            }
          }
          (void)m;
          if (std::isfinite(value)) {
            std::sort(vetoer_values.begin(), vetoer_values.end());
            const double q = support::mid_rank(vetoer_values, value);
            agree_cell = value;
            n_cell = n;
            q_cell = q;
            aligned = q >= req.aligned;
            opposed = q <= req.opposed;
          }
        }
        row.push_back(agree_cell);
        row.push_back(n_cell);
        row.push_back(q_cell);
        row.push_back(aligned ? Cell(static_cast<std::int64_t>(*aligned)) : Cell(std::monostate{}));
        row.push_back(opposed ? Cell(static_cast<std::int64_t>(*opposed)) : Cell(std::monostate{}));
        // A partner: an ally that does not vote against the vetoer, or a voting-aligned
        // state (three-valued: unknown where an input is unknown and decides).
        const std::optional<bool> allied_partner = kleene_and(ally, kleene_not(opposed));
        const std::optional<bool> partner = kleene_or(allied_partner, aligned);
        Cell cover;
        if (self)
          cover = std::int64_t{0};
        else if (partner)
          cover = static_cast<std::int64_t>(*partner);
        row.push_back(cover);
        row.push_back(static_cast<std::int64_t>(self));
        if (std::holds_alternative<std::int64_t>(cover) && std::get<std::int64_t>(cover) == 1) ++events[who];
        t.add_row(std::move(row));
      }
    }
  }
  t.meta = {{"aligned", req.aligned},
            {"opposed", req.opposed},
            {"min_n", req.min_n},
            {"top_cover_by_vetoer", events},
            {"ga_source", rec ? nlohmann::json(rec->source.name) : nlohmann::json(nullptr)},
            {"alliances", data.has_value()}};
  return t;
}

Table sc_agreement(Context& ctx, const ScAgreementRequest& req) {
  check_years(req.from, req.to);
  Record rec = *support::load_record(ctx, req.source, Body::SecurityCouncil, false, true);
  auto store = store::Store::open(ctx.db_path(), false, true);
  const auto all = vetoes::load_vetoes(store);
  // The record with every veto joined as a failed roll call, split by year the same way.
  Record with = rec;
  with.dated.matrix = vetoes::with_vetoed_drafts(rec.dated.matrix, all);
  with.mask = with.dated.matrix.select({});
  with.by_year.clear();
  for (auto& p : make_periods(with.dated.matrix, PeriodKind::year, with.mask))
    with.by_year.emplace(std::stoi(p.label), std::move(p));
  std::map<int, std::vector<const vetoes::Veto*>> vetoes_by_year;
  for (const auto& v : all) vetoes_by_year[date_year(v.date)].push_back(&v);

  static const vetoes::Seat kSeats[] = {vetoes::Seat::china, vetoes::Seat::france, vetoes::Seat::russia,
                                        vetoes::Seat::uk, vetoes::Seat::usa};
  Table t;
  t.columns = {
      "year",           "a", "b", "agree", "n", "agree_with_vetoes", "n_with_vetoes", "vetoed_drafts", "covetoes",
      "vetoes_one_side"};
  std::set<int> years;
  for (const auto& [y, p] : with.by_year) years.insert(y);
  for (int year : years) {
    if ((req.from && year < req.from) || (req.to && year > req.to)) continue;
    // Every state that held a permanent seat at some time in the year.
    std::vector<std::string> holders;
    for (auto seat : kSeats)
      for (Date d : {make_date(year, 1, 1), make_date(year, 12, 31)}) {
        std::string h(vetoes::seat_holder(seat, d));
        if (!h.empty() && std::find(holders.begin(), holders.end(), h) == holders.end()) holders.push_back(h);
      }
    std::sort(holders.begin(), holders.end());
    const auto& year_vetoes = vetoes_by_year[year];
    for (std::size_t i = 0; i < holders.size(); ++i)
      for (std::size_t j = i + 1; j < holders.size(); ++j) {
        const StateLine a{holders[i], {registry::index_of_iso3(holders[i])}};
        const StateLine b{holders[j], {registry::index_of_iso3(holders[j])}};
        if (vetoes::permanent_seat(a.label) == vetoes::permanent_seat(b.label)) continue;  // TWN and CHN in 1971
        std::vector<Cell> row{static_cast<std::int64_t>(year), a.label, b.label};
        for (const Record* r : {&rec, &with}) {
          auto it = r->by_year.find(year);
          measures::MeasureValue v;
          if (it != r->by_year.end())
            v = measures::compute(measures::Measure::agree, support::joint_counts(*r, a, b, it->second));
          row.push_back(v.n > 0 ? Cell(v.value) : Cell(std::monostate{}));
          row.emplace_back(v.n);
        }
        std::int64_t drafts = 0, co = 0, one = 0;
        for (const auto* v : year_vetoes) {
          ++drafts;
          const bool va = v->vetoed_by(a.label), vb = v->vetoed_by(b.label);
          if (va && vb)
            ++co;
          else if (va || vb)
            ++one;
        }
        row.emplace_back(drafts);
        row.emplace_back(co);
        row.emplace_back(one);
        t.add_row(std::move(row));
      }
  }
  t.meta = {{"source", rec.source.name},
            {"measure", "agree"},
            {"note",
             "vetoed drafts are failed roll calls on which only the vetoing members' votes (No) are known; "
             "vetoes_one_side counts drafts one of the pair vetoed while the other's vote is unknown"}};
  return t;
}

}  // namespace rostrum::query
