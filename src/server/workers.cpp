#include "server/workers.hpp"

namespace rostrum::server {

WorkerPool::WorkerPool(unsigned threads, std::size_t max_queued, const std::function<void()>& setup)
    : max_queued_(max_queued) {
  for (unsigned i = 0; i < threads; ++i) threads_.emplace_back([this, setup] { work(setup); });
}

WorkerPool::~WorkerPool() {
  stop();
  join();
}

bool WorkerPool::push(Job job) {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ || queue_.size() >= max_queued_) return false;
    queue_.push_back(std::move(job));
  }
  ready_.notify_one();
  return true;
}

void WorkerPool::stop() {
  std::deque<Job> abandoned;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    abandoned.swap(queue_);
  }
  ready_.notify_all();
  for (auto& job : abandoned) job(false);
}

void WorkerPool::join() {
  for (auto& t : threads_)
    if (t.joinable()) t.join();
}

std::size_t WorkerPool::queued() const {
  std::lock_guard lock(mutex_);
  return queue_.size();
}

unsigned WorkerPool::running() const {
  std::lock_guard lock(mutex_);
  return running_;
}

void WorkerPool::work(const std::function<void()>& setup) {
  if (setup) setup();
  std::unique_lock lock(mutex_);
  for (;;) {
    ready_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping
    Job job = std::move(queue_.front());
    queue_.pop_front();
    ++running_;
    lock.unlock();
    job(true);
    lock.lock();
    --running_;
  }
}

}  // namespace rostrum::server
