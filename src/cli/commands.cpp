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

void Selectors::add(CLI::App* cmd, const std::string& default_by) {
  by = default_by;
  cmd->add_option("--source", source, "Source to analyse (default: the newest holding the body)");
  cmd->add_option("--body", body, "ga (General Assembly) or sc (Security Council)")->check(CLI::IsMember({"ga", "sc"}));
  cmd->add_option("--session", session, "Session number or range (74, 70-74)");
  cmd->add_option("--year", year, "Calendar year or range (2019, 1990-1999)");
  cmd->add_option("--from", from, "First date (YYYY or YYYY-MM-DD)");
  cmd->add_option("--to", to, "Last date (YYYY or YYYY-MM-DD)");
  cmd->add_option("--issue", issue, "Issues: me, nu, di, hr, co, ec (comma list)");
  cmd->add_flag("--important", important, "Only votes the US State Department marked important");
  cmd->add_flag("--no-amendments", no_amendments, "Drop votes on amendments");
  cmd->add_flag("--no-paragraphs", no_paragraphs, "Drop separate votes on paragraphs");
  cmd->add_option("--by", by, "Periods: session, year or all")->check(CLI::IsMember({"session", "year", "all"}));
}

void Selectors::fill(query::Params& p) const {
  auto put = [&](const char* k, const std::string& v) {
    if (!v.empty()) p[k] = v;
  };
  put("source", source);
  put("body", body);
  put("session", session);
  put("year", year);
  put("from", from);
  put("to", to);
  put("issue", issue);
  put("by", by);
  if (important) p["important"] = "1";
  if (no_amendments) p["no-amendments"] = "1";
  if (no_paragraphs) p["no-paragraphs"] = "1";
}

namespace {

std::string with_commas(std::int64_t v) {
  std::string s = std::to_string(v);
  for (int i = static_cast<int>(s.size()) - 3; i > (v < 0 ? 1 : 0); i -= 3) s.insert(i, ",");
  return s;
}

void run_query(Globals& g, const std::string& command, const query::Params& p) {
  auto ctx = g.context();
  Table t = query::run(*ctx, command, p);
  emit(g, render(t, output_format(g)));
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
    batches.push_back(io::import_path(path, format, name, [&](std::size_t d, std::size_t t) { progress.update(d, t); }));
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
    report += "  roll calls: " + with_commas(r.rollcalls) + " (" + with_commas(ga) + " GA, " + with_commas(sc) + " SC)\n";
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

void print_info(Globals& g) {
  auto ctx = g.context();
  Table t = query::run(*ctx, "info", {});
  Format f = output_format(g);
  if (f == Format::json) {
    nlohmann::json j = {{"countries", t.meta["countries"]}, {"sources", t.meta["sources"]}, {"db", t.meta["db"]}};
    emit(g, j.dump(2) + "\n");
    return;
  }
  if (f == Format::csv) {
    emit(g, render(t, f));
    return;
  }
  std::string out = "store: " + g.resolved_db() + "\ncountries in the registry: " +
                    std::to_string(t.meta["countries"].get<std::int64_t>()) + "\n\n";
  out += render(t, Format::table);
  emit(g, out);
}

std::string default_data_dir() {
  if (const char* env = std::getenv("ROSTRUM_DATA"); env && *env) return env;
  for (const char* candidate : {"../shared/data", "shared/data"})
    if (std::filesystem::exists(std::string(candidate) + "/unga")) return std::filesystem::absolute(candidate).lexically_normal().string();
  return "";
}

}  // namespace

void register_commands(CLI::App& app, Globals& g) {
  // import
  {
    auto* cmd = app.add_subcommand("import", "Import UN vote files into the store (one transaction per source)");
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
  // info
  {
    auto* cmd = app.add_subcommand("info", "Summarise the store: sources, roll calls, votes, dates");
    cmd->callback([&g] { print_info(g); });
  }
  // countries / groups
  {
    auto* cmd = app.add_subcommand("countries", "List the country registry (ids, codes, regions, successors)");
    cmd->callback([&g] { run_query(g, "countries", {}); });
  }
  {
    auto* cmd = app.add_subcommand("groups", "List the built-in groups and their members");
    auto date = std::make_shared<std::string>();
    cmd->add_option("--date", *date, "Membership on this date (YYYY or YYYY-MM-DD; default: today)");
    cmd->callback([&g, date] {
      query::Params p;
      if (!date->empty()) p["date"] = *date;
      run_query(g, "groups", p);
    });
  }
  // agree
  {
    auto* cmd = app.add_subcommand("agree", "Dyadic alignment: agreement, coincidence, S, kappa, pi, A");
    cmd->footer(
        "Measures (docs/methods.md):\n"
        "  agree        Voeten: mean of 1 - |vi - vj|/2 over joint votes (unanimous votes dropped;\n"
        "               --keep-unanimous keeps them)\n"
        "  coincidence  US State Department (--rule partial | votes-only | nonvoting-as-abstain);\n"
        "               final votes on whole resolutions only\n"
        "  s, s2        Signorino & Ritter S, absolute / squared distance, fixed dmax\n"
        "  kappa, pi    Haege (2011) chance-corrected, quadratic weights\n"
        "  a            S minus its expectation under independent marginals\n"
        "Countries: ISO3, ISO2, COW codes, names ('Russia', 'DPRK'), groups (G7) or all.\n"
        "Examples:\n"
        "  rostrum agree --a USA --b all --year 2019 --measure coincidence\n"
        "  rostrum agree --a RUS --b USA --by year --ci 0.95\n"
        "  rostrum agree --a all --b all --by session --format csv > dyads.csv");
    auto sel = std::make_shared<Selectors>();
    auto a = std::make_shared<std::string>(), b = std::make_shared<std::string>();
    auto measure = std::make_shared<std::string>("agree"), rule = std::make_shared<std::string>("partial");
    auto keep = std::make_shared<bool>(false);
    auto ci = std::make_shared<double>(0);
    auto boot = std::make_shared<int>(1000), seed = std::make_shared<int>(1);
    cmd->add_option("--a", *a, "First side: countries, a group or all")->required();
    cmd->add_option("--b", *b, "Second side: countries, a group or all")->required();
    cmd->add_option("--measure", *measure, "agree, coincidence, s, s2, kappa, pi or a")
        ->check(CLI::IsMember({"agree", "coincidence", "s", "s2", "kappa", "pi", "a"}));
    cmd->add_option("--rule", *rule, "Coincidence rule: partial (2017-2020), votes-only (to 2016), nonvoting-as-abstain (2021-)");
    cmd->add_flag("--keep-unanimous", *keep, "agree: keep roll calls on which every voting state voted alike");
    cmd->add_option("--ci", *ci, "Bootstrap percentile interval at this level (e.g. 0.95)");
    cmd->add_option("--boot", *boot, "Bootstrap replicates (with --ci)");
    cmd->add_option("--seed", *seed, "Random seed for the bootstrap");
    sel->add(cmd, "all");
    cmd->callback([&g, sel, a, b, measure, rule, keep, ci, boot, seed] {
      query::Params p;
      sel->fill(p);
      p["a"] = *a;
      p["b"] = *b;
      p["measure"] = *measure;
      p["rule"] = *rule;
      if (*keep) p["keep-unanimous"] = "1";
      if (*ci > 0) {
        p["ci"] = std::to_string(*ci);
        p["boot"] = std::to_string(*boot);
        p["seed"] = std::to_string(*seed);
      }
      run_query(g, "agree", p);
    });
  }
  // cohesion
  {
    auto* cmd = app.add_subcommand("cohesion", "Cohesion of a group: Rice, Attina, Hix-Noury-Roland AI, with a null");
    cmd->footer(
        "Per roll call among members voting Yes/No/Abstain (T = Y+N+A, m = max):\n"
        "  rice = |Y-N|/(Y+N)   attina = (2m-T)/T   ai = (1.5m-0.5T)/T\n"
        "averaged per period; null_* columns: the same index when members vote at random with\n"
        "the group's observed Y/N/A shares (small groups look cohesive by chance).\n"
        "Examples:\n"
        "  rostrum cohesion --group G7 --by year\n"
        "  rostrum cohesion --group CHN,RUS,PRK --index rice --from 2000\n"
        "  rostrum cohesion --group EU --defections --year 2019");
    auto sel = std::make_shared<Selectors>();
    auto group = std::make_shared<std::string>(), index = std::make_shared<std::string>("ai");
    auto null_reps = std::make_shared<int>(200), seed = std::make_shared<int>(1);
    auto defect = std::make_shared<bool>(false);
    cmd->add_option("--group", *group, "A group name (G7, EU, CRINK, ...) or a list of countries")->required();
    cmd->add_option("--index", *index, "rice, attina or ai")->check(CLI::IsMember({"rice", "attina", "ai"}));
    cmd->add_option("--null", *null_reps, "Replicates of the random-voting null (0 = none)");
    cmd->add_option("--seed", *seed, "Random seed for the null");
    cmd->add_flag("--defections", *defect, "Instead: each member's rate of voting against the group's plurality");
    sel->add(cmd, "year");
    cmd->callback([&g, sel, group, index, null_reps, seed, defect] {
      query::Params p;
      sel->fill(p);
      p["group"] = *group;
      p["index"] = *index;
      p["null"] = std::to_string(*null_reps);
      p["seed"] = std::to_string(*seed);
      if (*defect) p["defections"] = "1";
      run_query(g, "cohesion", p);
    });
  }
  // data
  {
    auto* cmd = app.add_subcommand("data", "Where the data is, and how to get it");
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
        std::string cmdline = "curl -fL --retry 2 -o '" + target + ".part' '" + url + "' && mv '" + target +
                              ".part' '" + target + "'";
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
  register_more_commands(app, g);
}

}  // namespace rostrum::cli
