// Named groups of states with dated membership (EU, NATO, G7, BRICS, ... CRINK),
// plus user-defined groups read from a JSON or TOML file.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace rostrum::registry {

struct Membership {
  std::string iso3;
  Date from = 0;       // first day of membership; 0 = since the group began
  Date to = kOpenEnd;  // last day of membership
};

struct Group {
  std::string name;         // short name used on the command line: "G7", "EU", "CRINK"
  std::string description;  // one line: what it is and the source of the membership dates
  std::vector<Membership> members;

  bool is_member(std::string_view iso3, Date on) const;
  std::vector<std::string> members_on(Date on) const;  // ISO3 ids, sorted
  std::vector<std::string> ever_members() const;       // ISO3 ids, sorted
};

// Built-in groups: EU, NATO, G7, G20, BRICS (with the 2024 and 2025 enlargements),
// SCO, ASEAN, AU, ARAB_LEAGUE, NAM, G77, P5, CRINK.
const std::vector<Group>& builtin_groups();

// Case-insensitive lookup among built-in groups and `extra`; nullptr when unknown.
const Group* find_group(std::string_view name, const std::vector<Group>& extra = {});

// Reads user groups from a JSON or TOML file (chosen by extension), e.g. JSON
//   {"groups": [{"name": "NORDIC", "description": "...",
//                "members": ["DNK", "FIN", {"country": "SWE", "from": "1995-01-01"}]}]}
// or TOML
//   [[group]]
//   name = "NORDIC"
//   members = ["DNK", "FIN", "ISL", "NOR", "SWE"]
// Country entries go through registry::find (names and codes accepted).
// Throws rostrum::InputError naming the file (and line where the parser knows it)
// on malformed files or unknown countries.
std::vector<Group> load_groups_file(const std::string& path);

}  // namespace rostrum::registry
