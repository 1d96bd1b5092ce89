#include "query/query_words.h"

#include <gtest/gtest.h>

namespace newsarchive {
namespace {

// Each word of `text` as "word:flags", flags f (free), q (quoted), r (replaceable).
std::vector<std::string> describe(const std::string& text) {
  std::vector<std::string> out;
  for (const QueryWord& word : scan_query_words(text)) {
    std::string flags;
    if (word.free) flags += "f";
    if (word.quoted) flags += "q";
    if (word.replaceable) flags += "r";
    out.push_back(text.substr(word.start, word.end - word.start) + ":" + flags);
  }
  return out;
}

using Words = std::vector<std::string>;

TEST(ScanQueryWords, PlainWordsAreFreeAndReplaceable) {
  EXPECT_EQ(describe("Blair  budget"), (Words{"Blair:fr", "budget:fr"}));
  EXPECT_EQ(describe("(Blair OR Brown) -war +peace"),
            (Words{"Blair:fr", "OR:", "Brown:fr", "war:fr", "peace:fr"}));
}

TEST(ScanQueryWords, PhraseWordsAreFreeButStayInTheirPhrase) {
  EXPECT_EQ(describe("\"Tony Blair\" said"), (Words{"Tony:fq", "Blair:fq", "said:fr"}));
  EXPECT_EQ(describe("\"AND\""), (Words{"AND:fq"}));  // quoted, not an operator
}

TEST(ScanQueryWords, FieldsWildcardsAndGluedWordsAreLeftAlone) {
  EXPECT_EQ(describe("title:iPod person:\"Tony Blair\" war* e-mail U.S. Blair's"),
            (Words{"title:", "iPod:", "person:", "Tony:q", "Blair:q",
                   "war:", "e:", "mail:", "U:", "S:", "Blair:", "s:"}));
}

TEST(ScanQueryWords, WordsNextToProximityOperatorsAreNotReplaceable) {
  EXPECT_EQ(describe("Blair NEAR Brown ADJ/3 Bush said"),
            (Words{"Blair:f", "NEAR:", "Brown:f", "ADJ:", "3:", "Bush:f", "said:fr"}));
}

TEST(ScanQueryWords, NonAsciiLettersMakeWords) {
  EXPECT_EQ(describe("Ørsted café"), (Words{"Ørsted:fr", "café:fr"}));
}

TEST(IsCapitalised, LooksAtTheFirstLetter) {
  EXPECT_TRUE(is_capitalised("Blair"));
  EXPECT_TRUE(is_capitalised("NATO"));
  EXPECT_TRUE(is_capitalised("Ørsted"));
  EXPECT_FALSE(is_capitalised("blair"));
  EXPECT_FALSE(is_capitalised("iPod"));
  EXPECT_FALSE(is_capitalised("2020"));
  EXPECT_FALSE(is_capitalised(""));
}

TEST(LowerCaseWord, LowersEveryLetter) {
  EXPECT_EQ(lower_case_word("ØRSTED"), "ørsted");
}

}  // namespace
}  // namespace newsarchive
