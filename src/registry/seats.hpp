// Seats change hands: the state a source's label denotes depends on the record's
// date. A `CHINA` column before 26 October 1971 is the Republic of China (TWN), a
// `USSR` or `Russia` label before 24 December 1991 is the Soviet Union (SUN), a
// `Yugoslavia` label after April 1992 is the FRY (SCG), and so on. Every importer
// maps a label to a state with `find` and then to the seat's holder on the record's
// date with `holder_on`; this table is the only place where those dates live.
//
// Continuations are the other half: a state that continued another's UN membership
// (Russia the USSR's, Serbia that of Serbia and Montenegro) carries the
// predecessor's votes in analyses, so that `agree --a RUS` reaches back to 1946.
// The store keeps every vote under the state that cast it; the matrix loader
// (store::Store::load_matrix) and group membership (Group::is_member) follow the
// continuation. See docs/registry.md, "Seats and dates".
#pragma once

#include <span>
#include <string_view>

#include "core/date.hpp"

namespace rostrum::registry {

constexpr Date kDateMin = 0;
constexpr Date kDateMax = 99991231;

// One dated rule: a label that resolves to `label` denotes `holder` on the record
// dates [from, to] (inclusive). `holder` "" means no state held a seat under that
// label then (a `GERMAN DEMOCRATIC REPUBLIC` vote after 2 October 1990).
struct SeatRule {
  std::string_view label;
  Date from, to;
  std::string_view holder;
  std::string_view why;  // the event and its source
};

// Rules grouped by label, each label's ranges contiguous from kDateMin to kDateMax.
std::span<const SeatRule> seat_rules();

// Index (in countries()) of the state that `label_country` (an index from find)
// denotes on `date`: the holder under the seat rules, the label's own state when no
// rule names it, -1 when no state held a seat under that label on that date.
// A date of 0 (unknown) is not mapped: the label's own state is returned. O(rules).
int holder_on(int label_country, Date date);

// A state continuing another's UN membership from `on`: `successor` carries
// `predecessor`'s votes before that date in analyses.
struct Continuation {
  std::string_view predecessor, successor;
  Date on;
  std::string_view why;
};
std::span<const Continuation> continuations();

// The state whose series carries `iso3`'s votes: the end of its continuation chain
// ("SUN" -> "RUS", "SCG" -> "SRB"), else `iso3` itself.
std::string_view series_of(std::string_view iso3);

}  // namespace rostrum::registry
