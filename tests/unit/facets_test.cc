// Tests for facets.h: exact person/year/month counts, both counting paths, merged aliases.
#include "query/facets.h"

#include <gtest/gtest.h>

#include <map>

#include "entities/person_names.h"
#include "store/analyzer.h"
#include "store/document_builder.h"
#include "store/metadata.h"
#include "store/schema.h"
#include "test_support.h"

namespace newsarchive {
namespace {

using Rows = std::vector<FacetValue>;

Article article(const std::string& id, std::optional<Date> date, std::vector<std::string> persons,
                const std::string& body = "troops") {
  Article a;
  a.id = id;
  a.date = date;
  a.title = id;
  a.body = body;
  a.persons = std::move(persons);
  return a;
}

// A database of articles whose persons are set directly (no tagger), committed.
class FacetDatabase : public ::testing::Test {
 protected:
  void SetUp() override {
    Xapian::WritableDatabase db(path(), Xapian::DB_CREATE);
    Analyzer analyzer(kDefaultLanguage);
    Xapian::TermGenerator generator = analyzer.make_term_generator();
    std::vector<Article> articles = {
        article("a", Date{2019, 11, 3}, {"Mark Esper", "Donald Trump"}),
        article("b", Date{2020, 1, 6}, {"MARK ESPER", "Qassem Soleimani", "Donald Trump"}),
        article("c", Date{2020, 1, 20}, {"Mark Esper"}),
        article("d", Date{2020, 3, 1}, {"Ali Khamenei"}, "peace"),
        article("e", std::nullopt, {"Donald Trump", "Mark Esper"}),
        article("f", Date{2020, 1, 7}, {}),
    };
    for (const Article& a : articles) db.add_document(build_document(a, generator));
    db.set_metadata(std::string(schema::kPersonSlotsKey), "3");
    db.commit();
  }

  std::string path() const { return dir_.path().string() + "/db"; }

  FacetResults count(const Xapian::Query& query, FacetMode mode, size_t limit = 10,
                     std::set<FacetKind> kinds = {FacetKind::kPerson, FacetKind::kYear,
                                                  FacetKind::kMonth}) {
    Xapian::Database db(path());
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    FacetCounter counter(db, person_slot_count(db), kinds, mode);
    counter.attach(enquire);
    enquire.get_mset(0, 10, db.get_doccount());
    return counter.results(limit);
  }

  testing::TempDir dir_;
};

TEST_F(FacetDatabase, PersonCountsMergeDisplayFormsByKeyAndOrderByCount) {
  FacetResults facets = count(Xapian::Query::MatchAll, FacetMode::kValueStreams);
  EXPECT_EQ(
      facets[FacetKind::kPerson],
      (Rows{{"Mark Esper", 4}, {"Donald Trump", 3}, {"Ali Khamenei", 1}, {"Qassem Soleimani", 1}}));
}

TEST_F(FacetDatabase, CountsCoverOnlyMatchingArticles) {
  FacetResults facets = count(Xapian::Query("troops"), FacetMode::kValueStreams);
  // "d" says "peace", not troops: Khamenei drops out.
  EXPECT_EQ(facets[FacetKind::kPerson],
            (Rows{{"Mark Esper", 4}, {"Donald Trump", 3}, {"Qassem Soleimani", 1}}));
}

TEST_F(FacetDatabase, PersonRowsAreCutToTheLimit) {
  FacetResults facets = count(Xapian::Query::MatchAll, FacetMode::kValueStreams, 2);
  EXPECT_EQ(facets[FacetKind::kPerson], (Rows{{"Mark Esper", 4}, {"Donald Trump", 3}}));
}

TEST_F(FacetDatabase, YearsAndMonthsAreAChronologicalHistogramWithGapsFilled) {
  FacetResults facets = count(Xapian::Query::MatchAll, FacetMode::kValueStreams);
  EXPECT_EQ(facets[FacetKind::kYear], (Rows{{"2019", 1}, {"2020", 4}}));  // undated "e" excluded
  EXPECT_EQ(facets[FacetKind::kMonth],
            (Rows{{"2019-11", 1}, {"2019-12", 0}, {"2020-01", 3}, {"2020-02", 0}, {"2020-03", 1}}));
}

TEST_F(FacetDatabase, OnlyRequestedKindsAreReturned) {
  FacetResults facets =
      count(Xapian::Query::MatchAll, FacetMode::kValueStreams, 10, {FacetKind::kYear});
  EXPECT_EQ(facets.size(), 1u);
  EXPECT_TRUE(facets.contains(FacetKind::kYear));
}

TEST_F(FacetDatabase, NoMatchesGiveEmptyRows) {
  FacetResults facets = count(Xapian::Query("nosuchword"), FacetMode::kValueStreams);
  EXPECT_TRUE(facets[FacetKind::kPerson].empty());
  EXPECT_TRUE(facets[FacetKind::kYear].empty());
}

// The stock-spy path is what a remote shard can run; it must agree with the fast path.
TEST_F(FacetDatabase, StockSpiesAndValueStreamsAgree) {
  for (const Xapian::Query& query :
       {Xapian::Query::MatchAll, Xapian::Query("troops"), Xapian::Query("peace"),
        Xapian::Query(filter_term(schema::kSurnamePrefix, "esper"))}) {
    EXPECT_EQ(count(query, FacetMode::kStockSpies), count(query, FacetMode::kValueStreams))
        << query.get_description();
  }
}

// Brute force: for every person term in the database, the number of matching articles that
// carry it must equal its facet count.
TEST_F(FacetDatabase, CountsEqualABruteForceCountOfPersonTerms) {
  Xapian::Database db(path());
  Xapian::Query query("troops");  // an unstemmed term of the body
  FacetResults facets = count(query, FacetMode::kValueStreams, 1000);
  std::map<std::string, Xapian::doccount> brute;
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  Xapian::MSet all = enquire.get_mset(0, db.get_doccount());
  std::string prefix(schema::kPersonPrefix);
  for (auto it = all.begin(); it != all.end(); ++it) {
    Xapian::Document document = it.get_document();
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term)
      if ((*term).starts_with(prefix)) ++brute[(*term).substr(prefix.size())];
  }
  std::map<std::string, Xapian::doccount> from_facets;
  for (const FacetValue& row : facets[FacetKind::kPerson])
    from_facets[person_key(row.value)] = row.count;
  EXPECT_EQ(from_facets, brute);
}

// The person facet's display form is the form most articles use, whichever came first; ties go
// to mixed case over ALL CAPS, then to the smaller byte string. Both paths, exact rows.
TEST(PersonFacetDisplayForm, IsTheMostCommonMergedForm) {
  testing::TempDir dir;
  std::string path = dir.path().string() + "/db";
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
    Xapian::TermGenerator generator = Analyzer(kDefaultLanguage).make_term_generator();
    const std::vector<std::vector<std::string>> persons = {
        {"GEORGE W. BUSH", "TONY BLAIR"},     {"George W Bush", "Tony Blair"},
        {"George W. Bush", "Jacques Chirac"}, {"George W. Bush", "JACQUES CHIRAC"},
        {"george w bush", "jacques chirac"},
    };
    for (size_t i = 0; i < persons.size(); ++i)
      db.add_document(build_document(article("p" + std::to_string(i), Date{2003, 3, 1}, persons[i]),
                                     generator));
    db.set_metadata(std::string(schema::kPersonSlotsKey), "2");
    db.commit();
  }
  Xapian::Database db(path);
  for (FacetMode mode : {FacetMode::kValueStreams, FacetMode::kStockSpies}) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query::MatchAll);
    FacetCounter counter(db, person_slot_count(db), {FacetKind::kPerson}, mode);
    counter.attach(enquire);
    enquire.get_mset(0, 10, db.get_doccount());
    // Bush: "George W. Bush" 2 beats one each of the others, the first article's "GEORGE W.
    // BUSH" among them. Chirac: one each of mixed case, capitals and small letters. Blair: a tie
    // of mixed case and capitals, the capitals first.
    EXPECT_EQ(counter.results(10)[FacetKind::kPerson],
              (Rows{{"George W. Bush", 5}, {"Jacques Chirac", 3}, {"Tony Blair", 2}}));
  }
}

TEST(FacetNames, RoundTrip) {
  for (FacetKind kind : {FacetKind::kPerson, FacetKind::kYear, FacetKind::kMonth})
    EXPECT_EQ(facet_from_name(facet_name(kind)), kind);
  EXPECT_EQ(facet_from_name("place"), std::nullopt);
}

}  // namespace
}  // namespace newsarchive
