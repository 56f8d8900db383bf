// Dates as the sanctions lists write them. Each list has its own habits: OFAC
// "30 Mar 1989", the EU Official Journal "15.3.2022", "12 May 2022", "26 Feb. 2011",
// "11 Sept. 2018", ISO "2022-03-15", China "02.12.2019". The parsers accept exactly
// these shapes with a four-digit year and check the day against the month; anything
// else is nullopt, and the importer reports it (never a guess: "13.07.23" is refused).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace rostrum::sanctions {

// A calendar day in any of the shapes above; surrounding spaces are ignored.
std::optional<Date> parse_day(std::string_view text);

// Month number for an English month name or abbreviation ("Mar", "Sept", "march";
// an optional trailing dot), 0 when not a month.
int month_from_name(std::string_view word);

// A date of birth as lists write it: a day, "Mar 1960" (month), "1960" (year),
// "circa 1960" / "approximately 1960" / "ca. 1960" (about a year), "1960 to 1962"
// or "between 1960 and 1962" (a range). The normalised value is "YYYY-MM-DD",
// "YYYY-MM", "YYYY", "~YYYY" or "YYYY..YYYY"; nullopt when the text is none of these.
std::optional<std::string> parse_dob(std::string_view text);

// The days a normalised date of birth can denote, [lo, hi]. "~YYYY" spans YYYY-1 to
// YYYY+1 (the lists' "circa" has no stated tolerance; one year either side is ours).
struct DayRange {
  Date lo = 0, hi = 0;
};
std::optional<DayRange> dob_range(std::string_view normalised);
// How precise a normalised date of birth is: 3 day, 2 month, 1 year, 0 range or circa.
int dob_precision(std::string_view normalised);

// Days from a to b (b - a), proleptic Gregorian calendar.
int days_between(Date a, Date b);
// The day after / before d.
Date next_day(Date d);

}  // namespace rostrum::sanctions
