// Unit: the cluster pass. Versions of one story get the smallest member id as their key, other
// articles none; marks and the whole-database flag say what the pass looks at, and it clears
// them; the marks a change or deletion leaves make the rest of a story re-keyed.
#include "index/story_clusters.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <fstream>
#include <sstream>

#include "store/analyzer.h"
#include "store/document_builder.h"
#include "store/schema.h"
#include "test_support.h"

namespace newsarchive {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(NEWSARCHIVE_TEST_DATA_DIR) + "/duplicates/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

class StoryClustersTest : public ::testing::Test {
 protected:
  StoryClustersTest() : database_((dir_.path() / "db").string(), Xapian::DB_CREATE_OR_OPEN) {}

  // Writes article `id` with the body of fixture `body`, marked for the pass when `mark`.
  void put(const std::string& id, const std::string& body, bool mark = true) {
    Article article;
    article.id = id;
    article.title = id;
    article.body = fixture(body);
    Xapian::TermGenerator generator = Analyzer("english").make_term_generator();
    Xapian::Document document = build_document(article, generator);
    if (mark) mark_for_clustering(document);
    database_.replace_document(id_term(id), document);
  }

  Xapian::Document document(const std::string& id) {
    Xapian::PostingIterator it = database_.postlist_begin(id_term(id));
    EXPECT_NE(it, database_.postlist_end(id_term(id))) << id;
    return database_.get_document(*it);
  }
  std::string key(const std::string& id) { return document(id).get_value(schema::kStorySlot); }
  Xapian::doccount with_term(std::string_view term) {
    return database_.get_termfreq(std::string(term));
  }

  testing::TempDir dir_;
  Xapian::WritableDatabase database_;
};

TEST_F(StoryClustersTest, CopiesAndRewritesShareTheSmallestIdAsKey) {
  put("d-story", "story.txt");
  put("b-copy", "story.txt");
  put("c-sentence", "one-sentence.txt");
  put("e-paragraph", "paragraph.txt");
  put("f-trailer", "trailer.txt");
  put("a-other", "other-flood.txt");
  ClusterPassCounts counts = run_cluster_pass(database_);
  for (const char* id : {"d-story", "b-copy", "c-sentence", "e-paragraph", "f-trailer"})
    EXPECT_EQ(key(id), "b-copy") << id;
  EXPECT_EQ(key("a-other"), "");
  EXPECT_EQ(with_term("XKb-copy"), 5u);
  EXPECT_EQ(with_term(schema::kReclusterTerm), 0u);
  EXPECT_EQ(counts.examined, 6u);
  EXPECT_EQ(counts.stories, 1u);
  EXPECT_EQ(counts.rewritten, 6u);  // five keyed, and the other story's mark removed
}

TEST_F(StoryClustersTest, ShortBodiesAreNeverMerged) {
  put("a", "short-a.txt");
  put("b", "short-a.txt");
  run_cluster_pass(database_);
  EXPECT_EQ(key("a"), "");
  EXPECT_EQ(key("b"), "");
  EXPECT_EQ(document("a").get_value(schema::kSignatureSlot), "");
}

TEST_F(StoryClustersTest, UnmarkedArticlesAreLeftAloneUnlessTheWholeDatabaseIsFlagged) {
  put("a", "story.txt", false);
  put("b", "trailer.txt", false);
  EXPECT_EQ(run_cluster_pass(database_).examined, 0u);
  EXPECT_EQ(key("a"), "");
  database_.set_metadata(std::string(schema::kReclusterAllKey), "1");
  EXPECT_EQ(run_cluster_pass(database_).examined, 2u);
  EXPECT_EQ(key("a"), "a");
  EXPECT_EQ(key("b"), "a");
  EXPECT_EQ(database_.get_metadata(std::string(schema::kReclusterAllKey)), "");
}

TEST_F(StoryClustersTest, ANewCopyWithASmallerIdReKeysTheStory) {
  put("m", "story.txt");
  put("n", "trailer.txt");
  run_cluster_pass(database_);
  ASSERT_EQ(key("n"), "m");
  put("a", "one-sentence.txt");
  run_cluster_pass(database_);
  for (const char* id : {"a", "m", "n"}) EXPECT_EQ(key(id), "a") << id;
  EXPECT_EQ(with_term("XKm"), 0u);
  EXPECT_EQ(with_term("XKa"), 3u);
}

TEST_F(StoryClustersTest, DeletingTheKeyHolderReKeysTheRest) {
  put("a", "story.txt");
  put("b", "trailer.txt");
  put("c", "one-sentence.txt");
  run_cluster_pass(database_);
  mark_story_mates(database_, id_term("a"));
  database_.delete_document(id_term("a"));
  EXPECT_EQ(with_term(schema::kReclusterTerm), 2u);
  run_cluster_pass(database_);
  EXPECT_EQ(key("b"), "b");
  EXPECT_EQ(key("c"), "b");
  EXPECT_EQ(with_term("XKa"), 0u);
}

TEST_F(StoryClustersTest, AnArticleChangedIntoAnotherStoryLeavesIt) {
  put("a", "story.txt");
  put("b", "trailer.txt");
  put("c", "one-sentence.txt");
  run_cluster_pass(database_);
  mark_story_mates(database_, id_term("a"));
  put("a", "other-flood.txt");
  run_cluster_pass(database_);
  EXPECT_EQ(key("a"), "");
  EXPECT_EQ(key("b"), "b");
  EXPECT_EQ(key("c"), "b");
}

TEST_F(StoryClustersTest, AStoryLeftWithOneVersionLosesItsKey) {
  put("a", "story.txt");
  put("b", "trailer.txt");
  run_cluster_pass(database_);
  mark_story_mates(database_, id_term("b"));
  database_.delete_document(id_term("b"));
  run_cluster_pass(database_);
  EXPECT_EQ(key("a"), "");
  EXPECT_EQ(with_term("XKa"), 0u);
}

}  // namespace
}  // namespace newsarchive
