#include "alliances/timeline.hpp"

#include <algorithm>
#include <limits>

#include "core/error.hpp"
#include "core/text.hpp"
#include "registry/cow.hpp"
#include "registry/registry.hpp"

namespace rostrum::alliances {

std::string StateLine::holder(int year) const {
  return std::string(registry::line_holder(label, make_date(year, 7, 1)));
}

namespace {

StateLine line_for(std::string_view iso3) {
  StateLine s;
  s.label = std::string(iso3);
  for (auto id : registry::line_of(iso3)) {
    int idx = registry::index_of_iso3(id);
    if (idx >= 0) s.ids.push_back(idx);
  }
  return s;
}

std::pair<int, int> year_range(const AllianceData& data, int from, int to) {
  return {from ? from : data.first_year(), to ? to : data.last_year()};
}

void check_years(int from, int to) {
  if (from && to && from > to)
    throw ParameterError("from", std::to_string(from) + " is after 'to' " + std::to_string(to));
}

}  // namespace

StateLine resolve_state(const std::string& text, const std::string& param) {
  if (text.empty()) throw ParameterError(param, "required (a country)");
  const registry::Country* c = registry::lookup(text);
  if (!c) throw ParameterError(param, "unknown country '" + text + "'");
  return line_for(c->iso3);
}

std::vector<const StateLine*> GroupLines::members(int year) const {
  std::vector<const StateLine*> out;
  const Date lo = make_date(year, 1, 1), hi = make_date(year, 12, 31);
  const auto countries = registry::countries();
  for (const StateLine& line : lines) {
    bool in = !group;
    if (group) {
      for (const auto& m : group->members) {
        if (m.from > hi || m.to < lo) continue;
        for (int id : line.ids)
          if (countries[static_cast<std::size_t>(id)].iso3 == m.iso3) in = true;
      }
    }
    if (in) out.push_back(&line);
  }
  return out;
}

GroupLines resolve_group(const std::string& text, const std::string& param,
                         const std::vector<registry::Group>& user_groups) {
  if (text.empty()) throw ParameterError(param, "required (a group name or a comma list of countries)");
  GroupLines g;
  std::vector<std::string> ids;
  if (const registry::Group* group = registry::find_group(text, user_groups)) {
    g.group = group;
    g.name = group->name;
    ids = group->ever_members();
  } else {
    // "CHN,RUS,PRK" or "CHN+RUS+PRK".
    std::string list = text;
    std::replace(list.begin(), list.end(), '+', ',');
    for (const std::string& one : split_list(list)) {
      const registry::Country* c = registry::lookup(one);
      if (!c) throw ParameterError(param, "'" + one + "' is neither a group nor a country");
      ids.emplace_back(c->iso3);
    }
    g.name = text;
  }
  for (const auto& id : ids) {
    StateLine line = line_for(id);
    bool seen = std::any_of(g.lines.begin(), g.lines.end(), [&](const StateLine& l) { return l.ids == line.ids; });
    if (!seen) g.lines.push_back(std::move(line));
  }
  if (g.lines.size() < 2) throw ParameterError(param, "a group needs at least two states");
  return g;
}

std::uint8_t between(const AllianceData& data, const StateLine& a, const StateLine& b, int year) {
  std::uint8_t mask = 0;
  for (int x : a.ids)
    for (int y : b.ids)
      if (x != y) mask |= data.between(x, y, year);
  return mask;
}

bool any_tie(const AllianceData& data, const StateLine& a, const StateLine& b, int year) {
  for (int x : a.ids)
    for (int y : b.ids)
      if (x != y && data.any_tie(x, y, year)) return true;
  return false;
}

bool exists(StateSystem& system, const StateLine& s, int year) {
  return std::any_of(s.ids.begin(), s.ids.end(), [&](int id) { return system.contains(year, id); });
}

Table pair_timeline(const AllianceData& data, const PairTimelineRequest& request) {
  check_years(request.from, request.to);
  const StateLine a = resolve_state(request.a, "a"), b = resolve_state(request.b, "b");
  if (a.ids == b.ids) throw ParameterError("b", "the same state as 'a'");
  StateSystem system;
  auto [from, to] = year_range(data, request.from, request.to);
  if (!request.from) {
    // From the first year both states are in the state system (or tied, for
    // states outside it).
    int first = 0;
    for (int y = from; y <= to && !first; ++y)
      if ((exists(system, a, y) && exists(system, b, y)) || any_tie(data, a, b, y)) first = y;
    if (!first)
      from = to + 1;
    else
      from = first;
  }
  Table t;
  t.columns = {"year", "a", "b"};
  for (auto name : kObligationNames) t.columns.emplace_back(name);
  t.columns.push_back("coverage");
  t.columns.push_back("treaties");
  for (int y = from; y <= to; ++y) {
    std::vector<Cell> row{static_cast<std::int64_t>(y), a.holder(y), b.holder(y)};
    const std::uint8_t mask = between(data, a, b, y);
    const bool complete = data.complete(y), tied = any_tie(data, a, b, y);
    for (std::size_t k = 0; k < kObligationNames.size(); ++k) {
      const bool on = mask & (1u << k);
      if (complete || on)
        row.emplace_back(static_cast<std::int64_t>(on ? 1 : 0));
      else
        row.emplace_back(std::monostate{});
    }
    row.emplace_back(std::string(complete ? "complete" : tied ? "treaties" : "none"));
    std::string names;
    for (int x : a.ids)
      for (int z : b.ids)
        for (int tr : data.treaties_between(x, z, y)) {
          const std::string& n = data.treaties()[static_cast<std::size_t>(tr)].name;
          if (names.find(n) != std::string::npos) continue;
          if (!names.empty()) names += "; ";
          names += n;
        }
    row.emplace_back(names);
    t.add_row(std::move(row));
  }
  nlohmann::json sources = nlohmann::json::array();
  for (const auto& c : data.coverage())
    sources.push_back({{"source", c.source},
                       {"format", c.format},
                       {"first_year", c.first_year},
                       {"last_year", c.last_year},
                       {"complete", c.complete}});
  t.meta = {{"a", a.label}, {"b", b.label}, {"sources", sources}};
  return t;
}

Table group_density(const AllianceData& data, const GroupDensityRequest& request) {
  check_years(request.from, request.to);
  const GroupLines g = resolve_group(request.group, "group", request.user_groups);
  StateSystem system;
  auto [from, to] = year_range(data, request.from, request.to);
  Table t;
  t.columns = {"year", "group", "members", "pairs"};
  for (auto name : kObligationNames) t.columns.emplace_back(name);
  t.columns.push_back("any");
  t.columns.push_back("coverage");
  for (int y = from; y <= to; ++y) {
    std::vector<const StateLine*> members;
    std::string names;
    for (const StateLine* m : g.members(y))
      if (exists(system, *m, y)) {
        members.push_back(m);
        if (!names.empty()) names += ',';
        names += m->holder(y);
      }
    if (members.size() < 2) continue;
    const std::int64_t pairs = static_cast<std::int64_t>(members.size() * (members.size() - 1) / 2);
    std::int64_t count[6] = {0, 0, 0, 0, 0, 0};
    for (std::size_t i = 0; i < members.size(); ++i)
      for (std::size_t j = i + 1; j < members.size(); ++j) {
        const std::uint8_t mask = between(data, *members[i], *members[j], y);
        for (int k = 0; k < 5; ++k)
          if (mask & (1u << k)) ++count[k];
        if (any_tie(data, *members[i], *members[j], y)) ++count[5];
      }
    const bool complete = data.complete(y);
    std::vector<Cell> row{static_cast<std::int64_t>(y), g.name, names, pairs};
    for (const std::int64_t c : count) {
      if (complete)
        row.emplace_back(static_cast<double>(c) / static_cast<double>(pairs));
      else
        row.emplace_back(std::monostate{});
    }
    row.emplace_back(std::string(complete ? "complete" : "none"));
    t.add_row(std::move(row));
  }
  t.meta = {{"group", g.name}};
  return t;
}

namespace {

void add_similarity(std::vector<Cell>& row, const Similarity& sim) {
  if (sim.n > 0) {
    row.insert(row.end(), {sim.s, sim.s2, sim.kappa, sim.pi, sim.n, static_cast<std::int64_t>(sim.degenerate)});
  } else {
    for (int k = 0; k < 6; ++k) row.emplace_back(std::monostate{});
  }
}

// a against every other state of the system, in the years a complete source covers.
Table portfolio_against_all(const AllianceData& data, const PortfolioRequest& request, const StateLine& a) {
  StateSystem system;
  auto [from, to] = year_range(data, request.from, request.to);
  Table t;
  t.columns = {"year", "a", "b", "s", "s2", "kappa", "pi", "n", "degenerate"};
  const auto countries = registry::countries();
  for (int y = from; y <= to; ++y) {
    if (!data.complete(y)) continue;
    int x = -1;
    for (int id : a.ids)
      if (system.contains(y, id)) x = id;
    if (x < 0) continue;
    for (int k : system.members(y)) {
      if (std::find(a.ids.begin(), a.ids.end(), k) != a.ids.end()) continue;
      std::vector<Cell> row{static_cast<std::int64_t>(y), a.holder(y),
                            std::string(countries[static_cast<std::size_t>(k)].iso3)};
      add_similarity(row, portfolio_similarity(data, system, x, k, y, request.weights));
      t.add_row(std::move(row));
    }
  }
  t.meta = {{"a", a.label}, {"b", "all"}, {"weights", request.weights.by_type}, {"self", request.weights.self}};
  return t;
}

}  // namespace

Table portfolio_timeline(const AllianceData& data, const PortfolioRequest& request) {
  check_years(request.from, request.to);
  const StateLine a = resolve_state(request.a, "a");
  if (request.b == "all") return portfolio_against_all(data, request, a);
  const StateLine b = resolve_state(request.b, "b");
  if (a.ids == b.ids) throw ParameterError("b", "the same state as 'a'");
  StateSystem system;
  auto [from, to] = year_range(data, request.from, request.to);
  Table t;
  t.columns = {"year", "a", "b", "s", "s2", "kappa", "pi", "n", "degenerate"};
  for (int y = from; y <= to; ++y) {
    // The id of each line that is in the system that year.
    auto in_system = [&](const StateLine& s) {
      for (int id : s.ids)
        if (system.contains(y, id)) return id;
      return -1;
    };
    const int x = in_system(a), z = in_system(b);
    if (!request.from && (x < 0 || z < 0)) continue;
    Similarity sim = x >= 0 && z >= 0 ? portfolio_similarity(data, system, x, z, y, request.weights) : Similarity{};
    std::vector<Cell> row{static_cast<std::int64_t>(y), a.holder(y), b.holder(y)};
    add_similarity(row, sim);
    t.add_row(std::move(row));
  }
  t.meta = {{"a", a.label}, {"b", b.label}, {"weights", request.weights.by_type}, {"self", request.weights.self}};
  return t;
}

}  // namespace rostrum::alliances
