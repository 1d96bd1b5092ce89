#include "query/possessives.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace newsarchive {
namespace {

// A database holding the terms of "Blair's aides and Brown spoke" as the indexer writes them.
class Possessives : public ::testing::Test {
 protected:
  void SetUp() override {
    Xapian::WritableDatabase db((dir_.path() / "db").string(), Xapian::DB_CREATE);
    Xapian::Document document;
    Xapian::TermGenerator generator;
    generator.set_document(document);
    generator.index_text("Blair’s aides and Brown spoke");
    db.add_document(document);
    db.commit();
    database_ = Xapian::Database((dir_.path() / "db").string());
  }
  std::string field(const std::string& word) { return std::string(kPossessiveField) + ":" + word; }
  testing::TempDir dir_;
  Xapian::Database database_;
};

TEST_F(Possessives, OnlyCapitalisedWordsWhosePossessiveTheArchiveHoldsAreMarked) {
  EXPECT_EQ(mark_possessive_names("Blair Brown blair", database_), field("Blair") + " Brown blair");
  EXPECT_EQ(
      mark_possessive_names("-Blair (Blair)", database_),
      std::string("-").append(field("Blair")).append(" (").append(field("Blair")).append(")"));
}

TEST_F(Possessives, PhrasesFieldsAndProximityAreLeftAsTyped) {
  for (std::string text : {"\"Blair aides\"", "title:Blair", "Blair NEAR aides", "Blair*"})
    EXPECT_EQ(mark_possessive_names(text, database_), text);
}

TEST_F(Possessives, TheProcessorMakesTheWordAndItsPossessiveOneSynonym) {
  Xapian::FieldProcessor* processor = make_possessive_field_processor();
  Xapian::Query query = (*processor)("Blair");
  EXPECT_EQ(query.get_description(), "Query((blair SYNONYM blair's))");
  delete processor;
}

}  // namespace
}  // namespace newsarchive
