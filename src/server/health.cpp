#include "server/health.hpp"

#include <filesystem>
#include <set>

#include "core/error.hpp"
#include "store/store.hpp"

namespace rostrum::server {

using Clock = std::chrono::steady_clock;

StoreMonitor::StoreMonitor(std::string db, std::chrono::milliseconds period) : db_(std::move(db)), period_(period) {}

StoreMonitor::~StoreMonitor() { stop(); }

void StoreMonitor::start() {
  check();
  thread_ = std::thread([this] { run(); });
}

void StoreMonitor::stop() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void StoreMonitor::run() {
  std::unique_lock lock(mutex_);
  while (!stop_) {
    wake_.wait_for(lock, period_, [&] { return stop_ || recheck_; });
    if (stop_) break;
    recheck_ = false;
    lock.unlock();
    check();
    lock.lock();
  }
}

void StoreMonitor::check() {
  std::string state = "ok", error;
  std::size_t sources = 0;
  std::error_code ec;
  if (!std::filesystem::exists(db_, ec)) {
    state = "missing";
    error = "no store at '" + db_ + "'";
  } else {
    try {
      auto store = store::Store::open(db_, false, true);
      std::set<std::string> names;
      for (const auto& s : store.sources()) names.insert(s.name);
      sources = names.size();
      if (sources == 0) {
        state = "empty";
        error = "the store holds no source: import data (rostrum import PATH)";
      }
    } catch (const std::exception& e) {
      state = "unreadable";
      error = e.what();
    }
  }
  std::lock_guard lock(mutex_);
  state_ = state;
  error_ = error;
  sources_ = sources;
  checked_ = Clock::now();
}

void StoreMonitor::query_succeeded() {
  std::lock_guard lock(mutex_);
  last_ok_ = Clock::now();
}

void StoreMonitor::query_failed(const std::string& store_error) {
  {
    std::lock_guard lock(mutex_);
    last_failure_ = Clock::now();
    last_failure_message_ = store_error;
    recheck_ = true;
  }
  wake_.notify_all();
}

bool StoreMonitor::healthy() const {
  std::lock_guard lock(mutex_);
  return state_ == "ok" && !(last_failure_ > last_ok_);
}

nlohmann::json StoreMonitor::report() const {
  std::lock_guard lock(mutex_);
  const auto now = Clock::now();
  auto ms = [&](Clock::time_point t) { return std::chrono::duration_cast<std::chrono::milliseconds>(now - t).count(); };
  nlohmann::json j = {{"state", state_}, {"sources", sources_}, {"checked_ms_ago", ms(checked_)}};
  if (!error_.empty()) j["error"] = error_;
  if (last_failure_ > last_ok_)
    j["last_query_error"] = {{"error", last_failure_message_}, {"ms_ago", ms(last_failure_)}};
  return j;
}

}  // namespace rostrum::server
