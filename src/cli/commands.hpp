#pragma once

#include <CLI/CLI.hpp>

#include <string>

namespace rostrum::cli {

struct Globals {
  std::string db;
  std::string format;  // "" = table on a terminal
  std::string out;
  int exit_code = 0;
  std::string resolved_db() const;  // --db, else $ROSTRUM_DB, else ./rostrum.db
};

void register_commands(CLI::App& app, Globals& globals);

}  // namespace rostrum::cli

namespace rostrum::cli {
// Commands of later stages (ideal, predict, blocs, shifts, brief, serve).
void register_more_commands(CLI::App& app, Globals& globals);
}  // namespace rostrum::cli
