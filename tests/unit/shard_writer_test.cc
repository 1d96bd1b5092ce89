// Unit: a shard writer thread replaces documents by id, counts new and changed ones, and
// commits with its checkpoint and person-slot count.
#include "shard_writer.h"

#include <gtest/gtest.h>

#include "schema.h"
#include "test_support.h"

namespace newsarchive {
namespace {

StagedDocument staged(const std::string& id, const std::string& text, size_t person_slots = 0) {
  StagedDocument document;
  document.id_term = "Q" + id;
  document.id = id;
  document.document.add_boolean_term(document.id_term);
  document.document.set_data(text);
  document.person_slots = person_slots;
  return document;
}

TEST(ShardWriter, WritesReplacesAndCommitsWithCheckpoint) {
  testing::TempDir dir;
  std::filesystem::path path = dir.path() / "shard-0";
  {
    ShardWriter writer(path, /*commit_every=*/2, /*commit_seconds=*/3600);
    writer.start();
    ASSERT_TRUE(writer.submit(staged("a", "first", 1)));
    ASSERT_TRUE(writer.submit(staged("b", "second", 3)));
    ASSERT_TRUE(writer.submit(staged("a", "first, revised", 2)));
    writer.finish();
    EXPECT_EQ(writer.added(), 2u);
    EXPECT_EQ(writer.changed(), 1u);
    EXPECT_EQ(writer.person_slots(), 3u);
  }
  Xapian::Database shard(path.string());
  EXPECT_EQ(shard.get_doccount(), 2u);
  EXPECT_EQ(shard.get_document(*shard.postlist_begin("Qa")).get_data(), "first, revised");
  EXPECT_EQ(shard.get_metadata(std::string(schema::kCheckpointKey)),
            R"({"last_id":"a","written":3})");
  EXPECT_EQ(shard.get_metadata(std::string(schema::kPersonSlotsKey)), "3");
}

TEST(ShardWriter, ReopenedShardKeepsItsPersonSlotCount) {
  testing::TempDir dir;
  std::filesystem::path path = dir.path() / "shard-0";
  {
    ShardWriter writer(path, 10, 3600);
    writer.start();
    ASSERT_TRUE(writer.submit(staged("a", "x", 5)));
    writer.finish();
  }
  ShardWriter reopened(path, 10, 3600);
  EXPECT_EQ(reopened.person_slots(), 5u);
}

}  // namespace
}  // namespace newsarchive
