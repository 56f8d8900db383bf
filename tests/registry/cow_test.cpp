// COW codes read by date, the COW state system and the lines of continuing states.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "registry/cow.hpp"
#include "registry/data_helpers.hpp"
#include "registry/registry.hpp"
#include "support/test_support.hpp"

namespace rostrum::registry {
namespace {

std::string cow_id(int code, Date on) {
  int i = find_cow(code, on);
  return i < 0 ? std::string("<none>") : std::string(countries()[static_cast<std::size_t>(i)].iso3);
}

bool has_member(int year, std::string_view iso3) {
  auto m = cow_system_members(year);
  return std::find(m.begin(), m.end(), index_of_iso3(iso3)) != m.end();
}

TEST(Cow, SharedCodesResolveByDate) {
  EXPECT_EQ(cow_id(365, make_date(1900, 7, 1)), "RUS");  // the Russian Empire
  EXPECT_EQ(cow_id(365, make_date(1922, 12, 29)), "RUS");
  EXPECT_EQ(cow_id(365, make_date(1922, 12, 30)), "SUN");
  EXPECT_EQ(cow_id(365, make_date(1991, 12, 24)), "SUN");
  EXPECT_EQ(cow_id(365, make_date(1991, 12, 25)), "RUS");
  EXPECT_EQ(cow_id(345, make_date(1914, 7, 1)), "SRB");
  EXPECT_EQ(cow_id(345, make_date(1950, 7, 1)), "YUG");
  EXPECT_EQ(cow_id(345, make_date(1992, 4, 26)), "YUG");
  EXPECT_EQ(cow_id(345, make_date(1992, 4, 27)), "SCG");
  EXPECT_EQ(cow_id(345, make_date(2006, 6, 4)), "SCG");
  EXPECT_EQ(cow_id(345, make_date(2006, 6, 5)), "SRB");
}

TEST(Cow, OtherCodesResolveThroughTheRegistry) {
  EXPECT_EQ(cow_id(710, make_date(1896, 7, 1)), "CHN");
  EXPECT_EQ(cow_id(713, make_date(1960, 7, 1)), "TWN");
  EXPECT_EQ(cow_id(731, make_date(1961, 7, 1)), "PRK");
  EXPECT_EQ(cow_id(260, make_date(1960, 7, 1)), "DEU");  // West Germany is an alias of Germany
  EXPECT_EQ(cow_id(265, make_date(1960, 7, 1)), "DDR");
  EXPECT_EQ(cow_id(678, make_date(1980, 7, 1)), "YAR");
  EXPECT_EQ(cow_id(679, make_date(1995, 7, 1)), "YEM");
  EXPECT_EQ(cow_id(680, make_date(1980, 7, 1)), "YMD");
  EXPECT_EQ(cow_id(315, make_date(1980, 7, 1)), "CSK");
  EXPECT_EQ(cow_id(316, make_date(1995, 7, 1)), "CZE");
  // States the registry does not hold are not guessed.
  EXPECT_EQ(cow_id(300, make_date(1900, 7, 1)), "<none>");  // Austria-Hungary
  EXPECT_EQ(cow_id(730, make_date(1900, 7, 1)), "<none>");  // Korea 1887-1905
  EXPECT_EQ(cow_id(245, make_date(1850, 7, 1)), "<none>");  // Bavaria
  EXPECT_EQ(cow_id(0, make_date(1950, 7, 1)), "<none>");
  EXPECT_EQ(cow_id(9999, make_date(1950, 7, 1)), "<none>");
}

TEST(Cow, SystemMembersFollowTheSpells) {
  // 1991 belongs to the USSR (it held COW 365 until 25 December), 1992 to Russia.
  EXPECT_TRUE(has_member(1991, "SUN"));
  EXPECT_FALSE(has_member(1991, "RUS"));
  EXPECT_TRUE(has_member(1992, "RUS"));
  EXPECT_FALSE(has_member(1992, "SUN"));
  // Both Yemens and unified Yemen are members at some time in 1990; both Germanies until October.
  for (auto id : {"YAR", "YMD", "YEM", "DDR", "DEU"}) EXPECT_TRUE(has_member(1990, id)) << id;
  EXPECT_FALSE(has_member(1991, "DDR"));
  EXPECT_FALSE(has_member(1947, "PRK"));  // enters 1948-09-09
  EXPECT_TRUE(has_member(1948, "PRK"));
  // West Germany enters on 1955-05-05; Germany (255) is out of the system 1945-05-08 to 1990-10-02.
  EXPECT_FALSE(has_member(1950, "DEU"));
  EXPECT_TRUE(has_member(1955, "DEU"));
  // Spells open at the end of the COW list run on.
  EXPECT_TRUE(has_member(2024, "SSD"));
  EXPECT_TRUE(has_member(2024, "SRB"));
  EXPECT_FALSE(has_member(2024, "SCG"));
  auto members = cow_system_members(2016);
  EXPECT_EQ(members.size(), 195u);  // 193 UN members + Kosovo + Taiwan (COW 2016)
}

TEST(Cow, LinesJoinContinuingStates) {
  auto russia = line_of("RUS");
  EXPECT_EQ(std::vector<std::string>(russia.begin(), russia.end()), (std::vector<std::string>{"RUS", "SUN"}));
  EXPECT_EQ(line_of("SUN"), line_of("RUS"));
  auto serbia = line_of("SRB");
  EXPECT_EQ(std::vector<std::string>(serbia.begin(), serbia.end()), (std::vector<std::string>{"SCG", "SRB", "YUG"}));
  EXPECT_EQ(line_of("PRK").size(), 1u);
  EXPECT_EQ(line_holder("RUS", make_date(1980, 7, 1)), "SUN");
  EXPECT_EQ(line_holder("SUN", make_date(2000, 7, 1)), "RUS");
  EXPECT_EQ(line_holder("YUG", make_date(2010, 1, 1)), "SRB");
  EXPECT_EQ(line_holder("MNE", make_date(2010, 1, 1)), "MNE");  // Montenegro is a new state, not the line
  for (const auto& line : lines())
    for (const auto& seg : line) EXPECT_GE(index_of_iso3(seg.iso3), 0) << seg.iso3;
}

TEST(CowData, SpellsMatchTheCowStateList) {
  if (!rostrum::testing::has_shared_data()) GTEST_SKIP() << "no ../shared/data";
  auto rows = rostrum::testing::parse_csv(
      rostrum::testing::read_maybe_gz(rostrum::testing::shared_data("countries/cow_states.csv")));
  ASSERT_FALSE(rows.empty());
  const auto& h = rows[0];
  using rostrum::testing::column;
  auto c_abb = column(h, "stateabb"), c_code = column(h, "ccode"), c_sy = column(h, "styear"),
       c_sm = column(h, "stmonth"), c_sd = column(h, "stday"), c_ey = column(h, "endyear"),
       c_em = column(h, "endmonth"), c_ed = column(h, "endday");
  auto spells = cow_system();
  ASSERT_EQ(spells.size() + 1, rows.size());
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto& r = rows[i];
    const CowSpell& s = spells[i - 1];
    EXPECT_EQ(s.code, std::stoi(r[c_code])) << i;
    EXPECT_EQ(s.abbr, r[c_abb]) << i;
    EXPECT_EQ(s.from, make_date(std::stoi(r[c_sy]), std::stoi(r[c_sm]), std::stoi(r[c_sd]))) << i;
    Date to = make_date(std::stoi(r[c_ey]), std::stoi(r[c_em]), std::stoi(r[c_ed]));
    EXPECT_EQ(s.to, to == make_date(2016, 12, 31) ? 99991231 : to) << i;
    // Every state of the list is placed, except those that ended before the UN existed.
    static const std::set<std::string> kUnplaced = {"AUH", "BAD", "BAV", "HAN", "HSE", "HSG", "KOR", "MEC",
                                                    "MOD", "PAP", "PMA", "SAX", "SIC", "TUS", "WRT"};
    EXPECT_EQ(find_cow(s.code, s.from) < 0, kUnplaced.count(std::string(s.abbr)) > 0) << s.abbr;
  }
}

}  // namespace
}  // namespace rostrum::registry
