// Unit: what an analysed article weighs in the indexing queues, the hand-off item's defaults, the
// stop signal's type, and the person slots a stored article uses (document_sink.h).
#include "index/work_item.h"

#include <gtest/gtest.h>

#include <exception>
#include <type_traits>

#include "index/document_sink.h"
#include "store/schema.h"

namespace newsarchive {
namespace {

Article article(const std::string& title, const std::string& body) {
  Article a;
  a.title = title;
  a.body = body;
  return a;
}

// The queues bound memory by this figure: 1024 for the rest of the item, plus title and body.
TEST(ArticleBytes, IsTitleAndBodyPlusAKilobyte) {
  EXPECT_EQ(article_bytes(article("Harbour opens", "The quay is open again.")), 1024u + 13 + 23);
}

// An empty article still costs something, or a flood of them would never fill the byte bound.
TEST(ArticleBytes, AnEmptyArticleWeighsAKilobyte) {
  EXPECT_EQ(article_bytes(Article{}), 1024u);
}

// Memory is bytes, not characters: "é" is two bytes in UTF-8.
TEST(ArticleBytes, CountsUtf8Bytes) {
  EXPECT_EQ(article_bytes(article("Café", "Élysée")), 1024u + 5 + 8);
}

// The ledger counts by these fields; an item that says nothing must count nothing.
TEST(WorkItem, DefaultIsADocumentCountingNothing) {
  WorkItem item;
  EXPECT_EQ(item.kind, WorkItem::Kind::kDocument);
  EXPECT_EQ(item.bytes, 0u);
  EXPECT_FALSE(item.undated);
  EXPECT_EQ(item.slots, EntitySlotCounts{});
  EXPECT_EQ(item.unchanged, 0u);
  EXPECT_FALSE(item.article.has_value());
}

// Readers catch std::exception to skip a bad article and go on; a stop request must get past
// them to end the run.
TEST(StopRequested, IsNotCaughtAsAStdException) {
  static_assert(!std::is_base_of_v<std::exception, StopRequested>);
  bool stopped = false;
  try {
    try {
      throw StopRequested{};
    } catch (const std::exception&) {
      ADD_FAILURE() << "a reader's handler swallowed the stop request";
    }
  } catch (const StopRequested&) {
    stopped = true;
  }
  EXPECT_TRUE(stopped);
}

}  // namespace
}  // namespace newsarchive
