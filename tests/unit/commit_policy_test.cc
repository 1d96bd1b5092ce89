// Unit: the writers' one commit policy: when a commit is due, and what a commit records.
#include "index/commit_policy.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <chrono>
#include <thread>

#include "store/schema.h"
#include "test_support.h"

namespace newsarchive {
namespace {

using namespace std::chrono_literals;

// With nothing to commit a commit would only cost a sync, however long it has been.
TEST(CommitPolicy, NothingUncommittedIsNeverDueEvenAfterCommitSeconds) {
  CommitPolicy policy(/*commit_every=*/1, /*commit_seconds=*/0.01);
  EXPECT_FALSE(policy.due());
  std::this_thread::sleep_for(30ms);
  EXPECT_FALSE(policy.due());
}

TEST(CommitPolicy, DueAtCommitEveryChangesAndNotBefore) {
  CommitPolicy policy(/*commit_every=*/3, /*commit_seconds=*/3600);
  policy.count_change();
  EXPECT_FALSE(policy.due());
  policy.count_change();
  EXPECT_FALSE(policy.due());
  policy.count_change();
  EXPECT_TRUE(policy.due());
}

// Long articles commit by their text, long before commit_every of them have been written.
TEST(CommitPolicy, DueAtTheTextByteLimitWithFewerChanges) {
  CommitPolicy policy(/*commit_every=*/1000, /*commit_seconds=*/3600);
  policy.count_change(kMaxUncommittedTextBytes - 1);
  EXPECT_FALSE(policy.due());
  policy.count_change(1);
  EXPECT_TRUE(policy.due());
}

// The clock runs from the last commit, but only a pending change makes it count: the time
// passed before the first change is enough once that change arrives.
TEST(CommitPolicy, DueAfterCommitSecondsOnceAChangeIsPending) {
  CommitPolicy policy(/*commit_every=*/1000, /*commit_seconds=*/0.01);
  std::this_thread::sleep_for(30ms);
  EXPECT_FALSE(policy.due());
  policy.count_change();
  EXPECT_TRUE(policy.due());
}

TEST(CommitPolicy, CommitWritesCheckpointAndSlotCountsWithTheArticles) {
  testing::TempDir dir;
  std::filesystem::path path = dir.path() / "db";
  Xapian::WritableDatabase database(path.string(), Xapian::DB_CREATE);
  Xapian::Document document;
  document.add_boolean_term("Qx");
  database.replace_document("Qx", document);
  CommitPolicy policy(/*commit_every=*/1, /*commit_seconds=*/3600);
  policy.count_change(10);
  ASSERT_TRUE(policy.due());

  policy.commit(database, path, EntitySlotCounts{4, 2, 1}, Checkpoint{7, "x"});

  Xapian::Database reader(path.string());
  EXPECT_EQ(reader.get_doccount(), 1u);
  EXPECT_EQ(reader.get_metadata(std::string(schema::kCheckpointKey)),
            R"({"last_id":"x","processed":7})");
  EXPECT_EQ(reader.get_metadata(std::string(schema::kPersonSlotsKey)), "4");
  EXPECT_EQ(reader.get_metadata(std::string(schema::kPlaceSlotsKey)), "2");
  EXPECT_EQ(reader.get_metadata(std::string(schema::kOrganizationSlotsKey)), "1");
  EXPECT_FALSE(policy.due());
}

// After a commit the byte count starts from zero as well: what was committed does not count
// towards the next batch.
TEST(CommitPolicy, CommitResetsTheTextByteCount) {
  testing::TempDir dir;
  std::filesystem::path path = dir.path() / "db";
  Xapian::WritableDatabase database(path.string(), Xapian::DB_CREATE);
  CommitPolicy policy(/*commit_every=*/1000, /*commit_seconds=*/3600);
  policy.count_change(kMaxUncommittedTextBytes);
  ASSERT_TRUE(policy.due());
  policy.commit(database, path, {}, Checkpoint{1, "a"});
  policy.count_change(kMaxUncommittedTextBytes - 1);
  EXPECT_FALSE(policy.due());
}

// After a commit the clock starts again: a change right after it is not yet due by time.
TEST(CommitPolicy, CommitRestartsTheClock) {
  testing::TempDir dir;
  std::filesystem::path path = dir.path() / "db";
  Xapian::WritableDatabase database(path.string(), Xapian::DB_CREATE);
  CommitPolicy policy(/*commit_every=*/1000, /*commit_seconds=*/0.5);
  policy.count_change();
  std::this_thread::sleep_for(600ms);
  ASSERT_TRUE(policy.due());
  policy.commit(database, path, {}, Checkpoint{1, "a"});
  policy.count_change();
  EXPECT_FALSE(policy.due());
}

}  // namespace
}  // namespace newsarchive
