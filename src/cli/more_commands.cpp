// Commands that are not analyses of the catalogue: serve.
#include <memory>

#include "cli/commands.hpp"
#include "cli/process_heap.hpp"
#include "server/server.hpp"

namespace rostrum::cli {

void register_alliance_commands(CLI::App& app, Globals& g);   // alliance_commands.cpp: alliances import, vetoes import
void register_sanctions_commands(CLI::App& app, Globals& g);  // sanctions_commands.cpp: sanctions import and analyses

void register_more_commands(CLI::App& app, Globals& g) {
  register_alliance_commands(app, g);
  register_sanctions_commands(app, g);
  auto* cmd = app.add_subcommand("serve", "Serve the HTTP JSON API and the web dashboard (read-only)");
  cmd->group("Store and service");
  cmd->footer(
      "Binds to 127.0.0.1 unless --host says otherwise (then it prints every address it answers on and\n"
      "warns: there is no TLS or authentication; put a reverse proxy in front, docs/api.md \"Deployment\").\n"
      "Endpoints under /api (see /api/openapi.json); the dashboard at /. Stop with Ctrl-C or SIGTERM\n"
      "(within 2 s, whatever runs).\n"
      "Each query's work is estimated before it runs: over --max-work it is refused (422, naming the\n"
      "parameter to lower); over --heavy-work it runs in a pool of --heavy-threads. Every request has a\n"
      "deadline (--request-timeout, 504) and is cancelled when its client disconnects.\n"
      "Examples:\n"
      "  rostrum serve --port 8080\n"
      "  rostrum serve --max-work 120 --request-timeout 120      # a trusted, patient audience\n"
      "  rostrum serve --max-connections-per-peer 0              # behind a reverse proxy (one peer address)");
  auto opt = std::make_shared<server::Options>();
  cmd->add_option("--host", opt->host,
                  "Address to bind (default 127.0.0.1: this machine only; 0.0.0.0 = every interface)");
  cmd->add_option("--port", opt->port, "Port (0 = any free port)")->check(CLI::Range(0, 65535));
  cmd->add_option("--threads", opt->threads, "Query workers (default: the cores, at least 2)");
  cmd->add_option("--heavy-threads", opt->heavy_threads,
                  "Workers for expensive queries (default: half the cores, at least 1)");
  cmd->add_option("--max-work", opt->max_work,
                  "Largest estimated cost of one request, in core-seconds (default 30; 0 = no limit)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--heavy-work", opt->heavy_work,
                  "Estimated core-seconds above which a query is expensive (default 0.5)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--request-timeout", opt->request_timeout, "Seconds until a request is answered 504 (default 30)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--max-connections", opt->max_connections, "Open connections at most (default 512)")
      ->check(CLI::Range(1, 100000));
  cmd->add_option("--max-connections-per-peer", opt->max_connections_per_peer,
                  "Open connections per client address (default 64; 0 = no cap)");
  cmd->add_option("--header-timeout", opt->header_timeout,
                  "Seconds a client may take to send a request's headers (default 10)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--idle-timeout", opt->idle_timeout, "Seconds a keep-alive connection may stay idle (default 5)")
      ->check(CLI::PositiveNumber);
  cmd->add_option("--web-root", opt->web_root, "Folder of the built dashboard (default: the build's web/dist)");
  cmd->add_flag("--access-log", opt->access_log, "Log one line per request on stderr");
  cmd->callback([&g, opt] {
    use_default_heap();  // a server runs for days: its peak should not stay resident
    opt->db = g.resolved_db();
    opt->context = std::shared_ptr<query::Context>(g.context());
    g.exit_code = server::serve(*opt);
  });
}

}  // namespace rostrum::cli
