// The sanctions tables of the store (schema in docs/store.md, "Sanctions"):
// writing imported lists in one transaction, and loading everything back for the
// analyses.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sanctions/model.hpp"
#include "store/store.hpp"

namespace rostrum::sanctions {

// Creates the sanctions tables when missing (idempotent).
void ensure_schema(store::Store& s);

struct WriteResult {
  std::string key;
  bool replaced = false;  // a list with the same key was in the store and was replaced
  std::int64_t entries = 0, names = 0, identifiers = 0, events = 0;
};

// Writes every list in one transaction; a list replaces the stored list of the same
// key. On any error nothing is written.
std::vector<WriteResult> write_lists(store::Store& s, const std::vector<SanctionsList>& lists);

struct ListRecord {
  std::int64_t id = 0;
  std::string key, issuer, name, format;
  Date as_of = 0;
  std::string as_of_basis, imported_at;
  nlohmann::json notes = nlohmann::json::array();
  nlohmann::json warnings = nlohmann::json::object();
  std::int64_t entries = 0;
};

// Everything in the sanctions tables, in memory. entries[i] belongs to
// lists[entry_list[i]]; entries are ordered by list, then as imported.
struct Dataset {
  std::vector<ListRecord> lists;
  std::vector<Entry> entries;
  std::vector<int> entry_list;
  const ListRecord& list_of(std::size_t entry) const { return lists[static_cast<std::size_t>(entry_list[entry])]; }
};

// Loads the store's sanctions lists. A store without them is a NotAvailableError
// telling the user to import (rostrum sanctions import DIR).
Dataset load_dataset(const std::string& db_path);
Dataset load_dataset(store::Store& s);

// What identifies the sanctions data of a store: every list's key and import time.
// "" when the store holds none.
std::string data_version(store::Store& s);

}  // namespace rostrum::sanctions
