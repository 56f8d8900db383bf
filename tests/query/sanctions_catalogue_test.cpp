// The sanctions entries of the catalogue through query::run, on a small store the
// test writes: parameters as the CLI and the API pass them (text), typed answers,
// errors naming the parameter, and the contract keys of the JSON answers.
#include <gtest/gtest.h>

#include "core/error.hpp"
#include "query/catalogue.hpp"
#include "query/query.hpp"
#include "sanctions/sanctions_helpers.hpp"
#include "sanctions/store.hpp"
#include "store/store.hpp"
#include "support/test_support.hpp"

namespace {

using rostrum::Date;
using rostrum::make_date;
using rostrum::Table;
using rostrum::query::Params;
namespace query = rostrum::query;
namespace sanctions = rostrum::sanctions;
using namespace rostrum::sanctions::testing;

// The US and the EU list the same bank (the US 4 days earlier) and the same
// vessel (the EU 10 days earlier); only the US lists a person.
class SanctionsStore : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new rostrum::testing::TempDir();
    db_ = new std::string((dir_->path() / "s.db").string());
    auto us = make_list("us", "US", make_date(2024, 5, 3),
                        {{"1",
                          sanctions::EntryType::organisation,
                          {"ALFA BANK"},
                          {"RUSSIA-EO14024"},
                          {},
                          {listed(make_date(2022, 2, 24), make_date(2022, 2, 23))}},
                         {"2",
                          sanctions::EntryType::vessel,
                          {"NS CREATION"},
                          {"RUSSIA-EO14024"},
                          {id("imo", "9312896")},
                          {listed(make_date(2024, 2, 24), make_date(2024, 2, 23))}},
                         {"3",
                          sanctions::EntryType::person,
                          {"PETROV, Petr"},
                          {"RUSSIA-EO14024"},
                          {},
                          {listed(make_date(2023, 1, 10), make_date(2023, 1, 9))}}});
    auto eu = make_list("eu", "EU", make_date(2024, 6, 1),
                        {{"32014R0269:I.ENTITIES/1",
                          sanctions::EntryType::organisation,
                          {"Alfa Bank"},
                          {"EU-RUS"},
                          {},
                          {listed(make_date(2022, 2, 28), make_date(2022, 2, 28))}},
                         {"32014R0833:XLII/26",
                          sanctions::EntryType::vessel,
                          {"Krasnoyarsk"},
                          {"EU-RUS"},
                          {id("imo", "9312896")},
                          {listed(make_date(2024, 2, 14), make_date(2024, 2, 14))}}});
    auto s = rostrum::store::Store::open(*db_, true);
    sanctions::write_lists(s, {us, eu});
  }
  static void TearDownTestSuite() {
    delete db_;
    delete dir_;
  }
  Table run(const std::string& name, const Params& p) {
    query::Context ctx(*db_);
    return query::run(ctx, name, p);
  }
  static rostrum::testing::TempDir* dir_;
  static std::string* db_;
};

rostrum::testing::TempDir* SanctionsStore::dir_ = nullptr;
std::string* SanctionsStore::db_ = nullptr;

TEST_F(SanctionsStore, EveryAnalysisIsInTheCatalogue) {
  for (const char* name : {"sanctions/lists", "sanctions/match", "sanctions/coverage", "sanctions/lag",
                           "sanctions/gaps", "sanctions/counter", "sanctions/entity"}) {
    const auto* spec = query::find_analysis(name);
    ASSERT_NE(spec, nullptr) << name;
    EXPECT_EQ(spec->kind, "sanctions");
    EXPECT_EQ(spec->path(), std::string("/api/") + name);
  }
}

TEST_F(SanctionsStore, MatchThroughTheQueryLayer) {
  Table t = run("sanctions/match", {{"issuers", "us,EU"}});
  ASSERT_EQ(t.rows.size(), 2u);
  // The renamed vessel by its IMO number: 0.9 + 0.1 x name similarity 0.
  const auto& vessel = t.rows[1];
  EXPECT_EQ(std::get<std::string>(vessel[1]), "2");
  EXPECT_EQ(std::get<std::string>(vessel[4]), "32014R0833:XLII/26");
  EXPECT_DOUBLE_EQ(std::get<double>(vessel[6]), 0.9);
  Table strict = run("sanctions/match", {{"issuers", "US,EU"}, {"min-score", "0.95"}});
  EXPECT_EQ(strict.rows.size(), 1u);
}

TEST_F(SanctionsStore, LagContractKeys) {
  Table t = run("sanctions/lag", {{"a", "US"}, {"b", "EU"}, {"target", "Russia"}});
  nlohmann::json j = rostrum::to_json(t);
  // Bank: +4 days (US first); vessel: -10 days (EU first); median -3.
  EXPECT_EQ(j["pairs"], 2);
  EXPECT_EQ(j["a_first"], 1);
  EXPECT_EQ(j["b_first"], 1);
  EXPECT_EQ(j["same_day"], 0);
  EXPECT_DOUBLE_EQ(j["median_days"].get<double>(), -3.0);
}

TEST_F(SanctionsStore, ListsAndEntityJson) {
  nlohmann::json lists = rostrum::to_json(run("sanctions/lists", {}));
  ASSERT_EQ(lists["lists"].size(), 2u);
  EXPECT_EQ(lists["lists"][1]["issuer"], "US");
  EXPECT_EQ(lists["lists"][1]["entries"], 3);
  nlohmann::json entity = rostrum::to_json(run("sanctions/entity", {{"name", "krasnoyarsk"}}));
  ASSERT_EQ(entity["entries"].size(), 2u);
  EXPECT_EQ(entity["entries"][1]["match"]["evidence"].get<std::string>().substr(0, 12), "imo 9312896;");
}

TEST_F(SanctionsStore, CoverageAndGaps) {
  Table c = run("sanctions/coverage", {{"issuers", "US,EU"}, {"target", "RUS"}});
  // RUS: the US 3, the EU 2, shared 2, union 3.
  ASSERT_EQ(c.rows.size(), 4u);  // (all) and RUS, one row per issuer each
  EXPECT_DOUBLE_EQ(std::get<double>(c.rows[2][8]), 2.0 / 3.0);
  Table g = run("sanctions/gaps", {{"issuer", "US"}, {"ally", "EU"}});
  ASSERT_EQ(g.rows.size(), 1u);
  EXPECT_EQ(std::get<std::string>(g.rows[0][1]), "3");
}

TEST_F(SanctionsStore, ErrorsNameTheParameter) {
  auto parameter_of = [&](const std::string& name, const Params& p) {
    try {
      run(name, p);
    } catch (const rostrum::UsageError& e) {
      return e.parameter();
    }
    return std::string("(no error)");
  };
  EXPECT_EQ(parameter_of("sanctions/lag", {{"b", "XX"}}), "b");
  EXPECT_EQ(parameter_of("sanctions/lag", {{"target", "Atlantis"}}), "target");
  EXPECT_EQ(parameter_of("sanctions/match", {{"min-score", "2"}}), "min-score");
  EXPECT_EQ(parameter_of("sanctions/coverage", {{"issuers", "US,UN"}}), "issuers");  // no UN list in this store
  EXPECT_EQ(parameter_of("sanctions/entity", {{"name", "..."}}), "name");
}

TEST(SanctionsCatalogue, NoListsIsNotAvailable) {
  rostrum::testing::TempDir dir;
  std::string db = (dir.path() / "empty.db").string();
  { auto s = rostrum::store::Store::open(db, true); }
  query::Context ctx(db);
  EXPECT_THROW(query::run(ctx, "sanctions/lists", {}), rostrum::NotAvailableError);
}

}  // namespace
