// Unit: the article model's defaults and where-from descriptions used in every warning.
#include "ingest/article.h"

#include <gtest/gtest.h>

#include <type_traits>

namespace newsarchive {
namespace {

// A whole-file article is named by its path alone: "a.txt:0" would send a user to a line that
// does not exist.
TEST(SourceLocation, WithoutALineIsThePath) {
  EXPECT_EQ((SourceLocation{"corpus/a.txt"}).describe(), "corpus/a.txt");
  EXPECT_EQ((SourceLocation{"corpus/a.txt", 0}).describe(), "corpus/a.txt");
}

TEST(SourceLocation, WithALineIsPathColonLine) {
  EXPECT_EQ((SourceLocation{"feed.jsonl", 42}).describe(), "feed.jsonl:42");
}

// Lines are 1-based, so the first line of a feed has a number like every other.
TEST(SourceLocation, TheFirstLineIsNumbered) {
  EXPECT_EQ((SourceLocation{"feed.jsonl", 1}).describe(), "feed.jsonl:1");
}

// Feeds of millions of lines: the number is written in full, not in an int-sized or
// scientific form.
TEST(SourceLocation, LargeLineNumbersAreWrittenInFull) {
  EXPECT_EQ((SourceLocation{"big.jsonl", 3000000000L}).describe(), "big.jsonl:3000000000");
}

TEST(SourceLocation, ThePathIsKeptAsGiven) {
  EXPECT_EQ((SourceLocation{"dir with space/ü.txt", 7}).describe(), "dir with space/ü.txt:7");
  EXPECT_EQ((SourceLocation{"", 3}).describe(), ":3");
}

TEST(SourceLocation, DefaultLineIsTheWholeFile) {
  SourceLocation where;
  where.path = "x.txt";
  EXPECT_EQ(where.line, 0);
  EXPECT_EQ(where.describe(), "x.txt");
}

// A reader that sets no date must leave the article undated (excluded by date filters), and
// entities are empty until extract_entities() fills them.
TEST(Article, DefaultIsUndatedWithNoEntities) {
  Article article;
  EXPECT_FALSE(article.date.has_value());
  EXPECT_TRUE(article.persons.empty());
  EXPECT_TRUE(article.places.empty());
  EXPECT_TRUE(article.organizations.empty());
}

// Readers hand sinks around as ArticleSink&, and tests own them through the base: a sink
// destroyed through it must be destroyed whole.
TEST(ArticleSink, IsAnInterfaceWithAVirtualDestructor) {
  static_assert(std::has_virtual_destructor_v<ArticleSink>);
  static_assert(std::is_abstract_v<ArticleSink>);
}

}  // namespace
}  // namespace newsarchive
