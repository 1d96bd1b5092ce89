#include "query/more_like_this.h"

#include <gtest/gtest.h>

#include "store/document_builder.h"
#include "test_support.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

class MoreLikeThis : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string path = (dir_.path() / "db").string();
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
    add(db, "a", "Reactor inspectors found cracks in the reactor cooling pipes.");
    add(db, "b", "Cracks in cooling pipes closed the reactor for inspectors.");
    add(db, "c", "The football season opened with a draw.");
    db.commit();
    database_ = Xapian::Database(path);
  }
  static void add(Xapian::WritableDatabase& db, const std::string& id, const std::string& text) {
    Xapian::Document document;
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    generator.set_document(document);
    generator.index_text(text);
    generator.index_text(text, 1, "S");  // a headline's terms must not be chosen
    document.add_boolean_term(id_term(id));
    document.set_data(id);
    db.add_document(document);
  }
  std::vector<std::string> like(const std::string& id) {
    Xapian::Enquire enquire(database_);
    enquire.set_query(more_like_this_query(database_, id));
    std::vector<std::string> ids;
    Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto hit = mset.begin(); hit != mset.end(); ++hit)
      ids.push_back(hit.get_document().get_data());
    return ids;
  }
  testing::TempDir dir_;
  Xapian::Database database_;
};

TEST_F(MoreLikeThis, FindsTheSimilarArticleFirstAndNeverItself) {
  std::vector<std::string> found = like("a");
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found.front(), "b");
  EXPECT_EQ(std::count(found.begin(), found.end(), "a"), 0);
}

TEST_F(MoreLikeThis, UsesBodyStemsOnly) {
  Xapian::Query query = more_like_this_query(database_, "c");
  for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end(); ++term) {
    std::string t = *term;
    if (t == id_term("c")) continue;
    EXPECT_TRUE(t.size() > 1 && t[0] == 'Z' && t[1] != 'S') << t;
  }
}

TEST_F(MoreLikeThis, AnUnknownIdIsAUserError) {
  EXPECT_THROW(more_like_this_query(database_, "nope"), UserError);
}

}  // namespace
}  // namespace newsarchive
