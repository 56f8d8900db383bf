// `rostrum ideal` and `rostrum predict`: thin shells over query/ideal_queries.
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <memory>

#include "cli/commands.hpp"
#include "core/error.hpp"
#include "query/ideal_queries.hpp"

namespace rostrum::cli {

namespace {

struct IdealFlags {
  std::string source, session, year, from, to, issue, model = "dynamic", anchor = "USA", bridges_file, countries,
      algorithm = "newton";
  double tol = 0;
  bool important = false, no_bridges = false;
  double smooth = -1;
  int boot = 0, seed = 1, threads = 0, max_iter = 0;

  void add(CLI::App* cmd) {
    cmd->add_option("--source", source, "Source to analyse (default: the newest GA source)");
    cmd->add_option("--session", session, "Session number or range (70-74)");
    cmd->add_option("--year", year, "Calendar year or range");
    cmd->add_option("--from", from, "First date (YYYY or YYYY-MM-DD)");
    cmd->add_option("--to", to, "Last date (YYYY or YYYY-MM-DD)");
    cmd->add_option("--issue", issue, "Only roll calls on these issues (me, nu, di, hr, co, ec)");
    cmd->add_flag("--important", important, "Only votes the US State Department marked important");
    cmd->add_option("--model", model, "dynamic (ordinal, random walk), static (each session alone) or binary-dynamic")
        ->check(CLI::IsMember({"dynamic", "static", "binary-dynamic"}));
    cmd->add_option("--smooth", smooth, "Random-walk SD per session (omega; default 0.1, see docs/ideal-points.md)");
    cmd->add_option("--anchor", anchor, "State whose ideal point is positive (sign of the scale)");
    cmd->add_option("--bridges", bridges_file, "CSV of roll-call id pairs to treat as the same item");
    cmd->add_flag("--no-bridges", no_bridges, "Do not detect repeated resolutions automatically");
    cmd->add_option("--boot", boot, "Parametric bootstrap replicates for the intervals (0: variational SDs)");
    cmd->add_option("--seed", seed, "Random seed");
    cmd->add_option("--threads", threads, "Threads (default: all cores)");
    cmd->add_option("--max-iter", max_iter, "Iteration limit");
    cmd->add_option("--tol", tol, "Convergence tolerance on the relative change of the log-likelihood (default 1e-5; "
                                  "1e-7 for publication figures)");
    cmd->add_option("--algorithm", algorithm, "newton (default, tens of iterations) or em (plain variational EM)")
        ->check(CLI::IsMember({"newton", "em"}));
  }
  query::Params params() const {
    query::Params p;
    auto put = [&](const char* k, const std::string& v) {
      if (!v.empty()) p[k] = v;
    };
    put("source", source);
    put("session", session);
    put("year", year);
    put("from", from);
    put("to", to);
    put("issue", issue);
    put("model", model);
    put("anchor", anchor);
    put("bridges-file", bridges_file);
    put("countries", countries);
    if (important) p["important"] = "1";
    if (no_bridges) p["bridges"] = "0";
    if (smooth >= 0) p["smooth"] = std::to_string(smooth);
    if (boot > 0) p["boot"] = std::to_string(boot);
    p["seed"] = std::to_string(seed);
    if (threads > 0) p["threads"] = std::to_string(threads);
    if (max_iter > 0) p["max-iter"] = std::to_string(max_iter);
    if (tol > 0) p["tol"] = std::to_string(tol);
    put("algorithm", algorithm);
    return p;
  }
};

// Iteration, change of the log-likelihood and elapsed time, on a terminal only.
ideal::ProgressCallback progress_display() {
  if (!isatty(STDERR_FILENO)) return {};
  auto start = std::chrono::steady_clock::now();
  auto last = std::make_shared<double>(NAN);
  return [start, last](int iteration, double loglik) {
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    double change = std::isnan(*last) ? NAN : std::fabs((loglik - *last) / *last);
    *last = loglik;
    std::fprintf(stderr, "\r\033[Kiteration %d  log-likelihood %.1f  relative change %.2e  %.1f s", iteration, loglik,
                 change, secs);
    std::fflush(stderr);
    return true;
  };
}

void clear_progress() {
  if (isatty(STDERR_FILENO)) std::fprintf(stderr, "\r\033[K");
}

}  // namespace

void register_ideal_commands(CLI::App& app, Globals& g) {
  {
    auto* cmd = app.add_subcommand("ideal", "Estimate dynamic ordinal ideal points (one common scale over sessions)");
    cmd->footer(
        "The model of Bailey, Strezhnev & Voeten (2017): ordered probit on Yes/Abstain/No, each state's\n"
        "position a random walk across sessions, repeated resolutions bridged as one item. Fitted by\n"
        "a fast variational/Newton EM (docs/ideal-points.md). The run and its estimates are saved in the\n"
        "store; the server, the dashboard and the brief read the latest run.\n"
        "CSV columns: country,session,year,ideal,sd,lo,hi,nvotes\n"
        "Examples:\n"
        "  rostrum ideal                                     # whole history, saved in the store\n"
        "  rostrum ideal --countries USA,RUS,CHN --format csv\n"
        "  rostrum ideal --session 60-74 --boot 100 --seed 7 # with bootstrap intervals\n"
        "  rostrum ideal --model binary-dynamic              # emIRT's dynIRT model, for comparison");
    auto flags = std::make_shared<IdealFlags>();
    flags->add(cmd);
    cmd->add_option("--countries", flags->countries, "Print only these states (the fit uses all)");
    cmd->callback([&g, flags] {
      auto ctx = g.context();
      Table t = query::estimate_ideal(*ctx, flags->params(), progress_display());
      clear_progress();
      const auto& s = t.meta["summary"];
      std::fprintf(stderr, "ideal points: run %lld, %d iterations (%s), %.2f s; %lld votes, %d items (%d bridged); "
                           "percent correctly classified %.3f, APRE %.3f\n",
                   static_cast<long long>(t.meta["run"].get<std::int64_t>()), s["iterations"].get<int>(),
                   s["converged"].get<bool>() ? "converged" : "NOT converged", s["seconds"].get<double>(),
                   static_cast<long long>(s["votes"].get<std::int64_t>()), s["items"].get<int>(),
                   s["bridged_items"].get<int>(), s["fit"]["pcc"].get<double>(), s["fit"]["apre"].get<double>());
      emit(g, render(t, output_format(g)));
    });
  }
  {
    auto* cmd = app.add_subcommand("predict", "Held-out test of the ideal-point model against simple baselines");
    cmd->footer(
        "Hides a random share of the observed votes, fits on the rest and predicts the hidden ones;\n"
        "reports accuracy, log-loss and APRE for Yes/Abstain/No and for Yes/No votes, next to the\n"
        "baselines 'always yes' and 'the roll call's modal training vote'.\n"
        "Example: rostrum predict --session 70-74 --holdout 0.1 --seed 1");
    auto flags = std::make_shared<IdealFlags>();
    auto holdout = std::make_shared<double>(0.1);
    flags->add(cmd);
    cmd->add_option("--holdout", *holdout, "Share of votes hidden (default 0.1)");
    cmd->callback([&g, flags, holdout] {
      auto ctx = g.context();
      auto p = flags->params();
      p["holdout"] = std::to_string(*holdout);
      Table t = query::run_predict(*ctx, p, progress_display());
      clear_progress();
      std::fprintf(stderr, "trained on %lld votes, tested on %lld hidden votes\n",
                   static_cast<long long>(t.meta["train"].get<std::int64_t>()),
                   static_cast<long long>(t.meta["test"].get<std::int64_t>()));
      emit(g, render(t, output_format(g)));
    });
  }
}

}  // namespace rostrum::cli
