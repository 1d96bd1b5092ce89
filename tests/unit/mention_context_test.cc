// Unit tests for entities/mention_context: the phrases around a person mention that make it a
// place or a firm, and the ones that leave it a person.
#include "entities/mention_context.h"

#include <gtest/gtest.h>

#include <optional>
#include <vector>

namespace newsarchive {
namespace {

constexpr EntityType kPer = EntityType::kPerson;
constexpr EntityType kLoc = EntityType::kPlace;
constexpr EntityType kOrg = EntityType::kOrganization;

// One person mention written between `before` and `after`.
std::optional<EntityType> alone(const char* text, const char* before, const char* after) {
  return type_by_context({TypedName{kPer, text, after, before}}, 0);
}

TEST(TypeByContext, AOneWordNameAfterAPlacePrepositionIsAPlace) {
  EXPECT_EQ(alone("Denver", "bankruptcy judge\nin ", " who is hearing Kaiser"), kLoc);
  EXPECT_EQ(alone("Denver", "flights it already serves from ", ", raising its total"), kLoc);
  EXPECT_EQ(alone("Denver", "about 14,000 members north of ", ".\n The company said"), kLoc);
  EXPECT_EQ(alone("Halden", "a camp outside ", " and would rotate"), kLoc);
}

TEST(TypeByContext, ACityBeforeAUsStateIsAPlace) {
  EXPECT_EQ(alone("Denver", "Atlanta, Ga.; Dallas-Ft. Worth; ", ", Colo.; the California south"),
            kLoc);
  EXPECT_EQ(alone("Odessa", "the refinery at ", ", Texas, will close"), kLoc);
  EXPECT_EQ(alone("Baker", "said ", ", who heads the"), std::nullopt);
}

TEST(TypeByContext, ANameListedWithAPlaceIsAPlace) {
  std::vector<TypedName> mentions = {
      {kLoc, "Philadelphia", " and Denver.", "U.S. mints in "},
      {kPer, "Denver", ".\n The new contract", "in Philadelphia and "}};
  EXPECT_EQ(type_by_context(mentions, 1), kLoc);
  mentions[0].type = kPer;  // two persons listed together stay persons
  EXPECT_EQ(type_by_context(mentions, 1), std::nullopt);
}

TEST(TypeByContext, APossessiveOrAPersonsInIsNoPlace) {
  EXPECT_EQ(alone("Reagan", "the passage in ", "'s speech that"), std::nullopt);
  EXPECT_EQ(alone("Reagan", "the passage in ", "\xE2\x80\x99s speech that"), std::nullopt);
  EXPECT_EQ(alone("God", "We believe in ", ". \" He said"), std::nullopt);
  EXPECT_EQ(alone("Reagan", "have confidence in ", " and his team"), std::nullopt);
  // A full name is a person whatever precedes it.
  EXPECT_EQ(alone("James Baker", "a letter from ", " to the"), std::nullopt);
}

TEST(TypeByContext, ANameAfterAJobAtOrWithIsAFirm) {
  EXPECT_EQ(alone("E.F. Hutton", "said Larry Baker, an analyst with ", "\ngroup. Analysts"), kOrg);
  EXPECT_EQ(alone("Corvin", "said the chief economist at ", ", who expects"), kOrg);
  EXPECT_EQ(alone("Reagan", "the meeting with ", " on Tuesday"), std::nullopt);
}

TEST(TypeByContext, ANameBeforeATickerOrAFirmsStaffIsAFirm) {
  EXPECT_EQ(alone("E.F. Hutton", "were also down today. ", " <EFH>\nfell one to 41"), kOrg);
  EXPECT_EQ(alone("Hutton", "tender offer by ", " <GY.N> for"), kOrg);
  EXPECT_EQ(alone("E.F. Hutton", "growth,\" ", " food analyst June Page said"), kOrg);
  EXPECT_EQ(alone("E.F. Hutton", "brokerage unit. ", " analyst Michael Lewis said"), kOrg);
  // A person's staff: spokesmen and advisers.
  EXPECT_EQ(alone("Reagan", "said ", " spokesman Marlin Fitzwater"), std::nullopt);
  EXPECT_EQ(alone("Reagan", "said ", " economic adviser Beryl Sprinkel"), std::nullopt);
  // Angle brackets around words are no ticker.
  EXPECT_EQ(alone("Baker", "said ", " <his aide> on"), std::nullopt);
}

TEST(TypeByContext, ANameAfterAPersonAndOfIsNoPerson) {
  std::vector<TypedName> mentions = {
      {kPer, "Caroline Levy", " of E.F. Hutton also", "quarters.\n  "},
      {kPer, "E.F. Hutton", " also believes", "  Caroline Levy of "}};
  EXPECT_EQ(type_by_context(mentions, 1), kOrg);
  mentions[0].text = "Levy";  // a one-word name may be anything: "Paris of Troy"
  EXPECT_EQ(type_by_context(mentions, 1), std::nullopt);
}

TEST(TypeByContext, TwoNamesJoinedAsOneToAFirmAreAFirm) {
  // "General Partners, owned by Wagner and Brown and AFG Industries Inc"
  std::vector<TypedName> mentions = {
      {kOrg, "General Partners", ", owned by Wagner an", "Earlier today, "},
      {kPer, "Wagner", " and Brown\nand AFG Indu", "General Partners, owned by "},
      {kPer, "Brown", "\nand AFG Industries Inc,", "owned by Wagner and "},
      {kOrg, "AFG Industries Inc", ", launched a", "Wagner and Brown\nand "}};
  EXPECT_EQ(type_by_context(mentions, 1), kOrg);
  EXPECT_EQ(type_by_context(mentions, 2), kOrg);
  // "a partnership of AFG Industries Inc <AFG> and Wagner and Brown."
  mentions = {{kOrg, "AFG Industries Inc", " <AFG> and Wagner and", "a partnership of "},
              {kPer, "Wagner", " and Brown.\n In additi", "Industries Inc <AFG> and "},
              {kPer, "Brown", ".\n In addition to", "<AFG> and Wagner and "}};
  EXPECT_EQ(type_by_context(mentions, 1), kOrg);
  EXPECT_EQ(type_by_context(mentions, 2), kOrg);
  // "controlled by privately-held Wagner and Brown"
  mentions = {{kPer, "Wagner", " and Brown and by", "controlled by\nprivately-held "},
              {kPer, "Brown", " and by AFG", "privately-held Wagner and "}};
  EXPECT_EQ(type_by_context(mentions, 0), kOrg);
  EXPECT_EQ(type_by_context(mentions, 1), kOrg);
}

TEST(TypeByContext, TwoPersonsJoinedByAndStayPersons) {
  std::vector<TypedName> mentions = {{kPer, "Baker", " and Volcker said", "Treasury officials "},
                                     {kPer, "Volcker", " said on Monday", "officials Baker and "},
                                     {kOrg, "Federal Reserve", " would", "the "}};
  EXPECT_EQ(type_by_context(mentions, 0), std::nullopt);
  EXPECT_EQ(type_by_context(mentions, 1), std::nullopt);
}

}  // namespace
}  // namespace newsarchive
