// Correlates of War codes read by date: the COW state system, and the lines of
// states that continue one another under one COW code.
//
// COW gives the Russian Empire, the USSR and the Russian Federation one code (365),
// and Serbia, the Yugoslav kingdom, the SFRY, the FRY and Serbia again another
// (345). The registry keeps these as distinct states (RUS, SUN; SRB, YUG, SCG), so
// a COW code means a registry state only on a date. See docs/registry.md, "COW
// codes by date".
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace rostrum::registry {

// One spell of COW state-system membership (states2016), both ends inclusive.
// Spells that run to the end of that list (2016-12-31) are open: to = 99991231.
struct CowSpell {
  int code = 0;
  std::string_view abbr;
  Date from = 0, to = 0;
};
std::span<const CowSpell> cow_system();

// Index into countries() of the state that COW `code` denotes on `on`, or -1 when
// the registry has no such state (the German and Italian states before
// unification, Austria-Hungary, Korea 1887-1905). Codes on a line resolve through
// line_holder: find_cow(365, 1980-07-01) is SUN, find_cow(365, 1992-07-01) is RUS.
int find_cow(int code, Date on);

// Registry states in the COW system at any time in `year`, as sorted indices into
// countries(). A code is read on the day of its spell nearest to 1 July, so a
// year is given to whoever held the code for most of it (1991: SUN).
// O(spells) per call.
std::vector<int> cow_system_members(int year);

// A line: one state continued by another under one COW code, each id holding the
// line from its date until the next id's.
struct LineSegment {
  std::string_view iso3;
  Date from = 0;  // first day; 0 = since the beginning
};
// The lines the registry knows: RUS -> SUN (1922-12-30) -> RUS (1991-12-25), and
// SRB -> YUG (1918-12-01) -> SCG (1992-04-27) -> SRB (2006-06-05).
std::span<const std::span<const LineSegment>> lines();

// Every id on the line of `iso3`, itself included and sorted: line_of("RUS") =
// {RUS, SUN}. A state on no line is its own line: line_of("PRK") = {PRK}.
std::vector<std::string_view> line_of(std::string_view iso3);
// The id holding the line of `iso3` on `on`: line_holder("RUS", 1980-07-01) = SUN;
// `iso3` itself when it is on no line.
std::string_view line_holder(std::string_view iso3, Date on);

}  // namespace rostrum::registry
