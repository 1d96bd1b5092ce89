#include "query/spelling_suggestion.h"

#include <gtest/gtest.h>

#include "store/spelling.h"
#include "test_support.h"

namespace newsarchive {
namespace {

// Forty articles say "government budget kiev", three "goverment" (the tagger took it for an
// organisation in one of them), one names the person Nick Budgen (surname term as the indexer
// writes it) and one the place Kiev.
class SpellingSuggestion : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string path = (dir_.path() / "db").string();
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
    for (int i = 0; i < 40; ++i) add(db, "government budget kiev", "");
    add(db, "the goverment", "XOgoverment");
    add(db, "goverment said", "");
    add(db, "goverment denied", "");
    add(db, "budgen", "XFbudgen");
    add(db, "kiev", "XGkiev");
    synchronise_spelling(db);
    db.commit();
    database_ = Xapian::Database(path);
  }
  static void add(Xapian::WritableDatabase& db, const std::string& text, const std::string& name) {
    Xapian::Document document;
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    generator.set_document(document);
    generator.index_text(text);
    if (!name.empty()) document.add_boolean_term(name);
    db.add_document(document);
  }
  std::optional<std::string> correct(const std::string& text) {
    return correct_spelling(text, database_, Xapian::Stem("english"));
  }
  testing::TempDir dir_;
  Xapian::Database database_;
};

TEST_F(SpellingSuggestion, AWordNoArticleHoldsTakesTheSuggestion) {
  EXPECT_EQ(correct("goverrnment budgett"), "government budget");
  EXPECT_EQ(correct("Goverrnment"), "government");
}

TEST_F(SpellingSuggestion, ARareWordTakesItOnlyWhenTheSpellingIsFarCommoner) {
  EXPECT_EQ(correct("goverment"), "government");  // 3 articles against 40
  EXPECT_EQ(correct("budget goverment said"), "budget government said");
}

TEST_F(SpellingSuggestion, AWordTakenForANameInOneArticleOfThreeIsStillCorrected) {
  EXPECT_EQ(correct("Goverment"), "government");
}

TEST_F(SpellingSuggestion, NamesTheArchiveHoldsAreNeverCorrected) {
  EXPECT_EQ(correct("budgen"), std::nullopt);  // a surname, though "budget" is one edit away
  EXPECT_EQ(correct("Kiev budgett"), "Kiev budget");
}

TEST_F(SpellingSuggestion, WellSpeltQueriesPhrasesAndFieldsAreLeftAlone) {
  EXPECT_EQ(correct("government budget"), std::nullopt);
  EXPECT_EQ(correct("title:goverrnment"), std::nullopt);
  EXPECT_EQ(correct("\"the goverrnment\""), "\"the government\"");
  EXPECT_EQ(correct("zzzzqqq"), std::nullopt);  // nothing within two edits
}

}  // namespace
}  // namespace newsarchive
