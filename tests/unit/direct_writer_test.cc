// Unit: the sink that writes straight into the database: new and changed articles counted by id
// term, commits by the policy, pruning, and the last commit of a run.
#include "index/direct_writer.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include "store/schema.h"
#include "test_support.h"

namespace newsarchive {
namespace {

// A document item for id `id`, holding its id term as the indexer's documents do.
WorkItem item(const std::string& id, const std::string& text, EntitySlotCounts slots = {}) {
  WorkItem work;
  work.keys.id_term = "Q" + id;
  work.id = id;
  work.document.add_boolean_term(work.keys.id_term);
  work.document.set_data(text);
  work.slots = slots;
  work.bytes = text.size();
  return work;
}

class DirectWriterTest : public ::testing::Test {
 protected:
  std::filesystem::path path() const { return dir_.path() / "db"; }

  // The database with these ids committed before the run, and `person_slots` recorded.
  void make_database(const std::vector<std::string>& ids, const std::string& person_slots = "") {
    Xapian::WritableDatabase database(path().string(), Xapian::DB_CREATE_OR_OPEN);
    for (const std::string& id : ids) {
      Xapian::Document document;
      document.add_boolean_term("Q" + id);
      document.set_data("before");
      database.replace_document("Q" + id, document);
    }
    if (!person_slots.empty())
      database.set_metadata(std::string(schema::kPersonSlotsKey), person_slots);
    database.commit();
  }

  DirectWriter writer(size_t commit_every) {
    return DirectWriter(Xapian::WritableDatabase(path().string(), Xapian::DB_OPEN), path(),
                        CommitPolicy(commit_every, 3600));
  }

  // What a second process would see now.
  Xapian::Database reader() const { return Xapian::Database(path().string()); }

  std::string metadata(std::string_view key) const {
    return reader().get_metadata(std::string(key));
  }

  std::vector<std::string> ids() const {
    std::vector<std::string> terms;
    Xapian::Database database = reader();
    std::string prefix(schema::kIdPrefix);
    for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it)
      terms.push_back(*it);
    return terms;
  }

  testing::TempDir dir_;
};

// An id seen earlier in the same run counts as changed: the database the writer checks holds
// its uncommitted writes too.
TEST_F(DirectWriterTest, StoreCountsAddedAndChangedByIdTerm) {
  make_database({"old"});
  DirectWriter sink = writer(100);
  WorkItem a = item("a", "new");
  WorkItem old = item("old", "revised");
  WorkItem again = item("a", "new, revised");
  sink.store(a);
  sink.store(old);
  sink.store(again);
  EXPECT_EQ(sink.added(), 1u);
  EXPECT_EQ(sink.changed(), 2u);
  sink.close("{}", Checkpoint{3, "a"});
  Xapian::Database database = reader();
  EXPECT_EQ(database.get_doccount(), 2u);
  EXPECT_EQ(database.get_document(*database.postlist_begin("Qa")).get_data(), "new, revised");
  EXPECT_EQ(database.get_document(*database.postlist_begin("Qold")).get_data(), "revised");
}

TEST_F(DirectWriterTest, SnapshotIsTheDatabaseAndDocumentsComeBuilt) {
  make_database({});
  DirectWriter sink = writer(100);
  EXPECT_EQ(sink.snapshot_paths(), std::vector<std::string>{path().string()});
  EXPECT_FALSE(sink.builds_documents());
}

TEST_F(DirectWriterTest, AfterArticleCommitsOnlyWhenDue) {
  make_database({});
  DirectWriter sink = writer(/*commit_every=*/2);
  WorkItem a = item("a", "first");
  sink.store(a);
  sink.after_article(Checkpoint{1, "a"});
  EXPECT_EQ(reader().get_doccount(), 0u);
  EXPECT_EQ(metadata(schema::kCheckpointKey), "");

  WorkItem b = item("b", "second");
  sink.store(b);
  sink.after_article(Checkpoint{2, "b"});
  EXPECT_EQ(reader().get_doccount(), 2u);
  EXPECT_EQ(metadata(schema::kCheckpointKey), R"({"last_id":"b","processed":2})");

  // The count starts again after the commit: one more article is not yet due.
  WorkItem c = item("c", "third");
  sink.store(c);
  sink.after_article(Checkpoint{3, "c"});
  EXPECT_EQ(reader().get_doccount(), 2u);
}

// An unchanged article stores nothing, so it alone never makes a commit due.
TEST_F(DirectWriterTest, AfterArticleWithoutAStoreDoesNotCommit) {
  make_database({});
  DirectWriter sink = writer(/*commit_every=*/1);
  sink.after_article(Checkpoint{5, "e"});
  EXPECT_EQ(metadata(schema::kCheckpointKey), "");
}

TEST_F(DirectWriterTest, PruneDeletesExactlyTheArticlesNotKept) {
  make_database({"a", "b", "c", "d"});
  DirectWriter sink = writer(100);
  EXPECT_EQ(sink.prune({"Qa", "Qc"}), 2u);
  sink.close("{}", Checkpoint{2, "c"});
  EXPECT_EQ(ids(), (std::vector<std::string>{"Qa", "Qc"}));
  EXPECT_EQ(reader().get_doccount(), 2u);
}

TEST_F(DirectWriterTest, PruneKeepingEverythingDeletesNothing) {
  make_database({"a", "b"});
  DirectWriter sink = writer(100);
  EXPECT_EQ(sink.prune({"Qa", "Qb", "Qelsewhere"}), 0u);
  sink.close("{}", Checkpoint{2, "b"});
  EXPECT_EQ(ids(), (std::vector<std::string>{"Qa", "Qb"}));
}

// Deletions are changes: enough of them make the next after_article commit.
TEST_F(DirectWriterTest, PrunedDeletionsCountTowardsTheNextCommit) {
  make_database({"a", "b", "c"});
  DirectWriter sink = writer(/*commit_every=*/2);
  EXPECT_EQ(sink.prune({"Qa"}), 2u);
  sink.after_article(Checkpoint{1, "a"});
  EXPECT_EQ(reader().get_doccount(), 1u);
}

TEST_F(DirectWriterTest, CloseWritesLastRunAndTheFinalCheckpoint) {
  make_database({});
  DirectWriter sink = writer(100);
  WorkItem a = item("a", "first");
  sink.store(a);
  sink.after_article(Checkpoint{1, "a"});
  sink.close(R"({"new":1})", Checkpoint{4, "z"});
  EXPECT_EQ(reader().get_doccount(), 1u);
  EXPECT_EQ(metadata(schema::kLastRunKey), R"({"new":1})");
  EXPECT_EQ(metadata(schema::kCheckpointKey), R"({"last_id":"z","processed":4})");
  EXPECT_EQ(metadata(schema::kPersonSlotsKey), "0");
}

// The searcher counts as many person slots as the count says, so it must never shrink below
// what an earlier run stored.
TEST_F(DirectWriterTest, PersonSlotsKeepTheDatabasesCountWhenArticlesUseFewer) {
  make_database({}, "5");
  DirectWriter sink = writer(100);
  WorkItem a = item("a", "first", {3});
  sink.store(a);
  sink.close("{}", Checkpoint{1, "a"});
  EXPECT_EQ(metadata(schema::kPersonSlotsKey), "5");
}

TEST_F(DirectWriterTest, PersonSlotsGrowToTheMostAnArticleUses) {
  make_database({}, "5");
  DirectWriter sink = writer(100);
  WorkItem a = item("a", "first", {7, 1, 4});
  WorkItem b = item("b", "second", {2, 3, 0});
  sink.store(a);
  sink.store(b);
  sink.close("{}", Checkpoint{2, "b"});
  EXPECT_EQ(metadata(schema::kPersonSlotsKey), "7");
  EXPECT_EQ(metadata(schema::kPlaceSlotsKey), "3");
  EXPECT_EQ(metadata(schema::kOrganizationSlotsKey), "4");
}

}  // namespace
}  // namespace newsarchive
