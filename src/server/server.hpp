// `rostrum serve`: a read-only HTTP JSON API over the query layer, plus the web
// dashboard's static files.
//
// The server is a thin shell: it turns URL parameters into query::Params, calls
// query::run(), and renders the returned Table as JSON (or CSV with format=csv).
// It holds no analysis code. The endpoints and their parameters are described
// once, in api_spec.cpp, which also produces the OpenAPI document served at
// /api/openapi.json (docs/openapi.json is a checked copy).
//
// Layout: connections.cpp (Boost.Beast on one event-driven I/O thread: accept,
// connection caps, header/idle/write timeouts, the request deadline, client
// disconnects), limits.cpp (request line, headers, query parameters), api.cpp
// (routing, health, the response cache, the work budget and the two worker
// pools), static_files.cpp, health.cpp (the store's state), workers.cpp.
//
// Safety (docs/api.md, "Safety" and "Limits"): binds to 127.0.0.1 unless told
// otherwise; GET and HEAD only (405); bounded request line, headers and parameters
// (414/431/400); every request's work is estimated before it starts and refused
// over a limit (422 naming the parameter); expensive requests run in their own
// pool; every request has a deadline (504) and is cancelled when its client goes
// away or the server stops; bounded result size (413); a slow client holds a
// socket, never a thread; connections capped in total and per address (503);
// static files only from inside the asset folder.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/table.hpp"
#include "query/budget.hpp"
#include "query/query.hpp"

namespace rostrum::server {

// Estimates a request's work before it runs (query/budget.hpp).
using Estimator = std::function<query::WorkEstimate(std::string_view command, const query::Params& params)>;

struct Options {
  std::string host = "127.0.0.1";
  int port = 8080;       // 0 = any free port (see Server::port())
  std::string db;        // the store; "" = $ROSTRUM_DB, else ./rostrum.db
  std::string web_root;  // built dashboard; "" = the build's web/dist

  // Work. Queries run on `threads` workers; a query whose estimate exceeds
  // heavy_work runs instead on `heavy_threads` workers of its own, so expensive
  // requests queue behind each other, never in front of cheap ones.
  unsigned threads = 0;              // 0 = the cores (at least 2)
  unsigned heavy_threads = 0;        // 0 = half the cores (at least 1)
  double max_work = 30;              // estimated core-seconds per request; more answers 422; 0 = no limit
  double heavy_work = 0.5;           // estimated core-seconds above which a query is heavy
  double request_timeout = 30;       // seconds from a request's first byte to its answer (504 after)
  std::size_t max_queued = 256;      // queries waiting for a worker; more answer 503
  std::size_t max_heavy_queued = 8;  // heavy queries waiting; more answer 503

  // Connections (a slow client holds a socket, never a thread).
  std::size_t max_connections = 512;          // open connections; more are answered 503 and closed
  std::size_t max_connections_per_peer = 64;  // per client address; 0 = no cap (behind a proxy: see docs/api.md)
  double header_timeout = 10;                 // seconds from a request's first byte to the end of its headers
  double idle_timeout = 5;                    // seconds a keep-alive connection may wait for its next request
  double write_timeout = 30;                  // seconds to send one response

  std::size_t max_request_bytes = 8192;  // request target (path + query string)
  std::size_t max_header_bytes = 16384;  // all request headers together
  std::size_t max_params = 64;           // distinct query parameters
  std::size_t max_result_rows = 250000;  // larger results answer 413
  std::size_t cache_entries = 512;       // identical-GET response cache (0 = off)
  std::size_t cache_bytes = 64u << 20;   // total bytes held by that cache
  bool access_log = false;               // one line per request on stderr
  // A ready query context (e.g. with the user's groups loaded); null = a new
  // Context on `db`.
  std::shared_ptr<query::Context> context;
  // Null = query::estimate_work on the context; with a custom Runner and no
  // estimator, requests are not estimated (all light, no limit).
  Estimator estimator;
};

// Runs one query command; the default calls query::run() on a shared Context.
// Tests substitute their own.
using Runner = std::function<Table(std::string_view command, const query::Params& params)>;

class Server {
 public:
  explicit Server(Options options);        // answers from query::run on options.db
  Server(Options options, Runner runner);  // answers from `runner`
  ~Server();                               // stops if still running
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts answering on a background thread; returns the bound port.
  // Throws rostrum::Error when the address cannot be bound.
  int start();
  // Stops accepting; cancels the queries in flight (they answer 503) and answers
  // the queued ones 503; gives responses up to `grace` to go out; joins the
  // threads (a computation that never polls its cancel token delays this: serve()
  // exits regardless after 2 s).
  void stop(std::chrono::milliseconds grace = std::chrono::milliseconds(1500));
  // Blocks until stop() is called (from another thread or a signal watcher).
  void wait();
  bool running() const;
  int port() const;
  std::string url() const;                // one URL this machine can use: http://127.0.0.1:port/ for 0.0.0.0
  std::vector<std::string> urls() const;  // every address it answers on (each interface for 0.0.0.0 / ::)
  bool loopback_only() const;             // bound to a loopback address
  const Options& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Serves until SIGINT or SIGTERM, printing every URL it answers on (stdout) and a
// warning when it is reachable beyond this machine (stderr). Stops within 2 s of
// the signal whatever runs. Returns the process exit code (0 after a stop, 4 when
// the store cannot be opened, 1 when the address cannot be bound).
int serve(const Options& options);

// The web dashboard folder compiled into this build (may not exist).
std::string default_web_root();

}  // namespace rostrum::server
