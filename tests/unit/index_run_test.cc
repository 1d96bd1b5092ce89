// Unit: run_index over a three-article archive in the corpus/ layout: every count of the report
// for each kind of run, the bulk load matching one writer, the progress callback's last call,
// the checkpoint a run leaves, and a missing input. (integration/incremental_test.cc covers the
// single counts each kind of run is about, the lock and interrupts.)
#include "index/index_run.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <xapian.h>

#include <algorithm>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "query/search.h"
#include "store/schema.h"
#include "test_support.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;
using Ids = std::vector<std::string>;

// An article file as corpus/ holds them: dateline, body, "Originally published as" headline.
std::string article_text(const std::string& date, const std::string& body,
                         const std::string& title) {
  return " date " + date + "\n\n" + body + "\n\nOriginally published as " + title + "\n";
}

// Every count of a report (not the time), so one comparison shows any that is off.
std::string counts(const IndexReport& r) {
  return "new " + std::to_string(r.added) + ", changed " + std::to_string(r.changed) +
         ", unchanged " + std::to_string(r.unchanged) + ", deleted " + std::to_string(r.deleted) +
         ", undated " + std::to_string(r.undated) + ", skipped " + std::to_string(r.skipped) +
         ", unreadable " + std::to_string(r.unreadable_inputs) + ", warnings " +
         std::to_string(r.warnings) + ", interrupted " + std::to_string(r.interrupted_by);
}

class IndexRunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    testing::write_file(archive() / "a.txt",
                        article_text("2021-01-01", "The harbour opens again.", "Harbour opens"));
    testing::write_file(
        archive() / "b.txt",
        article_text("2021-01-02", "The bridge inspection is due.", "Bridge inspection"));
    testing::write_file(
        archive() / "c.txt",
        article_text("2021-01-03", "The ferry timetable changes.", "Ferry timetable"));
  }

  fs::path archive() const { return dir_.path() / "archive"; }
  fs::path database(const std::string& name = "db") const { return dir_.path() / name; }

  IndexOptions options(const std::string& db = "db") const {
    IndexOptions o;
    o.database = database(db);
    o.inputs = {archive()};
    return o;
  }

  // Runs the index; `messages` (when given) receives what it logged, one "level: text" a line.
  IndexReport run(const IndexOptions& o, std::string* messages = nullptr) {
    std::ostringstream captured;
    spdlog::logger log("test", std::make_shared<spdlog::sinks::ostream_sink_mt>(captured));
    log.set_pattern("%l: %v");
    IndexReport report = run_index(o, log);
    log.flush();
    if (messages) *messages = captured.str();
    return report;
  }
  IndexReport run() { return run(options()); }

  std::string metadata(std::string_view key, const std::string& db = "db") const {
    return Xapian::Database(database(db).string()).get_metadata(std::string(key));
  }

  Ids search(const std::string& db, const std::string& query, SortOrder sort) const {
    SearchRequest request;
    request.query = query;
    request.sort = sort;
    Ids ids;
    for (const Hit& hit : Searcher({database(db).string()}).search(request).hits)
      ids.push_back(hit.id);
    return ids;
  }

  testing::TempDir dir_;
};

TEST_F(IndexRunTest, FirstRunAddsEveryArticleAndCountsNothingElse) {
  EXPECT_EQ(counts(run()),
            "new 3, changed 0, unchanged 0, deleted 0, undated 0, skipped 0, unreadable 0, "
            "warnings 0, interrupted 0");
  EXPECT_EQ(Xapian::Database(database().string()).get_doccount(), 3u);
}

TEST_F(IndexRunTest, RerunFindsEveryArticleUnchanged) {
  run();
  EXPECT_EQ(counts(run()),
            "new 0, changed 0, unchanged 3, deleted 0, undated 0, skipped 0, unreadable 0, "
            "warnings 0, interrupted 0");
}

TEST_F(IndexRunTest, RunAfterOneFileChangesCountsOneChanged) {
  run();
  testing::write_file(archive() / "b.txt",
                      article_text("2021-01-02", "The bridge is closed.", "Bridge inspection"));
  EXPECT_EQ(counts(run()),
            "new 0, changed 1, unchanged 2, deleted 0, undated 0, skipped 0, unreadable 0, "
            "warnings 0, interrupted 0");
}

// Forced rewrites of stored ids are changes, never additions.
TEST_F(IndexRunTest, ForceCountsEveryArticleChanged) {
  run();
  IndexOptions o = options();
  o.force = true;
  EXPECT_EQ(counts(run(o)),
            "new 0, changed 3, unchanged 0, deleted 0, undated 0, skipped 0, unreadable 0, "
            "warnings 0, interrupted 0");
  EXPECT_EQ(Xapian::Database(database().string()).get_doccount(), 3u);
}

TEST_F(IndexRunTest, PruneAfterAFileIsDeletedCountsOneDeleted) {
  run();
  fs::remove(archive() / "b.txt");
  IndexOptions o = options();
  o.prune = true;
  EXPECT_EQ(counts(run(o)),
            "new 0, changed 0, unchanged 2, deleted 1, undated 0, skipped 0, unreadable 0, "
            "warnings 0, interrupted 0");
  EXPECT_EQ(search("db", "", SortOrder::kOldest), (Ids{"a.txt", "c.txt"}));
}

// An article without a dateline is indexed undated, with one warning saying so.
// Undated articles are not warned about one by one: the run ends with one summary line.
TEST_F(IndexRunTest, UndatedArticlesAreCountedAndSummarisedOnce) {
  for (const char* name : {"d.txt", "e.txt", "f.txt", "g.txt"})
    testing::write_file(archive() / name,
                        std::string("The lighthouse keeper of ") + name + " retires.\n");
  std::string log;
  EXPECT_EQ(counts(run(options(), &log)),
            "new 7, changed 0, unchanged 0, deleted 0, undated 4, skipped 0, unreadable 0, "
            "warnings 0, interrupted 0");
  const std::string base = archive().string() + "/";
  EXPECT_NE(
      log.find("warning: 4 articles have no date and were indexed undated (" + base + "d.txt, " +
               base + "e.txt, " + base + "f.txt, ...); --log-file FILE keeps the full list\n"),
      std::string::npos)
      << log;
  EXPECT_EQ(log.find("no date; indexed undated"), std::string::npos) << log;  // debug only

  // A rerun finds them unchanged and says nothing about them.
  std::string rerun;
  EXPECT_EQ(counts(run(options(), &rerun)),
            "new 0, changed 0, unchanged 7, deleted 0, undated 0, skipped 0, unreadable 0, "
            "warnings 0, interrupted 0");
  EXPECT_EQ(rerun.find("date"), std::string::npos) << rerun;
}

// Two writers load an empty database through staging shards and merge them; what comes out must
// be what one writer makes, counts, order and metadata alike.
TEST_F(IndexRunTest, TwoWritersIntoAnEmptyDatabaseMatchOneWriter) {
  IndexOptions one = options("one");
  IndexOptions two = options("two");
  two.writers = 2;
  const std::string expected =
      "new 3, changed 0, unchanged 0, deleted 0, undated 0, skipped 0, unreadable 0, "
      "warnings 0, interrupted 0";
  EXPECT_EQ(counts(run(one)), expected);
  std::string log;
  EXPECT_EQ(counts(run(two, &log)), expected);
  // Else the comparison below would be of two direct writes.
  EXPECT_NE(log.find("bulk load: merging the staging shards"), std::string::npos) << log;
  EXPECT_FALSE(fs::exists(dir_.path() / "two.staging"));
  for (SortOrder sort : {SortOrder::kRelevance, SortOrder::kNewest, SortOrder::kOldest}) {
    for (const std::string query : {"", "harbour", "the", "bridge OR ferry"}) {
      EXPECT_EQ(search("two", query, sort), search("one", query, sort))
          << "query '" << query << "', sort " << static_cast<int>(sort);
    }
  }
  EXPECT_EQ(search("two", "", SortOrder::kOldest), (Ids{"a.txt", "b.txt", "c.txt"}));
  EXPECT_EQ(metadata(schema::kCheckpointKey, "two"), metadata(schema::kCheckpointKey, "one"));
  EXPECT_EQ(metadata(schema::kPersonSlotsKey, "two"), metadata(schema::kPersonSlotsKey, "one"));
}

// A progress display draws its final line on the finished call: it must come once, last, with
// every article and every byte accounted for.
TEST_F(IndexRunTest, ProgressEndsWithOneFinishedCallCountingEveryArticle) {
  std::vector<IndexProgress> calls;
  IndexOptions o = options();
  o.on_progress = [&](const IndexProgress& progress) { calls.push_back(progress); };
  run(o);
  ASSERT_FALSE(calls.empty());
  EXPECT_EQ(std::count_if(calls.begin(), calls.end(), [](auto& p) { return p.finished; }), 1);
  const IndexProgress& last = calls.back();
  EXPECT_TRUE(last.finished);
  EXPECT_EQ(last.processed, 3u);
  EXPECT_EQ(last.skipped, 0u);
  const std::uint64_t bytes = fs::file_size(archive() / "a.txt") +
                              fs::file_size(archive() / "b.txt") +
                              fs::file_size(archive() / "c.txt");
  EXPECT_EQ(last.bytes_total, bytes);
  EXPECT_EQ(last.bytes_done, bytes);
}

// Unchanged articles reach the ledger in runs, not one by one; they still count as processed.
TEST_F(IndexRunTest, ProgressOfARerunCountsUnchangedArticles) {
  run();
  std::vector<IndexProgress> calls;
  IndexOptions o = options();
  o.on_progress = [&](const IndexProgress& progress) { calls.push_back(progress); };
  run(o);
  ASSERT_FALSE(calls.empty());
  EXPECT_EQ(std::count_if(calls.begin(), calls.end(), [](auto& p) { return p.finished; }), 1);
  EXPECT_TRUE(calls.back().finished);
  EXPECT_EQ(calls.back().processed, 3u);
}

// A mistyped input path must fail before anything is created at the database path.
TEST_F(IndexRunTest, AMissingInputIsAUserErrorNamingIt) {
  IndexOptions o = options();
  o.inputs = {archive(), dir_.path() / "no-such-dir"};
  try {
    run(o);
    FAIL() << "expected UserError";
  } catch (const UserError& error) {
    EXPECT_EQ(std::string(error.what()),
              "no such file or directory: '" + (dir_.path() / "no-such-dir").string() + "'");
  }
  EXPECT_FALSE(fs::exists(database()));
}

// The checkpoint counts what this run processed, unchanged articles included, and names the last.
TEST_F(IndexRunTest, CheckpointAfterARerunCountsTheUnchangedArticles) {
  run();
  run();
  EXPECT_EQ(metadata(schema::kCheckpointKey), R"({"last_id":"c.txt","processed":3})");
}

TEST_F(IndexRunTest, CheckpointAfterPruningCountsOnlyWhatIsLeft) {
  run();
  fs::remove(archive() / "c.txt");
  IndexOptions o = options();
  o.prune = true;
  run(o);
  EXPECT_EQ(metadata(schema::kCheckpointKey), R"({"last_id":"b.txt","processed":2})");
}

}  // namespace
}  // namespace newsarchive
