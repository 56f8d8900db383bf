// rostrum: the command line. A thin shell: it parses flags into query parameters,
// calls the library and renders the result. No analysis happens here.
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "cli/process_heap.hpp"
#include "core/error.hpp"
#include "core/version.hpp"

int main(int argc, char** argv) {
  using namespace rostrum::cli;
  use_large_heap();
  CLI::App app{
      "rostrum: an alignment observatory for UN General Assembly and Security Council votes.\n\n"
      "Typical session:\n"
      "  rostrum import ../shared/data/unga/unvotes-0.3.0      # build ./rostrum.db\n"
      "  rostrum info                                          # what is in the store\n"
      "  rostrum agree --a USA --b all --year 2019             # who votes with the US\n"
      "  rostrum agree --a CHN,RUS --b PRK --by year           # a pair's series\n"
      "  rostrum cohesion --group G7 --by year                 # how cohesive is a group\n",
      "rostrum"};
  app.set_version_flag("--version", std::string("rostrum ") + rostrum::version());
  app.require_subcommand(1);
  app.fallthrough();
  Globals globals;
  app.add_option("--db", globals.db, "Store file (default: $ROSTRUM_DB, else ./rostrum.db)");
  app.add_option("--format", globals.format, "Output format: table, csv or json")
      ->check(CLI::IsMember({"table", "csv", "json"}));
  app.add_option("--out", globals.out, "Write the result to this file instead of standard output");
  app.add_option("--groups", globals.groups_file,
                 "User groups file, JSON or TOML (default: $ROSTRUM_GROUPS); see docs/registry.md");

  const std::string command = command_word(app, argc, argv);
  register_commands(app, globals, command);
  if (!command.empty() && find_command(app, command) == nullptr) {
    std::fprintf(stderr, "rostrum: error: unknown command '%s'; `rostrum --help` lists the commands\n",
                 command.c_str());
    return 2;
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return 2;
  } catch (const rostrum::Error& e) {
    std::fprintf(stderr, "rostrum: error: %s\n", e.what());
    return e.exit_code();
  } catch (const std::exception& e) {
    std::fprintf(stderr, "rostrum: internal error: %s\n", e.what());
    return 1;
  }
  return globals.exit_code;
}
