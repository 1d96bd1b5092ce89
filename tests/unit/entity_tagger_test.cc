// Unit tests for common/entity_tagger: the embedded English model's mentions and span
// conventions, on single sentences, short articles and the seed article.
#include "entities/entity_tagger.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "test_support.h"

namespace newsarchive {
namespace {

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::vector<std::string> mentions_of_type(const std::string& text, EntityType type) {
  std::vector<std::string> out;
  for (const EntityMention& m : EntityTagger::english().find(text))
    if (m.type == type) out.push_back(text.substr(m.start, m.end - m.start));
  return out;
}

std::vector<std::string> persons(const std::string& text) {
  return mentions_of_type(text, EntityType::kPerson);
}

struct Case {
  const char* what;
  std::string text;
  std::vector<std::string> expected;
};

using Names = std::vector<std::string>;

TEST(EntityTagger, LeavesTitlesOutOfPersonSpans) {
  const std::vector<Case> cases = {
      {"office and title",
       "Defense Secretary Mark Esper said on Monday that no decision had been made.",
       {"Mark Esper"}},
      {"stacked titles",
       "Supreme Leader Ayatollah Ali Khamenei wept at the funeral in Tehran.",
       {"Ali Khamenei"}},
      {"honorific", "Mr. Esper told reporters at the Pentagon that troops would stay.", {"Esper"}},
      {"honorifics in a list",
       "Mrs. Thatcher met Dr. Kohl and Ms. Bhutto in London.",
       {"Thatcher", "Kohl", "Bhutto"}},
      {"rank",
       "\xE2\x80\x9CPoorly worded means retreat,\xE2\x80\x9D said General Mark Milley.",
       {"Mark Milley"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(persons(c.text), c.expected);
  }
}

TEST(EntityTagger, KeepsGenerationalSuffixesAndDropsPossessives) {
  const std::vector<Case> cases = {
      {"roman numeral",
       "The letter was signed by Brigade General William Seely III, the commander of the "
       "coalition.",
       {"William Seely III"}},
      {"Jr.",
       "Meridian Freight chief executive Desmond Achterberg Jr. will step down in June.",
       {"Desmond Achterberg Jr."}},
      {"possessive",
       "US President Donald Trump ordered the strike. Trump's decision surprised allies.",
       {"Donald Trump", "Trump"}},
      {"curly possessive",
       "Iranian commander Qassem Soleimani was killed. Soleimani\xE2\x80\x99s funeral drew crowds.",
       {"Qassem Soleimani", "Soleimani"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(persons(c.text), c.expected);
  }
}

TEST(EntityTagger, FindsHyphenatedAndNonEnglishNames) {
  const std::vector<Case> cases = {
      {"hyphenated surname",
       "Chief Justice Elin Vasquez-Harland was sworn in on Tuesday.",
       {"Elin Vasquez-Harland"}},
      {"lower-case particle",
       "President Carlota de Almenara won the runoff, the electoral commission said.",
       {"Carlota de Almenara"}},
      {"apostrophe in a surname",
       "Trade minister Paul O'Neill said talks would resume.",
       {"Paul O'Neill"}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    EXPECT_EQ(persons(c.text), c.expected);
  }
}

TEST(EntityTagger, SentenceInitialCapitalsAreNotNames) {
  const std::string text = "Several helicopters were heard flying over Baghdad on Monday evening.";
  EXPECT_EQ(persons(text), Names{});
  EXPECT_EQ(mentions_of_type(text, EntityType::kPlace), Names{"Baghdad"});
}

TEST(EntityTagger, AllCapsHeadlineAgreesWithTheBody) {
  const std::string text =
      "ACHTERBERG TO STEP DOWN AT MERIDIAN\n\n"
      "Desmond Achterberg, chief executive of Meridian Freight, said on Tuesday he would retire "
      "in June. Achterberg has led the company since 2009.\n";
  EXPECT_EQ(persons(text), (Names{"ACHTERBERG", "Desmond Achterberg", "Achterberg"}));
}

TEST(EntityTagger, TitleCaseHeadlineNamesOnlyItsPeople) {
  EXPECT_EQ(persons("Clinton Wins Second Term In Landslide Victory"), Names{"Clinton"});
}

TEST(EntityTagger, AMiddleInitialWithoutAPeriodStaysInTheName) {
  EXPECT_EQ(persons("President George W Bush met Prime Minister Tony Blair in London on Monday."),
            (Names{"George W Bush", "Tony Blair"}));
  EXPECT_EQ(persons("George W. Bush said on Tuesday that taxes would fall."),
            Names{"George W. Bush"});
}

TEST(EntityTagger, ATitleAloneIsNoPerson) {
  EXPECT_EQ(persons("Mr said nothing."), Names{});
  EXPECT_EQ(persons("The Prime Minister spoke."), Names{});
}

TEST(EntityTagger, SeedArticleNamesExactlyItsPeople) {
  const std::string text = read_file(std::filesystem::path(NEWSARCHIVE_CORPUS_DIR) /
                                     "2020-01-06-pentagon-chief-denies-leaving-iraq.txt");
  ASSERT_FALSE(text.empty());
  EXPECT_EQ(persons(text),
            (Names{"Mark Esper", "Donald Trump", "Qassem Soleimani", "Ali Khamenei", "Esper",
                   "Mark Milley", "Esper", "Khamenei", "Soleimani", "William Seely III"}));
  const std::vector<std::string> places = mentions_of_type(text, EntityType::kPlace);
  EXPECT_NE(std::find(places.begin(), places.end(), "Baghdad"), places.end());
  EXPECT_NE(std::find(places.begin(), places.end(), "Tehran"), places.end());
  const std::vector<std::string> organizations = mentions_of_type(text, EntityType::kOrganization);
  EXPECT_NE(std::find(organizations.begin(), organizations.end(), "Pentagon"), organizations.end());
}

TEST(EntityTagger, MentionsAreOrderedDisjointAndInsideTheText) {
  const std::string text = read_file(std::filesystem::path(NEWSARCHIVE_CORPUS_DIR) /
                                     "2020-01-06-pentagon-chief-denies-leaving-iraq.txt");
  const std::vector<EntityMention> mentions = EntityTagger::english().find(text);
  ASSERT_FALSE(mentions.empty());
  size_t previous_end = 0;
  for (const EntityMention& m : mentions) {
    EXPECT_LE(previous_end, m.start);
    EXPECT_LT(m.start, m.end);
    EXPECT_LE(m.end, text.size());
    previous_end = m.end;
  }
}

TEST(EntityTagger, HandlesEmptyAndOddInput) {
  EXPECT_TRUE(EntityTagger::english().find("").empty());
  EXPECT_TRUE(EntityTagger::english().find(" \n\n ").empty());
  EXPECT_TRUE(EntityTagger::english().find("the troops stayed where they were").empty());
  // Invalid UTF-8 and control bytes are tagged without reading past the text.
  const std::string odd = "Mark \xFF\xFE Esper\x01 in Iraq\xC3";
  for (const EntityMention& m : EntityTagger::english().find(odd)) {
    EXPECT_LT(m.start, m.end);
    EXPECT_LE(m.end, odd.size());
  }
}

TEST(EntityTagger, NamesEntityTypes) {
  EXPECT_EQ(entity_type_name(EntityType::kPerson), "person");
  EXPECT_EQ(entity_type_name(EntityType::kPlace), "place");
  EXPECT_EQ(entity_type_name(EntityType::kOrganization), "organization");
  EXPECT_EQ(entity_type_name(EntityType::kMisc), "misc");
}

TEST(EntityTagger, FromFileRejectsMissingAndMalformedModels) {
  testing::TempDir dir;
  EXPECT_THROW(EntityTagger::from_file((dir.path() / "missing.bin").string()), std::runtime_error);
  testing::write_file(dir.path() / "bad.bin", "not a model at all");
  EXPECT_THROW(EntityTagger::from_file((dir.path() / "bad.bin").string()), std::runtime_error);
  testing::write_file(dir.path() / "other_version.bin",
                      std::string("NWSNER01\xE7\x03\x00\x00", 12) + std::string(12, '\0'));
  EXPECT_THROW(EntityTagger::from_file((dir.path() / "other_version.bin").string()),
               std::runtime_error);
  testing::write_file(dir.path() / "truncated.bin", std::string("NWSNER01\x01\x00", 10));
  EXPECT_THROW(EntityTagger::from_file((dir.path() / "truncated.bin").string()),
               std::runtime_error);
}

TEST(EntityTagger, FromFileLoadsTheCommittedModel) {
  const std::string path = std::string(NEWSARCHIVE_CORPUS_DIR) + "/../models/ner-en.bin";
  EntityTagger tagger = EntityTagger::from_file(path);
  const std::string text = "Defense Secretary Mark Esper said on Monday.";
  std::vector<EntityMention> from_file = tagger.find(text);
  std::vector<EntityMention> embedded = EntityTagger::english().find(text);
  ASSERT_EQ(from_file.size(), embedded.size());
  for (size_t i = 0; i < embedded.size(); ++i) {
    EXPECT_EQ(from_file[i].type, embedded[i].type);
    EXPECT_EQ(from_file[i].start, embedded[i].start);
    EXPECT_EQ(from_file[i].end, embedded[i].end);
  }
}

TEST(EntityTaggerLexicon, KnowsGivenNamesInAnyCase) {
  const EntityTagger& tagger = EntityTagger::english();
  EXPECT_TRUE(tagger.is_given_name("Louis"));
  EXPECT_TRUE(tagger.is_given_name("ELIZABETH"));
  EXPECT_FALSE(tagger.is_given_name("World"));
  EXPECT_FALSE(tagger.is_given_name(""));
}

}  // namespace
}  // namespace newsarchive
