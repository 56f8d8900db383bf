#include "server/server.hpp"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <iostream>
#include <mutex>
#include <thread>

#include "core/error.hpp"
#include "server/api.hpp"
#include "server/connections.hpp"

#ifndef ROSTRUM_WEB_DIST
#define ROSTRUM_WEB_DIST ""
#endif

namespace fs = std::filesystem;

namespace rostrum::server {

namespace {

std::string resolved_db(const Options& o) {
  if (!o.db.empty()) return o.db;
  if (o.context) return o.context->db_path();
  const char* env = std::getenv("ROSTRUM_DB");
  return env && *env ? env : "rostrum.db";
}

std::chrono::milliseconds ms(double seconds) {
  return std::chrono::milliseconds(static_cast<std::int64_t>(std::max(0.0, seconds) * 1000));
}

std::string url_of(const std::string& address, int port) {
  const bool v6 = address.find(':') != std::string::npos;
  return "http://" + (v6 ? "[" + address + "]" : address) + ":" + std::to_string(port) + "/";
}

}  // namespace

std::string default_web_root() { return ROSTRUM_WEB_DIST; }

struct Server::Impl {
  Options opts;
  std::unique_ptr<Api> api;
  std::unique_ptr<Connections> connections;
  std::atomic<bool> started{false};
  int bound_port = 0;
  std::mutex stop_mutex;
  std::condition_variable stop_cv;
  bool stopped = false;

  Impl(Options o, Runner runner) : opts(std::move(o)) {
    opts.db = resolved_db(opts);
    if (opts.web_root.empty()) opts.web_root = default_web_root();
    std::shared_ptr<query::Context> context;
    Estimator estimator = opts.estimator;
    if (!runner) {
      context = opts.context ? opts.context : std::make_shared<query::Context>(opts.db);
      runner = [ctx = context.get()](std::string_view command, const query::Params& params) {
        return query::run(*ctx, command, params);
      };
      if (!estimator)
        estimator = [ctx = context.get()](std::string_view command, const query::Params& params) {
          return query::estimate_work(*ctx, command, params);
        };
    }
    api = std::make_unique<Api>(opts, std::move(runner), std::move(estimator), context);
    ConnectionLimits limits;
    limits.max_connections = opts.max_connections;
    limits.max_connections_per_peer = opts.max_connections_per_peer;
    limits.header_timeout = ms(opts.header_timeout);
    limits.idle_timeout = ms(opts.idle_timeout);
    limits.write_timeout = ms(opts.write_timeout);
    limits.request_timeout = ms(opts.request_timeout);
    limits.max_request_bytes = opts.max_request_bytes;
    limits.max_header_bytes = opts.max_header_bytes;
    limits.max_body_bytes = opts.max_request_bytes;
    limits.access_log = opts.access_log;
    Api* a = api.get();
    connections = std::make_unique<Connections>(limits, [a](const std::shared_ptr<Exchange>& ex) { a->handle(ex); });
    Connections* c = connections.get();
    api->connection_report = [c, o = &opts] {
      return nlohmann::json{{"open", c->open_connections()},
                            {"refused", c->refused_connections()},
                            {"max", o->max_connections},
                            {"max_per_peer", o->max_connections_per_peer}};
    };
  }
};

Server::Server(Options options) : impl_(std::make_unique<Impl>(std::move(options), Runner{})) {}
Server::Server(Options options, Runner runner) : impl_(std::make_unique<Impl>(std::move(options), std::move(runner))) {}

Server::~Server() { stop(); }

int Server::start() {
  auto& m = *impl_;
  if (m.started) return m.bound_port;
  m.bound_port = m.connections->bind(m.opts.host, m.opts.port);
  {
    std::lock_guard lock(m.stop_mutex);
    m.stopped = false;
  }
  m.api->start();
  m.connections->start();
  m.started = true;
  return m.bound_port;
}

void Server::stop(std::chrono::milliseconds grace) {
  auto& m = *impl_;
  if (!m.started.exchange(false)) return;
  m.api->shutdown();           // running queries are cancelled, queued ones answered 503
  m.connections->stop(grace);  // those answers go out; then every connection closes
  m.api->join();
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

bool Server::running() const { return impl_->started && impl_->connections->running(); }
int Server::port() const { return impl_->bound_port; }

std::string Server::url() const {
  const auto& c = *impl_->connections;
  std::string address = c.address();
  if (c.unspecified()) address = address.find(':') != std::string::npos ? "::1" : "127.0.0.1";
  return url_of(address, impl_->bound_port);
}

std::vector<std::string> Server::urls() const {
  const auto& c = *impl_->connections;
  if (!c.unspecified()) return {url_of(c.address(), impl_->bound_port)};
  std::vector<std::string> out;
  for (const auto& a : interface_addresses(c.address().find(':') != std::string::npos))
    out.push_back(url_of(a, impl_->bound_port));
  if (out.empty()) out.push_back(url());
  return out;
}

bool Server::loopback_only() const { return impl_->connections->loopback(); }
const Options& Server::options() const { return impl_->opts; }

int serve(const Options& options) {
  Options opts = options;
  opts.db = resolved_db(opts);
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
    const auto urls = server.urls();
    std::cout << "rostrum: serving " << server.url() << " (store " << opts.db << "; API at " << server.url()
              << "api) - Ctrl-C to stop" << std::endl;
    if (!server.loopback_only()) {
      std::cout << "rostrum: listening on " << opts.host << ", reachable at:";
      for (const auto& u : urls) std::cout << " " << u;
      std::cout << std::endl;
      std::cerr << "rostrum serve: warning: listening beyond this machine (" << opts.host
                << "): anyone who can reach these addresses can query the store, with no TLS and no "
                   "authentication. Serve on 127.0.0.1 behind a reverse proxy that adds both (docs/api.md, "
                   "\"Deployment\").\n";
    }
    std::atomic<bool> done{false};
    std::thread watcher([&] {
      timespec tick{0, 200 * 1000 * 1000};
      while (!done) {
        int sig = sigtimedwait(&set, nullptr, &tick);
        if (sig != SIGINT && sig != SIGTERM) continue;
        std::cerr << "rostrum serve: " << (sig == SIGINT ? "SIGINT" : "SIGTERM") << ", stopping\n";
        // Cancelled queries stop at their next check; the process exits within 2 s
        // even if one never checks (the store is only read: nothing to lose).
        auto stopped = std::async(std::launch::async, [&] { server.stop(std::chrono::milliseconds(1200)); });
        if (stopped.wait_for(std::chrono::milliseconds(1800)) != std::future_status::ready) {
          std::cerr << "rostrum serve: a query did not stop in time; exiting\n";
          std::fflush(nullptr);
          ::_exit(0);
        }
        return;
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
