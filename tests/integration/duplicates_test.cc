// Integration: copies and rewrites of one story found at index time and collapsed in results,
// through the direct writer and the bulk load, and kept right by incremental runs that add,
// change and prune articles, and by a rerun after a kill between the articles' commit and the
// cluster pass.
#include <gtest/gtest.h>
#include <spdlog/sinks/null_sink.h>
#include <xapian.h>

#include <fstream>
#include <sstream>

#include "index/index_run.h"
#include "query/search.h"
#include "store/schema.h"
#include "test_support.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(NEWSARCHIVE_TEST_DATA_DIR) + "/duplicates/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// Run with one writer and with a bulk load through two staging shards (the first run into an
// empty database), which must give the same stories.
class Duplicates : public ::testing::TestWithParam<size_t> {
 protected:
  void SetUp() override {
    // Ids sort as the names: the copy "b-copy.txt" is the smallest of its story.
    add("d-story.txt", "story.txt");
    add("b-copy.txt", "story.txt");
    add("c-sentence.txt", "one-sentence.txt");
    add("e-paragraph.txt", "paragraph.txt");
    add("f-trailer.txt", "trailer.txt");
    add("a-other.txt", "other-flood.txt");
    add("g-short.txt", "short-a.txt");
    add("h-short.txt", "short-b.txt");
  }
  void add(const std::string& name, const std::string& fixture_name) {
    testing::write_file(archive() / name, fixture(fixture_name));
  }
  fs::path archive() const { return dir_.path() / "archive"; }
  std::string database() const { return (dir_.path() / "db").string(); }

  IndexReport index(bool prune = false) {
    spdlog::logger log("test", std::make_shared<spdlog::sinks::null_sink_mt>());
    IndexOptions options;
    options.database = database();
    options.inputs = {archive()};
    options.prune = prune;
    options.writers = GetParam();
    return run_index(options, log);
  }

  SearchResult search(const std::string& query, DuplicateMode mode = DuplicateMode::kCollapse) {
    SearchRequest request;
    request.query = query;
    request.duplicates = mode;
    request.limit = 20;
    request.exact_count = true;
    return Searcher({database()}).search(request);
  }

  // id -> story key of every article, "" for none.
  std::map<std::string, std::string> stories() {
    std::map<std::string, std::string> keys;
    for (const Hit& hit : search("", DuplicateMode::kShow).hits) keys[hit.id] = hit.story;
    return keys;
  }

  testing::TempDir dir_;
};

const std::map<std::string, std::string> kFirstStories = {{"a-other.txt", ""},
                                                          {"b-copy.txt", "b-copy.txt"},
                                                          {"c-sentence.txt", "b-copy.txt"},
                                                          {"d-story.txt", "b-copy.txt"},
                                                          {"e-paragraph.txt", "b-copy.txt"},
                                                          {"f-trailer.txt", "b-copy.txt"},
                                                          {"g-short.txt", ""},
                                                          {"h-short.txt", ""}};

TEST_P(Duplicates, CopiesAndRewritesAreOneStoryAndOthersAreNot) {
  index();
  EXPECT_EQ(stories(), kFirstStories);
}

TEST_P(Duplicates, SearchShowsOneHitPerStoryWithTheCountOfTheOthers) {
  index();
  SearchResult result = search("lenne");
  // The five versions fold into one hit; the other story stands alone; both short items too.
  ASSERT_EQ(result.hits.size(), 4u);
  EXPECT_EQ(result.total_estimate, 4u);
  EXPECT_TRUE(result.total_exact);
  EXPECT_EQ(result.total_articles, 8u);
  Xapian::doccount folded = 0;
  for (const Hit& hit : result.hits) {
    if (hit.story == "b-copy.txt")
      EXPECT_EQ(hit.duplicates, 4u);
    else
      EXPECT_EQ(hit.duplicates, 0u) << hit.id;
    folded += hit.duplicates;
  }
  EXPECT_EQ(folded, 4u);
}

TEST_P(Duplicates, ShowListsEveryVersionWithItsStory) {
  index();
  SearchResult result = search("lenne", DuplicateMode::kShow);
  EXPECT_EQ(result.hits.size(), 8u);
  EXPECT_EQ(result.total_estimate, 8u);
  size_t versions = 0;
  for (const Hit& hit : result.hits) {
    EXPECT_EQ(hit.duplicates, 0u);
    if (hit.story == "b-copy.txt") ++versions;
  }
  EXPECT_EQ(versions, 5u);
}

TEST_P(Duplicates, ANewCopyJoinsItsStory) {
  index();
  add("0-late-copy.txt", "trailer.txt");
  index();
  std::map<std::string, std::string> expected = kFirstStories;
  for (auto& [id, key] : expected)
    if (key == "b-copy.txt") key = "0-late-copy.txt";
  expected["0-late-copy.txt"] = "0-late-copy.txt";
  EXPECT_EQ(stories(), expected);
}

TEST_P(Duplicates, AChangedArticleLeavesAStoryItNoLongerResembles) {
  index();
  add("b-copy.txt", "other-flood.txt");  // now a copy of a-other.txt
  index();
  std::map<std::string, std::string> expected = {{"a-other.txt", "a-other.txt"},
                                                 {"b-copy.txt", "a-other.txt"},
                                                 {"c-sentence.txt", "c-sentence.txt"},
                                                 {"d-story.txt", "c-sentence.txt"},
                                                 {"e-paragraph.txt", "c-sentence.txt"},
                                                 {"f-trailer.txt", "c-sentence.txt"},
                                                 {"g-short.txt", ""},
                                                 {"h-short.txt", ""}};
  EXPECT_EQ(stories(), expected);
}

TEST_P(Duplicates, PruningTheKeyHolderReKeysTheRestOfItsStory) {
  index();
  fs::remove(archive() / "b-copy.txt");
  fs::remove(archive() / "a-other.txt");
  IndexReport report = index(true);
  EXPECT_EQ(report.deleted, 2u);
  std::map<std::string, std::string> expected = {{"c-sentence.txt", "c-sentence.txt"},
                                                 {"d-story.txt", "c-sentence.txt"},
                                                 {"e-paragraph.txt", "c-sentence.txt"},
                                                 {"f-trailer.txt", "c-sentence.txt"},
                                                 {"g-short.txt", ""},
                                                 {"h-short.txt", ""}};
  EXPECT_EQ(stories(), expected);
}

// A kill after the articles' commit and before the cluster pass leaves them marked (direct
// writer) or the database flagged (bulk load), without keys; the next run, with nothing to
// index, works the stories out.
TEST_P(Duplicates, ARunAfterAKillBeforeTheClusterPassFinishesIt) {
  index();
  {
    Xapian::WritableDatabase writable(database());
    for (Xapian::docid docid = 1; docid <= writable.get_lastdocid(); ++docid) {
      Xapian::Document document;
      try {
        document = writable.get_document(docid);
      } catch (const Xapian::DocNotFoundError&) {
        continue;
      }
      std::string key = document.get_value(schema::kStorySlot);
      if (key.empty()) continue;
      document.remove_value(schema::kStorySlot);
      document.remove_term(std::string(schema::kStoryPrefix) + key);
      if (GetParam() == 1) document.add_boolean_term(std::string(schema::kReclusterTerm));
      writable.replace_document(docid, document);
    }
    if (GetParam() != 1) writable.set_metadata(std::string(schema::kReclusterAllKey), "1");
    writable.commit();
  }
  ASSERT_EQ(stories().at("d-story.txt"), "");
  IndexReport report = index();
  EXPECT_EQ(report.unchanged, 8u);
  EXPECT_EQ(stories(), kFirstStories);
  Xapian::Database stored(database());
  EXPECT_EQ(stored.get_termfreq(std::string(schema::kReclusterTerm)), 0u);
  EXPECT_EQ(stored.get_metadata(std::string(schema::kReclusterAllKey)), "");
}

INSTANTIATE_TEST_SUITE_P(Writers, Duplicates, ::testing::Values(size_t{1}, size_t{2}));

}  // namespace
}  // namespace newsarchive
