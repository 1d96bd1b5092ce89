// Unit: the bulk load through staging shards: articles routed to shards by id, counts final
// after finish(), pruning in the shards, and the merge into place with the run's metadata.
#include "index/sharded_load.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <xapian.h>

#include <algorithm>
#include <sstream>

#include "store/database_open.h"
#include "store/document_builder.h"
#include "store/schema.h"
#include "test_support.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;

// A new article as the analysis thread hands it to a sink that builds documents.
WorkItem item(const std::string& id, const std::string& body, EntitySlotCounts slots = {}) {
  Article article;
  article.id = id;
  article.title = "Headline of " + id;
  article.body = body;
  WorkItem work;
  work.keys = document_keys(article);
  work.id = id;
  work.slots = slots;
  work.bytes = article_bytes(article);
  work.article = std::move(article);
  return work;
}

class ShardedLoadTest : public ::testing::Test {
 protected:
  fs::path path() const { return dir_.path() / "db"; }

  std::unique_ptr<ShardedLoad> load() {
    ShardedLoadOptions options;
    options.database = path();
    options.shards = 2;
    options.language = "english";
    options.commit_every = 1000;
    options.commit_seconds = 3600;
    Xapian::WritableDatabase database = open_writable_database(path());
    database.commit();
    return std::make_unique<ShardedLoad>(options, std::move(database), staging_, log_);
  }

  void store(ShardedLoad& sink, const std::string& id, const std::string& body,
             EntitySlotCounts slots = {}) {
    WorkItem work = item(id, body, slots);
    sink.store(work);
  }

  // The id terms in the database at `at`, sorted.
  static std::vector<std::string> ids(const fs::path& at) {
    Xapian::Database database(at.string());
    std::vector<std::string> terms;
    std::string prefix(schema::kIdPrefix);
    for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it)
      terms.push_back(*it);
    return terms;
  }

  testing::TempDir dir_;
  StagingArea staging_{dir_.path() / "db"};
  std::ostringstream log_text_;
  spdlog::logger log_{"test", std::make_shared<spdlog::sinks::ostream_sink_mt>(log_text_)};
};

TEST_F(ShardedLoadTest, SnapshotIsTheShardsAndTheyBuildDocuments) {
  auto sink = load();
  EXPECT_EQ(sink->snapshot_paths(), (std::vector<std::string>{staging_.shard_path(0).string(),
                                                              staging_.shard_path(1).string()}));
  EXPECT_TRUE(sink->builds_documents());
}

// Every id lands in exactly one shard, and a repeated id in the same one, where it replaces its
// earlier version.
TEST_F(ShardedLoadTest, StoredArticlesLandInOneShardEachByTheirId) {
  auto sink = load();
  const std::vector<std::string> all = {"a", "b", "c", "d", "e", "f", "g", "h"};
  for (const std::string& id : all) store(*sink, id, "harbour report " + id);
  store(*sink, "c", "harbour report c, revised");
  sink->finish();

  std::vector<std::string> shard0 = ids(staging_.shard_path(0));
  std::vector<std::string> shard1 = ids(staging_.shard_path(1));
  // Eight ids that all hashed to one shard would leave the other writer idle.
  EXPECT_FALSE(shard0.empty());
  EXPECT_FALSE(shard1.empty());
  std::vector<std::string> together = shard0;
  together.insert(together.end(), shard1.begin(), shard1.end());
  std::sort(together.begin(), together.end());
  EXPECT_EQ(together, (std::vector<std::string>{"Qa", "Qb", "Qc", "Qd", "Qe", "Qf", "Qg", "Qh"}));

  fs::path holder = std::count(shard0.begin(), shard0.end(), "Qc") ? staging_.shard_path(0)
                                                                   : staging_.shard_path(1);
  Xapian::Database shard(holder.string());
  EXPECT_EQ(shard.get_document(*shard.postlist_begin("Qc")).get_value(schema::kContentHashSlot),
            item("c", "harbour report c, revised").keys.content_hash);
}

TEST_F(ShardedLoadTest, FinishIsIdempotentAndTheCountsAreThenExact) {
  auto sink = load();
  store(*sink, "a", "first");
  store(*sink, "b", "second");
  store(*sink, "c", "third");
  store(*sink, "a", "first, revised");
  sink->finish();
  EXPECT_EQ(sink->added(), 3u);
  EXPECT_EQ(sink->changed(), 1u);
  sink->finish();
  EXPECT_EQ(sink->added(), 3u);
  EXPECT_EQ(sink->changed(), 1u);
}

TEST_F(ShardedLoadTest, CloseMergesEveryArticleOnceWithTheRunsMetadata) {
  auto sink = load();
  store(*sink, "a", "first", {2, 0, 3});
  store(*sink, "b", "second", {5, 1, 0});
  store(*sink, "c", "third");
  store(*sink, "a", "first, revised");
  sink->finish();
  sink->close(R"({"new":3})", Checkpoint{4, "a"});

  EXPECT_EQ(ids(path()), (std::vector<std::string>{"Qa", "Qb", "Qc"}));
  Xapian::Database database(path().string());
  EXPECT_EQ(database.get_doccount(), 3u);
  EXPECT_EQ(database.get_metadata(std::string(schema::kCheckpointKey)),
            R"({"last_id":"a","processed":4})");
  EXPECT_EQ(database.get_metadata(std::string(schema::kLastRunKey)), R"({"new":3})");
  EXPECT_EQ(database.get_metadata(std::string(schema::kLanguageKey)), "english");
  EXPECT_EQ(database.get_metadata(std::string(schema::kSchemaVersionKey)),
            std::to_string(schema::kSchemaVersion));
  EXPECT_EQ(database.get_metadata(std::string(schema::kPersonSlotsKey)), "5");
  EXPECT_EQ(database.get_metadata(std::string(schema::kPlaceSlotsKey)), "1");
  EXPECT_EQ(database.get_metadata(std::string(schema::kOrganizationSlotsKey)), "3");
  // The staging area is gone once its merge is in place.
  EXPECT_FALSE(fs::exists(staging_.directory()));
}

TEST_F(ShardedLoadTest, PruneAfterFinishRemovesExactlyTheUnkept) {
  auto sink = load();
  for (const char* id : {"a", "b", "c", "d", "e"}) store(*sink, id, std::string("text ") + id);
  sink->finish();
  EXPECT_EQ(sink->prune({"Qa", "Qd", "Qelsewhere"}), 3u);
  sink->close("{}", Checkpoint{5, "e"});
  EXPECT_EQ(ids(path()), (std::vector<std::string>{"Qa", "Qd"}));
  EXPECT_EQ(Xapian::Database(path().string()).get_doccount(), 2u);
}

}  // namespace
}  // namespace newsarchive
