// `rostrum sanctions ...`: thin shells over src/sanctions (import, lists, match,
// coverage, lag, gaps, counter, entity). Flags become typed requests; the library
// validates them and returns a Table.
#include <chrono>
#include <cstdio>
#include <memory>

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "core/text.hpp"
#include "sanctions/analyses.hpp"
#include "sanctions/import.hpp"
#include "sanctions/store.hpp"
#include "store/store.hpp"

namespace rostrum::cli {
namespace {

void show(const Globals& g, const Table& t) { emit(g, render(t, output_format(g))); }

std::vector<std::string> issuer_list(const std::string& text, const char* parameter) {
  std::vector<std::string> out;
  for (const auto& item : split_list(text)) out.push_back(sanctions::parse_issuer(item, parameter));
  return out;
}

std::vector<std::string> country_list(const std::string& text, const char* parameter) {
  std::vector<std::string> out;
  for (const auto& item : split_list(text)) out.push_back(sanctions::parse_country(item, parameter));
  return out;
}

void do_import(const Globals& g, const std::vector<std::string>& paths, const std::string& as_of) {
  sanctions::ImportOptions options;
  options.as_of = sanctions::parse_bound(as_of, false, "as-of");
  auto start = std::chrono::steady_clock::now();
  // Every file is read and validated before the store is opened.
  std::vector<sanctions::SanctionsList> lists;
  for (const auto& p : paths)
    for (auto& l : sanctions::read_lists(p, options)) lists.push_back(std::move(l));
  auto store = store::Store::open(g.resolved_db(), true);
  auto results = sanctions::write_lists(store, lists);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::string out;
  char buf[256];
  std::snprintf(buf, sizeof buf, "imported %zu sanctions lists into %s in %.2f s\n", lists.size(), store.path().c_str(), secs);
  out += buf;
  for (std::size_t i = 0; i < lists.size(); ++i) {
    const auto& l = lists[i];
    const auto& r = results[i];
    out += "  " + std::string(r.replaced ? "replaced " : "") + l.key + " (" + l.issuer + ", " + l.format + "): " +
           std::to_string(r.entries) + " entries, " + std::to_string(r.names) + " names, " +
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

void register_sanctions_commands(CLI::App& app, Globals& g) {
  auto* group = app.add_subcommand("sanctions", "Sanctions lists: import, coverage, lag, gaps, counter-sanctions, lookup");
  group->require_subcommand(1);
  group->footer("Method and conventions: docs/sanctions.md. Issuers: US, EU, UN, CN.");
  {
    auto* cmd = group->add_subcommand("import", "Import sanctions lists (OFAC CSV and history, UN XML, EU Journal tar.gz, China CSV)");
    cmd->footer("Every list under a directory, or the list a file names. One transaction; a list replaces the\n"
                "stored list of the same key; a malformed file changes nothing and exits 3.\n"
                "Example: rostrum sanctions import ../shared/data/sanctions");
    auto paths = std::make_shared<std::vector<std::string>>();
    auto as_of = std::make_shared<std::string>();
    cmd->add_option("PATH", *paths, "Files or directories")->required();
    cmd->add_option("--as-of", *as_of, "Snapshot date for lists that state none (OFAC legacy CSV)");
    cmd->callback([&g, paths, as_of] { do_import(g, *paths, *as_of); });
  }
  {
    auto* cmd = group->add_subcommand("lists", "The sanctions lists in the store");
    cmd->callback([&g] { show(g, sanctions::lists_table(sanctions::load_dataset(g.resolved_db()))); });
  }
  {
    auto* cmd = group->add_subcommand("match", "The same entries in two issuers' lists, with the evidence");
    cmd->footer("Example: rostrum sanctions match --issuers US,EU --format csv");
    auto issuers = std::make_shared<std::string>("US,EU");
    auto target = std::make_shared<std::string>();
    auto req = std::make_shared<sanctions::MatchRequest>();
    cmd->add_option("--issuers", *issuers, "Issuers, compared pairwise (default US,EU)");
    cmd->add_option("--min-score", req->min_score, "Lowest score shown (default: the threshold, 0.85)");
    cmd->add_option("--target", *target, "Only pairs where either entry targets this country");
    cmd->add_option("--limit", req->limit, "At most this many rows (0: all)");
    cmd->callback([&g, issuers, target, req] {
      req->issuers = issuer_list(*issuers, "issuers");
      if (!target->empty()) req->target = sanctions::parse_country(*target, "target");
      show(g, sanctions::match_table(*sanctions::load_universe(g.resolved_db()), *req));
    });
  }
  {
    auto* cmd = group->add_subcommand("coverage", "Who lists how many entities per target, shared, Jaccard");
    cmd->footer("Example: rostrum sanctions coverage --issuers US,EU,UN --target RUS,IRN,PRK");
    auto issuers = std::make_shared<std::string>("US,EU,UN");
    auto targets = std::make_shared<std::string>();
    auto from = std::make_shared<std::string>();
    auto to = std::make_shared<std::string>();
    auto req = std::make_shared<sanctions::CoverageRequest>();
    cmd->add_option("--issuers", *issuers, "Issuers (default US,EU,UN)");
    cmd->add_option("--by", req->by, "target, programme or year")->check(CLI::IsMember({"target", "programme", "year"}));
    cmd->add_option("--target", *targets, "Target countries (comma list; any form)");
    cmd->add_option("--from", *from, "First year (by year)");
    cmd->add_option("--to", *to, "Last year (by year)");
    cmd->callback([&g, issuers, targets, from, to, req] {
      req->issuers = issuer_list(*issuers, "issuers");
      req->targets = country_list(*targets, "target");
      req->from_year = date_year(sanctions::parse_bound(*from, false, "from"));
      req->to_year = date_year(sanctions::parse_bound(*to, true, "to"));
      show(g, sanctions::coverage_table(*sanctions::load_universe(g.resolved_db()), *req));
    });
  }
  {
    auto* cmd = group->add_subcommand("lag", "Who listed first, and the days between");
    cmd->footer("Example: rostrum sanctions lag --a US --b EU --target RUS --format json");
    auto a = std::make_shared<std::string>("US"), b = std::make_shared<std::string>("EU");
    auto target = std::make_shared<std::string>(), from = std::make_shared<std::string>(), to = std::make_shared<std::string>();
    cmd->add_option("--a", *a, "First issuer (default US)");
    cmd->add_option("--b", *b, "Second issuer (default EU)");
    cmd->add_option("--target", *target, "Target country (any form)");
    cmd->add_option("--from", *from, "Keep entities first listed by either on or after (YYYY or YYYY-MM-DD)");
    cmd->add_option("--to", *to, "... and on or before");
    cmd->callback([&g, a, b, target, from, to] {
      sanctions::LagRequest req;
      req.a = sanctions::parse_issuer(*a, "a");
      req.b = sanctions::parse_issuer(*b, "b");
      if (!target->empty()) req.target = sanctions::parse_country(*target, "target");
      req.from = sanctions::parse_bound(*from, false, "from");
      req.to = sanctions::parse_bound(*to, true, "to");
      show(g, sanctions::lag_table(*sanctions::load_universe(g.resolved_db()), req));
    });
  }
  {
    auto* cmd = group->add_subcommand("gaps", "Entities one issuer lists and an ally does not, ranked, with evidence");
    cmd->footer("Example: rostrum sanctions gaps --issuer US --ally EU --target RUS --limit 50");
    auto issuer = std::make_shared<std::string>("US"), ally = std::make_shared<std::string>("EU");
    auto target = std::make_shared<std::string>();
    auto limit = std::make_shared<std::int64_t>(100);
    cmd->add_option("--issuer", *issuer, "The issuer that lists (default US)");
    cmd->add_option("--ally", *ally, "The ally that does not (default EU)");
    cmd->add_option("--target", *target, "Target country (any form)");
    cmd->add_option("--limit", *limit, "At most this many rows (0: all)");
    cmd->callback([&g, issuer, ally, target, limit] {
      sanctions::GapsRequest req;
      req.issuer = sanctions::parse_issuer(*issuer, "issuer");
      req.ally = sanctions::parse_issuer(*ally, "ally");
      if (!target->empty()) req.target = sanctions::parse_country(*target, "target");
      req.limit = *limit;
      show(g, sanctions::gaps_table(*sanctions::load_universe(g.resolved_db()), req));
    });
  }
  {
    auto* cmd = group->add_subcommand("counter", "Who China lists, by country and sector, next to who lists China's partners");
    auto from = std::make_shared<std::string>(), to = std::make_shared<std::string>();
    cmd->add_option("--from", *from, "China's listings on or after (YYYY or YYYY-MM-DD)");
    cmd->add_option("--to", *to, "... and on or before");
    cmd->callback([&g, from, to] {
      sanctions::CounterRequest req;
      req.from = sanctions::parse_bound(*from, false, "from");
      req.to = sanctions::parse_bound(*to, true, "to");
      show(g, sanctions::counter_table(*sanctions::load_universe(g.resolved_db()), req));
    });
  }
  {
    auto* cmd = group->add_subcommand("entity", "Every list, name, id, date and match evidence for a name");
    cmd->footer("Example: rostrum sanctions entity Sovcomflot --format json");
    auto name = std::make_shared<std::string>();
    auto limit = std::make_shared<std::int64_t>(20);
    cmd->add_option("NAME", *name, "A name (any script)")->required();
    cmd->add_option("--limit", *limit, "At most this many entities");
    cmd->callback([&g, name, limit] {
      sanctions::EntityRequest req;
      req.name = *name;
      req.limit = *limit;
      show(g, sanctions::entity_table(*sanctions::load_universe(g.resolved_db()), req));
    });
  }
}

}  // namespace rostrum::cli
