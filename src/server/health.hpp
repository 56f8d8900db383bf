// The store's real state for /api/health: checked by opening it read-only and
// listing its sources (as every query does first), once a second on a thread of
// its own so that health answers at once, and again right after a query fails
// with a store error. Health is "degraded" (HTTP 503) when the store is missing,
// unreadable or empty, or when the latest query that touched it failed with a
// store error and none has succeeded since.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

namespace rostrum::server {

class StoreMonitor {
 public:
  explicit StoreMonitor(std::string db, std::chrono::milliseconds period = std::chrono::milliseconds(1000));
  ~StoreMonitor();
  StoreMonitor(const StoreMonitor&) = delete;
  StoreMonitor& operator=(const StoreMonitor&) = delete;

  void start();  // checks once, then keeps checking on its thread
  void stop();

  void query_succeeded();
  void query_failed(const std::string& store_error);  // also triggers a check

  bool healthy() const;
  // {"state": ok|missing|unreadable|empty, "sources", "error", "checked_ms_ago",
  //  "last_query_error": {"error", "ms_ago"} while it stands}
  nlohmann::json report() const;

 private:
  void check();
  void run();

  std::string db_;
  std::chrono::milliseconds period_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::thread thread_;
  bool stop_ = false, recheck_ = false;
  // Guarded by mutex_:
  std::string state_ = "unchecked", error_;
  std::size_t sources_ = 0;
  std::chrono::steady_clock::time_point checked_{};
  std::chrono::steady_clock::time_point last_ok_{}, last_failure_{};
  std::string last_failure_message_;
};

}  // namespace rostrum::server
