// Commands that are not analyses of the catalogue: serve.
#include <memory>

#include "cli/commands.hpp"
#include "server/server.hpp"

namespace rostrum::cli {

void register_more_commands(CLI::App& app, Globals& g) {
  void register_sanctions_commands(CLI::App&, Globals&);
  register_sanctions_commands(app, g);  // sanctions_commands.cpp
  auto* cmd = app.add_subcommand("serve", "Serve the HTTP JSON API and the web dashboard (read-only)");
  cmd->group("Store and service");
  cmd->footer(
      "Binds to 127.0.0.1 unless --host says otherwise. Endpoints under /api (see /api/openapi.json);\n"
      "the dashboard at /. Stop with Ctrl-C (or SIGTERM).\n"
      "Example: rostrum serve --port 8080");
  auto opt = std::make_shared<server::Options>();
  cmd->add_option("--host", opt->host, "Address to bind (default 127.0.0.1: this machine only)");
  cmd->add_option("--port", opt->port, "Port (0 = any free port)")->check(CLI::Range(0, 65535));
  cmd->add_option("--threads", opt->threads, "Worker threads (default: max(8, 4 x cores); queries run at most one per core)");
  cmd->add_option("--web-root", opt->web_root, "Folder of the built dashboard (default: the build's web/dist)");
  cmd->add_flag("--access-log", opt->access_log, "Log one line per request on stderr");
  cmd->callback([&g, opt] {
    opt->db = g.resolved_db();
    opt->context = std::shared_ptr<query::Context>(g.context());
    g.exit_code = server::serve(*opt);
  });
}

}  // namespace rostrum::cli
