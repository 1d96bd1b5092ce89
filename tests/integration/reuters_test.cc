// Integration at real scale: Reuters-21578 from ../shared, converted to JSON Lines with the
// shared converter, indexed twice, then searched with a date range. Skips when ../shared is
// absent, so a user's clone without it still passes.
#include <gtest/gtest.h>
#include <spdlog/sinks/null_sink.h>
#include <xapian.h>

#include <cstdlib>
#include <filesystem>

#include "index/index_run.h"
#include "query/search.h"
#include "test_support.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;

const fs::path kShared = NEWSARCHIVE_SHARED_DIR;
constexpr Xapian::doccount kReutersArticles = 21577;

class ReutersArchive : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    fs::path converter = kShared / "tools" / "reuters2jsonl.py";
    fs::path sgml = kShared / "corpora" / "reuters21578";
    if (!fs::exists(converter) || !fs::exists(sgml)) return;
    workspace_ = new testing::TempDir();
    jsonl_ = workspace_->path() / "reuters.jsonl";
    std::string command = "python3 '" + converter.string() + "' '" + sgml.string() + "' -o '" +
                          jsonl_.string() + "' 2>/dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
  }

  static void TearDownTestSuite() {
    delete workspace_;
    workspace_ = nullptr;
  }

  void SetUp() override {
    if (!workspace_)
      GTEST_SKIP() << "../shared/corpora/reuters21578 not found: Reuters test skipped";
  }

  static IndexReport index(const fs::path& database) {
    spdlog::logger log("test", std::make_shared<spdlog::sinks::null_sink_mt>());
    IndexOptions options;
    options.database = database;
    options.inputs = {jsonl_};
    return run_index(options, log);
  }

  static testing::TempDir* workspace_;
  static fs::path jsonl_;
};

testing::TempDir* ReutersArchive::workspace_ = nullptr;
fs::path ReutersArchive::jsonl_;

TEST_F(ReutersArchive, IndexesEveryArticleOnceAndReindexingChangesNothing) {
  fs::path database = workspace_->path() / "db";
  IndexReport first = index(database);
  EXPECT_EQ(first.added, kReutersArticles);
  EXPECT_EQ(first.changed, 0u);
  EXPECT_EQ(first.skipped, 0u);
  IndexReport second = index(database);
  EXPECT_EQ(second.added, 0u);
  EXPECT_EQ(second.changed, 0u);
  EXPECT_EQ(second.unchanged, kReutersArticles);
  EXPECT_EQ(Xapian::Database(database.string()).get_doccount(), kReutersArticles);

  // The acceptance query: cocoa in March 1987 returns only March 1987 articles.
  SearchRequest request;
  request.query = "cocoa";
  request.from = parse_date_period("1987-03-01");
  request.to = parse_date_period("1987-03-31");
  request.limit = 100;
  SearchResult result = Searcher({database.string()}).search(request);
  ASSERT_FALSE(result.hits.empty());
  EXPECT_LT(result.hits.size(), 100u);  // all of them fit: the check covers every match
  EXPECT_EQ(result.hits.size(), result.total_estimate);
  for (const Hit& hit : result.hits) {
    ASSERT_TRUE(hit.date.has_value()) << hit.id;
    EXPECT_EQ(hit.date->year, 1987) << hit.id;
    EXPECT_EQ(hit.date->month, 3) << hit.id;
  }
}

}  // namespace
}  // namespace newsarchive
