// The dated seat rules and continuations: the table itself (complete, contiguous,
// naming known states) and each rule on the days either side of its change.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "registry/registry.hpp"
#include "registry/seats.hpp"

namespace rostrum::registry {
namespace {

// The holder's ISO3 of a label on a date; "-" when no state.
std::string on(std::string_view label, Date d) {
  int i = holder_on(find(label), d);
  return i < 0 ? std::string("-") : std::string(countries()[static_cast<std::size_t>(i)].iso3);
}

Date next_day(Date d) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int y = date_year(d), m = date_month(d), day = date_day(d);
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  const int len = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  if (day < len) return make_date(y, m, day + 1);
  return m < 12 ? make_date(y, m + 1, 1) : make_date(y + 1, 1, 1);
}

TEST(SeatRules, NextDayHelper) {
  EXPECT_EQ(next_day(19711025), 19711026);
  EXPECT_EQ(next_day(19921231), 19930101);
  EXPECT_EQ(next_day(19920229), 19920301);
  EXPECT_EQ(next_day(19640430), 19640501);
}

// Each label's rules run from the first date to the last without a gap or an
// overlap: a label has exactly one meaning on every day.
TEST(SeatRules, EachLabelCoversEveryDateOnce) {
  std::map<std::string_view, Date> last_to;
  for (const SeatRule& r : seat_rules()) {
    auto it = last_to.find(r.label);
    if (it == last_to.end()) {
      EXPECT_EQ(r.from, kDateMin) << r.label;
    } else {
      EXPECT_EQ(r.from, next_day(it->second)) << r.label;
    }
    EXPECT_LE(r.from, r.to) << r.label;
    last_to[r.label] = r.to;
    EXPECT_GE(index_of_iso3(r.label), 0) << r.label;
    if (!r.holder.empty()) {
      EXPECT_GE(index_of_iso3(r.holder), 0) << r.holder;
    }
    EXPECT_FALSE(r.why.empty());
  }
  for (const auto& [label, to] : last_to) EXPECT_EQ(to, kDateMax) << label << " is not covered to the end";
  EXPECT_EQ(last_to.size(), 14u);  // CHN TWN SUN RUS YUG SCG SRB CSK CZE DDR YEM YAR YMD EAZ
}

TEST(SeatRules, ChinaSeatChangesHandsAfter25October1971) {
  EXPECT_EQ(on("CHINA", 19460101), "TWN");
  EXPECT_EQ(on("CHINA", 19711025), "TWN");  // the ROC voted on the day 2758 was adopted
  EXPECT_EQ(on("CHINA", 19711026), "CHN");
  EXPECT_EQ(on("CHN", 19600101), "TWN");
  EXPECT_EQ(on("Taiwan", 19600101), "TWN");
  EXPECT_EQ(on("Taiwan", 19720101), "-");
}

TEST(SeatRules, SovietSeatPassesToRussiaOn24December1991) {
  EXPECT_EQ(on("USSR", 19911223), "SUN");
  EXPECT_EQ(on("USSR", 19911224), "RUS");
  EXPECT_EQ(on("USSR", 19911231), "RUS");    // a 2022-scrape SC record on 1991-12-31
  EXPECT_EQ(on("Russia", 19800101), "SUN");  // unvotes' label for the Soviet seat
  EXPECT_EQ(on("RUSSIAN FEDERATION", 19920101), "RUS");
}

TEST(SeatRules, YugoslaviaSerbiaAndMontenegroSerbia) {
  EXPECT_EQ(on("Yugoslavia", 19920426), "YUG");
  EXPECT_EQ(on("Yugoslavia", 19920427), "SCG");
  EXPECT_EQ(on("Yugoslavia", 20001101), "SCG");
  EXPECT_EQ(on("Yugoslavia", 20060603), "SRB");  // unvotes keeps the label to 2019
  EXPECT_EQ(on("SERBIA AND MONTENEGRO", 20060602), "SCG");
  EXPECT_EQ(on("SERBIA AND MONTENEGRO", 20060603), "SRB");
  EXPECT_EQ(on("SERBIA", 20100101), "SRB");
  EXPECT_EQ(on("SRB", 20030101), "SCG");
}

TEST(SeatRules, CzechoslovakiaGermanyYemenZanzibar) {
  EXPECT_EQ(on("CZECHOSLOVAKIA", 19921231), "CSK");
  EXPECT_EQ(on("CZECHOSLOVAKIA", 19930101), "-");
  EXPECT_EQ(on("CZE", 19800101), "CSK");
  EXPECT_EQ(on("CZECH REPUBLIC", 19930419), "CZE");
  EXPECT_EQ(on("GERMAN DEMOCRATIC REPUBLIC", 19901002), "DDR");
  EXPECT_EQ(on("GERMAN DEMOCRATIC REPUBLIC", 19901003), "-");
  EXPECT_EQ(on("GERMANY, FEDERAL REPUBLIC OF", 19800101), "DEU");
  EXPECT_EQ(on("GERMANY", 19901003), "DEU");
  EXPECT_EQ(on("YEMEN", 19800101), "YAR");  // the 2022 scrape's YEMEN column before unification
  EXPECT_EQ(on("YEMEN", 19900522), "YEM");
  EXPECT_EQ(on("Yemen Arab Republic", 19901206), "YEM");  // unvotes' label in the 45th session
  EXPECT_EQ(on("DEMOCRATIC YEMEN", 19900521), "YMD");
  EXPECT_EQ(on("DEMOCRATIC YEMEN", 19900522), "YEM");
  EXPECT_EQ(on("ZANZIBAR", 19631216), "EAZ");
  EXPECT_EQ(on("ZANZIBAR", 19640426), "TZA");
  EXPECT_EQ(on("TANGANYIKA", 19620101), "TZA");
  EXPECT_EQ(on("United Republic of Tanzania", 20200101), "TZA");
}

TEST(SeatRules, UnknownDateAndUnruledLabelsKeepTheirState) {
  EXPECT_EQ(on("CHINA", 0), "CHN");
  EXPECT_EQ(on("France", 19460101), "FRA");
  EXPECT_EQ(holder_on(-1, 19800101), -1);
}

TEST(Continuations, SeriesFollowTheChain) {
  EXPECT_EQ(series_of("SUN"), "RUS");
  EXPECT_EQ(series_of("SCG"), "SRB");
  EXPECT_EQ(series_of("RUS"), "RUS");
  EXPECT_EQ(series_of("TWN"), "TWN");  // the China seat changed government, not continuity
  EXPECT_EQ(series_of("YUG"), "YUG");  // the FRY was admitted anew in 2000 (GA 55/12)
  EXPECT_EQ(series_of("CSK"), "CSK");
  for (const Continuation& c : continuations()) {
    // The rules hand the predecessor's labels to the successor on the continuation day.
    EXPECT_EQ(on(c.predecessor, c.on), std::string(c.successor));
    EXPECT_EQ(series_of(c.predecessor), series_of(c.successor));
  }
}

}  // namespace
}  // namespace rostrum::registry
