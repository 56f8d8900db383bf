#include "sanctions/store.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <ctime>
#include <unordered_map>

#include "core/error.hpp"

namespace rostrum::sanctions {
namespace {

const char* kSchema = R"SQL(
CREATE TABLE IF NOT EXISTS sanctions_lists (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,          -- ofac-sdn, ofac-sdn-history, ofac-cons, un-consolidated, eu-journal, cn-counter
  issuer TEXT NOT NULL,              -- US, UN, EU, CN
  name TEXT NOT NULL,
  format TEXT NOT NULL,
  as_of TEXT,                        -- snapshot date (YYYY-MM-DD), NULL when unknown
  as_of_basis TEXT,                  -- stated, latest-listing, given
  paths TEXT NOT NULL,               -- JSON array
  imported_at TEXT NOT NULL,
  notes TEXT,                        -- JSON array
  warnings TEXT                      -- JSON object: kind -> {count, examples}
);
CREATE TABLE IF NOT EXISTS sanctions_entries (
  id INTEGER PRIMARY KEY,
  list_id INTEGER NOT NULL REFERENCES sanctions_lists(id) ON DELETE CASCADE,
  key TEXT NOT NULL,                 -- the issuer's id (OFAC ent_num, UN reference number, EU celex:annex/recordId, CN row)
  type TEXT NOT NULL,                -- person, organisation, vessel, aircraft, unknown
  name TEXT NOT NULL,                -- primary name
  programmes TEXT NOT NULL,          -- JSON array
  target TEXT, target_basis TEXT,    -- ISO3 of the target state and how it was found
  address_countries TEXT NOT NULL,   -- JSON array of ISO3
  links TEXT NOT NULL,               -- JSON array of linked names
  sector TEXT, remarks TEXT, detail TEXT, origin TEXT,
  UNIQUE (list_id, key)
);
CREATE TABLE IF NOT EXISTS sanctions_names (
  entry_id INTEGER NOT NULL REFERENCES sanctions_entries(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,                -- primary, aka, fka, weak
  name TEXT NOT NULL,
  folded TEXT NOT NULL               -- transliterated, ASCII, lower case
);
CREATE INDEX IF NOT EXISTS sanctions_names_entry ON sanctions_names(entry_id);
CREATE INDEX IF NOT EXISTS sanctions_names_folded ON sanctions_names(folded);
CREATE TABLE IF NOT EXISTS sanctions_identifiers (
  entry_id INTEGER NOT NULL REFERENCES sanctions_entries(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,                -- imo, mmsi, passport, national_id, tax_id, ogrn, okpo, registration, swift, lei, dob, nationality
  value TEXT NOT NULL,               -- normalised
  country TEXT,                      -- ISO3 of the issuing state, NULL when not stated
  raw TEXT,
  from_remarks INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sanctions_identifiers_entry ON sanctions_identifiers(entry_id);
CREATE INDEX IF NOT EXISTS sanctions_identifiers_value ON sanctions_identifiers(kind, value);
CREATE TABLE IF NOT EXISTS sanctions_events (
  entry_id INTEGER NOT NULL REFERENCES sanctions_entries(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,                -- listed, amended, delisted
  date TEXT,                         -- latest possible day
  date_lo TEXT,                      -- earliest possible day; NULL = only the upper bound is known
  detail TEXT
);
CREATE INDEX IF NOT EXISTS sanctions_events_entry ON sanctions_events(entry_id);
)SQL";

std::string now_utc() {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void bind_text_or_null(SQLite::Statement& st, int i, const std::string& v) {
  if (v.empty())
    st.bind(i);
  else
    st.bind(i, v);
}

void bind_date(SQLite::Statement& st, int i, Date d) {
  if (d == 0)
    st.bind(i);
  else
    st.bind(i, format_date(d));
}

Date column_date(const SQLite::Column& c) {
  if (c.isNull()) return 0;
  return parse_date(c.getString()).value_or(0);
}

std::string column_text(const SQLite::Column& c) { return c.isNull() ? std::string() : c.getString(); }

nlohmann::json warnings_json(const io::WarningList& w) {
  nlohmann::json j = nlohmann::json::object();
  for (const auto& [kind, e] : w.by_kind) j[kind] = {{"count", e.count}, {"examples", e.examples}};
  return j;
}

// A JSON array of strings as written by write_lists. Arrays without escapes (all
// but a few) are split directly; the JSON parser reads the rest.
std::vector<std::string> json_strings(const std::string& text) {
  std::vector<std::string> out;
  if (text.empty() || text == "[]") return out;
  if (text.find('\\') == std::string::npos && text.front() == '[' && text.back() == ']') {
    std::size_t i = 1;
    while (i < text.size() && text[i] == '"') {
      std::size_t end = text.find('"', i + 1);
      if (end == std::string::npos) break;
      out.emplace_back(text, i + 1, end - i - 1);
      i = end + 1;
      if (i < text.size() && text[i] == ',') ++i;
    }
    if (i == text.size() - 1) return out;
    out.clear();
  }
  for (const auto& v : nlohmann::json::parse(text)) out.push_back(v.get<std::string>());
  return out;
}

bool has_tables(SQLite::Database& db) {
  return db.execAndGet("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sanctions_lists'")
             .getInt() > 0;
}

}  // namespace

void ensure_schema(store::Store& s) {
  try {
    s.db().exec(kSchema);
  } catch (const SQLite::Exception& e) {
    throw StoreError(std::string("cannot create the sanctions tables: ") + e.what());
  }
}

std::vector<WriteResult> write_lists(store::Store& s, const std::vector<SanctionsList>& lists) {
  std::vector<WriteResult> results;
  auto& db = s.db();
  try {
    SQLite::Transaction tx(db);
    db.exec(kSchema);
    std::string imported_at = now_utc();
    SQLite::Statement find(db, "SELECT id FROM sanctions_lists WHERE key = ?");
    SQLite::Statement drop(db, "DELETE FROM sanctions_lists WHERE id = ?");
    SQLite::Statement ins_list(db,
                               "INSERT INTO sanctions_lists (key, issuer, name, format, as_of, as_of_basis, paths, "
                               "imported_at, notes, warnings) VALUES (?,?,?,?,?,?,?,?,?,?)");
    SQLite::Statement ins_entry(
        db,
        "INSERT INTO sanctions_entries (list_id, key, type, name, programmes, target, target_basis, address_countries, "
        "links, sector, remarks, detail, origin) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)");
    SQLite::Statement ins_name(db, "INSERT INTO sanctions_names VALUES (?,?,?,?)");
    SQLite::Statement ins_id(db, "INSERT INTO sanctions_identifiers VALUES (?,?,?,?,?,?)");
    SQLite::Statement ins_event(db, "INSERT INTO sanctions_events VALUES (?,?,?,?,?)");
    for (const auto& list : lists) {
      WriteResult r;
      r.key = list.key;
      find.bind(1, list.key);
      if (find.executeStep()) {
        r.replaced = true;
        drop.bind(1, find.getColumn(0).getInt64());
        drop.exec();
        drop.reset();
      }
      find.reset();
      ins_list.bind(1, list.key);
      ins_list.bind(2, list.issuer);
      ins_list.bind(3, list.name);
      ins_list.bind(4, list.format);
      bind_date(ins_list, 5, list.as_of);
      bind_text_or_null(ins_list, 6, list.as_of_basis);
      ins_list.bind(7, nlohmann::json(list.paths).dump());
      ins_list.bind(8, imported_at);
      ins_list.bind(9, nlohmann::json(list.notes).dump());
      ins_list.bind(10, warnings_json(list.warnings).dump());
      ins_list.exec();
      ins_list.reset();
      std::int64_t list_id = db.getLastInsertRowid();
      for (const auto& e : list.entries) {
        ins_entry.bind(1, list_id);
        ins_entry.bind(2, e.key);
        ins_entry.bind(3, std::string(to_string(e.type)));
        ins_entry.bind(4, e.primary_name());
        ins_entry.bind(5, nlohmann::json(e.programmes).dump());
        bind_text_or_null(ins_entry, 6, e.target);
        bind_text_or_null(ins_entry, 7, e.target_basis);
        ins_entry.bind(8, nlohmann::json(e.address_countries).dump());
        ins_entry.bind(9, nlohmann::json(e.links).dump());
        bind_text_or_null(ins_entry, 10, e.sector);
        bind_text_or_null(ins_entry, 11, e.remarks);
        bind_text_or_null(ins_entry, 12, e.detail);
        bind_text_or_null(ins_entry, 13, e.origin);
        ins_entry.exec();
        ins_entry.reset();
        std::int64_t entry_id = db.getLastInsertRowid();
        ++r.entries;
        for (const auto& n : e.names) {
          ins_name.bind(1, entry_id);
          ins_name.bind(2, std::string(to_string(n.kind)));
          ins_name.bind(3, n.text);
          ins_name.bind(4, n.folded);
          ins_name.exec();
          ins_name.reset();
          ++r.names;
        }
        for (const auto& id : e.ids) {
          ins_id.bind(1, entry_id);
          ins_id.bind(2, id.kind);
          ins_id.bind(3, id.value);
          bind_text_or_null(ins_id, 4, id.country);
          bind_text_or_null(ins_id, 5, id.raw);
          ins_id.bind(6, id.from_remarks ? 1 : 0);
          ins_id.exec();
          ins_id.reset();
          ++r.identifiers;
        }
        for (const auto& ev : e.events) {
          ins_event.bind(1, entry_id);
          ins_event.bind(2, std::string(to_string(ev.kind)));
          bind_date(ins_event, 3, ev.date);
          bind_date(ins_event, 4, ev.date_lo);
          bind_text_or_null(ins_event, 5, ev.detail);
          ins_event.exec();
          ins_event.reset();
          ++r.events;
        }
      }
      results.push_back(std::move(r));
    }
    tx.commit();
  } catch (const SQLite::Exception& e) {
    throw StoreError(std::string("cannot write the sanctions lists to '") + s.path() + "': " + e.what());
  }
  return results;
}

std::string data_version(store::Store& s) {
  try {
    if (!has_tables(s.db())) return "";
    SQLite::Statement q(s.db(), "SELECT key, imported_at FROM sanctions_lists ORDER BY key");
    std::string v;
    while (q.executeStep()) v += q.getColumn(0).getString() + "@" + q.getColumn(1).getString() + ";";
    if (v.empty()) return v;
    // Import times have one-second precision: the row counts tell two imports of
    // the same second apart.
    SQLite::Statement n(s.db(),
                        "SELECT (SELECT count(*) FROM sanctions_entries), (SELECT count(*) FROM sanctions_names), "
                        "(SELECT count(*) FROM sanctions_identifiers), (SELECT count(*) FROM sanctions_events)");
    n.executeStep();
    for (int i = 0; i < 4; ++i) v += std::to_string(n.getColumn(i).getInt64()) + ";";
    return v;
  } catch (const SQLite::Exception& e) {
    throw StoreError(std::string("cannot read the sanctions lists from '") + s.path() + "': " + e.what());
  }
}

Dataset load_dataset(const std::string& db_path) {
  auto s = store::Store::open(db_path, false, true);
  return load_dataset(s);
}

Dataset load_dataset(store::Store& s) {
  Dataset d;
  auto& db = s.db();
  try {
    if (!has_tables(db) || db.execAndGet("SELECT count(*) FROM sanctions_lists").getInt64() == 0)
      throw NotAvailableError("no sanctions lists in '" + s.path() +
                              "': import them first (rostrum sanctions import DIR)");
    std::unordered_map<std::int64_t, int> list_index;
    SQLite::Statement lists(db,
                            "SELECT id, key, issuer, name, format, as_of, as_of_basis, imported_at, notes, warnings "
                            "FROM sanctions_lists ORDER BY issuer, key");
    while (lists.executeStep()) {
      ListRecord l;
      l.id = lists.getColumn(0).getInt64();
      l.key = lists.getColumn(1).getString();
      l.issuer = lists.getColumn(2).getString();
      l.name = lists.getColumn(3).getString();
      l.format = lists.getColumn(4).getString();
      l.as_of = column_date(lists.getColumn(5));
      l.as_of_basis = column_text(lists.getColumn(6));
      l.imported_at = lists.getColumn(7).getString();
      if (auto t = column_text(lists.getColumn(8)); !t.empty()) l.notes = nlohmann::json::parse(t);
      if (auto t = column_text(lists.getColumn(9)); !t.empty()) l.warnings = nlohmann::json::parse(t);
      list_index[l.id] = static_cast<int>(d.lists.size());
      d.lists.push_back(std::move(l));
    }
    std::unordered_map<std::int64_t, std::size_t> entry_index;
    // Entries grouped by list in the lists' order, then as imported.
    for (std::size_t li = 0; li < d.lists.size(); ++li) {
      SQLite::Statement entries(db,
                                "SELECT id, key, type, programmes, target, target_basis, address_countries, links, "
                                "sector, remarks, detail, origin FROM sanctions_entries WHERE list_id = ? ORDER BY id");
      entries.bind(1, d.lists[li].id);
      std::size_t before = d.entries.size();
      while (entries.executeStep()) {
        Entry e;
        std::int64_t id = entries.getColumn(0).getInt64();
        e.key = entries.getColumn(1).getString();
        e.type = entry_type_from_string(entries.getColumn(2).getString());
        e.programmes = json_strings(entries.getColumn(3).getString());
        e.target = column_text(entries.getColumn(4));
        e.target_basis = column_text(entries.getColumn(5));
        e.address_countries = json_strings(entries.getColumn(6).getString());
        e.links = json_strings(entries.getColumn(7).getString());
        e.sector = column_text(entries.getColumn(8));
        e.remarks = column_text(entries.getColumn(9));
        e.detail = column_text(entries.getColumn(10));
        e.origin = column_text(entries.getColumn(11));
        entry_index[id] = d.entries.size();
        d.entries.push_back(std::move(e));
        d.entry_list.push_back(static_cast<int>(li));
      }
      d.lists[li].entries = static_cast<std::int64_t>(d.entries.size() - before);
    }
    SQLite::Statement names(db, "SELECT entry_id, kind, name, folded FROM sanctions_names ORDER BY rowid");
    while (names.executeStep()) {
      auto& e = d.entries[entry_index.at(names.getColumn(0).getInt64())];
      e.names.push_back(Name{name_kind_from_string(names.getColumn(1).getString()), names.getColumn(2).getString(),
                             names.getColumn(3).getString()});
    }
    SQLite::Statement ids(
        db, "SELECT entry_id, kind, value, country, raw, from_remarks FROM sanctions_identifiers ORDER BY rowid");
    while (ids.executeStep()) {
      auto& e = d.entries[entry_index.at(ids.getColumn(0).getInt64())];
      e.ids.push_back(Identifier{ids.getColumn(1).getString(), ids.getColumn(2).getString(),
                                 column_text(ids.getColumn(3)), column_text(ids.getColumn(4)),
                                 ids.getColumn(5).getInt() != 0});
    }
    SQLite::Statement events(db, "SELECT entry_id, kind, date, date_lo, detail FROM sanctions_events ORDER BY rowid");
    while (events.executeStep()) {
      auto& e = d.entries[entry_index.at(events.getColumn(0).getInt64())];
      e.events.push_back(Event{event_kind_from_string(events.getColumn(1).getString()),
                               column_date(events.getColumn(2)), column_date(events.getColumn(3)),
                               column_text(events.getColumn(4))});
    }
  } catch (const SQLite::Exception& e) {
    throw StoreError(std::string("cannot read the sanctions lists from '") + s.path() + "': " + e.what());
  }
  return d;
}

}  // namespace rostrum::sanctions
