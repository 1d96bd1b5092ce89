// Integration: incremental runs. Unchanged articles are recognised by content hash and left
// alone, changed ones rewritten, --force rewrites all, --prune deletes what is gone, a second
// writer is refused, and an interrupted run commits what it did.
#include <gtest/gtest.h>
#include <spdlog/sinks/null_sink.h>
#include <xapian.h>

#include <csignal>
#include <nlohmann/json.hpp>

#include "index/index_run.h"
#include "index/interrupt.h"
#include "query/search.h"
#include "store/database_lock.h"
#include "store/schema.h"
#include "test_support.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;

std::string article_text(const std::string& date, const std::string& body) {
  return " date " + date + "\n\n" + body + "\n\nOriginally published as " + body.substr(0, 20) +
         "\n";
}

// Run with one writer and with a bulk load through two staging shards (the first run into an
// empty database), which must behave the same.
class Incremental : public ::testing::TestWithParam<size_t> {
 protected:
  void SetUp() override {
    testing::write_file(archive() / "a.txt", article_text("2021-01-01", "Harbour opens again."));
    testing::write_file(archive() / "b.txt", article_text("2021-01-02", "Bridge inspection due."));
    testing::write_file(archive() / "c.txt",
                        article_text("2021-01-03", "Ferry timetable changes."));
  }
  fs::path archive() const { return dir_.path() / "archive"; }
  std::string database() const { return (dir_.path() / "db").string(); }

  IndexReport index(bool force = false, bool prune = false) {
    spdlog::logger log("test", std::make_shared<spdlog::sinks::null_sink_mt>());
    IndexOptions options;
    options.database = database();
    options.inputs = {archive()};
    options.force = force;
    options.prune = prune;
    options.writers = GetParam();
    return run_index(options, log);
  }

  Xapian::doccount hits(const std::string& query) {
    SearchRequest request;
    request.query = query;
    return Searcher({database()}).search(request).total_estimate;
  }

  testing::TempDir dir_;
};

TEST_P(Incremental, SecondRunOverUnchangedArchiveWritesNothing) {
  IndexReport first = index();
  EXPECT_EQ(first.added, 3u);
  IndexReport second = index();
  EXPECT_EQ(second.added, 0u);
  EXPECT_EQ(second.changed, 0u);
  EXPECT_EQ(second.unchanged, 3u);
  EXPECT_EQ(report_summary(second).substr(0, 43), "0 new, 0 changed, 3 unchanged, 0 deleted, 0");
}

TEST_P(Incremental, ChangedArticleIsRewrittenAndOthersLeftAlone) {
  index();
  testing::write_file(archive() / "b.txt",
                      article_text("2021-01-02", "Bridge closed for repairs."));
  IndexReport second = index();
  EXPECT_EQ(second.changed, 1u);
  EXPECT_EQ(second.unchanged, 2u);
  EXPECT_EQ(hits("repairs"), 1u);
  EXPECT_EQ(hits("inspection"), 0u);
  EXPECT_EQ(Xapian::Database(database()).get_doccount(), 3u);
}

TEST_P(Incremental, ForceRewritesEveryArticle) {
  index();
  IndexReport second = index(/*force=*/true);
  EXPECT_EQ(second.changed, 3u);
  EXPECT_EQ(second.unchanged, 0u);
}

TEST_P(Incremental, PruneDeletesArticlesWhoseSourceIsGone) {
  index();
  fs::remove(archive() / "c.txt");
  IndexReport without_prune = index();
  EXPECT_EQ(without_prune.deleted, 0u);
  EXPECT_EQ(Xapian::Database(database()).get_doccount(), 3u);
  IndexReport with_prune = index(false, /*prune=*/true);
  EXPECT_EQ(with_prune.deleted, 1u);
  EXPECT_EQ(with_prune.unchanged, 2u);
  EXPECT_EQ(Xapian::Database(database()).get_doccount(), 2u);
  EXPECT_EQ(hits("ferry"), 0u);
}

// Unchanged articles reach the writer in runs of up to 256: counts, the order against changed
// articles and --prune must come out as if they went one by one.
TEST_P(Incremental, LongRunsOfUnchangedArticlesAreCountedAndKeptByPrune) {
  auto feed = [](int changed_at, int count) {
    std::string lines;
    for (int i = 0; i < count; ++i)
      lines += "{\"id\": \"wire-" + std::to_string(i) +
               "\", \"date\": \"2021-03-01\", \"title\": \"Harbour note " + std::to_string(i) +
               "\", \"body\": \"" +
               (i == changed_at ? "The quay was closed." : "The quay stays open.") + "\"}\n";
    return lines;
  };
  testing::write_file(archive() / "wire.jsonl", feed(-1, 700));
  EXPECT_EQ(index().added, 703u);
  // Article 300 changes, articles 600 to 699 and c.txt disappear.
  testing::write_file(archive() / "wire.jsonl", feed(300, 600));
  fs::remove(archive() / "c.txt");
  IndexReport second = index(false, /*prune=*/true);
  EXPECT_EQ(second.unchanged, 601u);  // 599 lines, a.txt and b.txt
  EXPECT_EQ(second.changed, 1u);
  EXPECT_EQ(second.deleted, 101u);
  EXPECT_EQ(Xapian::Database(database()).get_doccount(), 602u);
  EXPECT_EQ(hits("closed"), 1u);
  EXPECT_EQ(report_summary(second).substr(0, 47),
            "0 new, 1 changed, 601 unchanged, 101 deleted, 0");
}

TEST_P(Incremental, CheckpointAndLastRunAreCommittedInMetadata) {
  index();
  Xapian::Database db(database());
  EXPECT_EQ(db.get_metadata(std::string(schema::kCheckpointKey)),
            R"({"last_id":"c.txt","processed":3})");
  nlohmann::json last_run =
      nlohmann::json::parse(db.get_metadata(std::string(schema::kLastRunKey)));
  last_run.erase("seconds");
  EXPECT_EQ(
      last_run.dump(),
      R"({"changed":0,"collisions":0,"deleted":0,"interrupted":false,"new":3,"passed_over":0,)"
      R"("skipped":0,"unchanged":0,)"
      R"("undated":0,"warnings":0})");
}

TEST_P(Incremental, SecondWriterIsRefusedWithDatabaseBusyError) {
  index();
  Xapian::WritableDatabase holder(database(), Xapian::DB_OPEN);
  EXPECT_THROW(index(), DatabaseBusyError);
}

TEST_P(Incremental, InterruptStopsAfterTheCurrentArticleAndCommitsIt) {
  install_interrupt_handlers();
  std::raise(SIGTERM);
  IndexReport report = index();
  clear_interrupt();
  install_interrupt_handlers();
  EXPECT_EQ(report.interrupted_by, SIGTERM);
  EXPECT_EQ(report.added, 0u);  // the signal came before the first file was read
  EXPECT_EQ(Xapian::Database(database()).get_doccount(), 0u);
  IndexReport resumed = index();
  EXPECT_EQ(resumed.added, 3u);
  EXPECT_EQ(resumed.interrupted_by, 0);
}

TEST_P(Incremental, RunLockHeldElsewhereIsRefusedWithDatabaseBusyError) {
  fs::create_directories(database());
  DatabaseLock holder(database(), "elsewhere");
  EXPECT_THROW(index(), DatabaseBusyError);
  EXPECT_FALSE(fs::exists(database() + ".staging"));
}

INSTANTIATE_TEST_SUITE_P(Writers, Incremental, ::testing::Values(1, 2));

}  // namespace
}  // namespace newsarchive
