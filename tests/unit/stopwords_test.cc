// Tests for query/stopwords: the English list and which languages get a stopper.
#include "query/stopwords.h"

#include <gtest/gtest.h>

namespace newsarchive {
namespace {

TEST(EnglishStopwords, FunctionWordsAreStopwords) {
  for (const char* word : {"a", "the", "of", "and", "which", "yourselves", "would"})
    EXPECT_TRUE(is_english_stopword(word)) << word;
}

TEST(EnglishStopwords, ContentWordsAndOtherFormsAreNot) {
  // Words that can name what an article is about, a capitalised form (the parser asks in
  // lower case), and a stem rather than a word.
  for (const char* word : {"troops", "state", "new", "home", "The", "abov", ""})
    EXPECT_FALSE(is_english_stopword(word)) << word;
}

TEST(QueryStopper, OnlyEnglishHasOne) {
  const Xapian::Stopper* english = make_query_stopper("english");
  ASSERT_NE(english, nullptr);
  EXPECT_TRUE((*english)("the"));
  EXPECT_FALSE((*english)("troops"));
  delete english;
  EXPECT_EQ(make_query_stopper("french"), nullptr);
  EXPECT_EQ(make_query_stopper("none"), nullptr);
}

}  // namespace
}  // namespace newsarchive
