// A fixed pool of worker threads with a bounded queue. The server runs two: one
// for ordinary queries, one for queries whose work estimate is large, so that
// expensive requests wait for each other and never for the cheap ones.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace rostrum::server {

class WorkerPool {
 public:
  // A job runs with `true`, or is told with `false` that it never will (the pool
  // is stopping); either way it is called exactly once.
  using Job = std::function<void(bool run)>;

  // `setup` runs first on each worker thread (e.g. to size its OpenMP team).
  WorkerPool(unsigned threads, std::size_t max_queued, const std::function<void()>& setup = {});
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // False when the queue is full or the pool is stopping (the job is not kept).
  bool push(Job job);
  // Stops taking jobs and tells the queued ones (on this thread); running jobs finish.
  void stop();
  void join();

  unsigned threads() const { return static_cast<unsigned>(threads_.size()); }
  std::size_t queued() const;
  unsigned running() const;

 private:
  void work(const std::function<void()>& setup);

  mutable std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Job> queue_;
  std::size_t max_queued_;
  unsigned running_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace rostrum::server
