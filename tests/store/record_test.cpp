// The stitched record: symbol and title keys, the three matching stages, the
// precedence, conflicts, and the record in a store (dates, titles, predicted
// issue codes, re-stitching when a source is re-imported).
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <set>

#include "core/error.hpp"
#include "registry/registry.hpp"
#include "store/record.hpp"
#include "store/store.hpp"
#include "support/test_support.hpp"

namespace rostrum::store {
namespace {

using record::Item;
using record::Source;
using rostrum::testing::TempDir;

TEST(SymbolKey, OneKeyForEverySpellingOfAResolution) {
  using record::symbol_key;
  EXPECT_EQ(symbol_key("A/RES/2758(XXVI)"), "26/2758");
  EXPECT_EQ(symbol_key("R/26/2758"), "26/2758");
  EXPECT_EQ(symbol_key("A/RES/2792(XXVI)[E]"), "26/2792E");
  EXPECT_EQ(symbol_key("R/26/2792E"), "26/2792E");
  EXPECT_EQ(symbol_key("A/RES/34/93R"), "34/93R");
  EXPECT_EQ(symbol_key("R/34/93R"), "34/93R");
  EXPECT_EQ(symbol_key("A/RES/50/38[B-XI]"), "50/38B/XI");
  EXPECT_EQ(symbol_key("R/50/38B/XI"), "50/38B/XI");
  EXPECT_EQ(symbol_key("A/RES/80/84 A"), "80/84A");
  EXPECT_EQ(symbol_key("A/RES/74/007"), "74/7");
  EXPECT_EQ(symbol_key("A/RES/ES-11/1"), "ES-11/1");
  EXPECT_EQ(symbol_key("A/RES/S-26/2"), "S-26/2");
  EXPECT_EQ(symbol_key("A/DEC/80/506"), "DEC/80/506");
  EXPECT_EQ(symbol_key("S/RES/2334(2016)"), "S/2334");
  EXPECT_EQ(symbol_key("s/res/2334 (2016)"), "S/2334");
  for (const char* none : {"", "MISSING_DATA", "A/73/L.42", "R/10 65x", "A/RES/1006(ES-II)", "R/26/"})
    EXPECT_EQ(symbol_key(none), "") << none;
}

TEST(TitleKey, LettersOnlyWithoutTheLibrarySuffix) {
  using record::title_key;
  EXPECT_EQ(title_key("Question of Palestine : resolution / adopted by the General Assembly"), "question of palestine");
  EXPECT_EQ(title_key("Situation of human rights in Myanmar"), "situation of human rights in myanmar");
  EXPECT_EQ(title_key("Cuba, embargo"), "");  // under 12 letters: too common to identify a resolution
}

TEST(Precedence, RankThenNewestImport) {
  EXPECT_EQ(record::order_sources({"wide", "unvotes", "undl", "wide"}), (std::vector<std::size_t>{1, 2, 3, 0}));
  EXPECT_EQ(record::order_sources({"voeten", "unvotes"}), (std::vector<std::size_t>{1, 0}));
  EXPECT_TRUE(record::has_exact_dates("wide"));
  EXPECT_FALSE(record::has_exact_dates("unvotes"));
  EXPECT_TRUE(record::has_issue_codes("voeten"));
}

// An item with votes: `pattern` gives one character per country index 0..n-1:
// y, a, n, x (non-voting) or '.' (missing).
Item item(std::int64_t id, Date date, std::string symbol, const std::string& pattern, std::string title = "") {
  Item it;
  it.id = id;
  it.date = date;
  it.symbol = std::move(symbol);
  it.title = std::move(title);
  it.yes.assign(1, 0), it.abstain.assign(1, 0), it.no.assign(1, 0), it.nonvoting.assign(1, 0);
  for (std::size_t c = 0; c < pattern.size(); ++c) {
    const std::uint64_t bit = std::uint64_t{1} << c;
    switch (pattern[c]) {
      case 'y':
        it.yes[0] |= bit;
        break;
      case 'a':
        it.abstain[0] |= bit;
        break;
      case 'n':
        it.no[0] |= bit;
        break;
      case 'x':
        it.nonvoting[0] |= bit;
        break;
      default:
        break;
    }
  }
  return it;
}

const std::string kTwelve = "yyyyyynnnaay";  // 12 states, a split vote

std::map<std::int64_t, std::int64_t> matches_of(const record::Result& r) {
  std::map<std::int64_t, std::int64_t> out;
  for (const auto& m : r.matches) out[m.rollcall] = m.record;
  return out;
}

TEST(Stitch, SymbolMatchCountsOnceAndListsConflicts) {
  // unvotes: R/26/2758 with 12 votes; the scrape: the same vote, but state 0 is
  // "n" there, state 1 is non-voting (vs yes: a conflict), state 11 is missing in
  // unvotes and non-voting in the scrape (no conflict: unvotes drops absences).
  Source unvotes{"unvotes", {item(1, 19711025, "R/26/2758", "yyyyyynnnaa.")}};
  Source scrape{"wide",
                {item(2, 19711025, "A/RES/2758(XXVI)", "nxyyyynnnaax"), item(3, 19800101, "A/RES/35/1", kTwelve)}};
  auto r = record::stitch({unvotes, scrape});
  EXPECT_EQ(r.record, (std::vector<std::int64_t>{1, 3}));
  ASSERT_EQ(r.matches.size(), 1u);
  EXPECT_EQ(r.matches[0].rollcall, 2);
  EXPECT_EQ(r.matches[0].record, 1);
  EXPECT_EQ(r.matches[0].method, "symbol");
  EXPECT_DOUBLE_EQ(r.matches[0].agreement, 9.0 / 10);  // 10 cast in both, state 0 differs
  ASSERT_EQ(r.conflicts.size(), 2u);
  EXPECT_EQ(r.conflicts[0].country, 0);
  EXPECT_EQ(r.conflicts[0].kept, Vote::Yes);
  EXPECT_EQ(r.conflicts[0].other_vote, Vote::No);
  EXPECT_EQ(r.conflicts[1].country, 1);
  EXPECT_EQ(r.conflicts[1].other_vote, Vote::NonVoting);
}

TEST(Stitch, FinalVoteBeforeAmendmentVotesOfOneSymbol) {
  Item amendment = item(1, 19801201, "R/35/10", kTwelve);
  amendment.amendment = true;
  Item final_vote = item(2, 19801201, "R/35/10", kTwelve);
  Source unvotes{"unvotes", {amendment, final_vote}};
  Source scrape{"wide", {item(3, 19801205, "A/RES/35/10", kTwelve)}};
  auto r = record::stitch({unvotes, scrape});
  EXPECT_EQ(matches_of(r).at(3), 2);
  EXPECT_EQ(r.record.size(), 2u);
}

TEST(Stitch, SymbolMatchRejectedWhenTheVotesDisagree) {
  // Same symbol, but 10 of 12 common votes differ: a symbol error, not one vote.
  Source a{"unvotes", {item(1, 19801201, "R/35/10", "yyyyyyyyyyyy")}};
  Source b{"wide", {item(2, 19801201, "A/RES/35/10", "nnnnnnnnnnyy")}};
  auto r = record::stitch({a, b});
  EXPECT_TRUE(r.matches.empty());
  EXPECT_EQ(r.record.size(), 2u);
}

TEST(Stitch, DateAndTitleWhenNoSymbolMatches) {
  const std::string title = "Situation of human rights in Myanmar : resolution / adopted by the General Assembly";
  Source bulk{"undl", {item(1, 20201216, "A/RES/75/238", kTwelve, title)}};
  Source scrape{"wide",
                {item(2, 20201216, "MISSING_DATA", "yyyyyynnnaax", "Situation of human rights in Myanmar"),
                 item(3, 20201217, "MISSING_DATA", kTwelve, "Situation of human rights in Myanmar")}};
  auto r = record::stitch({bulk, scrape});
  ASSERT_EQ(r.matches.size(), 1u);
  EXPECT_EQ(r.matches[0].rollcall, 2);
  EXPECT_EQ(r.matches[0].method, "date+title");
  // Item 3 has another date: not date+title; by votes it would match item 1, but
  // item 1 is taken by item 2 (one roll call of a source per record roll call).
  EXPECT_EQ(r.record, (std::vector<std::int64_t>{1, 3}));
}

TEST(Stitch, VotesWithinFortyFiveDays) {
  // unvotes' dates are off by up to a month and its early symbols are other
  // documents' numbers: the same 12 votes 20 days apart match; 60 days apart not.
  Source unvotes{"unvotes", {item(1, 19611202, "R/16/1138", kTwelve), item(2, 19611001, "R/16/1000", "nnnnnnyyyaay")}};
  Source scrape{"wide",
                {item(3, 19611220, "A/RES/1723(XVI)", kTwelve), item(4, 19611201, "A/RES/1700(XVI)", "nnnnnnyyyaay")}};
  auto r = record::stitch({unvotes, scrape});
  auto m = matches_of(r);
  EXPECT_EQ(m.at(3), 1);
  EXPECT_EQ(m.count(4), 0u);  // 61 days from item 2
  for (const auto& x : r.matches) EXPECT_EQ(x.method, "votes");
  EXPECT_EQ(r.record, (std::vector<std::int64_t>{1, 2, 4}));
}

TEST(Stitch, VotesNeedNinetyPercentAgreementAndTenInCommon) {
  // 2 of 12 differ: 83% agreement, under 90%.
  Source a{"unvotes", {item(1, 19700101, "", "yyyyyyyyyyyy")}};
  Source b{"wide", {item(2, 19700110, "", "nnyyyyyyyyyy")}};
  EXPECT_TRUE(record::stitch({a, b}).matches.empty());
  // 1 of 12 differs: 92%.
  Source c{"wide", {item(3, 19700110, "", "nyyyyyyyyyyy")}};
  EXPECT_EQ(record::stitch({a, c}).matches.size(), 1u);
  // Nine states in common: too few to tell two votes apart.
  Source d{"unvotes", {item(4, 19700101, "", "yyyyyyyyy")}};
  Source e{"wide", {item(5, 19700101, "", "yyyyyyyyy")}};
  EXPECT_TRUE(record::stitch({d, e}).matches.empty());
}

TEST(Stitch, BestPairsFirstAndOneToOne) {
  // Two scrape records and two unvotes roll calls; record 10 agrees fully with
  // item 2, 11/12 with item 1. Greedy by agreement gives 10->2, then 11->1.
  Source unvotes{"unvotes", {item(1, 19700101, "", "yyyyyynnnaay"), item(2, 19700101, "", "yyyyyynnnaan")}};
  Source scrape{"wide", {item(10, 19700105, "", "yyyyyynnnaan"), item(11, 19700105, "", "yyyyyynnnaay")}};
  auto m = matches_of(record::stitch({unvotes, scrape}));
  EXPECT_EQ(m.at(10), 2);
  EXPECT_EQ(m.at(11), 1);
}

TEST(Stitch, SourcesNeverMatchThemselvesAndAddUnmatched) {
  Source a{"wide", {item(1, 20250101, "A/RES/79/1", kTwelve), item(2, 20250101, "A/RES/79/1", kTwelve)}};
  auto r = record::stitch({a});
  EXPECT_TRUE(r.matches.empty());
  EXPECT_EQ(r.record, (std::vector<std::int64_t>{1, 2}));
}

TEST(Stitch, WithoutVotesOnlySymbolOrTitleMatch) {
  Source a{"undl", {item(1, 20030101, "A/RES/58/1", "")}};
  Source b{"wide", {item(2, 20030101, "A/RES/58/1", ""), item(3, 20030101, "", "")}};
  auto r = record::stitch({a, b});
  EXPECT_EQ(matches_of(r).at(2), 1);
  EXPECT_EQ(r.matches[0].agreement, -1);
  EXPECT_EQ(r.record, (std::vector<std::int64_t>{1, 3}));
}

// ---- the record in a store -------------------------------------------------

int country(const char* iso3) { return registry::index_of_iso3(iso3); }

io::ImportedRollCall rc(const std::string& key, Date date, const std::string& symbol, const std::string& title,
                        std::uint8_t issues = 0, Body body = Body::GeneralAssembly) {
  io::ImportedRollCall r;
  r.info.key = key;
  r.info.body = body;
  r.info.date = date;
  r.info.session = date_year(date) - 1945;
  r.info.session_label =
      body == Body::SecurityCouncil ? std::to_string(date_year(date)) : std::to_string(r.info.session);
  r.info.symbol = symbol;
  r.info.title = title;
  r.info.issues = issues;
  return r;
}

const char* kStates[] = {"USA", "GBR", "FRA", "CHN", "RUS", "IND", "BRA", "ZAF", "CUB", "EGY", "IRN", "ISR"};

void add_votes(io::ImportBatch& b, int rollcall, const std::string& pattern) {
  for (std::size_t c = 0; c < pattern.size(); ++c) {
    Vote v = pattern[c] == 'y'   ? Vote::Yes
             : pattern[c] == 'n' ? Vote::No
             : pattern[c] == 'a' ? Vote::Abstain
                                 : Vote::Missing;
    if (v != Vote::Missing) b.votes.push_back({rollcall, country(kStates[c]), v});
  }
}

// unvotes-like: 2015 and 2016 roll calls with issue codes; the scrape: the 2016
// one again (other date, library title, one vote different) and one of 2020.
io::ImportBatch unvotes_like() {
  io::ImportBatch b;
  b.source_name = "uv";
  b.format = "unvotes";
  b.rollcalls = {rc("1", 20151201, "R/70/1", "PALESTINE", kIssueMe),
                 rc("2", 20161201, "R/71/5", "NUCLEAR TESTS", kIssueNu)};
  add_votes(b, 0, kTwelve);
  add_votes(b, 1, "yyyyyynnnaay");
  return b;
}
io::ImportBatch scrape_like() {
  io::ImportBatch b;
  b.source_name = "scrape";
  b.format = "wide";
  b.rollcalls = {
      rc("t1", 20161205, "A/RES/71/5",
         "Comprehensive Nuclear-Test-Ban Treaty : resolution / adopted by the General Assembly"),
      rc("t2", 20201207, "A/RES/75/1",
         "Comprehensive Nuclear-Test-Ban Treaty : resolution / adopted by the General Assembly"),
      rc("s1", 20201210, "S/RES/2550(2020)", "Security Council resolution 2550 (2020)", 0, Body::SecurityCouncil)};
  add_votes(b, 0, "nyyyyynnnaay");
  add_votes(b, 1, kTwelve);
  add_votes(b, 2, "yyyyy");
  return b;
}

std::int64_t count(Store& s, const std::string& sql) { return s.db().execAndGet(sql).getInt64(); }

TEST(StoreRecord, StitchedAfterEveryImportWithDatesTitlesAndConflicts) {
  TempDir tmp;
  Store s = Store::open((tmp.path() / "r.db").string(), true);
  s.write_source(scrape_like());  // imported first, ranked second
  s.write_source(unvotes_like());
  auto ga = s.resolve_source("", "ga");
  EXPECT_EQ(ga.rollcalls, 3);  // 2015, 2016 (once), 2020
  EXPECT_EQ(ga.first_date, "2015-12-01");
  EXPECT_EQ(ga.last_date, "2020-12-07");
  EXPECT_EQ(ga.yes, 7 + 7 + 7);
  EXPECT_EQ(s.resolve_source("", "sc").rollcalls, 1);
  VoteMatrix m = s.load_matrix(ga.id, Body::GeneralAssembly);
  ASSERT_EQ(m.rollcalls(), 3);
  // The 2016 roll call: unvotes' votes (USA yes), the Library's date and title.
  const RollCallInfo& r2016 = m.rollcall(1);
  EXPECT_EQ(r2016.source, "uv");
  EXPECT_EQ(r2016.date, 20161205);
  EXPECT_EQ(r2016.library_title.substr(0, 16), "Comprehensive Nu");
  EXPECT_EQ(r2016.issues, kIssueNu);
  EXPECT_FALSE(r2016.issues_predicted);
  EXPECT_EQ(m.vote(m.country_index("USA"), 1), Vote::Yes);
  EXPECT_EQ(m.rollcall(2).source, "scrape");
  // One conflict: the USA, yes in unvotes, no in the scrape.
  auto conflicts = s.conflicts({});
  ASSERT_EQ(conflicts.size(), 1u);
  EXPECT_EQ(conflicts[0].country, "USA");
  EXPECT_EQ(conflicts[0].kept_source, "uv");
  EXPECT_EQ(conflicts[0].other_source, "scrape");
  EXPECT_EQ(conflicts[0].kept, Vote::Yes);
  EXPECT_EQ(conflicts[0].other, Vote::No);
  EXPECT_EQ(conflicts[0].method, "symbol");
  EXPECT_EQ(conflicts[0].date, "2016-12-05");
  ConflictFilter only_gbr;
  only_gbr.country = "GBR";
  EXPECT_TRUE(s.conflicts(only_gbr).empty());
  ConflictFilter in_2015;
  in_2015.from = 20150101;
  in_2015.to = 20151231;
  EXPECT_TRUE(s.conflicts(in_2015).empty());
  // Coverage by year and body.
  std::map<std::pair<int, std::string>, std::int64_t> cov;
  for (const auto& c : s.record_coverage()) cov[{c.year, c.body}] = c.rollcalls;
  EXPECT_EQ(cov.at({2016, "ga"}), 1);
  EXPECT_EQ(cov.at({2020, "sc"}), 1);
  EXPECT_EQ(cov.count({2017, "ga"}), 0u);
  // The sources stay as imported.
  EXPECT_EQ(s.resolve_source("scrape", "ga").rollcalls, 2);
  EXPECT_EQ(s.resolve_source("uv", "ga").rollcalls, 2);

  // Re-importing the scrape without its 2020 record re-stitches: the record loses it.
  auto smaller = scrape_like();
  smaller.rollcalls.resize(1);
  std::erase_if(smaller.votes, [](const io::ImportedVote& v) { return v.rollcall > 0; });
  s.write_source(smaller);
  EXPECT_EQ(s.resolve_source("", "ga").rollcalls, 2);
  EXPECT_THROW(s.resolve_source("", "sc"), UsageError);
  EXPECT_EQ(count(s, "SELECT count(*) FROM record_conflicts"), 1);
}

TEST(StoreRecord, RunsOnAnEarlierRecordAreNotCurrent) {
  TempDir tmp;
  Store s = Store::open((tmp.path() / "r.db").string(), true);
  s.write_source(unvotes_like());
  const auto rec = s.resolve_source("", "ga");
  s.save_ideal_run(rec.id, {{"x", 1}}, {}, {});
  EXPECT_TRUE(s.latest_run("ideal", rec.id).has_value());
  s.write_source(scrape_like());
  EXPECT_EQ(s.resolve_source("", "ga").id, rec.id);  // the same row, a new version
  EXPECT_FALSE(s.latest_run("ideal", rec.id).has_value());
}

// Issue codes: a source with codes for 1990-2019 teaches the classifier; the
// scrape's 2020 roll calls get predicted codes, marked as such.
TEST(StoreRecord, PredictedIssueCodesAreMarked) {
  io::ImportBatch uv;
  uv.source_name = "uv";
  uv.format = "unvotes";
  io::ImportBatch scrape;
  scrape.source_name = "scrape";
  scrape.format = "wide";
  int k = 0;
  for (int year = 1990; year <= 2019; ++year)
    for (int i = 0; i < 12; ++i, ++k) {
      const bool hr = i % 3 == 0;
      const std::string title = hr ? "Situation of human rights in region " + std::to_string(i)
                                   : "Cooperation and development in region " + std::to_string(i);
      uv.rollcalls.push_back(rc(std::to_string(k), make_date(year, 11, 1 + i), "", title, hr ? kIssueHr : kIssueEc));
      add_votes(uv, k, i % 2 ? kTwelve : "nnnyyyyyyaay");
    }
  scrape.rollcalls = {rc("a", 20201201, "A/RES/75/1", "Situation of human rights in the Syrian Arab Republic"),
                      rc("b", 20201202, "A/RES/75/2", "Cooperation and development in Africa")};
  add_votes(scrape, 0, "yyyyyynnnnnn");
  add_votes(scrape, 1, "yyyyyyyyyyyy");
  TempDir tmp;
  Store s = Store::open((tmp.path() / "r.db").string(), true);
  s.write_sources({uv, scrape});
  VoteMatrix m = s.load_matrix(s.resolve_source("", "ga").id, Body::GeneralAssembly);
  const RollCallInfo& a = m.rollcall(m.rollcalls() - 2);
  const RollCallInfo& b = m.rollcall(m.rollcalls() - 1);
  EXPECT_EQ(a.symbol, "A/RES/75/1");
  EXPECT_TRUE(a.issues_predicted);
  EXPECT_EQ(a.issues, kIssueHr);
  EXPECT_TRUE(b.issues_predicted);
  EXPECT_EQ(b.issues, kIssueEc);
  EXPECT_FALSE(m.rollcall(0).issues_predicted);
  // Scored on the last ten years' titles (no Library titles here: no score).
  EXPECT_TRUE(s.issue_model_scores().empty());
  // The store says so too.
  EXPECT_EQ(count(s, "SELECT count(*) FROM record_rollcalls WHERE issues_predicted = 1"), 2);
}

}  // namespace
}  // namespace rostrum::store
