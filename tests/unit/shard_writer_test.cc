// Unit: a shard writer thread replaces documents by id, counts new and changed ones, and
// commits with its checkpoint and person-slot count.
#include "index/shard_writer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "store/schema.h"
#include "test_support.h"

namespace newsarchive {
namespace {

StagedDocument staged(const std::string& id, const std::string& text, EntitySlotCounts slots = {}) {
  StagedDocument document;
  document.id_term = "Q" + id;
  document.id = id;
  document.document.add_boolean_term(document.id_term);
  document.document.set_data(text);
  document.slots = slots;
  return document;
}

TEST(ShardWriter, WritesReplacesAndCommitsWithCheckpoint) {
  testing::TempDir dir;
  std::filesystem::path path = dir.path() / "shard-0";
  {
    ShardWriter writer(path, /*commit_every=*/2, /*commit_seconds=*/3600);
    writer.start();
    ASSERT_TRUE(writer.submit(staged("a", "first", {1, 2, 0})));
    ASSERT_TRUE(writer.submit(staged("b", "second", {3, 0, 1})));
    ASSERT_TRUE(writer.submit(staged("a", "first, revised", {2, 0, 0})));
    writer.finish();
    EXPECT_EQ(writer.added(), 2u);
    EXPECT_EQ(writer.changed(), 1u);
    EXPECT_EQ(writer.slots(), (EntitySlotCounts{3, 2, 1}));
  }
  Xapian::Database shard(path.string());
  EXPECT_EQ(shard.get_doccount(), 2u);
  EXPECT_EQ(shard.get_document(*shard.postlist_begin("Qa")).get_data(), "first, revised");
  EXPECT_EQ(shard.get_metadata(std::string(schema::kCheckpointKey)),
            R"({"last_id":"a","processed":3})");
  EXPECT_EQ(shard.get_metadata(std::string(schema::kPersonSlotsKey)), "3");
  EXPECT_EQ(shard.get_metadata(std::string(schema::kPlaceSlotsKey)), "2");
  EXPECT_EQ(shard.get_metadata(std::string(schema::kOrganizationSlotsKey)), "1");
}

TEST(ShardWriter, ReopenedShardKeepsItsSlotCounts) {
  testing::TempDir dir;
  std::filesystem::path path = dir.path() / "shard-0";
  {
    ShardWriter writer(path, 10, 3600);
    writer.start();
    ASSERT_TRUE(writer.submit(staged("a", "x", {5, 4, 3})));
    writer.finish();
  }
  ShardWriter reopened(path, 10, 3600);
  EXPECT_EQ(reopened.slots(), (EntitySlotCounts{5, 4, 3}));
}

StagedDocument staged_article(const std::string& id, const std::string& body) {
  StagedDocument document;
  document.id_term = "Q" + id;
  document.id = id;
  Article article;
  article.id = id;
  article.body = body;
  document.article = std::move(article);
  document.content_hash = "hash-of-" + id;
  return document;
}

TEST(ShardWriter, BuildsStagedArticlesOnItsOwnThreadWithItsBuilder) {
  testing::TempDir dir;
  std::filesystem::path path = dir.path() / "shard-0";
  std::thread::id caller = std::this_thread::get_id();
  bool built_elsewhere = true;
  {
    ShardWriter writer(path, 10, 3600, [&](const Article& article, const DocumentKeys& keys) {
      built_elsewhere = built_elsewhere && std::this_thread::get_id() != caller;
      Xapian::Document document;
      document.add_boolean_term(keys.id_term);
      document.set_data(article.body + " / " + keys.content_hash);
      return document;
    });
    writer.start();
    ASSERT_TRUE(writer.submit(staged_article("a", "harbour")));
    ASSERT_TRUE(writer.submit(staged("b", "built already")));
    writer.finish();
    EXPECT_EQ(writer.added(), 2u);
  }
  EXPECT_TRUE(built_elsewhere);
  Xapian::Database shard(path.string());
  EXPECT_EQ(shard.get_document(*shard.postlist_begin("Qa")).get_data(), "harbour / hash-of-a");
  EXPECT_EQ(shard.get_document(*shard.postlist_begin("Qb")).get_data(), "built already");
}

// A batch of long articles is committed once it holds kMaxUncommittedTextBytes of text, long
// before commit_every articles or commit_seconds.
TEST(ShardWriter, CommitsOnceTheUncommittedTextReachesTheByteLimit) {
  testing::TempDir dir;
  std::filesystem::path path = dir.path() / "shard-0";
  ShardWriter writer(path, /*commit_every=*/1000, /*commit_seconds=*/3600);
  writer.start();
  for (const char* id : {"a", "b"}) {
    StagedDocument document = staged(id, "long");
    document.bytes = kMaxUncommittedTextBytes / 2 + 1;
    ASSERT_TRUE(writer.submit(std::move(document)));
  }
  Xapian::doccount visible = 0;
  for (int wait = 0; wait < 500 && visible < 2; ++wait) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    visible = Xapian::Database(path.string()).get_doccount();
  }
  EXPECT_EQ(visible, 2u);  // committed while the writer still runs
  writer.finish();
}

TEST(ShardWriter, StagedArticleWithoutABuilderFailsTheShard) {
  testing::TempDir dir;
  ShardWriter writer(dir.path() / "shard-0", 10, 3600);
  writer.start();
  writer.submit(staged_article("a", "harbour"));
  EXPECT_THROW(writer.finish(), std::logic_error);
}

}  // namespace
}  // namespace newsarchive
