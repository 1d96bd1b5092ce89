// Unit: the staging area of a bulk load: shards found for resuming, damaged shards discarded,
// the merge exchanged into place, and a merge left by a killed run finished or cleared.
#include "index/staging_area.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <stdio.h>
#include <xapian.h>

#include <sstream>

#include "test_support.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;

class Staging : public ::testing::Test {
 protected:
  fs::path database() const { return dir_.path() / "db"; }

  // A shard at `path` holding documents with the given ids.
  static void make_shard(const fs::path& path, const std::vector<std::string>& ids) {
    fs::create_directories(path.parent_path());
    Xapian::WritableDatabase shard(path.string(), Xapian::DB_CREATE_OR_OPEN);
    for (const std::string& id : ids) {
      Xapian::Document document;
      document.add_boolean_term("Q" + id);
      shard.replace_document("Q" + id, document);
    }
    shard.commit();
  }

  static Xapian::doccount documents(const fs::path& path) {
    return Xapian::Database(path.string()).get_doccount();
  }

  void make_empty_database() { Xapian::WritableDatabase(database().string(), Xapian::DB_CREATE); }

  std::ostringstream log_text_;
  spdlog::logger log_{"test", std::make_shared<spdlog::sinks::ostream_sink_mt>(log_text_)};
  testing::TempDir dir_;
};

TEST_F(Staging, LivesBesideTheDatabase) {
  EXPECT_EQ(StagingArea(database()).directory(), dir_.path() / "db.staging");
  EXPECT_EQ(StagingArea(dir_.path() / "db/").directory(), dir_.path() / "db.staging");
  EXPECT_EQ(StagingArea(database()).shard_path(1), dir_.path() / "db.staging" / "shard-1");
}

TEST_F(Staging, NothingToRecoverWithoutAStagingArea) {
  make_empty_database();
  EXPECT_EQ(StagingArea(database()).recover(log_), 0u);
}

TEST_F(Staging, RecoverCountsShardsLeftToResume) {
  make_empty_database();
  StagingArea staging(database());
  make_shard(staging.shard_path(0), {"a"});
  make_shard(staging.shard_path(1), {"b", "c"});
  EXPECT_EQ(staging.recover(log_), 2u);
  EXPECT_EQ(documents(staging.shard_path(1)), 2u);
}

TEST_F(Staging, CreatedShardsAreWholeDatabasesThatRecoverCounts) {
  make_empty_database();
  StagingArea staging(database());
  staging.create_shards(3);
  for (size_t k = 0; k < 3; ++k) EXPECT_EQ(documents(staging.shard_path(k)), 0u);
  EXPECT_EQ(staging.recover(log_), 3u);
  EXPECT_EQ(log_text_.str(), "");
}

// A run killed while creating its second shard leaves shard-0 and a half-made shard-1 under a
// temporary name; the next run resumes with the one whole shard, which holds no articles yet.
TEST_F(Staging, AShardKilledWhileBeingCreatedIsNotCounted) {
  make_empty_database();
  StagingArea staging(database());
  staging.create_shards(1);
  fs::path half_made = staging.shard_path(1);
  half_made += ".creating-999999999";
  fs::create_directories(half_made);
  EXPECT_EQ(staging.recover(log_), 1u);
  EXPECT_EQ(log_text_.str(), "");
}

TEST_F(Staging, DamagedShardDiscardsTheLoadWithAWarning) {
  make_empty_database();
  StagingArea staging(database());
  make_shard(staging.shard_path(0), {"a"});
  testing::write_file(staging.shard_path(1) / "iamglass", "not a version file");
  EXPECT_EQ(staging.recover(log_), 0u);
  EXPECT_FALSE(fs::exists(staging.directory()));
  EXPECT_NE(log_text_.str().find("staging shard cannot be opened"), std::string::npos)
      << log_text_.str();
}

TEST_F(Staging, MergeAndExchangePutEveryShardIntoTheDatabase) {
  make_empty_database();
  StagingArea staging(database());
  make_shard(staging.shard_path(0), {"a", "b"});
  make_shard(staging.shard_path(1), {"c"});
  staging.merge(2);
  staging.exchange_into_place();
  EXPECT_EQ(documents(database()), 3u);
  EXPECT_TRUE(Xapian::Database(database().string()).term_exists("Qc"));
  EXPECT_FALSE(fs::exists(staging.directory()));
}

TEST_F(Staging, CompleteMergeOfAKilledRunIsExchangedByTheNextRun) {
  make_empty_database();
  StagingArea staging(database());
  make_shard(staging.shard_path(0), {"a"});
  make_shard(staging.shard_path(1), {"b"});
  staging.merge(2);  // killed before the exchange
  EXPECT_EQ(documents(database()), 0u);
  EXPECT_EQ(staging.recover(log_), 0u);
  EXPECT_EQ(documents(database()), 2u);
  EXPECT_FALSE(fs::exists(staging.directory()));
}

TEST_F(Staging, ExchangedMergeOfAKilledRunIsOnlyCleared) {
  make_empty_database();
  StagingArea staging(database());
  make_shard(staging.shard_path(0), {"a"});
  staging.merge(1);
  // Killed after the exchange, before the staging area was removed.
  ASSERT_EQ(::renameat2(AT_FDCWD, staging.merged_path().c_str(), AT_FDCWD, database().c_str(),
                        RENAME_EXCHANGE),
            0);
  EXPECT_EQ(staging.recover(log_), 0u);
  EXPECT_EQ(documents(database()), 1u);
  EXPECT_FALSE(fs::exists(staging.directory()));
}

TEST_F(Staging, UnfinishedMergeIsDiscardedAndTheShardsKept) {
  make_empty_database();
  StagingArea staging(database());
  make_shard(staging.shard_path(0), {"a"});
  testing::write_file(staging.merged_path() / "postlist.glass", "half written");
  EXPECT_EQ(staging.recover(log_), 1u);
  EXPECT_FALSE(fs::exists(staging.merged_path()));
}

}  // namespace
}  // namespace newsarchive
