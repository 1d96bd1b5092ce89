// Unit: the storing side of an indexing run: what it counts and logs, what it hands the sink,
// the checkpoints it gives, and when it refuses to prune.
#include "index/run_ledger.h"

#include <gtest/gtest.h>
#include <spdlog/sinks/ostream_sink.h>

#include <sstream>

#include "index/interrupt.h"

namespace newsarchive {
namespace {

// A DocumentSink that records every call, and reports the counts a test sets.
class FakeSink : public DocumentSink {
 public:
  std::vector<std::string> snapshot_paths() const override { return {}; }
  bool builds_documents() const override { return false; }
  void store(WorkItem& item) override { stored.push_back(item.id); }
  void after_article(const Checkpoint& checkpoint) override {
    checkpoints.push_back(std::to_string(checkpoint.processed) + ":" + checkpoint.last_id);
  }
  void finish() override {}
  size_t prune(const std::unordered_set<std::string>& keep) override {
    prune_calls.push_back(keep);
    return prune_result;
  }
  void close(const std::string&, const Checkpoint&) override {}
  size_t added() const override { return added_count; }
  size_t changed() const override { return changed_count; }

  std::vector<std::string> stored;       // ids, in the order store() saw them
  std::vector<std::string> checkpoints;  // "processed:last_id" per after_article()
  std::vector<std::unordered_set<std::string>> prune_calls;
  size_t prune_result = 0;
  size_t added_count = 0;
  size_t changed_count = 0;
};

WorkItem document(const std::string& id, bool undated = false) {
  WorkItem item;
  item.kind = WorkItem::Kind::kDocument;
  item.keys.id_term = "Q" + id;
  item.id = id;
  item.undated = undated;
  return item;
}

WorkItem message(WorkItem::Kind kind, const std::string& text = "") {
  WorkItem item;
  item.kind = kind;
  item.message = text;
  return item;
}

WorkItem unchanged(size_t count, const std::string& last_id,
                   std::vector<std::string> id_terms = {}) {
  WorkItem item;
  item.kind = WorkItem::Kind::kUnchanged;
  item.unchanged = count;
  item.id = last_id;
  item.unchanged_id_terms = std::move(id_terms);
  return item;
}

class RunLedgerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    clear_interrupt();  // a signal left over would stop the ledger after its first article
    log_.set_pattern("%l %v");
  }

  void handle(RunLedger& ledger, WorkItem item) { ledger.handle(item); }

  FakeSink sink_;
  std::ostringstream log_text_;
  spdlog::logger log_{"test", std::make_shared<spdlog::sinks::ostream_sink_mt>(log_text_)};
};

TEST_F(RunLedgerTest, CountsAndLogsWarningsSkipsAndUnreadableInputs) {
  RunLedger ledger(sink_, log_, nullptr, false);
  handle(ledger, message(WorkItem::Kind::kWarning, "a.txt: no date; indexed undated"));
  handle(ledger, message(WorkItem::Kind::kSkip, "b.txt: skipped: empty"));
  handle(ledger, message(WorkItem::Kind::kUnreadable, "old: skipped: cannot read directory"));
  // The reader already logged this skip; only the unreadable input is counted.
  handle(ledger, message(WorkItem::Kind::kUnreadableNote));
  IndexReport report = ledger.report();
  EXPECT_EQ(report.warnings, 1u);
  EXPECT_EQ(report.skipped, 2u);
  EXPECT_EQ(report.unreadable_inputs, 2u);
  EXPECT_EQ(log_text_.str(),
            "warning a.txt: no date; indexed undated\n"
            "warning b.txt: skipped: empty\n"
            "warning old: skipped: cannot read directory\n");
  // None of them is an article: nothing stored, no checkpoint.
  EXPECT_TRUE(sink_.stored.empty());
  EXPECT_TRUE(sink_.checkpoints.empty());
  EXPECT_EQ(ledger.checkpoint().processed, 0u);
}

TEST_F(RunLedgerTest, UnchangedRunAddsItsLengthAndIsOneArticleStep) {
  RunLedger ledger(sink_, log_, nullptr, false);
  handle(ledger, unchanged(5, "e"));
  EXPECT_EQ(ledger.report().unchanged, 5u);
  EXPECT_EQ(sink_.checkpoints, std::vector<std::string>{"5:e"});
  EXPECT_TRUE(sink_.stored.empty());
}

TEST_F(RunLedgerTest, DocumentsGoToStoreInOrderWithACheckpointEach) {
  RunLedger ledger(sink_, log_, nullptr, false);
  handle(ledger, document("a"));
  handle(ledger, document("b", /*undated=*/true));
  handle(ledger, document("c"));
  EXPECT_EQ(sink_.stored, (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(sink_.checkpoints, (std::vector<std::string>{"1:a", "2:b", "3:c"}));
  EXPECT_EQ(ledger.report().undated, 1u);
}

TEST_F(RunLedgerTest, CheckpointCountsStoredAndUnchangedWithTheLastId) {
  RunLedger ledger(sink_, log_, nullptr, false);
  handle(ledger, document("a"));
  handle(ledger, unchanged(4, "e"));
  handle(ledger, message(WorkItem::Kind::kSkip, "x.txt: skipped: empty"));
  handle(ledger, document("f"));
  Checkpoint checkpoint = ledger.checkpoint();
  EXPECT_EQ(checkpoint.processed, 6u);
  EXPECT_EQ(checkpoint.last_id, "f");
  EXPECT_EQ(sink_.checkpoints, (std::vector<std::string>{"1:a", "5:e", "6:f"}));
}

TEST_F(RunLedgerTest, PruneKeepsEveryIdTheRunProduced) {
  RunLedger ledger(sink_, log_, nullptr, /*keep_ids=*/true);
  handle(ledger, document("a"));
  handle(ledger, unchanged(2, "c", {"Qb", "Qc"}));
  sink_.prune_result = 3;
  ledger.prune();
  ASSERT_EQ(sink_.prune_calls.size(), 1u);
  EXPECT_EQ(sink_.prune_calls[0], (std::unordered_set<std::string>{"Qa", "Qb", "Qc"}));
  EXPECT_EQ(ledger.report().deleted, 3u);
}

// Articles in an input that could not be read are still in the archive: pruning them would
// delete what the user still has.
TEST_F(RunLedgerTest, PruneIsRefusedWhenAnInputWasUnreadable) {
  RunLedger ledger(sink_, log_, nullptr, /*keep_ids=*/true);
  handle(ledger, document("a"));
  handle(ledger, message(WorkItem::Kind::kUnreadable, "old: skipped: cannot read directory"));
  sink_.prune_result = 3;
  ledger.prune();
  EXPECT_TRUE(sink_.prune_calls.empty());
  EXPECT_EQ(ledger.report().deleted, 0u);
  EXPECT_NE(log_text_.str().find("warning not pruning: 1 input(s) could not be read\n"),
            std::string::npos)
      << log_text_.str();
}

TEST_F(RunLedgerTest, PruneIsRefusedAfterAnUnreadableNoteToo) {
  RunLedger ledger(sink_, log_, nullptr, /*keep_ids=*/true);
  handle(ledger, message(WorkItem::Kind::kUnreadableNote));
  ledger.prune();
  EXPECT_TRUE(sink_.prune_calls.empty());
}

// The sink knows which stored articles were new and which replaced one; the ledger only knows
// it handed them over.
TEST_F(RunLedgerTest, ReportTakesAddedAndChangedFromTheSink) {
  RunLedger ledger(sink_, log_, nullptr, false);
  handle(ledger, document("a"));
  handle(ledger, document("b"));
  sink_.added_count = 7;
  sink_.changed_count = 2;
  IndexReport report = ledger.report();
  EXPECT_EQ(report.added, 7u);
  EXPECT_EQ(report.changed, 2u);
}

TEST_F(RunLedgerTest, ProgressCountsArticlesAndSkips) {
  std::vector<std::pair<std::uint64_t, std::uint64_t>> seen;  // processed, skipped
  RunLedger ledger(
      sink_, log_, [&](const IndexProgress& p) { seen.emplace_back(p.processed, p.skipped); },
      false);
  handle(ledger, document("a"));
  handle(ledger, message(WorkItem::Kind::kSkip, "x.txt: skipped: empty"));
  handle(ledger, unchanged(3, "d"));
  EXPECT_EQ(seen, (std::vector<std::pair<std::uint64_t, std::uint64_t>>{{1, 0}, {1, 1}, {4, 1}}));
}

}  // namespace
}  // namespace newsarchive
