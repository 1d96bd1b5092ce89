// How `newssearch serve` bounds its connections: a fixed set of worker threads, a short line of
// accepted connections waiting for one, and beyond that a refusal. cpp-httplib's own pool
// queues without limit, so a flood would wait in line (and hold memory) instead of being told.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace newsarchive {

class ConnectionQueue : public httplib::TaskQueue {
 public:
  // `workers` threads serve connections; at most `waiting` more wait for one. A connection
  // beyond that is still read (cpp-httplib's task owns the socket) but by the one refusal
  // thread, where refusing() is true, so the request handler can answer 503 at once.
  ConnectionQueue(size_t workers, size_t waiting);
  ~ConnectionQueue() override;

  void enqueue(std::function<void()> task) override;
  // Serves what is queued, then joins every thread.
  void shutdown() override;

  // True on the refusal thread.
  static bool refusing();

 private:
  struct Line {
    std::deque<std::function<void()>> tasks;
  };
  void work(Line& line, bool refusal);

  std::mutex mutex_;
  std::condition_variable ready_;
  bool stopping_ = false;
  size_t waiting_limit_;
  size_t busy_ = 0;  // workers running a task
  size_t workers_;
  Line served_;
  Line refused_;
  std::vector<std::thread> threads_;
};

}  // namespace newsarchive
