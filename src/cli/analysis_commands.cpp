// Commands of the blocs / shifts stage: blocs, poles, shifts, brief. A thin shell:
// flags become query Params; the analysis is in src/query and src/report.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "query/query.hpp"
#include "report/brief.hpp"

namespace rostrum::cli {

namespace {

// Optional string flags copied into Params when given.
using Extra = std::vector<std::pair<std::string, std::shared_ptr<std::string>>>;
Extra add_extra(CLI::App* cmd, std::initializer_list<std::tuple<const char*, const char*, const char*>> flags) {
  Extra out;
  for (const auto& [flag, param, help] : flags) {
    auto v = std::make_shared<std::string>();
    cmd->add_option(flag, *v, help);
    out.emplace_back(param, v);
  }
  return out;
}
void fill_extra(const Extra& e, query::Params& p) {
  for (const auto& [k, v] : e)
    if (!v->empty()) p[k] = *v;
}

// JSON of blocs/shifts: the meta document is the answer (one period of blocs: the
// period's object itself); table and CSV: the rows.
void emit_document(Globals& g, const Table& t, const std::string& command) {
  if (output_format(g) != Format::json) {
    emit(g, render(t, output_format(g)));
    return;
  }
  nlohmann::json doc = t.meta;
  if (command == "blocs" && !doc.value("scan", false) && doc["periods"].size() == 1) {
    nlohmann::json one = doc["periods"][0];
    one["measure"] = doc["measure"];
    one["min_n"] = doc["min_n"];
    doc = one;
  }
  emit(g, doc.dump(2) + "\n");
}

}  // namespace

void register_analysis_commands(CLI::App& app, Globals& g) {
  // blocs
  {
    auto* cmd = app.add_subcommand("blocs", "Voting blocs: communities of the agreement graph, tracked over periods");
    cmd->footer(
        "Per period: agreement of all pairs of states (edges: pairs agreeing more than the period's\n"
        "mean; no edge under --min-n joint votes), Leiden communities at resolution --gamma over many\n"
        "seeds reduced to a consensus partition, modularity Q and the effective number of blocs.\n"
        "With --by year or session, blocs keep their label across periods by Jaccard overlap; the JSON\n"
        "lists splits, merges and the states that moved. --scan reports the ranges of gamma over which\n"
        "the partition is stable instead. Method: docs/methods-blocs-shifts.md.\n"
        "JSON: {\"period\", \"blocs\": [{\"id\", \"label\", \"members\"}], \"modularity\", \"gamma\"}\n"
        "(several periods: {\"periods\": [...]}).\n"
        "Examples:\n"
        "  rostrum blocs --session 74\n"
        "  rostrum blocs --year 2019 --gamma 1.2 --format json\n"
        "  rostrum blocs --from 1985 --to 1995 --by year --format json --out blocs.json\n"
        "  rostrum blocs --session 74 --scan");
    auto sel = std::make_shared<Selectors>();
    auto measure = std::make_shared<std::string>("agree");
    auto scan = std::make_shared<bool>(false);
    cmd->add_option("--measure", *measure, "agree, coincidence, s, s2, kappa, pi or a")
        ->check(CLI::IsMember({"agree", "coincidence", "s", "s2", "kappa", "pi", "a"}));
    auto extra = add_extra(cmd, {{"--gamma", "gamma", "Resolution gamma (default 1; larger: more, smaller blocs)"},
                                 {"--min-n", "min-n", "Minimum joint votes for an edge and votes cast for a state (default 10)"},
                                 {"--runs", "runs", "Seeded runs per consensus round (default 20)"},
                                 {"--seed", "seed", "First seed (default 1)"},
                                 {"--algorithm", "algorithm", "leiden (default) or multilevel"},
                                 {"--gamma-min", "gamma-min", "Scan: smallest gamma (default 0.5)"},
                                 {"--gamma-max", "gamma-max", "Scan: largest gamma (default 2)"},
                                 {"--gamma-step", "gamma-step", "Scan: step (default 0.1)"}});
    cmd->add_flag("--scan", *scan, "Scan gamma and report the stable partitions");
    sel->add(cmd, "all");
    cmd->callback([&g, sel, measure, scan, extra] {
      query::Params p;
      sel->fill(p);
      p["measure"] = *measure;
      fill_extra(extra, p);
      if (*scan) {
        if (p.count("gamma")) throw UsageError("parameter 'gamma': give --gamma or --scan, not both");
        p["scan"] = "1";
      }
      auto ctx = g.context();
      emit_document(g, query::run(*ctx, "blocs", p), "blocs");
    });
  }
  // poles
  {
    auto* cmd = app.add_subcommand("poles", "Where states lean: agreement with two poles and the nearer one");
    cmd->footer(
        "For every state with --min-n votes in a period: its agreement with pole A and pole B\n"
        "(a pole is a country, a group such as G7, or a list X+Y+Z, pooled over its members),\n"
        "margin = to_a - to_b and the nearer pole. The JSON meta counts leans per region.\n"
        "Examples:\n"
        "  rostrum poles --year 2019\n"
        "  rostrum poles --poles USA,RUS --by year --from 1990\n"
        "  rostrum poles --poles CHN+RUS+PRK,G7 --year 2015-2019 --format csv");
    auto sel = std::make_shared<Selectors>();
    auto measure = std::make_shared<std::string>("agree");
    cmd->add_option("--measure", *measure, "agree, coincidence, s, s2, kappa, pi or a")
        ->check(CLI::IsMember({"agree", "coincidence", "s", "s2", "kappa", "pi", "a"}));
    auto extra = add_extra(cmd, {{"--poles", "poles", "Two poles A,B (default USA,CHN)"},
                                 {"--min-n", "min-n", "Minimum joint votes (default 10)"},
                                 {"--tie", "tie", "|margin| at most this is a tie (default 0)"}});
    sel->add(cmd, "all");
    cmd->callback([&g, sel, measure, extra] {
      query::Params p;
      sel->fill(p);
      p["measure"] = *measure;
      fill_extra(extra, p);
      auto ctx = g.context();
      emit(g, render(query::run(*ctx, "poles", p), output_format(g)));
    });
  }
  // shifts
  {
    auto* cmd = app.add_subcommand("shifts", "Change points in a pair's agreement series or a group's cohesion");
    cmd->footer(
        "Series: per year (or session) k = agreement x joint votes out of n joint votes (pooled over\n"
        "pairs when --a/--b are lists or groups), or for --group k = AI x roll calls out of n roll calls.\n"
        "Segmentation: PELT (exact) or binary segmentation on a beta-binomial cost (overdispersion\n"
        "estimated), minimum segment length, CROPS penalty path; the reported segmentation uses the\n"
        "penalty 2 log(N_eff) unless --select elbow or --penalty P. Method: docs/methods-blocs-shifts.md.\n"
        "JSON: {\"change_points\": [{\"year\", \"before\", \"after\", \"cost_reduction\"}], \"segments\": [...],\n"
        "\"penalty\": ..., \"path\": [...], \"series\": [...]}.\n"
        "Examples:\n"
        "  rostrum shifts --a RUS --b USA\n"
        "  rostrum shifts --a CHN --b USA --from 1971 --method binseg --format json\n"
        "  rostrum shifts --a CHN,RUS,PRK --b G7 --from 1991\n"
        "  rostrum shifts --group EU --index ai");
    auto sel = std::make_shared<Selectors>();
    auto measure = std::make_shared<std::string>("agree");
    cmd->add_option("--measure", *measure, "agree or coincidence")->check(CLI::IsMember({"agree", "coincidence"}));
    auto extra = add_extra(cmd, {{"--a", "a", "First side: a country (or a list/group, pooled)"},
                                 {"--b", "b", "Second side"},
                                 {"--group", "group", "Instead of a pair: a group's cohesion series"},
                                 {"--index", "index", "Group cohesion index: ai (default), rice or attina"},
                                 {"--min-segment", "min-segment", "Shortest regime in periods (default 3)"},
                                 {"--method", "method", "pelt (default) or binseg"},
                                 {"--cost", "cost", "beta-binomial (default) or binomial"},
                                 {"--select", "select", "ic (default), elbow or penalty"},
                                 {"--penalty", "penalty", "Fixed penalty per change point"}});
    sel->add(cmd, "year");
    cmd->callback([&g, sel, measure, extra] {
      query::Params p;
      sel->fill(p);
      p["measure"] = *measure;
      fill_extra(extra, p);
      auto ctx = g.context();
      emit_document(g, query::run(*ctx, "shifts", p), "shifts");
    });
  }
  // brief
  {
    auto* cmd = app.add_subcommand("brief", "Write a self-contained HTML brief on a set of states vs a group");
    cmd->footer(
        "Answers, with numbers, intervals and inline SVG charts (no JavaScript, no external requests):\n"
        "how aligned the focus states are with each other and with the comparison group, since when\n"
        "(change points), on which issues, how cohesive each side is (AI with a random-voting null),\n"
        "where they sit on the ideal-point scale (when an ideal-point run exists), and which third\n"
        "states are closest to each side.\n"
        "Examples:\n"
        "  rostrum brief --focus CHN,RUS,PRK --vs G7 --out brief.html\n"
        "  rostrum brief --focus CHN,RUS --vs USA,GBR,FRA --from 1991 --out brief.html");
    auto opt = std::make_shared<report::BriefOptions>();
    cmd->add_option("--focus", opt->focus, "Focus states (comma list of countries, default CHN,RUS,PRK)");
    cmd->add_option("--vs", opt->vs, "Comparison group: a group name or a list (default G7)");
    cmd->add_option("--from", opt->from, "First year (default: the whole record)");
    cmd->add_option("--to", opt->to, "Last year");
    cmd->add_option("--source", opt->source, "Source to analyse (default: the newest GA source)");
    cmd->add_option("--recent", opt->recent_years, "Years counted as 'now' (default 5)");
    cmd->add_option("--boot", opt->boot, "Bootstrap replicates for intervals (default 500)");
    cmd->add_option("--seed", opt->seed, "Random seed");
    cmd->callback([&g, opt] {
      auto ctx = g.context();
      auto brief = report::make_brief(*ctx, *opt);
      emit(g, brief.html);
      if (!g.out.empty()) std::fprintf(stderr, "wrote %s (%zu bytes)\n", g.out.c_str(), brief.html.size());
    });
  }
}

}  // namespace rostrum::cli
