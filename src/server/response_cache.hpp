// A small thread-safe LRU of rendered GET responses, bounded by entries and bytes.
// The server clears it when the store file changes.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace rostrum::server {

class ResponseCache {
 public:
  struct Entry {
    std::string body;
    std::string content_type;
    std::string gzipped;  // the body gzip-compressed; empty when not worth it
  };

  ResponseCache(std::size_t max_entries, std::size_t max_bytes) : max_entries_(max_entries), max_bytes_(max_bytes) {}

  bool enabled() const { return max_entries_ > 0 && max_bytes_ > 0; }

  std::shared_ptr<const Entry> get(const std::string& key) {
    std::lock_guard lock(mutex_);
    auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    order_.splice(order_.begin(), order_, it->second);
    return it->second->second;
  }

  void put(const std::string& key, std::string body, std::string content_type, std::string gzipped = {}) {
    // One answer may take at most an eighth of the cache.
    std::size_t size = body.size() + gzipped.size() + key.size();
    if (!enabled() || size > max_bytes_ / 8) return;
    auto entry = std::make_shared<const Entry>(Entry{std::move(body), std::move(content_type), std::move(gzipped)});
    std::lock_guard lock(mutex_);
    if (auto it = index_.find(key); it != index_.end()) {
      bytes_ -= size_of(*it->second);
      order_.erase(it->second);
      index_.erase(it);
    }
    order_.emplace_front(key, std::move(entry));
    index_[key] = order_.begin();
    bytes_ += size;
    while (!order_.empty() && (order_.size() > max_entries_ || bytes_ > max_bytes_)) {
      bytes_ -= size_of(order_.back());
      index_.erase(order_.back().first);
      order_.pop_back();
    }
  }

  void clear() {
    std::lock_guard lock(mutex_);
    order_.clear();
    index_.clear();
    bytes_ = 0;
  }

  std::size_t size() const {
    std::lock_guard lock(mutex_);
    return order_.size();
  }

 private:
  using Item = std::pair<std::string, std::shared_ptr<const Entry>>;
  static std::size_t size_of(const Item& item) {
    return item.first.size() + item.second->body.size() + item.second->gzipped.size();
  }

  std::size_t max_entries_;
  std::size_t max_bytes_;
  mutable std::mutex mutex_;
  std::list<Item> order_;
  std::unordered_map<std::string, std::list<Item>::iterator> index_;
  std::size_t bytes_ = 0;
};

}  // namespace rostrum::server
