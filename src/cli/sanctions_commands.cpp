// `rostrum sanctions import`: reads sanctions lists and writes them to the store
// (a store-writing command, like `import`; the sanctions analyses are catalogue
// entries, src/query/catalogue/sanctions/). Every file is read and validated
// before the store is opened; the lists are written in one transaction.
#include <chrono>
#include <cstdio>
#include <memory>

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "sanctions/import.hpp"
#include "sanctions/store.hpp"
#include "sanctions/universe.hpp"
#include "store/store.hpp"

namespace rostrum::cli {
namespace {

void do_sanctions_import(const Globals& g, const std::vector<std::string>& paths, const std::string& as_of) {
  sanctions::ImportOptions options;
  options.as_of = sanctions::parse_bound(as_of, false, "as-of");
  auto start = std::chrono::steady_clock::now();
  std::vector<sanctions::SanctionsList> lists;
  for (const auto& p : paths)
    for (auto& l : sanctions::read_lists(p, options)) lists.push_back(std::move(l));
  auto store = store::Store::open(g.resolved_db(), true);
  auto results = sanctions::write_lists(store, lists);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char buf[256];
  std::snprintf(buf, sizeof buf, "imported %zu sanctions lists into %s in %.2f s\n", lists.size(), store.path().c_str(),
                secs);
  std::string out = buf;
  for (std::size_t i = 0; i < lists.size(); ++i) {
    const auto& l = lists[i];
    const auto& r = results[i];
    out += "  " + std::string(r.replaced ? "replaced " : "") + l.key + " (" + l.issuer + ", " + l.format +
           "): " + std::to_string(r.entries) + " entries, " + std::to_string(r.names) + " names, " +
           std::to_string(r.identifiers) + " identifiers, " + std::to_string(r.events) + " events; as of " +
           (l.as_of ? format_date(l.as_of) + " (" + l.as_of_basis + ")" : std::string("unknown")) + "\n";
    for (const auto& n : l.notes) out += "    note: " + n + "\n";
    for (const auto& [kind, w] : l.warnings.by_kind) {
      out += "    warning: " + std::to_string(w.count) + " x " + kind + ":";
      for (std::size_t k = 0; k < w.examples.size(); ++k) out += (k ? " | " : " ") + w.examples[k];
      out += "\n";
    }
  }
  std::fputs(out.c_str(), stdout);
}

}  // namespace

// Adds `import` to the `sanctions` command the catalogue's sanctions analyses
// created (or creates it).
void register_sanctions_commands(CLI::App& app, Globals& g) {
  CLI::App* group = find_command(app, "sanctions");
  if (!group) group = app.add_subcommand("sanctions", "Sanctions lists (see its --help)");
  auto* cmd =
      group->add_subcommand("import", "Import sanctions lists: OFAC CSV and history, UN XML, EU Journal, China CSV");
  cmd->group("Store and service");
  cmd->footer(
      "Every list under a directory, or the list a file names: OFAC legacy CSV (sdn.csv with add, alt,\n"
      "sdn_comments; cons_prim.csv with cons_*), the OFAC SDN history (sdn_base_YYYY-MM-DD.csv with\n"
      "sdn_changes.csv), the UN consolidated XML, the EU Official Journal extraction (tar.gz of CSVs or one\n"
      "CSV), China's counter-sanctions CSV; gzip-compressed or not. One transaction; a list replaces the\n"
      "stored list of the same key; a malformed file changes nothing and exits 3. docs/sanctions.md.\n"
      "Example: rostrum sanctions import ../shared/data/sanctions");
  auto paths = std::make_shared<std::vector<std::string>>();
  auto as_of = std::make_shared<std::string>();
  cmd->add_option("PATH", *paths, "Files or directories")->required();
  cmd->add_option("--as-of", *as_of, "Snapshot date for lists that state none (OFAC legacy CSV), YYYY-MM-DD");
  cmd->callback([&g, paths, as_of] { do_sanctions_import(g, *paths, *as_of); });
}

}  // namespace rostrum::cli
