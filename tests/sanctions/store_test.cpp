// The sanctions tables: a round trip, replacement of a list, and one transaction.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/error.hpp"
#include "sanctions/sanctions_helpers.hpp"
#include "sanctions/store.hpp"
#include "support/test_support.hpp"

namespace rostrum::sanctions {
namespace {

using namespace rostrum::sanctions::testing;
using rostrum::testing::TempDir;

std::vector<SanctionsList> two_lists() {
  return {make_list("us-test", "US", make_date(2024, 5, 3),
                    {{"1",
                      EntryType::person,
                      {"PUTIN, Vladimir Vladimirovich", "Владимир ПУТИН"},
                      {"RUSSIA-EO14024"},
                      {id("dob", "1952-10-07"), id("nationality", "RUS")},
                      {listed(make_date(2022, 2, 26), make_date(2022, 2, 25))}},
                     {"2",
                      EntryType::vessel,
                      {"YURY TOPCHEV"},
                      {"PEESA-EO"},
                      {id("imo", "9338230")},
                      {},
                      {"LLC KOKSOKHIMTRANS"}}}),
          make_list("eu-test", "EU", make_date(2024, 6, 1),
                    {{"32014R0269:I.PERSONS/1",
                      EntryType::person,
                      {"Vladimir Vladimirovich PUTIN"},
                      {"EU-UKR"},
                      {},
                      {listed(make_date(2022, 2, 25), make_date(2022, 2, 25))}}})};
}

TEST(SanctionsStore, RoundTrip) {
  TempDir dir;
  std::string db = (dir.path() / "s.db").string();
  {
    auto s = store::Store::open(db, true);
    auto r = write_lists(s, two_lists());
    ASSERT_EQ(r.size(), 2u);
    EXPECT_FALSE(r[0].replaced);
    EXPECT_EQ(r[0].entries, 2);
    EXPECT_EQ(r[0].names, 3);
  }
  auto d = load_dataset(db);
  ASSERT_EQ(d.lists.size(), 2u);
  EXPECT_EQ(d.lists[0].issuer, "EU");  // ordered by issuer, then key
  EXPECT_EQ(d.lists[1].entries, 2);
  ASSERT_EQ(d.entries.size(), 3u);
  const Entry& putin = d.entries[1];
  EXPECT_EQ(putin.key, "1");
  EXPECT_EQ(putin.type, EntryType::person);
  EXPECT_EQ(putin.target, "RUS");
  EXPECT_EQ(putin.target_basis, "programme");
  ASSERT_EQ(putin.names.size(), 2u);
  EXPECT_EQ(putin.names[1].folded, "vladimir putin");
  ASSERT_EQ(putin.events.size(), 1u);
  EXPECT_EQ(putin.events[0].date, make_date(2022, 2, 26));
  EXPECT_EQ(putin.events[0].date_lo, make_date(2022, 2, 25));
  ASSERT_EQ(putin.ids.size(), 2u);
  EXPECT_EQ(d.entries[2].links, std::vector<std::string>{"LLC KOKSOKHIMTRANS"});
  EXPECT_EQ(d.list_of(2).key, "us-test");
}

TEST(SanctionsStore, ReimportReplacesOneListOnly) {
  TempDir dir;
  std::string db = (dir.path() / "s.db").string();
  auto s = store::Store::open(db, true);
  write_lists(s, two_lists());
  auto smaller = make_list("us-test", "US", make_date(2024, 6, 1), {{"9", EntryType::organisation, {"ONLY ONE"}}});
  auto r = write_lists(s, {smaller});
  EXPECT_TRUE(r[0].replaced);
  auto d = load_dataset(s);
  ASSERT_EQ(d.lists.size(), 2u);
  EXPECT_EQ(d.entries.size(), 2u);  // 1 EU + 1 US
  std::int64_t orphans =
      s.db()
          .execAndGet("SELECT count(*) FROM sanctions_names WHERE entry_id NOT IN (SELECT id FROM sanctions_entries)")
          .getInt64();
  EXPECT_EQ(orphans, 0);
}

TEST(SanctionsStore, AFailedWriteChangesNothing) {
  TempDir dir;
  std::string db = (dir.path() / "s.db").string();
  auto s = store::Store::open(db, true);
  write_lists(s, two_lists());
  // The second list holds one key twice: the database refuses it mid-write, and
  // the first (valid) list of the same call must not stay either.
  auto good = make_list("un-test", "UN", make_date(2026, 2, 27), {{"QDi.1", EntryType::person, {"SOMEONE"}}});
  auto bad = make_list("us-test", "US", make_date(2025, 1, 1),
                       {{"7", EntryType::organisation, {"A"}}, {"7", EntryType::organisation, {"B"}}});
  EXPECT_THROW(write_lists(s, {good, bad}), StoreError);
  auto d = load_dataset(s);
  ASSERT_EQ(d.lists.size(), 2u);
  EXPECT_EQ(d.lists[1].key, "us-test");
  EXPECT_EQ(d.lists[1].as_of, make_date(2024, 5, 3));
  EXPECT_EQ(d.entries.size(), 3u);
}

TEST(SanctionsStore, NoListsIsAStoreError) {
  TempDir dir;
  std::string db = (dir.path() / "s.db").string();
  { auto s = store::Store::open(db, true); }
  try {
    load_dataset(db);
    FAIL() << "expected NotAvailableError";
  } catch (const NotAvailableError& e) {
    EXPECT_NE(std::string(e.what()).find("rostrum sanctions import"), std::string::npos);
  }
}

}  // namespace
}  // namespace rostrum::sanctions
