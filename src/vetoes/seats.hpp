// UN seats that changed hands: which state a seat's label denotes on a date.
//
// The China seat was the Republic of China's (TWN) until GA resolution 2758 of
// 1971-10-25 and the People's Republic's (CHN) from 1971-10-26; the Soviet seat
// was the USSR's (SUN) until 1991-12-24 and the Russian Federation's (RUS) from
// 1991-12-25 (the P5 group of the registry holds these dates). The Yugoslav seat
// follows the registry's line (YUG, then SCG, then SRB). A record that writes
// "China" or "Russia" for every year is read through these dates.
#pragma once

#include <string_view>
#include <vector>

#include "core/date.hpp"

namespace rostrum::vetoes {

enum class Seat { none, china, russia, usa, uk, france };

// The permanent seat a state's id belongs to: CHN and TWN -> china; SUN and RUS
// -> russia; USA, GBR, FRA; none otherwise.
Seat permanent_seat(std::string_view iso3);
std::string_view seat_name(Seat s);  // "China", "Russia", "United States", ...
// The state holding a permanent seat on `on` (P5 group dates); "" before the UN.
std::string_view seat_holder(Seat s, Date on);

// The state a UN vote record's label `iso3` denotes on `on`: the China and
// Soviet seats by seat_holder, lines by registry::line_holder (YUG after
// 1992-04-26 is SCG, then SRB), anything else itself.
std::string_view un_holder(std::string_view iso3, Date on);

// Every id whose rows can carry votes for `iso3` in some year: its line and, for
// a seat, the seat's other holders (CHN <-> TWN, SUN <-> RUS). Sorted.
std::vector<std::string_view> un_labels_for(std::string_view iso3);

}  // namespace rostrum::vetoes
