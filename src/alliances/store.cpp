// The alliance tables of the store (docs/store.md): created on the first alliance
// import, written in one transaction per source, read back whole.
#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <ctime>
#include <map>

#include <nlohmann/json.hpp>

#include "alliances/alliances.hpp"
#include "core/error.hpp"
#include "registry/registry.hpp"
#include "store/store.hpp"

namespace rostrum::alliances {
namespace {

const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS alliance_sources (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  format TEXT NOT NULL,              -- "atop" or "treaties"
  paths TEXT NOT NULL,               -- JSON array
  imported_at TEXT NOT NULL,
  first_year INTEGER NOT NULL, last_year INTEGER NOT NULL,
  complete INTEGER NOT NULL,         -- 1: every commitment of those years; 0: only what it lists
  as_of TEXT,                        -- treaty files: open-ended treaties run to this date
  notes TEXT, warnings TEXT          -- JSON
);
CREATE TABLE IF NOT EXISTS treaties (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES alliance_sources(id) ON DELETE CASCADE,
  line INTEGER NOT NULL,
  name TEXT NOT NULL, parties TEXT NOT NULL,
  signed TEXT, in_force TEXT, ended TEXT,
  obligations TEXT NOT NULL,         -- "defense;consul", "none"
  source TEXT NOT NULL, notes TEXT
);
CREATE TABLE IF NOT EXISTS alliance_ties (
  source_id INTEGER NOT NULL REFERENCES alliance_sources(id) ON DELETE CASCADE,
  treaty_id INTEGER REFERENCES treaties(id) ON DELETE CASCADE,  -- NULL for ATOP rows
  year INTEGER NOT NULL,
  a TEXT NOT NULL, b TEXT NOT NULL,  -- ISO3 by date: a's obligations toward b
  defense INTEGER NOT NULL, offense INTEGER NOT NULL, neutral INTEGER NOT NULL,
  nonagg INTEGER NOT NULL, consul INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS alliance_ties_pair ON alliance_ties(a, b, year);
CREATE INDEX IF NOT EXISTS alliance_ties_b ON alliance_ties(b);
)SQL";

std::string now_utc() {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

bool table_exists(SQLite::Database& db, const char* name) {
  SQLite::Statement q(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?");
  q.bind(1, name);
  return q.executeStep() && q.getColumn(0).getInt() > 0;
}

}  // namespace

namespace {

WriteResult write_one(SQLite::Database& db, const AllianceBatch& batch) {
  WriteResult result;
  const int n_countries = static_cast<int>(registry::countries().size());
  const int n_treaties = static_cast<int>(batch.treaties.size());
  for (const Tie& t : batch.ties)
    if (t.a < 0 || t.a >= n_countries || t.b < 0 || t.b >= n_countries || t.treaty >= n_treaties || t.treaty < -1)
      throw StoreError("cannot write alliance source '" + batch.source_name +
                       "': a tie refers to a state or treaty outside the batch");
  db.exec(kSchema);
  {
    SQLite::Statement find(db, "SELECT id FROM alliance_sources WHERE name = ?");
    find.bind(1, batch.source_name);
    if (find.executeStep()) {
      const std::int64_t old = find.getColumn(0).getInt64();
      result.replaced = true;
      for (const char* sql :
           {"DELETE FROM alliance_ties WHERE source_id = ?", "DELETE FROM treaties WHERE source_id = ?",
            "DELETE FROM alliance_sources WHERE id = ?"}) {
        SQLite::Statement del(db, sql);
        del.bind(1, old);
        del.exec();
      }
    }
  }
  nlohmann::json paths = batch.paths, notes = batch.notes, warnings = nlohmann::json::object();
  for (const auto& [kind, e] : batch.warnings.by_kind) warnings[kind] = {{"count", e.count}, {"examples", e.examples}};
  SQLite::Statement src(db,
                        "INSERT INTO alliance_sources (name, format, paths, imported_at, first_year, last_year, "
                        "complete, as_of, notes, warnings) VALUES (?,?,?,?,?,?,?,?,?,?)");
  src.bind(1, batch.source_name);
  src.bind(2, batch.format);
  src.bind(3, paths.dump());
  src.bind(4, now_utc());
  src.bind(5, batch.first_year);
  src.bind(6, batch.last_year);
  src.bind(7, batch.complete ? 1 : 0);
  if (batch.as_of)
    src.bind(8, format_date(batch.as_of));
  else
    src.bind(8);
  src.bind(9, notes.dump());
  src.bind(10, warnings.dump());
  src.exec();
  const std::int64_t source_id = db.getLastInsertRowid();

  std::vector<std::int64_t> treaty_ids;
  SQLite::Statement tr(db,
                       "INSERT INTO treaties (source_id, line, name, parties, signed, in_force, ended, obligations, "
                       "source, notes) VALUES (?,?,?,?,?,?,?,?,?,?)");
  for (const Treaty& t : batch.treaties) {
    tr.bind(1, source_id);
    tr.bind(2, static_cast<std::int64_t>(t.line));
    tr.bind(3, t.name);
    tr.bind(4, t.parties);
    int k = 5;
    for (Date d : {t.signed_on, t.in_force, t.ended}) {
      if (d)
        tr.bind(k, format_date(d));
      else
        tr.bind(k);
      ++k;
    }
    tr.bind(8, obligation_list(t.obligations));
    tr.bind(9, t.source);
    tr.bind(10, t.notes);
    tr.exec();
    tr.reset();
    treaty_ids.push_back(db.getLastInsertRowid());
  }
  SQLite::Statement ins(db, "INSERT INTO alliance_ties VALUES (?,?,?,?,?,?,?,?,?,?)");
  const auto countries = registry::countries();
  for (const Tie& t : batch.ties) {
    ins.bind(1, source_id);
    if (t.treaty >= 0)
      ins.bind(2, treaty_ids[static_cast<std::size_t>(t.treaty)]);
    else
      ins.bind(2);
    ins.bind(3, t.year);
    ins.bind(4, std::string(countries[static_cast<std::size_t>(t.a)].iso3));
    ins.bind(5, std::string(countries[static_cast<std::size_t>(t.b)].iso3));
    for (int k = 0; k < 5; ++k) ins.bind(6 + k, (t.obligations >> k) & 1);
    ins.exec();
    ins.reset();
  }
  result.ties = static_cast<std::int64_t>(batch.ties.size());
  result.treaties = static_cast<std::int64_t>(batch.treaties.size());
  return result;
}

}  // namespace

std::vector<WriteResult> write_alliances(store::Store& store, const std::vector<AllianceBatch>& batches) {
  std::vector<WriteResult> results;
  auto& db = store.db();
  try {
    SQLite::Transaction tx(db);
    for (const auto& batch : batches) results.push_back(write_one(db, batch));
    tx.commit();
  } catch (const SQLite::Exception& e) {
    throw StoreError("cannot write to store '" + store.path() + "': " + e.what());
  }
  return results;
}

WriteResult write_alliances(store::Store& store, const AllianceBatch& batch) {
  return write_alliances(store, std::vector<AllianceBatch>{batch}).front();
}

bool has_alliances(store::Store& store) {
  try {
    auto& db = store.db();
    return table_exists(db, "alliance_sources") &&
           db.execAndGet("SELECT count(*) FROM alliance_sources").getInt64() > 0;
  } catch (const SQLite::Exception& e) {
    throw StoreError("cannot read store '" + store.path() + "': " + e.what());
  }
}

AllianceData load_alliances(store::Store& store, const std::vector<std::string>& involving) {
  if (!has_alliances(store))
    throw NotAvailableError(
        "no alliance data in this store: import some first (rostrum alliances import "
        "../shared/data/alliances/atop_dyad_year.csv.gz data/treaties.csv)");
  auto& db = store.db();
  std::vector<Tie> ties;
  std::vector<Treaty> treaties;
  std::vector<Coverage> coverage;
  try {
    SQLite::Statement qs(
        db, "SELECT name, format, first_year, last_year, complete, imported_at FROM alliance_sources ORDER BY id");
    while (qs.executeStep()) {
      Coverage c;
      c.source = qs.getColumn(0).getString();
      c.format = qs.getColumn(1).getString();
      c.first_year = qs.getColumn(2).getInt();
      c.last_year = qs.getColumn(3).getInt();
      c.complete = qs.getColumn(4).getInt() != 0;
      c.imported_at = qs.getColumn(5).getString();
      coverage.push_back(std::move(c));
    }
    std::map<std::int64_t, int> treaty_index;
    SQLite::Statement qt(db,
                         "SELECT id, line, name, parties, signed, in_force, ended, obligations, source, notes "
                         "FROM treaties ORDER BY id");
    while (qt.executeStep()) {
      Treaty t;
      t.line = static_cast<std::uint64_t>(qt.getColumn(1).getInt64());
      t.name = qt.getColumn(2).getString();
      t.parties = qt.getColumn(3).getString();
      t.signed_on = parse_date(qt.getColumn(4).getString()).value_or(0);
      t.in_force = parse_date(qt.getColumn(5).getString()).value_or(0);
      t.ended = parse_date(qt.getColumn(6).getString()).value_or(0);
      const std::string obligations = qt.getColumn(7).getString();
      for (std::size_t k = 0; k < kObligationNames.size(); ++k)
        if (obligations.find(kObligationNames[k]) != std::string::npos)
          t.obligations |= static_cast<std::uint8_t>(1u << k);
      t.source = qt.getColumn(8).getString();
      t.notes = qt.getColumn(9).getString();
      treaty_index.emplace(qt.getColumn(0).getInt64(), static_cast<int>(treaties.size()));
      treaties.push_back(std::move(t));
    }
    std::map<std::string, int> index_of;
    auto country = [&](const std::string& iso3) {
      auto it = index_of.find(iso3);
      if (it != index_of.end()) return it->second;
      int idx = registry::index_of_iso3(iso3);
      index_of.emplace(iso3, idx);
      return idx;
    };
    std::string sql = "SELECT treaty_id, year, a, b, defense, offense, neutral, nonagg, consul FROM alliance_ties";
    if (!involving.empty()) {
      std::string marks;
      for (std::size_t i = 0; i < involving.size(); ++i) marks += i ? ",?" : "?";
      sql += " WHERE a IN (" + marks + ") OR b IN (" + marks + ")";
    }
    SQLite::Statement q(db, sql);
    for (std::size_t i = 0; i < involving.size(); ++i) {
      q.bind(static_cast<int>(i) + 1, involving[i]);
      q.bind(static_cast<int>(i + involving.size()) + 1, involving[i]);
    }
    while (q.executeStep()) {
      Tie t;
      t.treaty = q.getColumn(0).isNull() ? -1 : treaty_index.at(q.getColumn(0).getInt64());
      t.year = q.getColumn(1).getInt();
      t.a = country(q.getColumn(2).getString());
      t.b = country(q.getColumn(3).getString());
      // A store written by a build whose registry knew a state this one does not.
      if (t.a < 0 || t.b < 0) continue;
      for (int k = 0; k < 5; ++k)
        if (q.getColumn(4 + k).getInt()) t.obligations |= static_cast<std::uint8_t>(1u << k);
      ties.push_back(t);
    }
  } catch (const SQLite::Exception& e) {
    throw StoreError("cannot read store '" + store.path() + "': " + e.what());
  }
  return AllianceData(std::move(ties), std::move(treaties), std::move(coverage));
}

}  // namespace rostrum::alliances
