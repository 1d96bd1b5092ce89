#include "store/spelling.h"

#include <gtest/gtest.h>

#include <map>

#include "test_support.h"

namespace newsarchive {
namespace {

std::map<std::string, Xapian::doccount> table(const Xapian::Database& database) {
  std::map<std::string, Xapian::doccount> out;
  for (auto it = database.spellings_begin(); it != database.spellings_end(); ++it)
    out[*it] = it.get_termfreq();
  return out;
}

Xapian::Document document_of(const std::string& text) {
  Xapian::Document document;
  Xapian::TermGenerator generator;
  generator.set_stemmer(Xapian::Stem("english"));
  generator.set_document(document);
  generator.index_text(text);
  document.add_boolean_term("XPtony blair");
  return document;
}

using Table = std::map<std::string, Xapian::doccount>;

TEST(IsSpellingWord, LettersOnlyOfReasonableLength) {
  EXPECT_TRUE(is_spelling_word("government"));
  EXPECT_TRUE(is_spelling_word("café"));
  EXPECT_FALSE(is_spelling_word("an"));
  EXPECT_FALSE(is_spelling_word("blair's"));
  EXPECT_FALSE(is_spelling_word("1987"));
  EXPECT_FALSE(is_spelling_word("g7"));
  EXPECT_FALSE(is_spelling_word("Zgovern"));
  EXPECT_FALSE(is_spelling_word("XPtony blair"));
  EXPECT_FALSE(is_spelling_word(std::string(33, 'a')));
}

TEST(SynchroniseSpelling, TheTableFollowsTheArticlesWordForWord) {
  testing::TempDir dir;
  Xapian::WritableDatabase db((dir.path() / "db").string(), Xapian::DB_CREATE);
  db.add_document(document_of("Blair's government fell in 1987"));
  Xapian::docid second = db.add_document(document_of("the government rose"));
  synchronise_spelling(db);
  db.commit();
  EXPECT_EQ(table(db), (Table{{"fell", 1}, {"government", 2}, {"rose", 1}, {"the", 1}}));

  db.delete_document(second);
  db.add_document(document_of("rose rose garden"));
  synchronise_spelling(db);
  db.commit();
  EXPECT_EQ(table(db), (Table{{"fell", 1}, {"garden", 1}, {"government", 1}, {"rose", 1}}));
  synchronise_spelling(db);  // nothing left to change
  EXPECT_EQ(table(db), (Table{{"fell", 1}, {"garden", 1}, {"government", 1}, {"rose", 1}}));
}

}  // namespace
}  // namespace newsarchive
