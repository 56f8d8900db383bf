// Typed columns for the language bindings (query/columns.hpp): kinds from the
// spec or the cells, nulls, a column changing kind when a cell does not fit,
// dates, sorted levels; and run_columns giving the cells run() gives, for a
// streaming analysis (agree) and a Table one (info), on a small store.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

#include "core/error.hpp"
#include "io/import.hpp"
#include "query/bindings.hpp"
#include "query/catalogue.hpp"
#include "query/columns.hpp"
#include "store/store.hpp"
#include "support/test_support.hpp"

namespace {

using rostrum::Cell;
using rostrum::Table;
namespace query = rostrum::query;
using query::ColumnKind;

query::Columns build(const std::vector<std::string>& names, std::vector<std::vector<Cell>> rows,
                     const query::AnalysisSpec* spec = nullptr) {
  Table t;
  t.columns = names;
  t.rows = std::move(rows);
  return query::to_columns(std::move(t), spec);
}

TEST(Columns, KindsFromTheCellsWhenNoSpecSaysThem) {
  auto c =
      build({"i", "x", "s"}, {{std::int64_t{3}, 0.5, std::string("b")}, {std::int64_t{-1}, 2.0, std::string("a")}});
  ASSERT_EQ(c.rows, 2u);
  ASSERT_EQ(c.columns.size(), 3u);
  EXPECT_EQ(c.columns[0].kind, ColumnKind::integer);
  EXPECT_EQ(c.columns[0].integers, (std::vector<std::int64_t>{3, -1}));
  EXPECT_TRUE(c.columns[0].missing.empty());
  EXPECT_EQ(c.columns[1].kind, ColumnKind::number);
  EXPECT_EQ(c.columns[1].numbers, (std::vector<double>{0.5, 2.0}));
  // Levels sorted, codes pointing at them.
  EXPECT_EQ(c.columns[2].kind, ColumnKind::text);
  EXPECT_EQ(c.columns[2].levels, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(c.columns[2].codes, (std::vector<std::int32_t>{1, 0}));
}

TEST(Columns, NullsInEachKind) {
  const Cell null;
  auto c = build({"i", "x", "s", "late"}, {{null, null, null, null},
                                           {std::int64_t{7}, 1.5, std::string("z"), null},
                                           {null, std::numeric_limits<double>::quiet_NaN(), null, std::int64_t{4}}});
  // Integer: the first cell is null before the kind is known; the mask marks it.
  EXPECT_EQ(c.columns[0].kind, ColumnKind::integer);
  EXPECT_EQ(c.columns[0].missing, (std::vector<std::uint8_t>{1, 0, 1}));
  EXPECT_EQ(c.columns[0].integers[1], 7);
  EXPECT_TRUE(std::isnan(c.columns[1].numbers[0]));
  EXPECT_EQ(c.columns[1].numbers[1], 1.5);
  EXPECT_TRUE(std::isnan(c.columns[1].numbers[2]));
  EXPECT_EQ(c.columns[2].codes, (std::vector<std::int32_t>{-1, 0, -1}));
  EXPECT_EQ(c.columns[3].kind, ColumnKind::integer);
  EXPECT_EQ(c.columns[3].missing, (std::vector<std::uint8_t>{1, 1, 0}));
  EXPECT_EQ(c.columns[3].integers[2], 4);
}

TEST(Columns, AFractionInAnIntegerColumnMakesItNumbers) {
  auto c = build({"v"}, {{std::int64_t{2}}, {Cell{}}, {0.25}});
  ASSERT_EQ(c.columns[0].kind, ColumnKind::number);
  EXPECT_EQ(c.columns[0].numbers[0], 2.0);
  EXPECT_TRUE(std::isnan(c.columns[0].numbers[1]));
  EXPECT_EQ(c.columns[0].numbers[2], 0.25);
}

TEST(Columns, TextInANumberColumnMakesItTextWrittenAsTheCsvWritesNumbers) {
  auto c = build({"v"}, {{0.1}, {std::int64_t{12}}, {std::string("n/a")}, {Cell{}}});
  ASSERT_EQ(c.columns[0].kind, ColumnKind::text);
  std::vector<std::string> values;
  for (auto code : c.columns[0].codes) values.push_back(code < 0 ? "<null>" : c.columns[0].levels[code]);
  // 0.1 shortest round-trip, not 0.10000000000000001; 12 stays 12.
  EXPECT_EQ(values, (std::vector<std::string>{"0.1", "12", "n/a", "<null>"}));
}

TEST(Columns, DateColumnsWhenTheSpecSaysSoAndEveryValueIsADate) {
  query::AnalysisSpec spec;
  spec.name = "dates";
  spec.columns = {{"first_date", query::ColumnType::text, "first (YYYY-MM-DD)"},
                  {"when", query::ColumnType::text, "a date, YYYY-MM-DD"},
                  {"last_date", query::ColumnType::text, "last"},
                  {"label", query::ColumnType::text, "not a date"}};
  EXPECT_TRUE(query::is_date_column(spec.columns[0]));
  EXPECT_TRUE(query::is_date_column(spec.columns[1]));
  EXPECT_TRUE(query::is_date_column(spec.columns[2]));
  EXPECT_FALSE(query::is_date_column(spec.columns[3]));
  auto c =
      build({"first_date", "when", "last_date", "label"},
            {{std::string("1970-01-02"), std::string("2019-12-31"), std::string("1946"), std::string("1970-01-01")},
             {Cell{}, std::string("1969-12-31"), std::string("1947-01-01"), std::string("x")}},
            &spec);
  ASSERT_EQ(c.columns[0].kind, ColumnKind::date);
  EXPECT_EQ(c.columns[0].integers[0], 1);  // days since 1970-01-01
  EXPECT_EQ(c.columns[0].missing, (std::vector<std::uint8_t>{0, 1}));
  ASSERT_EQ(c.columns[1].kind, ColumnKind::date);
  // 2019-12-31: 49 years of 365 days plus 12 leap days (1972 ... 2016) plus 364.
  EXPECT_EQ(c.columns[1].integers[0], 49 * 365 + 12 + 364);
  EXPECT_EQ(c.columns[1].integers[1], -1);
  // "1946" is a year, not a YYYY-MM-DD date: the column stays text.
  EXPECT_EQ(c.columns[2].kind, ColumnKind::text);
  EXPECT_EQ(c.columns[3].kind, ColumnKind::text);
}

TEST(Columns, TheSpecsKindWinsOverTheFirstCell) {
  query::AnalysisSpec spec;
  spec.name = "typed";
  spec.columns = {{"x", query::ColumnType::number, "a number"}, {"n", query::ColumnType::integer, "a count"}};
  auto c = build({"x", "n"}, {{std::int64_t{3}, Cell{}}, {0.5, std::int64_t{9}}}, &spec);
  ASSERT_EQ(c.columns[0].kind, ColumnKind::number);
  EXPECT_EQ(c.columns[0].numbers, (std::vector<double>{3.0, 0.5}));
  ASSERT_EQ(c.columns[1].kind, ColumnKind::integer);
  EXPECT_EQ(c.columns[1].missing, (std::vector<std::uint8_t>{1, 0}));
}

TEST(Columns, ARowOfTheWrongWidthIsAProgrammingError) {
  query::ColumnsBuilder b;
  b.set_columns({"a", "b"});
  std::vector<Cell> row{std::int64_t{1}};
  EXPECT_THROW(b.add_row(row), std::logic_error);
}

// Three states, three roll calls in two sessions (see catalogue_test.cpp for the
// same layout): rc1 s1 USA yes GBR yes RUS no; rc2 s1 USA yes GBR abstain RUS no;
// rc3 s2 USA no GBR no RUS yes.
class ColumnsStore : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new rostrum::testing::TempDir();
    dir_->write("src/un_votes.csv",
                "rcid,country,country_code,vote\n"
                "1,United States,US,yes\n1,United Kingdom,GB,yes\n1,Russia,RU,no\n"
                "2,United States,US,yes\n2,United Kingdom,GB,abstain\n2,Russia,RU,no\n"
                "3,United States,US,no\n3,United Kingdom,GB,no\n3,Russia,RU,yes\n");
    dir_->write("src/un_roll_calls.csv",
                "rcid,session,importantvote,date,unres,amend,para,short,descr\n"
                "1,1,0,1946-01-10,R/1/1,0,0,first,first\n"
                "2,1,0,1946-02-10,R/1/2,0,0,second,second\n"
                "3,2,1,1947-01-10,R/2/1,0,0,third,third\n");
    dir_->write("src/un_roll_call_issues.csv", "rcid,short_name,issue\n1,hr,Human rights\n");
    db_ = new std::string((dir_->path() / "small.db").string());
    auto batch = rostrum::io::import_path((dir_->path() / "src").string(), "unvotes", "small");
    rostrum::store::Store::open(*db_, true).write_source(batch);
  }
  static void TearDownTestSuite() {
    delete db_;
    delete dir_;
  }
  static rostrum::testing::TempDir* dir_;
  static std::string* db_;
};
rostrum::testing::TempDir* ColumnsStore::dir_ = nullptr;
std::string* ColumnsStore::db_ = nullptr;

// Every cell of run() equals the same row of run_columns(), bit for bit.
void expect_same(const Table& t, const query::Columns& c) {
  ASSERT_EQ(c.rows, t.rows.size());
  ASSERT_EQ(c.columns.size(), t.columns.size());
  for (std::size_t j = 0; j < t.columns.size(); ++j) {
    const auto& col = c.columns[j];
    EXPECT_EQ(col.name, t.columns[j]);
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
      const Cell& cell = t.rows[i][j];
      switch (col.kind) {
        case ColumnKind::integer:
          ASSERT_TRUE(std::holds_alternative<std::int64_t>(cell)) << col.name;
          EXPECT_EQ(col.integers[i], std::get<std::int64_t>(cell));
          break;
        case ColumnKind::number: {
          ASSERT_TRUE(std::holds_alternative<double>(cell)) << col.name;
          const double v = std::get<double>(cell);
          // Bit-identical, NaN included.
          EXPECT_EQ(std::bit_cast<std::uint64_t>(col.numbers[i]), std::bit_cast<std::uint64_t>(v))
              << col.name << " row " << i;
          break;
        }
        case ColumnKind::text:
          ASSERT_TRUE(std::holds_alternative<std::string>(cell)) << col.name;
          EXPECT_EQ(col.levels[col.codes[i]], std::get<std::string>(cell));
          break;
        case ColumnKind::date:
          break;  // checked by the caller
      }
    }
  }
}

TEST_F(ColumnsStore, StreamedAgreeGivesTheCellsOfRun) {
  query::Context ctx(*db_);
  for (const query::Params& p : {query::Params{{"a", "all"}, {"b", "all"}, {"by", "session"}},
                                 query::Params{{"a", "USA"}, {"b", "GBR,RUS"}, {"ci", "0.9"}, {"boot", "200"}},
                                 query::Params{{"a", "USA"}, {"b", "RUS"}, {"measure", "kappa"}}}) {
    Table t = query::run(ctx, "agree", p);
    query::Columns c = query::run_columns(ctx, "agree", p);
    ASSERT_FALSE(t.rows.empty());
    expect_same(t, c);
    EXPECT_EQ(c.meta, t.meta);
    EXPECT_EQ(c.columns[0].kind, ColumnKind::text);
    EXPECT_EQ(c.columns[5].kind, ColumnKind::integer);
  }
  // By session, all pairs: USA-GBR agree in s1 (1 + 0.5)/2 over two joint votes.
  query::Columns c = query::run_columns(ctx, "agree", {{"a", "all"}, {"b", "all"}, {"by", "session"}});
  const auto& a = c.columns[0];
  const auto& b = c.columns[1];
  bool found = false;  // the pair, in whichever order all x all lists it
  for (std::size_t i = 0; i < c.rows; ++i)
    if (a.levels[a.codes[i]] != b.levels[b.codes[i]] &&
        (a.levels[a.codes[i]] == "GBR" || a.levels[a.codes[i]] == "USA") &&
        (b.levels[b.codes[i]] == "GBR" || b.levels[b.codes[i]] == "USA") &&
        c.columns[2].levels[c.columns[2].codes[i]] == "1") {
      found = true;
      EXPECT_EQ(c.columns[4].numbers[i], 0.75);
      EXPECT_EQ(c.columns[5].integers[i], 2);
    }
  EXPECT_TRUE(found);
}

TEST_F(ColumnsStore, AnEmptyStreamedAnswerStillSaysWhy) {
  query::Context ctx(*db_);
  query::Columns c = query::run_columns(ctx, "agree", {{"a", "USA"}, {"b", "RUS"}, {"year", "1990"}});
  EXPECT_EQ(c.rows, 0u);
  EXPECT_EQ(c.columns.size(), 6u);
  ASSERT_TRUE(c.meta.contains("reason"));
  EXPECT_FALSE(c.meta["reason"].get<std::string>().empty());
}

TEST_F(ColumnsStore, InfoDatesBecomeDates) {
  query::Context ctx(*db_);
  Table t = query::run(ctx, "info", {});
  query::Columns c = query::run_columns(ctx, "info", {});
  ASSERT_EQ(c.rows, 1u);
  const int first = t.column("first_date");
  ASSERT_GE(first, 0);
  EXPECT_EQ(std::get<std::string>(t.rows[0][first]), "1946-01-10");
  ASSERT_EQ(c.columns[first].kind, ColumnKind::date);
  EXPECT_EQ(c.columns[first].integers[0], -(24 * 365 + 6) + 9);  // 1946-01-10: 24 years (6 leap) before 1970, day 10
}

TEST_F(ColumnsStore, BindingsOpenReadOnlyAndRefuseToWrite) {
  EXPECT_THROW(query::open_store((dir_->path() / "absent.db").string(), false, ""), rostrum::StoreError);
  auto ctx = query::open_store(*db_, false, "");
  EXPECT_TRUE(ctx->read_only());
  EXPECT_THROW(query::import_paths(*ctx, std::vector<std::string>{(dir_->path() / "src").string()}, "", ""),
               rostrum::UsageError);
  try {
    query::run_for_bindings(*ctx, "ideal", {});
    ADD_FAILURE() << "ideal ran on a read-only store";
  } catch (const rostrum::UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("read-only"), std::string::npos) << e.what();
  }
  // A writable store may not exist yet: the import creates it.
  const std::string fresh = (dir_->path() / "fresh.db").string();
  auto w = query::open_store(fresh, true, "");
  Table t = query::import_paths(*w, {(dir_->path() / "src").string()}, "unvotes", "again");
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(std::get<std::string>(t.rows[0][0]), "again");
  EXPECT_EQ(std::get<std::int64_t>(t.rows[0][3]), 3);  // roll calls
  EXPECT_EQ(std::get<std::int64_t>(t.rows[0][5]), 4);  // yes votes
  EXPECT_EQ(std::get<std::int64_t>(t.rows[0][6]), 4);  // no votes
  EXPECT_EQ(std::get<std::int64_t>(t.rows[0][7]), 1);  // abstentions
}

}  // namespace
