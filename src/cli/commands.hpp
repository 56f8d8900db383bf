#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

#include "core/table.hpp"
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

// Writes `text` to --out (atomically: a temporary file, then a rename) or stdout.
void emit(const Globals& g, const std::string& text);
// --format, table by default.
Format output_format(const Globals& g);

// One subcommand per analysis of the query catalogue (query/catalogue.hpp):
// flags, help and examples generated from each spec.
void register_catalogue_commands(CLI::App& app, Globals& globals);
// Commands that are not analyses: serve.
void register_more_commands(CLI::App& app, Globals& globals);

}  // namespace rostrum::cli
