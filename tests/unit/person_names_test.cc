// Tests for person_names.h: keys, surnames, cleaning and alias merging within an article.
#include "entities/person_names.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace newsarchive {
namespace {

using Names = std::vector<std::string>;

TEST(PersonKey, FoldsCasePunctuationAndSpacing) {
  EXPECT_EQ(person_key("Mark Esper"), "mark esper");
  EXPECT_EQ(person_key("MARK  ESPER"), "mark esper");
  EXPECT_EQ(person_key(" Mark\tEsper "), "mark esper");
  EXPECT_EQ(person_key("Elin Vasquez-Harland"), "elin vasquez harland");
  EXPECT_EQ(person_key("Desmond Achterberg Jr."), "desmond achterberg jr");
  EXPECT_EQ(person_key("Conan O'Brien"), "conan obrien");
  EXPECT_EQ(person_key("Conan O\u2019Brien"), "conan obrien");
  EXPECT_EQ(person_key("J.R.R. Tolkien"), "jrr tolkien");
  EXPECT_EQ(person_key("\u00c9MILE Zola"), "\u00e9mile zola");
  EXPECT_EQ(person_key(""), "");
}

TEST(SurnameKey, IsTheLastWordThatIsNotAGenerationalSuffix) {
  EXPECT_EQ(surname_key("Mark Esper"), "esper");
  EXPECT_EQ(surname_key("William Seely III"), "seely");
  EXPECT_EQ(surname_key("Desmond Achterberg Jr."), "achterberg");
  EXPECT_EQ(surname_key("Carlota de Almenara"), "almenara");
  EXPECT_EQ(surname_key("Elin Vasquez-Harland"), "vasquez harland");
  EXPECT_EQ(surname_key("De Almenara"), "almenara");
  EXPECT_EQ(surname_key("Esper"), "esper");
  EXPECT_EQ(surname_key(""), "");
}

// Regression: "Henry VIII" had the surname "viii", so --person viii found King Henry. A name
// ending in a regnal number has no surname at all: "Henry" is his given name.
TEST(SurnameKey, IsNeverARegnalNumberOrGenerationalSuffix) {
  EXPECT_EQ(surname_key("Henry VIII"), "");
  EXPECT_EQ(surname_key("Louis XIV"), "");
  EXPECT_EQ(surname_key("Malcolm X"), "");
  EXPECT_EQ(surname_key("Pope John Paul II"), "paul");  // II to V read as generational
  EXPECT_EQ(surname_key("William Seely III"), "seely");
  EXPECT_EQ(surname_key("Martin Luther King Jr."), "king");
  EXPECT_EQ(surname_key("Hank Williams 2nd"), "williams");
}

TEST(SurnameKey, IsEmptyForANameOfSuffixesOnly) {
  EXPECT_EQ(surname_key("III"), "");
  EXPECT_EQ(surname_key("VIII"), "");
  EXPECT_EQ(surname_key("Jr. III"), "");
}

TEST(IsBareSurname, CountsNameWordsOtherThanParticlesAndSuffixes) {
  EXPECT_TRUE(is_bare_surname("Esper"));
  EXPECT_TRUE(is_bare_surname("De Almenara"));
  EXPECT_TRUE(is_bare_surname("Seely III"));
  EXPECT_TRUE(is_bare_surname("Vasquez-Harland"));
  EXPECT_TRUE(is_bare_surname("III"));
  EXPECT_FALSE(is_bare_surname("Henry VIII"));  // a given name and a regnal number: a full name
  EXPECT_FALSE(is_bare_surname("Louis XIV"));
  EXPECT_FALSE(is_bare_surname("Mark Esper"));
  EXPECT_FALSE(is_bare_surname("Carlota de Almenara"));
  EXPECT_FALSE(is_bare_surname("Elin Vasquez-Harland"));
}

// A regnal name is a full name of its own: a bare "Henry" is not King Henry VIII, and kings of
// one name with different numbers stay apart.
TEST(ResolvePersonAliases, RegnalNamesAreFullNamesWithoutASurname) {
  EXPECT_EQ(
      resolve_person_aliases({"Henry VIII", "Thierry Henry", "Henry", "Henry VII"}),
      (std::vector<std::string>{"Henry VIII", "Thierry Henry", "Thierry Henry", "Henry VII"}));
  EXPECT_EQ(resolve_person_aliases({"Henry VIII", "HENRY VIII", "VIII"}),
            (std::vector<std::string>{"Henry VIII", "Henry VIII", "VIII"}));
}

TEST(CleanPersonText, RemovesPossessivesAndFoldsWhitespace) {
  EXPECT_EQ(clean_person_text("Trump's"), "Trump");
  EXPECT_EQ(clean_person_text("Soleimani\u2019s"), "Soleimani");
  EXPECT_EQ(clean_person_text("James'"), "James");
  EXPECT_EQ(clean_person_text("Mark \n Esper"), "Mark Esper");
  EXPECT_EQ(clean_person_text("Lindsay) Davenport"), "Lindsay Davenport");
  EXPECT_EQ(clean_person_text("( Tom ) Seaver"), "Tom Seaver");
  EXPECT_EQ(clean_person_text("'s"), "'s");  // nothing left to be possessive of
}

struct AliasCase {
  const char* name;
  Names mentions;
  Names canonical;
};

class ResolveAliases : public ::testing::TestWithParam<AliasCase> {};

TEST_P(ResolveAliases, GivesEachMentionItsCanonicalName) {
  EXPECT_EQ(resolve_person_aliases(GetParam().mentions), GetParam().canonical);
}

INSTANTIATE_TEST_SUITE_P(
    Cases, ResolveAliases,
    ::testing::Values(
        AliasCase{"SurnameAfterFullName",
                  {"Mark Esper", "Esper", "Esper's"},
                  {"Mark Esper", "Mark Esper", "Mark Esper"}},
        AliasCase{"SurnameBeforeFullName", {"Esper", "Mark Esper"}, {"Mark Esper", "Mark Esper"}},
        AliasCase{"BareSurnameWithoutFullNameStaysAsWritten",
                  {"Khamenei", "Khamenei"},
                  {"Khamenei", "Khamenei"}},
        AliasCase{"SuffixKeptAndSurnameWithSuffixResolves",
                  {"William Seely III", "Seely", "Seely III"},
                  {"William Seely III", "William Seely III", "William Seely III"}},
        AliasCase{"LongestFormIsCanonical",
                  {"Mark Esper", "Mark T. Esper", "Esper"},
                  {"Mark T. Esper", "Mark T. Esper", "Mark T. Esper"}},
        AliasCase{"MixedCaseFormPreferredOverAllCaps",
                  {"MARK ESPER", "Mark Esper", "ESPER"},
                  {"Mark Esper", "Mark Esper", "Mark Esper"}},
        AliasCase{"SharedSurnameGoesToNearestPrecedingFullName",
                  {"George Bush", "Bush", "Laura Bush", "Bush"},
                  {"George Bush", "George Bush", "Laura Bush", "Laura Bush"}},
        AliasCase{"HyphenatedSurname",
                  {"Elin Vasquez-Harland", "Vasquez-Harland"},
                  {"Elin Vasquez-Harland", "Elin Vasquez-Harland"}},
        AliasCase{"NameWithParticle",
                  {"Carlota de Almenara", "De Almenara"},
                  {"Carlota de Almenara", "Carlota de Almenara"}},
        AliasCase{"DifferentPeopleStayApart",
                  {"Mark Esper", "Mark Milley", "Milley"},
                  {"Mark Esper", "Mark Milley", "Mark Milley"}},
        AliasCase{"Empty", {}, {}}),
    [](const ::testing::TestParamInfo<AliasCase>& param_info) { return param_info.param.name; });

TEST(DistinctPersons, KeepsFirstMentionOrderAndDropsDuplicatesByKey) {
  EXPECT_EQ(distinct_persons({"Mark Esper", "Donald Trump", "Mark Esper", "MARK ESPER", ""}),
            (Names{"Mark Esper", "Donald Trump"}));
}

}  // namespace
}  // namespace newsarchive
