// Unit tests for entities/regnal_names: "Elizabeth I" and "Louis XIV" as persons, and the
// pronoun "I" kept out of a name.
#include "entities/regnal_names.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace newsarchive {
namespace {

// The mention of `written` in `text` typed `type`, after fix_regnal_name: its text and type.
std::pair<std::string, EntityType> fixed(std::string_view text, std::string_view written,
                                         EntityType type) {
  const size_t start = text.find(written);
  EXPECT_NE(start, std::string_view::npos) << written;
  EntityMention mention{type, start, start + written.size()};
  fix_regnal_name(text, mention, EntityTagger::english());
  return {std::string(text.substr(mention.start, mention.end - mention.start)), mention.type};
}

constexpr EntityType kPer = EntityType::kPerson;
constexpr EntityType kOrg = EntityType::kOrganization;
constexpr EntityType kMisc = EntityType::kMisc;

TEST(FixRegnalName, ThePronounAfterANameIsLeftOut) {
  EXPECT_EQ(fixed("When I met Reagan I said no.", "Reagan I", kOrg),
            std::make_pair(std::string("Reagan"), kOrg));
}

TEST(FixRegnalName, ARegnalIAfterANameIsTakenIn) {
  EXPECT_EQ(fixed("Elizabeth I of England had no heir.", "Elizabeth", kPer),
            std::make_pair(std::string("Elizabeth I"), kPer));
  EXPECT_EQ(fixed("In Elizabeth I's reign.", "Elizabeth", kPer),
            std::make_pair(std::string("Elizabeth I"), kPer));
  // An almanac line, and a given name the tagger typed otherwise.
  EXPECT_EQ(fixed("1533 - Queen Elizabeth I born .", "Elizabeth", kMisc),
            std::make_pair(std::string("Elizabeth I"), kPer));
  EXPECT_EQ(fixed("1930 - Belgian King Baudouin I born .", "Baudouin", kPer),
            std::make_pair(std::string("Baudouin I"), kPer));
}

TEST(FixRegnalName, ThePronounAfterARulersNameStaysOut) {
  EXPECT_EQ(fixed("He told King Hussein I would go.", "Hussein", kPer),
            std::make_pair(std::string("Hussein"), kPer));
  EXPECT_EQ(fixed("When Reagan I met, he smiled.", "Reagan", kPer),
            std::make_pair(std::string("Reagan"), kPer));
}

TEST(FixRegnalName, AGivenNameAndANumeralIsAPerson) {
  EXPECT_EQ(fixed("the court of Louis XIV and", "Louis XIV", kOrg),
            std::make_pair(std::string("Louis XIV"), kPer));
  EXPECT_EQ(fixed("1533 - Queen Elizabeth I born .", "Queen Elizabeth I", kOrg),
            std::make_pair(std::string("Queen Elizabeth I"), kPer));
  // No given name: a war, a sequel.
  EXPECT_EQ(fixed("after World War II ended", "World War II", kMisc),
            std::make_pair(std::string("World War II"), kMisc));
  // A numeral not in capitals is no regnal number.
  EXPECT_EQ(fixed("the Louis Xiv brand", "Louis Xiv", kOrg),
            std::make_pair(std::string("Louis Xiv"), kOrg));
}

}  // namespace
}  // namespace newsarchive
