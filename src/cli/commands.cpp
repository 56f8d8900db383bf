#include "cli/commands.hpp"

#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

#include "cli/progress.hpp"
#include "core/error.hpp"
#include "io/import.hpp"
#include "query/query.hpp"
#include "registry/groups.hpp"
#include "store/store.hpp"

namespace rostrum::cli {

std::string Globals::resolved_db() const {
  if (!db.empty()) return db;
  if (const char* env = std::getenv("ROSTRUM_DB"); env && *env) return env;
  return "rostrum.db";
}

std::unique_ptr<query::Context> Globals::context() const {
  auto ctx = std::make_unique<query::Context>(resolved_db());
  std::string file = groups_file;
  if (file.empty())
    if (const char* env = std::getenv("ROSTRUM_GROUPS"); env && *env) file = env;
  if (!file.empty()) ctx->set_user_groups(registry::load_groups_file(file));
  return ctx;
}

void emit(const Globals& g, const std::string& text) {
  if (g.out.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return;
  }
  std::string tmp = g.out + ".tmp";
  {
    std::ofstream f(tmp, std::ios::binary);
    if (!f) throw UsageError("parameter 'out': cannot write '" + g.out + "'");
    f << text;
    if (!f) throw UsageError("parameter 'out': cannot write '" + g.out + "'");
  }
  std::filesystem::rename(tmp, g.out);
}

Format output_format(const Globals& g) { return g.format.empty() ? Format::table : parse_format(g.format); }

namespace {

std::string with_commas(std::int64_t v) {
  std::string s = std::to_string(v);
  for (int i = static_cast<int>(s.size()) - 3; i > (v < 0 ? 1 : 0); i -= 3) s.insert(i, ",");
  return s;
}

void do_import(Globals& g, const std::vector<std::string>& paths, const std::string& format, const std::string& name) {
  if (!name.empty() && paths.size() > 1) throw UsageError("parameter 'name': give one PATH when naming the source");
  // Parse and validate everything before the store is opened: a bad file leaves
  // the store untouched (and does not create one).
  std::vector<io::ImportBatch> batches;
  std::vector<double> seconds;
  for (const auto& path : paths) {
    auto start = std::chrono::steady_clock::now();
    Progress progress("importing " + std::filesystem::path(path).filename().string());
    batches.push_back(
        io::import_path(path, format, name, [&](std::size_t d, std::size_t t) { progress.update(d, t); }));
    progress.finish();
    seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  auto store = store::Store::open(g.resolved_db(), true);
  std::string report;
  for (std::size_t i = 0; i < batches.size(); ++i) {
    auto start = std::chrono::steady_clock::now();
    const auto& b = batches[i];
    auto r = store.write_source(b);
    double secs = seconds[i] + std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::int64_t counts[5] = {0, 0, 0, 0, 0};
    for (const auto& v : b.votes) counts[static_cast<int>(v.vote)]++;
    std::int64_t ga = 0, sc = 0;
    for (const auto& rc : b.rollcalls) (rc.info.body == Body::SecurityCouncil ? sc : ga)++;
    char buf[512];
    std::snprintf(buf, sizeof buf, "%s source '%s' (%s) into %s in %.2f s\n", r.replaced ? "replaced" : "imported",
                  b.source_name.c_str(), b.format.c_str(), store.path().c_str(), secs);
    report += buf;
    report +=
        "  roll calls: " + with_commas(r.rollcalls) + " (" + with_commas(ga) + " GA, " + with_commas(sc) + " SC)\n";
    report += "  votes:      " + with_commas(r.votes) + " (" + with_commas(counts[1]) + " yes, " +
              with_commas(counts[3]) + " no, " + with_commas(counts[2]) + " abstain, " + with_commas(counts[4]) +
              " non-voting)\n";
    std::int64_t mapped = 0, unmapped = 0;
    for (const auto& [label, iso3] : b.name_map) (iso3.empty() ? unmapped : mapped)++;
    report += "  country labels: " + with_commas(mapped) + " mapped" +
              (unmapped ? ", " + with_commas(unmapped) + " unmapped" : std::string()) + "\n";
    for (const auto& note : b.notes) report += "  note: " + note + "\n";
    if (b.warnings.total() > 0) {
      report += "  warnings (" + with_commas(b.warnings.total()) + "):\n";
      for (const auto& [kind, e] : b.warnings.by_kind) {
        report += "    " + with_commas(e.count) + " x " + kind + ": ";
        for (std::size_t k = 0; k < e.examples.size(); ++k) report += (k ? ", " : "") + e.examples[k];
        if (e.count > static_cast<std::int64_t>(e.examples.size())) report += ", ...";
        report += "\n";
      }
    }
  }
  std::fputs(report.c_str(), stdout);
}

std::string default_data_dir() {
  if (const char* env = std::getenv("ROSTRUM_DATA"); env && *env) return env;
  for (const char* candidate : {"../shared/data", "shared/data"})
    if (std::filesystem::exists(std::string(candidate) + "/unga"))
      return std::filesystem::absolute(candidate).lexically_normal().string();
  return "";
}

}  // namespace

void register_commands(CLI::App& app, Globals& g, std::string_view only) {
  // import
  {
    auto* cmd = app.add_subcommand("import", "Import UN vote files into the store (one transaction per source)");
    cmd->group("Store and service");
    cmd->footer(
        "Formats are detected from content:\n"
        "  unvotes  a directory with un_votes.csv[.gz], un_roll_calls.csv[.gz], un_roll_call_issues.csv[.gz]\n"
        "  undl     the UN Digital Library bulk voting CSV (GA or SC)\n"
        "  wide     the 2022 UN Digital Library scrape (one row per resolution, one column per state)\n"
        "  voeten   Voeten's Dataverse CSV (rcid, ccode, vote, ...)\n"
        "Re-importing a source replaces it. A malformed file changes nothing and exits 3.\n"
        "Example: rostrum import ../shared/data/unga/unvotes-0.3.0");
    auto paths = std::make_shared<std::vector<std::string>>();
    auto format = std::make_shared<std::string>();
    auto name = std::make_shared<std::string>();
    cmd->add_option("PATH", *paths, "Files or directories to import")->required();
    cmd->add_option("--as", *format, "Force a format: unvotes, undl, wide or voeten")
        ->check(CLI::IsMember({"unvotes", "undl", "wide", "voeten"}));
    cmd->add_option("--name", *name, "Source name (default: the file or directory name)");
    cmd->callback([&g, paths, format, name] { do_import(g, *paths, *format, *name); });
  }
  // data
  {
    auto* cmd = app.add_subcommand("data", "Where the data is, and how to get it");
    cmd->group("Store and service");
    cmd->require_subcommand(1);
    auto* path = cmd->add_subcommand("path", "Print the default data directory ($ROSTRUM_DATA, else ../shared/data)");
    path->callback([&g] {
      std::string dir = default_data_dir();
      if (dir.empty()) {
        std::fprintf(stderr,
                     "rostrum: no data directory: set ROSTRUM_DATA, or run 'rostrum data pull --to DIR' on a machine "
                     "with internet access\n");
        g.exit_code = 3;
        return;
      }
      std::printf("%s\n", dir.c_str());
    });
    auto* pull = cmd->add_subcommand("pull", "Download the UN Digital Library voting CSVs (needs internet and curl)");
    auto to = std::make_shared<std::string>("data");
    auto urls = std::make_shared<std::vector<std::string>>();
    pull->add_option("--to", *to, "Directory to download into");
    pull->add_option("--url", *urls, "File URL(s) to download (see below)")->required();
    pull->footer(
        "The UN Dag Hammarskjold Library publishes the complete voting records as CSV files\n"
        "(General Assembly: digitallibrary.un.org record 4060887; the Security Council file beside it).\n"
        "Their file links change with every version, so pass the current links with --url; each is\n"
        "fetched with curl into --to, then: rostrum import DIR/FILE.csv");
    pull->callback([&g, to, urls] {
      std::filesystem::create_directories(*to);
      for (const auto& url : *urls) {
        if (url.find('\'') != std::string::npos || url.rfind("https://", 0) != 0)
          throw UsageError("parameter 'url': expected an https:// URL without quotes, got '" + url + "'");
        std::string name = url.substr(url.find_last_of('/') + 1);
        if (name.empty() || name.find("..") != std::string::npos) name = "download.csv";
        std::string target = *to + "/" + name;
        std::string cmdline =
            "curl -fL --retry 2 -o '" + target + ".part' '" + url + "' && mv '" + target + ".part' '" + target + "'";
        std::fprintf(stderr, "downloading %s\n", url.c_str());
        if (std::system(cmdline.c_str()) != 0) {
          std::fprintf(stderr, "rostrum: error: download of %s failed (no internet, or the link moved)\n", url.c_str());
          g.exit_code = 4;
          return;
        }
        std::printf("downloaded %s; import it with: rostrum import %s\n", target.c_str(), target.c_str());
      }
    });
  }
  register_catalogue_commands(app, g, only);
  register_more_commands(app, g);
}

CLI::App* find_command(CLI::App& parent, std::string_view name) {
  for (CLI::App* sub : parent.get_subcommands([](const CLI::App*) { return true; }))
    if (sub->get_name() == name) return sub;
  return nullptr;
}

std::string command_word(const CLI::App& app, int argc, const char* const* argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--") return i + 1 < argc ? argv[i + 1] : "";
    if (arg.empty() || arg[0] != '-') return std::string(arg);
    if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "--version") return "";
    if (arg.find('=') != std::string_view::npos) continue;  // --db=store.db
    const CLI::Option* opt = app.get_option_no_throw(std::string(arg));
    if (opt != nullptr && opt->get_type_size() > 0) ++i;  // --db store.db: skip the value
  }
  return "";
}

}  // namespace rostrum::cli
