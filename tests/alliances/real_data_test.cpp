// ATOP 5.1 and data/treaties.csv as shipped: counts, dating of shared COW codes,
// and the treaty file leaving ATOP's years exactly as ATOP has them.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <tuple>

#include "alliances/alliances.hpp"
#include "registry/registry.hpp"
#include "support/test_support.hpp"

namespace rostrum::alliances {
namespace {

std::string iso(int index) { return std::string(registry::countries()[static_cast<std::size_t>(index)].iso3); }

const AllianceBatch& atop() {
  static const AllianceBatch b = import_atop(rostrum::testing::shared_data("alliances/atop_dyad_year.csv.gz"));
  return b;
}

#define SKIP_WITHOUT_DATA() \
  if (!rostrum::testing::has_shared_data()) GTEST_SKIP() << "no ../shared/data"

TEST(AtopData, ImportsEveryPlaceableRowByDate) {
  SKIP_WITHOUT_DATA();
  const auto& b = atop();
  EXPECT_EQ(b.first_year, 1815);
  EXPECT_EQ(b.last_year, 2018);
  EXPECT_TRUE(b.complete);
  // 273,296 rows, less those with a state the registry does not hold.
  EXPECT_EQ(b.ties.size(), 267920u);
  std::set<int> chn_prk_defense;
  std::size_t sun_outside = 0, rus_inside = 0;
  for (const auto& t : b.ties) {
    const std::string a = iso(t.a), c = iso(t.b);
    if (a == "CHN" && c == "PRK" && (t.obligations & kDefense)) chn_prk_defense.insert(t.year);
    for (const std::string& s : {a, c}) {
      if (s == "SUN" && (t.year < 1923 || t.year > 1991)) ++sun_outside;
      if (s == "RUS" && t.year >= 1923 && t.year <= 1991) ++rus_inside;
    }
  }
  EXPECT_EQ(chn_prk_defense.size(), 58u);
  EXPECT_EQ(*chn_prk_defense.begin(), 1961);
  EXPECT_EQ(*chn_prk_defense.rbegin(), 2018);
  EXPECT_EQ(sun_outside, 0u);
  EXPECT_EQ(rus_inside, 0u);
  // Austria-Hungary is reported, not guessed.
  bool reported = false;
  for (const auto& n : b.notes) reported = reported || n.find("COW 300 (AUH) 1815-1918") != std::string::npos;
  EXPECT_TRUE(reported);
}

TEST(TreatiesData, EveryRowCitesItsSourceAndLeavesAtopYearsAlone) {
  SKIP_WITHOUT_DATA();
  const AllianceBatch t =
      import_treaties(std::string(ROSTRUM_SOURCE_DIR) + "/data/treaties.csv", make_date(2026, 1, 1));
  ASSERT_GE(t.treaties.size(), 5u);
  for (const auto& tr : t.treaties) {
    EXPECT_NE(tr.source.find("http"), std::string::npos) << tr.name << ": the source names no URL";
    EXPECT_FALSE(tr.notes.empty()) << tr.name;
  }
  // (year, a, b) -> ATOP obligations.
  std::map<std::tuple<int, int, int>, std::uint8_t> atop_ties;
  for (const auto& x : atop().ties) atop_ties[{x.year, x.a, x.b}] |= x.obligations;
  std::size_t checked = 0;
  std::vector<std::string> differ;
  for (const auto& x : t.ties) {
    if (x.year > 2018) continue;
    ++checked;
    auto it = atop_ties.find({x.year, x.a, x.b});
    const std::uint8_t have = it == atop_ties.end() ? 0 : it->second;
    if ((have | x.obligations) != have && differ.size() < 20)
      differ.push_back(std::to_string(x.year) + " " + iso(x.a) + "->" + iso(x.b) + " treaty " +
                       obligation_list(x.obligations) + " atop " + obligation_list(have));
  }
  EXPECT_GT(checked, 10000u);
  EXPECT_TRUE(differ.empty()) << ::testing::PrintToString(differ);
  // After 2018 the file speaks for Russia-DPRK from 2024 only.
  std::set<int> rus_prk;
  for (const auto& x : t.ties)
    if (iso(x.a) == "RUS" && iso(x.b) == "PRK") rus_prk.insert(x.year);
  EXPECT_EQ(rus_prk, (std::set<int>{2024, 2025, 2026}));
}

}  // namespace
}  // namespace rostrum::alliances
