// Helpers shared by the store's translation units (store.cpp, store_record.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <tuple>
#include <vector>

#include "matrix/vote_matrix.hpp"

namespace SQLite {
class Database;
class Statement;
}  // namespace SQLite

namespace rostrum::store {

// UTC now as "YYYY-MM-DDTHH:MM:SSZ"; with millis = true ".mmm" before the Z.
std::string now_utc(bool millis = false);

// One roll call from a statement whose first 13 columns are: id, key, session,
// session_label, date, symbol, title, description, important, amendment,
// paragraph, issues, subjects.
RollCallInfo read_rollcall(SQLite::Statement& q, Body body);

// The matrix of `rollcalls` and their votes, given as (roll-call index,
// countries.id, vote code). Rows are series (registry::series_of): a state that
// another continues is carried in that state's row, and named by it as an alias.
// O(votes + countries x roll calls).
VoteMatrix build_series_matrix(SQLite::Database& db, std::vector<RollCallInfo> rollcalls,
                               const std::vector<std::tuple<int, std::int64_t, int>>& votes);

}  // namespace rostrum::store
