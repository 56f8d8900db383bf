// The analyses on a small store whose answers are worked out by hand.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "sanctions/analyses.hpp"
#include "sanctions/sanctions_helpers.hpp"
#include "sanctions/store.hpp"
#include "support/test_support.hpp"

namespace rostrum::sanctions {
namespace {

using namespace rostrum::sanctions::testing;
using rostrum::testing::TempDir;

Date d(int y, int m, int day) { return make_date(y, m, day); }

// US (dates as first seen in daily snapshots), EU (exact), China.
std::shared_ptr<const Universe> small_universe(TempDir& dir) {
  std::vector<SanctionsList> lists = {
      make_list(
          "us", "US", d(2024, 5, 3),
          {{"u1",
            EntryType::organisation,
            {"ALFA BANK"},
            {"RUSSIA-EO14024"},
            {},
            {listed(d(2022, 2, 24), d(2022, 2, 23))}},
           {"u2",
            EntryType::organisation,
            {"BETA SHIPPING"},
            {"RUSSIA-EO14024"},
            {},
            {listed(d(2022, 3, 10), d(2022, 3, 9))},
            {"GAMMA TRADING"}},
           {"u3",
            EntryType::organisation,
            {"GAMMA TRADING"},
            {"RUSSIA-EO14024"},
            {},
            {listed(d(2023, 1, 10), d(2023, 1, 9))}},
           {"u4",
            EntryType::person,
            {"IVANOV, Ivan Ivanovich"},
            {"UKRAINE-EO13661"},
            {id("dob", "1960-01-02")},
            {listed(d(2021, 8, 18), 0)}},
           {"u5", EntryType::organisation, {"EPSILON TRADING"}, {"IRAN"}, {}, {listed(d(2022, 5, 1), d(2022, 4, 30))}},
           {"u6",
            EntryType::person,
            {"THETA, Theodor"},
            {"RUSSIA-EO14024"},
            {},
            {listed(d(2023, 6, 1), d(2023, 5, 31))}}}),
      make_list(
          "eu", "EU", d(2024, 6, 1),
          {{"e1", EntryType::organisation, {"Alfa Bank"}, {"EU-RUS"}, {}, {listed(d(2022, 2, 28), d(2022, 2, 28))}},
           {"e2", EntryType::organisation, {"Beta Shipping"}, {"EU-RUS"}, {}, {listed(d(2022, 3, 1), d(2022, 3, 1))}},
           {"e4",
            EntryType::person,
            {"Ivan Ivanovich IVANOV"},
            {"EU-UKR"},
            {id("dob", "1960-01-02")},
            {listed(d(2014, 3, 17), d(2014, 3, 17))}},
           {"e5", EntryType::organisation, {"Epsilon Trading"}, {"EU-IRN"}, {}, {listed(d(2022, 5, 1), d(2022, 5, 1))}},
           {"e6", EntryType::organisation, {"Zeta Corp"}, {"EU-RUS"}, {}, {listed(d(2022, 6, 1), d(2022, 6, 1))}}}),
      make_list("cn", "CN", d(2021, 3, 26),
                {{"1",
                  EntryType::organisation,
                  {"National Endowment for Democracy"},
                  {"MFA"},
                  {},
                  {listed(d(2019, 12, 2), d(2019, 12, 2))},
                  {},
                  "civil society, media and research",
                  "USA"},
                 {"2",
                  EntryType::organisation,
                  {"Lockheed Martin"},
                  {"MOFCOM"},
                  {},
                  {listed(d(2020, 7, 14), d(2020, 7, 14))},
                  {},
                  "defence industry",
                  "USA"},
                 {"3",
                  EntryType::person,
                  {"Some Member of Parliament"},
                  {"MFA"},
                  {},
                  {listed(d(2021, 3, 26), d(2021, 3, 26))},
                  {},
                  "politics and government",
                  "GBR"},
                 {"4",
                  EntryType::organisation,
                  {"Some German Institute"},
                  {"MFA"},
                  {},
                  {listed(d(2021, 3, 22), d(2021, 3, 22))},
                  {},
                  "civil society, media and research",
                  "DEU"}})};
  std::string db = (dir.path() / "s.db").string();
  {
    auto s = store::Store::open(db, true);
    write_lists(s, lists);
  }
  return load_universe(db);
}

std::int64_t integer(const Table& t, std::size_t row, const std::string& col) {
  return std::get<std::int64_t>(t.rows.at(row).at(static_cast<std::size_t>(t.column(col))));
}

const std::vector<Cell>* row_with(const Table& t, const std::string& col, const std::string& value) {
  int c = t.column(col);
  for (const auto& r : t.rows)
    if (std::holds_alternative<std::string>(r[static_cast<std::size_t>(c)]) &&
        std::get<std::string>(r[static_cast<std::size_t>(c)]) == value)
      return &r;
  return nullptr;
}

TEST(SanctionsAnalyses, ListsAndTheirContractShape) {
  TempDir dir;
  auto u = small_universe(dir);
  auto t = lists_table(u->data());
  ASSERT_EQ(t.rows.size(), 3u);
  const auto& lists = t.meta["lists"];
  ASSERT_EQ(lists.size(), 3u);
  for (const auto& l : lists)
    for (const char* key : {"issuer", "name", "entries", "as_of"}) EXPECT_TRUE(l.contains(key)) << key;
  EXPECT_EQ(lists[2]["issuer"], "US");
  EXPECT_EQ(lists[2]["entries"], 6);
  EXPECT_EQ(lists[2]["as_of"], "2024-05-03");
}

TEST(SanctionsAnalyses, MatchPairsWithEvidence) {
  TempDir dir;
  auto u = small_universe(dir);
  auto t = match_table(*u, {});
  EXPECT_EQ(t.columns, (std::vector<std::string>{"a_issuer", "a_id", "a_name", "b_issuer", "b_id", "b_name", "score",
                                                 "evidence"}));
  // Alpha, Beta, Ivanov and Epsilon are in both lists.
  ASSERT_EQ(t.rows.size(), 4u);
  auto* ivanov = row_with(t, "a_id", "u4");
  ASSERT_TRUE(ivanov);
  EXPECT_EQ(std::get<std::string>((*ivanov)[4]), "e4");
  EXPECT_NE(std::get<std::string>((*ivanov)[7]).find("dob 1960-01-02"), std::string::npos);
  MatchRequest rus;
  rus.target = "IRN";
  EXPECT_EQ(match_table(*u, rus).rows.size(), 1u);
  MatchRequest one;
  one.issuers = {"US"};
  EXPECT_THROW(match_table(*u, one), UsageError);
}

TEST(SanctionsAnalyses, LagWorkedByHand) {
  TempDir dir;
  auto u = small_universe(dir);
  LagRequest req;
  req.target = "RUS";
  auto t = lag_table(*u, req);
  // Alfa: US 2022-02-24, EU 2022-02-28 (+4, US first). Beta: US 2022-03-10, EU
  // 2022-03-01 (-9, EU first). Ivanov: US only "on or before 2021-08-18", EU
  // 2014-03-17: order unknown. Median of {-9, 4} = -2.5.
  EXPECT_EQ(t.meta["pairs"], 2);
  EXPECT_EQ(t.meta["a_first"], 1);
  EXPECT_EQ(t.meta["b_first"], 1);
  EXPECT_EQ(t.meta["same_day"], 0);
  EXPECT_DOUBLE_EQ(t.meta["median_days"].get<double>(), -2.5);
  EXPECT_EQ(t.meta["undetermined"], 1);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(integer(t, 0, "days"), -9);
  EXPECT_EQ(integer(t, 1, "days"), 4);
  // All targets: Epsilon is listed the same day by both. Median of {-9, 0, 4} = 0.
  auto all = lag_table(*u, {});
  EXPECT_EQ(all.meta["pairs"], 3);
  EXPECT_EQ(all.meta["same_day"], 1);
  EXPECT_DOUBLE_EQ(all.meta["median_days"].get<double>(), 0.0);
  // A window on the listing dates: only Epsilon (2022-05-01) falls in May 2022.
  LagRequest may;
  may.from = d(2022, 5, 1);
  may.to = d(2022, 5, 31);
  EXPECT_EQ(lag_table(*u, may).meta["pairs"], 1);
  EXPECT_FALSE(all.meta.contains("reason"));
  // A window past every listing: no rows, and the reason gives the dates each list holds.
  LagRequest later;
  later.from = d(2030, 1, 1);
  auto none = lag_table(*u, later);
  EXPECT_TRUE(none.rows.empty());
  ASSERT_TRUE(none.meta.contains("reason"));
  const std::string why = none.meta["reason"].get<std::string>();
  EXPECT_NE(why.find("from 2030-01-01"), std::string::npos) << why;
  EXPECT_NE(why.find("US listings dated "), std::string::npos) << why;
  EXPECT_NE(why.find("EU listings dated 2014-03-17 to "), std::string::npos) << why;
  LagRequest same;
  same.b = "US";
  EXPECT_THROW(lag_table(*u, same), UsageError);
}

// The row of `issuer` in `group` (and `period` when given).
const std::vector<Cell>* coverage_row(const Table& t, const std::string& group, const std::string& issuer,
                                      const std::string& period = "") {
  for (const auto& r : t.rows) {
    if (std::get<std::string>(r[0]) != group || std::get<std::string>(r[3]) != issuer) continue;
    if (!period.empty() && std::get<std::string>(r[2]) != period) continue;
    return &r;
  }
  return nullptr;
}

TEST(SanctionsAnalyses, CoverageWorkedByHand) {
  TempDir dir;
  auto u = small_universe(dir);
  CoverageRequest req;
  req.issuers = {"US", "EU"};
  auto t = coverage_table(*u, req);
  EXPECT_EQ(t.columns, (std::vector<std::string>{"group", "group_name", "period", "issuer", "entities", "only",
                                                 "shared", "union", "jaccard"}));
  // RUS: the US lists Alfa, Beta, Gamma, Ivanov, Theta (5; Gamma and Theta only
  // it); the EU Alfa, Beta, Ivanov, Zeta (4; Zeta only it); shared 3; union 6.
  auto* us = coverage_row(t, "RUS", "US");
  auto* eu = coverage_row(t, "RUS", "EU");
  ASSERT_TRUE(us && eu);
  EXPECT_EQ(std::get<std::int64_t>((*us)[4]), 5);
  EXPECT_EQ(std::get<std::int64_t>((*us)[5]), 2);
  EXPECT_EQ(std::get<std::int64_t>((*eu)[4]), 4);
  EXPECT_EQ(std::get<std::int64_t>((*eu)[5]), 1);
  EXPECT_EQ(std::get<std::int64_t>((*us)[6]), 3);
  EXPECT_EQ(std::get<std::int64_t>((*us)[7]), 6);
  EXPECT_DOUBLE_EQ(std::get<double>((*us)[8]), 0.5);
  EXPECT_DOUBLE_EQ(std::get<double>((*coverage_row(t, "IRN", "EU"))[8]), 1.0);
  // All targets: 6 US, 5 EU, 4 shared, 7 in the union.
  EXPECT_DOUBLE_EQ(std::get<double>((*coverage_row(t, "(all)", "US"))[8]), 4.0 / 7.0);
  // Over time, RUS on 31 December: 2021 the US has Ivanov (known from
  // 2021-08-18), the EU Ivanov: 1 shared of 1. 2022: the US Alfa, Beta, Ivanov;
  // the EU Alfa, Beta, Ivanov, Zeta: 3 of 4. 2023: the US adds Gamma and Theta.
  CoverageRequest years = req;
  years.by = "year";
  years.targets = {"RUS"};
  years.from_year = 2021;
  years.to_year = 2023;
  auto y = coverage_table(*u, years);
  ASSERT_EQ(y.rows.size(), 6u);
  EXPECT_DOUBLE_EQ(std::get<double>((*coverage_row(y, "RUS", "US", "2021"))[8]), 1.0);
  EXPECT_DOUBLE_EQ(std::get<double>((*coverage_row(y, "RUS", "US", "2022"))[8]), 0.75);
  EXPECT_EQ(std::get<std::int64_t>((*coverage_row(y, "RUS", "US", "2023"))[4]), 5);
  // By programme: the EU's EU-RUS entities are Alfa, Beta, Zeta; the US lists two.
  CoverageRequest programmes = req;
  programmes.by = "programme";
  auto p = coverage_table(*u, programmes);
  auto* eu_rus = coverage_row(p, "EU-RUS", "US");
  ASSERT_TRUE(eu_rus);
  EXPECT_EQ(std::get<std::int64_t>((*eu_rus)[4]), 2);
  EXPECT_EQ(std::get<std::int64_t>((*eu_rus)[7]), 3);
  CoverageRequest bad = req;
  bad.issuers = {"US", "XX"};
  EXPECT_THROW(coverage_table(*u, bad), UsageError);
}

TEST(SanctionsAnalyses, GapsRankedByLinksThenType) {
  TempDir dir;
  auto u = small_universe(dir);
  GapsRequest req;
  req.target = "RUS";
  auto t = gaps_table(*u, req);
  // Gamma (linked from Beta, which the EU lists) before Theta (a person, no links).
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(std::get<std::string>(t.rows[0][1]), "u3");
  EXPECT_EQ(integer(t, 0, "links_to_ally_listed"), 1);
  EXPECT_NE(std::get<std::string>(t.rows[0][8]).find("BETA SHIPPING (EU e2)"), std::string::npos);
  EXPECT_EQ(std::get<std::string>(t.rows[1][1]), "u6");
  GapsRequest reverse;
  reverse.issuer = "EU";
  reverse.ally = "US";
  auto r = gaps_table(*u, reverse);
  ASSERT_EQ(r.rows.size(), 1u);
  EXPECT_EQ(std::get<std::string>(r.rows[0][1]), "e6");
  EXPECT_FALSE(r.meta.contains("reason"));
  // Empty answers say why: every EU listing on Iran is the US's too; nobody lists Chad.
  GapsRequest iran = reverse;
  iran.target = "IRN";
  auto shared = gaps_table(*u, iran);
  EXPECT_TRUE(shared.rows.empty());
  EXPECT_NE(shared.meta.value("reason", "").find("EU lists with target IRN now are listed by US too"),
            std::string::npos)
      << shared.meta.dump();
  GapsRequest chad = req;
  chad.target = "TCD";
  EXPECT_EQ(gaps_table(*u, chad).meta.value("reason", ""), "US lists no entity with target TCD now");
}

TEST(SanctionsAnalyses, CounterSanctionsByCountryWithDatedMembership) {
  TempDir dir;
  auto u = small_universe(dir);
  auto t = counter_table(*u, {});
  auto* usa = row_with(t, "country", "USA");
  ASSERT_TRUE(usa);
  EXPECT_EQ(std::get<std::int64_t>((*usa)[2]), 2);
  EXPECT_EQ(std::get<std::string>((*usa)[5]), "2019-12-02");
  EXPECT_EQ(std::get<std::string>((*usa)[static_cast<std::size_t>(t.column("issuer"))]), "US");
  EXPECT_EQ(std::get<std::int64_t>((*usa)[static_cast<std::size_t>(t.column("issuer_lists_RUS"))]), 5);
  EXPECT_EQ(std::get<std::int64_t>((*usa)[static_cast<std::size_t>(t.column("defence"))]), 1);
  // On China's list date (2021-03-26) Germany is in the EU and the UK no longer is.
  auto* deu = row_with(t, "country", "DEU");
  ASSERT_TRUE(deu);
  EXPECT_EQ(std::get<std::string>((*deu)[static_cast<std::size_t>(t.column("issuer"))]), "EU");
  EXPECT_EQ(std::get<std::int64_t>((*deu)[static_cast<std::size_t>(t.column("issuer_lists_RUS"))]), 4);
  auto* gbr = row_with(t, "country", "GBR");
  ASSERT_TRUE(gbr);
  EXPECT_TRUE(std::holds_alternative<std::monostate>((*gbr)[static_cast<std::size_t>(t.column("issuer"))]));
}

TEST(SanctionsAnalyses, EntityLookupAcrossLists) {
  TempDir dir;
  auto u = small_universe(dir);
  EntityRequest req;
  req.name = "alfa bank";
  auto t = entity_table(*u, req);
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.meta["entities"], 1);
  const auto& entries = t.meta["entries"];
  ASSERT_EQ(entries.size(), 2u);
  EXPECT_NEAR(entries[1]["match"]["score"].get<double>(), 1.0, 1e-12);
  EXPECT_EQ(entries[0]["lists"][0]["key"], "eu");
  // Another script and a close spelling find the same.
  req.name = "Альфа Банк";
  EXPECT_EQ(entity_table(*u, req).rows.size(), 2u);
  req.name = "";
  EXPECT_THROW(entity_table(*u, req), UsageError);
}

}  // namespace
}  // namespace rostrum::sanctions
