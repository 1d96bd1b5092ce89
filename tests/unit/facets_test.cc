// Tests for facets.h: exact person/place/org/year/month counts, both counting paths, merged
// display forms.
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

using Names = std::vector<std::string>;

Article article(const std::string& id, std::optional<Date> date, Names persons,
                const std::string& body = "troops", Names places = {}, Names organizations = {}) {
  Article a;
  a.id = id;
  a.date = date;
  a.title = id;
  a.body = body;
  a.persons = std::move(persons);
  a.places = std::move(places);
  a.organizations = std::move(organizations);
  return a;
}

const std::set<FacetKind> kEveryKind = {FacetKind::kPerson, FacetKind::kPlace,
                                        FacetKind::kOrganization, FacetKind::kYear,
                                        FacetKind::kMonth};

// A database of articles whose entities are set directly (no tagger), committed. The first
// article's form of a name is not always the most common one ("BAGHDAD"), and "TEHRAN" and
// "Tehran" tie.
class FacetDatabase : public ::testing::Test {
 protected:
  void SetUp() override {
    Xapian::WritableDatabase db(path(), Xapian::DB_CREATE);
    Analyzer analyzer(kDefaultLanguage);
    Xapian::TermGenerator generator = analyzer.make_term_generator();
    std::vector<Article> articles = {
        article("a", Date{2019, 11, 3}, {"Mark Esper", "Donald Trump"}, "troops",
                {"BAGHDAD", "Washington"}, {"the United Nations"}),
        article("b", Date{2020, 1, 6}, {"MARK ESPER", "Qassem Soleimani", "Donald Trump"}, "troops",
                {"Baghdad", "TEHRAN"}, {"U.S. Army", "the United Nations"}),
        article("c", Date{2020, 1, 20}, {"Mark Esper"}, "troops", {"Baghdad"}, {"US Army"}),
        article("d", Date{2020, 3, 1}, {"Ali Khamenei"}, "peace", {"Tehran"}, {"Reuters"}),
        article("e", std::nullopt, {"Donald Trump", "Mark Esper"}, "troops",
                {"Washington", "baghdad"}, {"U.S. Army"}),
        article("f", Date{2020, 1, 7}, {}),
    };
    for (const Article& a : articles) db.add_document(build_document(a, generator));
    write_commit_metadata(db, EntitySlotCounts{3, 2, 2}, Checkpoint{});
    db.commit();
  }

  std::string path() const { return dir_.path().string() + "/db"; }

  FacetResults count(const Xapian::Query& query, FacetMode mode, size_t limit = 10,
                     std::set<FacetKind> kinds = kEveryKind) {
    Xapian::Database db(path());
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    FacetCounter counter(db, entity_slot_counts(db), kinds, mode);
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

TEST_F(FacetDatabase, NameRowsAreCutToTheLimit) {
  FacetResults facets = count(Xapian::Query::MatchAll, FacetMode::kValueStreams, 2);
  EXPECT_EQ(facets[FacetKind::kPerson], (Rows{{"Mark Esper", 4}, {"Donald Trump", 3}}));
  EXPECT_EQ(facets[FacetKind::kPlace], (Rows{{"Baghdad", 4}, {"Tehran", 2}}));
  EXPECT_EQ(facets[FacetKind::kOrganization], (Rows{{"U.S. Army", 3}, {"the United Nations", 2}}));
}

// "BAGHDAD" (the first article's), "Baghdad" twice and "baghdad" are one row shown as
// "Baghdad"; "TEHRAN" and "Tehran" tie and the mixed-case form is shown.
TEST_F(FacetDatabase, PlaceCountsMergeFormsByKeyAndShowTheMostCommon) {
  FacetResults facets = count(Xapian::Query::MatchAll, FacetMode::kValueStreams);
  EXPECT_EQ(facets[FacetKind::kPlace], (Rows{{"Baghdad", 4}, {"Tehran", 2}, {"Washington", 2}}));
}

TEST_F(FacetDatabase, OrganisationCountsMergeFormsByKey) {
  FacetResults facets = count(Xapian::Query::MatchAll, FacetMode::kValueStreams);
  EXPECT_EQ(facets[FacetKind::kOrganization],
            (Rows{{"U.S. Army", 3}, {"the United Nations", 2}, {"Reuters", 1}}));
}

TEST_F(FacetDatabase, PlaceAndOrganisationCountsCoverOnlyMatchingArticles) {
  FacetResults facets = count(Xapian::Query("troops"), FacetMode::kValueStreams);
  // "d" (Tehran, Reuters) says "peace": the Tehran row is b's "TEHRAN" alone.
  EXPECT_EQ(facets[FacetKind::kPlace], (Rows{{"Baghdad", 4}, {"Washington", 2}, {"TEHRAN", 1}}));
  EXPECT_EQ(facets[FacetKind::kOrganization], (Rows{{"U.S. Army", 3}, {"the United Nations", 2}}));
}

// The slot counts say how many slots to read: a database that records none (an older schema)
// gets empty place and organisation rows, not an error.
TEST_F(FacetDatabase, NoRecordedSlotsGiveNoRows) {
  Xapian::Database db(path());
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query::MatchAll);
  FacetCounter counter(db, EntitySlotCounts{3, 0, 0}, kEveryKind, FacetMode::kStockSpies);
  counter.attach(enquire);
  enquire.get_mset(0, 10, db.get_doccount());
  FacetResults facets = counter.results(10);
  EXPECT_EQ(facets[FacetKind::kPerson].size(), 4u);
  EXPECT_TRUE(facets[FacetKind::kPlace].empty());
  EXPECT_TRUE(facets[FacetKind::kOrganization].empty());
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
  facets = count(Xapian::Query::MatchAll, FacetMode::kStockSpies, 10, {FacetKind::kOrganization});
  EXPECT_EQ(facets.size(), 1u);
  EXPECT_EQ(facets[FacetKind::kOrganization].size(), 3u);
}

TEST_F(FacetDatabase, NoMatchesGiveEmptyRows) {
  FacetResults facets = count(Xapian::Query("nosuchword"), FacetMode::kValueStreams);
  EXPECT_TRUE(facets[FacetKind::kPerson].empty());
  EXPECT_TRUE(facets[FacetKind::kPlace].empty());
  EXPECT_TRUE(facets[FacetKind::kOrganization].empty());
  EXPECT_TRUE(facets[FacetKind::kYear].empty());
}

// The stock-spy path is what a remote shard can run; it must agree with the fast path.
TEST_F(FacetDatabase, StockSpiesAndValueStreamsAgree) {
  for (const Xapian::Query& query :
       {Xapian::Query::MatchAll, Xapian::Query("troops"), Xapian::Query("peace"),
        Xapian::Query(filter_term(schema::kSurnamePrefix, "esper")),
        Xapian::Query(filter_term(schema::kPlacePrefix, "baghdad")),
        Xapian::Query(filter_term(schema::kOrganizationPrefix, "us army"))}) {
    FacetResults stock = count(query, FacetMode::kStockSpies);
    EXPECT_EQ(stock, count(query, FacetMode::kValueStreams)) << query.get_description();
    EXPECT_EQ(stock.size(), kEveryKind.size());
  }
  // Not vacuous: the stock spies see the places and organisations too.
  EXPECT_EQ(count(Xapian::Query::MatchAll, FacetMode::kStockSpies)[FacetKind::kPlace],
            (Rows{{"Baghdad", 4}, {"Tehran", 2}, {"Washington", 2}}));
  EXPECT_EQ(count(Xapian::Query::MatchAll, FacetMode::kStockSpies)[FacetKind::kOrganization],
            (Rows{{"U.S. Army", 3}, {"the United Nations", 2}, {"Reuters", 1}}));
}

// Brute force: for every person, place and organisation term in the database, the number of
// matching articles that carry it must equal its facet count, on both paths.
TEST_F(FacetDatabase, CountsEqualABruteForceCountOfEntityTerms) {
  Xapian::Database db(path());
  Xapian::Query query("troops");  // an unstemmed term of the body
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  Xapian::MSet all = enquire.get_mset(0, db.get_doccount());
  const std::pair<FacetKind, std::string_view> kinds[] = {
      {FacetKind::kPerson, schema::kPersonPrefix},
      {FacetKind::kPlace, schema::kPlacePrefix},
      {FacetKind::kOrganization, schema::kOrganizationPrefix}};
  for (FacetMode mode : {FacetMode::kValueStreams, FacetMode::kStockSpies}) {
    FacetResults facets = count(query, mode, 1000);
    for (const auto& [kind, prefix_view] : kinds) {
      std::string prefix(prefix_view);
      std::map<std::string, Xapian::doccount> brute;
      for (auto it = all.begin(); it != all.end(); ++it) {
        Xapian::Document document = it.get_document();
        for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term)
          if ((*term).starts_with(prefix)) ++brute[(*term).substr(prefix.size())];
      }
      std::map<std::string, Xapian::doccount> from_facets;
      for (const FacetValue& row : facets[kind]) from_facets[person_key(row.value)] = row.count;
      EXPECT_EQ(from_facets, brute) << facet_name(kind);
      EXPECT_FALSE(brute.empty()) << facet_name(kind);
    }
  }
}

// The person facet's display form is the form most articles use, whichever came first; ties go
// to mixed case over ALL CAPS, then to the smaller byte string. Both paths, exact rows.
TEST(PersonFacetDisplayForm, IsTheMostCommonMergedForm) {
  testing::TempDir dir;
  std::string path = dir.path().string() + "/db";
  {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE);
    Xapian::TermGenerator generator = Analyzer(kDefaultLanguage).make_term_generator();
    const std::vector<Names> persons = {
        {"GEORGE W. BUSH", "TONY BLAIR"},     {"George W Bush", "Tony Blair"},
        {"George W. Bush", "Jacques Chirac"}, {"George W. Bush", "JACQUES CHIRAC"},
        {"george w bush", "jacques chirac"},
    };
    for (size_t i = 0; i < persons.size(); ++i)
      db.add_document(build_document(article("p" + std::to_string(i), Date{2003, 3, 1}, persons[i]),
                                     generator));
    write_commit_metadata(db, EntitySlotCounts{2, 0, 0}, Checkpoint{});
    db.commit();
  }
  Xapian::Database db(path);
  for (FacetMode mode : {FacetMode::kValueStreams, FacetMode::kStockSpies}) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query::MatchAll);
    FacetCounter counter(db, entity_slot_counts(db), {FacetKind::kPerson}, mode);
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
  for (FacetKind kind : kEveryKind) EXPECT_EQ(facet_from_name(facet_name(kind)), kind);
  EXPECT_EQ(facet_name(FacetKind::kPlace), "place");
  EXPECT_EQ(facet_name(FacetKind::kOrganization), "org");  // as the org: query field
  EXPECT_EQ(facet_from_name("places"), std::nullopt);
  EXPECT_EQ(facet_from_name("organization"), std::nullopt);
}

TEST(FacetNames, NameFacetsArePersonPlaceAndOrg) {
  EXPECT_TRUE(is_name_facet(FacetKind::kPerson));
  EXPECT_TRUE(is_name_facet(FacetKind::kPlace));
  EXPECT_TRUE(is_name_facet(FacetKind::kOrganization));
  EXPECT_FALSE(is_name_facet(FacetKind::kYear));
  EXPECT_FALSE(is_name_facet(FacetKind::kMonth));
}

}  // namespace
}  // namespace newsarchive
