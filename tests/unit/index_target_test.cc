// Unit: choosing where an indexing run writes: a bulk load through staging shards only into an
// empty database or for a rebuild, otherwise straight into the database; and the language check.
#include "index/index_target.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <xapian.h>

#include <sstream>

#include "store/schema.h"
#include "test_support.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;

class IndexTargetTest : public ::testing::Test {
 protected:
  fs::path database() const { return dir_.path() / "db"; }

  // A database holding one article, built with `language` (none recorded when empty).
  void make_database_with_article(const std::string& language = "") {
    Xapian::WritableDatabase existing(database().string(), Xapian::DB_CREATE);
    Xapian::Document document;
    document.add_boolean_term("Qold");
    existing.replace_document("Qold", document);
    if (!language.empty()) existing.set_metadata(std::string(schema::kLanguageKey), language);
    existing.commit();
  }

  IndexOptions options(size_t writers) const {
    IndexOptions index;
    index.database = database();
    index.writers = writers;
    return index;
  }

  std::string metadata(std::string_view key) const {
    return Xapian::Database(database().string()).get_metadata(std::string(key));
  }

  std::vector<std::string> shard_paths(size_t shards) const {
    std::vector<std::string> paths;
    for (size_t k = 0; k < shards; ++k) paths.push_back(staging_.shard_path(k).string());
    return paths;
  }

  testing::TempDir dir_;
  StagingArea staging_{dir_.path() / "db"};
  std::ostringstream log_text_;
  spdlog::logger log_{"test", std::make_shared<spdlog::sinks::ostream_sink_mt>(log_text_)};
};

TEST_F(IndexTargetTest, EmptyDatabaseWithTwoWritersIsABulkLoad) {
  IndexTarget target = open_index_target(options(2), staging_, log_);
  EXPECT_TRUE(target.sink->builds_documents());
  EXPECT_EQ(target.sink->snapshot_paths(), shard_paths(2));
  EXPECT_EQ(target.language, "english");
  // Recorded and committed before any article, so the snapshot and a later run can read it.
  EXPECT_EQ(metadata(schema::kLanguageKey), "english");
  EXPECT_EQ(metadata(schema::kSchemaVersionKey), std::to_string(schema::kSchemaVersion));
}

TEST_F(IndexTargetTest, OneWriterWritesDirectly) {
  IndexTarget target = open_index_target(options(1), staging_, log_);
  EXPECT_FALSE(target.sink->builds_documents());
  EXPECT_EQ(target.sink->snapshot_paths(), std::vector<std::string>{database().string()});
  EXPECT_FALSE(fs::exists(staging_.directory()));
}

// Merging shards into a database that holds articles would rewrite all of it.
TEST_F(IndexTargetTest, DatabaseHoldingAnArticleIsWrittenDirectlyWhateverTheWriters) {
  make_database_with_article();
  IndexTarget target = open_index_target(options(2), staging_, log_);
  EXPECT_FALSE(target.sink->builds_documents());
  EXPECT_EQ(target.sink->snapshot_paths(), std::vector<std::string>{database().string()});
  EXPECT_FALSE(fs::exists(staging_.directory()));
}

TEST_F(IndexTargetTest, ExistingDatabaseKeepsItsLanguage) {
  make_database_with_article("french");
  IndexTarget target = open_index_target(options(1), staging_, log_);
  EXPECT_EQ(target.language, "french");
}

TEST_F(IndexTargetTest, LanguageOtherThanTheDatabasesIsAUserError) {
  make_database_with_article("french");
  IndexOptions index = options(1);
  index.language = "english";
  try {
    open_index_target(index, staging_, log_);
    FAIL() << "a language mismatch was accepted";
  } catch (const UserError& error) {
    EXPECT_STREQ(error.what(),
                 "database was built with language 'french', not 'english'; use a new --db to "
                 "change language");
  }
  EXPECT_EQ(metadata(schema::kLanguageKey), "french");
}

// A rebuild must work when the database is damaged, so it never opens it for writing: holding
// its write lock here would make such an open fail.
TEST_F(IndexTargetTest, RebuildIsABulkLoadThatLeavesTheDatabaseClosed) {
  make_database_with_article("french");
  Xapian::WritableDatabase held(database().string(), Xapian::DB_OPEN);
  IndexOptions index = options(2);
  index.rebuild = true;
  IndexTarget target = open_index_target(index, staging_, log_);
  EXPECT_TRUE(target.sink->builds_documents());
  EXPECT_EQ(target.sink->snapshot_paths(), shard_paths(2));
  // The old database's language carries over when none is asked for.
  EXPECT_EQ(target.language, "french");
  EXPECT_EQ(held.get_doccount(), 1u);
}

TEST_F(IndexTargetTest, RebuildWithOneWriterStillLoadsThroughAShard) {
  make_database_with_article();
  IndexOptions index = options(1);
  index.rebuild = true;
  IndexTarget target = open_index_target(index, staging_, log_);
  EXPECT_TRUE(target.sink->builds_documents());
  EXPECT_EQ(target.sink->snapshot_paths(), shard_paths(1));
  EXPECT_EQ(target.language, "english");
}

}  // namespace
}  // namespace newsarchive
