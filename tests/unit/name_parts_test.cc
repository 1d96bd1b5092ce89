// Unit tests for common/entities/name_parts: name suffixes and particles.
#include "entities/name_parts.h"

#include <gtest/gtest.h>

#include <string>

namespace newsarchive {
namespace {

TEST(IsNameSuffix, KnowsGenerationalSuffixesAndRegnalNumbersUpToXix) {
  for (const char* key :
       {"jr", "sr", "2nd", "i",   "ii",   "iii", "iv", "v",   "vi",   "vii",   "viii",
        "ix", "x",  "xi",  "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix"})
    EXPECT_TRUE(is_name_suffix(key)) << key;
  for (const char* key : {"", "xx", "xxiii", "henry", "de", "jr.", "III", "3rd"})
    EXPECT_FALSE(is_name_suffix(key)) << key;
}

TEST(IsRegnalNumber, ReadsIAndVIToXIXAsRegnalAndTheRestAsGenerational) {
  for (const char* key : {"i", "vi", "viii", "x", "xiv", "xix"})
    EXPECT_TRUE(is_regnal_number(key)) << key;
  for (const char* key : {"ii", "iii", "iv", "v", "jr", "sr", "2nd", "xx", "henry", ""})
    EXPECT_FALSE(is_regnal_number(key)) << key;
}

TEST(IsNameSuffixAsWritten, TakesAFullStopOnAbbreviationsOnly) {
  for (const char* word : {"jr", "jr.", "sr", "sr.", "iii", "viii", "v"})
    EXPECT_TRUE(is_name_suffix_as_written(word)) << word;
  for (const char* word : {"v.", "i.", "x.", "iii.", "2nd", "2nd.", "jr..", ".", "", "xx"})
    EXPECT_FALSE(is_name_suffix_as_written(word)) << word;
}

TEST(IsNameParticle, KnowsWordsThatJoinASurname) {
  for (const char* key : {"de", "van", "von", "bin", "ibn", "al", "della", "y"})
    EXPECT_TRUE(is_name_particle(key)) << key;
  for (const char* key : {"", "jr", "almenara", "De"}) EXPECT_FALSE(is_name_particle(key)) << key;
}

TEST(IsTitleWord, KnowsHonorificsAndOfficeTitlesInAnyCaseWithOrWithoutAFullStop) {
  for (const char* word :
       {"Mr", "mr.", "MRS", "Ms", "Miss", "Dr", "DR.", "Sir", "Dame", "Lord", "Lady", "Prof",
        "Rev.", "President", "Prime", "Minister", "Chancellor", "General", "Lieutenant-Colonel"})
    EXPECT_TRUE(is_title_word(word)) << word;
  for (const char* word :
       {"", ".", "Blair", "Mrx", "Lordship", "Tory", "Motors", "Lieutenant-", "-Mr", "Blair-Mr"})
    EXPECT_FALSE(is_title_word(word)) << word;
}

TEST(IsTitleOnly, TrueWhenEveryWordIsATitle) {
  for (const char* name : {"Mr", "Prime Minister", "Dr.", "Foreign  Minister", "Lady"})
    EXPECT_TRUE(is_title_only(name)) << name;
  for (const char* name : {"", " ", "Mr Blair", "General Motors", "Tony Blair", "Lord Falconer"})
    EXPECT_FALSE(is_title_only(name)) << name;
}

TEST(NonPersonHead, KnowsWordsThatEndPlacesAndOrganisationsOnly) {
  EXPECT_EQ(non_person_head("Street"), NameHead::kPlace);
  EXPECT_EQ(non_person_head("SQUARE"), NameHead::kPlace);
  EXPECT_EQ(non_person_head("Corp."), NameHead::kOrganization);
  EXPECT_EQ(non_person_head("Athletic"), NameHead::kOrganization);
  EXPECT_EQ(non_person_head("party"), NameHead::kOrganization);
  EXPECT_EQ(non_person_head("Dems"), NameHead::kOrganization);
  EXPECT_EQ(non_person_head("Auditorium"), NameHead::kPlace);
  EXPECT_EQ(non_person_head("Amphitheatre"), NameHead::kPlace);
  EXPECT_EQ(non_person_head("Mercedes-Benz"), NameHead::kOrganization);
  EXPECT_EQ(non_person_head("Cosworth"), NameHead::kOrganization);
  // Venue words that are also surnames: Monty Hall, Barbara Castle, Charlotte Church.
  for (const char* word : {"", "Blair", "St", "Jr.", "Street-", "Streets", "Hall", "Castle",
                           "Church", "Ford", "Honda"})
    EXPECT_EQ(non_person_head(word), std::nullopt) << word;
}

TEST(NamesNobody, TitlesNumbersAndInitialsAlone) {
  for (const char* name : {"Mr", "Prime Minister", "Nine", "Nine Mths", "EIGHT", "H.K.", "N.Z.",
                           "U.S. A.", "SUVs", "CEOs"})
    EXPECT_TRUE(names_nobody(name)) << name;
  for (const char* name : {"", "Tony Blair", "Mr Blair", "H.P. Smith", "A.J.P. Taylor", "Nina",
                           "Ninety-Nine", "J", "DeVos", "Os", "SUVs Smith"})
    EXPECT_FALSE(names_nobody(name)) << name;
}

TEST(IsFormerMarker, KnowsWhatAPersonWas) {
  for (const char* word : {"Ex-Yankee", "ex-Beatle", "EX-CHAMPION"})
    EXPECT_TRUE(is_former_marker(word)) << word;
  for (const char* word : {"", "ex-", "Exeter", "Rex", "Alex"})
    EXPECT_FALSE(is_former_marker(word));
}

TEST(IsClubInitial, KnowsWordsThatStartClubNames) {
  for (const char* word : {"Deportivo", "SPORTING", "dinamo", "Olympique"})
    EXPECT_TRUE(is_club_initial(word)) << word;
  for (const char* word : {"", "Real", "Chelsea", "Sport"}) EXPECT_FALSE(is_club_initial(word));
}

TEST(IsPlaceInitialAndStormWord, KnowWordsBeforePlaceAndStormNames) {
  for (const char* word : {"Port", "MOUNT", "Mt.", "Lake", "Fort", "Cape"})
    EXPECT_TRUE(is_place_initial(word)) << word;
  for (const char* word : {"", "Glen", "Porter", "Tony"}) EXPECT_FALSE(is_place_initial(word));
  for (const char* word : {"Storm", "hurricane", "TYPHOON"}) EXPECT_TRUE(is_storm_word(word));
  for (const char* word : {"", "Storms", "Stormy", "Tony"}) EXPECT_FALSE(is_storm_word(word));
}

}  // namespace
}  // namespace newsarchive
