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
  EXPECT_EQ(item.persons, 0u);
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

WorkItem with_persons(size_t persons) {
  WorkItem item;
  item.persons = persons;
  return item;
}

TEST(PersonSlotsOf, IsThePersonCountBelowTheCap) {
  EXPECT_EQ(person_slots_of(with_persons(0)), 0u);
  EXPECT_EQ(person_slots_of(with_persons(1)), 1u);
  EXPECT_EQ(person_slots_of(with_persons(7)), 7u);
}

// build_document fills at most kMaxPersonSlots slots; the recorded count must not claim more, or
// the searcher would read slots no article has.
TEST(PersonSlotsOf, StopsAtTheSlotLimit) {
  constexpr size_t kMax = schema::kMaxPersonSlots;
  EXPECT_EQ(person_slots_of(with_persons(kMax - 1)), kMax - 1);
  EXPECT_EQ(person_slots_of(with_persons(kMax)), kMax);
  EXPECT_EQ(person_slots_of(with_persons(kMax + 1)), kMax);
  EXPECT_EQ(person_slots_of(with_persons(100000)), kMax);
}

}  // namespace
}  // namespace newsarchive
