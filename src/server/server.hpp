// `rostrum serve`: a read-only HTTP JSON API over the query layer, plus the web
// dashboard's static files.
//
// The server is a thin shell: it turns URL parameters into query::Params, calls
// query::run(), and renders the returned Table as JSON (or CSV with format=csv).
// It holds no analysis code. The endpoints and their parameters are described
// once, in api_spec.cpp, which also produces the OpenAPI document served at
// /api/openapi.json (docs/openapi.json is a checked copy).
//
// Safety: binds to 127.0.0.1 unless told otherwise; answers GET and HEAD only
// (405 otherwise); bounds the request line, the headers and the number of
// parameters (414/431/400); bounds the result size (413 with a hint to narrow the
// query); serves static files only from inside the asset folder (no "..", no
// symlinks that leave it); a fixed thread pool; graceful stop on SIGINT/SIGTERM.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "core/table.hpp"
#include "query/query.hpp"

namespace rostrum::server {

struct Options {
  std::string host = "127.0.0.1";
  int port = 8080;                          // 0 = any free port (see Server::port())
  std::string db;                           // the store; "" = $ROSTRUM_DB, else ./rostrum.db
  std::string web_root;                     // built dashboard; "" = the build's web/dist
  unsigned threads = 0;                     // worker threads; 0 = sized to the machine
  std::size_t max_request_bytes = 8192;     // request target (path + query string)
  std::size_t max_header_bytes = 16384;     // all request headers together
  std::size_t max_params = 64;              // distinct query parameters
  std::size_t max_result_rows = 250000;     // larger results answer 413
  std::size_t cache_entries = 512;          // identical-GET response cache (0 = off)
  std::size_t cache_bytes = 64u << 20;      // total bytes held by that cache
  bool access_log = false;                  // one line per request on stderr
  // A ready query context (e.g. with the user's groups loaded); null = a new
  // Context on `db`.
  std::shared_ptr<query::Context> context;
};

// Runs one query command; the default calls query::run() on a shared Context.
// Tests substitute their own.
using Runner = std::function<Table(std::string_view command, const query::Params& params)>;

class Server {
 public:
  explicit Server(Options options);                // answers from query::run on options.db
  Server(Options options, Runner runner);          // answers from `runner`
  ~Server();                                       // stops if still running
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and starts answering on a background thread; returns the bound port.
  // Throws rostrum::Error when the address cannot be bound.
  int start();
  // Stops accepting, finishes the requests in flight, joins the threads.
  void stop();
  // Blocks until stop() is called (from another thread or a signal watcher).
  void wait();
  bool running() const;
  int port() const;
  std::string url() const;  // http://host:port/
  const Options& options() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Serves until SIGINT or SIGTERM, printing the URL on stdout. Returns the process
// exit code (0 after a clean stop, 4 when the store cannot be opened, 1 when the
// address cannot be bound).
int serve(const Options& options);

// The web dashboard folder compiled into this build (may not exist).
std::string default_web_root();

}  // namespace rostrum::server
