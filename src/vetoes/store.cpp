// The veto tables of the store (docs/store.md).
#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <ctime>
#include <map>
#include <tuple>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/text.hpp"
#include "store/store.hpp"
#include "vetoes/vetoes.hpp"

namespace rostrum::vetoes {
namespace {

const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS veto_sources (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  paths TEXT NOT NULL, imported_at TEXT NOT NULL,
  notes TEXT, warnings TEXT          -- JSON
);
CREATE TABLE IF NOT EXISTS vetoes (
  id INTEGER PRIMARY KEY,
  source_id INTEGER NOT NULL REFERENCES veto_sources(id) ON DELETE CASCADE,
  line INTEGER NOT NULL,
  date TEXT NOT NULL, draft TEXT NOT NULL, meeting TEXT, agenda_item TEXT, topic TEXT, region TEXT,
  subjects TEXT,                     -- ';'-separated ISO3 of the states the item concerns
  subject_basis TEXT                 -- "target column", "topic", "none"
);
CREATE TABLE IF NOT EXISTS veto_members (
  veto_id INTEGER NOT NULL REFERENCES vetoes(id) ON DELETE CASCADE,
  label TEXT NOT NULL,               -- as written in the file ("USSR")
  iso3 TEXT NOT NULL                 -- the state holding the seat on the date ("SUN")
);
CREATE INDEX IF NOT EXISTS veto_members_veto ON veto_members(veto_id);
)SQL";

std::string now_utc() {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& s : items) {
    if (!out.empty()) out += ';';
    out += s;
  }
  return out;
}

}  // namespace

std::vector<WriteResult> write_vetoes(store::Store& store, const std::vector<VetoBatch>& batches) {
  std::vector<WriteResult> results;
  auto& db = store.db();
  try {
    SQLite::Transaction tx(db);
    db.exec(kSchema);
    for (const VetoBatch& batch : batches) {
      WriteResult r;
      SQLite::Statement find(db, "SELECT id FROM veto_sources WHERE name = ?");
      find.bind(1, batch.source_name);
      if (find.executeStep()) {
        const std::int64_t old = find.getColumn(0).getInt64();
        r.replaced = true;
        for (const char* sql : {"DELETE FROM veto_members WHERE veto_id IN (SELECT id FROM vetoes WHERE source_id = ?)",
                                "DELETE FROM vetoes WHERE source_id = ?", "DELETE FROM veto_sources WHERE id = ?"}) {
          SQLite::Statement del(db, sql);
          del.bind(1, old);
          del.exec();
        }
      }
      nlohmann::json paths = batch.paths, notes = batch.notes, warnings = nlohmann::json::object();
      for (const auto& [kind, e] : batch.warnings.by_kind)
        warnings[kind] = {{"count", e.count}, {"examples", e.examples}};
      SQLite::Statement src(db,
                            "INSERT INTO veto_sources (name, paths, imported_at, notes, warnings) VALUES (?,?,?,?,?)");
      src.bind(1, batch.source_name);
      src.bind(2, paths.dump());
      src.bind(3, now_utc());
      src.bind(4, notes.dump());
      src.bind(5, warnings.dump());
      src.exec();
      const std::int64_t source_id = db.getLastInsertRowid();
      SQLite::Statement ins(db,
                            "INSERT INTO vetoes (source_id, line, date, draft, meeting, agenda_item, topic, region, "
                            "subjects, subject_basis) VALUES (?,?,?,?,?,?,?,?,?,?)");
      SQLite::Statement mem(db, "INSERT INTO veto_members VALUES (?,?,?)");
      for (const Veto& v : batch.vetoes) {
        ins.bind(1, source_id);
        ins.bind(2, static_cast<std::int64_t>(v.line));
        ins.bind(3, format_date(v.date));
        ins.bind(4, v.draft);
        ins.bind(5, v.meeting);
        ins.bind(6, v.agenda_item);
        ins.bind(7, v.topic);
        ins.bind(8, v.region);
        ins.bind(9, joined(v.subjects));
        ins.bind(10, v.subject_basis);
        ins.exec();
        ins.reset();
        const std::int64_t veto_id = db.getLastInsertRowid();
        // labels and vetoers are parallel: each label with the state holding its seat.
        for (std::size_t k = 0; k < v.labels.size() && k < v.vetoers.size(); ++k) {
          mem.bind(1, veto_id);
          mem.bind(2, v.labels[k]);
          mem.bind(3, v.vetoers[k]);
          mem.exec();
          mem.reset();
        }
      }
      r.vetoes = static_cast<std::int64_t>(batch.vetoes.size());
      results.push_back(r);
    }
    tx.commit();
  } catch (const SQLite::Exception& e) {
    throw StoreError("cannot write to store '" + store.path() + "': " + e.what());
  }
  return results;
}

bool has_vetoes(store::Store& store) {
  auto& db = store.db();
  try {
    SQLite::Statement q(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'veto_sources'");
    if (!q.executeStep() || q.getColumn(0).getInt() == 0) return false;
    return db.execAndGet("SELECT count(*) FROM veto_sources").getInt64() > 0;
  } catch (const SQLite::Exception& e) {
    throw StoreError("cannot read store '" + store.path() + "': " + e.what());
  }
}

std::vector<Veto> load_vetoes(store::Store& store, std::vector<std::string>* conflicts) {
  if (!has_vetoes(store))
    throw NotAvailableError(
        "no Security Council vetoes in this store: import some first (rostrum vetoes import "
        "../shared/data/unsc/unsc_vetoes_1946_sept2022.csv)");
  auto& db = store.db();
  std::map<std::int64_t, Veto> by_id;
  std::map<std::int64_t, std::int64_t> source_of;
  std::map<std::int64_t, std::string> source_name;
  try {
    SQLite::Statement qs(db, "SELECT id, name FROM veto_sources");
    while (qs.executeStep()) source_name[qs.getColumn(0).getInt64()] = qs.getColumn(1).getString();
    SQLite::Statement q(db,
                        "SELECT id, source_id, line, date, draft, meeting, agenda_item, topic, region, subjects, "
                        "subject_basis FROM vetoes");
    while (q.executeStep()) {
      Veto v;
      const std::int64_t id = q.getColumn(0).getInt64();
      source_of[id] = q.getColumn(1).getInt64();
      v.source = source_name[source_of[id]];
      v.line = static_cast<std::uint64_t>(q.getColumn(2).getInt64());
      v.date = parse_date(q.getColumn(3).getString()).value_or(0);
      v.draft = q.getColumn(4).getString();
      v.meeting = q.getColumn(5).getString();
      v.agenda_item = q.getColumn(6).getString();
      v.topic = q.getColumn(7).getString();
      v.region = q.getColumn(8).getString();
      v.subjects = split_list(q.getColumn(9).getString(), ';');
      v.subject_basis = q.getColumn(10).getString();
      by_id.emplace(id, std::move(v));
    }
    SQLite::Statement qm(db, "SELECT veto_id, label, iso3 FROM veto_members ORDER BY rowid");
    while (qm.executeStep()) {
      auto it = by_id.find(qm.getColumn(0).getInt64());
      if (it == by_id.end()) continue;
      it->second.labels.push_back(qm.getColumn(1).getString());
      it->second.vetoers.push_back(qm.getColumn(2).getString());
    }
  } catch (const SQLite::Exception& e) {
    throw StoreError("cannot read store '" + store.path() + "': " + e.what());
  }
  // Merge sources: each identical veto counts as often as the source listing it most often.
  using Key = std::tuple<Date, std::string, std::string, std::string>;
  std::map<Key, std::map<std::int64_t, std::vector<Veto>>> groups;
  std::map<std::pair<Date, std::string>, std::map<std::string, std::string>> vetoers_by_draft;  // -> vetoers -> source
  for (auto& [id, v] : by_id) {
    const std::string who = joined(v.vetoers);
    vetoers_by_draft[{v.date, v.draft}].emplace(who, v.source);
    groups[Key{v.date, v.draft, v.agenda_item, who}][source_of[id]].push_back(std::move(v));
  }
  std::vector<Veto> out;
  for (auto& [key, per_source] : groups) {
    std::vector<Veto>* most = nullptr;
    for (auto& [source, list] : per_source)
      if (!most || list.size() > most->size()) most = &list;
    for (auto& v : *most) out.push_back(std::move(v));
  }
  if (conflicts)
    for (const auto& [draft, versions] : vetoers_by_draft) {
      if (versions.size() < 2) continue;
      std::string line = format_date(draft.first) + " " + draft.second + ":";
      for (const auto& [who, source] : versions) {
        line += ' ';
        line += who;
        line += " (";
        line += source;
        line += ')';
      }
      conflicts->push_back(line);
    }
  std::stable_sort(out.begin(), out.end(), [](const Veto& a, const Veto& b) { return a.date < b.date; });
  return out;
}

}  // namespace rostrum::vetoes
