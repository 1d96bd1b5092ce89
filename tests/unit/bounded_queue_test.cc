// Tests for bounded_queue: items come out in order; pushes wait while the queue is full by count
// or by weight; an item heavier than the budget passes alone; closing releases everyone.
#include "index/bounded_queue.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

namespace newsarchive {
namespace {

using namespace std::chrono_literals;

// Pushes `item` on a thread of its own; `done` turns true once the push returned.
class BackgroundPush {
 public:
  BackgroundPush(BoundedQueue<std::string>& queue, std::string item, size_t weight)
      : thread_([this, &queue, item = std::move(item), weight]() mutable {
          accepted_ = queue.push(std::move(item), weight);
          done_ = true;
        }) {}
  ~BackgroundPush() { join(); }
  bool done() const { return done_; }
  bool accepted() const { return accepted_; }
  // The push is still waiting after a pause far longer than a push takes.
  bool still_waiting() const {
    std::this_thread::sleep_for(50ms);
    return !done_;
  }
  void join() {
    if (thread_.joinable()) thread_.join();
  }

 private:
  std::atomic<bool> done_{false};
  std::atomic<bool> accepted_{false};
  std::thread thread_;
};

TEST(BoundedQueue, ItemsComeOutInOrderThenNulloptAfterClose) {
  BoundedQueue<std::string> queue(4);
  EXPECT_TRUE(queue.push("a"));
  EXPECT_TRUE(queue.push("b"));
  queue.close();
  EXPECT_FALSE(queue.push("c"));
  EXPECT_EQ(queue.pop(), "a");
  EXPECT_EQ(queue.pop(), "b");
  EXPECT_EQ(queue.pop(), std::nullopt);
}

TEST(BoundedQueue, PushWaitsWhileTheQueueHoldsCapacityItems) {
  BoundedQueue<std::string> queue(2);
  ASSERT_TRUE(queue.push("a"));
  ASSERT_TRUE(queue.push("b"));
  {
    BackgroundPush third(queue, "c", 0);
    EXPECT_TRUE(third.still_waiting());
    EXPECT_EQ(queue.pop(), "a");
  }  // joins: the pop made room
  EXPECT_EQ(queue.pop(), "b");
  EXPECT_EQ(queue.pop(), "c");
}

TEST(BoundedQueue, PushWaitsWhileTheWeightWouldExceedTheBudget) {
  BoundedQueue<std::string> queue(100, /*max_weight=*/100);
  ASSERT_TRUE(queue.push("first", 60));
  EXPECT_EQ(queue.weight(), 60u);
  {
    BackgroundPush second(queue, "second", 60);
    EXPECT_TRUE(second.still_waiting());
    EXPECT_EQ(queue.pop(), "first");
  }
  EXPECT_EQ(queue.weight(), 60u);
  ASSERT_TRUE(queue.push("light", 40));  // 60 + 40 fits exactly
  EXPECT_EQ(queue.weight(), 100u);
}

TEST(BoundedQueue, ItemHeavierThanTheBudgetPassesAlone) {
  BoundedQueue<std::string> queue(100, /*max_weight=*/100);
  ASSERT_TRUE(queue.push("huge", 500));  // an empty queue takes anything
  BackgroundPush next(queue, "small", 1);
  EXPECT_TRUE(next.still_waiting());
  EXPECT_EQ(queue.pop(), "huge");
  next.join();
  EXPECT_TRUE(next.accepted());
  EXPECT_EQ(queue.weight(), 1u);
}

TEST(BoundedQueue, CloseReleasesAWaitingPushWithFalse) {
  BoundedQueue<std::string> queue(1);
  ASSERT_TRUE(queue.push("a"));
  BackgroundPush blocked(queue, "b", 0);
  EXPECT_TRUE(blocked.still_waiting());
  queue.close();
  blocked.join();
  EXPECT_FALSE(blocked.accepted());
  EXPECT_EQ(queue.pop(), "a");
  EXPECT_EQ(queue.pop(), std::nullopt);
}

}  // namespace
}  // namespace newsarchive
