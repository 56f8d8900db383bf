// The 2025 layout of the wide scrape (ISO3 headers, YES/NO/ABSTAIN words, empty =
// did not vote, zero-padded counts, scraper columns that are never states) on
// small files the tests write, then on the shared 2025 file when it is present.
#include <gtest/gtest.h>

#include <set>
#include <tuple>

#include "core/error.hpp"
#include "io/import.hpp"
#include "io/io_helpers.hpp"
#include "registry/registry.hpp"
#include "support/test_support.hpp"

namespace rostrum::io {
namespace {

using rostrum::testing::TempDir;
using namespace rostrum::io::testing;

std::string iso(int country) { return std::string(registry::countries()[country].iso3); }

// 16 metadata columns as in the 2025 file, then six states. AND (Andorra) is a
// state whose code is also a word; `country` holds a state's code on some rows
// and must never be read as a vote.
const std::string kHeader =
    "Link,token,Scrape_Year,Title,Council,Resolution,country,subregion,continent,Date,YES COUNT,NO COUNT,"
    "ABSTAIN COUNT,NO-VOTE COUNT,TOTAL VOTES,tags,AND,CHN,PRK,RUS,UKR,USA\n";
constexpr int kFirstState = 16;  // 0-based field index of AND

struct Row {
  std::string title, council, symbol, country, date, y, n, a, x, total;
  std::vector<std::string> cells;  // 6 state cells
};

std::string line_of(const Row& r) {
  std::string s = "https://digitallibrary.un.org/record/1,1,2025,\"" + r.title + "\"," + r.council + "," + r.symbol +
                  "," + r.country + ",Eastern Europe,Europe," + r.date + "," + r.y + "," + r.n + "," + r.a + "," + r.x +
                  "," + r.total + ",\"POLITICAL AND LEGAL QUESTIONS, UKRAINE\"";
  for (const auto& c : r.cells) s += "," + c;
  return s + "\n";
}

// Column (1-based) of field `index` in line_of(r).
std::uint64_t column_of(const Row& r, int index) {
  std::string line = line_of(r);
  std::uint64_t col = 1;
  bool quoted = false;
  int field = 0;
  for (std::size_t i = 0; i < line.size() && field < index; ++i) {
    if (line[i] == '"')
      quoted = !quoted;
    else if (line[i] == ',' && !quoted) {
      ++field;
      col = i + 2;
    }
  }
  return col;
}

// The GA rows' TOTAL is 7: the six columns plus one member without a column.
std::vector<Row> sample() {
  return {
      // line 2: ES-11 on Ukraine; two members empty (non-voting) + one without a column
      {"Advancing a comprehensive, just and lasting peace in Ukraine : resolution / adopted by the General Assembly",
       "General Assembly",
       "A/RES/ES-11/7",
       "UA",
       "2025-02-24",
       "002",
       "002",
       "000",
       "003",
       "007",
       {"YES", "", "NO", "NO", "YES", ""}},
      // line 3: Security Council: only members have cells; the country column holds a code
      {"Security Council resolution 2774 (2025) [on the path to peace in Ukraine]",
       "Security Council",
       "S/RES/2774(2025)",
       "USA",
       "2025-02-24",
       "002",
       "000",
       "001",
       "000",
       "003",
       {"", "ABSTAIN", "", "YES", "", "YES"}},
      // line 4: a regular session, unpadded counts
      {"Situation of human rights in the Democratic People's Republic of Korea : resolution / adopted by the General "
       "Assembly",
       "General Assembly",
       "A/RES/80/150",
       "KP",
       "2025-12-15",
       "3",
       "1",
       "1",
       "2",
       "7",
       {"YES", "ABSTAIN", "NO", "", "YES", "YES"}},
  };
}

std::string file_of(const std::vector<Row>& rows, const std::string& header = kHeader) {
  std::string s = header;
  for (const auto& r : rows) s += line_of(r);
  return s;
}

TEST(ImportWide2025, SmallFile) {
  TempDir tmp;
  auto p = tmp.write("un_votes_2025.csv", file_of(sample()));
  EXPECT_EQ(detect_format(p), "wide");
  ImportBatch b = import_path(p, "");
  EXPECT_EQ(b.format, "wide");
  EXPECT_EQ(b.source_name, "un_votes_2025");
  ASSERT_EQ(b.rollcalls.size(), 3u);
  std::set<std::tuple<std::string, std::string, Vote>> got, want = {
                                                                // GA: an empty cell of a member is non-voting
                                                                {"A/RES/ES-11/7", "AND", Vote::Yes},
                                                                {"A/RES/ES-11/7", "CHN", Vote::NonVoting},
                                                                {"A/RES/ES-11/7", "PRK", Vote::No},
                                                                {"A/RES/ES-11/7", "RUS", Vote::No},
                                                                {"A/RES/ES-11/7", "UKR", Vote::Yes},
                                                                {"A/RES/ES-11/7", "USA", Vote::NonVoting},
                                                                // SC: empty cells are non-members, not stored
                                                                {"S/RES/2774(2025)", "CHN", Vote::Abstain},
                                                                {"S/RES/2774(2025)", "RUS", Vote::Yes},
                                                                {"S/RES/2774(2025)", "USA", Vote::Yes},
                                                                {"A/RES/80/150", "AND", Vote::Yes},
                                                                {"A/RES/80/150", "CHN", Vote::Abstain},
                                                                {"A/RES/80/150", "PRK", Vote::No},
                                                                {"A/RES/80/150", "RUS", Vote::NonVoting},
                                                                {"A/RES/80/150", "UKR", Vote::Yes},
                                                                {"A/RES/80/150", "USA", Vote::Yes},
                                                            };
  for (const auto& v : b.votes) got.emplace(b.rollcalls.at(v.rollcall).info.symbol, iso(v.country), v.vote);
  EXPECT_EQ(got, want);
  EXPECT_EQ(b.votes.size(), want.size());

  const auto& es = b.rollcalls[0];
  EXPECT_EQ(es.info.body, Body::GeneralAssembly);
  EXPECT_EQ(es.info.session, 0);
  EXPECT_EQ(es.info.session_label, "ES-11");
  EXPECT_EQ(es.info.date, make_date(2025, 2, 24));
  EXPECT_EQ(es.info.subjects, "");  // the scraper's tags are not UN subjects
  ASSERT_TRUE(es.totals.has_value());
  EXPECT_EQ(es.totals->yes, 2);  // "002"
  EXPECT_EQ(es.totals->nonvoting, 3);
  EXPECT_EQ(b.rollcalls[1].info.body, Body::SecurityCouncil);
  EXPECT_EQ(b.rollcalls[1].info.session_label, "2025");
  EXPECT_EQ(b.rollcalls[2].info.session, 80);

  // The scraper's columns are not states; the six codes are.
  for (const char* meta : {"country", "subregion", "continent", "tags", "Scrape_Year"})
    EXPECT_EQ(b.name_map.count(meta), 0u) << meta;
  EXPECT_EQ(b.name_map.size(), 6u);
  EXPECT_EQ(b.name_map.at("AND"), "AND");
  EXPECT_EQ(b.warnings.total(), 0);
  std::string notes;
  for (const auto& n : b.notes) notes += n + "\n";
  EXPECT_NE(notes.find("1 General Assembly members have no column (6 state columns)"), std::string::npos) << notes;
}

TEST(ImportWide2025, AHeaderThatIsNotAnAlpha3CodeIsNeverAState) {
  // "France" would resolve as a name, "RU" as an ISO2 code: in this layout neither
  // is a state column; their cells are reported, not stored.
  std::string header = kHeader;
  header.pop_back();
  header += ",France,RU\n";
  auto rows = sample();
  for (auto& r : rows) r.cells.insert(r.cells.end(), {"", ""});
  rows[1].cells[6] = "YES";
  TempDir tmp;
  ImportBatch b = import_wide(tmp.write("w.csv", file_of(rows, header)));
  for (const auto& v : b.votes) EXPECT_NE(iso(v.country), "FRA");
  EXPECT_EQ(b.name_map.at("France"), "");
  EXPECT_EQ(b.name_map.at("RU"), "");
  std::int64_t skipped = 0;
  for (const auto& [kind, e] : b.warnings.by_kind)
    if (kind.find("not an ISO 3166 alpha-3") != std::string::npos) skipped += e.count;
  EXPECT_EQ(skipped, 2);
}

TEST(ImportWide2025, UnknownWordIsAnError) {
  auto rows = sample();
  rows[2].cells[3] = "MAYBE";  // RUS on line 4
  TempDir tmp;
  auto p = tmp.write("w.csv", file_of(rows));
  auto e = input_error([&] { import_path(p, ""); });
  EXPECT_AT(e, "w.csv", 4, column_of(rows[2], kFirstState + 3));
  EXPECT_NE(std::string(e.what()).find("MAYBE"), std::string::npos) << e.what();
  // The 2022 letters are not words of this layout.
  rows = sample();
  rows[0].cells[0] = "Y";
  p = tmp.write("w.csv", file_of(rows));
  EXPECT_AT(input_error([&] { import_path(p, ""); }), "w.csv", 2, column_of(rows[0], kFirstState));
}

TEST(ImportWide2025, CountsThatDisagreeWithTheCellsAreAnError) {
  struct Case {
    int row, field;
    std::string Row::*count;
    std::string value;
  };
  // YES COUNT is field 10, NO 11, ABSTAIN 12, NO-VOTE 13, TOTAL 14 (0-based).
  const Case cases[] = {
      {0, 10, &Row::y, "003"},    // 2 YES cells
      {1, 11, &Row::n, "1"},      // no NO cell
      {2, 12, &Row::a, "0"},      // 1 ABSTAIN cell
      {0, 14, &Row::total, "8"},  // 2 + 2 + 0 + 3 = 7
  };
  for (const Case& c : cases) {
    auto rows = sample();
    rows[c.row].*c.count = c.value;
    TempDir tmp;
    auto p = tmp.write("w.csv", file_of(rows));
    auto e = input_error([&] { import_wide(p); });
    EXPECT_AT(e, "w.csv", c.row + 2, column_of(rows[c.row], c.field));
    EXPECT_NE(std::string(e.what()).find(rows[c.row].symbol), std::string::npos) << e.what();
  }
}

TEST(ImportWide2025, NoVoteCountMustImplyTheSameMissingMembersOnEveryGaRow) {
  auto rows = sample();
  // Line 4: 1 empty cell and NO-VOTE 3 would mean two members without a column,
  // where line 2 (2 empty, NO-VOTE 3) means one. TOTAL is raised to stay consistent.
  rows[2].x = "3";
  rows[2].total = "8";
  TempDir tmp;
  auto p = tmp.write("w.csv", file_of(rows));
  auto e = input_error([&] { import_wide(p); });
  EXPECT_AT(e, "w.csv", 4, column_of(rows[2], 13));
  EXPECT_NE(std::string(e.what()).find("NO-VOTE COUNT"), std::string::npos) << e.what();
  // Fewer non-voting members than empty cells is an error too.
  rows = sample();
  rows[0].x = "1";
  rows[0].total = "5";
  p = tmp.write("w.csv", file_of(rows));
  EXPECT_AT(input_error([&] { import_wide(p); }), "w.csv", 2, column_of(rows[0], 13));
  // In an SC row the non-voting member is among the empty cells: more is an error.
  rows = sample();
  rows[1].x = "4";
  rows[1].total = "7";
  p = tmp.write("w.csv", file_of(rows));
  EXPECT_AT(input_error([&] { import_wide(p); }), "w.csv", 3, column_of(rows[1], 13));
}

TEST(ImportWide2025, EmptyCountIsAnError) {
  auto rows = sample();
  rows[1].y = "";
  TempDir tmp;
  auto p = tmp.write("w.csv", file_of(rows));
  EXPECT_AT(input_error([&] { import_wide(p); }), "w.csv", 3, column_of(rows[1], 10));
}

TEST(ImportWide2025, SharedFile) {
  if (!rostrum::testing::has_shared_data()) GTEST_SKIP() << "no ../shared/data";
  const std::string path = rostrum::testing::shared_data("unga/undl-wide-2025/un_votes_2025.csv.gz");
  ImportBatch b = import_path(path, "");
  int ga = 0, sc = 0, es11 = 0;
  for (const auto& rc : b.rollcalls) {
    (rc.info.body == Body::SecurityCouncil ? sc : ga)++;
    es11 += rc.info.session_label == "ES-11";
    EXPECT_EQ(date_year(rc.info.date), 2025);
  }
  EXPECT_EQ(ga, 192);
  EXPECT_EQ(sc, 44);
  EXPECT_EQ(es11, 3);
  std::int64_t counts[5] = {0, 0, 0, 0, 0};
  for (const auto& v : b.votes) counts[static_cast<int>(v.vote)]++;
  // Cell counts of the file (data README): 29,994 YES, 1,656 NO, 2,382 ABSTAIN.
  EXPECT_EQ(counts[static_cast<int>(Vote::Yes)], 29994);
  EXPECT_EQ(counts[static_cast<int>(Vote::No)], 1656);
  EXPECT_EQ(counts[static_cast<int>(Vote::Abstain)], 2382);
  EXPECT_EQ(b.name_map.size(), 191u);
  EXPECT_EQ(b.warnings.total(), 0);
  std::string notes;
  for (const auto& n : b.notes) notes += n + "\n";
  EXPECT_NE(notes.find("2 General Assembly members have no column (191 state columns)"), std::string::npos) << notes;
}

}  // namespace
}  // namespace rostrum::io
