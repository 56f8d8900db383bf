// The importers of the alliance and veto channels, as subcommands of the
// catalogue's `alliances` and `vetoes` analyses: `rostrum alliances import
// FILE...`, `rostrum vetoes import FILE...`. A thin shell: parse every file
// (src/alliances, src/vetoes), then write them all in one transaction.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>

#include "alliances/alliances.hpp"
#include "cli/commands.hpp"
#include "core/error.hpp"
#include "store/store.hpp"
#include "vetoes/vetoes.hpp"

namespace rostrum::cli {

namespace {

Date today() {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  return make_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

std::string notes_text(const std::vector<std::string>& notes, const io::WarningList& warnings) {
  std::string out;
  for (const auto& n : notes) out += "  note: " + n + "\n";
  for (const auto& [kind, e] : warnings.by_kind) {
    out += "  warnings (" + std::to_string(e.count) + "): " + kind + ":";
    for (const auto& ex : e.examples) out += " " + ex + ";";
    out += "\n";
  }
  return out;
}

// The catalogue's subcommand `name`, which gets an `import` child. When the child
// runs, the analysis itself must not: its callback is cleared for this run.
// Null when the analysis is not registered (another command is being run).
CLI::App* analysis_command(CLI::App& app, const char* name) {
  CLI::App* cmd = find_command(app, name);
  if (cmd != nullptr) cmd->require_subcommand(0, 1);
  return cmd;
}

// The files and --name of an import subcommand (a name only with one file).
struct ImportArgs {
  std::vector<std::string> paths;
  std::string name;
};

CLI::App* add_import_command(CLI::App* parent, const std::string& summary, const std::string& footer,
                             const std::string& paths_help, ImportArgs& args) {
  auto* cmd = parent->add_subcommand("import", summary);
  cmd->footer(footer);
  cmd->add_option("PATH", args.paths, paths_help)->required();
  cmd->add_option("--name", args.name, "Source name (default: the file name without extension)");
  return cmd;
}

// Run at the start of an import's callback: the import replaces the parent's analysis.
void start_import(CLI::App* parent, const ImportArgs& args) {
  parent->callback(std::function<void()>());
  if (!args.name.empty() && args.paths.size() > 1) throw ParameterError("name", "give one PATH when naming the source");
}

void register_alliances_import(CLI::App& app, Globals& g) {
  CLI::App* parent = analysis_command(app, "alliances");
  if (parent == nullptr) return;
  auto args = std::make_shared<ImportArgs>();
  auto* cmd = add_import_command(
      parent, "Import ATOP dyad-years and treaty files (one transaction)",
      "Formats (detected from the header):\n"
      "  ATOP directed dyad-years: ccode1, ccode2, year, atop_defense, atop_offense, atop_neutral,\n"
      "  atop_nonagg, atop_consul. COW codes are read by date (365 is SUN 1923-1991); codes the registry\n"
      "  cannot place (Bavaria, Austria-Hungary, ...) are reported, not guessed.\n"
      "  Treaty file: name, parties, signed, in_force, ended, obligations, source[, notes]; every row cites\n"
      "  its source (data/treaties.csv is the project's; docs/alliances.md describes the format).\n"
      "Re-importing a source (same name) replaces it. A malformed file changes nothing and exits 3.\n"
      "Example: rostrum alliances import ../shared/data/alliances/atop_dyad_year.csv.gz data/treaties.csv",
      "ATOP or treaty files", *args);
  auto as_of = std::make_shared<std::string>();
  cmd->add_option("--as-of", *as_of, "Treaties still in force run to this date (default: today)");
  cmd->callback([&g, parent, args, as_of] {
    start_import(parent, *args);
    Date until = today();
    if (!as_of->empty()) {
      auto d = parse_date(*as_of);
      if (!d) throw ParameterError("as-of", "expected YYYY-MM-DD, got '" + *as_of + "'");
      until = *d;
    }
    // Every file is parsed and validated before the store is opened.
    std::vector<alliances::AllianceBatch> batches;
    for (const auto& p : args->paths) batches.push_back(alliances::import_alliance_file(p, args->name, until));
    auto store = store::Store::open(g.resolved_db(), true);
    auto results = alliances::write_alliances(store, batches);
    std::string report;
    for (std::size_t i = 0; i < batches.size(); ++i) {
      const auto& b = batches[i];
      report += std::string(results[i].replaced ? "replaced" : "imported") + " alliance source '" + b.source_name +
                "' (" + b.format + ") into " + store.path() + ": " + std::to_string(results[i].ties) +
                " directed dyad-years, " + std::to_string(b.first_year) + "-" + std::to_string(b.last_year) +
                (b.format == "treaties" ? ", " + std::to_string(results[i].treaties) + " treaties" : std::string()) +
                "\n";
      report += notes_text(b.notes, b.warnings);
    }
    std::fputs(report.c_str(), stdout);
  });
}

void register_vetoes_import(CLI::App& app, Globals& g) {
  CLI::App* parent = analysis_command(app, "vetoes");
  if (parent == nullptr) return;
  auto args = std::make_shared<ImportArgs>();
  auto* cmd = add_import_command(
      parent, "Import Security Council veto files (one transaction)",
      "Layout: year, date (M/D/YYYY or YYYY-MM-DD), month, draft, meeting_record, agenda_item, crisis_topic,\n"
      "region, member_veto1..3 and the 0/1 indicator columns; an optional target column (';'-separated\n"
      "states the draft concerns). Vetoing seats are mapped to states by date (USSR = SUN to 1991-12-23, RUS from "
      "1991-12-24).\n"
      "Re-importing a source (same name) replaces it; a veto listed by several files counts once.\n"
      "A malformed file changes nothing and exits 3.\n"
      "Example: rostrum vetoes import ../shared/data/unsc/unsc_vetoes_1946_sept2022.csv",
      "Veto CSV files", *args);
  cmd->callback([&g, parent, args] {
    start_import(parent, *args);
    std::vector<vetoes::VetoBatch> batches;
    for (const auto& p : args->paths) batches.push_back(vetoes::import_vetoes(p, args->name));
    auto store = store::Store::open(g.resolved_db(), true);
    auto results = vetoes::write_vetoes(store, batches);
    std::string report;
    for (std::size_t i = 0; i < batches.size(); ++i) {
      const auto& b = batches[i];
      report += std::string(results[i].replaced ? "replaced" : "imported") + " veto source '" + b.source_name +
                "' into " + store.path() + ": " + std::to_string(results[i].vetoes) + " vetoes, " +
                format_date(b.vetoes.front().date) + " to " + format_date(b.vetoes.back().date) + "\n";
      report += notes_text(b.notes, b.warnings);
    }
    std::fputs(report.c_str(), stdout);
  });
}

}  // namespace

void register_alliance_commands(CLI::App& app, Globals& g) {
  register_alliances_import(app, g);
  register_vetoes_import(app, g);
}

}  // namespace rostrum::cli
