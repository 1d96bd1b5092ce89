// Unit tests for common/headline: deriving a headline from the first sentence of a body.
#include "text/headline.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/text_cleanup.h"

namespace newsarchive {
namespace {

struct Case {
  const char* what;
  std::string body;
  std::string expected;
};

TEST(FirstSentence, EndsAtTheFirstSentenceBoundary) {
  const std::vector<Case> cases = {
      {"full stop", "Troops stay. Esper said so.", "Troops stay."},
      {"question mark", "Will troops stay? Nobody knows.", "Will troops stay?"},
      {"exclamation mark", "They stay! Esper said so.", "They stay!"},
      {"no boundary: whole text", "Troops stay in Iraq", "Troops stay in Iraq"},
      {"final full stop at end", "Troops stay.", "Troops stay."},
      {"stop not followed by space", "Version 2.5 ships today. More later.",
       "Version 2.5 ships today."},
      {"after a number", "Troops arrived in 2020. They stayed.", "Troops arrived in 2020."},
      {"paragraph break ends nothing by itself", "No stop here\n\nTroops stay. Later.",
       "No stop here Troops stay."},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(first_sentence(c.body), c.expected);
  }
}

TEST(FirstSentence, DoesNotEndAtAbbreviationsOrInitials) {
  const std::vector<Case> cases = {
      {"Mr.", "Mr. Esper spoke. He left.", "Mr. Esper spoke."},
      {"Dr. mid-sentence", "Troops met Dr. Jones today. He left.", "Troops met Dr. Jones today."},
      {"U.S.", "The U.S. general signed it. Iraq replied.", "The U.S. general signed it."},
      {"initial", "John F. Kennedy spoke. He left.", "John F. Kennedy spoke."},
      {"abbreviation after a bracket", "He met (Gen. Milley) today. Later.",
       "He met (Gen. Milley) today."},
      {"upper-case abbreviation", "MR. ESPER SPOKE. HE LEFT.", "MR. ESPER SPOKE."},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(first_sentence(c.body), c.expected);
  }
}

TEST(FirstSentence, IncludesClosingQuotesAfterTheStop) {
  const std::vector<Case> cases = {
      {"curly double quote", "\xE2\x80\x9CNo decision was made. Period.\xE2\x80\x9D Esper said.",
       "\xE2\x80\x9CNo decision was made."},
      {"curly quote closing the first sentence", "\xE2\x80\x9CPeriod.\xE2\x80\x9D Esper said.",
       "\xE2\x80\x9CPeriod.\xE2\x80\x9D"},
      {"ASCII double quote", "\"Leave now!\" the letter said. Later.", "\"Leave now!\""},
      {"curly single quote", "\xE2\x80\x98Why?\xE2\x80\x99 he asked.",
       "\xE2\x80\x98Why?\xE2\x80\x99"},
      {"closing bracket", "(Reuters reported it.) Later.", "(Reuters reported it.)"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(first_sentence(c.body), c.expected);
  }
}

TEST(FirstSentence, CollapsesWhitespaceRuns) {
  const std::vector<Case> cases = {
      {"newlines inside a sentence", "Troops\nstay\n\nin  Iraq. Later.", "Troops stay in Iraq."},
      {"leading and trailing whitespace", "\n\n  \tTroops stay  \n", "Troops stay"},
      {"tabs", "Troops\t\tstay.", "Troops stay."},
      {"empty body", "", ""},
      {"whitespace-only body", " \n\t ", ""},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(first_sentence(c.body), c.expected);
  }
}

TEST(FirstSentence, CutsALongSentenceAtAWordWithAnEllipsis) {
  // 40 words of "word" (4 bytes + space): the sentence is 200 bytes with its full stop.
  std::string body;
  for (int i = 0; i < 40; ++i) body += i == 0 ? "word" : " word";
  body += ". Second sentence.";
  std::string headline = first_sentence(body);
  // The cut falls at the last space at or before byte 160: 32 words, 159 bytes.
  std::string expected;
  for (int i = 0; i < 32; ++i) expected += i == 0 ? "word" : " word";
  expected += "\xE2\x80\xA6";
  EXPECT_EQ(headline, expected);
  EXPECT_LE(headline.size(), kMaxDerivedHeadlineBytes + 3);
}

TEST(FirstSentence, CutsALongMultiByteSentenceAtAWordBoundary) {
  // "é" repeated in 7-letter words (14 bytes + space): cuts must land between words.
  std::string word;
  for (int i = 0; i < 7; ++i) word += "\xC3\xA9";
  std::string body;
  for (int i = 0; i < 20; ++i) body += (i == 0 ? "" : " ") + word;
  std::string headline = first_sentence(body);
  std::string expected;
  for (int i = 0; i < 10; ++i) expected += (i == 0 ? "" : " ") + word;  // 149 bytes
  expected += "\xE2\x80\xA6";
  EXPECT_EQ(headline, expected);
  EXPECT_LE(headline.size(), kMaxDerivedHeadlineBytes + 3);
  EXPECT_TRUE(is_valid_utf8(headline));
}

TEST(FirstSentence, CutsASpacelessSentenceWithoutSplittingACharacter) {
  std::string body;
  for (int i = 0; i < 100; ++i) body += "\xC3\xA9";  // 200 bytes, no space
  body += "x";                                       // odd length: byte 160 is a lead byte
  std::string shifted = "x" + body;                  // byte 160 is a continuation byte
  for (const std::string& text : {body, shifted}) {
    std::string headline = first_sentence(text);
    SCOPED_TRACE(headline.size());
    EXPECT_LE(headline.size(), kMaxDerivedHeadlineBytes + 3);
    EXPECT_GE(headline.size(), kMaxDerivedHeadlineBytes - 1 + 3);
    EXPECT_TRUE(headline.ends_with("\xE2\x80\xA6"));
    EXPECT_TRUE(is_valid_utf8(headline));
    EXPECT_TRUE(text.starts_with(headline.substr(0, headline.size() - 3)));
  }
}

TEST(FirstSentence, KeepsASentenceOfExactlyTheLimit) {
  std::string body(kMaxDerivedHeadlineBytes - 1, 'a');
  body += ".";
  EXPECT_EQ(first_sentence(body + " Next."), body);
}

}  // namespace
}  // namespace newsarchive
