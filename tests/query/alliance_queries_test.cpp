// The alliance, veto and dyad queries on a small store made by hand, with every
// expected number worked out below; and the seat dating of a vote record.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <set>

#include "alliances/alliances.hpp"
#include "core/error.hpp"
#include "io/import_batch.hpp"
#include "query/alliance_queries.hpp"
#include "query/dated_record.hpp"
#include "query/dyad.hpp"
#include "registry/cow.hpp"
#include "registry/registry.hpp"
#include "store/store.hpp"
#include "support/test_support.hpp"
#include "vetoes/vetoes.hpp"

namespace rostrum::query {
namespace {

using rostrum::testing::TempDir;

int id(const char* iso3) {
  int i = registry::index_of_iso3(iso3);
  EXPECT_GE(i, 0) << iso3;
  return i;
}

TEST(DatedRecord, VotesMoveToTheSeatHolderOfTheirDate) {
  VoteMatrix m;
  const int chn = m.add_country("CHN"), rus = m.add_country("RUS"), twn = m.add_country("TWN"),
            yug = m.add_country("YUG"), usa = m.add_country("USA");
  for (Date d : {make_date(1960, 10, 1), make_date(1972, 10, 1), make_date(1980, 10, 1), make_date(1995, 10, 1),
                 make_date(2001, 10, 1)}) {
    RollCallInfo info;
    info.id = d;
    info.date = d;
    m.add_rollcall(info);
  }
  for (int r = 0; r < 5; ++r) {
    m.set_vote(chn, r, Vote::Yes);
    m.set_vote(rus, r, Vote::No);
    m.set_vote(yug, r, Vote::Abstain);
    m.set_vote(usa, r, Vote::Yes);
  }
  m.set_vote(twn, 0, Vote::No);  // the same seat recorded under both labels in 1960
  m.finish();
  DatedRecord d = dated_by_seat(m);
  const VoteMatrix& x = d.matrix;
  auto vote = [&](const char* iso3, int r) {
    int c = x.country_index(iso3);
    return c < 0 ? Vote::Missing : x.vote(c, r);
  };
  EXPECT_EQ(vote("TWN", 0), Vote::No);  // the row already under TWN is kept
  EXPECT_EQ(vote("CHN", 0), Vote::Missing);
  EXPECT_EQ(vote("CHN", 1), Vote::Yes);
  EXPECT_EQ(vote("SUN", 2), Vote::No);
  EXPECT_EQ(vote("RUS", 2), Vote::Missing);
  EXPECT_EQ(vote("RUS", 3), Vote::No);
  EXPECT_EQ(vote("SUN", 0), Vote::No);
  EXPECT_EQ(vote("YUG", 2), Vote::Abstain);
  EXPECT_EQ(vote("SCG", 4), Vote::Abstain);  // "Yugoslavia" in 2001 is Serbia and Montenegro
  EXPECT_EQ(vote("USA", 4), Vote::Yes);
  EXPECT_EQ(vote("SCG", 3), Vote::Abstain);  // and in 1995
  EXPECT_EQ(vote("YUG", 3), Vote::Missing);
  // Moved: RUS 1960/1972/1980, YUG 1995/2001; CHN 1960 dropped (TWN had that roll call).
  EXPECT_EQ(d.conflicts, 1);
  EXPECT_EQ(d.moved, 5);
  // Dating a dated record moves nothing.
  DatedRecord again = dated_by_seat(x);
  EXPECT_EQ(again.moved, 0);
  EXPECT_EQ(again.conflicts, 0);
}

// ---- a small store ------------------------------------------------------------
//
// GA 1960 (two roll calls, "China" = the ROC's seat): CHN Y N, USA Y Y, CUB N N.
// GA 1980 (four): RUS Y Y N A, PRK Y Y N Y, USA N N Y Y, CUB Y N N A ("Russia" = the USSR).
// GA 1995 (four): RUS Y N Y Y, PRK N N Y A, USA Y Y N N, CUB N N Y Y.
// SC 1995: s1 RUS Y, CHN Y, USA Y, GBR Y, FRA A; s2 RUS A, CHN Y, USA Y, GBR Y, FRA Y.
// Vetoes: 1980-05-01 USSR on "North Korea"; 1980-06-01 USA on "US-USSR";
//         1995-06-01 Russia on "Cyprus"; 1995-07-01 Russia and China on "Syria".
// Alliances: ATOP-like, complete 1980-1995: SUN<->PRK defense 1980, PRK->USA defense 1980,
//            USA->SUN nonagg 1980;
//            treaty file: RUS;PRK defense;consul in force 2024-12-04, as of 2025-06-01.

io::ImportedRollCall rollcall(const std::string& key, Body body, Date date) {
  io::ImportedRollCall rc;
  rc.info.key = key;
  rc.info.body = body;
  rc.info.session = body == Body::GeneralAssembly ? date_year(date) - 1945 : 0;
  rc.info.session_label = std::to_string(body == Body::GeneralAssembly ? rc.info.session : date_year(date));
  rc.info.date = date;
  rc.info.symbol = key;
  return rc;
}

Vote code(char c) {
  switch (c) {
    case 'Y':
      return Vote::Yes;
    case 'N':
      return Vote::No;
    case 'A':
      return Vote::Abstain;
  }
  return Vote::Missing;
}

void add_block(io::ImportBatch& b, Body body, const std::string& prefix, std::vector<Date> dates,
               const std::map<std::string, std::string>& votes) {
  const int first = static_cast<int>(b.rollcalls.size());
  for (std::size_t k = 0; k < dates.size(); ++k)
    b.rollcalls.push_back(rollcall(prefix + std::to_string(k), body, dates[k]));
  for (const auto& [iso3, v] : votes)
    for (std::size_t k = 0; k < v.size(); ++k)
      b.votes.push_back({first + static_cast<int>(k), id(iso3.c_str()), code(v[k])});
}

class ChannelStore : public ::testing::Test {
 protected:
  void SetUp() override {
    db = (dir.path() / "small.db").string();
    io::ImportBatch ga;
    ga.source_name = "ga-test";
    ga.format = "voeten";
    add_block(ga, Body::GeneralAssembly, "g60-", {make_date(1960, 10, 1), make_date(1960, 11, 1)},
              {{"CHN", "YN"}, {"USA", "YY"}, {"CUB", "NN"}});
    add_block(ga, Body::GeneralAssembly, "g80-",
              {make_date(1980, 10, 1), make_date(1980, 10, 2), make_date(1980, 10, 3), make_date(1980, 10, 4)},
              {{"RUS", "YYNA"}, {"PRK", "YYNY"}, {"USA", "NNYY"}, {"CUB", "YNNA"}});
    add_block(ga, Body::GeneralAssembly, "g95-",
              {make_date(1995, 10, 1), make_date(1995, 10, 2), make_date(1995, 10, 3), make_date(1995, 10, 4)},
              {{"RUS", "YNYY"}, {"PRK", "NNYA"}, {"USA", "YYNN"}, {"CUB", "NNYY"}});
    add_block(ga, Body::SecurityCouncil, "s95-", {make_date(1995, 3, 1), make_date(1995, 4, 1)},
              {{"RUS", "YA"}, {"CHN", "YY"}, {"USA", "YY"}, {"GBR", "YY"}, {"FRA", "AY"}});
    auto store = store::Store::open(db, true);
    store.write_source(ga);

    std::vector<alliances::Tie> ties = {{1980, id("SUN"), id("PRK"), alliances::kDefense, -1},
                                        {1980, id("PRK"), id("SUN"), alliances::kDefense, -1},
                                        {1980, id("PRK"), id("USA"), alliances::kDefense, -1},
                                        {1980, id("USA"), id("SUN"), alliances::kNonagg, -1}};
    alliances::AllianceBatch atop;
    atop.source_name = "atop-test";
    atop.format = "atop";
    atop.complete = true;
    atop.first_year = 1980;
    atop.last_year = 1995;
    atop.ties = ties;
    auto treaties = alliances::import_treaties(dir.write("t.csv",
                                                         "name,parties,signed,in_force,ended,obligations,source\n"
                                                         "Pact,RUS;PRK,2024-06-19,2024-12-04,,defense;consul,cite\n"),
                                               make_date(2025, 6, 1));
    alliances::write_alliances(store, std::vector<alliances::AllianceBatch>{atop, treaties});

    auto vetoes = vetoes::import_vetoes(dir.write("v.csv",
                                                  "date,draft,agenda_item,crisis_topic,member_veto1,member_veto2\n"
                                                  "1980-05-01,S/A,Item,North Korea,USSR,\n"
                                                  "1980-06-01,S/D,Item,US-USSR,USA,\n"
                                                  "1995-06-01,S/B,Item,Cyprus,Russia,\n"
                                                  "1995-07-01,S/C,Item,Syria,Russia,China\n"));
    vetoes::write_vetoes(store, {vetoes});

    // A saved ideal-point run: session 35 (1980) under unvotes' label "RUS", i.e. the USSR.
    const auto ga_source =
        store.resolve_source("", "ga");  // the default source (the record), as rostrum ideal saves it
    store.save_ideal_run(ga_source.id, nlohmann::json::object(), nlohmann::json::object(),
                         {{"RUS", "35", 1980, 1.0, 0.1, 0.8, 1.2, 4}, {"PRK", "35", 1980, 0.4, 0.2, 0.0, 0.8, 4}});
  }

  const std::vector<Cell>* row_of(const Table& t, std::int64_t year, const std::string& a = "",
                                  const std::string& b = "") {
    for (const auto& r : t.rows) {
      if (std::get<std::int64_t>(r[0]) != year) continue;
      if (!a.empty() && (std::get<std::string>(r[t.column("a")]) != a || std::get<std::string>(r[t.column("b")]) != b))
        continue;
      return &r;
    }
    return nullptr;
  }
  static bool null(const Cell& c) { return std::holds_alternative<std::monostate>(c); }
  static double num(const Cell& c) { return std::get<double>(c); }
  static std::int64_t count(const Cell& c) { return std::get<std::int64_t>(c); }

  TempDir dir;
  std::string db;
};

TEST_F(ChannelStore, DyadViewFillsEachChannelAndLeavesTheRestNull) {
  Context ctx(db);
  DyadRequest req;
  req.a = "Russia";
  req.b = "PRK";
  req.from = 1980;
  req.to = 2025;
  req.ci = 0.9;
  req.boot = 200;
  Table t = dyad_view(ctx, req);
  ASSERT_EQ(t.rows.size(), 46u);
  auto c = [&](const char* name) {
    int k = t.column(name);
    EXPECT_GE(k, 0) << name;
    return k;
  };
  const auto& r80 = t.rows[0];
  EXPECT_EQ(std::get<std::string>(r80[c("a_id")]), "SUN");
  // GA 1980, SUN-PRK: Y/Y, Y/Y, N/N, A/Y -> (1 + 1 + 1 + 0.5) / 4.
  EXPECT_DOUBLE_EQ(num(r80[c("ga_agree")]), 0.875);
  EXPECT_EQ(count(r80[c("ga_n")]), 4);
  EXPECT_LE(num(r80[c("ga_lo")]), 0.875);
  EXPECT_GE(num(r80[c("ga_hi")]), 0.875);
  EXPECT_EQ(count(r80[c("defense")]), 1);
  EXPECT_EQ(count(r80[c("consul")]), 0);
  EXPECT_EQ(std::get<std::string>(r80[c("alliance_coverage")]), "complete");
  EXPECT_EQ(count(r80[c("vetoes_a")]), 1);
  EXPECT_TRUE(null(r80[c("vetoes_b")]));  // North Korea holds no permanent seat
  EXPECT_TRUE(null(r80[c("covetoes")]));
  EXPECT_TRUE(null(r80[c("sc_agree")]));
  EXPECT_DOUBLE_EQ(num(r80[c("ideal_a")]), 1.0);  // the 1980 "RUS" estimate is the USSR's
  EXPECT_DOUBLE_EQ(num(r80[c("ideal_distance")]), 0.6);
  EXPECT_NEAR(num(r80[c("ideal_distance_sd")]), std::sqrt(0.1 * 0.1 + 0.2 * 0.2), 1e-12);
  // Portfolios over the 1980 system of n states: SUN = {SUN 3, PRK 3, USA 2 (nonagg)},
  // PRK = {SUN 3, PRK 3, USA 3}: they differ by 1 at one state: S = 1 - 2 (1/n) / 3.
  alliances::StateSystem system;
  const double n80 = static_cast<double>(system.members(1980).size());
  EXPECT_NEAR(num(r80[c("portfolio_s")]), 1.0 - 2.0 / (3.0 * n80), 1e-12);
  EXPECT_EQ(count(r80[c("portfolio_n")]), static_cast<std::int64_t>(n80));

  const auto& r95 = t.rows[15];
  EXPECT_EQ(std::get<std::string>(r95[c("a_id")]), "RUS");
  // GA 1995, RUS-PRK: Y/N, N/N, Y/Y, Y/A -> (0 + 1 + 1 + 0.5) / 4.
  EXPECT_DOUBLE_EQ(num(r95[c("ga_agree")]), 0.625);
  EXPECT_EQ(count(r95[c("defense")]), 0);  // covered, no tie: a known 0
  EXPECT_EQ(count(r95[c("vetoes_a")]), 2);
  EXPECT_TRUE(null(r95[c("ideal_distance")]));  // the run has no 1995 estimates
  // 1995: no ties: RUS = {RUS 3}, PRK = {PRK 3}: they differ by 3 at two states.
  const double n95 = static_cast<double>(system.members(1995).size());
  EXPECT_NEAR(num(r95[c("portfolio_s")]), 1.0 - 2.0 * (6.0 / n95) / 3.0, 1e-12);

  const auto& r00 = t.rows[20];  // 2000: no channel has data
  for (const char* name :
       {"ga_agree", "ga_n", "sc_agree", "vetoes_a", "defense", "consul", "portfolio_s", "alliance_coverage"})
    EXPECT_TRUE(null(r00[c(name)])) << name;

  const auto& r24 = t.rows[44];
  EXPECT_EQ(count(r24[c("defense")]), 1);
  EXPECT_EQ(count(r24[c("consul")]), 1);
  EXPECT_TRUE(null(r24[c("nonagg")]));  // the treaty says nothing about it
  EXPECT_EQ(std::get<std::string>(r24[c("alliance_coverage")]), "treaties");
  EXPECT_TRUE(null(r24[c("portfolio_s")]));
  EXPECT_TRUE(t.meta["composite"].is_null());
  EXPECT_EQ(t.meta["channels"].size(), dyad_channels().size());

  // The default range ends at the newest data (the treaty file's 2025).
  DyadRequest all;
  all.a = "RUS";
  all.b = "PRK";
  all.ci = 0;
  Table d = dyad_view(ctx, all);
  EXPECT_EQ(std::get<std::int64_t>(d.rows.front()[0]), 1948);  // PRK enters the state system
  EXPECT_EQ(std::get<std::int64_t>(d.rows.back()[0]), 2025);
  EXPECT_FALSE(d.meta.contains("reason"));

  // Years past every channel: rows of nulls, and a reason that says where the data end.
  DyadRequest later = all;
  later.from = 2040;
  later.to = 2041;
  Table none = dyad_view(ctx, later);
  EXPECT_EQ(none.rows.size(), 2u);
  const std::string why = none.meta.value("reason", "");
  EXPECT_NE(why.find("no channel has data for RUS-PRK in 2040-2041"), std::string::npos) << why;
  EXPECT_NE(why.find("2025"), std::string::npos) << why;
}

// The default range ends at the stitched record's newest year, not at the first source's.
TEST(DyadRecord, TheDefaultRangeEndsAtTheRecordsNewestYear) {
  TempDir dir;
  const std::string db = (dir.path() / "two.db").string();
  io::ImportBatch old, recent;
  old.source_name = "old";
  recent.source_name = "recent";
  old.format = recent.format = "voeten";
  add_block(old, Body::GeneralAssembly, "o-", {make_date(1990, 10, 1), make_date(1990, 10, 2)},
            {{"USA", "YN"}, {"GBR", "YY"}});
  add_block(recent, Body::GeneralAssembly, "r-", {make_date(2005, 10, 1), make_date(2005, 10, 2)},
            {{"USA", "YN"}, {"GBR", "NN"}});
  auto store = store::Store::open(db, true);
  store.write_source(old);
  store.write_source(recent);
  Context ctx(db);
  DyadRequest req;
  req.a = "USA";
  req.b = "GBR";
  req.ci = 0;
  Table t = dyad_view(ctx, req);
  ASSERT_FALSE(t.rows.empty());
  EXPECT_EQ(std::get<std::int64_t>(t.rows.back()[0]), 2005);
}

TEST_F(ChannelStore, DyadViewReadsTheChinaSeatByDate) {
  Context ctx(db);
  DyadRequest req;
  req.from = 1960;
  req.to = 1960;
  req.ci = 0;
  req.a = "CHN";
  req.b = "USA";
  Table prc = dyad_view(ctx, req);
  EXPECT_TRUE(null(prc.rows[0][prc.column("ga_agree")]));  // the 1960 "China" votes are the ROC's
  req.a = "TWN";
  Table roc = dyad_view(ctx, req);
  // TWN-USA 1960: Y/Y, N/Y -> 0.5.
  EXPECT_DOUBLE_EQ(num(roc.rows[0][roc.column("ga_agree")]), 0.5);
  EXPECT_EQ(count(roc.rows[0][roc.column("ga_n")]), 2);
}

TEST_F(ChannelStore, DyadViewOfAGroupHasEveryPair) {
  Context ctx(db);
  DyadRequest req;
  req.group = "CHN,RUS,PRK";
  req.from = 1995;
  req.to = 1995;
  req.ci = 0;
  Table t = dyad_view(ctx, req);
  ASSERT_EQ(t.rows.size(), 3u);
  const auto* cr = row_of(t, 1995, "CHN", "RUS");
  ASSERT_NE(cr, nullptr);
  // SC 1995, CHN-RUS: Y/Y, Y/A -> 0.75 over 2; with the vetoed drafts, S/C adds No/No
  // (S/B: China's vote unknown, not counted) -> (1 + 0.5 + 1) / 3.
  EXPECT_DOUBLE_EQ(num((*cr)[t.column("sc_agree")]), 0.75);
  EXPECT_EQ(count((*cr)[t.column("sc_n")]), 2);
  EXPECT_NEAR(num((*cr)[t.column("sc_agree_with_vetoes")]), 2.5 / 3.0, 1e-12);
  EXPECT_EQ(count((*cr)[t.column("sc_n_with_vetoes")]), 3);
  EXPECT_EQ(count((*cr)[t.column("covetoes")]), 1);
  DyadRequest both;
  both.a = "RUS";
  both.b = "PRK";
  both.group = "CRINK";
  EXPECT_THROW(dyad_view(ctx, both), UsageError);
}

TEST_F(ChannelStore, AllianceGapFindsBothKindsOfGap) {
  Context ctx(db);
  AllianceGapRequest req;
  req.from = req.to = 1980;
  req.min_n = 1;
  // 1980 agreement: SUN-PRK .875, SUN-CUB .75, PRK-CUB .625, USA-CUB .375, PRK-USA .25, SUN-USA .125.
  // Mid-ranks over the six: SUN-CUB (4 + .5)/6 = .75 -> aligned, no pact: aligned without alliance.
  // PRK-USA (1 + .5)/6 = .25, with PRK's defence pledge to the USA: allied without alignment.
  Table t = alliance_gap(ctx, req);
  ASSERT_EQ(t.rows.size(), 2u);
  std::map<std::string, std::string> category;
  for (const auto& r : t.rows)
    category[std::get<std::string>(r[1]) + "-" + std::get<std::string>(r[2])] =
        std::get<std::string>(r[t.column("category")]);
  EXPECT_EQ(category["CUB-SUN"], "aligned without alliance");
  EXPECT_EQ(category["PRK-USA"], "allied without alignment");
  const auto* pu = row_of(t, 1980, "PRK", "USA");
  ASSERT_NE(pu, nullptr);
  EXPECT_DOUBLE_EQ(num((*pu)[t.column("agree")]), 0.25);
  EXPECT_DOUBLE_EQ(num((*pu)[t.column("agree_quantile")]), 0.25);
  EXPECT_EQ(std::get<std::string>((*pu)[t.column("commitments")]), "defense");

  // A focus on Russia and North Korea: their one dyad, whatever its category (RUS is SUN in 1980).
  req.focus = "RUS,PRK";
  Table f = alliance_gap(ctx, req);
  ASSERT_EQ(f.rows.size(), 1u);
  EXPECT_EQ(std::get<std::string>(f.rows[0][1]), "PRK");
  EXPECT_EQ(std::get<std::string>(f.rows[0][2]), "SUN");
  EXPECT_EQ(std::get<std::string>(f.rows[0][f.column("category")]), "");
  EXPECT_EQ(count(f.rows[0][f.column("defense")]), 1);
  EXPECT_DOUBLE_EQ(num(f.rows[0][f.column("ideal_distance")]), 0.6);

  req.focus = "";
  req.from = req.to = 1995;
  req.table = "all";
  Table none = alliance_gap(ctx, req);
  EXPECT_EQ(none.rows.size(), 6u);
  for (const auto& r : none.rows) EXPECT_EQ(count(r[none.column("defense")]), 0);
  EXPECT_THROW(alliance_gap(ctx, AllianceGapRequest{"", 0, 0, "", "", "everything"}), UsageError);
}

TEST_F(ChannelStore, GroupAlignmentSetsCohesionBesideAllianceDensity) {
  Context ctx(db);
  GroupAlignmentRequest req;
  req.group = "RUS,PRK,CUB";
  req.from = 1980;
  req.to = 1995;
  req.null_replicates = 0;
  Table t = group_alignment(ctx, req);
  const auto* r80 = row_of(t, 1980);
  ASSERT_NE(r80, nullptr);
  // Members' votes per roll call (SUN, PRK, CUB): YYY, YYN, NNN, AYA. AI = (1.5 m - 0.5 T)/T with T = 3:
  // m = 3, 2, 3, 2 -> 1, 0.5, 1, 0.5; mean 0.75.
  EXPECT_DOUBLE_EQ(num((*r80)[t.column("cohesion")]), 0.75);
  EXPECT_EQ(count((*r80)[t.column("rollcalls")]), 4);
  // Mean pairwise agreement: (SUN-PRK .875 + SUN-CUB .75 + PRK-CUB .625) / 3 = .75.
  EXPECT_DOUBLE_EQ(num((*r80)[t.column("mean_agree")]), 0.75);
  // One defence pair (SUN-PRK) of three.
  EXPECT_DOUBLE_EQ(num((*r80)[t.column("defense_density")]), 1.0 / 3.0);
  EXPECT_EQ(std::get<std::string>((*r80)[t.column("members")]), "SUN,PRK,CUB");
}

TEST_F(ChannelStore, TopCoverNeedsAPartner) {
  Context ctx(db);
  TopCoverRequest req;
  req.min_n = 1;
  Table t = top_cover(ctx, req);
  // 1980 SUN/PRK; 1980 USA/SUN and USA/USA; 1995 RUS/CYP; 1995 CHN/SYR and RUS/SYR.
  ASSERT_EQ(t.rows.size(), 6u);
  auto col = [&](const char* name) { return static_cast<std::size_t>(t.column(name)); };
  const auto& first = t.rows[0];
  EXPECT_EQ(std::get<std::string>(first[col("vetoer")]), "SUN");
  EXPECT_EQ(std::get<std::string>(first[col("subject")]), "PRK");
  EXPECT_EQ(count(first[col("ally")]), 1);
  EXPECT_EQ(std::get<std::string>(first[col("alliance_types")]), "defense");
  // SUN's 1980 dyads: PRK .875, CUB .75, USA .125: PRK's mid-rank (2 + .5)/3.
  EXPECT_DOUBLE_EQ(num(first[col("agree_quantile")]), 2.5 / 3.0);
  EXPECT_EQ(count(first[col("aligned")]), 1);
  EXPECT_EQ(count(first[col("opposed")]), 0);
  EXPECT_EQ(count(first[col("top_cover")]), 1);
  // The USA and the USSR: a non-aggression pledge on paper, but the USSR ranks lowest
  // among the USA's 1980 dyads (SUN .125, PRK .25, CUB .375: (0 + .5)/3), so it is no partner.
  const auto& usa_sun = t.rows[1];
  EXPECT_EQ(std::get<std::string>(usa_sun[col("subject")]), "SUN");
  EXPECT_EQ(count(usa_sun[col("ally")]), 1);
  EXPECT_DOUBLE_EQ(num(usa_sun[col("agree_quantile")]), 0.5 / 3.0);
  EXPECT_EQ(count(usa_sun[col("opposed")]), 1);
  EXPECT_EQ(count(usa_sun[col("top_cover")]), 0);
  const auto& usa_self = t.rows[2];
  EXPECT_EQ(count(usa_self[col("self")]), 1);
  EXPECT_EQ(count(usa_self[col("top_cover")]), 0);
  // Syria 1995: covered by the alliance data (no pact: ally 0) but no GA votes: unknown.
  const auto& syr = t.rows[4];
  EXPECT_EQ(std::get<std::string>(syr[col("subject")]), "SYR");
  EXPECT_EQ(count(syr[col("ally")]), 0);
  EXPECT_TRUE(null(syr[col("aligned")]));
  EXPECT_TRUE(null(syr[col("top_cover")]));
  EXPECT_EQ(t.meta["top_cover_by_vetoer"]["SUN"], 1);
  EXPECT_FALSE(t.meta["top_cover_by_vetoer"].contains("USA"));
  req.member = "CHN";
  Table only = top_cover(ctx, req);
  ASSERT_EQ(only.rows.size(), 1u);
  EXPECT_EQ(std::get<std::string>(only.rows[0][only.column("vetoer")]), "CHN");
}

TEST_F(ChannelStore, ScAgreementOfTheFiveWithAndWithoutVetoedDrafts) {
  Context ctx(db);
  Table t = sc_agreement(ctx, {"", 1995, 1995});
  ASSERT_EQ(t.rows.size(), 10u);  // the five permanent members in pairs
  const auto* cr = row_of(t, 1995, "CHN", "RUS");
  ASSERT_NE(cr, nullptr);
  EXPECT_DOUBLE_EQ(num((*cr)[t.column("agree")]), 0.75);
  EXPECT_NEAR(num((*cr)[t.column("agree_with_vetoes")]), 2.5 / 3.0, 1e-12);
  EXPECT_EQ(count((*cr)[t.column("vetoed_drafts")]), 2);
  EXPECT_EQ(count((*cr)[t.column("covetoes")]), 1);
  EXPECT_EQ(count((*cr)[t.column("vetoes_one_side")]), 1);
  // France-United Kingdom: A/Y, Y/Y -> 0.75; the vetoes add nothing (neither vetoed).
  const auto* fu = row_of(t, 1995, "FRA", "GBR");
  ASSERT_NE(fu, nullptr);
  EXPECT_DOUBLE_EQ(num((*fu)[t.column("agree")]), 0.75);
  EXPECT_EQ(count((*fu)[t.column("n_with_vetoes")]), 2);
  EXPECT_EQ(count((*fu)[t.column("vetoes_one_side")]), 0);
}

}  // namespace
}  // namespace rostrum::query
