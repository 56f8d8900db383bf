#include "server/server.hpp"

#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <future>
#include <iostream>
#include <condition_variable>
#include <mutex>
#include <sstream>
#include <thread>

#include "core/error.hpp"
#include "server/api_spec.hpp"
#include "server/response_cache.hpp"

#ifndef ROSTRUM_WEB_DIST
#define ROSTRUM_WEB_DIST ""
#endif

namespace fs = std::filesystem;

namespace rostrum::server {
namespace {

constexpr const char* kJson = "application/json";  // exactly this, or httplib will not compress it

std::string json_text(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void send_json(httplib::Response& res, int status, const nlohmann::json& j) {
  res.status = status;
  res.set_content(json_text(j), kJson);
}

void send_error(httplib::Response& res, int status, const std::string& message,
                const std::string& parameter = {}) {
  nlohmann::json j = {{"error", message}, {"status", status}};
  if (!parameter.empty()) j["parameter"] = parameter;
  send_json(res, status, j);
}

const char* status_text(int status) {
  switch (status) {
    case 400: return "bad request";
    case 403: return "forbidden";
    case 404: return "not found";
    case 405: return "method not allowed: this server is read-only (GET and HEAD)";
    case 413: return "request or result too large";
    case 414: return "request line too long";
    case 416: return "range not satisfiable";
    case 431: return "request headers too large";
    case 500: return "internal error";
    case 501: return "not implemented";
    case 503: return "service unavailable";
    default: return "error";
  }
}

bool valid_param_name(const std::string& name) {
  if (name.empty() || name.size() > 32) return false;
  return std::all_of(name.begin(), name.end(),
                     [](unsigned char c) { return std::isalnum(c) || c == '_' || c == '-' || c == '.'; });
}

std::string mime_type(const fs::path& p) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"}, {".svg", "image/svg+xml"},
      {".png", "image/png"}, {".ico", "image/x-icon"}, {".woff2", "font/woff2"},
      {".woff", "font/woff"}, {".txt", "text/plain; charset=utf-8"}, {".map", "application/json"},
      {".webmanifest", "application/manifest+json"}};
  auto it = types.find(p.extension().string());
  return it == types.end() ? "application/octet-stream" : it->second;
}

// True when `p` lies inside `root` (both canonical).
bool inside(const fs::path& root, const fs::path& p) {
  auto r = root.begin();
  auto q = p.begin();
  for (; r != root.end(); ++r, ++q) {
    if (q == p.end() || *r != *q) return false;
  }
  return true;
}

std::int64_t file_mtime(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return -1;
  return static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
}

thread_local std::chrono::steady_clock::time_point t_request_start;

// A counting gate on running queries (mutex + condition variable: libstdc++ 12's
// timed semaphore waits are not reliable enough for a latency-sensitive path).
class Slots {
 public:
  explicit Slots(unsigned n) : free_(n) {}
  bool acquire_for(std::chrono::milliseconds timeout) {
    std::unique_lock lock(mutex_);
    if (!cv_.wait_for(lock, timeout, [&] { return free_ > 0; })) return false;
    --free_;
    return true;
  }
  void release() {
    {
      std::lock_guard lock(mutex_);
      ++free_;
    }
    cv_.notify_one();
  }

 private:
  std::mutex mutex_;
  std::condition_variable cv_;
  unsigned free_;
};

}  // namespace

std::string default_web_root() { return ROSTRUM_WEB_DIST; }

struct Server::Impl {
  Options opts;
  Runner runner;
  std::shared_ptr<query::Context> context;
  httplib::Server http;
  std::thread thread;
  std::thread warmup;  // loads the default vote matrices so the first query is fast
  // Queries wait for the warm-up: otherwise every early request loads the same
  // matrix in parallel (seconds under load) instead of waiting for the one load.
  std::shared_future<void> warm;
  std::atomic<bool> started{false};
  int bound_port = 0;
  unsigned threads = 0;
  fs::path web_root;  // canonical; empty when there is no dashboard
  ResponseCache cache;
  // Queries running at once: at most the cores (a query is CPU-bound, and a huge
  // one that ends in 413 still builds its table first, so this also bounds memory).
  Slots query_slots{std::clamp(std::thread::hardware_concurrency(), 2u, 256u)};
  std::atomic<std::int64_t> db_mtime{-2};
  std::chrono::steady_clock::time_point t0 = std::chrono::steady_clock::now();
  std::mutex stop_mutex;
  std::condition_variable stop_cv;
  bool stopped = false;

  Impl(Options o, Runner r) : opts(std::move(o)), runner(std::move(r)), cache(opts.cache_entries, opts.cache_bytes) {
    if (opts.db.empty() && opts.context) opts.db = opts.context->db_path();
    if (opts.db.empty()) {
      const char* env = std::getenv("ROSTRUM_DB");
      opts.db = env && *env ? env : "rostrum.db";
    }
    if (opts.web_root.empty()) opts.web_root = default_web_root();
    std::error_code ec;
    if (!opts.web_root.empty()) {
      auto root = fs::canonical(opts.web_root, ec);
      if (!ec && fs::is_directory(root, ec)) web_root = root;
    }
    if (!runner) {
      context = opts.context ? opts.context : std::make_shared<query::Context>(opts.db);
      runner = [ctx = context.get()](std::string_view command, const query::Params& params) {
        return query::run(*ctx, command, params);
      };
    }
    unsigned hw = std::max(1u, std::thread::hardware_concurrency());
    // httplib keeps a keep-alive connection on one worker, so the pool must cover
    // the expected concurrent connections, not only the cores.
    threads = opts.threads ? opts.threads : std::max(8u, 4 * hw);
    configure();
  }

  void configure() {
    auto n = threads;
    // SO_REUSEADDR only (httplib's default also sets SO_REUSEPORT, which would let
    // two servers share a port silently).
    http.set_socket_options([](socket_t sock) {
      int yes = 1;
      ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, reinterpret_cast<const void*>(&yes), sizeof(yes));
    });
    http.new_task_queue = [n] { return new httplib::ThreadPool(n); };
    http.set_tcp_nodelay(true);
    http.set_keep_alive_max_count(1000);
    http.set_keep_alive_timeout(5);
    http.set_read_timeout(5);
    http.set_write_timeout(10);
    http.set_payload_max_length(opts.max_request_bytes);
    http.set_default_headers({{"X-Content-Type-Options", "nosniff"},
                              {"Referrer-Policy", "no-referrer"},
                              {"X-Frame-Options", "DENY"}});

    http.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
      t_request_start = std::chrono::steady_clock::now();
      return pre_route(req, res) ? httplib::Server::HandlerResponse::Handled
                                 : httplib::Server::HandlerResponse::Unhandled;
    });
    http.Get(".*", [this](const httplib::Request& req, httplib::Response& res) { route(req, res); });
    http.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request&, httplib::Response& res) {
      // Rejected before routing (pre-routing never ran): time from here.
      if (res.body.empty()) t_request_start = std::chrono::steady_clock::now();
      if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
      // httplib's own rejections (request line or header too long, malformed
      // request) leave the rest of the bad request unread: do not keep the
      // connection for another request.
      res.set_header("Connection", "close");
      send_error(res, res.status, status_text(res.status));
      return httplib::Server::HandlerResponse::Handled;
    }));
    http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
      std::string what = "internal error";
      try {
        if (ep) std::rethrow_exception(ep);
      } catch (const std::exception& e) {
        what = std::string("internal error: ") + e.what();
      } catch (...) {
      }
      send_error(res, 500, what);
    });
    if (opts.access_log) {
      http.set_logger([](const httplib::Request& req, const httplib::Response& res) {
        auto us = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() -
                                                                        t_request_start)
                      .count();
        std::time_t now = std::time(nullptr);
        std::tm utc{};
        gmtime_r(&now, &utc);
        char stamp[32];
        std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &utc);
        std::string target = req.target.size() > 300 ? req.target.substr(0, 300) + "..." : req.target;
        std::fprintf(stderr, "%s %s %s %s %d %zu %.1fms\n", stamp, req.remote_addr.c_str(), req.method.c_str(),
                     target.c_str(), res.status, res.body.size(), us / 1000.0);
      });
    }
  }

  // Checks that apply to every request; true when it already answered.
  bool pre_route(const httplib::Request& req, httplib::Response& res) {
    if (req.method != "GET" && req.method != "HEAD") {
      res.set_header("Allow", "GET, HEAD");
      send_error(res, 405, status_text(405));
      return true;
    }
    if (req.target.size() > opts.max_request_bytes) {
      send_error(res, 414, "request target longer than " + std::to_string(opts.max_request_bytes) + " bytes");
      return true;
    }
    std::size_t header_bytes = 0;
    for (const auto& [k, v] : req.headers) header_bytes += k.size() + v.size() + 4;
    if (header_bytes > opts.max_header_bytes || req.headers.size() > 100) {
      send_error(res, 431, status_text(431));
      return true;
    }
    // httplib compresses with brotli at quality 11 when the client accepts "br"
    // (every browser does): seconds for a large table. Offer it gzip instead.
    // (The request object is httplib's own, not const; nothing reads it meanwhile.)
    auto& headers = const_cast<httplib::Headers&>(req.headers);
    auto [first, last] = headers.equal_range("Accept-Encoding");
    for (auto it = first; it != last; ++it) {
      if (it->second.find("br") == std::string::npos) continue;
      std::string kept;
      std::stringstream ss(it->second);
      std::string token;
      while (std::getline(ss, token, ',')) {
        auto b = token.find_first_not_of(' ');
        std::string t = b == std::string::npos ? "" : token.substr(b);
        if (t.rfind("br", 0) == 0 && (t.size() == 2 || t[2] == ';' || t[2] == ' ')) continue;
        kept += (kept.empty() ? "" : ", ") + t;
      }
      it->second = kept;
    }
    if (req.params.size() > opts.max_params) {
      send_error(res, 400, "too many query parameters (at most " + std::to_string(opts.max_params) + ")");
      return true;
    }
    return false;
  }

  void route(const httplib::Request& req, httplib::Response& res) {
    const std::string& path = req.path;
    if (path == "/api" || path == "/api/") return index(res);
    if (path.rfind("/api/", 0) == 0) {
      if (path == "/api/health") return health(res);
      if (path == "/api/openapi.json") {
        res.set_header("Cache-Control", "no-cache");
        return send_json(res, 200, openapi_document());
      }
      const EndpointSpec* e = find_endpoint(path);
      if (!e || e->command.empty()) {
        nlohmann::json j = {{"error", "no such endpoint: " + path}, {"status", 404}, {"see", "/api"}};
        return send_json(res, 404, j);
      }
      return query(*e, req, res);
    }
    return static_file(req, res);
  }

  void index(httplib::Response& res) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& e : endpoints()) {
      nlohmann::json params = nlohmann::json::array();
      if (e.analysis)
        for (const auto& p : e.analysis->params)
          if (!p.cli_only) params.push_back(p.name);
      list.push_back({{"path", e.path}, {"summary", e.summary}, {"parameters", params}});
    }
    send_json(res, 200, {{"name", "rostrum"}, {"version", api_version()}, {"endpoints", list}, {"openapi", "/api/openapi.json"}});
  }

  void health(httplib::Response& res) {
    auto up = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::error_code ec;
    res.set_header("Cache-Control", "no-store");
    send_json(res, 200,
              {{"status", "ok"},
               {"version", api_version()},
               {"db", opts.db},
               {"db_exists", fs::exists(opts.db, ec)},
               {"dashboard", !web_root.empty()},
               {"threads", threads},
               {"uptime_s", up}});
  }

  void query(const EndpointSpec& e, const httplib::Request& req, httplib::Response& res) {
    query::Params params;
    std::string format = "json";
    for (const auto& [key, value] : req.params) {
      if (!valid_param_name(key)) return send_error(res, 400, "invalid parameter name", key.substr(0, 32));
      if (value.size() > 4096) return send_error(res, 400, "parameter value too long", key);
      if (key == "format") {
        if (value != "json" && value != "csv" && !value.empty())
          return send_error(res, 400, "parameter 'format': expected json or csv", "format");
        if (!value.empty()) format = value;
        continue;
      }
      if (value.empty()) continue;  // an empty value means "the default"
      auto [it, inserted] = params.emplace(key, value);
      if (!inserted) it->second += "," + value;  // a=USA&a=RUS == a=USA,RUS
    }

    std::string key;
    if (cache.enabled()) {
      // The store's version: its file and, in WAL mode, its write-ahead log.
      auto m = static_cast<std::int64_t>(static_cast<std::uint64_t>(file_mtime(opts.db)) * 31u +
                                         static_cast<std::uint64_t>(file_mtime(opts.db + "-wal")));
      if (db_mtime.exchange(m) != m) cache.clear();  // the store changed: forget old answers
      key = e.command + "?format=" + format;
      for (const auto& [k, v] : params) key += "&" + k + "=" + v;
      if (auto hit = cache.get(key)) {
        res.set_header("X-Cache", "hit");
        res.set_header("Cache-Control", "no-cache");
        res.status = 200;
        res.set_content(hit->body, hit->content_type.c_str());
        return;
      }
    }

    Table table;
    if (warm.valid()) warm.wait();
    if (!query_slots.acquire_for(std::chrono::seconds(30)))
      return send_error(res, 503, "the server is busy with other queries; try again");
    struct Release {
      Slots& s;
      ~Release() { s.release(); }
    } release{query_slots};
    try {
      table = runner(e.command, params);
    } catch (const NotAvailableError& err) {
      nlohmann::json j = {{"error", err.what()}, {"status", 404}, {"available", false}, {"command", e.command}};
      return send_json(res, 404, j);
    } catch (const UsageError& err) {
      return send_error(res, 400, err.what(), err.parameter());
    } catch (const InputError& err) {
      return send_error(res, 500, std::string("bad data in the store: ") + err.what());
    } catch (const StoreError& err) {
      return send_error(res, 503, std::string("store error: ") + err.what());
    } catch (const Error& err) {
      return send_error(res, 500, err.what());
    } catch (const std::exception& err) {
      return send_error(res, 500, std::string("internal error: ") + err.what());
    }

    if (table.rows.size() > opts.max_result_rows) {
      nlohmann::json j = {{"error", "the result has " + std::to_string(table.rows.size()) + " rows, more than the limit of " +
                                        std::to_string(opts.max_result_rows) +
                                        "; narrow the query (fewer countries, a shorter period, or by=all)"},
                          {"status", 413},
                          {"rows", table.rows.size()},
                          {"limit", opts.max_result_rows}};
      return send_json(res, 413, j);
    }

    std::string body;
    const char* type = kJson;
    if (format == "csv") {
      write_csv(table, body);
      type = "text/csv; charset=utf-8";
    } else {
      body = json_text(to_json(table));
    }
    if (cache.enabled()) cache.put(key, body, type);
    res.set_header("Cache-Control", "no-cache");
    res.status = 200;
    res.set_content(std::move(body), type);
  }

  void static_file(const httplib::Request& req, httplib::Response& res) {
    const std::string& raw = req.path;  // already percent-decoded by httplib
    if (raw.empty() || raw[0] != '/' || raw.find('\0') != std::string::npos || raw.find('\\') != std::string::npos)
      return send_error(res, 400, "bad path");
    // Reject any "." or ".." segment outright, before touching the file system.
    std::string rel = raw.substr(1);
    {
      std::stringstream ss(rel);
      std::string seg;
      while (std::getline(ss, seg, '/'))
        if (seg == ".." || seg == ".") return send_error(res, 400, "bad path: '.' and '..' are not allowed");
    }
    if (web_root.empty())
      return send_error(res, 404, "the dashboard is not built (build the web target); the API is at /api");
    if (rel.empty()) rel = "index.html";
    std::error_code ec;
    fs::path p = fs::weakly_canonical(web_root / rel, ec);  // resolves symlinks
    if (ec || !inside(web_root, p)) return send_error(res, 404, status_text(404));
    if (fs::is_directory(p, ec)) {
      p = fs::weakly_canonical(p / "index.html", ec);
      if (ec || !inside(web_root, p)) return send_error(res, 404, status_text(404));
    }
    if (!fs::is_regular_file(p, ec)) return send_error(res, 404, status_text(404));
    std::ifstream in(p, std::ios::binary);
    if (!in) return send_error(res, 404, status_text(404));
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // Vite names built assets by content hash: cache them for good.
    bool hashed = rel.rfind("assets/", 0) == 0;
    res.set_header("Cache-Control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
    if (p.extension() == ".html") {
      res.set_header("Content-Security-Policy",
                     "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; "
                     "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                     "frame-ancestors 'none'");
    }
    res.status = 200;
    res.set_content(std::move(content), mime_type(p).c_str());
  }
};

Server::Server(Options options) : impl_(std::make_unique<Impl>(std::move(options), Runner{})) {}
Server::Server(Options options, Runner runner)
    : impl_(std::make_unique<Impl>(std::move(options), runner ? std::move(runner) : Runner{})) {}

Server::~Server() { stop(); }

int Server::start() {
  auto& m = *impl_;
  if (m.started) return m.bound_port;
  if (m.opts.port == 0) {
    m.bound_port = m.http.bind_to_any_port(m.opts.host);
    if (m.bound_port <= 0) throw Error(ErrorKind::usage, "cannot bind to " + m.opts.host + " (any port)");
  } else {
    if (!m.http.bind_to_port(m.opts.host, m.opts.port))
      throw Error(ErrorKind::usage,
                  "cannot bind to " + m.opts.host + ":" + std::to_string(m.opts.port) + " (in use, or not an address of this machine)");
    m.bound_port = m.opts.port;
  }
  {
    std::lock_guard lock(m.stop_mutex);
    m.stopped = false;
  }
  m.started = true;
  m.thread = std::thread([&m] { m.http.listen_after_bind(); });
  if (m.context && !m.warmup.joinable()) {
    auto done = std::make_shared<std::promise<void>>();
    m.warm = done->get_future().share();
    m.warmup = std::thread([ctx = m.context.get(), done] {
      for (const char* body : {"ga", "sc"}) {
        try {
          ctx->matrix("", body);
        } catch (...) {
          // No source for this body (or no store yet): queries will say so.
        }
      }
      done->set_value();
    });
  }
  // stop() only takes effect once the accept loop runs: wait for it.
  for (int i = 0; i < 5000 && !m.http.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return m.bound_port;
}

void Server::stop() {
  auto& m = *impl_;
  if (!m.started.exchange(false)) return;
  m.http.stop();
  if (m.thread.joinable()) m.thread.join();
  if (m.warmup.joinable()) m.warmup.join();
  {
    std::lock_guard lock(m.stop_mutex);
    m.stopped = true;
  }
  m.stop_cv.notify_all();
}

void Server::wait() {
  auto& m = *impl_;
  std::unique_lock lock(m.stop_mutex);
  m.stop_cv.wait(lock, [&] { return m.stopped || !m.started; });
}

bool Server::running() const { return impl_->started && impl_->http.is_running(); }
int Server::port() const { return impl_->bound_port; }
std::string Server::url() const {
  const auto& h = impl_->opts.host;
  std::string host = h.find(':') != std::string::npos ? "[" + h + "]" : h;
  if (host == "0.0.0.0") host = "127.0.0.1";
  return "http://" + host + ":" + std::to_string(impl_->bound_port) + "/";
}
const Options& Server::options() const { return impl_->opts; }

int serve(const Options& options) {
  Options opts = options;
  if (opts.db.empty() && opts.context) opts.db = opts.context->db_path();
  if (opts.db.empty()) {
    const char* env = std::getenv("ROSTRUM_DB");
    opts.db = env && *env ? env : "rostrum.db";
  }
  // For load tests that must measure the query path, not the response cache.
  if (const char* off = std::getenv("ROSTRUM_SERVE_NO_CACHE"); off && *off && std::string(off) != "0")
    opts.cache_entries = 0;
  if (const char* log = std::getenv("ROSTRUM_SERVE_ACCESS_LOG"); log && *log && std::string(log) != "0")
    opts.access_log = true;
  std::error_code ec;
  if (!fs::exists(opts.db, ec)) {
    std::cerr << "rostrum serve: store not found: " << opts.db << " (run `rostrum import` first, or pass --db)\n";
    return 4;
  }

  // Block SIGINT/SIGTERM here so that every thread created below inherits the
  // mask; one watcher thread takes them with sigtimedwait and stops the server.
  sigset_t set, old;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, &old);

  int code = 0;
  try {
    Server server(opts);
    server.start();
    if (!fs::exists(default_web_root()) && options.web_root.empty())
      std::cerr << "rostrum serve: dashboard not built (" << default_web_root() << "); serving the API only\n";
    std::cout << "rostrum: serving " << server.url() << " (store " << opts.db << "; API at " << server.url()
              << "api) - Ctrl-C to stop" << std::endl;
    std::atomic<bool> done{false};
    std::thread watcher([&] {
      timespec tick{0, 200 * 1000 * 1000};
      while (!done) {
        int sig = sigtimedwait(&set, nullptr, &tick);
        if (sig == SIGINT || sig == SIGTERM) {
          std::cerr << "rostrum serve: " << (sig == SIGINT ? "SIGINT" : "SIGTERM") << ", stopping\n";
          server.stop();
          return;
        }
      }
    });
    server.wait();
    done = true;
    watcher.join();
    std::cout << "rostrum: stopped" << std::endl;
  } catch (const StoreError& e) {
    std::cerr << "rostrum serve: " << e.what() << "\n";
    code = 4;
  } catch (const Error& e) {
    std::cerr << "rostrum serve: " << e.what() << "\n";
    code = 1;
  } catch (const std::exception& e) {
    std::cerr << "rostrum serve: " << e.what() << "\n";
    code = 1;
  }
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return code;
}

}  // namespace rostrum::server
