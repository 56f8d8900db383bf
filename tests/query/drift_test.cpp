// drift on a store the test writes: a state that switched sides between two
// periods moves by 1 with an interval excluding 0; a state that did not stays.
#include <gtest/gtest.h>

#include <sstream>

#include "io/import.hpp"
#include "query/query.hpp"
#include "store/store.hpp"
#include "support/test_support.hpp"

namespace {

using rostrum::Table;

// USA and CHN always vote opposite ways; DEU always with the USA; FRA with the
// USA in 2010 and with China in 2018. Thirty roll calls a year.
std::string build_store(const rostrum::testing::TempDir& dir) {
  std::ostringstream votes, calls;
  votes << "rcid,country,country_code,vote\n";
  calls << "rcid,session,importantvote,date,unres,amend,para,short,descr\n";
  int rcid = 0;
  for (int year : {2010, 2018}) {
    for (int k = 0; k < 30; ++k) {
      ++rcid;
      const std::string us = k % 2 ? "yes" : "no", cn = k % 2 ? "no" : "yes";
      votes << rcid << ",United States,US," << us << "\n"
            << rcid << ",China,CN," << cn << "\n"
            << rcid << ",Germany,DE," << us << "\n"
            << rcid << ",France,FR," << (year == 2010 ? us : cn) << "\n";
      const int day = k % 28 + 1;
      calls << rcid << "," << (year - 1945) << ",0," << year << "-03-" << (day < 10 ? "0" : "") << day << ",R/" << rcid
            << ",0,0,t" << rcid << ",d\n";
    }
  }
  dir.write("src/un_votes.csv", votes.str());
  dir.write("src/un_roll_calls.csv", calls.str());
  dir.write("src/un_roll_call_issues.csv", "rcid,short_name,issue\n");
  std::string db = (dir.path() / "drift.db").string();
  auto batch = rostrum::io::import_path((dir.path() / "src").string(), "unvotes", "drift");
  auto store = rostrum::store::Store::open(db, true);
  store.write_source(batch);
  return db;
}

TEST(Drift, ASwitcherMovesByOneAndAStayerDoesNot) {
  rostrum::testing::TempDir dir;
  rostrum::query::Context ctx(build_store(dir));
  Table t = rostrum::query::run(
      ctx, "drift", {{"poles", "USA,CHN"}, {"from", "2010"}, {"to", "2018"}, {"min-n", "10"}, {"boot", "200"}});
  EXPECT_EQ(t.columns, (std::vector<std::string>{"country", "from_position", "to_position", "change", "lo", "hi"}));
  ASSERT_EQ(t.rows.size(), 2u);  // the poles themselves are not listed
  // Sorted by change: FRA first.
  EXPECT_EQ(std::get<std::string>(t.rows[0][0]), "FRA");
  // 2010: d_a = 0, d_b = 1, d_ab = 1 -> position 0; 2018: d_a = 1, d_b = 0 -> 1.
  EXPECT_DOUBLE_EQ(std::get<double>(t.rows[0][1]), 0.0);
  EXPECT_DOUBLE_EQ(std::get<double>(t.rows[0][2]), 1.0);
  EXPECT_DOUBLE_EQ(std::get<double>(t.rows[0][3]), 1.0);
  EXPECT_GT(std::get<double>(t.rows[0][4]), 0.0);
  EXPECT_EQ(std::get<std::string>(t.rows[1][0]), "DEU");
  EXPECT_DOUBLE_EQ(std::get<double>(t.rows[1][3]), 0.0);
  EXPECT_LE(std::get<double>(t.rows[1][4]), 0.0);
  EXPECT_GE(std::get<double>(t.rows[1][5]), 0.0);
  EXPECT_EQ(t.meta["moved"]["toward_b"], 1);
  // A group filter keeps its members only (the poles are never listed).
  Table only = rostrum::query::run(
      ctx, "drift",
      {{"poles", "USA,CHN"}, {"from", "2010"}, {"to", "2018"}, {"min-n", "10"}, {"boot", "100"}, {"group", "FRA,CHN"}});
  ASSERT_EQ(only.rows.size(), 1u);
  EXPECT_EQ(std::get<std::string>(only.rows[0][0]), "FRA");
  // A period without roll calls: no rows, and the reason says which.
  Table none = rostrum::query::run(ctx, "drift", {{"poles", "USA,CHN"}, {"from", "2030"}, {"to", "2018"}});
  EXPECT_TRUE(none.rows.empty());
  EXPECT_NE(none.meta["reason"].get<std::string>().find("from period"), std::string::npos);
}

}  // namespace
