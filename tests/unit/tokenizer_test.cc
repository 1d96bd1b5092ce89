// Unit tests for common/tokenizer: CoNLL-style tokens with byte offsets and sentence starts.
#include "entities/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsarchive {
namespace {

std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(text)) out.push_back(text.substr(t.start, t.end - t.start));
  return out;
}

// The tokens that start a sentence.
std::vector<std::string> sentence_starts(const std::string& text) {
  std::vector<std::string> out;
  for (const Token& t : tokenize(text))
    if (t.sentence_start) out.push_back(text.substr(t.start, t.end - t.start));
  return out;
}

struct Case {
  const char* what;
  std::string text;
  std::vector<std::string> expected;
};

using Words = std::vector<std::string>;

TEST(Tokenize, KeepsWordsWithInternalPunctuationWhole) {
  const std::vector<Case> cases = {
      {"hyphen", "Elin Vasquez-Harland", {"Elin", "Vasquez-Harland"}},
      {"apostrophe in a name", "O'Neill and d'Italia", {"O'Neill", "and", "d'Italia"}},
      {"curly apostrophe in a name", "O\xE2\x80\x99Neill", {"O\xE2\x80\x99Neill"}},
      {"dotted abbreviation", "the U.S. general", {"the", "U.S.", "general"}},
      {"lower-case dotted", "at 9 a.m. today", {"at", "9", "a.m.", "today"}},
      {"decimal, thousands, time, date",
       "3.5 1,000 12:30 1996-08-30",
       {"3.5", "1,000", "12:30", "1996-08-30"}},
      {"ampersand between letters", "AT&T and S&P", {"AT&T", "and", "S&P"}},
      {"non-English letters",
       "Carlota de Almenara, S\xC3\xB8ren M\xC3\xBCller",
       {"Carlota", "de", "Almenara", ",", "S\xC3\xB8ren", "M\xC3\xBCller"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(words(c.text), c.expected);
  }
}

TEST(Tokenize, SplitsPossessivesAndContractions) {
  const std::vector<Case> cases = {
      {"possessive", "Trump's aides", {"Trump", "'s", "aides"}},
      {"curly possessive",
       "Soleimani\xE2\x80\x99s funeral",
       {"Soleimani", "\xE2\x80\x99s", "funeral"}},
      {"capital possessive", "CLINTON'S VISIT", {"CLINTON", "'S", "VISIT"}},
      {"possessive already split (CoNLL text)", "Clinton 's visit", {"Clinton", "'s", "visit"}},
      {"n't", "I don't know", {"I", "do", "n't", "know"}},
      {"curly n't", "I don\xE2\x80\x99t", {"I", "do", "n\xE2\x80\x99t"}},
      {"'re and 'll", "we're sure they'll", {"we", "'re", "sure", "they", "'ll"}},
      {"plural possessive apostrophe", "the Joneses' house", {"the", "Joneses", "'", "house"}},
      {"quoted word", "'Hands of Stone'", {"'", "Hands", "of", "Stone", "'"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(words(c.text), c.expected);
  }
}

TEST(Tokenize, PeriodsStayOnAbbreviationsAndInitialsOnly) {
  const std::vector<Case> cases = {
      {"honorific", "Mr. Esper left.", {"Mr.", "Esper", "left", "."}},
      {"initial", "John F. Kennedy", {"John", "F.", "Kennedy"}},
      {"generational suffix",
       "Desmond Achterberg Jr. said",
       {"Desmond", "Achterberg", "Jr.", "said"}},
      {"company", "Meridian Freight Inc. rose", {"Meridian", "Freight", "Inc.", "rose"}},
      {"sentence-final period", "troops in Iraq.", {"troops", "in", "Iraq", "."}},
      {"number before a period", "in 2020.", {"in", "2020", "."}},
      {"ellipsis", "Wait... now", {"Wait", "...", "now"}},
      {"suffix at the end", "William Seely III.", {"William", "Seely", "III", "."}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(words(c.text), c.expected);
  }
}

TEST(Tokenize, PunctuationIsSeparate) {
  const std::vector<Case> cases = {
      {"brackets and comma",
       "(Reuters) - Iraq, Iran",
       {"(", "Reuters", ")", "-", "Iraq", ",", "Iran"}},
      {"curly quotes",
       "\xE2\x80\x9CPeriod.\xE2\x80\x9D",
       {"\xE2\x80\x9C", "Period", ".", "\xE2\x80\x9D"}},
      {"dashes", "Iraq\xE2\x80\x94Iran -- talks", {"Iraq", "\xE2\x80\x94", "Iran", "--", "talks"}},
      {"currency and percent", "$5 rose 3%", {"$", "5", "rose", "3", "%"}},
      {"leading hyphen", "-5 degrees", {"-", "5", "degrees"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(words(c.text), c.expected);
  }
}

TEST(Tokenize, GivesByteOffsets) {
  const std::string text = " Trump\xE2\x80\x99s\n\nO'Neill.";
  const std::vector<Token> tokens = tokenize(text);
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].start, 1u);
  EXPECT_EQ(tokens[0].end, 6u);
  EXPECT_EQ(tokens[1].start, 6u);
  EXPECT_EQ(tokens[1].end, 10u);  // "’s" is four bytes
  EXPECT_EQ(tokens[2].start, 12u);
  EXPECT_EQ(tokens[2].end, 19u);
  EXPECT_EQ(tokens[3].start, 19u);
  EXPECT_EQ(tokens[3].end, 20u);
}

TEST(Tokenize, AnyBytesTokenize) {
  EXPECT_TRUE(tokenize("").empty());
  EXPECT_TRUE(tokenize(" \n\t ").empty());
  // Malformed UTF-8 bytes count as letters; nothing is lost or read past the end.
  EXPECT_EQ(words("ab\xFF\xC3 x\xE2\x80"), (Words{"ab\xFF\xC3", "x\xE2\x80"}));
  // So are an overlong form (of a space, here) and a surrogate: neither is a character.
  EXPECT_EQ(words("a\xE0\x80\xA0"
                  "b \xED\xA0\x80"),
            (Words{"a\xE0\x80\xA0"
                   "b",
                   "\xED\xA0\x80"}));
  EXPECT_EQ(words("'"), (Words{"'"}));
  EXPECT_EQ(words("n"), (Words{"n"}));
}

TEST(Tokenize, MarksSentenceStarts) {
  const std::vector<Case> cases = {
      {"full stop and capital", "Troops stay. Esper said so.", {"Troops", "Esper"}},
      {"question and exclamation marks", "Stay? No! Go.", {"Stay", "No", "Go"}},
      {"no capital after the stop", "at 5 p.m. today. then more", {"at"}},
      {"abbreviation is not an end", "Mr. Esper met the U.S. Army.", {"Mr."}},
      {"closing quote after the stop",
       "\xE2\x80\x9CPeriod.\xE2\x80\x9D Letter specified.",
       {"\xE2\x80\x9C", "Letter"}},
      {"opening quote before the capital", "He left. \"We stay,\" he said.", {"He", "\""}},
      {"line break", "HEADLINE HERE\nBody text", {"HEADLINE", "Body"}},
      {"wrapped line continues its sentence", "troops in\nthe Bahia zone", {"troops"}},
      {"no space after the stop", "version 2.5.Next", {"version"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(sentence_starts(c.text), c.expected);
  }
}

}  // namespace
}  // namespace newsarchive
