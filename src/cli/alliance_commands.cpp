// Commands of the alliance and veto channels: alliances (and alliances import),
// alliance-gap, vetoes (and vetoes import), dyad. A thin shell: flags become
// typed requests for src/alliances, src/vetoes and src/query; nothing is
// computed here.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <memory>

#include "alliances/alliances.hpp"
#include "alliances/timeline.hpp"
#include "cli/commands.hpp"
#include "core/error.hpp"
#include "query/alliance_queries.hpp"
#include "query/dyad.hpp"
#include "store/store.hpp"
#include "vetoes/vetoes.hpp"

namespace rostrum::cli {

namespace {

// JSON of a year-by-year view: {"years": [{column: value, ...}, ...], ...meta};
// table and CSV: the rows.
void emit_years(const Globals& g, const Table& t) {
  if (output_format(g) != Format::json) {
    emit(g, render(t, output_format(g)));
    return;
  }
  nlohmann::json full = to_json(t);
  nlohmann::json doc = t.meta.is_object() ? t.meta : nlohmann::json::object();
  doc["columns"] = t.columns;
  doc["years"] = std::move(full["rows"]);
  emit(g, doc.dump(2) + "\n");
}

Date today() {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  return make_date(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

// "2018" or "1990-2000" into from/to; empty leaves them.
void parse_years(const std::string& text, int& from, int& to) {
  if (text.empty()) return;
  auto dash = text.find('-');
  try {
    from = std::stoi(text.substr(0, dash));
    to = dash == std::string::npos ? from : std::stoi(text.substr(dash + 1));
  } catch (const std::exception&) {
    throw UsageError("parameter 'year': expected YYYY or YYYY-YYYY, got '" + text + "'");
  }
}

std::string print_notes(const std::vector<std::string>& notes, const io::WarningList& warnings) {
  std::string out;
  for (const auto& n : notes) out += "  note: " + n + "\n";
  for (const auto& [kind, e] : warnings.by_kind) {
    out += "  warning (" + std::to_string(e.count) + " x): " + kind + ":";
    for (const auto& ex : e.examples) out += " " + ex + ";";
    out += "\n";
  }
  return out;
}

void register_alliances(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("alliances", "Formal alliance commitments (ATOP and treaty files): by pair, group or portfolio");
  cmd->footer(
      "Without a subcommand: a pair's commitments by year (--a, --b), the density of each obligation\n"
      "type within a group (--group), or a pair's alliance-portfolio similarity (--portfolio).\n"
      "Types: defense, offense, neutral, nonagg, consul (ATOP), in either direction. A year covered\n"
      "by a complete source (ATOP, 1815-2018) has 1/0; later years only what a treaty file says\n"
      "(null elsewhere). States are read by date: RUS is SUN in 1980. docs/alliances.md.\n"
      "JSON: {\"years\": [{\"year\", \"defense\", \"offense\", \"neutral\", \"nonagg\", \"consul\", ...}]}\n"
      "Examples:\n"
      "  rostrum alliances import ../shared/data/alliances/atop_dyad_year.csv.gz data/treaties.csv\n"
      "  rostrum alliances --a CHN --b PRK --format json\n"
      "  rostrum alliances --group CRINK --from 1990\n"
      "  rostrum alliances --a CHN --b RUS --portfolio --from 1950 --to 2018");
  auto a = std::make_shared<std::string>(), b = std::make_shared<std::string>(), group = std::make_shared<std::string>();
  auto from = std::make_shared<int>(0), to = std::make_shared<int>(0);
  auto portfolio = std::make_shared<bool>(false);
  cmd->add_option("--a", *a, "First state");
  cmd->add_option("--b", *b, "Second state");
  cmd->add_option("--group", *group, "A group (CRINK, NATO, ...) or a comma list of states");
  cmd->add_option("--from", *from, "First year");
  cmd->add_option("--to", *to, "Last year");
  cmd->add_flag("--portfolio", *portfolio, "Alliance-portfolio similarity (S, kappa, pi) of --a and --b instead");

  auto* imp = cmd->add_subcommand("import", "Import ATOP dyad-years and treaty files (one transaction)");
  imp->footer(
      "Formats (detected from the header):\n"
      "  ATOP directed dyad-years: ccode1, ccode2, year, atop_defense, atop_offense, atop_neutral,\n"
      "  atop_nonagg, atop_consul (COW codes read by date; codes the registry cannot place are reported)\n"
      "  treaty file: name, parties, signed, in_force, ended, obligations, source[, notes]\n"
      "Re-importing a source (same name) replaces it. A malformed file changes nothing and exits 3.\n"
      "Example: rostrum alliances import ../shared/data/alliances/atop_dyad_year.csv.gz data/treaties.csv");
  auto paths = std::make_shared<std::vector<std::string>>();
  auto name = std::make_shared<std::string>(), as_of = std::make_shared<std::string>();
  imp->add_option("PATH", *paths, "ATOP or treaty files")->required();
  imp->add_option("--name", *name, "Source name (default: the file name without extension)");
  imp->add_option("--as-of", *as_of, "Treaties still in force run to this date (default: today)");
  imp->callback([&g, paths, name, as_of] {
    if (!name->empty() && paths->size() > 1) throw UsageError("parameter 'name': give one PATH when naming the source");
    Date until = today();
    if (!as_of->empty()) {
      auto d = parse_date(*as_of);
      if (!d) throw UsageError("parameter 'as-of': expected YYYY-MM-DD, got '" + *as_of + "'");
      until = *d;
    }
    std::vector<alliances::AllianceBatch> batches;
    for (const auto& p : *paths) batches.push_back(alliances::import_alliance_file(p, *name, until));
    auto store = store::Store::open(g.resolved_db(), true);
    auto results = alliances::write_alliances(store, batches);
    std::string report;
    for (std::size_t i = 0; i < batches.size(); ++i) {
      const auto& bt = batches[i];
      report += std::string(results[i].replaced ? "replaced" : "imported") + " alliance source '" + bt.source_name +
                "' (" + bt.format + ") into " + store.path() + ": " + std::to_string(results[i].ties) +
                " directed dyad-years, " + std::to_string(bt.first_year) + "-" + std::to_string(bt.last_year) +
                (bt.format == "treaties" ? ", " + std::to_string(results[i].treaties) + " treaties" : std::string()) + "\n";
      report += print_notes(bt.notes, bt.warnings);
    }
    std::fputs(report.c_str(), stdout);
  });

  cmd->callback([&g, imp, a, b, group, from, to, portfolio] {
    if (imp->parsed()) return;
    auto store = store::Store::open(g.resolved_db(), false, true);
    const auto data = alliances::load_alliances(store);
    if (!group->empty()) {
      if (!a->empty() || !b->empty()) throw UsageError("parameter 'group': give either --a and --b, or --group");
      std::vector<registry::Group> user = g.context()->user_groups();
      emit_years(g, alliances::group_density(data, {*group, *from, *to, user}));
      return;
    }
    if (a->empty() || b->empty()) throw UsageError("parameter 'a': give --a and --b (or --group)");
    if (*portfolio) {
      emit_years(g, alliances::portfolio_timeline(data, {*a, *b, *from, *to, {}}));
      return;
    }
    emit_years(g, alliances::pair_timeline(data, {*a, *b, *from, *to}));
  });
}

void register_alliance_gap(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("alliance-gap", "Voting alignment against formal commitments, by dyad-year or for a group");
  cmd->footer(
      "Dyads: GA agreement (agree, default record, read by seat dates) ranked within its year, beside\n"
      "defence pacts. 'aligned without alliance': agreement quantile >= --high and no defence pact;\n"
      "'allied without alignment': a defence pact and quantile <= --low. --table gaps (default) keeps\n"
      "those; all keeps every dyad (default with --focus). --group: the group's vote cohesion (AI, with\n"
      "a random-voting null) and mean agreement beside its defence and alliance density.\n"
      "Method: docs/methods-alliances.md.\n"
      "Examples:\n"
      "  rostrum alliance-gap --year 2018 --focus CHN,RUS,PRK\n"
      "  rostrum alliance-gap --year 2000-2018 --table allied-without-alignment\n"
      "  rostrum alliance-gap --group CRINK --from 1992");
  auto req = std::make_shared<query::AllianceGapRequest>();
  auto group = std::make_shared<std::string>(), year = std::make_shared<std::string>();
  auto null_reps = std::make_shared<int>(200);
  auto seed = std::make_shared<int>(1);
  cmd->add_option("--year", *year, "A year or a range (2018, 2000-2018)");
  cmd->add_option("--from", req->from, "First year");
  cmd->add_option("--to", req->to, "Last year");
  cmd->add_option("--focus", req->focus, "Countries or groups whose dyads to show (comma list)");
  cmd->add_option("--pairs", req->pairs, "within (both in focus; default for 2+ states) or any");
  cmd->add_option("--table", req->table, "gaps, aligned-without-alliance, allied-without-alignment or all");
  cmd->add_option("--high", req->high, "Agreement quantile for 'aligned' (default 0.75)");
  cmd->add_option("--low", req->low, "Agreement quantile for 'without alignment' (default 0.25)");
  cmd->add_option("--min-n", req->min_n, "Joint votes a dyad needs in a year (default 10)");
  cmd->add_option("--source", req->source, "GA source (default: the newest)");
  cmd->add_option("--group", *group, "Instead: a group's cohesion against its alliance density");
  cmd->add_option("--null", *null_reps, "Group: replicates of the random-voting null (0 = none)");
  cmd->add_option("--seed", *seed, "Group: seed of the null");
  cmd->callback([&g, req, group, year, null_reps, seed] {
    parse_years(*year, req->from, req->to);
    auto ctx = g.context();
    if (!group->empty()) {
      query::GroupAlignmentRequest r{req->source, *group, req->from, req->to, *null_reps, static_cast<std::uint64_t>(*seed)};
      emit_years(g, query::group_alignment(*ctx, r));
      return;
    }
    emit(g, render(query::alliance_gap(*ctx, *req), output_format(g)));
  });
}

void register_vetoes(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("vetoes", "Security Council vetoes: co-vetoes, members, top-cover, agreement of the five");
  cmd->footer(
      "--by pair     co-vetoes by pair and period: a,b,period,covetoes\n"
      "--by member   vetoes by member and period (alone / with others)\n"
      "--by list     one row per veto (states by date, what the draft concerns)\n"
      "--by top-cover  vetoes of drafts concerning an ally or a voting-aligned partner of the vetoer\n"
      "--by agreement  SC agreement of each pair of permanent members per year, with and without\n"
      "                the vetoed drafts joined as failed roll calls\n"
      "Seats by date: USSR = SUN to 1991-12-24, the China seat = TWN to 1971-10-25. docs/vetoes.md.\n"
      "Examples:\n"
      "  rostrum vetoes import ../shared/data/unsc/unsc_vetoes_1946_sept2022.csv\n"
      "  rostrum vetoes --by pair --format csv\n"
      "  rostrum vetoes --by pair --from 2007 --period year\n"
      "  rostrum vetoes --by top-cover --member RUS");
  auto by = std::make_shared<std::string>("pair"), period = std::make_shared<std::string>("all");
  auto from = std::make_shared<int>(0), to = std::make_shared<int>(0);
  auto member = std::make_shared<std::string>(), source = std::make_shared<std::string>();
  auto aligned = std::make_shared<double>(0.75);
  cmd->add_option("--by", *by, "pair, member, list, top-cover or agreement")
      ->check(CLI::IsMember({"pair", "member", "list", "top-cover", "agreement"}));
  cmd->add_option("--period", *period, "pair/member: all, decade or year")->check(CLI::IsMember({"all", "decade", "year"}));
  cmd->add_option("--from", *from, "First year");
  cmd->add_option("--to", *to, "Last year");
  cmd->add_option("--member", *member, "top-cover: only this vetoing state");
  cmd->add_option("--aligned", *aligned, "top-cover: agreement quantile that makes a voting-aligned partner (default 0.75)");
  cmd->add_option("--source", *source, "top-cover: GA source; agreement: SC source");

  auto* imp = cmd->add_subcommand("import", "Import veto files (one transaction)");
  imp->footer(
      "Layout: year, date (M/D/YYYY or YYYY-MM-DD), draft, meeting_record, agenda_item, crisis_topic,\n"
      "region, member_veto1..3, indicator columns; an optional target column (';'-separated states).\n"
      "Re-importing a source (same name) replaces it; vetoes listed by several files count once.\n"
      "Example: rostrum vetoes import ../shared/data/unsc/unsc_vetoes_1946_sept2022.csv");
  auto paths = std::make_shared<std::vector<std::string>>();
  auto name = std::make_shared<std::string>();
  imp->add_option("PATH", *paths, "Veto CSV files")->required();
  imp->add_option("--name", *name, "Source name (default: the file name without extension)");
  imp->callback([&g, paths, name] {
    if (!name->empty() && paths->size() > 1) throw UsageError("parameter 'name': give one PATH when naming the source");
    std::vector<vetoes::VetoBatch> batches;
    for (const auto& p : *paths) batches.push_back(vetoes::import_vetoes(p, *name));
    auto store = store::Store::open(g.resolved_db(), true);
    auto results = vetoes::write_vetoes(store, batches);
    std::string report;
    for (std::size_t i = 0; i < batches.size(); ++i) {
      const auto& bt = batches[i];
      report += std::string(results[i].replaced ? "replaced" : "imported") + " veto source '" + bt.source_name +
                "' into " + store.path() + ": " + std::to_string(results[i].vetoes) + " vetoes, " +
                format_date(bt.vetoes.front().date) + " to " + format_date(bt.vetoes.back().date) + "\n";
      report += print_notes(bt.notes, bt.warnings);
    }
    std::fputs(report.c_str(), stdout);
  });

  cmd->callback([&g, imp, by, period, from, to, member, source, aligned] {
    if (imp->parsed()) return;
    auto ctx = g.context();
    if (*by == "top-cover") {
      emit(g, render(query::top_cover(*ctx, {*source, *from, *to, *member, *aligned, 10}), output_format(g)));
      return;
    }
    if (*by == "agreement") {
      emit(g, render(query::sc_agreement(*ctx, {*source, *from, *to}), output_format(g)));
      return;
    }
    auto store = store::Store::open(g.resolved_db(), false, true);
    std::vector<std::string> conflicts;
    const auto all = vetoes::load_vetoes(store, &conflicts);
    const vetoes::CovetoRequest req{vetoes::parse_period(*period), *from, *to};
    Table t = *by == "pair" ? vetoes::covetoes_by_pair(all, req)
              : *by == "member" ? vetoes::vetoes_by_member(all, req)
                                : vetoes::veto_list(all, req);
    t.meta["conflicts"] = conflicts;
    emit(g, render(t, output_format(g)));
  });
}

void register_dyad(CLI::App& app, Globals& g) {
  auto* cmd = app.add_subcommand("dyad", "Every channel of a dyad (or of each pair of a group) by year, each on its own scale");
  cmd->footer(
      "Channels, each with its own uncertainty, null where it has no data that year (never 0):\n"
      "  ga         GA agreement with n and a bootstrap interval (ga_lo, ga_hi)\n"
      "  ideal      ideal points of the latest saved run and their distance (with its sd)\n"
      "  sc         SC agreement with n, without and with vetoed drafts\n"
      "  vetoes     vetoes by each side and co-vetoes\n"
      "  alliance   commitments by type (defense, offense, neutral, nonagg, consul) and coverage\n"
      "  portfolio  alliance-portfolio S, kappa, pi\n"
      "No composite index. States by date: RUS is SUN before 1992 (a_id, b_id).\n"
      "JSON: {\"years\": [{\"year\", \"a\", \"b\", ...channel columns}], \"channels\": [...]}\n"
      "Examples:\n"
      "  rostrum dyad --a RUS --b PRK --format json\n"
      "  rostrum dyad --a CHN --b RUS --from 1990\n"
      "  rostrum dyad --group CHN,RUS,PRK --from 2000 --format csv");
  auto req = std::make_shared<query::DyadRequest>();
  auto seed = std::make_shared<int>(1);
  cmd->add_option("--a", req->a, "First state");
  cmd->add_option("--b", req->b, "Second state");
  cmd->add_option("--group", req->group, "Instead: every pair of a group or comma list");
  cmd->add_option("--from", req->from, "First year (default: 1946, or when both states exist)");
  cmd->add_option("--to", req->to, "Last year (default: the newest data)");
  cmd->add_option("--source", req->source, "GA source (default: the newest)");
  cmd->add_option("--sc-source", req->sc_source, "SC source (default: the newest)");
  cmd->add_option("--ci", req->ci, "Bootstrap interval level for GA agreement (0 = none; default 0.95)");
  cmd->add_option("--boot", req->boot, "Bootstrap replicates (default 1000)");
  cmd->add_option("--seed", *seed, "Bootstrap seed");
  cmd->callback([&g, req, seed] {
    req->seed = static_cast<std::uint64_t>(*seed);
    auto ctx = g.context();
    emit_years(g, query::dyad_view(*ctx, *req));
  });
}

}  // namespace

void register_alliance_commands(CLI::App& app, Globals& g) {
  register_alliances(app, g);
  register_alliance_gap(app, g);
  register_vetoes(app, g);
  register_dyad(app, g);
}

}  // namespace rostrum::cli
