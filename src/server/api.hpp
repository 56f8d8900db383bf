// The handlers: routing, /api, /api/health, /api/openapi.json, the query
// endpoints (response cache, work budget, the two worker pools, error mapping)
// and static files. Called on the connection layer's thread; never blocks it:
// anything that computes or reads files runs on a worker.
#pragma once

#include <atomic>
#include <chrono>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "server/exchange.hpp"
#include "server/health.hpp"
#include "server/limits.hpp"
#include "server/response_cache.hpp"
#include "server/server.hpp"
#include "server/static_files.hpp"
#include "server/workers.hpp"

namespace rostrum::server {

struct EndpointSpec;

class Api {
 public:
  // `estimator` may be empty (no estimates: every query is light and unlimited).
  Api(const Options& options, Runner runner, Estimator estimator, std::shared_ptr<query::Context> context);
  ~Api();

  void start();  // workers, the store monitor, the vote-matrix warm-up
  // Refuses new work; cancels running queries; answers queued ones 503.
  void shutdown();
  void join();  // waits for the workers

  void handle(const std::shared_ptr<Exchange>& exchange);  // the connection layer's Handler

  // Connection figures for /api/health, set by the server.
  std::function<nlohmann::json()> connection_report;

  unsigned threads() const { return light_threads_; }
  unsigned heavy_threads() const { return heavy_threads_; }

 private:
  void query(const EndpointSpec& endpoint, const std::shared_ptr<Exchange>& ex);
  void execute(const std::shared_ptr<Exchange>& ex, const std::string& command, const query::Params& params,
               const std::string& format, const std::string& key, bool heavy);
  void static_file(const std::shared_ptr<Exchange>& ex);
  void health(const std::shared_ptr<Exchange>& ex);
  void index(const std::shared_ptr<Exchange>& ex);
  // Runs `job` on a worker of `pool`, or answers 503 when its queue is full.
  void dispatch(WorkerPool& pool, const std::shared_ptr<Exchange>& ex, std::function<void()> job, bool heavy);
  void finish(const std::shared_ptr<Exchange>& ex, Response response);
  std::string cache_key_for(const std::string& command, const std::string& format, const query::Params& params);

  Options opts_;
  Runner runner_;
  Estimator estimator_;
  std::shared_ptr<query::Context> context_;
  RequestLimits limits_;
  StaticFiles files_;
  ResponseCache cache_;
  StoreMonitor monitor_;
  std::string openapi_text_;
  unsigned light_threads_ = 0, heavy_threads_ = 0;
  std::unique_ptr<WorkerPool> light_, heavy_;
  std::thread warmup_;
  std::shared_future<void> warm_;
  std::atomic<std::int64_t> store_version_{-2};
  std::atomic<bool> stopping_{false};
  std::chrono::steady_clock::time_point t0_ = std::chrono::steady_clock::now();
  std::mutex live_mutex_;
  std::map<Exchange*, std::weak_ptr<Exchange>> live_;  // dispatched to a worker, not finished
};

}  // namespace rostrum::server
