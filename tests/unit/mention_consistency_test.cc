// Unit tests for entities/mention_consistency: person readings that give way to the type the
// article itself gives a name, and the ones that stay.
#include "entities/mention_consistency.h"

#include <gtest/gtest.h>

#include <vector>

namespace newsarchive {
namespace {

constexpr EntityType kPer = EntityType::kPerson;
constexpr EntityType kLoc = EntityType::kPlace;
constexpr EntityType kOrg = EntityType::kOrganization;
constexpr EntityType kMisc = EntityType::kMisc;

std::vector<EntityType> types_after(std::vector<TypedName> mentions) {
  make_types_consistent(mentions);
  std::vector<EntityType> types;
  for (const TypedName& m : mentions) types.push_back(m.type);
  return types;
}

TEST(MakeTypesConsistent, ANameTaggedAnotherTypeAsOftenTakesThatType) {
  EXPECT_EQ(types_after({{kPer, "Port Halden"}, {kLoc, "port halden"}}),
            (std::vector<EntityType>{kLoc, kLoc}));
  EXPECT_EQ(types_after({{kMisc, "Oscar"}, {kPer, "Oscar"}, {kMisc, "OSCAR"}}),
            (std::vector<EntityType>{kMisc, kMisc, kMisc}));
}

TEST(MakeTypesConsistent, AMostlyPersonNameStaysAPerson) {
  EXPECT_EQ(types_after({{kPer, "Washington"}, {kLoc, "Washington"}, {kPer, "Washington"}}),
            (std::vector<EntityType>{kPer, kLoc, kPer}));
}

TEST(MakeTypesConsistent, APersonMadeOfWordsOfOtherEntitiesTakesTheirType) {
  EXPECT_EQ(types_after({{kPer, "CHRYSLER"}, {kOrg, "Chrysler Corp"}}),
            (std::vector<EntityType>{kOrg, kOrg}));
  EXPECT_EQ(types_after({{kOrg, "Corvessa Athletic"}, {kPer, "Athletic"}, {kPer, "Corvessa"}}),
            (std::vector<EntityType>{kOrg, kOrg, kOrg}));
}

TEST(MakeTypesConsistent, AWordOfAnotherPersonKeepsThePersonReading) {
  EXPECT_EQ(types_after({{kPer, "Donald Trump"}, {kOrg, "Trump Organization"}, {kPer, "Trump"}}),
            (std::vector<EntityType>{kPer, kOrg, kPer}));
  // "Ford" is also outside any other entity: nothing says it is not a person.
  EXPECT_EQ(types_after({{kPer, "Ford"}, {kOrg, "Chrysler Corp"}}),
            (std::vector<EntityType>{kPer, kOrg}));
  EXPECT_EQ(types_after({}), (std::vector<EntityType>{}));
}

TEST(MakeTypesConsistent, ANameEndingInAPlaceOrOrganisationWordIsNoPerson) {
  // "Street" alone then belongs to the place "Downing Street" (rule 2).
  EXPECT_EQ(types_after({{kPer, "Downing Street"},
                         {kPer, "Corvessa Athletic"},
                         {kPer, "Street"},
                         {kPer, "Tony Blair"}}),
            (std::vector<EntityType>{kLoc, kOrg, kLoc, kPer}));
}

TEST(MakeTypesConsistent, ANameBeforeAnOrganisationWordIsAnOrganisation) {
  std::vector<TypedName> mentions = {{kPer, "Harris Upham", " and Co said"},
                                     {kPer, "Smith Barney", ", Inc. and"},
                                     {kPer, "Tony Blair", " and Cherie"},
                                     {kPer, "Alex Brown", " & Sons"},
                                     {kPer, "Jim Wright", " company"}};
  make_types_consistent(mentions);
  std::vector<EntityType> types;
  for (const TypedName& m : mentions) types.push_back(m.type);
  EXPECT_EQ(types, (std::vector<EntityType>{kOrg, kOrg, kPer, kOrg, kPer}));
}

TEST(MakeTypesConsistent, ANameListedBeforeAFirmIsAFirm) {
  std::vector<TypedName> mentions = {{kPer, "Smith Barney", ", Harris Upham\nand Co"},
                                     {kPer, "Harris Upham", "\nand Co said"},
                                     {kPer, "Tony Blair", ", Gordon Brown and"},
                                     {kPer, "Gordon Brown", " and Cherie"}};
  make_types_consistent(mentions);
  std::vector<EntityType> types;
  for (const TypedName& m : mentions) types.push_back(m.type);
  EXPECT_EQ(types, (std::vector<EntityType>{kOrg, kOrg, kPer, kPer}));
}

TEST(MakeTypesConsistent, ANameJoinedToAFirmBySlashOrListIsAFirm) {
  std::vector<TypedName> mentions = {{kPer, "Royal Dutch", "/Shell Group <RD>"},
                                     {kPer, "Smith Barney", ", Harris Upham and Co Inc"},
                                     {kOrg, "Harris Upham and Co Inc", "."},
                                     {kPer, "Tony Blair", "/Gordon Brown said"}};
  make_types_consistent(mentions);
  std::vector<EntityType> types;
  for (const TypedName& m : mentions) types.push_back(m.type);
  EXPECT_EQ(types, (std::vector<EntityType>{kOrg, kOrg, kOrg, kPer}));
}

TEST(MakeTypesConsistent, TheSurnameOfAFullNameIsThatPersonWhateverItsTag) {
  EXPECT_EQ(types_after({{kPer, "MaliVai Washington"},
                         {kLoc, "Washington"},
                         {kPer, "Washington"},
                         {kOrg, "WASHINGTON"}}),
            (std::vector<EntityType>{kPer, kPer, kPer, kPer}));
  // Unless the word is part of a longer name of another type: then the city is there too.
  EXPECT_EQ(types_after({{kPer, "Harold Washington"},
                         {kLoc, "Washington"},
                         {kOrg, "the Washington Post"},
                         {kPer, "Washington"}}),
            (std::vector<EntityType>{kPer, kLoc, kOrg, kPer}));
}

TEST(MakeTypesConsistent, AWordMostlyAPersonIsNotOutvotedByOneMisread) {
  EXPECT_EQ(types_after({{kPer, "WOODS"}, {kOrg, "Tiger Woods"}, {kPer, "Woods"}, {kPer, "Woods"}}),
            (std::vector<EntityType>{kPer, kOrg, kPer, kPer}));
  EXPECT_EQ(types_after({{kPer, "Chrysler"}, {kOrg, "Chrysler Corp"}, {kPer, "Chrysler"}}),
            (std::vector<EntityType>{kOrg, kOrg, kOrg}));
}

TEST(MakeTypesConsistent, PortsStormsAndLongFirmNamesHoldForEveryMention) {
  std::vector<TypedName> mentions = {{kPer, "Ilse", " brought", "the coast. Storm "},
                                     {kPer, "Ilse", "'s strength", "storms of "},
                                     {kPer, "Port Halden", " said", "in "},
                                     {kPer, "port halden", "", ""},
                                     {kPer, "Meridian", " Freight Group said", "of "},
                                     {kPer, "Tony Blair", " Saturday", "Storming "},
                                     {kPer, "Alex", ". Brown and Sons Inc", "by "},
                                     {kPer, "Reagan", " and Chrysler Corp", "said "}};
  make_types_consistent(mentions);
  std::vector<EntityType> types;
  for (const TypedName& m : mentions) types.push_back(m.type);
  EXPECT_EQ(types, (std::vector<EntityType>{kMisc, kMisc, kLoc, kLoc, kOrg, kPer, kOrg, kPer}));
}

TEST(MakeTypesConsistent, WhatTheSurroundingsSayOfHalfTheMentionsHoldsForAll) {
  // "the judge in Denver" once, "Denver said" once: a place throughout.
  EXPECT_EQ(types_after({{kPer, "Denver", " who is hearing", "the judge in "},
                         {kPer, "Denver", " said on Monday", "In a filing, "}}),
            (std::vector<EntityType>{kLoc, kLoc}));
  // Once in three is not enough.
  EXPECT_EQ(types_after({{kPer, "Denver", " who is hearing", "the judge in "},
                         {kPer, "Denver", " said on Monday", "In a filing, "},
                         {kPer, "Denver", " added", ". "}}),
            (std::vector<EntityType>{kPer, kPer, kPer}));
}

TEST(MakeTypesConsistent, ASurnameOfAFullNameIgnoresTheSurroundings) {
  EXPECT_EQ(types_after({{kPer, "James Baker", " said", "Treasury Secretary "},
                         {kPer, "Baker", ".", "markets have confidence from "}}),
            (std::vector<EntityType>{kPer, kPer}));
}

TEST(MakeTypesConsistent, ANameStartingLikeAClubIsAClub) {
  EXPECT_EQ(types_after({{kPer, "Deportivo Coruna"}, {kPer, "Deportivo"}, {kPer, "Rivaldo"}}),
            (std::vector<EntityType>{kOrg, kOrg, kPer}));
}

}  // namespace
}  // namespace newsarchive
