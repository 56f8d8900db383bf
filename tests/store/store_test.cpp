// The SQLite store: write/load round trips, replacement of a same-named source,
// atomicity of a failing write (the file stays byte-for-byte the same), source
// resolution, and opening missing or foreign files.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <thread>
#include <tuple>

#include "core/error.hpp"
#include "io/import.hpp"
#include "registry/registry.hpp"
#include "store/store.hpp"
#include "support/matrix_compare.hpp"
#include "support/test_support.hpp"

namespace rostrum::store {
namespace {

using rostrum::testing::TempDir;

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

int country(const char* iso3) {
  int c = registry::index_of_iso3(iso3);
  EXPECT_GE(c, 0) << iso3;
  return c;
}

io::ImportedRollCall rollcall(std::string key, Body body, int session, Date date, std::uint8_t issues = 0) {
  io::ImportedRollCall rc;
  rc.info.key = std::move(key);
  rc.info.body = body;
  rc.info.session = session;
  rc.info.session_label = body == Body::SecurityCouncil ? std::to_string(date_year(date)) : std::to_string(session);
  rc.info.date = date;
  rc.info.symbol = "A/RES/" + rc.info.key;
  rc.info.title = "title " + rc.info.key;
  rc.info.issues = issues;
  return rc;
}

// A random source: `nr` GA roll calls over a few sessions, 12 states, about 70%
// of cells voted (Yes/Abstain/No/NonVoting), plus 3 SC roll calls.
io::ImportBatch random_batch(const std::string& name, unsigned seed, int nr = 150) {
  std::mt19937 rng(seed);
  io::ImportBatch b;
  b.source_name = name;
  b.format = "voeten";
  b.paths = {"/nowhere/" + name + ".csv"};
  for (int r = 0; r < nr; ++r) {
    auto rc =
        rollcall(std::to_string(1000 + r), Body::GeneralAssembly, 40 + r / 40,
                 make_date(1985 + r / 40, 1 + (r * 7) % 12, 1 + (r * 13) % 28), static_cast<std::uint8_t>(rng() % 64));
    rc.info.important = rng() % 5 == 0;
    rc.info.amendment = rng() % 7 == 0;
    rc.info.paragraph = rng() % 11 == 0;
    b.rollcalls.push_back(rc);
  }
  for (int r = 0; r < 3; ++r)
    b.rollcalls.push_back(rollcall("S" + std::to_string(r), Body::SecurityCouncil, 0, make_date(1990 + r, 6, 1)));
  // No two states of one series (SUN and RUS): a matrix row holds a series.
  const char* states[] = {"USA", "RUS", "CHN", "FRA", "GBR", "DEU", "IND", "BRA", "ZAF", "CUB", "CSK", "YUG"};
  for (int r = 0; r < static_cast<int>(b.rollcalls.size()); ++r)
    for (const char* s : states) {
      if (rng() % 10 < 3) continue;
      b.votes.push_back({r, country(s), static_cast<Vote>(1 + rng() % 4)});
    }
  b.name_map = {{"United States", "USA"}, {"DONOTKNOW", ""}};
  b.notes = {"a note"};
  b.warnings.add("kind", "example");
  return b;
}

// (body, key, iso3) -> vote, from a batch and from a loaded matrix.
using VoteSet = std::map<std::tuple<Body, std::string, std::string>, Vote>;
VoteSet votes_of(const io::ImportBatch& b) {
  VoteSet out;
  for (const auto& v : b.votes)
    out[{b.rollcalls[v.rollcall].info.body, b.rollcalls[v.rollcall].info.key,
         std::string(registry::countries()[v.country].iso3)}] = v.vote;
  return out;
}
void add_votes_of(const VoteMatrix& m, Body body, VoteSet& out) {
  for (int c = 0; c < m.countries(); ++c)
    for (int r = 0; r < m.rollcalls(); ++r) {
      Vote v = m.vote(c, r);
      if (v != Vote::Missing) out[{body, m.rollcall(r).key, m.iso3(c)}] = v;
    }
}

std::int64_t count(Store& s, const std::string& sql) { return s.db().execAndGet(sql).getInt64(); }

TEST(Store, CreateThenReopen) {
  TempDir tmp;
  auto path = (tmp.path() / "r.db").string();
  {
    Store s = Store::open(path, true);
    EXPECT_EQ(s.path(), path);
    EXPECT_GT(s.country_count(), 190);
    EXPECT_TRUE(s.sources().empty());
  }
  Store s = Store::open(path, false);
  EXPECT_GT(s.country_count(), 190);
  Store ro = Store::open(path, false, true);
  EXPECT_TRUE(ro.sources().empty());
}

TEST(Store, RoundTripVotesAndMetadata) {
  TempDir tmp;
  auto path = (tmp.path() / "r.db").string();
  io::ImportBatch b = random_batch("src", 1);
  {
    Store s = Store::open(path, true);
    ImportResult r = s.write_source(b);
    EXPECT_FALSE(r.replaced);
    EXPECT_EQ(r.rollcalls, 153);
    EXPECT_EQ(r.votes, static_cast<std::int64_t>(b.votes.size()));
  }
  Store s = Store::open(path, false, true);
  auto sources = s.sources();
  ASSERT_EQ(sources.size(), 2u);  // one summary per body
  std::int64_t counts[5] = {0, 0, 0, 0, 0};
  for (const auto& v : b.votes)
    if (b.rollcalls[v.rollcall].info.body == Body::GeneralAssembly) counts[static_cast<int>(v.vote)]++;
  const SourceSummary& ga = sources[0].body == "ga" ? sources[0] : sources[1];
  const SourceSummary& sc = sources[0].body == "ga" ? sources[1] : sources[0];
  EXPECT_EQ(ga.name, "src");
  EXPECT_EQ(ga.format, "voeten");
  EXPECT_EQ(ga.rollcalls, 150);
  EXPECT_EQ(sc.rollcalls, 3);
  EXPECT_EQ(ga.yes, counts[1]);
  EXPECT_EQ(ga.abstain, counts[2]);
  EXPECT_EQ(ga.no, counts[3]);
  EXPECT_EQ(ga.nonvoting, counts[4]);
  EXPECT_EQ(sc.first_date, "1990-06-01");
  EXPECT_EQ(sc.last_date, "1992-06-01");

  VoteSet loaded;
  VoteMatrix mg = s.load_matrix(ga.id, Body::GeneralAssembly);
  VoteMatrix ms = s.load_matrix(sc.id, Body::SecurityCouncil);
  EXPECT_EQ(mg.rollcalls(), 150);
  EXPECT_EQ(ms.rollcalls(), 3);
  add_votes_of(mg, Body::GeneralAssembly, loaded);
  add_votes_of(ms, Body::SecurityCouncil, loaded);
  EXPECT_EQ(loaded, votes_of(b));

  // Roll-call metadata survives, and the matrix is in date order.
  std::map<std::string, const RollCallInfo*> by_key;
  for (const auto& rc : b.rollcalls) by_key[rc.info.key] = &rc.info;
  for (int r = 0; r < mg.rollcalls(); ++r) {
    const RollCallInfo& got = mg.rollcall(r);
    const RollCallInfo& want = *by_key.at(got.key);
    EXPECT_EQ(got.date, want.date);
    EXPECT_EQ(got.session, want.session);
    EXPECT_EQ(got.session_label, want.session_label);
    EXPECT_EQ(got.symbol, want.symbol);
    EXPECT_EQ(got.title, want.title);
    EXPECT_EQ(got.important, want.important);
    EXPECT_EQ(got.amendment, want.amendment);
    EXPECT_EQ(got.paragraph, want.paragraph);
    EXPECT_EQ(got.issues, want.issues);
    EXPECT_EQ(got.body, Body::GeneralAssembly);
    if (r > 0) {
      EXPECT_LE(mg.rollcall(r - 1).date, got.date);
    }
  }
}

TEST(Store, RoundTripThroughAnImporter) {
  TempDir tmp;
  auto csv =
      tmp.write("v.csv",
                "rcid,ccode,vote,session,date,unres\n"
                "1,2,1,50,1995-10-01,A/RES/50/1\n1,365,3,50,1995-10-01,A/RES/50/1\n1,200,8,50,1995-10-01,A/RES/50/1\n"
                "2,2,2,50,1995-11-01,A/RES/50/2\n2,710,1,50,1995-11-01,A/RES/50/2\n");
  io::ImportBatch b = io::import_path(csv, "");
  Store s = Store::open((tmp.path() / "r.db").string(), true);
  auto r = s.write_source(b);
  auto summary = s.resolve_source("v", "ga");
  EXPECT_EQ(summary.id, r.source_id);
  EXPECT_EQ(summary.rollcalls, 2);
  EXPECT_EQ(summary.yes, 2);
  EXPECT_EQ(summary.no, 1);
  EXPECT_EQ(summary.abstain, 1);
  EXPECT_EQ(summary.nonvoting, 1);
  VoteMatrix m = s.load_matrix(summary.id, Body::GeneralAssembly);
  ASSERT_EQ(m.countries(), 4);
  ASSERT_EQ(m.rollcalls(), 2);
  EXPECT_EQ(m.vote(m.country_index("RUS"), 0), Vote::No);
  EXPECT_EQ(m.vote(m.country_index("GBR"), 0), Vote::NonVoting);
  EXPECT_EQ(m.vote(m.country_index("CHN"), 0), Vote::Missing);
  EXPECT_EQ(m.vote(m.country_index("CHN"), 1), Vote::Yes);
  EXPECT_EQ(m.vote(m.country_index("USA"), 1), Vote::Abstain);
  EXPECT_EQ(m.country_index("FRA"), -1);  // no vote in this source
  // One source: the record is that source, under the name "record".
  auto rec = s.resolve_source("", "ga");
  EXPECT_EQ(rec.name, "record");
  EXPECT_EQ(rec.format, "record");
  EXPECT_EQ(rec.rollcalls, 2);
  EXPECT_EQ(rec.yes, 2);
  EXPECT_EQ(rec.nonvoting, 1);
  VoteMatrix rm = s.load_matrix(rec.id, Body::GeneralAssembly);
  ASSERT_EQ(rm.rollcalls(), 2);
  EXPECT_EQ(rm.vote(rm.country_index("RUS"), 0), Vote::No);
  EXPECT_EQ(rm.rollcall(0).source, "v");
}

// A matrix row is a series: the USSR's votes (1980) and Russia's (1995) in one
// row named RUS, found under either id; Taiwan's seat is not RUS's predecessor
// and keeps its own row. A Serbia and Montenegro vote joins Serbia's row.
TEST(Store, RowsAreSeriesOfContinuingStates) {
  io::ImportBatch b;
  b.source_name = "series";
  b.format = "voeten";
  b.rollcalls = {rollcall("1", Body::GeneralAssembly, 35, 19801201), rollcall("2", Body::GeneralAssembly, 50, 19951201),
                 rollcall("3", Body::GeneralAssembly, 58, 20031201)};
  b.votes = {{0, country("SUN"), Vote::Yes},     {0, country("TWN"), Vote::No},  {0, country("USA"), Vote::No},
             {1, country("RUS"), Vote::Abstain}, {1, country("USA"), Vote::Yes}, {2, country("SCG"), Vote::No},
             {2, country("USA"), Vote::Yes}};
  TempDir tmp;
  Store s = Store::open((tmp.path() / "r.db").string(), true);
  s.write_source(b);
  for (const std::string& source : {std::string("series"), std::string("record")}) {
    VoteMatrix m = s.load_matrix(s.resolve_source(source, "ga").id, Body::GeneralAssembly);
    EXPECT_EQ(m.countries(), 4) << source;  // RUS, SRB, TWN, USA
    const int rus = m.country_index("RUS");
    ASSERT_GE(rus, 0);
    EXPECT_EQ(m.country_index("SUN"), rus);
    EXPECT_EQ(m.iso3(rus), "RUS");
    EXPECT_EQ(m.vote(rus, 0), Vote::Yes);
    EXPECT_EQ(m.vote(rus, 1), Vote::Abstain);
    EXPECT_EQ(m.iso3(m.country_index("SCG")), "SRB");
    EXPECT_EQ(m.vote(m.country_index("SRB"), 2), Vote::No);
    EXPECT_NE(m.country_index("TWN"), -1);
    EXPECT_EQ(m.country_index("CHN"), -1);
  }
  // The store itself keeps each vote under the state that cast it.
  EXPECT_EQ(count(s, "SELECT count(*) FROM votes v JOIN countries c ON c.id = v.country_id WHERE c.iso3 = 'SUN'"), 1);
}

TEST(Store, ReimportReplacesTheSource) {
  TempDir tmp;
  auto path = (tmp.path() / "r.db").string();
  Store s = Store::open(path, true);
  io::ImportBatch a = random_batch("a", 1), other = random_batch("other", 2, 40);
  s.write_source(a);
  s.write_source(other);
  const auto rc0 = count(s, "SELECT count(*) FROM rollcalls"), v0 = count(s, "SELECT count(*) FROM votes");
  const auto names0 = count(s, "SELECT count(*) FROM source_names");
  for (int i = 0; i < 3; ++i) {
    ImportResult r = s.write_source(a);
    EXPECT_TRUE(r.replaced);
    EXPECT_EQ(count(s, "SELECT count(*) FROM rollcalls"), rc0);
    EXPECT_EQ(count(s, "SELECT count(*) FROM votes"), v0);
    EXPECT_EQ(count(s, "SELECT count(*) FROM source_names"), names0);
    EXPECT_EQ(count(s, "SELECT count(*) FROM sources WHERE format != 'record'"), 2);
    EXPECT_EQ(count(s, "SELECT count(*) FROM source_stats"), 4 + 2);  // and the record's two bodies
  }
  // The replaced source loads to the same votes; the other source is untouched.
  auto ga = s.resolve_source("a", "ga"), sc = s.resolve_source("a", "sc");
  VoteSet loaded;
  add_votes_of(s.load_matrix(ga.id, Body::GeneralAssembly), Body::GeneralAssembly, loaded);
  add_votes_of(s.load_matrix(sc.id, Body::SecurityCouncil), Body::SecurityCouncil, loaded);
  EXPECT_EQ(loaded, votes_of(a));
  VoteSet other_loaded;
  add_votes_of(s.load_matrix(s.resolve_source("other", "ga").id, Body::GeneralAssembly), Body::GeneralAssembly,
               other_loaded);
  add_votes_of(s.load_matrix(s.resolve_source("other", "sc").id, Body::SecurityCouncil), Body::SecurityCouncil,
               other_loaded);
  EXPECT_EQ(other_loaded, votes_of(other));

  // Replacing with different content changes the counts accordingly.
  io::ImportBatch smaller = random_batch("a", 3, 10);
  s.write_source(smaller);
  EXPECT_EQ(count(s, "SELECT count(*) FROM rollcalls"), 13 + 43);
  EXPECT_EQ(count(s, "SELECT count(*) FROM votes"),
            static_cast<std::int64_t>(smaller.votes.size() + other.votes.size()));
  EXPECT_EQ(s.resolve_source("a", "ga").rollcalls, 10);
}

// A write that fails part-way leaves the file exactly as it was.
void expect_failed_write_changes_nothing(const io::ImportBatch& bad, bool expect_store_error) {
  TempDir tmp;
  auto path = (tmp.path() / "r.db").string();
  {
    Store s = Store::open(path, true);
    s.write_source(random_batch("good", 1));
    s.write_source(random_batch("bad", 5, 30));  // `bad` replaces this one, then fails
  }
  const std::string before = slurp(path);
  ASSERT_FALSE(before.empty());
  {
    Store s = Store::open(path, true);
    if (expect_store_error) {
      EXPECT_THROW(s.write_source(bad), StoreError);
    } else {
      EXPECT_ANY_THROW(s.write_source(bad));
    }
    // Still readable and unchanged through the same handle.
    EXPECT_EQ(s.sources().size(), 4u);
  }
  EXPECT_TRUE(slurp(path) == before) << "store file changed by a failed write";
  EXPECT_FALSE(std::filesystem::exists(path + "-journal"));
  Store s = Store::open(path, false, true);
  EXPECT_EQ(s.resolve_source("bad", "ga").rollcalls, 30);
}

TEST(StoreAtomicity, VoteOnOutOfRangeRollCall) {
  io::ImportBatch bad = random_batch("bad", 9);
  bad.votes.push_back({static_cast<std::int32_t>(bad.rollcalls.size()) + 5, country("USA"), Vote::Yes});
  expect_failed_write_changes_nothing(bad, true);
}

TEST(StoreAtomicity, DuplicateVoteInBatch) {
  io::ImportBatch bad = random_batch("bad", 9);
  bad.votes.push_back(bad.votes.back());  // primary key (rollcall, country) violated
  expect_failed_write_changes_nothing(bad, true);
}

TEST(StoreAtomicity, OutOfRangeCountry) {
  io::ImportBatch bad = random_batch("bad", 9);
  bad.votes.push_back({0, static_cast<std::int32_t>(registry::countries().size()) + 3, Vote::Yes});
  expect_failed_write_changes_nothing(bad, true);
  bad.votes.back().country = -1;
  expect_failed_write_changes_nothing(bad, true);
}

// write_source checks vote codes: Missing (0) is never a stored row, and codes
// above NonVoting (4) are refused before anything is written.
TEST(StoreAtomicity, InvalidVoteCodeIsRejected) {
  io::ImportBatch bad = random_batch("bad", 9);
  bad.votes.push_back({1, country("NOR"), Vote::Missing});
  expect_failed_write_changes_nothing(bad, true);
  bad.votes.back().vote = static_cast<Vote>(5);
  expect_failed_write_changes_nothing(bad, true);
}

// write_source checks every vote's indices before writing: a vote with roll call
// -1 would otherwise land on the previous source's last roll call.
TEST(StoreAtomicity, NegativeRollCallIndexIsRejected) {
  // A vote index of -1 must not land on the previous source's last roll call.
  io::ImportBatch bad = random_batch("bad", 9);
  bad.votes.insert(bad.votes.begin(), {-1, country("NOR"), Vote::Yes});  // NOR never votes in random_batch
  expect_failed_write_changes_nothing(bad, true);
}

TEST(StoreAtomicity, LargeFailingWriteSpillingTheCache) {
  // Big enough that SQLite spills dirty pages to the file before the failure; the
  // rollback journal must restore every byte.
  io::ImportBatch bad = random_batch("bad", 11, 20000);
  bad.votes.push_back({static_cast<std::int32_t>(bad.rollcalls.size()), country("USA"), Vote::Yes});
  expect_failed_write_changes_nothing(bad, true);
}

TEST(StoreAtomicity, ReadOnlyStoreRefusesWrites) {
  TempDir tmp;
  auto path = (tmp.path() / "r.db").string();
  { Store::open(path, true).write_source(random_batch("good", 1)); }
  const std::string before = slurp(path);
  {
    Store s = Store::open(path, false, true);
    EXPECT_THROW(s.write_source(random_batch("new", 2)), StoreError);
  }
  EXPECT_TRUE(slurp(path) == before) << "file changed: " << path;
}

TEST(StoreResolve, Rules) {
  TempDir tmp;
  Store s = Store::open((tmp.path() / "r.db").string(), true);
  // Empty store: a usage error that says no source holds the body.
  EXPECT_THROW(s.resolve_source("", "ga"), UsageError);
  EXPECT_THROW(s.resolve_source("record", "ga"), UsageError);

  io::ImportBatch ga_only = random_batch("ga-only", 1, 20);
  ga_only.rollcalls.resize(20);
  std::erase_if(ga_only.votes, [](const io::ImportedVote& v) { return v.rollcall >= 20; });
  auto r1 = s.write_source(ga_only);
  // By default the record; by name the source.
  EXPECT_EQ(s.resolve_source("", "ga").name, "record");
  EXPECT_EQ(s.resolve_source("record", "ga").name, "record");
  EXPECT_EQ(s.resolve_source("ga-only", "ga").id, r1.source_id);
  try {
    s.resolve_source("", "sc");
    ADD_FAILURE() << "no error for a body nobody holds";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("Security Council"), std::string::npos) << e.what();
  }
  // A named source that does not hold the body.
  EXPECT_THROW(s.resolve_source("ga-only", "sc"), UsageError);
  // Unknown name: the message lists what the store has, the record included.
  try {
    s.resolve_source("nope", "ga");
    ADD_FAILURE() << "no error for an unknown source";
  } catch (const UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("ga-only, record"), std::string::npos) << e.what();
  }
  // A second source with both bodies: the record now holds SC too.
  auto r2 = s.write_source(random_batch("both", 2, 20));
  EXPECT_EQ(s.resolve_source("", "sc").name, "record");
  EXPECT_EQ(s.resolve_source("", "sc").body, "sc");
  EXPECT_EQ(s.resolve_source("both", "ga").id, r2.source_id);
  EXPECT_EQ(s.resolve_source("", "ga").rollcalls, 40);  // random votes: nothing in common
  // No source may take the record's name.
  EXPECT_THROW(s.write_source(random_batch("record", 3, 5)), UsageError);
}

TEST(StoreOpen, MissingFile) {
  TempDir tmp;
  auto path = (tmp.path() / "none.db").string();
  EXPECT_THROW(Store::open(path, false), StoreError);
  EXPECT_THROW(Store::open(path, false, true), StoreError);
  EXPECT_FALSE(std::filesystem::exists(path));  // nothing created
}

TEST(StoreOpen, NotAnSqliteFile) {
  TempDir tmp;
  auto path = tmp.write("text.db", "this is not a database, just text that is long enough to have a header.........\n");
  const std::string before = slurp(path);
  EXPECT_THROW(Store::open(path, false, true), StoreError);
  EXPECT_THROW(Store::open(path, false), StoreError);
  EXPECT_THROW(Store::open(path, true), StoreError);
  EXPECT_TRUE(slurp(path) == before) << "file changed: " << path;
}

TEST(StoreOpen, ForeignSqliteDatabase) {
  TempDir tmp;
  auto path = (tmp.path() / "foreign.db").string();
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1)");
  }
  const std::string before = slurp(path);
  EXPECT_THROW(Store::open(path, false, true), StoreError);
  EXPECT_THROW(Store::open(path, false), StoreError);
  EXPECT_TRUE(slurp(path) == before) << "file changed: " << path;
  // Opening for import (create) must not add rostrum's tables to someone else's
  // database either.
  EXPECT_THROW(Store::open(path, true), StoreError);
  EXPECT_TRUE(slurp(path) == before) << "file changed: " << path;
  // An empty SQLite database is not a store either, read-only.
  auto empty = (tmp.path() / "empty.db").string();
  {
    SQLite::Database db(empty, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA user_version = 0");
  }
  EXPECT_THROW(Store::open(empty, false, true), StoreError);
}

TEST(StoreOpen, OtherSchemaVersion) {
  TempDir tmp;
  auto path = (tmp.path() / "r.db").string();
  { Store::open(path, true); }
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA user_version = 99");
  }
  try {
    Store::open(path, false, true);
    ADD_FAILURE() << "no error";
  } catch (const StoreError& e) {
    EXPECT_NE(std::string(e.what()).find("99"), std::string::npos) << e.what();
  }
  EXPECT_THROW(Store::open(path, true), StoreError);
}

TEST(StoreOpen, ReadOnlyOpenDoesNotTouchTheFile) {
  TempDir tmp;
  auto path = (tmp.path() / "r.db").string();
  { Store::open(path, true).write_source(random_batch("x", 4, 30)); }
  const std::string before = slurp(path);
  {
    Store s = Store::open(path, false, true);
    auto src = s.resolve_source("", "ga");
    VoteMatrix m = s.load_matrix(src.id, Body::GeneralAssembly);
    EXPECT_EQ(m.rollcalls(), 30);
  }
  {
    Store s = Store::open(path, false);  // read-write, but only reading
    EXPECT_EQ(s.sources().size(), 2u);
  }
  EXPECT_TRUE(slurp(path) == before) << "file changed: " << path;
}

// A writer killed with SIGKILL in the middle of a large transaction, after SQLite
// has spilled dirty pages (a tiny page cache forces it): what `kill -9` does to an
// import. Runs `write` in a child process; `write` ends by killing it, with the
// connection still open.
template <typename Write>
void kill_writer_mid_transaction(Write write) {
  pid_t pid = ::fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    try {
      write();
    } catch (...) {
      ::_exit(3);
    }
    ::kill(::getpid(), SIGKILL);
    ::_exit(4);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the writer did not reach the kill: " << status;
}

void begin_big_uncommitted_write(SQLite::Database& db) {
  db.exec("PRAGMA cache_size = 8");
  db.exec("BEGIN");
  db.exec("DELETE FROM votes");
  db.exec(
      "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000) "
      "INSERT INTO rollcalls (source_id, key, body, session, session_label, date, important, amendment, "
      "paragraph, issues) SELECT 1, 'k' || i, 'ga', 1, '1', '2000-01-01', 0, 0, 0, 0 FROM n");
}

TEST(StoreRecovery, KilledWriterLeavesTheStoreReadable) {
  TempDir tmp;
  auto path = (tmp.path() / "k.db").string();
  { Store::open(path, true).write_source(random_batch("good", 1)); }
  std::size_t votes_before = 0;
  {
    Store s = Store::open(path, false, true);
    votes_before = static_cast<std::size_t>(s.db().execAndGet("SELECT count(*) FROM votes").getInt64());
    ASSERT_GT(votes_before, 0u);
  }
  kill_writer_mid_transaction([&] {
    Store s = Store::open(path, false);  // as `rostrum import` opens it
    begin_big_uncommitted_write(s.db());
    ::kill(::getpid(), SIGKILL);
  });
  // The killed write left its traces (WAL frames) but readers see the last commit.
  EXPECT_TRUE(std::filesystem::exists(path + "-wal"));
  {
    Store s = Store::open(path, false, true);
    EXPECT_EQ(s.sources().size(), 2u);
    EXPECT_EQ(static_cast<std::size_t>(s.db().execAndGet("SELECT count(*) FROM votes").getInt64()), votes_before);
    EXPECT_EQ(s.db().execAndGet("PRAGMA integrity_check").getString(), "ok");
    auto src = s.resolve_source("good", "ga");
    EXPECT_EQ(s.load_matrix(src.id, Body::GeneralAssembly).rollcalls(), 150);
  }
  // And the next import writes as usual.
  { Store::open(path, false).write_source(random_batch("next", 2, 20)); }
  EXPECT_EQ(Store::open(path, false, true).sources().size(), 4u);  // GA and SC of each source
}

TEST(StoreRecovery, HotJournalOfARollbackModeStoreIsRolledBackAtOpen) {
  // A store written in rollback-journal mode (as older builds did) by a writer
  // killed mid-transaction keeps a hot journal; a plain read-only connection then
  // fails with "attempt to write a readonly database".
  TempDir tmp;
  auto path = (tmp.path() / "j.db").string();
  { Store::open(path, true).write_source(random_batch("good", 1)); }
  {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    ASSERT_EQ(db.execAndGet("PRAGMA journal_mode = DELETE").getString(), "delete");
  }
  kill_writer_mid_transaction([&] {
    SQLite::Database db(path, SQLite::OPEN_READWRITE);
    begin_big_uncommitted_write(db);
    ::kill(::getpid(), SIGKILL);
  });
  ASSERT_TRUE(std::filesystem::exists(path + "-journal"));
  try {
    SQLite::Database raw(path, SQLite::OPEN_READONLY);
    raw.execAndGet("SELECT count(*) FROM sources");
    ADD_FAILURE() << "the reproduction did not leave a hot journal";
  } catch (const SQLite::Exception& e) {
    EXPECT_EQ(e.getExtendedErrorCode(), SQLITE_READONLY_ROLLBACK) << e.what();
  }
  Store s = Store::open(path, false, true);
  EXPECT_EQ(s.sources().size(), 2u);
  EXPECT_EQ(s.db().execAndGet("SELECT count(*) FROM rollcalls").getInt64(), 153);
  EXPECT_EQ(s.db().execAndGet("PRAGMA integrity_check").getString(), "ok");
  EXPECT_FALSE(std::filesystem::exists(path + "-journal"));
}

TEST(StoreRecovery, WritersUseTheWriteAheadLog) {
  TempDir tmp;
  auto path = (tmp.path() / "w.db").string();
  { Store::open(path, true); }
  SQLite::Database raw(path, SQLite::OPEN_READONLY);
  EXPECT_EQ(raw.execAndGet("PRAGMA journal_mode").getString(), "wal");
}

}  // namespace
}  // namespace rostrum::store

// --- The query-ready snapshot (store_snapshot.cpp) ---

namespace rostrum::store {
namespace {

// Every field, plane and vote alike, of a matrix that holds roll calls.
void expect_same_matrix(const VoteMatrix& a, const VoteMatrix& b) {
  ASSERT_GT(a.rollcalls(), 0);
  rostrum::testing::expect_same_matrix(a, b);
}

// A batch with a series (SUN and RUS in one row, an alias) and every metadata field filled.
io::ImportBatch snapshot_batch(const std::string& name, unsigned seed) {
  io::ImportBatch b = random_batch(name, seed, 90);
  for (auto& rc : b.rollcalls) {
    rc.info.description = "description of " + rc.info.key;
    rc.info.subjects = "DISARMAMENT|" + rc.info.key;
  }
  b.votes.push_back({0, country("SUN"), Vote::No});
  return b;
}

void corrupt_one_byte(Store& s, std::int64_t source_id, std::size_t at) {
  std::string image;
  {
    SQLite::Statement q(s.db(), "SELECT image FROM matrix_snapshots WHERE source_id = ? AND body = 'ga'");
    q.bind(1, source_id);
    ASSERT_TRUE(q.executeStep());
    image = q.getColumn(0).getString();
  }
  ASSERT_LT(at, image.size());
  image[at] = static_cast<char>(image[at] ^ 0x10);
  SQLite::Statement up(s.db(), "UPDATE matrix_snapshots SET image = ? WHERE source_id = ? AND body = 'ga'");
  up.bind(1, static_cast<const void*>(image.data()), static_cast<int>(image.size()));
  up.bind(2, source_id);
  ASSERT_EQ(up.exec(), 1);
}

TEST(StoreSnapshot, ImportWritesTheRecordsSnapshotAndItRoundTrips) {
  TempDir tmp;
  auto path = (tmp.path() / "r.db").string();
  Store s = Store::open(path, true);
  s.write_source(snapshot_batch("src", 7));
  const auto record = s.resolve_source("", "ga");
  EXPECT_EQ(s.snapshot_state(record.id, Body::GeneralAssembly), Store::SnapshotState::current);
  EXPECT_EQ(s.snapshot_state(s.resolve_source("", "sc").id, Body::SecurityCouncil), Store::SnapshotState::current);
  Store::MatrixOrigin origin{};
  const VoteMatrix snap = s.load_matrix(record.id, Body::GeneralAssembly, &origin);
  EXPECT_EQ(origin, Store::MatrixOrigin::snapshot);
  const VoteMatrix rows = s.load_matrix_rows(record.id, Body::GeneralAssembly);
  expect_same_matrix(snap, rows);
  // The series alias and the record's own fields came through.
  EXPECT_EQ(snap.country_index("SUN"), snap.country_index("RUS"));
  EXPECT_EQ(snap.rollcall(0).source, "src");
  EXPECT_EQ(snap.rollcall(0).description.rfind("description of ", 0), 0u);
}

TEST(StoreSnapshot, SourceSnapshotIsWrittenOnFirstUseThenRead) {
  TempDir tmp;
  Store s = Store::open((tmp.path() / "r.db").string(), true);
  s.write_source(snapshot_batch("src", 8));
  const auto src = s.resolve_source("src", "ga");
  EXPECT_EQ(s.snapshot_state(src.id, Body::GeneralAssembly), Store::SnapshotState::missing);
  Store::MatrixOrigin origin{};
  const VoteMatrix first = s.load_matrix(src.id, Body::GeneralAssembly, &origin);
  EXPECT_EQ(origin, Store::MatrixOrigin::rows);
  EXPECT_EQ(s.snapshot_state(src.id, Body::GeneralAssembly), Store::SnapshotState::current);
  const VoteMatrix second = s.load_matrix(src.id, Body::GeneralAssembly, &origin);
  EXPECT_EQ(origin, Store::MatrixOrigin::snapshot);
  expect_same_matrix(first, second);
}

TEST(StoreSnapshot, CorruptedSnapshotIsIgnoredAndRebuilt) {
  TempDir tmp;
  Store s = Store::open((tmp.path() / "r.db").string(), true);
  s.write_source(snapshot_batch("src", 9));
  const auto record = s.resolve_source("", "ga");
  const VoteMatrix rows = s.load_matrix_rows(record.id, Body::GeneralAssembly);
  for (std::size_t at : {std::size_t{2}, std::size_t{300}}) {  // the header; a title
    corrupt_one_byte(s, record.id, at);
    EXPECT_EQ(s.snapshot_state(record.id, Body::GeneralAssembly), Store::SnapshotState::corrupt);
    Store::MatrixOrigin origin{};
    expect_same_matrix(s.load_matrix(record.id, Body::GeneralAssembly, &origin), rows);
    EXPECT_EQ(origin, Store::MatrixOrigin::rows);
    EXPECT_EQ(s.snapshot_state(record.id, Body::GeneralAssembly), Store::SnapshotState::current);
  }
  // A checksum that does not match the image.
  s.db().exec("UPDATE matrix_snapshots SET checksum = checksum + 1");
  EXPECT_EQ(s.snapshot_state(record.id, Body::GeneralAssembly), Store::SnapshotState::corrupt);
  expect_same_matrix(s.load_matrix(record.id, Body::GeneralAssembly), rows);
  EXPECT_EQ(s.snapshot_state(record.id, Body::GeneralAssembly), Store::SnapshotState::current);
}

TEST(StoreSnapshot, AnImageOfManyPiecesStreamsWhole) {
  // The image is read in 64 KiB pieces: long texts of varied lengths put strings
  // across piece boundaries, and the planes come in one large read.
  TempDir tmp;
  Store s = Store::open((tmp.path() / "r.db").string(), true);
  io::ImportBatch b = snapshot_batch("src", 11);
  for (std::size_t i = 0; i < b.rollcalls.size(); ++i)
    b.rollcalls[i].info.description = std::string(2500 + 977 * (i % 13), static_cast<char>('a' + i % 26));
  s.write_source(b);
  const auto record = s.resolve_source("", "ga");
  SQLite::Statement size(s.db(), "SELECT length(image) FROM matrix_snapshots WHERE source_id = ? AND body = 'ga'");
  size.bind(1, record.id);
  ASSERT_TRUE(size.executeStep());
  const auto bytes = static_cast<std::size_t>(size.getColumn(0).getInt64());
  size.reset();
  ASSERT_GT(bytes, std::size_t{4} * 64 * 1024);
  Store::MatrixOrigin origin{};
  const VoteMatrix rows = s.load_matrix_rows(record.id, Body::GeneralAssembly);
  expect_same_matrix(s.load_matrix(record.id, Body::GeneralAssembly, &origin), rows);
  EXPECT_EQ(origin, Store::MatrixOrigin::snapshot);
  // A byte changed deep inside (a later piece) is caught by the CRC taken on the way.
  corrupt_one_byte(s, record.id, bytes / 2 + 12345);
  EXPECT_EQ(s.snapshot_state(record.id, Body::GeneralAssembly), Store::SnapshotState::corrupt);
  expect_same_matrix(s.load_matrix(record.id, Body::GeneralAssembly, &origin), rows);
  EXPECT_EQ(origin, Store::MatrixOrigin::rows);
}

TEST(StoreSnapshot, StaleSnapshotIsIgnoredAndRebuilt) {
  TempDir tmp;
  Store s = Store::open((tmp.path() / "r.db").string(), true);
  s.write_source(snapshot_batch("src", 10));
  const auto record = s.resolve_source("", "ga");
  const VoteMatrix rows = s.load_matrix_rows(record.id, Body::GeneralAssembly);
  for (const char* make_stale :
       {"UPDATE matrix_snapshots SET data_version = '2001-01-01T00:00:00.000Z'",
        "UPDATE matrix_snapshots SET format = format + 1", "UPDATE matrix_snapshots SET registry = registry + 1"}) {
    s.db().exec(make_stale);
    EXPECT_EQ(s.snapshot_state(record.id, Body::GeneralAssembly), Store::SnapshotState::stale) << make_stale;
    Store::MatrixOrigin origin{};
    expect_same_matrix(s.load_matrix(record.id, Body::GeneralAssembly, &origin), rows);
    EXPECT_EQ(origin, Store::MatrixOrigin::rows);
    EXPECT_EQ(s.snapshot_state(record.id, Body::GeneralAssembly), Store::SnapshotState::current) << make_stale;
  }
}

TEST(StoreSnapshot, ImportInvalidatesSnapshots) {
  TempDir tmp;
  Store s = Store::open((tmp.path() / "r.db").string(), true);
  s.write_source(snapshot_batch("src", 11));
  const auto src = s.resolve_source("src", "ga");
  s.load_matrix(src.id, Body::GeneralAssembly);  // writes the source's snapshot
  ASSERT_EQ(s.snapshot_state(src.id, Body::GeneralAssembly), Store::SnapshotState::current);
  const int before = s.load_matrix(s.resolve_source("", "ga").id, Body::GeneralAssembly).rollcalls();

  io::ImportBatch later = random_batch("later", 12, 20);
  for (auto& rc : later.rollcalls) {  // 20 years on, other symbols: joins the record
    rc.info.date += 200000;
    rc.info.symbol = "A/RES/60/" + rc.info.key;
  }
  s.write_source(later);
  EXPECT_EQ(s.snapshot_state(src.id, Body::GeneralAssembly), Store::SnapshotState::missing);
  EXPECT_EQ(count(s, "SELECT count(*) FROM matrix_snapshots WHERE source_id = " + std::to_string(src.id)), 0);
  const auto record = s.resolve_source("", "ga");
  EXPECT_EQ(s.snapshot_state(record.id, Body::GeneralAssembly), Store::SnapshotState::current);
  Store::MatrixOrigin origin{};
  const VoteMatrix m = s.load_matrix(record.id, Body::GeneralAssembly, &origin);
  EXPECT_EQ(origin, Store::MatrixOrigin::snapshot);
  EXPECT_EQ(m.rollcalls(), before + 20);
  expect_same_matrix(m, s.load_matrix_rows(record.id, Body::GeneralAssembly));
}

TEST(StoreSnapshot, ReadOnlyStoreFallsBackToRowsAndNeverWrites) {
  TempDir tmp;
  auto path = (tmp.path() / "r.db").string();
  std::int64_t record_id = 0;
  {
    Store s = Store::open(path, true);
    s.write_source(snapshot_batch("src", 13));
    record_id = s.resolve_source("", "ga").id;
    s.db().exec("UPDATE matrix_snapshots SET data_version = 'old'");
    s.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
  }
  const std::string before = slurp(path);
  {
    Store ro = Store::open(path, false, true);
    Store::MatrixOrigin origin{};
    const VoteMatrix m = ro.load_matrix(record_id, Body::GeneralAssembly, &origin);
    EXPECT_EQ(origin, Store::MatrixOrigin::rows);
    expect_same_matrix(m, ro.load_matrix_rows(record_id, Body::GeneralAssembly));
    EXPECT_FALSE(ro.save_snapshot(record_id, Body::GeneralAssembly, ro.data_version(record_id), m));
    EXPECT_EQ(ro.snapshot_state(record_id, Body::GeneralAssembly), Store::SnapshotState::stale);
  }
  EXPECT_TRUE(slurp(path) == before) << "a read-only load changed the store";
}

TEST(StoreSnapshot, ALazySnapshotReachesTheDatabaseFileWhileAReaderIsOpen) {
  // The command line's order: a read-only store finds no snapshot, a writer saves
  // one and closes first. The image must then be in the database file (the log
  // copied into it), where readers copy overflow pages straight into the matrix,
  // not left in the write-ahead log for every later reader to go through.
  TempDir tmp;
  const auto path = (tmp.path() / "r.db").string();
  std::int64_t src_id = 0;
  {
    Store s = Store::open(path, true);
    s.write_source(snapshot_batch("src", 15));
    src_id = s.resolve_source("src", "ga").id;
  }
  Store ro = Store::open(path, false, true);
  ASSERT_EQ(ro.resolve_source("src", "ga").id, src_id);
  Store::MatrixOrigin origin{};
  const VoteMatrix m = ro.load_matrix(src_id, Body::GeneralAssembly, &origin);
  ASSERT_EQ(origin, Store::MatrixOrigin::rows);
  {
    Store w = Store::open(path, false, false);
    ASSERT_TRUE(w.save_snapshot(src_id, Body::GeneralAssembly, w.data_version(src_id), m));
  }
  // The wal-index header (https://sqlite.org/walformat.html, "The WAL-Index
  // Format"): mxFrame, the log's last frame, at byte 16; nBackfill, the frames
  // copied into the database file, at byte 96.
  const std::string shm = slurp(path + "-shm");
  ASSERT_GE(shm.size(), 100u);
  std::uint32_t frames = 0, copied = 0;
  std::memcpy(&frames, shm.data() + 16, sizeof frames);
  std::memcpy(&copied, shm.data() + 96, sizeof copied);
  EXPECT_GT(frames, 0u);
  EXPECT_EQ(copied, frames);
  expect_same_matrix(ro.load_matrix(src_id, Body::GeneralAssembly, &origin), m);
  EXPECT_EQ(origin, Store::MatrixOrigin::snapshot);
}

TEST(StoreSnapshot, SaveRefusesAnOutdatedVersion) {
  TempDir tmp;
  Store s = Store::open((tmp.path() / "r.db").string(), true);
  s.write_source(snapshot_batch("src", 14));
  const auto src = s.resolve_source("src", "ga");
  const VoteMatrix m = s.load_matrix_rows(src.id, Body::GeneralAssembly);
  // A matrix read before an import came between is not saved under the new version.
  EXPECT_FALSE(s.save_snapshot(src.id, Body::GeneralAssembly, "1999-01-01T00:00:00Z", m));
  EXPECT_EQ(s.snapshot_state(src.id, Body::GeneralAssembly), Store::SnapshotState::missing);
  EXPECT_TRUE(s.save_snapshot(src.id, Body::GeneralAssembly, s.data_version(src.id), m));
  EXPECT_EQ(s.snapshot_state(src.id, Body::GeneralAssembly), Store::SnapshotState::current);
}

}  // namespace
}  // namespace rostrum::store
