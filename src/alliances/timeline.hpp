// Alliance queries that need only the store: a pair's commitments by year, the
// density of each obligation type within a group, and a pair's portfolio
// similarity. Each takes a typed request and returns a Table.
#pragma once

#include <string>
#include <vector>

#include "alliances/alliances.hpp"
#include "alliances/portfolio.hpp"
#include "core/table.hpp"
#include "registry/groups.hpp"

namespace rostrum::alliances {

// A state as asked for, and every registry id on its line (RUS -> {RUS, SUN}):
// data recorded under any of them in a year counts for it in that year.
struct StateLine {
  std::string label;     // the canonical id asked for ("RUS")
  std::vector<int> ids;  // registry indices of the line
  // The id holding the line on 1 July of `year` (SUN for RUS in 1980).
  std::string holder(int year) const;
};
// Resolves a country argument; UsageError naming `param` when unknown.
StateLine resolve_state(const std::string& text, const std::string& param);

// Members of a group argument by year: a built-in or user group (dated
// membership) or a list of countries, "CHN,RUS,PRK" or "CHN+RUS+PRK" (members
// throughout).
struct GroupLines {
  std::string name;
  const registry::Group* group = nullptr;
  std::vector<StateLine> lines;  // every state ever in the group, one entry per line
  // Lines whose state belongs to the group at any time in `year`.
  std::vector<const StateLine*> members(int year) const;
};
GroupLines resolve_group(const std::string& text, const std::string& param,
                         const std::vector<registry::Group>& user_groups = {});

// Obligations between two lines in a year, in either direction, and whether any
// tie is recorded at all.
std::uint8_t between(const AllianceData& data, const StateLine& a, const StateLine& b, int year);
bool any_tie(const AllianceData& data, const StateLine& a, const StateLine& b, int year);
// Whether any id of the line is in the COW system in `year`.
bool exists(StateSystem& system, const StateLine& s, int year);

struct PairTimelineRequest {
  std::string a, b;
  int from = 0, to = 0;  // 0 = from the first year both states are in the state system / to the data's last year
};
// One row per year: year, a, b (the ids holding each line that year), defense,
// offense, neutral, nonagg, consul (1/0 in years a complete source covers; in
// other years 1 where a treaty binds and null otherwise), coverage ("complete",
// "treaties", "none"), treaties (names of treaty-file commitments in force).
Table pair_timeline(const AllianceData& data, const PairTimelineRequest& request);

struct GroupDensityRequest {
  std::string group;
  int from = 0, to = 0;
  std::vector<registry::Group> user_groups;
};
// One row per year: year, members, pairs, and per type the share of member pairs
// bound by it in either direction (defense ... consul, any); null in years no
// complete source covers.
Table group_density(const AllianceData& data, const GroupDensityRequest& request);

struct PortfolioRequest {
  std::string a, b;
  int from = 0, to = 0;
  PortfolioWeights weights;
};
// One row per year: year, a, b, s, s2, kappa, pi, n (system size), degenerate;
// null where the year is not completely covered or a state is outside the system.
// b = "all": a against every other state of the system, in the covered years.
Table portfolio_timeline(const AllianceData& data, const PortfolioRequest& request);

}  // namespace rostrum::alliances
