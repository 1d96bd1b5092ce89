#include "query/search_notes.h"

#include <gtest/gtest.h>

#include "test_support.h"

namespace newsarchive {
namespace {

TEST(WordsMatchingNothing, NamesEachFreeWordNoArticleHoldsInAnyForm) {
  testing::TempDir dir;
  std::string path = (dir.path() / "db").string();
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
    Xapian::Document document;
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    generator.set_document(document);
    generator.index_text("Blair's troops withdrawing");
    db.add_document(document);
    db.commit();
  }
  Xapian::Database database(path);
  Xapian::Stem stemmer("english");
  // Blair by its possessive, Troop and withdraws by stem; Blari and zebra nowhere, each
  // named once; a field's value and an operator are not free words.
  EXPECT_EQ(words_matching_nothing("Blair Troop withdraws Blari zebra Blari title:nothing OR x",
                                   database, stemmer),
            (std::vector<std::string>{"Blari", "zebra", "x"}));
  EXPECT_TRUE(words_matching_nothing("", database, stemmer).empty());
}

}  // namespace
}  // namespace newsarchive
