// Unit: Searcher over small databases built in the test: ranking, the three sort orders and how
// they break ties, paging, totals, date filters, several databases searched as one, and the
// errors of opening them.
#include "query/search.h"

#include <gtest/gtest.h>
#include <xapian.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "store/analyzer.h"
#include "store/document_builder.h"
#include "store/metadata.h"
#include "store/schema.h"
#include "test_support.h"
#include "text/errors.h"

namespace newsarchive {
namespace {

namespace fs = std::filesystem;
using Ids = std::vector<std::string>;

Article article(const std::string& id, std::optional<Date> date, const std::string& title,
                const std::string& body) {
  Article a;
  a.id = id;
  a.date = date;
  a.title = title;
  a.body = body;
  return a;
}

// Three dated articles mentioning "harbour" in the headline (weighted 3) or the body twice or
// once, and an undated one that does not mention it.
const Article kEarly =
    article("early", Date{2020, 1, 4}, "Port news", "The harbour wall stands firm.");
const Article kMiddle =
    article("middle", Date{2020, 1, 5}, "Harbour closes", "The port authority acted.");
const Article kLate =
    article("late", Date{2020, 1, 6}, "Port news", "The harbour and the harbour wall.");
const Article kUndated = article("undated", std::nullopt, "Port notes", "The quay is busy.");

// Articles that score alike for "ferry" (same words but one, same lengths): two on one day and
// two undated, so only the tie-break orders them.
const Article kTwinA =
    article("twin-a", Date{2020, 3, 1}, "Ferry sails", "The ferry sails at noon.");
const Article kTwinB =
    article("twin-b", Date{2020, 3, 1}, "Ferry sails", "The ferry sails at dawn.");
const Article kUndatedA =
    article("undated-a", std::nullopt, "Ferry sails", "The ferry sails at dusk.");
const Article kUndatedB =
    article("undated-b", std::nullopt, "Ferry sails", "The ferry sails at nine.");

// Writes `articles` in this order (so with ascending docids) into a new database at `path`.
void make_database(const fs::path& path, const std::vector<Article>& articles,
                   const std::string& language = kDefaultLanguage) {
  Xapian::WritableDatabase database(path.string(), Xapian::DB_CREATE);
  Analyzer analyzer(language.empty() ? kDefaultLanguage : language);
  Xapian::TermGenerator generator = analyzer.make_term_generator();
  for (const Article& a : articles)
    database.replace_document(id_term(a.id), build_document(a, generator));
  write_schema_metadata(database, language);
  database.commit();
}

SearchRequest request(const std::string& query, SortOrder sort = SortOrder::kRelevance) {
  SearchRequest r;
  r.query = query;
  r.sort = sort;
  r.limit = 100;
  return r;
}

Ids ids_of(const SearchResult& result) {
  Ids ids;
  for (const Hit& hit : result.hits) ids.push_back(hit.id);
  return ids;
}

DatePeriod period(const char* text) {
  return *parse_date_period(text);
}

class SearchTest : public ::testing::Test {
 protected:
  void SetUp() override { make_database(path("db"), {kEarly, kMiddle, kLate, kUndated}); }

  std::string path(const std::string& name) const { return (dir_.path() / name).string(); }

  Ids search(const SearchRequest& r) { return ids_of(Searcher({path("db")}).search(r)); }

  testing::TempDir dir_;
};

TEST_F(SearchTest, RelevanceRanksHeadlineAboveTwoBodyMentionsAboveOne) {
  SearchResult result = Searcher({path("db")}).search(request("harbour"));
  EXPECT_EQ(ids_of(result), (Ids{"middle", "late", "early"}));
  ASSERT_EQ(result.hits.size(), 3u);
  EXPECT_GT(result.hits[0].score, result.hits[1].score);
  EXPECT_GT(result.hits[1].score, result.hits[2].score);
}

// Every hit of a match-all query scores the same: relevance order falls back to newest first.
TEST_F(SearchTest, RelevanceWithEqualScoresIsNewestFirstUndatedLast) {
  EXPECT_EQ(search(request("")), (Ids{"late", "middle", "early", "undated"}));
}

TEST_F(SearchTest, NewestPutsUndatedLast) {
  EXPECT_EQ(search(request("", SortOrder::kNewest)), (Ids{"late", "middle", "early", "undated"}));
}

// Undated articles have no sort value, which an ascending sort would put first without the
// default key.
TEST_F(SearchTest, OldestPutsUndatedLastToo) {
  EXPECT_EQ(search(request("", SortOrder::kOldest)), (Ids{"early", "middle", "late", "undated"}));
}

// The date decides before relevance: "middle" ranks first for harbour but is not the newest.
TEST_F(SearchTest, DateOrdersOverrideRelevance) {
  EXPECT_EQ(search(request("harbour", SortOrder::kNewest)), (Ids{"late", "middle", "early"}));
  EXPECT_EQ(search(request("harbour", SortOrder::kOldest)), (Ids{"early", "middle", "late"}));
}

TEST_F(SearchTest, OffsetAndLimitPageThroughTheSortedList) {
  SearchRequest r = request("", SortOrder::kOldest);
  r.offset = 1;
  r.limit = 2;
  SearchResult page = Searcher({path("db")}).search(r);
  EXPECT_EQ(ids_of(page), (Ids{"middle", "late"}));
  EXPECT_EQ(page.offset, 1u);
  ASSERT_EQ(page.hits.size(), 2u);
  EXPECT_EQ(page.hits[0].rank, 2u);  // ranks count from the top of the whole list
  EXPECT_EQ(page.hits[1].rank, 3u);
  EXPECT_EQ(page.total_estimate, 4u);  // the total is of every match, not of the page

  r.offset = 3;
  EXPECT_EQ(search(r), (Ids{"undated"}));
  r.offset = 4;
  SearchResult past_the_end = Searcher({path("db")}).search(r);
  EXPECT_EQ(ids_of(past_the_end), Ids{});
  EXPECT_EQ(past_the_end.total_estimate, 4u);
}

TEST_F(SearchTest, SmallMatchSetsAreCountedExactly) {
  SearchRequest r = request("harbour");
  r.limit = 1;
  SearchResult result = Searcher({path("db")}).search(r);
  EXPECT_EQ(result.hits.size(), 1u);
  EXPECT_EQ(result.total_estimate, 3u);
  EXPECT_TRUE(result.total_exact);

  SearchResult none = Searcher({path("db")}).search(request("lighthouse"));
  EXPECT_EQ(none.total_estimate, 0u);
  EXPECT_TRUE(none.total_exact);
  EXPECT_EQ(none.query, "lighthouse");
}

// The filters are inclusive at both ends and never let an undated article through.
TEST_F(SearchTest, FromAndToFilterByDateInclusively) {
  SearchRequest r = request("", SortOrder::kOldest);
  r.from = period("2020-01-05");
  EXPECT_EQ(search(r), (Ids{"middle", "late"}));
  r.from.reset();
  r.to = period("2020-01-05");
  EXPECT_EQ(search(r), (Ids{"early", "middle"}));
  r.from = period("2020-01-05");
  EXPECT_EQ(search(r), (Ids{"middle"}));
  r.from = period("2020-01");
  r.to = period("2020-01");
  EXPECT_EQ(search(r), (Ids{"early", "middle", "late"}));
  r.from = period("2020-01-07");
  r.to.reset();
  EXPECT_EQ(search(r), Ids{});
}

TEST_F(SearchTest, DateFiltersApplyToTheQuery) {
  SearchRequest r = request("harbour");
  r.to = period("2020-01-05");
  EXPECT_EQ(search(r), (Ids{"middle", "early"}));
}

// The twins' order in each sort, from the rule: date, then the content hash's first digits.
Ids twins_by_hash(bool descending) {
  bool a_first = content_hash(kTwinA).substr(0, schema::kSortKeyHashDigits) <
                 content_hash(kTwinB).substr(0, schema::kSortKeyHashDigits);
  if (descending) a_first = !a_first;
  return a_first ? Ids{"twin-a", "twin-b"} : Ids{"twin-b", "twin-a"};
}

TEST_F(SearchTest, EqualDatesAreOrderedByContentHash) {
  make_database(path("twins"), {kTwinA, kTwinB});
  Searcher searcher({path("twins")});
  EXPECT_EQ(ids_of(searcher.search(request("ferry"))), twins_by_hash(true));
  EXPECT_EQ(ids_of(searcher.search(request("ferry", SortOrder::kNewest))), twins_by_hash(true));
  EXPECT_EQ(ids_of(searcher.search(request("ferry", SortOrder::kOldest))), twins_by_hash(false));
}

// Docids depend on the order articles were loaded, sharded and merged; the same articles loaded
// in the opposite order must come out in the same order in every sort.
void expect_same_order_whatever_the_load_order(const fs::path& dir,
                                               const std::vector<Article>& articles) {
  std::vector<Article> reversed(articles.rbegin(), articles.rend());
  make_database(dir / "forward", articles);
  make_database(dir / "backward", reversed);
  Searcher forward({(dir / "forward").string()});
  Searcher backward({(dir / "backward").string()});
  for (SortOrder sort : {SortOrder::kRelevance, SortOrder::kNewest, SortOrder::kOldest}) {
    for (const char* query : {"ferry", ""}) {
      Ids expected = ids_of(forward.search(request(query, sort)));
      EXPECT_EQ(expected.size(), articles.size());
      EXPECT_EQ(ids_of(backward.search(request(query, sort))), expected)
          << "query '" << query << "', sort " << static_cast<int>(sort);
    }
  }
}

TEST_F(SearchTest, TiesBetweenDatedArticlesNeverDependOnLoadOrder) {
  expect_same_order_whatever_the_load_order(dir_.path(), {kTwinA, kTwinB});
}

// Undated articles that score alike are ordered by their content hash, never by docid: loaded
// backwards (or merged by a bulk load) they come out in the same order, in all three orders.
// Before schema 3 they had no sort key, and came out in load order.
TEST_F(SearchTest, TiesBetweenUndatedArticlesNeverDependOnLoadOrder) {
  expect_same_order_whatever_the_load_order(dir_.path(), {kTwinA, kTwinB, kUndatedA, kUndatedB});
}

// Xapian combines the term statistics of every database searched together, so two halves
// rank exactly as the whole does.
TEST_F(SearchTest, TwoDatabasesSearchLikeOneHoldingBoth) {
  make_database(path("half-1"), {kLate, kUndated, kTwinA});
  make_database(path("half-2"), {kMiddle, kEarly, kTwinB});
  make_database(path("whole"), {kEarly, kMiddle, kLate, kUndated, kTwinA, kTwinB});
  Searcher halves({path("half-1"), path("half-2")});
  Searcher whole({path("whole")});
  EXPECT_EQ(ids_of(halves.search(request("harbour"))), (Ids{"middle", "late", "early"}));
  for (SortOrder sort : {SortOrder::kRelevance, SortOrder::kNewest, SortOrder::kOldest}) {
    for (const char* query : {"harbour", "port", "ferry", ""}) {
      SearchResult expected = whole.search(request(query, sort));
      SearchResult actual = halves.search(request(query, sort));
      EXPECT_EQ(ids_of(actual), ids_of(expected))
          << "query '" << query << "', sort " << static_cast<int>(sort);
      EXPECT_EQ(actual.total_estimate, expected.total_estimate) << query;
    }
  }
}

// Each database's text was stemmed in its own language; one query parser cannot match both.
TEST_F(SearchTest, DatabasesOfDifferentLanguagesAreRefused) {
  make_database(path("fr"), {kTwinA}, "french");
  try {
    Searcher({path("db"), path("fr")});
    FAIL() << "expected UserError";
  } catch (const UserError& error) {
    EXPECT_EQ(std::string(error.what()),
              "databases use different languages: 'english' and 'french' (" + path("fr") + ")");
  }
}

// A database written without a language (before the key existed) is in the default language.
TEST_F(SearchTest, ADatabaseWithoutALanguageIsInTheDefaultOne) {
  make_database(path("unlabelled"), {kTwinA}, "");
  Searcher searcher({path("db"), path("unlabelled")});
  EXPECT_EQ(ids_of(searcher.search(request("ferry"))), (Ids{"twin-a"}));
}

TEST_F(SearchTest, AMissingDatabaseSaysHowToCreateOne) {
  const std::string missing = path("missing");
  try {
    Searcher({path("db"), missing});
    FAIL() << "expected UserError";
  } catch (const UserError& error) {
    EXPECT_EQ(std::string(error.what()), "no database at '" + missing +
                                             "'; create one with: newsindex index --db " + missing +
                                             " ARCHIVE_PATH");
  }
}

}  // namespace
}  // namespace newsarchive
