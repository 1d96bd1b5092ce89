// Unit tests for common/store/metadata: the exact strings a run stores as metadata, and how the
// person-slot count is read back (garbage as 0, capped at the slots there are).
#include "store/metadata.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <string>

#include "store/schema.h"
#include "test_support.h"

namespace newsarchive {
namespace {

// A fresh writable database in a temporary directory.
class MetadataDatabase : public ::testing::Test {
 protected:
  std::string get(std::string_view key) { return db_.get_metadata(std::string(key)); }
  void set(std::string_view key, const std::string& value) {
    db_.set_metadata(std::string(key), value);
  }

  testing::TempDir dir_;
  Xapian::WritableDatabase db_{dir_.path().string() + "/db", Xapian::DB_CREATE};
};

TEST_F(MetadataDatabase, PersonSlotCountComesFromMetadata) {
  set(schema::kPersonSlotsKey, "3");
  db_.commit();
  EXPECT_EQ(person_slot_count(Xapian::Database(dir_.path().string() + "/db")), 3u);
}

TEST_F(MetadataDatabase, PersonSlotCountIsZeroWhenUnset) {
  EXPECT_EQ(person_slot_count(db_), 0u);
}

TEST_F(MetadataDatabase, GarbagePersonSlotCountReadsAsZero) {
  for (const char* garbage : {"12x", "x12", "-3", " 3", "", "99999999999999999999"}) {
    set(schema::kPersonSlotsKey, garbage);
    EXPECT_EQ(person_slot_count(db_), 0u) << "'" << garbage << "'";
  }
}

TEST_F(MetadataDatabase, PersonSlotCountIsCappedAtTheSlotsThereAre) {
  set(schema::kPersonSlotsKey, "64");
  EXPECT_EQ(person_slot_count(db_), 64u);
  set(schema::kPersonSlotsKey, "65");
  EXPECT_EQ(person_slot_count(db_), schema::kMaxPersonSlots);
  set(schema::kPersonSlotsKey, "100000");
  EXPECT_EQ(person_slot_count(db_), schema::kMaxPersonSlots);
}

TEST_F(MetadataDatabase, SchemaMetadataRecordsTheVersionAndTheLanguage) {
  write_schema_metadata(db_, "french");
  EXPECT_EQ(get(schema::kSchemaVersionKey), "5");
  EXPECT_EQ(get(schema::kLanguageKey), "french");
}

TEST_F(MetadataDatabase, SchemaMetadataWithoutALanguageLeavesTheStoredOne) {
  write_schema_metadata(db_, "");
  EXPECT_EQ(get(schema::kSchemaVersionKey), "5");
  EXPECT_EQ(get(schema::kLanguageKey), "");
  set(schema::kLanguageKey, "german");
  write_schema_metadata(db_, "");
  EXPECT_EQ(get(schema::kLanguageKey), "german");
}

TEST_F(MetadataDatabase, CommitMetadataStoresTheSlotCountsAndTheCheckpointAsJson) {
  write_commit_metadata(db_, EntitySlotCounts{7, 3, 5},
                        Checkpoint{.processed = 1234, .last_id = "reuters-0042"});
  EXPECT_EQ(get(schema::kPersonSlotsKey), "7");
  EXPECT_EQ(get(schema::kPlaceSlotsKey), "3");
  EXPECT_EQ(get(schema::kOrganizationSlotsKey), "5");
  EXPECT_EQ(get(schema::kCheckpointKey), R"({"last_id":"reuters-0042","processed":1234})");
  EXPECT_EQ(person_slot_count(db_), 7u);
  EXPECT_EQ(entity_slot_counts(db_), (EntitySlotCounts{7, 3, 5}));
}

// A database of schema 3 records persons only: it has no place or organisation slots to count.
TEST_F(MetadataDatabase, EntitySlotCountsOfAnOlderDatabaseHaveNoPlacesOrOrganisations) {
  set(schema::kPersonSlotsKey, "6");
  EXPECT_EQ(entity_slot_counts(db_), (EntitySlotCounts{6, 0, 0}));
}

TEST_F(MetadataDatabase, EntitySlotCountsStopAtEachKindsCap) {
  set(schema::kPersonSlotsKey, "1000");
  set(schema::kPlaceSlotsKey, "65");
  set(schema::kOrganizationSlotsKey, "x2");
  EXPECT_EQ(entity_slot_counts(db_),
            (EntitySlotCounts{schema::kMaxPersonSlots, schema::kMaxPlaceSlots, 0}));
}

// Shards merged by xapian-compact keep one shard's metadata; the slots in use still count.
TEST_F(MetadataDatabase, EntitySlotCountsSeeTheSlotsDocumentsUseBeyondTheRecord) {
  Xapian::Document document;
  for (Xapian::valueno k = 0; k < 3; ++k) document.add_value(schema::kFirstPersonSlot + k, "P");
  document.add_value(schema::kFirstPlaceSlot, "Iraq");
  db_.add_document(document);
  set(schema::kPersonSlotsKey, "1");
  set(schema::kOrganizationSlotsKey, "2");
  db_.commit();
  EXPECT_EQ(entity_slot_counts(Xapian::Database(dir_.path().string() + "/db")),
            (EntitySlotCounts{3, 1, 2}));
}

TEST(EntitySlotCounts, WidenKeepsTheLargerOfEachCount) {
  EntitySlotCounts counts{3, 8, 0};
  counts.widen(EntitySlotCounts{5, 2, 1});
  EXPECT_EQ(counts, (EntitySlotCounts{5, 8, 1}));
}

TEST_F(MetadataDatabase, CommitMetadataEscapesTheIdAndOverwritesTheLastCheckpoint) {
  write_commit_metadata(db_, {2}, Checkpoint{.processed = 1, .last_id = "first"});
  write_commit_metadata(db_, {0}, Checkpoint{.processed = 2, .last_id = "a \"quoted\"\\id"});
  EXPECT_EQ(get(schema::kPersonSlotsKey), "0");
  EXPECT_EQ(get(schema::kCheckpointKey), R"({"last_id":"a \"quoted\"\\id","processed":2})");
}

TEST_F(MetadataDatabase, ADefaultCheckpointIsStoredAsZeroAndAnEmptyId) {
  write_commit_metadata(db_, {}, Checkpoint{});
  EXPECT_EQ(get(schema::kCheckpointKey), R"({"last_id":"","processed":0})");
}

}  // namespace
}  // namespace newsarchive
