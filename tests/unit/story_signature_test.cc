// Unit: MinHash signatures of bodies, their band terms and the resemblance estimate.
#include "store/story_signature.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "store/schema.h"

namespace newsarchive {
namespace {

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(NEWSARCHIVE_TEST_DATA_DIR) + "/duplicates/" + name);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// `count` distinct words: w0 w1 w2 ...
std::string words(size_t count) {
  std::string text;
  for (size_t i = 0; i < count; ++i) text += "w" + std::to_string(i) + " ";
  return text;
}

TEST(StorySignature, ShortBodiesHaveNone) {
  EXPECT_EQ(story_signature(words(kMinSignatureWords - 1)), "");
  EXPECT_EQ(story_signature(words(kMinSignatureWords)).size(), kSignatureValues * 2);
  EXPECT_EQ(story_signature(""), "");
}

TEST(StorySignature, CaseAndPunctuationDoNotCount) {
  std::string plain = words(40);
  std::string shouted;
  for (char c : plain) shouted += c == ' ' ? std::string(", ") : std::string(1, char(toupper(c)));
  EXPECT_EQ(story_signature(plain), story_signature(shouted));
}

TEST(StorySignature, ACopyResemblesItselfExactly) {
  std::string a = story_signature(fixture("story.txt"));
  EXPECT_EQ(estimated_resemblance(a, a), 1.0);
  EXPECT_TRUE(same_story(a, story_signature(fixture("story.txt"))));
}

TEST(StorySignature, DisjointBodiesResembleNothing) {
  // 60 words against 60 others: no shingle in common, so only a chance agreement of 16-bit
  // values could make a position agree.
  std::string a = story_signature(words(60));
  std::string other;
  for (size_t i = 0; i < 60; ++i) other += "v" + std::to_string(i) + " ";
  EXPECT_LE(estimated_resemblance(a, story_signature(other)), 1.0 / kSignatureValues);
}

TEST(StorySignature, RewritesOfOneStoryAreTheSameStory) {
  std::string story = story_signature(fixture("story.txt"));
  for (const char* rewrite : {"one-sentence.txt", "paragraph.txt", "trailer.txt"})
    EXPECT_TRUE(same_story(story, story_signature(fixture(rewrite)))) << rewrite;
}

TEST(StorySignature, AnotherStoryOnTheSameTopicIsNot) {
  std::string story = story_signature(fixture("story.txt"));
  EXPECT_LT(estimated_resemblance(story, story_signature(fixture("other-flood.txt"))), 0.2);
}

TEST(StorySignature, EstimateFollowsTheShareOfShinglesInCommon) {
  // 200 words, the second copy with its last 100 replaced: 96 of the 196 shingles each has are
  // shared, a Jaccard index of 96 / 296 = 0.32. 64 values estimate it within about 0.06 (one
  // standard deviation); 0.15 is 2.5 of them.
  std::string first = words(200);
  std::string second = words(100);
  for (size_t i = 0; i < 100; ++i) second += "x" + std::to_string(i) + " ";
  double estimate = estimated_resemblance(story_signature(first), story_signature(second));
  EXPECT_NEAR(estimate, 96.0 / 296.0, 0.15);
}

TEST(StorySignature, BandTermsAreOnePerBand) {
  std::string signature = story_signature(words(30));
  std::vector<std::string> terms = band_terms(signature);
  ASSERT_EQ(terms.size(), kBands);
  for (size_t band = 0; band < kBands; ++band) {
    EXPECT_EQ(terms[band].substr(0, 2), schema::kBandPrefix);
    EXPECT_EQ(terms[band][2], "0123456789abcdef"[band]);
    EXPECT_EQ(terms[band].size(), 3 + kRowsPerBand * 4);
  }
  EXPECT_TRUE(band_terms("").empty());
  EXPECT_TRUE(band_terms("short").empty());
}

TEST(StorySignature, MalformedSignaturesResembleNothing) {
  std::string signature = story_signature(words(30));
  EXPECT_EQ(estimated_resemblance(signature, ""), 0.0);
  EXPECT_EQ(estimated_resemblance("abc", "abc"), 0.0);
}

}  // namespace
}  // namespace newsarchive
