#pragma once

#include <CLI/CLI.hpp>

#include <memory>
#include <string>
#include <string_view>

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

// Every command. With `only` (the command line's command word, see
// command_word), the analyses of the catalogue whose first word is not `only`
// are left out: building their flags is most of a short run's start-up. A word
// that is then no command (find_command) is an unknown command.
void register_commands(CLI::App& app, Globals& globals, std::string_view only = {});
// The first word of the command on `argv`: the first argument that is neither an
// option of `app` (the global options, already added) nor such an option's
// value. Empty when there is none, or when --help or --version comes first.
std::string command_word(const CLI::App& app, int argc, const char* const* argv);
// The subcommand of `parent` named `name`; null when there is none.
CLI::App* find_command(CLI::App& parent, std::string_view name);

// Writes `text` to --out (atomically: a temporary file, then a rename) or stdout.
void emit(const Globals& g, const std::string& text);
// --format, table by default.
Format output_format(const Globals& g);

// One subcommand per analysis of the query catalogue (query/catalogue.hpp):
// flags, help and examples generated from each spec; and the `catalogue`
// command. With `only`, just the commands whose first word it is.
void register_catalogue_commands(CLI::App& app, Globals& globals, std::string_view only = {});
// Commands that are not analyses: serve.
void register_more_commands(CLI::App& app, Globals& globals);

}  // namespace rostrum::cli
