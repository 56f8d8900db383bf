#include "vetoes/seats.hpp"

#include <algorithm>

#include "registry/cow.hpp"
#include "registry/groups.hpp"

namespace rostrum::vetoes {

Seat permanent_seat(std::string_view iso3) {
  if (iso3 == "CHN" || iso3 == "TWN") return Seat::china;
  if (iso3 == "SUN" || iso3 == "RUS") return Seat::russia;
  if (iso3 == "USA") return Seat::usa;
  if (iso3 == "GBR") return Seat::uk;
  if (iso3 == "FRA") return Seat::france;
  return Seat::none;
}

std::string_view seat_name(Seat s) {
  switch (s) {
    case Seat::china:
      return "China";
    case Seat::russia:
      return "Russia";
    case Seat::usa:
      return "United States";
    case Seat::uk:
      return "United Kingdom";
    case Seat::france:
      return "France";
    case Seat::none:
      break;
  }
  return "";
}

std::string_view seat_holder(Seat s, Date on) {
  static const registry::Group* p5 = registry::find_group("P5");
  if (!p5 || s == Seat::none) return "";
  for (const auto& m : p5->members)
    if (m.from <= on && on <= m.to && permanent_seat(m.iso3) == s) {
      // The group's ids are static strings of the built-in table; return a view of the seat's id.
      for (std::string_view id : {"CHN", "TWN", "SUN", "RUS", "USA", "GBR", "FRA"})
        if (id == m.iso3) return id;
    }
  return "";
}

std::string_view un_holder(std::string_view iso3, Date on) {
  Seat s = permanent_seat(iso3);
  if (s == Seat::china || s == Seat::russia) {
    std::string_view h = seat_holder(s, on);
    return h.empty() ? iso3 : h;
  }
  return registry::line_holder(iso3, on);
}

std::vector<std::string_view> un_labels_for(std::string_view iso3) {
  std::vector<std::string_view> out = registry::line_of(iso3);
  Seat s = permanent_seat(iso3);
  if (s == Seat::china) out = {"CHN", "TWN"};
  if (s == Seat::russia) out = {"RUS", "SUN"};
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace rostrum::vetoes
