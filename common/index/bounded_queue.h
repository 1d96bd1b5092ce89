// A bounded, closable multi-thread queue: the hand-offs between the indexer's analysis thread,
// its writer and the staging shards' threads.
//
// Bounded twice: by the number of items, and by their total weight (bytes of article text, as
// the producer counts them), so that a queue deep enough to ride over a commit cannot hold a
// thousand 8 MiB articles. An item heavier than the whole budget still passes, alone.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <limits>
#include <mutex>
#include <optional>
#include <utility>

namespace newsarchive {

template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity, size_t max_weight = std::numeric_limits<size_t>::max())
      : capacity_(capacity), max_weight_(max_weight) {}

  // Blocks while the queue is full, by count or by weight. Returns false, dropping `item`,
  // once the queue is closed.
  bool push(T item, size_t weight = 0) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return closed_ || has_room_for(weight); });
    if (closed_) return false;
    items_.emplace_back(std::move(item), weight);
    weight_ += weight;
    not_empty_.notify_one();
    return true;
  }

  // Blocks until an item is there; nullopt once the queue is closed and drained.
  std::optional<T> pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return closed_ || !items_.empty(); });
    if (items_.empty()) return std::nullopt;
    auto [item, weight] = std::move(items_.front());
    items_.pop_front();
    weight_ -= weight;
    not_full_.notify_all();  // a light item may fit where a heavy one waits
    return std::move(item);
  }

  // No more pushes; waiting producers give up, consumers drain what is left.
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    not_full_.notify_all();
    not_empty_.notify_all();
  }

  // The total weight of the items queued now.
  size_t weight() const {
    std::lock_guard lock(mutex_);
    return weight_;
  }

 private:
  bool has_room_for(size_t weight) const {
    if (items_.empty()) return true;
    return items_.size() < capacity_ && weight_ + weight <= max_weight_;
  }

  size_t capacity_;
  size_t max_weight_;
  mutable std::mutex mutex_;
  std::condition_variable not_full_;
  std::condition_variable not_empty_;
  std::deque<std::pair<T, size_t>> items_;
  size_t weight_ = 0;
  bool closed_ = false;
};

}  // namespace newsarchive
