#include "store/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <tuple>

#include "core/error.hpp"
#include "registry/groups.hpp"
#include "registry/registry.hpp"
#include "registry/seats.hpp"
#include "store/store_internal.hpp"

namespace rostrum::store {

namespace {

constexpr int kSchemaVersion = 2;

const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS countries (
  id INTEGER PRIMARY KEY,            -- store-local, never reused: votes refer to it
  iso3 TEXT NOT NULL UNIQUE,
  iso2 TEXT, cow INTEGER, cow_abbr TEXT, m49 INTEGER,
  name TEXT NOT NULL, region TEXT, subregion TEXT,
  successors TEXT, historic INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS country_names (
  folded TEXT PRIMARY KEY,
  iso3 TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS groups (
  name TEXT PRIMARY KEY,
  description TEXT
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS group_members (
  group_name TEXT NOT NULL, iso3 TEXT NOT NULL, date_from TEXT, date_to TEXT
);
CREATE TABLE IF NOT EXISTS bodies (
  code TEXT PRIMARY KEY, name TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sources (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  format TEXT NOT NULL,
  paths TEXT NOT NULL,               -- JSON array
  imported_at TEXT NOT NULL,
  notes TEXT,                        -- JSON array: how the source's conventions were mapped
  warnings TEXT                      -- JSON object: kind -> {count, examples}
);
CREATE TABLE IF NOT EXISTS source_stats (
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  body TEXT NOT NULL, rollcalls INTEGER NOT NULL, first_date TEXT, last_date TEXT,
  yes INTEGER NOT NULL, no INTEGER NOT NULL, abstain INTEGER NOT NULL, nonvoting INTEGER NOT NULL,
  PRIMARY KEY (source_id, body)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS source_names (
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  label TEXT NOT NULL, iso3 TEXT     -- NULL when the label maps to no state
);
CREATE TABLE IF NOT EXISTS rollcalls (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  body TEXT NOT NULL REFERENCES bodies(code),
  session INTEGER NOT NULL, session_label TEXT NOT NULL,
  date TEXT NOT NULL, symbol TEXT, title TEXT, description TEXT,
  important INTEGER NOT NULL, amendment INTEGER NOT NULL, paragraph INTEGER NOT NULL,
  issues INTEGER NOT NULL, subjects TEXT, link TEXT,
  total_yes INTEGER, total_no INTEGER, total_abstain INTEGER, total_nonvoting INTEGER
);
CREATE INDEX IF NOT EXISTS rollcalls_source ON rollcalls(source_id, body);
CREATE TABLE IF NOT EXISTS votes (
  rollcall_id INTEGER NOT NULL REFERENCES rollcalls(id) ON DELETE CASCADE,
  country_id INTEGER NOT NULL,       -- countries.id
  vote INTEGER NOT NULL,             -- 1 yes, 2 abstain, 3 no, 4 non-voting
  PRIMARY KEY (rollcall_id, country_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS issues (
  code TEXT PRIMARY KEY, bit INTEGER NOT NULL, name TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,                -- "ideal", ...
  source_id INTEGER REFERENCES sources(id) ON DELETE CASCADE,
  params TEXT NOT NULL,              -- JSON
  data_version TEXT NOT NULL,        -- source import time: results are tied to one import
  created_at TEXT NOT NULL,
  summary TEXT                       -- JSON
);
CREATE TABLE IF NOT EXISTS ideal_points (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  iso3 TEXT NOT NULL, session TEXT NOT NULL, year INTEGER,
  ideal REAL, sd REAL, lo REAL, hi REAL, nvotes INTEGER
);
CREATE INDEX IF NOT EXISTS ideal_points_run ON ideal_points(run_id, iso3);
-- The record: derived from the sources above, rebuilt on every import (no
-- foreign keys: it is deleted and written whole).
CREATE TABLE IF NOT EXISTS record_rollcalls (
  rollcall_id INTEGER PRIMARY KEY,   -- rollcalls.id whose votes stand
  body TEXT NOT NULL,
  date TEXT NOT NULL,                -- the UN Library's date when a matched source has it
  library_title TEXT,                -- the UN Library's title when a matched source has it
  issues INTEGER NOT NULL,           -- the source's codes, else predicted
  issues_predicted INTEGER NOT NULL  -- 1: `issues` come from the title classifier
);
CREATE INDEX IF NOT EXISTS record_rollcalls_body ON record_rollcalls(body, date);
CREATE TABLE IF NOT EXISTS record_matches (
  rollcall_id INTEGER PRIMARY KEY,   -- a roll call of a later source ...
  record_id INTEGER NOT NULL,        -- ... that is this record roll call
  method TEXT NOT NULL,              -- symbol, date+title, votes
  agreement REAL                     -- share of common cast votes alike; NULL under 10 in common
);
CREATE TABLE IF NOT EXISTS record_conflicts (
  record_id INTEGER NOT NULL, other_id INTEGER NOT NULL, country_id INTEGER NOT NULL,
  kept INTEGER NOT NULL,             -- the record's vote, 0 = none
  other INTEGER NOT NULL             -- the other source's vote, 0 = none
);
CREATE TABLE IF NOT EXISTS record_issue_model (
  code TEXT PRIMARY KEY, train_years TEXT NOT NULL, test_years TEXT NOT NULL,
  n INTEGER, tp INTEGER, fp INTEGER, fn INTEGER, tn INTEGER,
  accuracy REAL, always_no REAL, precision REAL, recall REAL, f1 REAL, threshold REAL
) WITHOUT ROWID;
)SQL";

}  // namespace

std::string now_utc(bool millis) {
  const auto now = std::chrono::system_clock::now();
  auto t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  if (millis) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
    std::snprintf(buf + n, sizeof buf - n, ".%03dZ", static_cast<int>(ms));
  } else {
    std::snprintf(buf + n, sizeof buf - n, "Z");
  }
  return buf;
}

namespace {

// The registry and groups are compiled into the library; the tables mirror them
// for SQL users and are refreshed on every write.
void write_reference_tables(SQLite::Database& db) {
  db.exec("DELETE FROM country_names; DELETE FROM groups; DELETE FROM group_members;");
  // Countries are upserted by iso3 so that ids already used by votes stay valid
  // when a newer build's registry adds or reorders states.
  SQLite::Statement ins(db, R"SQL(
    INSERT INTO countries (iso3, iso2, cow, cow_abbr, m49, name, region, subregion, successors, historic)
    VALUES (?2,?3,?4,?5,?6,?7,?8,?9,?10,?11)
    ON CONFLICT(iso3) DO UPDATE SET iso2 = excluded.iso2, cow = excluded.cow, cow_abbr = excluded.cow_abbr,
      m49 = excluded.m49, name = excluded.name, region = excluded.region, subregion = excluded.subregion,
      successors = excluded.successors, historic = excluded.historic)SQL");
  for (const auto& c : registry::countries()) {
    ins.bind(2, std::string(c.iso3));
    ins.bind(3, std::string(c.iso2));
    ins.bind(4, c.cow);
    ins.bind(5, std::string(c.cow_abbr));
    ins.bind(6, c.m49);
    ins.bind(7, std::string(c.name));
    ins.bind(8, std::string(c.region));
    ins.bind(9, std::string(c.subregion));
    ins.bind(10, std::string(c.successors));
    ins.bind(11, c.historic ? 1 : 0);
    ins.exec();
    ins.reset();
  }
  SQLite::Statement names(db, "INSERT OR IGNORE INTO country_names VALUES (?,?)");
  for (const auto& v : registry::name_variants()) {
    names.bind(1, std::string(v.folded));
    names.bind(2, std::string(v.iso3));
    names.exec();
    names.reset();
  }
  SQLite::Statement g(db, "INSERT INTO groups VALUES (?,?)");
  SQLite::Statement gm(db, "INSERT INTO group_members VALUES (?,?,?,?)");
  for (const auto& group : registry::builtin_groups()) {
    g.bind(1, group.name);
    g.bind(2, group.description);
    g.exec();
    g.reset();
    for (const auto& m : group.members) {
      gm.bind(1, group.name);
      gm.bind(2, m.iso3);
      gm.bind(3, format_date(m.from));
      gm.bind(4, m.to >= kOpenEnd ? std::string() : format_date(m.to));
      gm.exec();
      gm.reset();
    }
  }
  db.exec("INSERT OR IGNORE INTO bodies VALUES ('ga', 'General Assembly'), ('sc', 'Security Council')");
  db.exec(
      "INSERT OR IGNORE INTO issues VALUES ('me', 1, 'Palestinian conflict'), ('nu', 2, 'Nuclear weapons and nuclear "
      "material'),"
      "('di', 4, 'Arms control and disarmament'), ('hr', 8, 'Human rights'), ('co', 16, 'Colonialism'),"
      "('ec', 32, 'Economic development')");
}

// Opens the file so that an interrupted writer never locks readers out.
//
// A writer (import, ideal run) switches the store to write-ahead logging (WAL,
// use_write_ahead_log below;
// https://sqlite.org/wal.html): a writer killed mid-transaction leaves uncommitted
// frames in the -wal file that readers simply ignore, and readers never wait for a
// writer. A store still in rollback-journal mode (made by an older build) that was
// left with a hot journal (https://sqlite.org/lockingv3.html#hot_journals) cannot be
// read by a read-only connection (SQLITE_READONLY_ROLLBACK: "attempt to write a
// readonly database"): it is opened read-write once, which rolls the journal back,
// and then reopened as asked.
std::unique_ptr<SQLite::Database> open_recovered(const std::string& path, int flags) {
  auto connect = [&](int f) {
    auto db = std::make_unique<SQLite::Database>(path, f);
    db->exec("PRAGMA foreign_keys = ON");
    db->exec("PRAGMA busy_timeout = 5000");
    db->execAndGet("PRAGMA user_version");  // the first read: recovers, or fails here
    return db;
  };
  std::unique_ptr<SQLite::Database> db;
  try {
    db = connect(flags);
  } catch (const SQLite::Exception& e) {
    if (e.getExtendedErrorCode() != SQLITE_READONLY_ROLLBACK) throw;
    try {
      connect(SQLite::OPEN_READWRITE);  // rolls the hot journal back, then closes
    } catch (const SQLite::Exception& rw) {
      throw StoreError("the store '" + path + "' holds an interrupted write (hot journal '" + path +
                       "-journal') that needs write access to roll back: " + rw.what());
    }
    db = connect(flags);
  }
  return db;
}

// Called by a writer once the file is known to be a rostrum store (someone else's
// database is never switched).
void use_write_ahead_log(SQLite::Database& db) {
  // An import writes and then reads back (the record, its snapshot) tens of
  // megabytes: with SQLite's default 2 MB page cache it spills to the file mid-
  // transaction and reads every page again. 64 MB, used only as pages are touched.
  db.exec("PRAGMA cache_size = -65536");
  try {
    db.exec("PRAGMA journal_mode = WAL");
  } catch (const SQLite::Exception&) {
    // Busy (another connection holds the file in rollback mode): stay as is; the
    // next writer switches.
  }
}

}  // namespace

Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Store Store::open(const std::string& path, bool create, bool read_only) {
  Store s;
  s.path_ = path;
  s.read_only_ = read_only;
  std::error_code ec;
  bool exists = std::filesystem::exists(path, ec);
  if (!exists && !create)
    throw StoreError("no store at '" + path + "': import data first (rostrum import PATH), or pass --db");
  try {
    // A Store is used by one thread at a time (each server thread opens its own):
    // SQLite's per-call mutex is not needed.
    int flags = (create      ? (SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE)
                 : read_only ? SQLite::OPEN_READONLY
                             : SQLite::OPEN_READWRITE) |
                SQLite::OPEN_NOMUTEX;
    s.db_ = open_recovered(path, flags);
    int version = s.db_->execAndGet("PRAGMA user_version").getInt();
    if (version == 0 && read_only) {
      throw StoreError("'" + path + "' is not a rostrum store");
    } else if (version == 0) {
      // A new, empty file gets the schema; an SQLite file holding other tables is
      // someone else's database and is left alone.
      bool has_tables = s.db_->execAndGet("SELECT count(*) FROM sqlite_master").getInt() > 0;
      if (has_tables) throw StoreError("'" + path + "' is not a rostrum store (it holds other tables)");
      use_write_ahead_log(*s.db_);
      SQLite::Transaction tx(*s.db_);
      s.db_->exec(kSchema);
      write_reference_tables(*s.db_);
      s.db_->exec("PRAGMA user_version = " + std::to_string(kSchemaVersion));
      tx.commit();
    } else if (version != kSchemaVersion) {
      throw StoreError("'" + path + "' has store schema version " + std::to_string(version) + ", this rostrum reads " +
                       std::to_string(kSchemaVersion) + ": re-import the data into a new store");
    } else if (!read_only) {
      use_write_ahead_log(*s.db_);  // a store made in rollback-journal mode switches on its next write
    }
  } catch (const SQLite::Exception& e) {
    throw StoreError("cannot open store '" + path + "': " + e.what());
  }
  return s;
}

ImportResult Store::write_source(const io::ImportBatch& batch) { return write_batches({&batch, 1}).front(); }

namespace {

// Importers produce consistent batches; a batch built elsewhere is checked before
// anything is written, since a bad index would land on another source's rows.
void check_batch(const io::ImportBatch& batch) {
  if (batch.source_name == kRecordName)
    throw UsageError("parameter 'name': '" + std::string(kRecordName) +
                     "' is the stitched record's name; import the source under another name (--name)");
  const auto n_rollcalls = static_cast<std::int64_t>(batch.rollcalls.size());
  const auto n_countries = static_cast<std::int64_t>(registry::countries().size());
  for (const auto& vote : batch.votes)
    if (vote.rollcall < 0 || vote.rollcall >= n_rollcalls || vote.country < 0 || vote.country >= n_countries ||
        vote.vote == Vote::Missing || static_cast<int>(vote.vote) > static_cast<int>(Vote::NonVoting))
      throw StoreError("cannot write source '" + batch.source_name + "': a vote refers to roll call " +
                       std::to_string(vote.rollcall) + " / country " + std::to_string(vote.country) + " with code " +
                       std::to_string(static_cast<int>(vote.vote)) + ", outside the batch");
}

// Writes one batch inside the caller's transaction.
ImportResult write_batch(SQLite::Database& db, const io::ImportBatch& batch) {
  ImportResult result;
  {
    SQLite::Statement find(db, "SELECT id FROM sources WHERE name = ?");
    find.bind(1, batch.source_name);
    if (find.executeStep()) {
      std::int64_t old = find.getColumn(0).getInt64();
      result.replaced = true;
      // Explicit deletes: faster than cascading row by row through the votes.
      SQLite::Statement dv(db, "DELETE FROM votes WHERE rollcall_id IN (SELECT id FROM rollcalls WHERE source_id = ?)");
      dv.bind(1, old);
      dv.exec();
      SQLite::Statement dr(db, "DELETE FROM rollcalls WHERE source_id = ?");
      dr.bind(1, old);
      dr.exec();
      SQLite::Statement dt(db, "DELETE FROM source_stats WHERE source_id = ?");
      dt.bind(1, old);
      dt.exec();
      SQLite::Statement dn(db, "DELETE FROM source_names WHERE source_id = ?");
      dn.bind(1, old);
      dn.exec();
      SQLite::Statement ds(db, "DELETE FROM sources WHERE id = ?");
      ds.bind(1, old);
      ds.exec();
    }
  }
  nlohmann::json paths = batch.paths, notes = batch.notes, warnings = nlohmann::json::object();
  for (const auto& [kind, e] : batch.warnings.by_kind) warnings[kind] = {{"count", e.count}, {"examples", e.examples}};
  SQLite::Statement src(db,
                        "INSERT INTO sources (name, format, paths, imported_at, notes, warnings) VALUES (?,?,?,?,?,?)");
  src.bind(1, batch.source_name);
  src.bind(2, batch.format);
  src.bind(3, paths.dump());
  src.bind(4, now_utc());
  src.bind(5, notes.dump());
  src.bind(6, warnings.dump());
  src.exec();
  result.source_id = db.getLastInsertRowid();

  SQLite::Statement names(db, "INSERT INTO source_names VALUES (?,?,?)");
  for (const auto& [label, iso3] : batch.name_map) {
    names.bind(1, result.source_id);
    names.bind(2, label);
    if (iso3.empty())
      names.bind(3);
    else
      names.bind(3, iso3);
    names.exec();
    names.reset();
  }

  std::int64_t next_id = db.execAndGet("SELECT coalesce(max(id), 0) + 1 FROM rollcalls").getInt64();
  const std::int64_t first_id = next_id;
  SQLite::Statement rc(db, "INSERT INTO rollcalls VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  for (const auto& r : batch.rollcalls) {
    const auto& i = r.info;
    rc.bind(1, next_id++);
    rc.bind(2, result.source_id);
    rc.bind(3, i.key);
    rc.bind(4, std::string(body_code(i.body)));
    rc.bind(5, i.session);
    rc.bind(6, i.session_label);
    rc.bind(7, format_date(i.date));
    rc.bind(8, i.symbol);
    rc.bind(9, i.title);
    rc.bind(10, i.description);
    rc.bind(11, i.important ? 1 : 0);
    rc.bind(12, i.amendment ? 1 : 0);
    rc.bind(13, i.paragraph ? 1 : 0);
    rc.bind(14, static_cast<int>(i.issues));
    rc.bind(15, i.subjects);
    rc.bind(16, r.link);
    if (r.totals) {
      rc.bind(17, r.totals->yes);
      rc.bind(18, r.totals->no);
      rc.bind(19, r.totals->abstain);
      rc.bind(20, r.totals->nonvoting);
    } else {
      for (int k = 17; k <= 20; ++k) rc.bind(k);
    }
    rc.exec();
    rc.reset();
  }
  std::vector<std::int64_t> store_id(registry::countries().size(), -1);
  {
    SQLite::Statement q(db, "SELECT id, iso3 FROM countries");
    while (q.executeStep()) {
      int idx = registry::index_of_iso3(q.getColumn(1).getString());
      if (idx >= 0) store_id[idx] = q.getColumn(0).getInt64();
    }
  }
  {
    // In primary-key order, so that every insert appends to the last page of the
    // table's B-tree, and several rows per statement: together about twice as
    // fast as one row at a time in file order.
    // Each row packed in one integer (roll-call id, country id, vote code) so
    // that the sort compares integers, not tuples.
    constexpr int kVoteBits = 3, kCountryBits = 20;
    std::vector<std::uint64_t> rows;
    rows.reserve(batch.votes.size());
    for (const auto& vote : batch.votes) {
      const std::int64_t cid = store_id.at(static_cast<std::size_t>(vote.country));
      if (cid < 0 || cid >= (std::int64_t{1} << kCountryBits))
        throw StoreError("cannot write source '" + batch.source_name + "': country id " + std::to_string(cid) +
                         " outside the store's range");
      rows.push_back((static_cast<std::uint64_t>(first_id + vote.rollcall) << (kCountryBits + kVoteBits)) |
                     (static_cast<std::uint64_t>(cid) << kVoteBits) | static_cast<std::uint64_t>(vote.vote));
    }
    std::sort(rows.begin(), rows.end());
    const auto unpack = [](std::uint64_t key) {
      return std::tuple(static_cast<std::int64_t>(key >> (kCountryBits + kVoteBits)),
                        static_cast<std::int64_t>((key >> kVoteBits) & ((std::uint64_t{1} << kCountryBits) - 1)),
                        static_cast<int>(key & ((1u << kVoteBits) - 1)));
    };
    constexpr std::size_t kPerStatement = 64;
    std::string many = "INSERT INTO votes VALUES (?,?,?)";
    for (std::size_t k = 1; k < kPerStatement; ++k) many += ",(?,?,?)";
    SQLite::Statement v64(db, many), v1(db, "INSERT INTO votes VALUES (?,?,?)");
    std::size_t i = 0;
    for (; i + kPerStatement <= rows.size(); i += kPerStatement) {
      for (std::size_t k = 0; k < kPerStatement; ++k) {
        const auto [r, c, code] = unpack(rows[i + k]);
        v64.bind(static_cast<int>(3 * k + 1), r);
        v64.bind(static_cast<int>(3 * k + 2), c);
        v64.bind(static_cast<int>(3 * k + 3), code);
      }
      v64.exec();
      v64.reset();
    }
    for (; i < rows.size(); ++i) {
      const auto [r, c, code] = unpack(rows[i]);
      v1.bind(1, r);
      v1.bind(2, c);
      v1.bind(3, code);
      v1.exec();
      v1.reset();
    }
  }
  // Summary counts, so that `info` does not scan the votes.
  for (Body body : {Body::GeneralAssembly, Body::SecurityCouncil}) {
    std::int64_t n = 0, counts[5] = {0, 0, 0, 0, 0};
    Date first = 0, last = 0;
    for (const auto& r : batch.rollcalls) {
      if (r.info.body != body) continue;
      ++n;
      if (!first || r.info.date < first) first = r.info.date;
      if (r.info.date > last) last = r.info.date;
    }
    if (!n) continue;
    for (const auto& vote : batch.votes)
      if (batch.rollcalls[vote.rollcall].info.body == body) counts[static_cast<int>(vote.vote)]++;
    SQLite::Statement st(db, "INSERT INTO source_stats VALUES (?,?,?,?,?,?,?,?,?)");
    st.bind(1, result.source_id);
    st.bind(2, std::string(body_code(body)));
    st.bind(3, n);
    st.bind(4, format_date(first));
    st.bind(5, format_date(last));
    st.bind(6, counts[1]);
    st.bind(7, counts[3]);
    st.bind(8, counts[2]);
    st.bind(9, counts[4]);
    st.exec();
  }
  result.rollcalls = static_cast<std::int64_t>(batch.rollcalls.size());
  result.votes = static_cast<std::int64_t>(batch.votes.size());
  return result;
}

}  // namespace

std::vector<ImportResult> Store::write_sources(const std::vector<io::ImportBatch>& batches) {
  return write_batches(batches);
}

// Batches by reference: a copy of unvotes' batch was a twentieth of its import.
std::vector<ImportResult> Store::write_batches(std::span<const io::ImportBatch> batches) {
  for (const auto& b : batches) check_batch(b);
  std::vector<ImportResult> results;
  try {
    SQLite::Transaction tx(*db_);
    write_reference_tables(*db_);
    // The record is derived: cleared before sources change, rebuilt after.
    db_->exec("DELETE FROM record_rollcalls; DELETE FROM record_matches; DELETE FROM record_conflicts;");
    // So are the snapshots: every source's data version may change here.
    create_snapshot_table(*db_);
    db_->exec("DELETE FROM matrix_snapshots");
    for (const auto& b : batches) results.push_back(write_batch(*db_, b));
    restitch();
    tx.commit();
  } catch (const SQLite::Exception& e) {
    throw StoreError("cannot write to store '" + path_ + "': " + e.what());
  }
  // The record's snapshots, which every analysis reads by default, are written
  // now in their own transaction: the import stands if this fails, and the first
  // query rebuilds them.
  for (const auto& r : record()) {
    try {
      const Body body = r.body == "sc" ? Body::SecurityCouncil : Body::GeneralAssembly;
      save_snapshot(r.id, body, r.imported_at, load_matrix_rows(r.id, body));
    } catch (const std::exception&) {
    }
  }
  return results;
}

namespace {

std::vector<SourceSummary> summaries(SQLite::Database& db, bool record, const std::string& path) {
  std::vector<SourceSummary> out;
  try {
    SQLite::Statement q(db, R"SQL(
      SELECT s.id, s.name, s.format, s.imported_at, t.body, t.rollcalls, t.first_date, t.last_date,
             t.yes, t.no, t.abstain, t.nonvoting
      FROM sources s JOIN source_stats t ON t.source_id = s.id
      WHERE (s.format = 'record') = ? ORDER BY s.id, t.body)SQL");
    q.bind(1, record ? 1 : 0);
    while (q.executeStep()) {
      SourceSummary s;
      s.id = q.getColumn(0).getInt64();
      s.name = q.getColumn(1).getString();
      s.format = q.getColumn(2).getString();
      s.imported_at = q.getColumn(3).getString();
      s.body = q.getColumn(4).getString();
      s.rollcalls = q.getColumn(5).getInt64();
      s.first_date = q.getColumn(6).getString();
      s.last_date = q.getColumn(7).getString();
      s.yes = q.getColumn(8).getInt64();
      s.no = q.getColumn(9).getInt64();
      s.abstain = q.getColumn(10).getInt64();
      s.nonvoting = q.getColumn(11).getInt64();
      out.push_back(std::move(s));
    }
  } catch (const SQLite::Exception& e) {
    throw StoreError("cannot read store '" + path + "': " + e.what());
  }
  return out;
}

}  // namespace

std::vector<SourceSummary> Store::sources() const { return summaries(*db_, false, path_); }
std::vector<SourceSummary> Store::record() const { return summaries(*db_, true, path_); }

std::int64_t Store::country_count() const { return db_->execAndGet("SELECT count(*) FROM countries").getInt64(); }

SourceSummary Store::resolve_source(const std::string& name, const std::string& body) const {
  const std::string body_name = body == "sc" ? "Security Council" : "General Assembly";
  if (name.empty() || name == kRecordName) {
    for (const auto& r : record())
      if (r.body == body) return r;
    throw UsageError("parameter 'body': no imported source holds " + body_name + " votes");
  }
  const auto all = sources();
  bool name_known = false;
  for (const auto& s : all) {
    if (s.name != name) continue;
    name_known = true;
    if (s.body == body) return s;
  }
  if (!name_known) {
    std::string list;
    for (const auto& s : all)
      if (list.find(s.name) == std::string::npos) list += (list.empty() ? "" : ", ") + s.name;
    if (!record().empty()) list += (list.empty() ? "" : ", ") + std::string(kRecordName);
    throw UsageError("parameter 'source': no source named '" + name +
                     "' (the store has: " + (list.empty() ? "none" : list) + ")");
  }
  throw UsageError("parameter 'body': no imported source holds " + body_name + " votes in source '" + name + "'");
}

RollCallInfo read_rollcall(SQLite::Statement& q, Body body) {
  // Columns: id, key, session, session_label, date, symbol, title, description,
  // important, amendment, paragraph, issues, subjects.
  RollCallInfo info;
  info.id = q.getColumn(0).getInt64();
  info.key = q.getColumn(1).getString();
  info.body = body;
  info.session = q.getColumn(2).getInt();
  info.session_label = q.getColumn(3).getString();
  info.date = parse_date(q.getColumn(4).getString()).value_or(0);
  info.symbol = q.getColumn(5).getString();
  info.title = q.getColumn(6).getString();
  info.description = q.getColumn(7).getString();
  info.important = q.getColumn(8).getInt() != 0;
  info.amendment = q.getColumn(9).getInt() != 0;
  info.paragraph = q.getColumn(10).getInt() != 0;
  info.issues = static_cast<std::uint8_t>(q.getColumn(11).getInt());
  info.subjects = q.getColumn(12).getString();
  return info;
}

VoteMatrix build_series_matrix(SQLite::Database& db, std::vector<RollCallInfo> rollcalls,
                               const std::vector<std::tuple<int, std::int64_t, int>>& votes) {
  // votes: (roll-call index, countries.id, code). Rows are series: a state
  // continued by another is carried in the continuing state's row.
  std::vector<std::string> iso3_of;
  {
    SQLite::Statement q(db, "SELECT id, iso3 FROM countries");
    while (q.executeStep()) {
      const auto id = static_cast<std::size_t>(q.getColumn(0).getInt64());
      if (iso3_of.size() <= id) iso3_of.resize(id + 1);
      iso3_of[id] = q.getColumn(1).getString();
    }
  }
  std::vector<char> used(iso3_of.size(), 0);
  for (const auto& [r, cid, v] : votes)
    if (cid >= 0 && static_cast<std::size_t>(cid) < used.size()) used[static_cast<std::size_t>(cid)] = 1;
  std::map<std::string, std::vector<std::string>> members;  // series id -> ids it carries
  for (std::size_t id = 0; id < used.size(); ++id)
    if (used[id]) members[std::string(registry::series_of(iso3_of[id]))].push_back(iso3_of[id]);
  VoteMatrix m;
  std::map<std::string, int> row_of;
  for (const auto& [series, ids] : members) row_of[series] = m.add_country(series);
  for (const auto& [series, ids] : members)
    for (const auto& id : ids)
      if (id != series) m.add_alias(id, row_of[series]);
  std::vector<int> row_of_id(iso3_of.size(), -1);
  for (std::size_t id = 0; id < used.size(); ++id)
    if (used[id]) row_of_id[id] = row_of[std::string(registry::series_of(iso3_of[id]))];
  const int n_rollcalls = static_cast<int>(rollcalls.size());
  for (auto& info : rollcalls) m.add_rollcall(std::move(info));
  // A series holds one state per date, so two votes in one cell cannot come from
  // the seat rules; should a source hold both, the cast vote is kept.
  std::vector<std::uint8_t> seen(static_cast<std::size_t>(m.countries()) * static_cast<std::size_t>(n_rollcalls), 0);
  for (const auto& [r, cid, v] : votes) {
    if (v < 1 || v > 4 || r < 0 || r >= n_rollcalls) continue;
    const int row = row_of_id[static_cast<std::size_t>(cid)];
    std::uint8_t& cell =
        seen[static_cast<std::size_t>(row) * static_cast<std::size_t>(n_rollcalls) + static_cast<std::size_t>(r)];
    if (cell && is_cast(static_cast<Vote>(cell)) && !is_cast(static_cast<Vote>(v))) continue;
    cell = static_cast<std::uint8_t>(v);
    m.set_vote(row, r, static_cast<Vote>(v));
  }
  m.finish();
  return m;
}

VoteMatrix Store::load_matrix_rows(std::int64_t source_id, Body body) const {
  try {
    {
      SQLite::Statement f(*db_, "SELECT format FROM sources WHERE id = ?");
      f.bind(1, source_id);
      if (f.executeStep() && f.getColumn(0).getString() == "record") return load_record_matrix(body);
    }
    const std::string b(body_code(body));
    SQLite::Statement qr(*db_, R"SQL(
      SELECT r.id, r.key, r.session, r.session_label, r.date, r.symbol, r.title, r.description, r.important,
             r.amendment, r.paragraph, r.issues, r.subjects, s.name
      FROM rollcalls r JOIN sources s ON s.id = r.source_id WHERE r.source_id = ? AND r.body = ? ORDER BY r.id)SQL");
    qr.bind(1, source_id);
    qr.bind(2, b);
    std::vector<RollCallInfo> rollcalls;
    std::int64_t first_id = -1;
    std::vector<int> column_of;  // rollcall id - first_id -> index
    while (qr.executeStep()) {
      RollCallInfo info = read_rollcall(qr, body);
      info.source = qr.getColumn(13).getString();
      if (first_id < 0) first_id = info.id;
      const auto off = static_cast<std::size_t>(info.id - first_id);
      if (column_of.size() <= off) column_of.resize(off + 1, -1);
      column_of[off] = static_cast<int>(rollcalls.size());
      rollcalls.push_back(std::move(info));
    }
    std::vector<std::tuple<int, std::int64_t, int>> votes;
    if (!rollcalls.empty()) {
      const std::int64_t last_id = rollcalls.back().id;
      auto bind = [&](sqlite3_stmt* q) {
        sqlite3_bind_int64(q, 1, first_id);
        sqlite3_bind_int64(q, 2, last_id);
      };
      for_each_vote_row(*db_, "SELECT rollcall_id, country_id, vote FROM votes WHERE rollcall_id BETWEEN ? AND ?", bind,
                        [&](std::int64_t rid, std::int64_t cid, int v) {
                          const auto off = static_cast<std::size_t>(rid - first_id);
                          if (off >= column_of.size() || column_of[off] < 0) return;  // the source's other body
                          votes.emplace_back(column_of[off], cid, v);
                        });
    }
    return build_series_matrix(*db_, std::move(rollcalls), votes);
  } catch (const SQLite::Exception& e) {
    throw StoreError("cannot read store '" + path_ + "': " + e.what());
  }
}

std::int64_t Store::begin_run(const std::string& kind, std::int64_t source_id, const nlohmann::json& params) {
  SQLite::Statement version(*db_, "SELECT imported_at FROM sources WHERE id = ?");
  version.bind(1, source_id);
  std::string data_version = version.executeStep() ? version.getColumn(0).getString() : "";
  SQLite::Statement ins(*db_,
                        "INSERT INTO runs (kind, source_id, params, data_version, created_at) VALUES (?,?,?,?,?)");
  ins.bind(1, kind);
  ins.bind(2, source_id);
  ins.bind(3, params.dump());
  ins.bind(4, data_version);
  ins.bind(5, now_utc());
  ins.exec();
  return db_->getLastInsertRowid();
}

std::int64_t Store::save_ideal_run(std::int64_t source_id, const nlohmann::json& params, const nlohmann::json& summary,
                                   const std::vector<IdealPoint>& points) {
  try {
    SQLite::Transaction tx(*db_);
    std::int64_t run = begin_run("ideal", source_id, params);
    SQLite::Statement sum(*db_, "UPDATE runs SET summary = ? WHERE id = ?");
    sum.bind(1, summary.dump());
    sum.bind(2, run);
    sum.exec();
    SQLite::Statement ins(*db_, "INSERT INTO ideal_points VALUES (?,?,?,?,?,?,?,?,?)");
    for (const auto& p : points) {
      ins.bind(1, run);
      ins.bind(2, p.iso3);
      ins.bind(3, p.session);
      ins.bind(4, p.year);
      ins.bind(5, p.ideal);
      ins.bind(6, p.sd);
      ins.bind(7, p.lo);
      ins.bind(8, p.hi);
      ins.bind(9, p.nvotes);
      ins.exec();
      ins.reset();
    }
    tx.commit();
    return run;
  } catch (const SQLite::Exception& e) {
    throw StoreError("cannot write to store '" + path_ + "': " + e.what());
  }
}

std::optional<Store::RunInfo> Store::latest_run(const std::string& kind, std::int64_t source_id) const {
  SQLite::Statement q(*db_, R"SQL(
    SELECT r.id, r.kind, r.params, r.data_version, r.created_at, coalesce(r.summary, '{}'), r.source_id
    FROM runs r JOIN sources s ON s.id = r.source_id
    WHERE r.kind = ? AND r.source_id = ? AND r.data_version = s.imported_at
    ORDER BY r.id DESC LIMIT 1)SQL");
  q.bind(1, kind);
  q.bind(2, source_id);
  if (!q.executeStep()) return std::nullopt;
  RunInfo r;
  r.id = q.getColumn(0).getInt64();
  r.kind = q.getColumn(1).getString();
  r.params = q.getColumn(2).getString();
  r.data_version = q.getColumn(3).getString();
  r.created_at = q.getColumn(4).getString();
  r.summary = q.getColumn(5).getString();
  r.source_id = q.getColumn(6).getInt64();
  return r;
}

std::vector<Store::IdealPoint> Store::load_ideal_points(std::int64_t run_id) const {
  std::vector<IdealPoint> out;
  SQLite::Statement q(*db_,
                      "SELECT iso3, session, year, ideal, sd, lo, hi, nvotes FROM ideal_points WHERE run_id = ? "
                      "ORDER BY iso3, year, session");
  q.bind(1, run_id);
  while (q.executeStep()) {
    IdealPoint p;
    p.iso3 = q.getColumn(0).getString();
    p.session = q.getColumn(1).getString();
    p.year = q.getColumn(2).getInt();
    p.ideal = q.getColumn(3).getDouble();
    p.sd = q.getColumn(4).getDouble();
    p.lo = q.getColumn(5).getDouble();
    p.hi = q.getColumn(6).getDouble();
    p.nvotes = q.getColumn(7).getInt();
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace rostrum::store
