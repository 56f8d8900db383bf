// Calendar dates as one comparable integer, yyyymmdd (e.g. 19460101).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rostrum {

using Date = std::int32_t;  // yyyymmdd; 0 = unknown

// The end of an open interval ("still a member", "no upper bound").
constexpr Date kOpenEnd = 99991231;

constexpr Date make_date(int year, int month, int day) { return year * 10000 + month * 100 + day; }
constexpr int date_year(Date d) { return d / 10000; }
constexpr int date_month(Date d) { return (d / 100) % 100; }
constexpr int date_day(Date d) { return d % 100; }

// Parses "YYYY-MM-DD" (also "YYYY-MM-DDTHH:MM:SS..." and "YYYY/MM/DD"); checks the
// day against the month's length. nullopt when the text is not a valid date.
std::optional<Date> parse_date(std::string_view text);
// Parses a period bound: "YYYY" (start or end of that year, per `end`) or a full date.
std::optional<Date> parse_date_bound(std::string_view text, bool end);
std::string format_date(Date d);  // "YYYY-MM-DD"; "" for 0

}  // namespace rostrum
