// Helpers shared by the store's translation units (store.cpp, store_record.cpp).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "matrix/vote_matrix.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

namespace rostrum::store {

// The matrix_snapshots table (store_snapshot.cpp); writers create it, so that a
// store made before it existed gains it on its next write.
void create_snapshot_table(SQLite::Database& db);

// UTC now as "YYYY-MM-DDTHH:MM:SSZ"; with millis = true ".mmm" before the Z.
std::string now_utc(bool millis = false);

// One roll call from a statement whose first 13 columns are: id, key, session,
// session_label, date, symbol, title, description, important, amendment,
// paragraph, issues, subjects.
RollCallInfo read_rollcall(SQLite::Statement& q, Body body);

// Runs `sql` (whose first three columns are rollcall_id, country_id, vote) with
// bind(stmt) setting its parameters, and calls f(rollcall_id, country_id, vote)
// per row through SQLite's C API: loading a million votes without a Column
// object (and its shared pointer) per field.
template <class Bind, class F>
void for_each_vote_row(SQLite::Database& db, const char* sql, Bind&& bind, F&& f) {
  sqlite3_stmt* s = nullptr;
  int rc = sqlite3_prepare_v2(db.getHandle(), sql, -1, &s, nullptr);
  if (rc != SQLITE_OK) throw SQLite::Exception(db.getHandle(), rc);
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> guard(s, sqlite3_finalize);
  bind(s);
  while ((rc = sqlite3_step(s)) == SQLITE_ROW)
    f(sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1), sqlite3_column_int(s, 2));
  if (rc != SQLITE_DONE) throw SQLite::Exception(db.getHandle(), rc);
}

// The matrix of `rollcalls` and their votes, given as (roll-call index,
// countries.id, vote code). Rows are series (registry::series_of): a state that
// another continues is carried in that state's row, and named by it as an alias.
// O(votes + countries x roll calls).
VoteMatrix build_series_matrix(SQLite::Database& db, std::vector<RollCallInfo> rollcalls,
                               const std::vector<std::tuple<int, std::int64_t, int>>& votes);

}  // namespace rostrum::store
