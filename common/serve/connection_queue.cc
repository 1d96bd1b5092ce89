#include "serve/connection_queue.h"

namespace newsarchive {
namespace {

thread_local bool on_refusal_thread = false;

}  // namespace

ConnectionQueue::ConnectionQueue(size_t workers, size_t waiting)
    : waiting_limit_(waiting), workers_(workers) {
  for (size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { work(served_, false); });
  threads_.emplace_back([this] { work(refused_, true); });
}

ConnectionQueue::~ConnectionQueue() {
  if (!threads_.empty()) shutdown();
}

bool ConnectionQueue::refusing() {
  return on_refusal_thread;
}

void ConnectionQueue::enqueue(std::function<void()> task) {
  {
    std::lock_guard lock(mutex_);
    // Waiting means accepted but not yet picked up: the line beyond the idle workers.
    size_t idle = workers_ - busy_;
    size_t queued = served_.tasks.size();
    bool room = queued < idle + waiting_limit_;
    (room ? served_ : refused_).tasks.push_back(std::move(task));
  }
  ready_.notify_all();
}

void ConnectionQueue::work(Line& line, bool refusal) {
  on_refusal_thread = refusal;
  for (;;) {
    std::function<void()> task;
    {
      std::unique_lock lock(mutex_);
      ready_.wait(lock, [&] { return stopping_ || !line.tasks.empty(); });
      if (line.tasks.empty()) return;  // stopping, and nothing left to serve
      task = std::move(line.tasks.front());
      line.tasks.pop_front();
      if (!refusal) ++busy_;
    }
    task();
    if (!refusal) {
      std::lock_guard lock(mutex_);
      --busy_;
    }
  }
}

void ConnectionQueue::shutdown() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  ready_.notify_all();
  for (std::thread& thread : threads_) thread.join();
  threads_.clear();
}

}  // namespace newsarchive
