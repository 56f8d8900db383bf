#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "query/query.hpp"

namespace rostrum::cli {

struct Globals {
  std::string db;
  std::string format;  // "" = table on a terminal
  std::string out;
  std::string groups_file;  // user groups (JSON or TOML); default $ROSTRUM_GROUPS
  int exit_code = 0;
  std::string resolved_db() const;  // --db, else $ROSTRUM_DB, else ./rostrum.db
  // A query context on the store, with the user groups loaded.
  std::unique_ptr<query::Context> context() const;
};

void register_commands(CLI::App& app, Globals& globals);

}  // namespace rostrum::cli

namespace rostrum::cli {
// Commands of later stages (ideal, predict, blocs, shifts, brief, serve).
void register_more_commands(CLI::App& app, Globals& globals);
}  // namespace rostrum::cli
