// Built-in groups: membership on given dates, checked against the dates in the
// groups' sources (see docs/registry.md).
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "registry/groups.hpp"
#include "registry/registry.hpp"
#include "registry/seats.hpp"

namespace rostrum::registry {
namespace {

const Group& group(std::string_view name) {
  const Group* g = find_group(name);
  if (!g) throw std::runtime_error("no group " + std::string(name));
  return *g;
}

std::size_t size_on(std::string_view name, Date d) { return group(name).members_on(d).size(); }

TEST(BuiltinGroups, AllDocumentedGroupsExistWithValidMembers) {
  const std::vector<std::string> expected = {"EU", "NATO",        "G7",  "G20", "BRICS", "SCO",  "ASEAN",
                                             "AU", "ARAB_LEAGUE", "NAM", "G77", "P5",    "CRINK"};
  std::vector<std::string> names;
  for (const auto& g : builtin_groups()) names.push_back(g.name);
  EXPECT_EQ(names, expected);
  for (const auto& g : builtin_groups()) {
    EXPECT_FALSE(g.description.empty()) << g.name;
    EXPECT_FALSE(g.members.empty()) << g.name;
    for (const auto& m : g.members) {
      // A typo in an id would silently make a state never a member.
      EXPECT_GE(index_of_iso3(m.iso3), 0) << g.name << ": " << m.iso3;
      EXPECT_LE(m.from, m.to) << g.name << ": " << m.iso3;
    }
    // Two stints of one state must not overlap (that would hide a data error).
    for (std::size_t i = 0; i < g.members.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        const auto &a = g.members[i], &b = g.members[j];
        if (a.iso3 == b.iso3) {
          EXPECT_TRUE(a.to < b.from || b.to < a.from) << g.name << ": " << a.iso3;
        }
      }
    }
  }
}

TEST(BuiltinGroups, FindGroupIsCaseInsensitiveAndUserGroupsShadow) {
  EXPECT_EQ(find_group("nato"), find_group("NATO"));
  EXPECT_NE(find_group("Arab_League"), nullptr);
  EXPECT_EQ(find_group("WARSAW_PACT"), nullptr);
  std::vector<Group> extra = {Group{"G7", "my own G7", {{"USA", 0, 99991231}}},
                              Group{"NORDIC", "", {{"DNK", 0, 99991231}}}};
  EXPECT_EQ(find_group("g7", extra)->description, "my own G7");
  EXPECT_EQ(find_group("Nordic", extra), &extra[1]);
  EXPECT_EQ(find_group("G20", extra), find_group("G20"));
}

TEST(BuiltinGroups, EuropeanUnion) {
  const Group& eu = group("EU");
  EXPECT_TRUE(eu.is_member("GBR", 20190601));
  EXPECT_TRUE(eu.is_member("GBR", 20200131));
  EXPECT_FALSE(eu.is_member("GBR", 20200201));
  EXPECT_FALSE(eu.is_member("GBR", 19721231));
  EXPECT_TRUE(eu.is_member("GBR", 19730101));
  EXPECT_FALSE(eu.is_member("HRV", 20130630));
  EXPECT_TRUE(eu.is_member("HRV", 20130701));
  EXPECT_FALSE(eu.is_member("DDR", 19800101));
  EXPECT_EQ(size_on("EU", 19571231), 0u);
  EXPECT_EQ(size_on("EU", 19580101), 6u);
  EXPECT_EQ(size_on("EU", 19730101), 9u);
  EXPECT_EQ(size_on("EU", 19860101), 12u);
  EXPECT_EQ(size_on("EU", 19950101), 15u);
  EXPECT_EQ(size_on("EU", 20040501), 25u);
  EXPECT_EQ(size_on("EU", 20190601), 28u);
  EXPECT_EQ(size_on("EU", 20200201), 27u);
}

TEST(BuiltinGroups, Nato) {
  const Group& nato = group("NATO");
  EXPECT_TRUE(nato.is_member("FIN", 20230404));
  EXPECT_FALSE(nato.is_member("FIN", 20230403));
  EXPECT_FALSE(nato.is_member("SWE", 20240306));
  EXPECT_TRUE(nato.is_member("SWE", 20240307));
  EXPECT_TRUE(nato.is_member("DEU", 19600101));  // West Germany, 1955
  EXPECT_FALSE(nato.is_member("DEU", 19550101));
  EXPECT_EQ(size_on("NATO", 19490824), 12u);
  EXPECT_EQ(size_on("NATO", 19821231), 16u);
  EXPECT_EQ(size_on("NATO", 20040329), 26u);
  EXPECT_EQ(size_on("NATO", 20230404), 31u);
  EXPECT_EQ(size_on("NATO", 20240307), 32u);
}

TEST(BuiltinGroups, G7AndG20) {
  EXPECT_EQ(size_on("G7", 19760101), 6u);
  EXPECT_EQ(size_on("G7", 20200101), 7u);
  EXPECT_FALSE(group("G7").is_member("RUS", 20000101));  // G8 years not counted
  EXPECT_EQ(size_on("G20", 20200101), 19u);
  EXPECT_FALSE(group("G20").is_member("ESP", 20200101));
}

TEST(BuiltinGroups, Brics) {
  const Group& b = group("BRICS");
  EXPECT_EQ(size_on("BRICS", 20090615), 0u);
  EXPECT_EQ(size_on("BRICS", 20090616), 4u);
  EXPECT_EQ(size_on("BRICS", 20101224), 5u);
  EXPECT_EQ(size_on("BRICS", 20240601), 9u);
  EXPECT_EQ(size_on("BRICS", 20250106), 10u);
  EXPECT_FALSE(b.is_member("SAU", 20250601));
  EXPECT_FALSE(b.is_member("IDN", 20250105));
  EXPECT_TRUE(b.is_member("ETH", 20240101));
  EXPECT_EQ(b.ever_members(),
            (std::vector<std::string>{"ARE", "BRA", "CHN", "EGY", "ETH", "IDN", "IND", "IRN", "RUS", "ZAF"}));
}

TEST(BuiltinGroups, ScoAndAsean) {
  EXPECT_EQ(size_on("SCO", 20010615), 6u);
  EXPECT_EQ(size_on("SCO", 20170609), 8u);
  EXPECT_EQ(size_on("SCO", 20240704), 10u);
  EXPECT_FALSE(group("SCO").is_member("IRN", 20230703));
  EXPECT_EQ(size_on("ASEAN", 19670808), 5u);
  EXPECT_EQ(size_on("ASEAN", 20200101), 10u);
  EXPECT_FALSE(group("ASEAN").is_member("KHM", 19990429));
}

TEST(BuiltinGroups, AfricanUnionWithMoroccosAbsence) {
  const Group& au = group("AU");
  EXPECT_EQ(size_on("AU", 19630525), 32u);
  EXPECT_EQ(size_on("AU", 20200101), 55u);
  EXPECT_TRUE(au.is_member("MAR", 19841111));
  EXPECT_FALSE(au.is_member("MAR", 19841112));
  EXPECT_FALSE(au.is_member("MAR", 20000101));
  EXPECT_TRUE(au.is_member("MAR", 20170130));
  EXPECT_TRUE(au.is_member("TZA", 19630525));  // as Tanganyika
}

TEST(BuiltinGroups, ArabLeagueWithSuspensions) {
  const Group& al = group("ARAB_LEAGUE");
  EXPECT_TRUE(al.is_member("SYR", 20111115));
  EXPECT_FALSE(al.is_member("SYR", 20111116));
  EXPECT_FALSE(al.is_member("SYR", 20230506));
  EXPECT_TRUE(al.is_member("SYR", 20230507));
  EXPECT_FALSE(al.is_member("EGY", 19850101));
  EXPECT_TRUE(al.is_member("YMD", 19800101));
  EXPECT_FALSE(al.is_member("YEM", 19800101));
  EXPECT_TRUE(al.is_member("YEM", 19900522));
  EXPECT_FALSE(al.is_member("YAR", 19900522));
  EXPECT_EQ(size_on("ARAB_LEAGUE", 20200101), 21u);  // 22 with Syria suspended
  EXPECT_EQ(size_on("ARAB_LEAGUE", 20240101), 22u);
}

TEST(BuiltinGroups, NamAndG77) {
  EXPECT_EQ(size_on("NAM", 20200101), 120u);
  EXPECT_FALSE(group("NAM").is_member("AZE", 20100101));
  EXPECT_EQ(size_on("G77", 20200101), 133u);
  EXPECT_FALSE(group("G77").is_member("CHN", 20200101));
  EXPECT_EQ(size_on("G77", 19640614), 0u);
}

TEST(BuiltinGroups, P5HasFiveSeatsOnEveryDay) {
  const Group& p5 = group("P5");
  for (int year = 1946; year <= 2026; ++year) {
    EXPECT_EQ(p5.members_on(make_date(year, 6, 1)).size(), 5u) << year;
  }
  for (Date d : {19711025, 19711026, 19911223, 19911224}) EXPECT_EQ(p5.members_on(d).size(), 5u) << d;
  EXPECT_TRUE(p5.is_member("TWN", 19711025));
  EXPECT_FALSE(p5.is_member("CHN", 19711025));
  EXPECT_TRUE(p5.is_member("CHN", 19711026));
  EXPECT_TRUE(p5.is_member("SUN", 19911223));
  EXPECT_FALSE(p5.is_member("SUN", 19911224));
  EXPECT_TRUE(p5.is_member("RUS", 19911224));
  EXPECT_EQ(p5.members_on(20200101), (std::vector<std::string>{"CHN", "FRA", "GBR", "RUS", "USA"}));
}

// The P5 seats change hands on the days the seat rules say (registry/seats.cpp):
// the group and the importers must not disagree on who held a seat.
TEST(BuiltinGroups, P5FollowsTheSeatRules) {
  const Group& p5 = group("P5");
  for (const auto& rule : seat_rules()) {
    if (rule.label != "CHN" && rule.label != "SUN") continue;
    for (Date d :
         {rule.from == kDateMin ? Date{19451024} : rule.from, rule.to == kDateMax ? Date{20251231} : rule.to}) {
      ASSERT_FALSE(rule.holder.empty());
      EXPECT_EQ(p5.members_on(d).size(), 5u) << d;
      auto on = p5.members_on(d);
      EXPECT_TRUE(std::find(on.begin(), on.end(), std::string(rule.holder)) != on.end()) << rule.holder << " " << d;
    }
  }
}

// A continuing state is a member on its predecessor's dates (its series carries
// the predecessor's votes): RUS in the P5 in 1980, but not TWN's seat for CHN.
TEST(BuiltinGroups, MembershipFollowsContinuations) {
  const Group& p5 = group("P5");
  EXPECT_TRUE(p5.is_member("RUS", 19800101));
  EXPECT_TRUE(p5.is_member("SUN", 19800101));
  EXPECT_FALSE(p5.is_member("SUN", 19950101));
  EXPECT_FALSE(p5.is_member("CHN", 19600101));  // a different government, not a continuation
  // members_on lists the states as dated, not their series.
  EXPECT_EQ(p5.members_on(19800101), (std::vector<std::string>{"CHN", "FRA", "GBR", "SUN", "USA"}));
}

TEST(BuiltinGroups, CrinkIsUndated) {
  const Group& c = group("CRINK");
  const std::vector<std::string> four = {"CHN", "IRN", "PRK", "RUS"};
  EXPECT_EQ(c.ever_members(), four);
  EXPECT_EQ(c.members_on(19500101), four);
  EXPECT_EQ(c.members_on(20240101), four);
}

TEST(GroupMethods, ResultsAreSortedAndUnique) {
  Group g{
      "X", "", {{"SWE", 0, 19991231}, {"DNK", 0, 99991231}, {"SWE", 20050101, 99991231}, {"AUT", 19950101, 99991231}}};
  EXPECT_EQ(g.ever_members(), (std::vector<std::string>{"AUT", "DNK", "SWE"}));
  EXPECT_EQ(g.members_on(20000101), (std::vector<std::string>{"AUT", "DNK"}));
  EXPECT_EQ(g.members_on(20100101), (std::vector<std::string>{"AUT", "DNK", "SWE"}));
  EXPECT_TRUE(g.is_member("SWE", 19991231));
  EXPECT_FALSE(g.is_member("SWE", 20000101));
  EXPECT_TRUE(g.is_member("SWE", 20050101));
  EXPECT_FALSE(g.is_member("NOR", 20050101));
}

}  // namespace
}  // namespace rostrum::registry
