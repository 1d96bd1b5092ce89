// Tests for article_entities.h: line unwrapping, mention resolution, article entity lists.
#include "entities/article_entities.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

namespace newsarchive {
namespace {

using Names = std::vector<std::string>;

TEST(UnwrapLines, JoinsHardWrappedLinesAndKeepsLength) {
  std::string text =
      "U.K. Chancellor of the Exchequer\nNigel Lawson has told the Finance Minister\nthat";
  std::string unwrapped = unwrap_lines(text);
  EXPECT_EQ(unwrapped,
            "U.K. Chancellor of the Exchequer Nigel Lawson has told the Finance Minister that");
  EXPECT_EQ(unwrapped.size(), text.size());
}

TEST(UnwrapLines, KeepsParagraphSentenceAndShortLineBreaks) {
  EXPECT_EQ(unwrap_lines("A long paragraph line that ends the paragraph here\n\nNext"),
            "A long paragraph line that ends the paragraph here\n\nNext");
  EXPECT_EQ(unwrap_lines("This line is long enough and ends a sentence.\nNext one"),
            "This line is long enough and ends a sentence.\nNext one");
  EXPECT_EQ(unwrap_lines("LONDON 1996-08-30\nWest Indian all-rounder"),
            "LONDON 1996-08-30\nWest Indian all-rounder");
}

// Results tables and text with a sentence per line are not hard-wrapped: their rows stay apart.
TEST(UnwrapLines, LeavesTableRowsAndSentenceLinesAlone) {
  std::string table =
      "Pete Sampras ( U.S. ) beat Magnus Larsson 6-3 6-4\n"
      "Jane Smith ( Britain ) beat Rasa Mazeikyte 7-5 6-2\n";
  EXPECT_EQ(unwrap_lines(table), table);
  std::string sentences =
      "Tony Blair has defended his decision to go to war.\n"
      "Talks with the Tory leader\n"
      "Michael Howard said the prime minister was wrong.\n"
      "The Liberal Democrats agreed with him on that.\n";
  EXPECT_EQ(unwrap_lines(sentences), sentences);
}

// Before unwrapping, "Exchequer\nNigel" split the name across a false sentence start.
TEST(ExtractEntities, FindsANameBrokenByAHardWrap) {
  Article article;
  article.title = "U.K. SAYS HAS NO ROLE IN BRAZIL MORATORIUM TALKS";
  article.body =
      "U.K. Chancellor of the Exchequer\nNigel Lawson has told Brazil's Finance Minister Dilson\n"
      "Funaro that negotiations on Brazil's debt are a matter for the banks,\n"
      "a Treasury spokesman said. Lawson said the talks went well.";
  extract_entities(article, EntityTagger::english());
  EXPECT_EQ(article.persons, (Names{"Nigel Lawson", "Dilson Funaro"}));
}

TEST(ExtractEntities, HeadlineSurnameResolvesToTheFullNameInTheBody) {
  Article article;
  article.title = "Esper denies leaving Iraq";
  article.body = "Defense Secretary Mark Esper said on Monday that no decision had been made.";
  extract_entities(article, EntityTagger::english());
  EXPECT_EQ(article.persons, (Names{"Mark Esper"}));
}

TEST(ExtractEntities, WhatAPersonWasStaysOutOfTheName) {
  Article article;
  article.title = "Velarde homers in Anaheim";
  article.body = "Ex-Yankee Randy Velarde hit a two-run homer on Tuesday as the Angels won.";
  extract_entities(article, EntityTagger::english());
  EXPECT_EQ(article.persons, (Names{"Randy Velarde"}));
}

TEST(ExtractEntities, NamesWithARegnalNumberArePersons) {
  Article article;
  article.title = "Letters sold at auction";
  article.body =
      "Letters of Queen Elizabeth I of England and of Louis XIV of France were sold in London.";
  extract_entities(article, EntityTagger::english());
  EXPECT_EQ(article.persons, (Names{"Elizabeth I", "Louis XIV"}));
}

TEST(IsSignOff, OnlyALoneWordOnTheLastLine) {
  std::string text = "Lawson said the talks went well.\n Reuter\n";
  EXPECT_TRUE(is_sign_off(text, EntityMention{EntityType::kPerson, 34, 40}));
  EXPECT_FALSE(is_sign_off(text, EntityMention{EntityType::kPerson, 0, 6}));
  std::string apart = "Net 1,150,633 vs 649,000.        REUTER\n";
  EXPECT_TRUE(is_sign_off(apart, EntityMention{EntityType::kPerson, 33, 39}));
  std::string dotted = "more generous terms.\n REUTER...^M\n";
  EXPECT_TRUE(is_sign_off(dotted, EntityMention{EntityType::kPerson, 22, 28}));
  std::string after_sentence = "in the first seven months of 1986. REUTER";
  EXPECT_TRUE(is_sign_off(after_sentence, EntityMention{EntityType::kPerson, 35, 41}));
  std::string in_sentence = "The talks went well, said Lawson\n";
  EXPECT_FALSE(is_sign_off(in_sentence, EntityMention{EntityType::kPerson, 26, 32}));
  std::string two_words = "The talks went well.\nNigel Lawson\n";
  EXPECT_FALSE(is_sign_off(two_words, EntityMention{EntityType::kPerson, 21, 33}));
}

// Wire bodies end with the agency's name on a line of its own; it is not a person in the story.
TEST(ExtractEntities, IgnoresAWireSignOff) {
  Article article;
  article.title = "U.K. TALKS";
  article.body = "Chancellor Nigel Lawson said the talks went well.\n Reuter\n";
  extract_entities(article, EntityTagger::english());
  EXPECT_EQ(article.persons, (Names{"Nigel Lawson"}));
}

TEST(ExtractEntities, AnArticlesPersonIsWrittenAsItsBodyWritesIt) {
  Article article;
  article.title = "SUBROTO SEES OIL PRICE STABLE";
  article.body = "Indonesian Energy Minister Subroto said oil prices would stay stable.";
  extract_entities(article, EntityTagger::english());
  EXPECT_EQ(article.persons, (Names{"Subroto"}));
}

// Seen in a British archive's person facet: a party, a club, an award, a company and a street
// standing for an office were persons.
TEST(ExtractEntities, PartiesClubsAwardsCompaniesAndStreetsAreNoPersons) {
  Article article;
  article.title = "Labour leads poll";
  article.body =
      "The Labour Party and the Lib Dems attacked the Tory plans. A Lib Dem spokesman said the "
      "Conservative Party was split. Chelsea beat Arsenal 2-1 at Stamford Bridge. The film won "
      "an Oscar at the Academy Awards. Google shares rose. Downing Street said the Prime "
      "Minister would speak, and Tony Blair did.";
  extract_entities(article, EntityTagger::english());
  EXPECT_EQ(article.persons, (Names{"Tony Blair"}));
}

TEST(ExtractEntities, AMiddleInitialWithoutAFullStopStaysInTheName) {
  Article article;
  article.title = "Bush meets Blair";
  article.body = "George W Bush met Tony Blair. Later George W. Bush spoke, and Bush left.";
  extract_entities(article, EntityTagger::english());
  EXPECT_EQ(article.persons, (Names{"George W Bush", "Tony Blair"}));
}

TEST(ExtractEntities, TheSignOffNamesTheAgencyThroughoutTheArticle) {
  Article article;
  article.title = "U.K. TALKS";
  article.body = "Nigel Lawson told Reuter the talks went well.\n Reuter\n";
  extract_entities(article, EntityTagger::english());
  EXPECT_EQ(article.persons, (Names{"Nigel Lawson"}));
  EXPECT_NE(std::find(article.organizations.begin(), article.organizations.end(), "Reuter"),
            article.organizations.end());
}

// "Moreover, Baker said" made Moreover a person in 21 Reuters articles' facets.
TEST(ExtractEntities, AWordThatOnlyOpensSentencesIsNoPerson) {
  EXPECT_TRUE(EntityTagger::english().opens_sentences_only("Moreover"));
  EXPECT_FALSE(EntityTagger::english().opens_sentences_only("Baker"));
  std::string text =
      "U.S. economy has been serving as a huge market.\n    Moreover, Baker, the consummate "
      "politician, said so.";
  std::vector<std::string> persons;
  for (const ResolvedMention& m : resolve_mentions(text, EntityTagger::english()))
    if (m.mention.type == EntityType::kPerson) persons.push_back(m.text);
  EXPECT_EQ(persons, (Names{"Baker"}));
}

TEST(ExtractEntities, IgnoresARepeatedSignOff) {
  Article article;
  article.title = "BIOTECH 3RD QTR NET";
  article.body = "Chancellor Nigel Lawson said the talks went well.\nREUTER\n Reuter";
  extract_entities(article, EntityTagger::english());
  EXPECT_EQ(article.persons, (Names{"Nigel Lawson"}));
}

TEST(WriteMentionsJsonl, OneObjectPerMentionWithByteOffsets) {
  std::string text = "Mr. Esper met Mark Esper's staff.";
  std::ostringstream out;
  write_mentions_jsonl(resolve_mentions(text, EntityTagger::english()), out);
  EXPECT_EQ(out.str(),
            "{\"type\":\"person\",\"start\":4,\"end\":9,\"text\":\"Esper\",\"canonical\":\"Mark "
            "Esper\"}\n"
            "{\"type\":\"person\",\"start\":14,\"end\":24,\"text\":\"Mark Esper\",\"canonical\":"
            "\"Mark Esper\"}\n");
}

// "Mr Blair" was read as two persons, "Mr" and "Blair": the honorific alone named nobody.
TEST(ExtractEntities, AnHonorificOrTitleAloneIsNoPerson) {
  Article article;
  article.title = "Blair defends Iraq stance";
  article.body =
      "Tony Blair has defended his decision. Mr Blair told MPs the Tory leader was wrong. Ms "
      "Jowell agreed. The Prime Minister said nothing, and Mr said less.";
  extract_entities(article, EntityTagger::english());
  EXPECT_EQ(article.persons, (Names{"Tony Blair", "Jowell"}));
  std::ostringstream out;
  write_mentions_jsonl(resolve_mentions("Mr met Dr. Prime Minister Lady.", EntityTagger::english()),
                       out);
  EXPECT_EQ(out.str().find("\"person\""), std::string::npos) << out.str();
}

TEST(ArticleEntityText, TheHeadlineIsASectionOfItsOwn) {
  Article article;
  article.title = "Howard hits back at Blair";
  article.body = "Tony Blair said little.";
  std::vector<size_t> sections;
  EXPECT_EQ(article_entity_text(article, sections),
            "Howard hits back at Blair\n\nTony Blair said little.");
  EXPECT_EQ(sections, (std::vector<size_t>{27}));
  article.title.clear();
  EXPECT_EQ(article_entity_text(article, sections), "Tony Blair said little.");
  EXPECT_TRUE(sections.empty());
}

// A headline run into the first sentence made names such as "Blair Tony Blair".
TEST(ResolveMentions, NoMentionRunsFromOneSectionIntoTheNext) {
  std::string text = "Howard hits back at Blair Tony Blair has been accused of failing voters.";
  std::vector<std::string> joined, apart;
  for (const ResolvedMention& m : resolve_mentions(text, EntityTagger::english()))
    if (m.mention.type == EntityType::kPerson) joined.push_back(m.text);
  for (const ResolvedMention& m : resolve_mentions(text, {26}, EntityTagger::english()))
    if (m.mention.type == EntityType::kPerson) apart.push_back(m.text);
  EXPECT_NE(std::find(joined.begin(), joined.end(), "Blair Tony Blair"), joined.end());
  EXPECT_EQ(std::find(apart.begin(), apart.end(), "Blair Tony Blair"), apart.end());
  EXPECT_NE(std::find(apart.begin(), apart.end(), "Tony Blair"), apart.end());
}

// "DOLLAR FALLS AGAINST MARK": a person in a headline without case, which the body never names.
TEST(ExtractEntities, AnAllCapsHeadlinePersonNeedsTheBody) {
  Article article;
  article.title = "DOLLAR FALLS AGAINST MARK AS ESPER SPEAKS";
  article.body = "The dollar fell against the mark on Monday after Mark Esper spoke in Berlin.";
  extract_entities(article, EntityTagger::english());
  EXPECT_EQ(article.persons, (Names{"Mark Esper"}));
}

}  // namespace
}  // namespace newsarchive
