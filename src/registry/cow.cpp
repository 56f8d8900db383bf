// COW codes by date, and the lines of states that continue one another.
#include "registry/cow.hpp"

#include <algorithm>
#include <string>

#include "registry/registry.hpp"

namespace rostrum::registry {
namespace {

// The USSR was founded on 1922-12-30 and ended on 1991-12-25, when the Russian
// Federation continued its UN seat (the day the P5 group hands the seat over).
constexpr LineSegment kRussia[] = {{"RUS", 0}, {"SUN", make_date(1922, 12, 30)}, {"RUS", make_date(1991, 12, 25)}};
// The Kingdom of Serbs, Croats and Slovenes was proclaimed on 1918-12-01; the FRY
// on 1992-04-27; Serbia declared itself the continuing state of Serbia and
// Montenegro on 2006-06-05.
constexpr LineSegment kSerbia[] = {
    {"SRB", 0}, {"YUG", make_date(1918, 12, 1)}, {"SCG", make_date(1992, 4, 27)}, {"SRB", make_date(2006, 6, 5)}};
constexpr std::span<const LineSegment> kLines[] = {kRussia, kSerbia};
// The COW code each line carries.
constexpr int kLineCodes[] = {365, 345};

const std::span<const LineSegment>* line_containing(std::string_view iso3) {
  for (const auto& line : kLines)
    for (const auto& seg : line)
      if (seg.iso3 == iso3) return &line;
  return nullptr;
}

std::string_view holder_on(std::span<const LineSegment> line, Date on) {
  std::string_view out = line.front().iso3;
  for (const auto& seg : line)
    if (seg.from <= on) out = seg.iso3;
  return out;
}

}  // namespace

std::span<const std::span<const LineSegment>> lines() { return kLines; }

std::vector<std::string_view> line_of(std::string_view iso3) {
  std::vector<std::string_view> out;
  if (const auto* line = line_containing(iso3)) {
    for (const auto& seg : *line) out.push_back(seg.iso3);
  } else {
    out.push_back(iso3);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string_view line_holder(std::string_view iso3, Date on) {
  const auto* line = line_containing(iso3);
  return line ? holder_on(*line, on) : iso3;
}

int find_cow(int code, Date on) {
  for (std::size_t i = 0; i < std::size(kLineCodes); ++i)
    if (kLineCodes[i] == code) return index_of_iso3(holder_on(kLines[i], on));
  if (code <= 0) return -1;
  // Digits only reach find()'s COW-number and code-alias tables (260 = DEU).
  return find(std::to_string(code));
}

std::vector<int> cow_system_members(int year) {
  const Date first = make_date(year, 1, 1), last = make_date(year, 12, 31), mid = make_date(year, 7, 1);
  std::vector<int> out;
  for (const CowSpell& s : cow_system()) {
    if (s.from > last || s.to < first) continue;
    const Date on = std::clamp(mid, s.from, s.to);
    int idx = find_cow(s.code, on);
    if (idx >= 0) out.push_back(idx);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

}  // namespace rostrum::registry
