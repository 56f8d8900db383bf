// A store holding the real unvotes data, imported once per test binary.
#pragma once

#include <memory>
#include <string>

#include "io/import.hpp"
#include "query/query.hpp"
#include "store/store.hpp"
#include "support/test_support.hpp"

namespace rostrum::testing {

// Returns the path of a store with ../shared/data/unga/unvotes-0.3.0 imported, or
// "" when the shared data is not present.
inline const std::string& unvotes_store() {
  static TempDir dir;
  static std::string path = [] {
    if (!has_shared_data()) return std::string();
    std::string db = (dir.path() / "unvotes.db").string();
    auto batch = io::import_path(shared_data("unga/unvotes-0.3.0"), "unvotes");
    auto store = store::Store::open(db, true);
    store.write_source(batch);
    return db;
  }();
  return path;
}

}  // namespace rostrum::testing
