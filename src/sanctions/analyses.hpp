// The sanctions analyses: a typed request in, a rostrum::Table out (the shells
// render it; nested documents go in Table::meta). Definitions and conventions are
// in docs/sanctions.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.hpp"
#include "core/table.hpp"
#include "sanctions/universe.hpp"

namespace rostrum::sanctions {

// Every list in the store. meta.lists = [{issuer, name, entries, as_of, key, ...}].
// entries counts the list's entries listed on its as_of day (delisted ones of the
// history are counted apart).
Table lists_table(const Dataset& d);

struct MatchRequest {
  std::vector<std::string> issuers = {"US", "EU"};  // pairs between each two, in the order given
  double min_score = kMatchThreshold;
  std::string target;      // ISO3: keep pairs where either side targets it; "" = all
  std::int64_t limit = 0;  // 0 = no limit
};
// a_issuer, a_id, a_name, b_issuer, b_id, b_name, score, evidence. One row per pair
// of designations, the best-scoring when several lists hold a designation. O(blocked
// candidate pairs).
Table match_table(const Universe& u, const MatchRequest& req);

struct CoverageRequest {
  std::vector<std::string> issuers = {"US", "EU", "UN"};
  std::string by = "target";         // target, programme or year
  std::vector<std::string> targets;  // ISO3; empty = all
  int from_year = 0, to_year = 0;    // by = year: the years (default: those the listing dates span)
};
// Entities (designations joined by matching) each issuer lists, how many only it
// lists, how many all issuers of the set list, the union and the Jaccard index
// |shared| / |union| (Jaccard 1901, "Étude comparative de la distribution florale",
// Bull. Soc. Vaudoise Sci. Nat. 37). One row per group and issuer: group = a target
// (by target), a target in a year (by year: listed on 31 December), or an issuer's
// programme (by programme: its entities, and how many each other issuer lists).
Table coverage_table(const Universe& u, const CoverageRequest& req);

struct LagRequest {
  std::string a = "US", b = "EU";
  std::string target;     // ISO3; "" = all targets
  Date from = 0, to = 0;  // keep entities whose first listing by either is in [from, to]; 0 = open
};
// For entities both issuers list with a known listing date: who listed first and the
// days between (b - a; positive = a first). meta: pairs, a_first, b_first, same_day,
// median_days, quartiles, and the entities whose order is known only from an "on or
// before" date.
Table lag_table(const Universe& u, const LagRequest& req);

struct GapsRequest {
  std::string issuer = "US", ally = "EU";
  std::string target;  // ISO3; "" = all
  std::int64_t limit = 100;
};
// Entities the issuer lists (now) and the ally does not, ranked: by the number of
// their links to entities the ally does list, then type (organisations, vessels and
// aircraft before persons), then the most recent listing. With the evidence.
Table gaps_table(const Universe& u, const GapsRequest& req);

struct CounterRequest {
  Date from = 0, to = 0;  // China's listing dates; 0 = open
};
// Who China lists, by the listed party's country and sector, next to how many
// entities the issuer of that country (US for the United States, EU for a member
// state) lists among China's partners (targets RUS, PRK, IRN) and China itself.
Table counter_table(const Universe& u, const CounterRequest& req);

struct EntityRequest {
  std::string name;
  std::int64_t limit = 20;  // entities shown
};
// The entities whose names match `name` (all its words, or a close spelling):
// every list, name variant, identifier, date and the match evidence.
// meta.entries = the same, nested.
Table entity_table(const Universe& u, const EntityRequest& req);

}  // namespace rostrum::sanctions
