// Unit: the analysis thread: reads the inputs into WorkItems in input order, builds documents
// or leaves them to the sink, and recognises articles already in the database as unchanged.
#include "index/analysis.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>
#include <xapian.h>

#include <sstream>

#include "index/index_run.h"
#include "store/document_builder.h"
#include "store/schema.h"
#include "test_support.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;

class AnalysisTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // The archive's plain-text format (corpus/): dateline, body paragraphs, headline.
    testing::write_file(archive() / "2020-01-06-harbour.txt",
                        "date 2020-01-06\n\nThe harbour of Port Halden reopened on Monday.\n\n"
                        "Originally published as Harbour reopens\n");
    testing::write_file(archive() / "2020-02-11-troops.txt",
                        "date 2020-02-11\n\nVeldania sent troops to its northern frontier.\n\n"
                        "Originally published as Troops head north\n");
    testing::write_file(archive() / "2020-03-15-profit.txt",
                        "date 2020-03-15\n\nMeridian Freight posted a record profit.\n\n"
                        "Originally published as Record profit\n");
    Xapian::WritableDatabase(database().string(), Xapian::DB_CREATE).commit();
  }

  fs::path archive() const { return dir_.path() / "archive"; }
  fs::path database() const { return dir_.path() / "db"; }

  AnalysisOptions options() const {
    AnalysisOptions analysis;
    analysis.inputs = {archive()};
    analysis.snapshot_paths = {database().string()};
    analysis.language = "english";
    return analysis;
  }

  // Runs the analysis to its end and returns everything it queued.
  std::vector<WorkItem> analyse(const AnalysisOptions& analysis) {
    BoundedQueue<WorkItem> queue(1000);
    std::atomic<bool> stop{false};
    bytes_done_ = 0;
    analyse_inputs(analysis, queue, stop, bytes_done_);
    queue.close();
    std::vector<WorkItem> items;
    while (std::optional<WorkItem> item = queue.pop()) items.push_back(std::move(*item));
    return items;
  }

  void index_archive() {
    std::ostringstream log_text;
    spdlog::logger log("test", std::make_shared<spdlog::sinks::ostream_sink_mt>(log_text));
    IndexOptions index;
    index.database = database();
    index.inputs = {archive()};
    IndexReport report = run_index(index, log);
    ASSERT_EQ(report.added, 3u) << log_text.str();
  }

  std::uint64_t archive_bytes() const {
    std::uint64_t total = 0;
    for (const fs::directory_entry& entry : fs::directory_iterator(archive()))
      total += entry.file_size();
    return total;
  }

  static const std::vector<std::string>& ids() {
    static const std::vector<std::string> in_order = {
        "2020-01-06-harbour.txt", "2020-02-11-troops.txt", "2020-03-15-profit.txt"};
    return in_order;
  }

  testing::TempDir dir_;
  std::atomic<std::uint64_t> bytes_done_{0};
};

TEST_F(AnalysisTest, NewArticlesBecomeDocumentItemsWithTheirDocumentsBuilt) {
  std::vector<WorkItem> items = analyse(options());
  ASSERT_EQ(items.size(), 3u);
  for (size_t k = 0; k < items.size(); ++k) {
    const WorkItem& item = items[k];
    EXPECT_EQ(item.kind, WorkItem::Kind::kDocument);
    EXPECT_EQ(item.id, ids()[k]);
    EXPECT_EQ(item.keys.id_term, id_term(ids()[k]));
    EXPECT_FALSE(item.article.has_value());
    EXPECT_FALSE(item.undated);
    // Built: the document carries the keys the item names.
    EXPECT_EQ(item.document.get_value(schema::kContentHashSlot), item.keys.content_hash);
    Xapian::TermIterator term = item.document.termlist_begin();
    term.skip_to(item.keys.id_term);
    ASSERT_NE(term, item.document.termlist_end());
    EXPECT_EQ(*term, item.keys.id_term);
  }
  EXPECT_EQ(items[0].document.get_value(schema::kDateSlot), "20200106");
  EXPECT_EQ(bytes_done_.load(), archive_bytes());
}

// In a bulk load the shards' threads build documents: the item carries the analysed article.
TEST_F(AnalysisTest, SinkBuildsDocumentsThenItemsCarryTheArticle) {
  AnalysisOptions analysis = options();
  analysis.sink_builds_documents = true;
  std::vector<WorkItem> items = analyse(analysis);
  ASSERT_EQ(items.size(), 3u);
  for (size_t k = 0; k < items.size(); ++k) {
    const WorkItem& item = items[k];
    EXPECT_EQ(item.kind, WorkItem::Kind::kDocument);
    ASSERT_TRUE(item.article.has_value());
    EXPECT_EQ(item.article->id, ids()[k]);
    EXPECT_EQ(item.keys.content_hash, content_hash(*item.article));
    EXPECT_EQ(item.document.termlist_count(), 0u);
    EXPECT_EQ(item.bytes, article_bytes(*item.article));
  }
  EXPECT_EQ(items[1].article->title, "Troops head north");
}

// Unchanged articles travel as one run, named by the last of them, so the writer wakes once.
TEST_F(AnalysisTest, ArticlesAlreadyIndexedAreOneUnchangedRun) {
  index_archive();
  std::vector<WorkItem> items = analyse(options());
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].kind, WorkItem::Kind::kUnchanged);
  EXPECT_EQ(items[0].unchanged, 3u);
  EXPECT_EQ(items[0].id, ids().back());
  // Their id terms are only kept when the run prunes.
  EXPECT_TRUE(items[0].unchanged_id_terms.empty());
}

TEST_F(AnalysisTest, UnchangedRunKeepsItsIdTermsForPruning) {
  index_archive();
  AnalysisOptions analysis = options();
  analysis.prune = true;
  std::vector<WorkItem> items = analyse(analysis);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].unchanged_id_terms,
            (std::vector<std::string>{id_term(ids()[0]), id_term(ids()[1]), id_term(ids()[2])}));
}

TEST_F(AnalysisTest, ForceTreatsIndexedArticlesAsChanged) {
  index_archive();
  AnalysisOptions analysis = options();
  analysis.force = true;
  std::vector<WorkItem> items = analyse(analysis);
  ASSERT_EQ(items.size(), 3u);
  for (size_t k = 0; k < items.size(); ++k) {
    EXPECT_EQ(items[k].kind, WorkItem::Kind::kDocument);
    EXPECT_EQ(items[k].id, ids()[k]);
    EXPECT_EQ(items[k].document.get_value(schema::kContentHashSlot), items[k].keys.content_hash);
  }
}

// An edited article between unchanged ones splits the run, keeping input order.
TEST_F(AnalysisTest, AChangedArticleSplitsTheUnchangedRunInInputOrder) {
  index_archive();
  testing::write_file(archive() / "2020-02-11-troops.txt",
                      "date 2020-02-11\n\nVeldania sent more troops to its northern frontier.\n\n"
                      "Originally published as Troops head north\n");
  std::vector<WorkItem> items = analyse(options());
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].kind, WorkItem::Kind::kUnchanged);
  EXPECT_EQ(items[0].unchanged, 1u);
  EXPECT_EQ(items[0].id, ids()[0]);
  EXPECT_EQ(items[1].kind, WorkItem::Kind::kDocument);
  EXPECT_EQ(items[1].id, ids()[1]);
  EXPECT_EQ(items[2].kind, WorkItem::Kind::kUnchanged);
  EXPECT_EQ(items[2].unchanged, 1u);
  EXPECT_EQ(items[2].id, ids()[2]);
}

TEST_F(AnalysisTest, StopSetBeforehandQueuesNothing) {
  BoundedQueue<WorkItem> queue(1000);
  std::atomic<bool> stop{true};
  analyse_inputs(options(), queue, stop, bytes_done_);
  queue.close();
  EXPECT_FALSE(queue.pop().has_value());
}

}  // namespace
}  // namespace newsarchive
