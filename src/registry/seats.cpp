// The dated seat rules and the continuations (see seats.hpp and docs/registry.md,
// "Seats and dates"). Each date is the day the change took effect at the UN.
#include "registry/seats.hpp"

#include <vector>

#include "registry/registry.hpp"

namespace rostrum::registry {
namespace {

constexpr std::string_view kChina =
    "GA resolution 2758 (XXVI), adopted 25 October 1971: the Republic of China's representatives voted until that "
    "day; the People's Republic of China holds the seat from 26 October 1971";
constexpr std::string_view kSoviet =
    "Russian Federation's letter of 24 December 1991 to the Secretary-General: Russia continues the USSR's "
    "membership, including its Security Council seat";
constexpr std::string_view kYugoslavia =
    "the Federal Republic of Yugoslavia (Serbia and Montenegro) proclaimed 27 April 1992, took the seat's votes "
    "from then (GA resolution 47/1, 22 September 1992, barred it until its admission on 1 November 2000); "
    "Serbia continues its membership from 3 June 2006 (Montenegro admitted 28 June 2006)";
constexpr std::string_view kCzechoslovakia =
    "Czechoslovakia dissolved on 31 December 1992; the Czech Republic and Slovakia were admitted on 19 January 1993";
constexpr std::string_view kGdr = "the German Democratic Republic acceded to the Federal Republic on 3 October 1990";
constexpr std::string_view kYemen =
    "the Yemen Arab Republic and the People's Democratic Republic of Yemen merged as Yemen on 22 May 1990, one "
    "member from that date";
constexpr std::string_view kZanzibar =
    "Zanzibar (member from 16 December 1963) united with Tanganyika on 26 April 1964; the United Republic of "
    "Tanzania continues Tanganyika's seat";

constexpr SeatRule kRules[] = {
    {"CHN", kDateMin, 19711025, "TWN", kChina},
    {"CHN", 19711026, kDateMax, "CHN", kChina},
    {"TWN", kDateMin, 19711025, "TWN", kChina},
    {"TWN", 19711026, kDateMax, "", kChina},
    {"SUN", kDateMin, 19911223, "SUN", kSoviet},
    {"SUN", 19911224, kDateMax, "RUS", kSoviet},
    {"RUS", kDateMin, 19911223, "SUN", kSoviet},
    {"RUS", 19911224, kDateMax, "RUS", kSoviet},
    {"YUG", kDateMin, 19920426, "YUG", kYugoslavia},
    {"YUG", 19920427, 20060602, "SCG", kYugoslavia},
    {"YUG", 20060603, kDateMax, "SRB", kYugoslavia},
    {"SCG", kDateMin, 19920426, "YUG", kYugoslavia},
    {"SCG", 19920427, 20060602, "SCG", kYugoslavia},
    {"SCG", 20060603, kDateMax, "SRB", kYugoslavia},
    {"SRB", kDateMin, 19920426, "YUG", kYugoslavia},
    {"SRB", 19920427, 20060602, "SCG", kYugoslavia},
    {"SRB", 20060603, kDateMax, "SRB", kYugoslavia},
    {"CSK", kDateMin, 19921231, "CSK", kCzechoslovakia},
    {"CSK", 19930101, kDateMax, "", kCzechoslovakia},
    {"CZE", kDateMin, 19921231, "CSK", kCzechoslovakia},
    {"CZE", 19930101, kDateMax, "CZE", kCzechoslovakia},
    {"DDR", kDateMin, 19901002, "DDR", kGdr},
    {"DDR", 19901003, kDateMax, "", kGdr},
    {"YEM", kDateMin, 19900521, "YAR", kYemen},
    {"YEM", 19900522, kDateMax, "YEM", kYemen},
    {"YAR", kDateMin, 19900521, "YAR", kYemen},
    {"YAR", 19900522, kDateMax, "YEM", kYemen},
    {"YMD", kDateMin, 19900521, "YMD", kYemen},
    {"YMD", 19900522, kDateMax, "YEM", kYemen},
    {"EAZ", kDateMin, 19640425, "EAZ", kZanzibar},
    {"EAZ", 19640426, kDateMax, "TZA", kZanzibar},
};

constexpr Continuation kContinuations[] = {
    {"SUN", "RUS", 19911224, kSoviet},
    {"SCG", "SRB", 20060603, kYugoslavia},
};

}  // namespace

std::span<const SeatRule> seat_rules() { return kRules; }
std::span<const Continuation> continuations() { return kContinuations; }

int holder_on(int label_country, Date date) {
  if (label_country < 0 || date == 0) return label_country;
  // Importers call this once per vote: most labels have no rule, which one
  // lookup in a table built once says.
  static const std::vector<bool> ruled = [] {
    std::vector<bool> out(countries().size(), false);
    for (const SeatRule& r : kRules) out[static_cast<std::size_t>(index_of_iso3(r.label))] = true;
    return out;
  }();
  if (!ruled[static_cast<std::size_t>(label_country)]) return label_country;
  const std::string_view label = countries()[static_cast<std::size_t>(label_country)].iso3;
  for (const SeatRule& r : kRules) {
    if (r.label != label || date < r.from || date > r.to) continue;
    if (r.holder.empty()) return -1;
    return r.holder == label ? label_country : index_of_iso3(r.holder);
  }
  return label_country;
}

std::string_view series_of(std::string_view iso3) {
  for (bool moved = true; moved;) {
    moved = false;
    for (const Continuation& c : kContinuations)
      if (c.predecessor == iso3) {
        iso3 = c.successor;
        moved = true;
      }
  }
  return iso3;
}

}  // namespace rostrum::registry
