// rollcall on a store the test writes: an unvotes source (absences not recorded)
// and a UN Library bulk file (absences recorded), every figure counted by hand;
// then A/RES/ES-11/1 on the real unvotes + 2022 wide record.
#include <gtest/gtest.h>

#include <map>
#include <sstream>

#include "core/error.hpp"
#include "io/import.hpp"
#include "matrix/vote_matrix.hpp"
#include "query/query.hpp"
#include "query/rollcall_lookup.hpp"
#include "store/store.hpp"
#include "support/test_support.hpp"

namespace {

using rostrum::Table;

// unvotes (GA):
//   rcid 4  1990-05-01 R/44/5  "Apartheid in South Africa"         USA no, Russia (the USSR then) yes, CHN yes, FRA no
//   rcid 1  2015-03-01 R/70/1  "Cooperation on nuclear disarmament" USA yes, CHN no, RUS abstain, FRA yes
//   rcid 2  2015-06-01 R/70/2  "Human rights in Myanmar"            USA yes, CHN no, RUS no (FRA, SSD: no row)
//   rcid 3  2015-09-01 R/70/3  "Nuclear-weapon-free zone"           USA no, CHN yes, RUS yes, FRA yes, SSD yes
// FRA has rows before and after rcid 2: absent there. SSD's first row is rcid 3:
// a non-member on rcid 1, 2 and 4.
// UN Library bulk file: record 3959039, A/RES/ES-11/1, 2022-03-02: USA Y, RUS N,
// CHN A, FRA X (absent: recorded), SSD Y; record 853446, S/RES/2334(2016),
// 2016-12-23, four of the council: USA A, RUS Y, CHN Y, FRA Y.
std::string build_store(const rostrum::testing::TempDir& dir) {
  dir.write("unv/un_votes.csv",
            "rcid,country,country_code,vote\n"
            "4,United States,US,no\n4,Russia,RU,yes\n4,China,CN,yes\n4,France,FR,no\n"
            "1,United States,US,yes\n1,China,CN,no\n1,Russia,RU,abstain\n1,France,FR,yes\n"
            "2,United States,US,yes\n2,China,CN,no\n2,Russia,RU,no\n"
            "3,United States,US,no\n3,China,CN,yes\n3,Russia,RU,yes\n3,France,FR,yes\n3,South Sudan,SS,yes\n");
  dir.write("unv/un_roll_calls.csv",
            "rcid,session,importantvote,date,unres,amend,para,short,descr\n"
            "4,44,0,1990-05-01,R/44/5,0,0,Apartheid in South Africa,d\n"
            "1,70,0,2015-03-01,R/70/1,0,0,Cooperation on nuclear disarmament,d\n"
            "2,70,0,2015-06-01,R/70/2,0,0,Human rights in Myanmar,d\n"
            "3,70,0,2015-09-01,R/70/3,0,0,Nuclear-weapon-free zone,d\n");
  dir.write("unv/un_roll_call_issues.csv", "rcid,short_name,issue\n");
  std::string undl =
      "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,title,total_yes,total_no,total_abstentions,"
      "total_non_voting\n";
  for (const char* row :
       {"USA,United States,Y", "RUS,Russian Federation,N", "CHN,China,A", "FRA,France,X", "SSD,South Sudan,Y"})
    undl += std::string("3959039,") + row + ",2022-03-02,ES-11,A/RES/ES-11/1,Aggression against Ukraine,2,1,1,1\n";
  for (const char* row : {"USA,United States,A", "RUS,Russian Federation,Y", "CHN,China,Y", "FRA,France,Y"})
    undl += std::string("853446,") + row + ",2016-12-23,71,S/RES/2334(2016),Israeli settlements,14,0,1,0\n";
  dir.write("undl.csv", undl);
  std::string db = (dir.path() / "rollcall.db").string();
  std::vector<rostrum::io::ImportBatch> batches;
  batches.push_back(rostrum::io::import_path((dir.path() / "unv").string(), "unvotes", "unv"));
  batches.push_back(rostrum::io::import_path((dir.path() / "undl.csv").string(), "undl", "lib"));
  rostrum::store::Store::open(db, true).write_sources(batches);
  return db;
}

std::string text(const rostrum::Cell& c) { return std::get<std::string>(c); }
std::int64_t integer(const rostrum::Cell& c) { return std::get<std::int64_t>(c); }

// country -> vote of a one-roll-call answer.
std::map<std::string, std::string> votes(const Table& t) {
  EXPECT_EQ(t.columns, (std::vector<std::string>{"country", "name", "vote"}));
  std::map<std::string, std::string> out;
  for (const auto& row : t.rows) out[text(row[0])] = text(row[2]);
  return out;
}

class RollCall : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new rostrum::testing::TempDir;
    db_ = new std::string(build_store(*dir_));
  }
  static void TearDownTestSuite() {
    delete db_;
    delete dir_;
  }
  Table run(const rostrum::query::Params& p) {
    rostrum::query::Context ctx(*db_);
    return rostrum::query::run(ctx, "rollcall", p);
  }
  static rostrum::testing::TempDir* dir_;
  static std::string* db_;
};
rostrum::testing::TempDir* RollCall::dir_ = nullptr;
std::string* RollCall::db_ = nullptr;

TEST_F(RollCall, OneRollCallListsEveryStatesVoteWithAbsencesInferredWhereTheSourceDropsThem) {
  Table t = run({{"symbol", "A/RES/70/2"}});
  EXPECT_EQ(t.meta["mode"], "votes");
  EXPECT_EQ(votes(t), (std::map<std::string, std::string>{
                          {"CHN", "no"}, {"FRA", "absent"}, {"RUS", "no"}, {"SSD", "non-member"}, {"USA", "yes"}}));
  const auto& rc = t.meta["rollcall"];
  EXPECT_EQ(rc["symbol"], "R/70/2");
  EXPECT_EQ(rc["date"], "2015-06-01");
  EXPECT_EQ(rc["title"], "Human rights in Myanmar");
  EXPECT_EQ(rc["source"], "unv");
  EXPECT_EQ(rc["yes"], 1);
  EXPECT_EQ(rc["no"], 2);
  EXPECT_EQ(rc["abstain"], 0);
  EXPECT_EQ(rc["absent"], 1);
  EXPECT_EQ(rc["non_member"], 1);
  // unvotes is no Library source: a search for the symbol, written as the Library does.
  EXPECT_EQ(rc["link_kind"], "search");
  EXPECT_EQ(rc["link"], "https://digitallibrary.un.org/search?p=A%2FRES%2F70%2F2");
}

TEST_F(RollCall, RecordedAbsencesAndTheLibraryRecordLink) {
  Table t = run({{"symbol", "A/RES/ES-11/1"}});
  EXPECT_EQ(votes(t), (std::map<std::string, std::string>{
                          {"CHN", "abstain"}, {"FRA", "absent"}, {"RUS", "no"}, {"SSD", "yes"}, {"USA", "yes"}}));
  const auto& rc = t.meta["rollcall"];
  EXPECT_EQ(rc["yes"], 2);
  EXPECT_EQ(rc["no"], 1);
  EXPECT_EQ(rc["abstain"], 1);
  EXPECT_EQ(rc["absent"], 1);
  EXPECT_EQ(rc["session"], "ES-11");
  EXPECT_EQ(rc["link_kind"], "record");
  EXPECT_EQ(rc["link"], "https://digitallibrary.un.org/record/3959039");
}

TEST_F(RollCall, TheSovietSeatIsListedAsTheUssrBefore1992) {
  Table t = run({{"symbol", "R/44/5"}});
  EXPECT_EQ(votes(t), (std::map<std::string, std::string>{
                          {"CHN", "yes"}, {"FRA", "no"}, {"SSD", "non-member"}, {"SUN", "yes"}, {"USA", "no"}}));
}

TEST_F(RollCall, SymbolsMatchWhateverTheCaseSpacingOrSpelling) {
  for (const char* s : {"a/res/70/2", " A/RES/70/ 2", "r/70/2", "70/2"}) {
    Table t = run({{"symbol", s}});
    ASSERT_EQ(t.meta["mode"], "votes") << s;
    EXPECT_EQ(t.meta["rollcall"]["symbol"], "R/70/2") << s;
  }
  for (const char* s : {"es-11/1", "a / res / es-11 / 1"})
    EXPECT_EQ(run({{"symbol", s}}).meta["rollcall"]["id"], run({{"symbol", "A/RES/ES-11/1"}}).meta["rollcall"]["id"]);
  EXPECT_TRUE(rostrum::query::symbol_matches("A/RES/2758(XXVI)", "R/26/2758"));
  // unvotes' part letters: found only when nothing matches exactly.
  EXPECT_FALSE(rostrum::query::symbol_matches("A/RES/2758(XXVI)", "R/26/2758G"));
  EXPECT_TRUE(rostrum::query::symbol_part_of("A/RES/2758(XXVI)", "R/26/2758G"));
  EXPECT_FALSE(rostrum::query::symbol_part_of("A/RES/74/10", "R/74/100"));
  EXPECT_FALSE(rostrum::query::symbol_part_of("A/RES/74/10", "R/74/10"));
  EXPECT_FALSE(rostrum::query::symbol_matches("A/RES/70/2", "R/70/20"));
  EXPECT_FALSE(rostrum::query::symbol_matches("A/RES/70/2", "R/71/2"));
}

TEST_F(RollCall, ACouncilSymbolSearchesTheCouncilAndListsItsMembersOnly) {
  Table t = run({{"symbol", "s/res/2334 (2016)"}});
  EXPECT_EQ(votes(t),
            (std::map<std::string, std::string>{{"CHN", "yes"}, {"FRA", "yes"}, {"RUS", "yes"}, {"USA", "abstain"}}));
  EXPECT_EQ(t.meta["rollcall"]["body"], "sc");
  EXPECT_EQ(t.meta["rollcall"]["yes"], 3);
  EXPECT_EQ(t.meta["rollcall"]["abstain"], 1);
  EXPECT_EQ(t.meta["rollcall"]["non_member"], 0);
  EXPECT_EQ(t.meta["rollcall"]["link"], "https://digitallibrary.un.org/record/853446");
  // Asked of the Assembly, the council's symbol is not found.
  EXPECT_TRUE(run({{"symbol", "S/RES/2334(2016)"}, {"body", "ga"}}).rows.empty());
}

TEST_F(RollCall, SeveralMatchesAreListedWithTheirTotals) {
  Table t = run({{"search", "nuclear"}});
  EXPECT_EQ(t.meta["mode"], "matches");
  EXPECT_EQ(t.columns, (std::vector<std::string>{"id", "body", "session", "date", "symbol", "title", "yes", "no",
                                                 "abstain", "source"}));
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(text(t.rows[0][4]), "R/70/1");
  EXPECT_EQ(integer(t.rows[0][6]), 2);  // USA, FRA
  EXPECT_EQ(integer(t.rows[0][7]), 1);  // CHN
  EXPECT_EQ(integer(t.rows[0][8]), 1);  // RUS
  EXPECT_EQ(text(t.rows[1][4]), "R/70/3");
  EXPECT_EQ(integer(t.rows[1][6]), 4);  // CHN, RUS, FRA, SSD
  EXPECT_EQ(integer(t.rows[1][7]), 1);  // USA
  EXPECT_EQ(text(t.rows[1][2]), "70");
  EXPECT_EQ(text(t.rows[1][9]), "unv");
  // Every word must begin a word of the title: two words pick one roll call.
  EXPECT_EQ(run({{"search", "NUCL zone"}}).meta["rollcall"]["symbol"], "R/70/3");
  EXPECT_EQ(run({{"search", "uclear"}}).rows.size(), 0u);
  // By date: a day picks one, a year all three of 2015.
  EXPECT_EQ(run({{"date", "2015-06-01"}}).meta["rollcall"]["symbol"], "R/70/2");
  EXPECT_EQ(run({{"date", "2015"}}).rows.size(), 3u);
  // By session, and by id from a list.
  Table es = run({{"session", "ES-11"}});
  EXPECT_EQ(es.meta["rollcall"]["symbol"], "A/RES/ES-11/1");
  const std::int64_t id = integer(t.rows[1][0]);
  EXPECT_EQ(run({{"id", std::to_string(id)}}).meta["rollcall"]["symbol"], "R/70/3");
  // A limit keeps the first matches and says how many there were.
  Table one = run({{"year", "2015"}, {"limit", "1"}});
  EXPECT_EQ(one.rows.size(), 1u);
  EXPECT_EQ(one.meta["matches"], 3);
}

TEST_F(RollCall, GroupAndCountryFiltersKeepTheirStatesAndTheirOwnTally) {
  Table g20 = run({{"symbol", "A/RES/70/2"}, {"group", "G20"}});
  EXPECT_EQ(votes(g20),
            (std::map<std::string, std::string>{{"CHN", "no"}, {"FRA", "absent"}, {"RUS", "no"}, {"USA", "yes"}}));
  EXPECT_EQ(g20.meta["tally"]["yes"], 1);
  EXPECT_EQ(g20.meta["tally"]["no"], 2);
  EXPECT_EQ(g20.meta["tally"]["absent"], 1);
  EXPECT_EQ(g20.meta["tally"]["non_member"], 0);
  EXPECT_EQ(g20.meta["rollcall"]["non_member"], 1);  // the roll call's totals stay whole
  Table two = run({{"symbol", "A/RES/70/2"}, {"countries", "USA,SSD"}});
  EXPECT_EQ(votes(two), (std::map<std::string, std::string>{{"SSD", "non-member"}, {"USA", "yes"}}));
}

TEST_F(RollCall, EmptyAnswersSayWhy) {
  Table none = run({{"symbol", "A/RES/99/1"}});
  EXPECT_TRUE(none.rows.empty());
  EXPECT_NE(none.meta["reason"].get<std::string>().find("symbol A/RES/99/1"), std::string::npos);
  Table later = run({{"year", "2030"}});
  EXPECT_TRUE(later.rows.empty());
  EXPECT_NE(later.meta["reason"].get<std::string>().find("period"), std::string::npos);
  EXPECT_THROW(run({{"search", "--"}}), rostrum::ParameterError);
}

// Absence against non-membership on a matrix made by hand (General Assembly):
//            1965-01-01  1965-06-01  1970-01-01  1980-01-01
//   IDN      yes         -           yes         yes
//   TWN      yes         yes         yes         -
//   AFG      yes         -           yes         -
TEST(RollCallStateVote, SeatsAdmissionsAndSourcesDecideWhatAMissingRecordIs) {
  using rostrum::query::StateVote;
  rostrum::VoteMatrix m;
  const int idn = m.add_country("IDN"), twn = m.add_country("TWN"), afg = m.add_country("AFG");
  int id = 0;
  std::vector<int> r;
  for (rostrum::Date d : {19650101, 19650601, 19700101, 19800101}) {
    rostrum::RollCallInfo info;
    info.id = ++id;
    info.date = d;
    r.push_back(m.add_rollcall(info));
  }
  using rostrum::Vote;
  for (int k : {0, 2, 3}) m.set_vote(idn, r[k], Vote::Yes);
  for (int k : {0, 1, 2}) m.set_vote(twn, r[k], Vote::Yes);
  for (int k : {0, 2}) m.set_vote(afg, r[k], Vote::Yes);
  m.finish();
  const auto spans = rostrum::query::record_spans(m);
  auto col = [&](int k) {  // finish() sorts by (date, id): the order of insertion here
    for (int c = 0; c < m.rollcalls(); ++c)
      if (m.rollcall(c).id == k + 1) return c;
    return -1;
  };
  // Records before and after: the source's silence is an absence only where it drops absences.
  EXPECT_EQ(rostrum::query::state_vote(m, idn, col(1), false, spans), StateVote::absent);
  EXPECT_EQ(rostrum::query::state_vote(m, idn, col(1), true, spans), StateVote::non_member);
  // The China seat was the People's Republic's from 1971-10-25.
  EXPECT_EQ(rostrum::query::state_vote(m, twn, col(3), false, spans), StateVote::non_member);
  // Nothing recorded after 1970, seat still its own: a member that did not vote.
  EXPECT_EQ(rostrum::query::state_vote(m, afg, col(3), true, spans), StateVote::absent);
  EXPECT_EQ(rostrum::query::state_vote(m, idn, col(3), true, spans), StateVote::yes);
  EXPECT_EQ(spans.first[static_cast<std::size_t>(afg)], 19650101);
  EXPECT_EQ(spans.last[static_cast<std::size_t>(afg)], 19700101);
}

// The real record: unvotes and the UN Library's two scrapes (neither holds 2022-2024,
// so A/RES/ES-11/1 of 2 March 2022 is not in the shared data). Official tallies:
// A/RES/68/262 (27 March 2014, from unvotes, which records no absences) 100-11-58
// with 24 of the 193 members not voting; A/RES/ES-11/7 (24 February 2025, the 2025
// scrape) 93-18-65 with 17 not voting, Afghanistan and Venezuela among them (no
// column in that file).
TEST(RollCallRealData, AssemblyResolutionsCountAsTheUnDid) {
  if (!rostrum::testing::has_shared_data()) GTEST_SKIP() << "no ../shared/data";
  rostrum::testing::TempDir dir;
  const std::string db = (dir.path() / "record.db").string();
  std::vector<rostrum::io::ImportBatch> batches;
  for (const char* p :
       {"unga/unvotes-0.3.0", "unga/undl-wide-2022/un_data_wide.csv.gz", "unga/undl-wide-2025/un_votes_2025.csv.gz"})
    batches.push_back(rostrum::io::import_path(rostrum::testing::shared_data(p), ""));
  rostrum::store::Store::open(db, true).write_sources(batches);
  rostrum::query::Context ctx(db);

  Table t2014 = rostrum::query::run(ctx, "rollcall", {{"symbol", "a/res/68/262"}});
  ASSERT_EQ(t2014.meta["mode"], "votes");
  const auto& rc = t2014.meta["rollcall"];
  EXPECT_EQ(rc["yes"], 100);
  EXPECT_EQ(rc["no"], 11);
  EXPECT_EQ(rc["abstain"], 58);
  EXPECT_EQ(rc["absent"], 24);
  EXPECT_EQ(rc["link_kind"], "search");
  auto v = votes(t2014);
  EXPECT_EQ(v.at("RUS"), "no");
  EXPECT_EQ(v.at("PRK"), "no");
  EXPECT_EQ(v.at("CHN"), "abstain");
  EXPECT_EQ(v.at("USA"), "yes");
  EXPECT_EQ(v.count("SUN"), 0u);

  Table t2025 = rostrum::query::run(ctx, "rollcall", {{"symbol", "A/RES/ES-11/7"}});
  const auto& es = t2025.meta["rollcall"];
  EXPECT_EQ(es["date"], "2025-02-24");
  EXPECT_EQ(es["yes"], 93);
  EXPECT_EQ(es["no"], 18);
  EXPECT_EQ(es["abstain"], 65);
  EXPECT_EQ(es["absent"], 17);
  EXPECT_EQ(es["link"], "https://digitallibrary.un.org/record/4076672");  // the scrape's Link column
  v = votes(t2025);
  EXPECT_EQ(v.at("RUS"), "no");
  EXPECT_EQ(v.at("PRK"), "no");
  EXPECT_EQ(v.at("USA"), "no");
  EXPECT_EQ(v.at("CHN"), "abstain");
  EXPECT_EQ(v.at("AFG"), "absent");
  EXPECT_EQ(v.at("VEN"), "absent");
  // The G20's states on that day: Russia and the United States voted no.
  Table g20 = rostrum::query::run(ctx, "rollcall", {{"symbol", "A/RES/ES-11/7"}, {"group", "G20"}});
  EXPECT_EQ(g20.meta["tally"]["no"], 2);
  // Resolution 2758 (XXVI), 25 October 1971, 76-35-17: unvotes numbers it R/26/2758G,
  // after six votes of 7 October under R/26/2758A-F; all seven are listed.
  Table parts = rostrum::query::run(ctx, "rollcall", {{"symbol", "A/RES/2758(XXVI)"}});
  ASSERT_EQ(parts.meta["mode"], "matches");
  ASSERT_EQ(parts.rows.size(), 7u);
  EXPECT_EQ(std::get<std::string>(parts.rows[6][4]), "R/26/2758G");
  Table china = rostrum::query::run(ctx, "rollcall", {{"symbol", "A/RES/2758(XXVI)"}, {"date", "1971-10-25"}});
  ASSERT_EQ(china.meta["mode"], "votes");
  EXPECT_EQ(china.meta["rollcall"]["yes"], 76);
  EXPECT_EQ(china.meta["rollcall"]["no"], 35);
  EXPECT_EQ(china.meta["rollcall"]["abstain"], 17);
  v = votes(china);
  EXPECT_EQ(v.at("ALB"), "yes");
  EXPECT_EQ(v.at("USA"), "no");
  EXPECT_EQ(v.at("SUN"), "yes");
  // The three Ukraine resolutions of ES-11 in the record, by session.
  Table es11 = rostrum::query::run(ctx, "rollcall", {{"session", "ES-11"}});
  EXPECT_EQ(es11.meta["matches"], 3);
}

}  // namespace
