// Veto files: seats mapped by date, subjects of a draft, errors at line and
// column, co-veto counts by hand, merging of overlapping files, and vetoed drafts
// joined to a Security Council matrix.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <fstream>
#include <sstream>

#include "core/error.hpp"
#include "registry/data_helpers.hpp"
#include "store/store.hpp"
#include "support/test_support.hpp"
#include "vetoes/seats.hpp"
#include "vetoes/vetoes.hpp"

namespace rostrum::vetoes {
namespace {

using rostrum::testing::TempDir;

const char* kHeader =
    "year,date,month,draft,meeting_record,agenda_item,crisis_topic,region,member_veto1,member_veto2,member_veto3,"
    "single_veto,multiple_vetoes,China,France,Russia,USSR,USA,UK,russia_china\n";

std::string row(const std::string& year, const std::string& date, const std::string& draft, const std::string& topic,
                const std::string& m1, const std::string& m2 = "", const std::string& flags = ",,,,,,,,") {
  return year + "," + date + ",1," + draft + ",S/PV.1,Agenda of " + draft + "," + topic + ",Somewhere," + m1 + "," +
         m2 + ",," + flags + "\n";
}

template <typename Fn>
InputError input_error(Fn&& fn) {
  try {
    fn();
  } catch (const InputError& e) {
    return e;
  }
  ADD_FAILURE() << "no InputError";
  return InputError("", 0, 0, "none");
}

TEST(Seats, HoldersByDate) {
  EXPECT_EQ(seat_holder(Seat::china, make_date(1971, 10, 25)), "TWN");
  EXPECT_EQ(seat_holder(Seat::china, make_date(1971, 10, 26)), "CHN");
  EXPECT_EQ(seat_holder(Seat::russia, make_date(1991, 12, 23)),
            "SUN");  // the seat rules: Russia from its letter of 24 December
  EXPECT_EQ(seat_holder(Seat::russia, make_date(1991, 12, 24)), "RUS");
  EXPECT_EQ(seat_holder(Seat::usa, make_date(1950, 1, 1)), "USA");
  EXPECT_EQ(seat_holder(Seat::uk, make_date(1940, 1, 1)), "");
  EXPECT_EQ(un_holder("CHN", make_date(1960, 1, 1)), "TWN");  // a record's "China" in 1960 is the ROC's seat
  EXPECT_EQ(un_holder("RUS", make_date(1980, 1, 1)), "SUN");
  EXPECT_EQ(un_holder("YUG", make_date(2001, 1, 1)), "SCG");
  EXPECT_EQ(un_holder("PRK", make_date(2001, 1, 1)), "PRK");
  auto china = un_labels_for("CHN");
  EXPECT_EQ(std::vector<std::string>(china.begin(), china.end()), (std::vector<std::string>{"CHN", "TWN"}));
  EXPECT_EQ(permanent_seat("TWN"), Seat::china);
  EXPECT_EQ(permanent_seat("PRK"), Seat::none);
}

TEST(ImportVetoes, MapsSeatsByDateAndFindsWhatADraftConcerns) {
  TempDir dir;
  std::string path =
      dir.write("v.csv", std::string(kHeader) + row("1950", "9/6/1950", "S/1653", "Korean War", "USSR") +
                             row("1955", "12/13/1955", "S/3502", "Admission", "China") +
                             row("1960", "9/17/1960", "S/4523", "Congo", "USSR") +
                             row("1972", "8/25/1972", "S/10771", "Admission", "China", "", ",,1,0,0,0,0,0,0") +
                             row("1992", "1/10/1992", "S/X", "Cyprus", "USSR") +
                             row("2012", "2012-02-04", "S/2012/77", "Syria", "Russia", "China", ",,1,0,1,0,0,0,1") +
                             row("2018", "6/1/2018", "S/2018/516", "Israel-Palestine", "USA", "", ",,0,0,0,0,0,0,0"));
  VetoBatch b = import_vetoes(path);
  EXPECT_EQ(b.source_name, "v");
  ASSERT_EQ(b.vetoes.size(), 7u);
  const auto& v = b.vetoes;
  EXPECT_EQ(v[0].vetoers, std::vector<std::string>{"SUN"});
  EXPECT_EQ(v[0].date, make_date(1950, 9, 6));
  EXPECT_TRUE(v[0].subjects.empty());  // "Korean War" names no state
  EXPECT_EQ(v[0].subject_basis, "none");
  EXPECT_EQ(v[1].vetoers, std::vector<std::string>{"TWN"});   // the China seat in 1955
  EXPECT_EQ(v[2].subjects, std::vector<std::string>{"COD"});  // the 1960 Congo crisis
  EXPECT_EQ(v[3].vetoers, std::vector<std::string>{"CHN"});
  EXPECT_EQ(v[4].vetoers, std::vector<std::string>{"RUS"});  // a "USSR" label after 1991 is Russia's seat
  EXPECT_EQ(v[4].labels, std::vector<std::string>{"USSR"});
  EXPECT_EQ(v[5].vetoers, (std::vector<std::string>{"CHN", "RUS"}));
  EXPECT_EQ(v[5].labels, (std::vector<std::string>{"China", "Russia"}));  // labels stay beside their states
  EXPECT_EQ(v[5].subjects, std::vector<std::string>{"SYR"});
  EXPECT_EQ(v[5].subject_basis, "topic");
  EXPECT_EQ(v[6].subjects, (std::vector<std::string>{"ISR", "PSE"}));
  // Row 7's indicator says USA = 0 although USA vetoed: reported, the member columns win.
  ASSERT_EQ(b.warnings.by_kind.size(), 1u);
  EXPECT_EQ(b.warnings.by_kind.begin()->second.count, 1);
  EXPECT_NE(b.warnings.by_kind.begin()->second.examples[0].find("line 8 USA"), std::string::npos);
}

TEST(ImportVetoes, TargetColumnNamesTheSubjects) {
  TempDir dir;
  std::string path = dir.write("t.csv",
                               "date,draft,agenda_item,member_veto1,member_veto2,target\n"
                               "2024-03-22,S/2024/239,Middle East,Russia,China,ISR;PSE\n"
                               "2024-04-24,S/2024/302,Non-proliferation,Russia,,\n");
  VetoBatch b = import_vetoes(path, "later");
  EXPECT_EQ(b.source_name, "later");
  EXPECT_EQ(b.vetoes[0].subjects, (std::vector<std::string>{"ISR", "PSE"}));
  EXPECT_EQ(b.vetoes[0].subject_basis, "target column");
  EXPECT_EQ(b.vetoes[1].subject_basis, "none");
}

TEST(ImportVetoes, MalformedRowsNameLineAndColumn) {
  TempDir dir;
  auto bad = [&](const std::string& body) {
    return input_error([&] { import_vetoes(dir.write("bad.csv", std::string(kHeader) + body)); });
  };
  auto e = bad(row("2012", "2/31/2012", "S/1", "Syria", "Russia"));
  EXPECT_EQ(e.line(), 2u);
  EXPECT_EQ(e.column(), 6u);
  e = bad(row("2012", "2/4/2012", "S/1", "Syria", "Russia") + row("2012", "2/4/2012", "S/2", "Syria", "Germany"));
  EXPECT_EQ(e.line(), 3u);
  EXPECT_NE(std::string(e.what()).find("Germany"), std::string::npos);
  e = bad(row("2012", "2/4/2012", "S/1", "Syria", "Russia", "USSR"));
  EXPECT_NE(std::string(e.what()).find("twice"), std::string::npos);
  e = bad(row("2011", "2/4/2012", "S/1", "Syria", "Russia"));
  EXPECT_EQ(e.column(), 1u);
  EXPECT_NE(std::string(e.what()).find("does not match"), std::string::npos);
  e = bad(row("2012", "2/4/2012", "", "Syria", "Russia"));
  EXPECT_NE(std::string(e.what()).find("draft"), std::string::npos);
  e = bad(row("2012", "2/4/2012", "S/1", "Syria", ""));
  EXPECT_NE(std::string(e.what()).find("no vetoing member"), std::string::npos);
  e = bad(row("2012", "2/4/2012", "S/1", "Syria", "Russia", "", ",,1,0,2,0,0,0,1"));
  EXPECT_NE(std::string(e.what()).find("0 or 1"), std::string::npos);
  e = input_error([&] { import_vetoes(dir.write("h.csv", "date,draft,agenda_item\n2012-01-01,S/1,x\n")); });
  EXPECT_EQ(e.line(), 1u);
  EXPECT_NE(std::string(e.what()).find("member_veto"), std::string::npos);
}

std::vector<Veto> sample() {
  auto veto = [](Date d, std::vector<std::string> who) {
    Veto v;
    v.date = d;
    v.draft = "S/" + std::to_string(d);
    v.vetoers = std::move(who);
    v.labels = v.vetoers;
    return v;
  };
  return {veto(make_date(1976, 10, 19), {"FRA", "GBR", "USA"}), veto(make_date(2011, 10, 4), {"CHN", "RUS"}),
          veto(make_date(2012, 2, 4), {"CHN", "RUS"}), veto(make_date(2014, 3, 15), {"RUS"}),
          veto(make_date(2022, 5, 26), {"CHN", "RUS"})};
}

TEST(Covetoes, CountedByPairAndPeriodByHand) {
  auto vetoes = sample();
  Table all = covetoes_by_pair(vetoes, {});
  EXPECT_EQ(all.columns, (std::vector<std::string>{"a", "b", "period", "covetoes"}));
  ASSERT_EQ(all.rows.size(), 4u);
  // Sorted by period, then pair: CHN-RUS 3; FRA-GBR, FRA-USA, GBR-USA 1 each.
  EXPECT_EQ(std::get<std::string>(all.rows[0][0]), "CHN");
  EXPECT_EQ(std::get<std::string>(all.rows[0][1]), "RUS");
  EXPECT_EQ(std::get<std::string>(all.rows[0][2]), "1976-2022");
  EXPECT_EQ(std::get<std::int64_t>(all.rows[0][3]), 3);
  EXPECT_EQ(std::get<std::int64_t>(all.rows[1][3]), 1);

  Table since = covetoes_by_pair(vetoes, {PeriodKind::all, 2012, 0});
  ASSERT_EQ(since.rows.size(), 1u);
  EXPECT_EQ(std::get<std::string>(since.rows[0][2]), "2012-2022");
  EXPECT_EQ(std::get<std::int64_t>(since.rows[0][3]), 2);

  Table decades = covetoes_by_pair(vetoes, {PeriodKind::decade, 0, 0});
  ASSERT_EQ(decades.rows.size(), 5u);
  EXPECT_EQ(std::get<std::string>(decades.rows[0][2]), "1976-1979");  // clipped to the data
  EXPECT_EQ(std::get<std::string>(decades.rows[3][2]), "2010-2019");
  EXPECT_EQ(std::get<std::int64_t>(decades.rows[3][3]), 2);
  EXPECT_EQ(std::get<std::string>(decades.rows[4][2]), "2020-2022");

  Table members = vetoes_by_member(vetoes, {});
  // CHN 3 (all with others), FRA 1, GBR 1, RUS 4 (1 alone), USA 1.
  ASSERT_EQ(members.rows.size(), 5u);
  EXPECT_EQ(std::get<std::string>(members.rows[3][0]), "RUS");
  EXPECT_EQ(std::get<std::int64_t>(members.rows[3][2]), 4);
  EXPECT_EQ(std::get<std::int64_t>(members.rows[3][3]), 1);
  EXPECT_EQ(std::get<std::int64_t>(members.rows[3][4]), 3);
  EXPECT_THROW(covetoes_by_pair(vetoes, {PeriodKind::all, 2020, 2010}), UsageError);
  EXPECT_THROW(parse_period("month"), UsageError);
}

TEST(StoreVetoes, OverlappingFilesCountEachVetoOnce) {
  TempDir dir;
  auto store = store::Store::open((dir.path() / "s.db").string(), true);
  EXPECT_FALSE(has_vetoes(store));
  EXPECT_THROW(load_vetoes(store), UsageError);
  const std::string base = std::string(kHeader) + row("1946", "6/26/1946", "S/PV.49", "Spain", "USSR") +
                           row("1946", "6/26/1946", "S/PV.49", "Spain", "USSR") +  // two vetoes at one meeting
                           row("2012", "2/4/2012", "S/2012/77", "Syria", "Russia", "China");
  // A copy extended with a later veto, and with a different account of one draft.
  const std::string extended = base + row("2022", "5/26/2022", "S/2022/431", "North Korea", "China", "Russia");
  const std::string disagree = std::string(kHeader) + row("2012", "2/4/2012", "S/2012/77", "Syria", "Russia");
  auto batches =
      std::vector<VetoBatch>{import_vetoes(dir.write("base.csv", base)), import_vetoes(dir.write("ext.csv", extended))};
  write_vetoes(store, batches);
  auto vetoes = load_vetoes(store);
  ASSERT_EQ(vetoes.size(), 4u);  // 2 + 1 + 1, not 2 + 1 + 2 + 1 + 1
  EXPECT_EQ(vetoes.back().draft, "S/2022/431");
  EXPECT_EQ(vetoes.back().vetoers, (std::vector<std::string>{"CHN", "RUS"}));
  EXPECT_EQ(vetoes.back().subjects, std::vector<std::string>{"PRK"});
  // Re-import replaces by name.
  auto r = write_vetoes(store, {import_vetoes(dir.write("base.csv", base))});
  EXPECT_TRUE(r[0].replaced);
  EXPECT_EQ(load_vetoes(store).size(), 4u);
  EXPECT_EQ(store.db().execAndGet("SELECT count(*) FROM vetoes").getInt64(), 3 + 4);
  EXPECT_EQ(store.db().execAndGet("SELECT count(*) FROM veto_members WHERE label = 'USSR' AND iso3 = 'SUN'").getInt64(),
            4);
  write_vetoes(store, {import_vetoes(dir.write("other.csv", disagree))});
  std::vector<std::string> conflicts;
  EXPECT_EQ(load_vetoes(store, &conflicts).size(), 5u);
  ASSERT_EQ(conflicts.size(), 1u);
  EXPECT_NE(conflicts[0].find("S/2012/77"), std::string::npos);
  EXPECT_NE(conflicts[0].find("CHN;RUS"), std::string::npos);
}

TEST(WithVetoedDrafts, FailedRollCallsWithOnlyTheVetoersKnown) {
  VoteMatrix sc;
  const int usa = sc.add_country("USA"), rus = sc.add_country("RUS"), fra = sc.add_country("FRA");
  RollCallInfo a;
  a.id = 10;
  a.body = Body::SecurityCouncil;
  a.date = make_date(2012, 1, 1);
  RollCallInfo b = a;
  b.id = 11;
  b.date = make_date(2012, 3, 1);
  sc.add_rollcall(a);
  sc.add_rollcall(b);
  sc.set_vote(usa, 0, Vote::Yes);
  sc.set_vote(rus, 0, Vote::Yes);
  sc.set_vote(fra, 1, Vote::Abstain);
  sc.finish();
  auto vetoes = sample();
  VoteMatrix m = with_vetoed_drafts(sc, {vetoes[2]});  // 2012-02-04: CHN and RUS
  ASSERT_EQ(m.rollcalls(), 3);
  ASSERT_EQ(m.countries(), 4);  // CHN added
  // Sorted by date: the veto falls between the two roll calls.
  EXPECT_EQ(m.rollcall(1).key, "veto:S/20120204");
  EXPECT_LT(m.rollcall(1).id, 0);
  EXPECT_EQ(m.vote(m.country_index("RUS"), 1), Vote::No);
  EXPECT_EQ(m.vote(m.country_index("CHN"), 1), Vote::No);
  EXPECT_EQ(m.vote(m.country_index("USA"), 1), Vote::Missing);  // never made up
  EXPECT_EQ(m.vote(m.country_index("FRA"), 1), Vote::Missing);
  EXPECT_EQ(m.vote(m.country_index("USA"), 0), Vote::Yes);
  EXPECT_EQ(m.vote(m.country_index("FRA"), 2), Vote::Abstain);
  EXPECT_EQ(m.vote(m.country_index("CHN"), 0), Vote::Missing);
}

// The real file: 214 vetoes; China-Russia co-vetoes since 2007 as the source's
// own russia_china column counts them.
TEST(VetoesData, RealFileMatchesItsOwnIndicators) {
  if (!rostrum::testing::has_shared_data()) GTEST_SKIP() << "no ../shared/data";
  const std::string path = rostrum::testing::shared_data("unsc/unsc_vetoes_1946_sept2022.csv");
  VetoBatch b = import_vetoes(path);
  ASSERT_EQ(b.vetoes.size(), 214u);
  // Independent count from the raw file: the russia_china column for years >= 2007.
  auto rows = rostrum::testing::parse_csv(rostrum::testing::read_maybe_gz(path));
  ASSERT_EQ(rows.size(), 215u);
  const auto c_year = rostrum::testing::column(rows[0], "year"),
             c_rc = rostrum::testing::column(rows[0], "russia_china");
  int source_count = 0;
  for (std::size_t i = 1; i < rows.size(); ++i)
    if (std::stoi(rows[i][c_year]) >= 2007 && rows[i][c_rc] == "1") ++source_count;
  EXPECT_EQ(source_count, 14);
  Table t = covetoes_by_pair(b.vetoes, {PeriodKind::all, 2007, 0});
  std::int64_t chn_rus = -1;
  for (const auto& r : t.rows)
    if (std::get<std::string>(r[0]) == "CHN" && std::get<std::string>(r[1]) == "RUS")
      chn_rus = std::get<std::int64_t>(r[3]);
  EXPECT_EQ(chn_rus, source_count);
  // Every USSR label is before 1991-12-25, every Russia label after: no relabelling needed.
  for (const auto& v : b.vetoes)
    for (std::size_t k = 0; k < v.labels.size(); ++k) {
      if (v.labels[k] == "USSR") {
        EXPECT_EQ(v.vetoers[k], "SUN");
      }
      if (v.labels[k] == "Russia") {
        EXPECT_EQ(v.vetoers[k], "RUS");
      }
      if (v.labels[k] == "China") {
        EXPECT_EQ(v.vetoers[k], "CHN");  // the file has no ROC veto
      }
    }
  Table members = vetoes_by_member(b.vetoes, {});
  std::map<std::string, std::int64_t> by;
  for (const auto& r : members.rows) by[std::get<std::string>(r[0])] = std::get<std::int64_t>(r[2]);
  EXPECT_EQ(by["SUN"], 90);
  EXPECT_EQ(by["RUS"], 31);
  EXPECT_EQ(by["CHN"], 17);
  EXPECT_EQ(by["USA"], 82);  // 60 + 9 + 13 across the three member columns
}

}  // namespace
}  // namespace rostrum::vetoes
