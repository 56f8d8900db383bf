// The stitched record on the shared files (unvotes 1946-2019, the 2022 scrape,
// the 2025 file): the contract of one continuous record -- every seat rule agrees
// with unvotes on the roll calls both sources hold, a resolution counts once, the
// China seat changes hands in October 1971, the record reaches 2025 and names its
// gaps, and ideal-point bridges cross from one source to the next.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <map>
#include <set>
#include <tuple>

#include "core/error.hpp"
#include "ideal/from_matrix.hpp"
#include "ideal/ideal.hpp"
#include "io/import.hpp"
#include "matrix/vote_matrix.hpp"
#include "query/query.hpp"
#include "registry/registry.hpp"
#include "registry/seats.hpp"
#include "store/record.hpp"
#include "store/store.hpp"
#include "support/test_support.hpp"

namespace rostrum {
namespace {

// The three shared sources imported into one store, once per test binary.
const std::string& record_store() {
  static testing::TempDir dir;
  static std::string path = [] {
    if (!testing::has_shared_data()) return std::string();
    std::string db = (dir.path() / "record.db").string();
    std::vector<io::ImportBatch> batches;
    for (const char* p :
         {"unga/unvotes-0.3.0", "unga/undl-wide-2022/un_data_wide.csv.gz", "unga/undl-wide-2025/un_votes_2025.csv.gz"})
      batches.push_back(io::import_path(testing::shared_data(p), ""));
    store::Store::open(db, true).write_sources(batches);
    return db;
  }();
  return path;
}

class Record : public ::testing::Test {
 protected:
  void SetUp() override {
    if (record_store().empty()) GTEST_SKIP() << "no ../shared/data";
  }
};

std::int64_t integer(const Cell& c) { return std::get<std::int64_t>(c); }

// Each seat rule against unvotes: on every roll call the 2022 scrape and unvotes
// both hold (a record match), the states of a rule's family that cast a vote are
// the same in both sources -- the scrape's CHINA column before 26 October 1971 is
// TWN as unvotes has it, its USSR column SUN as unvotes' "Russia" of those years
// now is, and so on. Data errors of either source are allowed for in 1% of the
// roll calls; every family must be tested on enough roll calls to mean something.
TEST_F(Record, EverySeatRuleAgreesWithUnvotesWhereBothSourcesHoldTheVote) {
  auto store = store::Store::open(record_store(), false, true);
  struct Family {
    std::set<std::string> states;
    int min_rollcalls;
  };
  const std::map<std::string, Family> families = {
      {"China seat", {{"CHN", "TWN"}, 3000}},
      {"Soviet seat", {{"SUN", "RUS"}, 3000}},
      {"Yugoslavia / Serbia and Montenegro / Serbia", {{"YUG", "SCG", "SRB"}, 3000}},
      {"Czechoslovakia", {{"CSK", "CZE", "SVK"}, 1500}},
      {"the two Germanys", {{"DDR", "DEU"}, 1500}},
      {"the two Yemens", {{"YAR", "YMD", "YEM"}, 3000}},
      {"Tanganyika / Zanzibar / Tanzania", {{"EAZ", "TZA"}, 3000}},
  };
  // (matched roll call, state) -> cast in the scrape / in unvotes.
  std::map<std::pair<std::int64_t, std::string>, std::pair<bool, bool>> cast;
  SQLite::Statement q(store.db(), R"SQL(
    SELECT m.record_id, c.iso3, s.format FROM record_matches m
    JOIN votes v ON v.rollcall_id IN (m.rollcall_id, m.record_id) AND v.vote BETWEEN 1 AND 3
    JOIN rollcalls r ON r.id = v.rollcall_id JOIN sources s ON s.id = r.source_id
    JOIN countries c ON c.id = v.country_id
    WHERE c.iso3 IN ('CHN','TWN','SUN','RUS','YUG','SCG','SRB','CSK','CZE','SVK','DDR','DEU','YAR','YMD','YEM','EAZ','TZA'))SQL");
  while (q.executeStep()) {
    auto& flags = cast[{q.getColumn(0).getInt64(), q.getColumn(1).getString()}];
    (q.getColumn(2).getString() == "unvotes" ? flags.second : flags.first) = true;
  }
  for (const auto& [name, family] : families) {
    std::map<std::int64_t, bool> agree_on;  // roll call -> the family's cast states agree
    for (const auto& [key, flags] : cast) {
      if (!family.states.count(key.second)) continue;
      auto [it, fresh] = agree_on.emplace(key.first, true);
      it->second = it->second && flags.first == flags.second;
    }
    std::int64_t same = 0;
    for (const auto& [rc, ok] : agree_on) same += ok;
    EXPECT_GE(static_cast<int>(agree_on.size()), family.min_rollcalls) << name;
    EXPECT_GE(static_cast<double>(same), 0.99 * static_cast<double>(agree_on.size()))
        << name << ": " << agree_on.size() - same << " of " << agree_on.size() << " roll calls disagree";
  }
}

TEST_F(Record, ChinaSeatChangesHandsOn25October1971) {
  query::Context ctx(record_store());
  auto m = ctx.matrix("", "ga");
  const int chn = m->country_index("CHN"), twn = m->country_index("TWN");
  ASSERT_GE(chn, 0);
  ASSERT_GE(twn, 0);
  int chn_before = 0, twn_after = 0, twn_votes = 0, chn_votes = 0;
  for (int r = 0; r < m->rollcalls(); ++r) {
    const Date d = m->rollcall(r).date;
    const bool chn_cast = m->vote(chn, r) != Vote::Missing, twn_cast = m->vote(twn, r) != Vote::Missing;
    chn_before += chn_cast && d < 19711025;
    twn_after += twn_cast && d > 19711025;
    twn_votes += twn_cast;
    chn_votes += chn_cast;
  }
  EXPECT_EQ(chn_before, 0);
  EXPECT_EQ(twn_after, 0);
  EXPECT_GT(twn_votes, 1000);
  EXPECT_GT(chn_votes, 4000);
  auto t = query::run(ctx, "agree", {{"a", "TWN"}, {"b", "USA"}, {"year", "1960"}});
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_GT(integer(t.rows[0][t.column("n")]), 20);
}

// agree CHN-RUS by year: rows for 1971 to 2021 (the 2022 scrape's last votes) and
// 2025, no other year with joint votes, none twice; RUS reaches back through the
// Soviet seat.
TEST_F(Record, ChinaRussiaByYearReaches2025) {
  query::Context ctx(record_store());
  auto t = query::run(ctx, "agree", {{"a", "CHN"}, {"b", "RUS"}, {"by", "year"}});
  std::set<int> years;
  std::multiset<std::string> periods;
  for (const auto& row : t.rows) {
    periods.insert(std::get<std::string>(row[t.column("period")]));
    if (integer(row[t.column("n")]) > 0) years.insert(std::stoi(std::get<std::string>(row[t.column("period")])));
  }
  for (const auto& p : periods) EXPECT_EQ(periods.count(p), 1u) << p;
  std::set<int> expected;
  for (int y = 1971; y <= 2021; ++y) expected.insert(y);
  expected.insert(2025);
  EXPECT_EQ(years, expected);
}

// A resolution in unvotes and in the 2022 scrape counts once. unvotes 0.3.0 lacks
// many votes of its last sessions (the 2018 vote on the Cuba embargo, A/RES/73/8,
// is not in it), which the scrape adds; so on sessions 70-74 the record's CHN-RUS
// joint votes are unvotes' plus exactly the non-unanimous roll calls the record
// takes from the scrape -- none of the scrape's duplicates of unvotes' votes.
TEST_F(Record, AResolutionInTwoSourcesCountsOnce) {
  query::Context ctx(record_store());
  auto record = query::run(ctx, "agree", {{"a", "CHN"}, {"b", "RUS"}, {"session", "70-74"}});
  auto unvotes =
      query::run(ctx, "agree", {{"a", "CHN"}, {"b", "RUS"}, {"session", "70-74"}, {"source", "unvotes-0.3.0"}});
  auto m = ctx.matrix("", "ga");
  const int chn = m->country_index("CHN"), rus = m->country_index("RUS");
  std::int64_t added = 0, from_scrape = 0;
  for (int r = 0; r < m->rollcalls(); ++r) {
    const auto& rc = m->rollcall(r);
    if (rc.source != "un_data_wide" || rc.session < 70 || rc.session > 74) continue;
    ++from_scrape;
    std::set<Vote> distinct;
    for (int c = 0; c < m->countries(); ++c)
      if (is_cast(m->vote(c, r))) distinct.insert(m->vote(c, r));
    added += distinct.size() > 1 && is_cast(m->vote(chn, r)) && is_cast(m->vote(rus, r));
  }
  EXPECT_GT(from_scrape, 20);
  EXPECT_LT(from_scrape, 60);  // of the scrape's ~500 roll calls of those sessions
  EXPECT_EQ(integer(record.rows.at(0)[record.column("n")]), integer(unvotes.rows.at(0)[unvotes.column("n")]) + added);
  // Where the two sources give one symbol to two record roll calls, they are two
  // different votes: under half of their common votes agree (a motion's vote
  // under the resolution's symbol, or a symbol error).
  std::map<std::string, std::vector<int>> by_key;
  for (int r = 0; r < m->rollcalls(); ++r)
    if (auto k = store::record::symbol_key(m->rollcall(r).symbol); !k.empty()) by_key[k].push_back(r);
  int pairs = 0;
  for (const auto& [key, rs] : by_key)
    for (int a : rs)
      for (int b : rs) {
        if (m->rollcall(a).source != "unvotes-0.3.0" || m->rollcall(b).source != "un_data_wide") continue;
        ++pairs;
        int same = 0, common = 0;
        for (int c = 0; c < m->countries(); ++c)
          if (is_cast(m->vote(c, a)) && is_cast(m->vote(c, b))) ++common, same += m->vote(c, a) == m->vote(c, b);
        EXPECT_LT(2 * same, common) << key;
      }
  EXPECT_LE(pairs, 5);
}

TEST_F(Record, InfoNamesTheRecordItsCoverageAndItsGaps) {
  query::Context ctx(record_store());
  auto t = query::run(ctx, "info", {});
  const auto& rec = t.meta.at("record");
  EXPECT_EQ(rec["ga"]["first_date"], "1946-01-01");
  EXPECT_EQ(rec["ga"]["last_date"], "2025-12-18");  // the 2025 file's last GA vote
  EXPECT_EQ(rec["sc"]["last_date"], "2025-12-29");
  // unvotes' 6,202 + the scrape's GA records not in unvotes + 192 of 2025.
  const auto ga = rec["ga"]["rollcalls"].get<std::int64_t>();
  EXPECT_GT(ga, 6202 + 182 + 192);
  EXPECT_LT(ga, 6202 + 5238 + 192 - 4000);  // most of the scrape's 5,238 matched
  EXPECT_EQ(rec["ga"]["sources"], (nlohmann::json{"unvotes-0.3.0", "un_votes_2025", "un_data_wide"}));
  std::set<std::pair<std::string, int>> gaps;
  for (const auto& g : rec["gaps"])
    gaps.insert({g["body"].get<std::string>(), g["from"].get<int>() * 10000 + g["to"].get<int>()});
  EXPECT_TRUE(gaps.count({"ga", 20222024})) << rec["gaps"].dump();
  EXPECT_TRUE(gaps.count({"sc", 20222024})) << rec["gaps"].dump();
  for (const auto& g : rec["gaps"])
    if (g["from"] == 2022) {
      EXPECT_NE(g["fill"].get<std::string>().find("rostrum data pull"), std::string::npos);
    }
  std::map<int, std::int64_t> ga_by_year;
  for (const auto& c : rec["coverage"]) ga_by_year[c["year"].get<int>()] = c["ga"].get<std::int64_t>();
  EXPECT_EQ(ga_by_year.at(2025), 192);
  EXPECT_EQ(ga_by_year.count(2023), 0u);
  ASSERT_TRUE(rec.contains("predicted_issues"));
  EXPECT_EQ(rec["predicted_issues"].size(), 6u);
}

// Issue codes after 2019 are predicted and marked; the model beats answering
// "no" on every code on the held-out decade.
TEST_F(Record, IssueCodesAfter2019ArePredictedAndScored) {
  query::Context ctx(record_store());
  auto m = ctx.matrix("", "ga");
  int predicted = 0, known = 0, hr_2025 = 0;
  for (int r = 0; r < m->rollcalls(); ++r) {
    const auto& rc = m->rollcall(r);
    if (rc.year() >= 2020) {
      EXPECT_TRUE(rc.issues_predicted) << rc.symbol;
      predicted += rc.issues_predicted;
      hr_2025 += rc.year() == 2025 && (rc.issues & kIssueHr);
    } else if (rc.source == "unvotes-0.3.0") {
      EXPECT_FALSE(rc.issues_predicted);
      ++known;
    }
  }
  EXPECT_GT(predicted, 300);
  EXPECT_EQ(known, 6202);
  EXPECT_GT(hr_2025, 10);  // the 2025 human-rights resolutions (Iran, DPRK, Myanmar, Syria, ...)
  auto scores = query::run(ctx, "record/issues", {});
  ASSERT_EQ(scores.rows.size(), 6u);
  for (const auto& row : scores.rows)
    EXPECT_GT(std::get<double>(row[scores.column("accuracy")]), std::get<double>(row[scores.column("always_no")]))
        << std::get<std::string>(row[0]);
}

// Conflicts are listed, not hidden: every listed one names a real disagreement.
TEST_F(Record, ConflictsAreListed) {
  query::Context ctx(record_store());
  auto t = query::run(ctx, "record/conflicts", {{"limit", "100000"}});
  EXPECT_GT(t.rows.size(), 100u);
  EXPECT_EQ(static_cast<std::int64_t>(t.rows.size()), t.meta["conflicts_in_record"].get<std::int64_t>());
  for (const auto& row : t.rows) {
    const auto kept = std::get<std::string>(row[t.column("kept_vote")]),
               other = std::get<std::string>(row[t.column("other_vote")]);
    EXPECT_NE(kept, other);
    EXPECT_FALSE((kept == "missing" && other == "nonvoting") || (kept == "nonvoting" && other == "missing"));
  }
}

// Ideal-point bridges reach the UN Library sources: items shared by a session of
// unvotes (to 74) and one of the scrape (75-76), and by 76 or before and 79-80.
TEST_F(Record, IdealPointBridgesCrossFromOneSourceToTheNext) {
  query::Context ctx(record_store());
  auto m = ctx.matrix("", "ga");
  auto d = ideal::apply_conventions(ideal::from_matrix(*m, {}));
  auto item = ideal::find_bridges(d);
  std::map<int, std::set<int>> sessions_of;
  for (std::size_t r = 0; r < item.size(); ++r)
    sessions_of[item[r]].insert(static_cast<int>(d.session_time[d.rollcalls[r].session]));
  int across_74 = 0, across_gap = 0;
  for (const auto& [k, s] : sessions_of) {
    across_74 += *s.begin() <= 74 && *s.rbegin() >= 75;
    across_gap += *s.begin() <= 76 && *s.rbegin() >= 79;
  }
  EXPECT_GE(across_74, 50);
  EXPECT_GE(across_gap, 30);
  // The axis keeps the gap: 76 then 79.
  std::vector<double> late;
  for (double t : d.session_time)
    if (t >= 75) late.push_back(t);
  EXPECT_EQ(late, (std::vector<double>{75, 76, 79, 80}));
}

// record conflicts through the catalogue, on a store the test writes: two sources
// hold one roll call (same symbol); USA and GBR vote differently in the second,
// FRA is non-voting there and missing in the first (no conflict).
TEST(RecordConflicts, ListsEachDisagreementWithItsSourcesAndFilters) {
  auto batch = [](std::string name, std::string format, std::string symbol,
                  const std::vector<std::pair<const char*, Vote>>& v) {
    io::ImportBatch b;
    b.source_name = std::move(name);
    b.format = std::move(format);
    io::ImportedRollCall rc;
    rc.info.key = "1";
    rc.info.session = 60;
    rc.info.session_label = "60";
    rc.info.date = 20051201;
    rc.info.symbol = std::move(symbol);
    rc.info.title = "t";
    b.rollcalls.push_back(rc);
    for (auto [iso3, vote] : v) b.votes.push_back({0, registry::index_of_iso3(iso3), vote});
    return b;
  };
  std::vector<std::pair<const char*, Vote>> first = {{"USA", Vote::No},  {"GBR", Vote::Abstain}, {"CHN", Vote::Yes},
                                                     {"RUS", Vote::Yes}, {"IND", Vote::Yes},     {"BRA", Vote::Yes},
                                                     {"ZAF", Vote::Yes}, {"EGY", Vote::Yes},     {"CUB", Vote::Yes},
                                                     {"MEX", Vote::Yes}, {"ARG", Vote::Yes},     {"NGA", Vote::Yes}};
  auto second = first;
  second[0].second = Vote::Yes;  // USA
  second[1].second = Vote::No;   // GBR
  second.push_back({"FRA", Vote::NonVoting});
  testing::TempDir dir;
  const std::string db = (dir.path() / "c.db").string();
  store::Store::open(db, true).write_sources(
      {batch("scrape", "wide", "A/RES/60/1", second), batch("uv", "unvotes", "R/60/1", first)});
  query::Context ctx(db);
  auto t = query::run(ctx, "record/conflicts", {});
  ASSERT_EQ(t.rows.size(), 2u);
  auto cell = [&](std::size_t row, const char* column) { return std::get<std::string>(t.rows[row][t.column(column)]); };
  EXPECT_EQ(cell(0, "country"), "GBR");
  EXPECT_EQ(cell(0, "kept_source"), "uv");
  EXPECT_EQ(cell(0, "kept_vote"), "abstain");
  EXPECT_EQ(cell(0, "other_source"), "scrape");
  EXPECT_EQ(cell(0, "other_symbol"), "A/RES/60/1");
  EXPECT_EQ(cell(0, "other_vote"), "no");
  EXPECT_EQ(cell(0, "matched_by"), "symbol");
  EXPECT_EQ(cell(1, "country"), "USA");
  EXPECT_EQ(cell(1, "date"), "2005-12-01");
  EXPECT_EQ(t.meta["conflicts_in_record"], 2);
  EXPECT_EQ(query::run(ctx, "record/conflicts", {{"country", "United States"}}).rows.size(), 1u);
  EXPECT_EQ(query::run(ctx, "record/conflicts", {{"from", "2006"}}).rows.size(), 0u);
  EXPECT_EQ(query::run(ctx, "record/conflicts", {{"body", "sc"}}).rows.size(), 0u);
  EXPECT_EQ(query::run(ctx, "record/conflicts", {{"source", "scrape"}}).rows.size(), 2u);
  EXPECT_EQ(query::run(ctx, "record/conflicts", {{"limit", "1"}}).rows.size(), 1u);
  EXPECT_THROW(query::run(ctx, "record/conflicts", {{"country", "Atlantis"}}), UsageError);
  // One roll call in the record, unvotes' votes standing.
  EXPECT_EQ(query::run(ctx, "info", {}).meta["record"]["ga"]["rollcalls"], 1);
}

}  // namespace
}  // namespace rostrum

// --- The query-ready snapshot of the real record ---

namespace rostrum {
namespace {

TEST_F(Record, SnapshotOfTheRecordIsTheMatrixOfItsRows) {
  auto store = store::Store::open(record_store(), false, true);
  for (const char* body : {"ga", "sc"}) {
    const auto record = store.resolve_source("", body);
    const Body b = std::string(body) == "sc" ? Body::SecurityCouncil : Body::GeneralAssembly;
    store::Store::MatrixOrigin origin{};
    const VoteMatrix snap = store.load_matrix(record.id, b, &origin);
    EXPECT_EQ(origin, store::Store::MatrixOrigin::snapshot) << body << ": the import writes it";
    const VoteMatrix rows = store.load_matrix_rows(record.id, b);
    ASSERT_EQ(snap.countries(), rows.countries()) << body;
    ASSERT_EQ(snap.rollcalls(), rows.rollcalls()) << body;
    EXPECT_EQ(snap.rollcalls(), record.rollcalls) << body;
    for (int c = 0; c < rows.countries(); ++c) EXPECT_EQ(snap.iso3(c), rows.iso3(c));
    EXPECT_EQ(snap.aliases(), rows.aliases()) << body;
    EXPECT_TRUE(snap.planes() == rows.planes()) << body;
    for (int r = 0; r < rows.rollcalls(); ++r) {
      const RollCallInfo &x = snap.rollcall(r), &y = rows.rollcall(r);
      ASSERT_TRUE(std::tie(x.id, x.key, x.body, x.session, x.session_label, x.date, x.symbol, x.title, x.description,
                           x.important, x.amendment, x.paragraph, x.issues, x.issues_predicted, x.subjects,
                           x.library_title,
                           x.source) == std::tie(y.id, y.key, y.body, y.session, y.session_label, y.date, y.symbol,
                                                 y.title, y.description, y.important, y.amendment, y.paragraph,
                                                 y.issues, y.issues_predicted, y.subjects, y.library_title, y.source))
          << body << " roll call " << r;
    }
  }
}

// The shells' path: a writable Context writes a missing snapshot on first use; a
// read-only one (the bindings' default) never does.
TEST(ContextSnapshot, WrittenOnFirstUseUnlessReadOnly) {
  testing::TempDir tmp;
  const std::string db = (tmp.path() / "s.db").string();
  io::ImportBatch b;
  b.source_name = "tiny";
  b.format = "voeten";
  for (int r = 0; r < 3; ++r) {
    io::ImportedRollCall rc;
    rc.info.key = std::to_string(r);
    rc.info.session = 40;
    rc.info.session_label = "40";
    rc.info.date = 19851201 + r;
    rc.info.symbol = "A/RES/40/" + std::to_string(r);
    b.rollcalls.push_back(rc);
    b.votes.push_back({r, registry::index_of_iso3("USA"), Vote::Yes});
    b.votes.push_back({r, registry::index_of_iso3("FRA"), r ? Vote::No : Vote::Yes});
  }
  std::int64_t record_id = 0;
  {
    auto s = store::Store::open(db, true);
    s.write_source(b);
    record_id = s.resolve_source("", "ga").id;
  }
  auto clear = [&] { store::Store::open(db, false).db().exec("DELETE FROM matrix_snapshots"); };
  auto state = [&] { return store::Store::open(db, false, true).snapshot_state(record_id, Body::GeneralAssembly); };

  clear();
  {
    query::Context ctx(db);
    ctx.set_read_only(true);
    EXPECT_EQ(ctx.matrix("", "ga")->rollcalls(), 3);
  }
  EXPECT_EQ(state(), store::Store::SnapshotState::missing);
  {
    query::Context ctx(db);
    const auto m = ctx.matrix("", "ga");
    EXPECT_EQ(m->rollcalls(), 3);
    EXPECT_EQ(m->vote(m->country_index("FRA"), 2), Vote::No);
  }
  // The snapshot is in the database file, the write-ahead log gone: the Context
  // closed its reader before its writer, which (closing last) copied the log.
  // Left in the log, the next process would read the image from it page by page.
  std::error_code ec;
  const auto wal_size = std::filesystem::file_size(db + "-wal", ec);
  EXPECT_TRUE(ec || wal_size == 0) << wal_size << " bytes left in the write-ahead log";
  EXPECT_EQ(state(), store::Store::SnapshotState::current);
}

}  // namespace
}  // namespace rostrum
